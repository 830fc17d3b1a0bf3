//! What the dashboard reads: a cohort's figures and the facts the attention
//! rules need, in a handful of queries whatever the cohort's size, and the
//! coordinator's decisions and nudges.
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use sqlx::{SqliteConnection, SqlitePool};

use super::attention::{
    ActivePairFact, Decision, DecisionKind, Facts, FitConcernFact, MentorFact,
    OverdueMilestoneFact, PairPeople, Person, ProposalFact, Thresholds, UnacknowledgedFeedbackFact,
    UnloggedMeetingFact, WaitingMenteeFact,
};
use super::{DecisionView, Figures, MEETING_WEEKS};
use crate::feedback::FitAnswer;
use crate::pairs::Side;
use crate::program_time::{program_date, program_time};

mod nudges;
pub use nudges::*;

mod figures;
pub use figures::*;

fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The columns every pair query starts with, and the joins they need.
const PAIR_PEOPLE: &str = "SELECT p.id AS pair_id, \
        e.id AS mentee_profile_id, ea.id AS mentee_account_id, ea.display_name AS mentee_name, \
        r.id AS mentor_profile_id, ra.id AS mentor_account_id, ra.display_name AS mentor_name";
const PAIR_JOINS: &str = " FROM pairs p \
        JOIN profiles e ON e.id = p.mentee_profile_id JOIN accounts ea ON ea.id = e.account_id \
        JOIN profiles r ON r.id = p.mentor_profile_id JOIN accounts ra ON ra.id = r.account_id";

#[derive(sqlx::FromRow)]
struct PairPeopleRow {
    pair_id: i64,
    mentee_profile_id: i64,
    mentee_account_id: i64,
    mentee_name: String,
    mentor_profile_id: i64,
    mentor_account_id: i64,
    mentor_name: String,
}

impl From<PairPeopleRow> for PairPeople {
    fn from(row: PairPeopleRow) -> Self {
        PairPeople {
            pair_id: row.pair_id,
            mentee: Person {
                account_id: row.mentee_account_id,
                profile_id: row.mentee_profile_id,
                name: row.mentee_name,
            },
            mentor: Person {
                account_id: row.mentor_account_id,
                profile_id: row.mentor_profile_id,
                name: row.mentor_name,
            },
        }
    }
}

/// Rows of `PAIR_PEOPLE` plus the extra columns `T` reads, for one cohort.
async fn pair_rows<T>(
    pool: &SqlitePool,
    extra_columns: &str,
    from_where: &str,
    cohort_id: i64,
    binds: &[&str],
) -> Result<Vec<(PairPeople, T)>, sqlx::Error>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + Send + Unpin,
{
    let sql = format!("{PAIR_PEOPLE}, {extra_columns}{PAIR_JOINS}{from_where}");
    let mut query = sqlx::query(&sql).bind(cohort_id);
    for value in binds {
        query = query.bind(*value);
    }
    let rows = query.fetch_all(pool).await?;
    rows.iter()
        .map(|row| {
            use sqlx::FromRow;
            Ok((PairPeopleRow::from_row(row)?.into(), T::from_row(row)?))
        })
        .collect()
}

#[derive(sqlx::FromRow)]
struct ProposalRow {
    proposed_at: String,
    mentee_answer: Option<String>,
    mentor_answer: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ActiveRow {
    activated_at: Option<String>,
    proposed_at: String,
    last_held: Option<String>,
}

#[derive(sqlx::FromRow)]
struct MeetingRow {
    meeting_id: i64,
    starts_at: String,
}

#[derive(sqlx::FromRow)]
struct MilestoneRow {
    milestone_id: i64,
    goal_title: String,
    milestone_title: String,
    due_date: String,
}

#[derive(sqlx::FromRow)]
struct FeedbackRow {
    feedback_id: i64,
    created_at: String,
}

#[derive(sqlx::FromRow)]
struct FitRow {
    side: String,
    answer: String,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    profile_id: i64,
    account_id: i64,
    name: String,
    role: String,
    capacity: Option<i64>,
    paused_until: Option<String>,
    open_pairs: i64,
    joined_on: String,
    last_closed_at: Option<String>,
}

/// The facts of one cohort's attention rules, on `today` (`now`: the same moment in UTC text).
pub async fn facts(
    pool: &SqlitePool,
    cohort_id: i64,
    today: NaiveDate,
    now: &str,
) -> Result<Facts, sqlx::Error> {
    let proposals = proposal_facts(pool, cohort_id).await?;
    let active_pairs = active_pair_facts(pool, cohort_id).await?;
    let unlogged_meetings = unlogged_meeting_facts(pool, cohort_id, now).await?;
    let overdue_milestones = overdue_milestone_facts(pool, cohort_id, today).await?;
    let unacknowledged_feedback = unacknowledged_feedback_facts(pool, cohort_id).await?;
    let fit_concerns = fit_concern_facts(pool, cohort_id).await?;
    let (waiting_mentees, mentors) = member_facts(pool, cohort_id, today).await?;
    Ok(Facts {
        proposals,
        active_pairs,
        unlogged_meetings,
        overdue_milestones,
        unacknowledged_feedback,
        fit_concerns,
        waiting_mentees,
        mentors,
    })
}

/// The cohort's proposed pairs and who has answered.
async fn proposal_facts(
    pool: &SqlitePool,
    cohort_id: i64,
) -> Result<Vec<ProposalFact>, sqlx::Error> {
    let rows: Vec<(PairPeople, ProposalRow)> = pair_rows(
        pool,
        "p.proposed_at, p.mentee_answer, p.mentor_answer",
        " WHERE p.cohort_id = ? AND p.status = 'proposed' ORDER BY p.id",
        cohort_id,
        &[],
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(pair, row)| {
            Some(ProposalFact {
                pair,
                proposed_on: program_date(&row.proposed_at)?,
                mentee_answered: row.mentee_answer.is_some(),
                mentor_answered: row.mentor_answer.is_some(),
            })
        })
        .collect())
}

/// The cohort's active pairs, since when, and their last meeting held.
async fn active_pair_facts(
    pool: &SqlitePool,
    cohort_id: i64,
) -> Result<Vec<ActivePairFact>, sqlx::Error> {
    let rows: Vec<(PairPeople, ActiveRow)> = pair_rows(
        pool,
        "p.activated_at, p.proposed_at, \
         (SELECT MAX(m.starts_at) FROM meetings m WHERE m.pair_id = p.id AND m.status = 'held') \
             AS last_held",
        " WHERE p.cohort_id = ? AND p.status = 'active' ORDER BY p.id",
        cohort_id,
        &[],
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(pair, row)| {
            let since = row.activated_at.as_deref().unwrap_or(&row.proposed_at);
            Some(ActivePairFact {
                pair,
                active_since: program_date(since)?,
                last_meeting_held: row.last_held.as_deref().and_then(program_date),
            })
        })
        .collect())
}

/// The active pairs' planned meetings that started before `now` (UTC text).
async fn unlogged_meeting_facts(
    pool: &SqlitePool,
    cohort_id: i64,
    now: &str,
) -> Result<Vec<UnloggedMeetingFact>, sqlx::Error> {
    let rows: Vec<(PairPeople, MeetingRow)> = pair_rows(
        pool,
        "m.id AS meeting_id, m.starts_at",
        " JOIN meetings m ON m.pair_id = p.id \
          WHERE p.cohort_id = ? AND p.status = 'active' AND m.status = 'planned' \
            AND m.starts_at < ? ORDER BY m.starts_at",
        cohort_id,
        &[now],
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(pair, row)| {
            Some(UnloggedMeetingFact {
                pair,
                meeting_id: row.meeting_id,
                meeting_on: program_date(&row.starts_at)?,
            })
        })
        .collect())
}

/// The active pairs' open milestones of agreed goals, due before `today`.
async fn overdue_milestone_facts(
    pool: &SqlitePool,
    cohort_id: i64,
    today: NaiveDate,
) -> Result<Vec<OverdueMilestoneFact>, sqlx::Error> {
    let today_text = today.to_string();
    let rows: Vec<(PairPeople, MilestoneRow)> = pair_rows(
        pool,
        "ms.id AS milestone_id, g.title AS goal_title, ms.title AS milestone_title, ms.due_date",
        " JOIN goals g ON g.pair_id = p.id JOIN milestones ms ON ms.goal_id = g.id \
          WHERE p.cohort_id = ? AND p.status = 'active' AND g.agreement = 'agreed' \
            AND g.status = 'in_progress' AND ms.done_at IS NULL AND ms.due_date < ? \
          ORDER BY ms.due_date, ms.id",
        cohort_id,
        &[today_text.as_str()],
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(pair, row)| {
            Some(OverdueMilestoneFact {
                pair,
                milestone_id: row.milestone_id,
                goal_title: row.goal_title,
                milestone_title: row.milestone_title,
                due_on: parse_day(&row.due_date)?,
            })
        })
        .collect())
}

/// The active pairs' feedback not acknowledged yet.
async fn unacknowledged_feedback_facts(
    pool: &SqlitePool,
    cohort_id: i64,
) -> Result<Vec<UnacknowledgedFeedbackFact>, sqlx::Error> {
    let rows: Vec<(PairPeople, FeedbackRow)> = pair_rows(
        pool,
        "f.id AS feedback_id, f.created_at",
        " JOIN feedback f ON f.pair_id = p.id \
          WHERE p.cohort_id = ? AND p.status = 'active' AND f.acknowledged_at IS NULL \
          ORDER BY f.created_at",
        cohort_id,
        &[],
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(pair, row)| {
            Some(UnacknowledgedFeedbackFact {
                pair,
                feedback_id: row.feedback_id,
                given_on: program_date(&row.created_at)?,
            })
        })
        .collect())
}

/// The active pairs' fit checks answered other than "good fit".
async fn fit_concern_facts(
    pool: &SqlitePool,
    cohort_id: i64,
) -> Result<Vec<FitConcernFact>, sqlx::Error> {
    let rows: Vec<(PairPeople, FitRow)> = pair_rows(
        pool,
        "fc.side, fc.answer",
        " JOIN fit_checks fc ON fc.pair_id = p.id \
          WHERE p.cohort_id = ? AND p.status = 'active' AND fc.answer <> 'good_fit' \
          ORDER BY p.id, fc.side",
        cohort_id,
        &[],
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(pair, row)| {
            let side = if row.side == "mentor" {
                Side::Mentor
            } else {
                Side::Mentee
            };
            Some(FitConcernFact {
                pair,
                side,
                answer: FitAnswer::parse(&row.answer)?,
            })
        })
        .collect())
}

/// The cohort's mentees waiting for a pair, and its mentors, with their domains.
async fn member_facts(
    pool: &SqlitePool,
    cohort_id: i64,
    today: NaiveDate,
) -> Result<(Vec<WaitingMenteeFact>, Vec<MentorFact>), sqlx::Error> {
    let members = members(pool, cohort_id).await?;
    let mut domains = domains_of_cohort(pool, cohort_id).await?;
    // A concluded cohort's mentees are not waiting: their pairs were
    // completed, and no one is matched there any more.
    let concluded: bool =
        sqlx::query_scalar("SELECT closed_at IS NOT NULL FROM cohorts WHERE id = ?")
            .bind(cohort_id)
            .fetch_optional(pool)
            .await?
            .unwrap_or(false);
    let (mut waiting_mentees, mut mentors) = (Vec::new(), Vec::new());
    for member in members {
        let member_domains = domains.remove(&member.profile_id).unwrap_or_default();
        if member.role == "mentee" {
            if member.open_pairs > 0 || concluded {
                continue;
            }
            if let Some(waiting_since) = member.waiting_since() {
                waiting_mentees.push(WaitingMenteeFact {
                    mentee: member.into_person(),
                    waiting_since,
                    domains: member_domains,
                });
            }
        } else {
            let paused = member
                .paused_until
                .as_deref()
                .and_then(parse_day)
                .is_some_and(|until| until >= today);
            let free_places = (member.capacity.unwrap_or(0) - member.open_pairs).max(0);
            mentors.push(MentorFact {
                mentor: member.into_person(),
                paused,
                free_places,
                domains: member_domains,
            });
        }
    }
    Ok((waiting_mentees, mentors))
}

impl MemberRow {
    /// Waiting since joining, since the cohort started, or since their last
    /// pair closed: whichever is latest.
    fn waiting_since(&self) -> Option<NaiveDate> {
        [
            program_date(&self.joined_on),
            parse_day(&self.joined_on),
            self.last_closed_at.as_deref().and_then(program_date),
        ]
        .into_iter()
        .flatten()
        .max()
    }

    fn into_person(self) -> Person {
        Person {
            account_id: self.account_id,
            profile_id: self.profile_id,
            name: self.name,
        }
    }
}

/// The cohort's people with an account in use: mentees and mentors, with
/// their open pairs (any cohort) and what "waiting since" needs.
async fn members(pool: &SqlitePool, cohort_id: i64) -> Result<Vec<MemberRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT pr.id AS profile_id, a.id AS account_id, a.display_name AS name, pr.role, \
                pr.capacity, pr.paused_until, \
                (SELECT COUNT(*) FROM pairs x \
                 WHERE (x.mentee_profile_id = pr.id OR x.mentor_profile_id = pr.id) \
                   AND x.status IN ('proposed', 'active')) AS open_pairs, \
                MAX(a.created_at, c.starts_on) AS joined_on, \
                (SELECT MAX(x.closed_at) FROM pairs x WHERE x.mentee_profile_id = pr.id) \
                    AS last_closed_at \
         FROM profiles pr JOIN accounts a ON a.id = pr.account_id \
         JOIN cohort_members cm ON cm.profile_id = pr.id AND cm.status = 'confirmed' \
         JOIN cohorts c ON c.id = cm.cohort_id \
         WHERE cm.cohort_id = ? AND a.is_disabled = 0 \
         ORDER BY a.display_name COLLATE NOCASE, pr.id",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await
}

/// The cohort's thresholds (the defaults until the coordinator sets them).
pub async fn thresholds(pool: &SqlitePool, cohort_id: i64) -> Result<Thresholds, sqlx::Error> {
    let row: Option<(i64, i64, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT proposal_unanswered_days, no_meeting_weeks, meeting_unlogged_days, \
                feedback_unacknowledged_days, mentee_waiting_days, nudge_interval_days \
         FROM follow_up_settings WHERE cohort_id = ?",
    )
    .bind(cohort_id)
    .fetch_optional(pool)
    .await?;
    Ok(match row {
        Some((proposal, weeks, unlogged, feedback, waiting, nudge)) => Thresholds {
            proposal_unanswered_days: proposal,
            no_meeting_weeks: weeks,
            meeting_unlogged_days: unlogged,
            feedback_unacknowledged_days: feedback,
            mentee_waiting_days: waiting,
            nudge_interval_days: nudge,
        },
        None => Thresholds::default(),
    })
}

pub async fn save_thresholds(
    pool: &SqlitePool,
    cohort_id: i64,
    thresholds: &Thresholds,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO follow_up_settings (cohort_id, proposal_unanswered_days, no_meeting_weeks, \
             meeting_unlogged_days, feedback_unacknowledged_days, mentee_waiting_days, \
             nudge_interval_days, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (cohort_id) DO UPDATE SET \
             proposal_unanswered_days = excluded.proposal_unanswered_days, \
             no_meeting_weeks = excluded.no_meeting_weeks, \
             meeting_unlogged_days = excluded.meeting_unlogged_days, \
             feedback_unacknowledged_days = excluded.feedback_unacknowledged_days, \
             mentee_waiting_days = excluded.mentee_waiting_days, \
             nudge_interval_days = excluded.nudge_interval_days, \
             updated_at = excluded.updated_at",
    )
    .bind(cohort_id)
    .bind(thresholds.proposal_unanswered_days)
    .bind(thresholds.no_meeting_weeks)
    .bind(thresholds.meeting_unlogged_days)
    .bind(thresholds.feedback_unacknowledged_days)
    .bind(thresholds.mentee_waiting_days)
    .bind(thresholds.nudge_interval_days)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_starts_on_monday_and_dates_are_read_in_montreal() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date");
        assert_eq!(week_of(day("2026-11-29")), day("2026-11-23")); // a Sunday
        assert_eq!(week_of(day("2026-11-30")), day("2026-11-30")); // a Monday

        // 02:00 UTC on the 30th is still the 29th in Montréal.
        assert_eq!(
            program_date("2026-11-30T02:00:00Z"),
            Some(day("2026-11-29"))
        );
        assert_eq!(program_date("garbage"), None);
    }
}
