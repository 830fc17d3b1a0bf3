//! SQL of the privacy officer's office: the notice's versions, the person in
//! charge, the charge itself (the `accounts.is_privacy_officer` flag), and
//! the register of confidentiality incidents.
use sqlx::{SqliteConnection, SqlitePool};

use super::{
    check_handover, Coordinator, HandoverTarget, Incident, IncidentFields, NoticeDraft,
    PersonInCharge, PrivacyNotice,
};
use crate::error::AppError;
use crate::program_time::program_time;

#[derive(sqlx::FromRow)]
struct NoticeRow {
    version: i64,
    body_fr: String,
    body_en: String,
    changes_fr: String,
    changes_en: String,
    is_material: bool,
    published_at: String,
}

impl From<NoticeRow> for PrivacyNotice {
    fn from(row: NoticeRow) -> PrivacyNotice {
        PrivacyNotice {
            version: row.version,
            body_fr: row.body_fr,
            body_en: row.body_en,
            changes_fr: row.changes_fr,
            changes_en: row.changes_en,
            is_material: row.is_material,
            published_at: program_time(&row.published_at),
        }
    }
}

/// The latest version of the privacy notice.
pub async fn latest_notice(pool: &SqlitePool) -> Result<Option<PrivacyNotice>, AppError> {
    let row: Option<NoticeRow> = sqlx::query_as(
        "SELECT version, body_fr, body_en, changes_fr, changes_en, is_material, published_at \
         FROM privacy_notices ORDER BY version DESC LIMIT 1",
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(PrivacyNotice::from))
}

/// Publishes `draft` as the version after `based_on`, the latest the
/// officer read: refused (`StaleVersion`) when another was published since.
/// Answers the new version.
pub async fn publish_notice(
    pool: &SqlitePool,
    based_on: i64,
    draft: &NoticeDraft,
    by: i64,
    now: &str,
) -> Result<i64, AppError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let latest: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM privacy_notices")
        .fetch_one(&mut *transaction)
        .await?;
    if latest != based_on {
        return Err(AppError::StaleVersion);
    }
    let version = latest + 1;
    sqlx::query(
        "INSERT INTO privacy_notices (version, body_fr, body_en, changes_fr, changes_en, \
                                      is_material, published_at, published_by) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(version)
    .bind(&draft.body_fr)
    .bind(&draft.body_en)
    .bind(&draft.changes_fr)
    .bind(&draft.changes_en)
    .bind(draft.is_material)
    .bind(now)
    .bind(by)
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(version)
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    name: String,
    title_fr: String,
    title_en: String,
    email: String,
    phone: Option<String>,
}

/// The person in charge as the privacy page names them; `None` until named.
pub async fn person_in_charge(pool: &SqlitePool) -> Result<Option<PersonInCharge>, AppError> {
    let row: Option<ContactRow> = sqlx::query_as(
        "SELECT name, title_fr, title_en, email, phone FROM privacy_contact WHERE id = 1",
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|row| PersonInCharge {
        name: row.name,
        title_fr: row.title_fr,
        title_en: row.title_en,
        email: row.email,
        phone: row.phone,
    }))
}

/// Names (or names again) the person in charge.
pub async fn save_person_in_charge(
    pool: &SqlitePool,
    person: &PersonInCharge,
    by: i64,
    now: &str,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO privacy_contact (id, name, title_fr, title_en, email, phone, \
                                      updated_at, updated_by) \
         VALUES (1, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, title_fr = excluded.title_fr, \
           title_en = excluded.title_en, email = excluded.email, phone = excluded.phone, \
           updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(&person.name)
    .bind(&person.title_fr)
    .bind(&person.title_en)
    .bind(&person.email)
    .bind(&person.phone)
    .bind(now)
    .bind(by)
    .execute(pool)
    .await?;
    Ok(())
}

/// The active coordinators other than `officer_id`: who may take the charge.
pub async fn other_coordinators(
    pool: &SqlitePool,
    officer_id: i64,
) -> Result<Vec<Coordinator>, AppError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, display_name, email FROM accounts \
         WHERE role = 'coordinator' AND is_disabled = 0 AND id <> ? \
         ORDER BY display_name COLLATE NOCASE, id",
    )
    .bind(officer_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, email)| Coordinator { id, name, email })
        .collect())
}

async fn handover_target(
    connection: &mut SqliteConnection,
    account_id: i64,
) -> Result<Option<HandoverTarget>, AppError> {
    let row: Option<(i64, String, bool)> =
        sqlx::query_as("SELECT id, role, is_disabled FROM accounts WHERE id = ?")
            .bind(account_id)
            .fetch_optional(&mut *connection)
            .await?;
    Ok(row.map(|(id, role, is_disabled)| HandoverTarget {
        id,
        is_coordinator: role == "coordinator",
        is_disabled,
    }))
}

/// Hands the charge from `officer_id` to the coordinator `account_id`, in
/// one transaction that reads both where it writes: the flag moves (nobody
/// else holds it after), or nothing changes. Answers the new officer's
/// email. `Forbidden` when `officer_id` no longer holds it (handed
/// elsewhere meanwhile).
pub async fn hand_charge(
    pool: &SqlitePool,
    officer_id: i64,
    account_id: i64,
) -> Result<String, AppError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let still_officer: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ? AND is_privacy_officer = 1 \
                        AND role = 'coordinator')",
    )
    .bind(officer_id)
    .fetch_one(&mut *transaction)
    .await?;
    if !still_officer {
        return Err(AppError::Forbidden);
    }
    let target = handover_target(&mut transaction, account_id).await?;
    let new_officer = check_handover(officer_id, target)?;
    sqlx::query(
        "UPDATE accounts SET is_privacy_officer = (id = ?) \
         WHERE is_privacy_officer = 1 OR id = ?",
    )
    .bind(new_officer)
    .bind(new_officer)
    .execute(&mut *transaction)
    .await?;
    let email: String = sqlx::query_scalar("SELECT email FROM accounts WHERE id = ?")
        .bind(new_officer)
        .fetch_one(&mut *transaction)
        .await?;
    transaction.commit().await?;
    Ok(email)
}

/// Gives the charge to the coordinator `account_id` when no active
/// coordinator holds it (a new program's first coordinator, the demo's):
/// the law makes the person with the highest authority responsible until
/// someone is named. Answers whether it did.
pub async fn take_charge_when_nobody_holds_it(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE accounts SET is_privacy_officer = 1 \
         WHERE id = ? AND role = 'coordinator' AND is_disabled = 0 \
           AND NOT EXISTS (SELECT 1 FROM accounts WHERE is_privacy_officer = 1 \
                           AND role = 'coordinator' AND is_disabled = 0)",
    )
    .bind(account_id)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

#[derive(sqlx::FromRow)]
struct IncidentRow {
    id: i64,
    occurred_on: String,
    discovered_on: String,
    nature: String,
    information_concerned: String,
    people_concerned: String,
    people_count: Option<i64>,
    risk: String,
    risk_reasoning: String,
    measures: String,
    commission_notified_on: Option<String>,
    people_notified_on: Option<String>,
    recorded_at: String,
    recorded_by: Option<String>,
    updated_at: Option<String>,
    updated_by: Option<String>,
    revision: i64,
}

impl IncidentRow {
    /// An error (logged) for a risk no migration allows.
    fn incident(self) -> Result<Incident, crate::stored::UnknownStoredValue> {
        Ok(Incident {
            id: self.id,
            occurred_on: self.occurred_on,
            discovered_on: self.discovered_on,
            nature: self.nature,
            information_concerned: self.information_concerned,
            people_concerned: self.people_concerned,
            people_count: self.people_count,
            risk: crate::stored::decode("confidentiality_incidents", "risk", &self.risk)?,
            risk_reasoning: self.risk_reasoning,
            measures: self.measures,
            commission_notified_on: self.commission_notified_on,
            people_notified_on: self.people_notified_on,
            recorded_at: program_time(&self.recorded_at),
            recorded_by: self.recorded_by,
            updated_at: self.updated_at.as_deref().map(program_time),
            updated_by: self.updated_by,
            revision: self.revision,
        })
    }
}

const SELECT_INCIDENT: &str = "SELECT i.id, i.occurred_on, i.discovered_on, i.nature, \
       i.information_concerned, i.people_concerned, i.people_count, i.risk, \
       i.risk_reasoning, i.measures, i.commission_notified_on, i.people_notified_on, \
       i.recorded_at, r.display_name AS recorded_by, i.updated_at, \
       u.display_name AS updated_by, i.revision \
  FROM confidentiality_incidents i \
  LEFT JOIN accounts r ON r.id = i.recorded_by \
  LEFT JOIN accounts u ON u.id = i.updated_by";

/// Every incident read, or an error: a register that left one out would
/// not be the register.
fn decoded(rows: Vec<IncidentRow>) -> Result<Vec<Incident>, crate::stored::UnknownStoredValue> {
    rows.into_iter().map(IncidentRow::incident).collect()
}

/// The register, newest incident first (by when it happened, then by when
/// it was recorded).
pub async fn incidents(pool: &SqlitePool) -> Result<Vec<Incident>, AppError> {
    let rows: Vec<IncidentRow> = sqlx::query_as(&format!(
        "{SELECT_INCIDENT} ORDER BY i.occurred_on DESC, i.id DESC"
    ))
    .fetch_all(pool)
    .await?;
    Ok(decoded(rows)?)
}

/// One incident; `NotFound` when there is none of that id.
pub async fn incident(pool: &SqlitePool, id: i64) -> Result<Incident, AppError> {
    let rows: Vec<IncidentRow> = sqlx::query_as(&format!("{SELECT_INCIDENT} WHERE i.id = ?"))
        .bind(id)
        .fetch_all(pool)
        .await?;
    decoded(rows)?.into_iter().next().ok_or(AppError::NotFound)
}

/// How many incidents the register holds, and how many of them still owe a
/// notification (a serious risk without both dates: `missing_notifications`).
pub async fn incident_counts(pool: &SqlitePool) -> Result<(i64, i64), AppError> {
    let counts: (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), \
                COALESCE(SUM(risk = 'serious' AND (commission_notified_on IS NULL \
                                                   OR people_notified_on IS NULL)), 0) \
         FROM confidentiality_incidents",
    )
    .fetch_one(pool)
    .await?;
    Ok(counts)
}

fn day_text(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Records an incident; answers its id.
pub async fn record_incident(
    pool: &SqlitePool,
    fields: &IncidentFields,
    by: i64,
    now: &str,
) -> Result<i64, AppError> {
    let id = sqlx::query(
        "INSERT INTO confidentiality_incidents (occurred_on, discovered_on, nature, \
           information_concerned, people_concerned, people_count, risk, risk_reasoning, \
           measures, commission_notified_on, people_notified_on, recorded_at, recorded_by) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(day_text(fields.occurred_on))
    .bind(day_text(fields.discovered_on))
    .bind(&fields.nature)
    .bind(&fields.information_concerned)
    .bind(&fields.people_concerned)
    .bind(fields.people_count)
    .bind(fields.risk.as_str())
    .bind(&fields.risk_reasoning)
    .bind(&fields.measures)
    .bind(fields.commission_notified_on.map(day_text))
    .bind(fields.people_notified_on.map(day_text))
    .bind(now)
    .bind(by)
    .execute(pool)
    .await?
    .last_insert_rowid();
    Ok(id)
}

/// Changes an incident as read at `revision`: `NotFound` for an unknown
/// one, `StaleVersion` when it was changed since (nothing is overwritten).
pub async fn edit_incident(
    pool: &SqlitePool,
    id: i64,
    revision: i64,
    fields: &IncidentFields,
    by: i64,
    now: &str,
) -> Result<(), AppError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let current: Option<i64> =
        sqlx::query_scalar("SELECT revision FROM confidentiality_incidents WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *transaction)
            .await?;
    match current {
        None => return Err(AppError::NotFound),
        Some(current) if current != revision => return Err(AppError::StaleVersion),
        Some(_) => {}
    }
    sqlx::query(
        "UPDATE confidentiality_incidents SET occurred_on = ?, discovered_on = ?, nature = ?, \
           information_concerned = ?, people_concerned = ?, people_count = ?, risk = ?, \
           risk_reasoning = ?, measures = ?, commission_notified_on = ?, \
           people_notified_on = ?, updated_at = ?, updated_by = ?, revision = revision + 1 \
         WHERE id = ?",
    )
    .bind(day_text(fields.occurred_on))
    .bind(day_text(fields.discovered_on))
    .bind(&fields.nature)
    .bind(&fields.information_concerned)
    .bind(&fields.people_concerned)
    .bind(fields.people_count)
    .bind(fields.risk.as_str())
    .bind(&fields.risk_reasoning)
    .bind(&fields.measures)
    .bind(fields.commission_notified_on.map(day_text))
    .bind(fields.people_notified_on.map(day_text))
    .bind(now)
    .bind(by)
    .bind(id)
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(())
}
