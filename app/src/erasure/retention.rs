//! The retention rules (Law 25, issue 20 item 4): the periods the program
//! sets, what a run removes (the preview and the run read the same plan, so
//! a run removes exactly what the preview said at that moment), and the
//! daily task.
use chrono::{DateTime, Duration, Utc};
use sqlx::{FromRow, SqliteConnection, SqlitePool};

use super::{
    PersonToErase, RetentionCounts, RetentionSettings, APPLICATIONS_KEY, COHORTS_KEY, LAST_RUN_KEY,
    OUTBOX_KEY, RUN_EVERY_HOURS, TRACES_KEY,
};
use crate::error::AppError;
use crate::program_time::utc_text;

/// The periods as the program set them (the defaults for any not set).
pub async fn settings(pool: &SqlitePool) -> Result<RetentionSettings, sqlx::Error> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT key, value FROM program_settings WHERE key IN (?, ?, ?, ?)")
            .bind(APPLICATIONS_KEY)
            .bind(TRACES_KEY)
            .bind(OUTBOX_KEY)
            .bind(COHORTS_KEY)
            .fetch_all(pool)
            .await?;
    let mut settings = RetentionSettings::default();
    for (key, value) in rows {
        let Ok(value) = value.parse::<i64>() else {
            tracing::error!(%key, %value, "a retention period is not a number: the default applies");
            continue;
        };
        match key.as_str() {
            APPLICATIONS_KEY => settings.closed_applications_months = value,
            TRACES_KEY => settings.sign_in_traces_days = value,
            OUTBOX_KEY => settings.outbox_months = value,
            COHORTS_KEY => settings.ended_cohort_years = value,
            _ => {}
        }
    }
    Ok(settings)
}

/// Keeps the periods.
pub async fn save_settings(
    pool: &SqlitePool,
    settings: &RetentionSettings,
) -> Result<(), sqlx::Error> {
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    for (key, value) in [
        (APPLICATIONS_KEY, settings.closed_applications_months),
        (TRACES_KEY, settings.sign_in_traces_days),
        (OUTBOX_KEY, settings.outbox_months),
        (COHORTS_KEY, settings.ended_cohort_years),
    ] {
        set(&mut transaction, key, &value.to_string()).await?;
    }
    transaction.commit().await
}

async fn set(connection: &mut SqliteConnection, key: &str, value: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO program_settings (key, value) VALUES (?, ?) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// When the rules last ran.
pub async fn last_run(pool: &SqlitePool) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT value FROM program_settings WHERE key = ?")
        .bind(LAST_RUN_KEY)
        .fetch_optional(pool)
        .await
}

/// What a run at a moment removes: the rows, by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    applications: Vec<i64>,
    sign_in_failures: Vec<String>,
    sessions: Vec<String>,
    /// Rows of "my sessions" (`account_sessions`), counted with the sessions.
    listed_sessions: Vec<i64>,
    addresses: Vec<i64>,
    outbox_links: Vec<i64>,
    outbox_messages: Vec<i64>,
    people: Vec<PlannedPerson>,
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
struct PlannedPerson {
    account_id: i64,
    name: String,
    role: String,
    last_closed_at: String,
}

fn count(rows: usize) -> i64 {
    i64::try_from(rows).unwrap_or(i64::MAX)
}

impl Plan {
    pub fn counts(&self) -> RetentionCounts {
        RetentionCounts {
            applications: count(self.applications.len()),
            sign_in_failures: count(self.sign_in_failures.len()),
            sessions: count(self.sessions.len() + self.listed_sessions.len()),
            addresses: count(self.addresses.len()),
            outbox_links: count(self.outbox_links.len()),
            outbox_messages: count(self.outbox_messages.len()),
            people: count(self.people.len()),
        }
    }

    /// The people it erases, as the preview names them: all of them, or an
    /// error (a preview that left one out would not say what the run does).
    pub fn people(&self) -> Result<Vec<PersonToErase>, crate::stored::UnknownStoredValue> {
        self.people
            .iter()
            .map(|person| {
                Ok(PersonToErase {
                    name: person.name.clone(),
                    role: crate::stored::decode("accounts", "role", &person.role)?,
                    last_closed_at: person.last_closed_at.clone(),
                })
            })
            .collect()
    }
}

/// What a run at `now` removes, under `settings`.
pub async fn plan(
    connection: &mut SqliteConnection,
    settings: &RetentionSettings,
    now: DateTime<Utc>,
) -> Result<Plan, sqlx::Error> {
    let cutoffs = settings.cutoffs(now);
    let applications = sqlx::query_scalar(
        "SELECT id FROM mentor_applications \
         WHERE status IN ('declined', 'withdrawn') AND erased_at IS NULL AND updated_at < ? \
         AND id NOT IN (SELECT application_id FROM profiles WHERE application_id IS NOT NULL) \
         ORDER BY id",
    )
    .bind(utc_text(cutoffs.applications))
    .fetch_all(&mut *connection)
    .await?;
    let sign_in_failures =
        sqlx::query_scalar("SELECT key FROM login_failures WHERE last_failure_at < ? ORDER BY key")
            .bind(utc_text(cutoffs.traces))
            .fetch_all(&mut *connection)
            .await?;
    let sessions =
        sqlx::query_scalar("SELECT id FROM tower_sessions WHERE expiry_date < ? ORDER BY id")
            .bind(now.timestamp())
            .fetch_all(&mut *connection)
            .await?;
    let addresses = sqlx::query_scalar(
        "SELECT id FROM audit_log WHERE client IS NOT NULL AND at < ? ORDER BY id",
    )
    .bind(utc_text(cutoffs.traces))
    .fetch_all(&mut *connection)
    .await?;
    let outbox_messages: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM outbox WHERE created_at < ? ORDER BY id")
            .bind(utc_text(cutoffs.outbox))
            .fetch_all(&mut *connection)
            .await?;
    let outbox_links = sqlx::query_scalar(
        "SELECT id FROM outbox WHERE sent_at IS NOT NULL AND action_url IS NOT NULL \
         AND created_at >= ? ORDER BY id",
    )
    .bind(utc_text(cutoffs.outbox))
    .fetch_all(&mut *connection)
    .await?;
    // People whose every cohort closed before the cutoff, with no pair open.
    let people = sqlx::query_as(
        "SELECT a.id AS account_id, a.display_name AS name, a.role, \
                (SELECT max(c.closed_at) FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id \
                 WHERE m.profile_id = p.id) AS last_closed_at \
         FROM accounts a JOIN profiles p ON p.account_id = a.id \
         WHERE a.erased_at IS NULL AND a.role IN ('mentor', 'mentee') \
         AND EXISTS (SELECT 1 FROM cohort_members m WHERE m.profile_id = p.id) \
         AND NOT EXISTS (SELECT 1 FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id \
                         WHERE m.profile_id = p.id AND (c.closed_at IS NULL OR c.closed_at >= ?1)) \
         AND NOT EXISTS (SELECT 1 FROM pairs x WHERE x.status IN ('proposed', 'active') \
                         AND p.id IN (x.mentee_profile_id, x.mentor_profile_id)) \
         ORDER BY a.id",
    )
    .bind(utc_text(cutoffs.cohorts))
    .fetch_all(&mut *connection)
    .await?;
    // "My sessions" rows not seen since the traces' cutoff (their network
    // address is a trace): long over, whatever the session settings.
    let listed_sessions =
        sqlx::query_scalar("SELECT id FROM account_sessions WHERE last_seen_at < ? ORDER BY id")
            .bind(utc_text(cutoffs.traces))
            .fetch_all(&mut *connection)
            .await?;
    Ok(Plan {
        applications,
        sign_in_failures,
        sessions,
        listed_sessions,
        addresses,
        outbox_links,
        outbox_messages,
        people,
    })
}

/// Removes what `plan` says, in the caller's transaction; the counts of
/// what changed.
pub async fn apply(
    connection: &mut SqliteConnection,
    plan: &Plan,
    now: DateTime<Utc>,
) -> Result<RetentionCounts, AppError> {
    let now_text = utc_text(now);
    let mut done = RetentionCounts::default();
    for id in &plan.applications {
        if crate::my_data::erase::erase_application(connection, *id, &now_text).await? {
            done.applications += 1;
        }
    }
    for key in &plan.sign_in_failures {
        done.sign_in_failures += affected(
            sqlx::query("DELETE FROM login_failures WHERE key = ?")
                .bind(key)
                .execute(&mut *connection)
                .await?
                .rows_affected(),
        );
    }
    for id in &plan.sessions {
        done.sessions += affected(
            sqlx::query("DELETE FROM tower_sessions WHERE id = ?")
                .bind(id)
                .execute(&mut *connection)
                .await?
                .rows_affected(),
        );
    }
    for id in &plan.listed_sessions {
        done.sessions += affected(
            sqlx::query("DELETE FROM account_sessions WHERE id = ?")
                .bind(id)
                .execute(&mut *connection)
                .await?
                .rows_affected(),
        );
    }
    for id in &plan.addresses {
        done.addresses += affected(
            sqlx::query("UPDATE audit_log SET client = NULL WHERE id = ? AND client IS NOT NULL")
                .bind(id)
                .execute(&mut *connection)
                .await?
                .rows_affected(),
        );
    }
    for id in &plan.outbox_links {
        done.outbox_links += affected(
            sqlx::query(
                "UPDATE outbox SET action_url = NULL WHERE id = ? AND action_url IS NOT NULL",
            )
            .bind(id)
            .execute(&mut *connection)
            .await?
            .rows_affected(),
        );
    }
    for id in &plan.outbox_messages {
        done.outbox_messages += affected(
            sqlx::query("DELETE FROM outbox WHERE id = ?")
                .bind(id)
                .execute(&mut *connection)
                .await?
                .rows_affected(),
        );
    }
    for person in &plan.people {
        let Some(rows) =
            crate::my_data::erase::erase_account(connection, person.account_id, None, &now_text)
                .await?
        else {
            continue;
        };
        super::repo::record_retention_erasure(
            connection,
            person.account_id,
            &person.role,
            rows,
            &now_text,
        )
        .await?;
        done.people += 1;
    }
    set(connection, LAST_RUN_KEY, &now_text).await?;
    Ok(done)
}

fn affected(rows: u64) -> i64 {
    i64::try_from(rows).unwrap_or(i64::MAX)
}

/// Plans and applies the rules at `now`, in one transaction; the counts.
pub async fn run(pool: &SqlitePool, now: DateTime<Utc>) -> Result<RetentionCounts, AppError> {
    let settings = settings(pool).await?;
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    let plan = plan(&mut transaction, &settings, now).await?;
    let done = apply(&mut transaction, &plan, now).await?;
    transaction.commit().await?;
    Ok(done)
}

/// The daily task: runs the rules when the last run is a day old (or
/// never was); `None` when it was not due.
pub async fn run_when_due(
    pool: &SqlitePool,
    now: DateTime<Utc>,
) -> Result<Option<RetentionCounts>, AppError> {
    let due = match last_run(pool).await? {
        None => true,
        Some(at) => DateTime::parse_from_rfc3339(&at)
            .map(|at| {
                now - at.with_timezone(&Utc)
                    >= Duration::hours(RUN_EVERY_HOURS) - Duration::minutes(5)
            })
            .unwrap_or(true),
    };
    if !due {
        return Ok(None);
    }
    let done = run(pool, now).await?;
    crate::audit::repo::record(
        pool,
        crate::audit::AuditEvent::RetentionApplied,
        crate::audit::repo::AuditRecord {
            actor_id: None,
            subject: None,
            client: None,
            detail: Some(&done.detail()),
        },
    )
    .await;
    Ok(Some(done))
}
