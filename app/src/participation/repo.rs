//! SQL of cohort membership: the carry-over page's lists, the invitations it
//! writes, and a mentor's answer.
use sqlx::{SqliteConnection, SqlitePool};

use super::{CarriedMentor, CarryCandidate, CohortInvitation, InvitationAnswer, MembershipStatus};
use crate::catalog::Cohort;
use crate::profiles::WeeklyAvailability;

/// The other cohorts, newest first (where mentors may be carried over from).
pub async fn sources(pool: &SqlitePool, code: &str) -> Result<Vec<Cohort>, sqlx::Error> {
    let mut cohorts = crate::catalog::repo::list_cohorts(pool).await?;
    cohorts.retain(|cohort| cohort.code != code);
    cohorts.reverse();
    Ok(cohorts)
}

#[derive(sqlx::FromRow)]
struct CandidateRow {
    profile_id: i64,
    name: String,
    capacity: Option<i64>,
    open_pairs: i64,
    status_here: Option<String>,
}

/// The confirmed mentors of `source` with an active account, and where each
/// stands in `target` already.
pub async fn candidates(
    pool: &SqlitePool,
    target: i64,
    source: i64,
) -> Result<Vec<CarryCandidate>, sqlx::Error> {
    let rows: Vec<CandidateRow> = sqlx::query_as(
        "SELECT p.id AS profile_id, a.display_name AS name, p.capacity, \
            (SELECT COUNT(*) FROM pairs x WHERE x.mentor_profile_id = p.id \
               AND x.status IN ('proposed', 'active')) AS open_pairs, \
            here.status AS status_here \
         FROM cohort_members cm JOIN profiles p ON p.id = cm.profile_id \
         JOIN accounts a ON a.id = p.account_id \
         LEFT JOIN cohort_members here ON here.profile_id = p.id AND here.cohort_id = ? \
         WHERE cm.cohort_id = ? AND cm.status = 'confirmed' AND p.role = 'mentor' \
           AND a.role = 'mentor' AND a.is_disabled = 0 \
         ORDER BY a.display_name COLLATE NOCASE, p.id",
    )
    .bind(target)
    .bind(source)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(CarryCandidate {
                profile_id: row.profile_id,
                name: row.name,
                capacity: row
                    .capacity
                    .unwrap_or(crate::profiles::repo::DEFAULT_CAPACITY),
                open_pairs: row.open_pairs,
                status_here: crate::stored::decode_optional(
                    "cohort_members",
                    "status",
                    row.status_here.as_deref(),
                )?,
            })
        })
        .collect()
}

#[derive(sqlx::FromRow)]
struct AskedRow {
    name: String,
    status: String,
    capacity: Option<i64>,
    invited_at: String,
}

/// The mentors asked to confirm for `target` (by a carry-over), and their answers.
pub async fn asked(pool: &SqlitePool, target: i64) -> Result<Vec<CarriedMentor>, sqlx::Error> {
    let rows: Vec<AskedRow> = sqlx::query_as(
        "SELECT a.display_name AS name, cm.status, cm.capacity, cm.invited_at \
         FROM cohort_members cm JOIN profiles p ON p.id = cm.profile_id \
         JOIN accounts a ON a.id = p.account_id \
         WHERE cm.cohort_id = ? AND cm.invited_at IS NOT NULL \
         ORDER BY cm.status = 'invited' DESC, a.display_name COLLATE NOCASE",
    )
    .bind(target)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(CarriedMentor {
                name: row.name,
                status: crate::stored::decode_or_skip("cohort_members", "status", &row.status)?,
                capacity: row.capacity,
                invited_at: crate::program_time::program_time(&row.invited_at),
            })
        })
        .collect())
}

/// A mentor just asked to confirm: who to email, in their language.
#[derive(Debug, sqlx::FromRow)]
pub struct AskedMentor {
    pub profile_id: i64,
    pub email: String,
    pub display_name: String,
    pub locale: String,
}

/// Asks these mentors of `source` to confirm for `target`: one `invited`
/// membership each, for those who are confirmed mentors of `source` with an
/// active account and not yet anywhere in `target`. Answers who was asked.
pub async fn invite(
    connection: &mut SqliteConnection,
    target: i64,
    source: i64,
    profile_ids: &[i64],
    by: i64,
    now: &str,
) -> Result<Vec<AskedMentor>, sqlx::Error> {
    let mut asked = Vec::new();
    for id in profile_ids {
        let inserted = sqlx::query(
            "INSERT INTO cohort_members (cohort_id, profile_id, status, capacity, availability, \
                 invited_by, invited_at) \
             SELECT ?, p.id, 'invited', p.capacity, p.availability, ?, ? \
             FROM cohort_members cm JOIN profiles p ON p.id = cm.profile_id \
             JOIN accounts a ON a.id = p.account_id \
             WHERE cm.cohort_id = ? AND cm.profile_id = ? AND cm.status = 'confirmed' \
               AND p.role = 'mentor' AND a.role = 'mentor' AND a.is_disabled = 0 \
             ON CONFLICT (cohort_id, profile_id) DO NOTHING",
        )
        .bind(target)
        .bind(by)
        .bind(now)
        .bind(source)
        .bind(id)
        .execute(&mut *connection)
        .await?
        .rows_affected();
        if inserted == 0 {
            continue;
        }
        let mentor: Option<AskedMentor> = sqlx::query_as(
            "SELECT p.id AS profile_id, a.email, a.display_name, a.locale \
             FROM profiles p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?",
        )
        .bind(id)
        .fetch_optional(&mut *connection)
        .await?;
        asked.extend(mentor);
    }
    Ok(asked)
}

#[derive(sqlx::FromRow)]
struct InvitationRow {
    status: String,
    confirmed_capacity: Option<i64>,
    confirmed_availability: Option<i64>,
    capacity: Option<i64>,
    availability: i64,
    open_pairs: i64,
}

/// A mentor's membership of the cohort `code` (by account), with what its
/// form proposes; `None` when they are not asked nor a member there.
pub async fn invitation(
    pool: &SqlitePool,
    account_id: i64,
    code: &str,
) -> Result<Option<CohortInvitation>, sqlx::Error> {
    let Some(cohort) = crate::catalog::repo::find_cohort(pool, code).await? else {
        return Ok(None);
    };
    let row: Option<InvitationRow> = sqlx::query_as(
        "SELECT cm.status, cm.capacity AS confirmed_capacity, \
            cm.availability AS confirmed_availability, p.capacity, p.availability, \
            (SELECT COUNT(*) FROM pairs x WHERE x.mentor_profile_id = p.id \
               AND x.status IN ('proposed', 'active')) AS open_pairs \
         FROM cohort_members cm JOIN profiles p ON p.id = cm.profile_id \
         JOIN cohorts c ON c.id = cm.cohort_id \
         WHERE p.account_id = ? AND p.role = 'mentor' AND c.code = ?",
    )
    .bind(account_id)
    .bind(code)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        let availability = row.confirmed_availability.unwrap_or(row.availability);
        Ok(CohortInvitation {
            cohort,
            status: crate::stored::decode("cohort_members", "status", &row.status)?,
            capacity: row
                .confirmed_capacity
                .or(row.capacity)
                .unwrap_or(crate::profiles::repo::DEFAULT_CAPACITY),
            availability: WeeklyAvailability(u32::try_from(availability).unwrap_or(0)),
            open_pairs: row.open_pairs,
        })
    })
    .transpose()
}

/// The cohorts (codes and names) a mentor is asked to confirm for and has
/// not answered, soonest first: their page's reminder.
pub async fn waiting_invitations(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Vec<Cohort>, sqlx::Error> {
    let codes: Vec<String> = sqlx::query_scalar(
        "SELECT c.code FROM cohort_members cm JOIN profiles p ON p.id = cm.profile_id \
         JOIN cohorts c ON c.id = cm.cohort_id \
         WHERE p.account_id = ? AND cm.status = 'invited' AND c.closed_at IS NULL \
         ORDER BY c.starts_on, c.id",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await?;
    let cohorts = crate::catalog::repo::list_cohorts(pool).await?;
    Ok(codes
        .iter()
        .filter_map(|code| cohorts.iter().find(|cohort| &cohort.code == code).cloned())
        .collect())
}

/// Writes a mentor's answer for the cohort `code`, read and written in the
/// caller's transaction. A confirmation also sets their profile's capacity
/// and availability (which the board reads) and, when the cohort starts
/// later than their latest one, makes it their latest; declining their
/// latest cohort gives back the one before. `false` when they
/// were not asked there, or the cohort is concluded.
pub async fn answer(
    connection: &mut SqliteConnection,
    account_id: i64,
    code: &str,
    answer: InvitationAnswer,
    now: &str,
) -> Result<bool, sqlx::Error> {
    let (status, capacity, availability) = match answer {
        InvitationAnswer::Confirm {
            capacity,
            availability,
        } => (
            MembershipStatus::Confirmed,
            Some(capacity),
            Some(i64::from(availability.0)),
        ),
        InvitationAnswer::Decline => (MembershipStatus::Declined, None, None),
    };
    let updated = sqlx::query(
        "UPDATE cohort_members SET status = ?, \
            capacity = COALESCE(?, capacity), availability = COALESCE(?, availability), \
            answered_at = ? \
         WHERE profile_id = (SELECT id FROM profiles WHERE account_id = ? AND role = 'mentor') \
           AND cohort_id = (SELECT id FROM cohorts WHERE code = ? AND closed_at IS NULL)",
    )
    .bind(status.as_str())
    .bind(capacity)
    .bind(availability)
    .bind(now)
    .bind(account_id)
    .bind(code)
    .execute(&mut *connection)
    .await?
    .rows_affected();
    if updated == 0 {
        return Ok(false);
    }
    if status == MembershipStatus::Declined {
        let profile: Option<i64> =
            sqlx::query_scalar("SELECT id FROM profiles WHERE account_id = ? AND role = 'mentor'")
                .bind(account_id)
                .fetch_optional(&mut *connection)
                .await?;
        if let Some(profile) = profile {
            crate::catalog::repo::leave_latest_cohort(connection, profile, code).await?;
        }
    }
    if let (Some(capacity), Some(availability)) = (capacity, availability) {
        sqlx::query(
            "UPDATE profiles SET capacity = ?, availability = ?, updated_at = ?, \
               cohort_id = CASE WHEN cohort_id IS NULL OR \
                   (SELECT starts_on FROM cohorts WHERE id = profiles.cohort_id) \
                     < (SELECT starts_on FROM cohorts WHERE code = ?) \
                 THEN (SELECT id FROM cohorts WHERE code = ?) ELSE cohort_id END \
             WHERE account_id = ? AND role = 'mentor'",
        )
        .bind(capacity)
        .bind(availability)
        .bind(now)
        .bind(code)
        .bind(code)
        .bind(account_id)
        .execute(&mut *connection)
        .await?;
    }
    Ok(true)
}
