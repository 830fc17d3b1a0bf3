//! SQL for cohorts and domains.
use chrono::NaiveDate;
use sqlx::SqlitePool;

use super::{Bilingual, Cohort, Domain};

#[derive(sqlx::FromRow)]
struct CohortRow {
    code: String,
    name_fr: String,
    name_en: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    is_open: bool,
    closed_at: Option<String>,
}

impl From<CohortRow> for Cohort {
    fn from(row: CohortRow) -> Self {
        Cohort {
            code: row.code,
            name: Bilingual {
                fr: Some(row.name_fr),
                en: Some(row.name_en),
            },
            starts_on: row.starts_on,
            ends_on: row.ends_on,
            is_open: row.is_open,
            concluded_on: row
                .closed_at
                .as_deref()
                .and_then(crate::program_time::program_date),
        }
    }
}

pub async fn list_cohorts(pool: &SqlitePool) -> Result<Vec<Cohort>, sqlx::Error> {
    let rows: Vec<CohortRow> = sqlx::query_as(
        "SELECT code, name_fr, name_en, starts_on, ends_on, is_open, closed_at \
         FROM cohorts ORDER BY starts_on",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(Cohort::from).collect())
}

pub async fn list_active_domains(pool: &SqlitePool) -> Result<Vec<Domain>, sqlx::Error> {
    let rows: Vec<EntryRow> = sqlx::query_as(
        "SELECT code, label_fr, label_en, is_active FROM domains WHERE is_active = 1 \
         ORDER BY position, code",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(EntryRow::choice).collect())
}

// ---- Taxonomy (domains and skills) ----------------------------------------

use super::{
    CohortCandidate, CohortMembers, CohortSummary, TaxonomyChoice, TaxonomyEntry, TaxonomyKind,
};
use crate::catalog::ProfileChoices;

/// The active domains and skills, in the coordinator's order: what forms list.
pub async fn profile_choices(pool: &SqlitePool) -> Result<ProfileChoices, sqlx::Error> {
    choices_keeping(pool, &[], &[]).await
}

/// The active domains and skills, plus the withdrawn ones in `kept_domains` and
/// `kept_skills`: a profile that chose an entry before it was withdrawn keeps
/// seeing it (and keeps it when saved).
pub async fn choices_keeping(
    pool: &SqlitePool,
    kept_domains: &[String],
    kept_skills: &[String],
) -> Result<ProfileChoices, sqlx::Error> {
    let (domains, skills) = taxonomy_entries(pool).await?;
    let keep = |rows: Vec<EntryRow>, kept: &[String]| -> Vec<TaxonomyChoice> {
        rows.into_iter()
            .filter(|row| row.is_active || kept.contains(&row.code))
            .map(EntryRow::choice)
            .collect()
    };
    Ok(ProfileChoices {
        domains: keep(domains, kept_domains),
        skills: keep(skills, kept_skills),
    })
}

/// Every domain and skill, withdrawn ones too: to name what a record chose.
pub async fn all_choices(pool: &SqlitePool) -> Result<ProfileChoices, sqlx::Error> {
    let (domains, skills) = taxonomy_entries(pool).await?;
    Ok(ProfileChoices {
        domains: domains.into_iter().map(EntryRow::choice).collect(),
        skills: skills.into_iter().map(EntryRow::choice).collect(),
    })
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    code: String,
    label_fr: Option<String>,
    label_en: Option<String>,
    is_active: bool,
}

impl EntryRow {
    fn choice(self) -> TaxonomyChoice {
        TaxonomyChoice {
            code: self.code,
            label: Bilingual {
                fr: self.label_fr,
                en: self.label_en,
            },
        }
    }
}

/// Both lists, every entry, in the coordinator's order.
async fn taxonomy_entries(
    pool: &SqlitePool,
) -> Result<(Vec<EntryRow>, Vec<EntryRow>), sqlx::Error> {
    let domains = sqlx::query_as(
        "SELECT code, label_fr, label_en, is_active FROM domains ORDER BY position, code",
    )
    .fetch_all(pool)
    .await?;
    let skills = sqlx::query_as(
        "SELECT code, label_fr, label_en, is_active FROM skills ORDER BY position, code",
    )
    .fetch_all(pool)
    .await?;
    Ok((domains, skills))
}

#[derive(sqlx::FromRow)]
struct TaxonomyRow {
    code: String,
    label_fr: Option<String>,
    label_en: Option<String>,
    is_active: bool,
    uses: i64,
}

/// Every entry of one list, with how many profiles and applications use it.
pub async fn list_taxonomy(
    pool: &SqlitePool,
    kind: TaxonomyKind,
) -> Result<Vec<TaxonomyEntry>, sqlx::Error> {
    let sql = match kind {
        TaxonomyKind::Domain => {
            "SELECT d.code, d.label_fr, d.label_en, d.is_active, \
                (SELECT COUNT(*) FROM profile_domains p WHERE p.domain_id = d.id) \
              + (SELECT COUNT(*) FROM application_domains a WHERE a.domain_id = d.id) AS uses \
             FROM domains d ORDER BY d.position, d.code"
        }
        TaxonomyKind::Skill => {
            "SELECT s.code, s.label_fr, s.label_en, s.is_active, \
                (SELECT COUNT(*) FROM profile_skills p WHERE p.skill_id = s.id) \
              + (SELECT COUNT(*) FROM application_skills a WHERE a.skill_id = s.id) AS uses \
             FROM skills s ORDER BY s.position, s.code"
        }
    };
    let rows: Vec<TaxonomyRow> = sqlx::query_as(sql).fetch_all(pool).await?;
    Ok(rows
        .into_iter()
        .map(|row| TaxonomyEntry {
            code: row.code,
            label: Bilingual {
                fr: row.label_fr,
                en: row.label_en,
            },
            is_active: row.is_active,
            uses: row.uses,
        })
        .collect())
}

/// Adds an entry at the end of its list; `false` when the code is taken.
pub async fn insert_taxonomy_entry(
    pool: &SqlitePool,
    kind: TaxonomyKind,
    code: &str,
    label: &Bilingual,
) -> Result<bool, sqlx::Error> {
    let sql = match kind {
        TaxonomyKind::Domain => {
            "INSERT INTO domains (code, label_fr, label_en, position) \
             VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 10 FROM domains)) \
             ON CONFLICT (code) DO NOTHING"
        }
        TaxonomyKind::Skill => {
            "INSERT INTO skills (code, label_fr, label_en, position) \
             VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 10 FROM skills)) \
             ON CONFLICT (code) DO NOTHING"
        }
    };
    let result = sqlx::query(sql)
        .bind(code)
        .bind(&label.fr)
        .bind(&label.en)
        .execute(pool)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Replaces both labels of an entry (a `None` label becomes missing).
pub async fn update_taxonomy_labels(
    pool: &SqlitePool,
    kind: TaxonomyKind,
    code: &str,
    label: &Bilingual,
) -> Result<bool, sqlx::Error> {
    let sql = match kind {
        TaxonomyKind::Domain => "UPDATE domains SET label_fr = ?, label_en = ? WHERE code = ?",
        TaxonomyKind::Skill => "UPDATE skills SET label_fr = ?, label_en = ? WHERE code = ?",
    };
    let result = sqlx::query(sql)
        .bind(&label.fr)
        .bind(&label.en)
        .bind(code)
        .execute(pool)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Offers an entry in forms again, or stops offering it (profiles keep it).
pub async fn set_taxonomy_active(
    pool: &SqlitePool,
    kind: TaxonomyKind,
    code: &str,
    active: bool,
) -> Result<bool, sqlx::Error> {
    let sql = match kind {
        TaxonomyKind::Domain => "UPDATE domains SET is_active = ? WHERE code = ?",
        TaxonomyKind::Skill => "UPDATE skills SET is_active = ? WHERE code = ?",
    };
    let result = sqlx::query(sql)
        .bind(active)
        .bind(code)
        .execute(pool)
        .await?;
    Ok(result.rows_affected() == 1)
}

// ---- Cohorts -------------------------------------------------------------------

/// Every cohort with its number of mentors and mentees; `today` decides the current one.
pub async fn cohort_summaries(
    pool: &SqlitePool,
    today: NaiveDate,
) -> Result<Vec<CohortSummary>, sqlx::Error> {
    let cohorts = list_cohorts(pool).await?;
    let current = super::current_cohort(&cohorts, today).map(|cohort| cohort.code.clone());
    let counts: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT c.code, \
            COALESCE(SUM(p.role = 'mentor'), 0), COALESCE(SUM(p.role = 'mentee'), 0) \
         FROM cohorts c LEFT JOIN (\
             SELECT cm.cohort_id, p.role FROM cohort_members cm \
             JOIN profiles p ON p.id = cm.profile_id LEFT JOIN accounts a ON a.id = p.account_id \
             WHERE cm.status = 'confirmed' \
               AND (a.id IS NULL OR (a.is_disabled = 0 AND a.role = p.role))\
         ) p ON p.cohort_id = c.id GROUP BY c.id",
    )
    .fetch_all(pool)
    .await?;
    Ok(cohorts
        .into_iter()
        .map(|cohort| {
            let (mentors, mentees) = counts
                .iter()
                .find(|(code, _, _)| *code == cohort.code)
                .map(|(_, mentors, mentees)| (*mentors, *mentees))
                .unwrap_or_default();
            CohortSummary {
                is_current: current.as_deref() == Some(cohort.code.as_str()),
                cohort,
                mentors,
                mentees,
            }
        })
        .collect())
}

pub async fn find_cohort(pool: &SqlitePool, code: &str) -> Result<Option<Cohort>, sqlx::Error> {
    let row: Option<CohortRow> = sqlx::query_as(
        "SELECT code, name_fr, name_en, starts_on, ends_on, is_open, closed_at \
         FROM cohorts WHERE code = ?",
    )
    .bind(code)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(Cohort::from))
}

/// The id of the cohort of this code if it is not concluded: people may
/// still be invited into it.
pub async fn joinable_cohort_id(pool: &SqlitePool, code: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM cohorts WHERE code = ? AND closed_at IS NULL")
        .bind(code)
        .fetch_optional(pool)
        .await
}

/// Creates a cohort; `false` when its code is taken.
pub async fn insert_cohort(pool: &SqlitePool, cohort: &Cohort) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on, is_open) \
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING",
    )
    .bind(&cohort.code)
    .bind(&cohort.name.fr)
    .bind(&cohort.name.en)
    .bind(cohort.starts_on)
    .bind(cohort.ends_on)
    .bind(cohort.is_open)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Changes a cohort's names, dates and whether it is open (its code stays).
/// A concluded cohort stays closed.
pub async fn update_cohort(pool: &SqlitePool, cohort: &Cohort) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE cohorts SET name_fr = ?, name_en = ?, starts_on = ?, ends_on = ?, \
         is_open = CASE WHEN closed_at IS NULL THEN ? ELSE 0 END \
         WHERE code = ?",
    )
    .bind(&cohort.name.fr)
    .bind(&cohort.name.en)
    .bind(cohort.starts_on)
    .bind(cohort.ends_on)
    .bind(cohort.is_open)
    .bind(&cohort.code)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

#[derive(sqlx::FromRow)]
struct CandidateRow {
    profile_id: i64,
    display_name: String,
    role: String,
    cohort_code: Option<String>,
    is_pending: bool,
    in_cohort: bool,
}

/// A cohort and every mentor and mentee (placed in it or not), by name.
pub async fn cohort_members(
    pool: &SqlitePool,
    code: &str,
) -> Result<Option<CohortMembers>, sqlx::Error> {
    let Some(cohort) = find_cohort(pool, code).await? else {
        return Ok(None);
    };
    let rows: Vec<CandidateRow> = sqlx::query_as(
        "SELECT p.id AS profile_id, \
            COALESCE(a.display_name, m.display_name, p.pending_email) AS display_name, \
            p.role, c.code AS cohort_code, a.id IS NULL AS is_pending, \
            EXISTS (SELECT 1 FROM cohort_members cm WHERE cm.profile_id = p.id \
                    AND cm.cohort_id = (SELECT id FROM cohorts WHERE code = ?) \
                    AND cm.status = 'confirmed') AS in_cohort \
         FROM profiles p \
         LEFT JOIN accounts a ON a.id = p.account_id \
         LEFT JOIN mentor_applications m ON m.id = p.application_id \
         LEFT JOIN cohorts c ON c.id = p.cohort_id \
         WHERE a.id IS NULL OR (a.is_disabled = 0 AND a.role = p.role) \
         ORDER BY p.role DESC, display_name COLLATE NOCASE",
    )
    .bind(code)
    .fetch_all(pool)
    .await?;
    Ok(Some(CohortMembers {
        cohort,
        people: rows
            .into_iter()
            .map(|row| CohortCandidate {
                profile_id: row.profile_id,
                display_name: row.display_name,
                is_mentor: row.role == "mentor",
                cohort_code: row.cohort_code,
                is_pending: row.is_pending,
                in_cohort: row.in_cohort,
            })
            .collect(),
    }))
}

/// Places these profiles in the cohort: a confirmed member, and the cohort
/// becomes their latest (`profiles.cohort_id`, whose trigger writes the
/// membership). Earlier cohorts stay theirs, with their history. Returns how
/// many were placed; ids that are not profiles are ignored.
pub async fn place_in_cohort(
    pool: &SqlitePool,
    code: &str,
    profile_ids: &[i64],
) -> Result<u64, sqlx::Error> {
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    let mut placed = 0;
    for id in profile_ids {
        let result = sqlx::query(
            "UPDATE profiles SET cohort_id = (SELECT id FROM cohorts WHERE code = ?), \
             updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
        )
        .bind(code)
        .bind(id)
        .execute(&mut *transaction)
        .await?;
        // Already their latest cohort, but only invited or declined there.
        sqlx::query(
            "UPDATE cohort_members SET status = 'confirmed', \
             answered_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') \
             WHERE profile_id = ? AND status <> 'confirmed' \
               AND cohort_id = (SELECT id FROM cohorts WHERE code = ?)",
        )
        .bind(id)
        .bind(code)
        .execute(&mut *transaction)
        .await?;
        placed += result.rows_affected();
    }
    transaction.commit().await?;
    Ok(placed)
}

/// Takes these profiles out of the cohort: no longer members (their pairs of
/// it stay, with their history); their latest cohort becomes the latest one
/// they are still a confirmed member of, or none.
pub async fn remove_from_cohort(
    pool: &SqlitePool,
    code: &str,
    profile_ids: &[i64],
) -> Result<u64, sqlx::Error> {
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    let mut removed = 0;
    for id in profile_ids {
        let result = sqlx::query(
            "DELETE FROM cohort_members WHERE profile_id = ? \
             AND cohort_id = (SELECT id FROM cohorts WHERE code = ?)",
        )
        .bind(id)
        .bind(code)
        .execute(&mut *transaction)
        .await?;
        removed += result.rows_affected();
        leave_latest_cohort(&mut transaction, *id, code).await?;
    }
    transaction.commit().await?;
    Ok(removed)
}

/// When the cohort `code` is this profile's latest (`profiles.cohort_id`)
/// and they are no longer a confirmed member of it: their latest becomes the
/// latest cohort they are still confirmed in, or none.
pub async fn leave_latest_cohort(
    connection: &mut sqlx::SqliteConnection,
    profile_id: i64,
    code: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE profiles SET cohort_id = (\
             SELECT cm.cohort_id FROM cohort_members cm JOIN cohorts c ON c.id = cm.cohort_id \
             WHERE cm.profile_id = profiles.id AND cm.status = 'confirmed' \
             ORDER BY c.starts_on DESC, c.id DESC LIMIT 1), \
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') \
         WHERE id = ? AND cohort_id = (SELECT id FROM cohorts WHERE code = ?)",
    )
    .bind(profile_id)
    .bind(code)
    .execute(&mut *connection)
    .await?;
    Ok(())
}
