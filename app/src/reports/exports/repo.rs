//! SQL for the exports: what each file holds, read for one cohort (by its
//! code). No query here selects a note of any kind (shared notes, private
//! notes, next steps, change or assessment comments).
use sqlx::SqlitePool;

/// Whether a cohort has this code.
pub async fn cohort_exists(pool: &SqlitePool, code: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM cohorts WHERE code = ?")
        .bind(code)
        .fetch_optional(pool)
        .await?;
    Ok(found.is_some())
}

/// Joined to a pair `p`: its cohort `c`, and its two people's names, from their accounts (or, for a mentor
/// whose invitation is not accepted yet, the address it was sent to).
const PAIR_JOINS: &str = "JOIN cohorts c ON c.id = p.cohort_id \
     JOIN profiles e ON e.id = p.mentee_profile_id LEFT JOIN accounts ea ON ea.id = e.account_id \
     JOIN profiles r ON r.id = p.mentor_profile_id LEFT JOIN accounts ra ON ra.id = r.account_id";
const MENTEE_NAME: &str = "COALESCE(ea.display_name, e.pending_email, '')";
const MENTOR_NAME: &str = "COALESCE(ra.display_name, r.pending_email, '')";

/// One pair of the cohort, with its activity counts.
#[derive(Debug, sqlx::FromRow)]
pub struct PairExportRow {
    pub mentee_name: String,
    pub mentor_name: String,
    pub status: String,
    pub score: i64,
    pub proposed_at: String,
    pub activated_at: Option<String>,
    pub closed_at: Option<String>,
    pub mentee_answer: Option<String>,
    pub mentor_answer: Option<String>,
    /// Why it was declined or ended (the coordination reads it anyway).
    pub reason: Option<String>,
    pub meetings_held: i64,
    pub goals_agreed: i64,
}

/// The cohort's pairs, every status, by mentee name.
pub async fn pairs_of_cohort(
    pool: &SqlitePool,
    code: &str,
) -> Result<Vec<PairExportRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {MENTEE_NAME} AS mentee_name, {MENTOR_NAME} AS mentor_name, p.status, p.score, \
                p.proposed_at, p.activated_at, p.closed_at, p.mentee_answer, p.mentor_answer, \
                p.reason, \
                (SELECT COUNT(*) FROM meetings m WHERE m.pair_id = p.id AND m.status = 'held') \
                    AS meetings_held, \
                (SELECT COUNT(*) FROM goals g WHERE g.pair_id = p.id AND g.agreement = 'agreed') \
                    AS goals_agreed \
         FROM pairs p {PAIR_JOINS} WHERE c.code = ? ORDER BY mentee_name COLLATE NOCASE, p.id"
    ))
    .bind(code)
    .fetch_all(pool)
    .await
}

/// A pair of the cohort and its two people's names.
#[derive(Debug, sqlx::FromRow)]
pub struct PairNames {
    pub id: i64,
    pub mentee_name: String,
    pub mentor_name: String,
}

/// The cohort's pairs that have goals, by mentee name.
pub async fn pairs_with_goals(
    pool: &SqlitePool,
    code: &str,
) -> Result<Vec<PairNames>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT p.id, {MENTEE_NAME} AS mentee_name, {MENTOR_NAME} AS mentor_name \
         FROM pairs p {PAIR_JOINS} WHERE c.code = ? AND EXISTS (SELECT 1 FROM goals g WHERE g.pair_id = p.id) \
         ORDER BY mentee_name COLLATE NOCASE, p.id"
    ))
    .bind(code)
    .fetch_all(pool)
    .await
}

/// One meeting of the cohort: when, how, where it stands; never its notes.
#[derive(Debug, sqlx::FromRow)]
pub struct MeetingExportRow {
    pub id: i64,
    pub mentee_name: String,
    pub mentor_name: String,
    pub starts_at: String,
    pub duration_minutes: i64,
    pub modality: String,
    pub agreement: String,
    pub status: String,
}

/// The cohort's meetings, oldest first.
pub async fn meetings_of_cohort(
    pool: &SqlitePool,
    code: &str,
) -> Result<Vec<MeetingExportRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT m.id, {MENTEE_NAME} AS mentee_name, {MENTOR_NAME} AS mentor_name, m.starts_at, \
                m.duration_minutes, m.modality, m.agreement, m.status \
         FROM meetings m JOIN pairs p ON p.id = m.pair_id {PAIR_JOINS} \
         WHERE c.code = ? ORDER BY m.starts_at, m.id"
    ))
    .bind(code)
    .fetch_all(pool)
    .await
}

/// The objectives of the cohort's meetings (meeting id, text), in each
/// meeting's order.
pub async fn objectives_of_cohort(
    pool: &SqlitePool,
    code: &str,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT o.meeting_id, o.text FROM meeting_objectives o \
         JOIN meetings m ON m.id = o.meeting_id JOIN pairs p ON p.id = m.pair_id \
         JOIN cohorts c ON c.id = p.cohort_id \
         WHERE c.code = ? ORDER BY o.meeting_id, o.position, o.id",
    )
    .bind(code)
    .fetch_all(pool)
    .await
}

/// A mentor application, as the export shows it.
#[derive(Debug, sqlx::FromRow)]
pub struct ApplicationExportRow {
    pub display_name: String,
    pub email: String,
    pub status: String,
    pub diploma_level: String,
    pub diploma_field: Option<String>,
    pub is_employed: bool,
    pub employer: Option<String>,
    pub job_title: Option<String>,
    pub works_in_research: bool,
    pub capacity: i64,
    pub submitted_at: String,
    /// The cohort the accepted mentor was placed in, if any.
    pub cohort_code: Option<String>,
}

/// The applications that concern a cohort. An application is tied to a
/// cohort only through the mentor profile made when it is accepted
/// (`profiles.application_id`, `profiles.cohort_id`); one still under review,
/// declined or withdrawn has no cohort. So: the applications accepted into
/// this cohort, and those tied to no cohort (never those of another
/// cohort). Newest first.
pub async fn applications_for_cohort(
    pool: &SqlitePool,
    code: &str,
) -> Result<Vec<ApplicationExportRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.display_name, a.email, a.status, a.diploma_level, a.diploma_field, \
                a.is_employed, a.employer, a.job_title, a.works_in_research, a.capacity, \
                a.submitted_at, c.code AS cohort_code \
         FROM mentor_applications a \
         LEFT JOIN profiles p ON p.application_id = a.id \
         LEFT JOIN cohorts c ON c.id = p.cohort_id \
         WHERE c.code = ? OR c.id IS NULL \
         ORDER BY a.submitted_at DESC, a.id DESC",
    )
    .bind(code)
    .fetch_all(pool)
    .await
}

/// Whose personal data a cohort's export holds, for the log of reads: the
/// people of the pairs its rows name, the applicants it lists, the authors
/// of the answers it gives. The figures name nobody.
pub async fn people_in_export(
    pool: &SqlitePool,
    code: &str,
    kind: super::ExportKind,
) -> Result<Vec<crate::access_log::repo::ReadSubject>, sqlx::Error> {
    use super::ExportKind;
    use crate::access_log::repo::ReadSubject;

    let pairs_where = match kind {
        ExportKind::Pairs => Some("1 = 1"),
        ExportKind::Goals => Some("EXISTS (SELECT 1 FROM goals g WHERE g.pair_id = p.id)"),
        ExportKind::Meetings => Some("EXISTS (SELECT 1 FROM meetings m WHERE m.pair_id = p.id)"),
        _ => None,
    };
    let accounts: Vec<i64> = if let Some(condition) = pairs_where {
        sqlx::query_scalar(&format!(
            "SELECT DISTINCT f.account_id FROM pairs p JOIN cohorts c ON c.id = p.cohort_id \
             JOIN profiles f ON f.id IN (p.mentee_profile_id, p.mentor_profile_id) \
             WHERE c.code = ? AND f.account_id IS NOT NULL AND {condition}"
        ))
        .bind(code)
        .fetch_all(pool)
        .await?
    } else if matches!(kind, ExportKind::Evaluations | ExportKind::Pulses) {
        let questionnaire = if kind == ExportKind::Evaluations {
            "evaluation"
        } else {
            "pulse"
        };
        sqlx::query_scalar(
            "SELECT DISTINCT f.account_id FROM questionnaire_responses r \
             JOIN questionnaire_sendings s ON s.id = r.sending_id \
             JOIN cohorts c ON c.id = s.cohort_id \
             JOIN profiles f ON f.id = r.profile_id \
             WHERE c.code = ? AND s.kind = ? AND r.submitted_at IS NOT NULL \
               AND f.account_id IS NOT NULL",
        )
        .bind(code)
        .bind(questionnaire)
        .fetch_all(pool)
        .await?
    } else {
        Vec::new()
    };
    let applications: Vec<i64> = if kind == ExportKind::Applications {
        sqlx::query_scalar(
            "SELECT a.id FROM mentor_applications a \
             LEFT JOIN profiles p ON p.application_id = a.id \
             LEFT JOIN cohorts c ON c.id = p.cohort_id \
             WHERE c.code = ? OR c.id IS NULL",
        )
        .bind(code)
        .fetch_all(pool)
        .await?
    } else {
        Vec::new()
    };
    Ok(accounts
        .into_iter()
        .map(ReadSubject::Account)
        .chain(applications.into_iter().map(ReadSubject::Application))
        .collect())
}
