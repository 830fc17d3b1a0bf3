//! SQL for mentor applications and their history.
use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::{
    ineligibility_reasons, ApplicationEvent, ApplicationEventKind, ApplicationStatus,
    ApplicationSummary, CheckedApplication, DiplomaLevel,
};
use crate::profiles::repo::{insert_matching_lists, ListOwner};
use crate::profiles::{MatchingFields, Modality, WeeklyAvailability};
use crate::program_time::program_time;
use crate::program_time::utc_text;
use crate::stored::{decode, decode_or_skip, UnknownStoredValue};

/// Stores a new application with its lists and its first history step.
pub async fn insert_application(
    connection: &mut SqliteConnection,
    application: &CheckedApplication,
    token_hash: &str,
    locale: &str,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let submitted_at = now;
    let now = utc_text(now);
    let matching = &application.matching;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO mentor_applications (token_hash, display_name, email, phone, locale, \
            diploma_level, diploma_field, diploma_year, is_employed, employer, job_title, sector, \
            works_in_research, modality, availability, capacity, motivation, consented_at, \
            submitted_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(token_hash)
    .bind(&application.display_name)
    .bind(&application.email)
    .bind(&application.phone)
    .bind(locale)
    .bind(application.diploma_level.as_str())
    .bind(&application.diploma_field)
    .bind(application.diploma_year)
    .bind(application.is_employed)
    .bind(&application.employer)
    .bind(&application.job_title)
    .bind(&application.sector)
    .bind(application.works_in_research)
    .bind(matching.modality.unwrap_or(Modality::Either).as_str())
    .bind(matching.availability.bits())
    .bind(application.capacity)
    .bind(&application.motivation)
    .bind(&now)
    .bind(&now)
    .bind(&now)
    .fetch_one(&mut *connection)
    .await?;
    insert_matching_lists(connection, ListOwner::Application, id, matching).await?;
    crate::consent::repo::give(
        connection,
        crate::consent::repo::ConsentHolder::Application(id),
        crate::consent::ConsentPurpose::Program,
        crate::consent::ConsentContext::Application,
        submitted_at,
    )
    .await?;
    add_event(
        connection,
        id,
        ApplicationEventKind::Submitted,
        None,
        None,
        &now,
    )
    .await?;
    Ok(id)
}

/// Appends a step to an application's history.
pub async fn add_event(
    connection: &mut SqliteConnection,
    application_id: i64,
    kind: ApplicationEventKind,
    actor_id: Option<i64>,
    message: Option<&str>,
    at: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO application_events (application_id, kind, actor_id, message, at) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(application_id)
    .bind(kind.as_str())
    .bind(actor_id)
    .bind(message)
    .bind(at)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// Moves an application to `to` if it is still in one of `from`: `false` when
/// someone else changed it first (the caller then stops).
pub async fn change_status(
    connection: &mut SqliteConnection,
    application_id: i64,
    from: &[ApplicationStatus],
    to: ApplicationStatus,
    now: &str,
) -> Result<bool, sqlx::Error> {
    let mut changed = false;
    for status in from {
        let result = sqlx::query(
            "UPDATE mentor_applications SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
        )
        .bind(to.as_str())
        .bind(now)
        .bind(application_id)
        .bind(status.as_str())
        .execute(&mut *connection)
        .await?;
        changed |= result.rows_affected() == 1;
    }
    Ok(changed)
}

#[derive(sqlx::FromRow)]
pub struct ApplicationRow {
    pub id: i64,
    pub status: String,
    pub display_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub locale: String,
    pub diploma_level: String,
    pub diploma_field: Option<String>,
    pub diploma_year: Option<i64>,
    pub is_employed: bool,
    pub employer: Option<String>,
    pub job_title: Option<String>,
    pub sector: Option<String>,
    pub works_in_research: bool,
    pub modality: String,
    pub availability: i64,
    pub capacity: i64,
    pub motivation: String,
    pub submitted_at: String,
}

impl ApplicationRow {
    pub fn status(&self) -> Result<ApplicationStatus, UnknownStoredValue> {
        decode("mentor_applications", "status", &self.status)
    }

    pub fn diploma(&self) -> Result<DiplomaLevel, UnknownStoredValue> {
        decode("mentor_applications", "diploma_level", &self.diploma_level)
    }

    pub fn facts(&self) -> Result<super::EligibilityFacts, UnknownStoredValue> {
        Ok(super::EligibilityFacts {
            diploma: self.diploma()?,
            is_employed: self.is_employed,
            works_in_research: self.works_in_research,
        })
    }
}

const APPLICATION_COLUMNS: &str = "id, status, display_name, email, phone, locale, diploma_level, \
    diploma_field, diploma_year, is_employed, employer, job_title, sector, works_in_research, \
    modality, availability, capacity, motivation, submitted_at";

pub async fn find_application(
    pool: &SqlitePool,
    id: i64,
) -> Result<Option<ApplicationRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {APPLICATION_COLUMNS} FROM mentor_applications WHERE id = ?"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
}

pub async fn find_by_token(
    pool: &SqlitePool,
    token_hash: &str,
) -> Result<Option<ApplicationRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {APPLICATION_COLUMNS} FROM mentor_applications WHERE token_hash = ?1 \
         OR id = (SELECT application_id FROM application_links WHERE token_hash = ?1)"
    ))
    .bind(token_hash)
    .fetch_optional(pool)
    .await
}

/// The whole application, lists included, as it was checked when sent.
pub async fn checked_application(
    pool: &SqlitePool,
    row: &ApplicationRow,
) -> Result<CheckedApplication, sqlx::Error> {
    let mut connection = pool.acquire().await?;
    let (domains, skills, languages) =
        crate::profiles::repo::matching_lists(&mut connection, ListOwner::Application, row.id)
            .await?;
    Ok(CheckedApplication {
        display_name: row.display_name.clone(),
        email: row.email.clone(),
        phone: row.phone.clone(),
        diploma_level: row.diploma()?,
        diploma_field: row.diploma_field.clone(),
        diploma_year: row.diploma_year,
        is_employed: row.is_employed,
        employer: row.employer.clone(),
        job_title: row.job_title.clone(),
        sector: row.sector.clone(),
        works_in_research: row.works_in_research,
        matching: MatchingFields {
            domains,
            skills,
            languages,
            modality: Some(decode("mentor_applications", "modality", &row.modality)?),
            availability: WeeklyAvailability::from_bits(row.availability),
        },
        capacity: row.capacity,
        motivation: row.motivation.clone(),
    })
}

/// Every application, newest first (or only those with `status`).
pub async fn list_applications(
    pool: &SqlitePool,
    status: Option<ApplicationStatus>,
) -> Result<Vec<ApplicationSummary>, sqlx::Error> {
    let rows: Vec<ApplicationRow> = sqlx::query_as(&format!(
        "SELECT {APPLICATION_COLUMNS} FROM mentor_applications \
         WHERE ?1 IS NULL OR status = ?1 ORDER BY updated_at DESC, id DESC"
    ))
    .bind(status.map(ApplicationStatus::as_str))
    .fetch_all(pool)
    .await?;
    // One application of unknown status or diploma is left out (logged),
    // the others listed.
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(ApplicationSummary {
                id: row.id,
                status: row.status().ok()?,
                reasons: ineligibility_reasons(row.facts().ok()?),
                submitted_at: program_time(&row.submitted_at),
                display_name: row.display_name,
                email: row.email,
                job_title: row.job_title,
            })
        })
        .collect())
}

/// How many applications are in each status.
pub async fn count_by_status(pool: &SqlitePool) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT status, COUNT(*) FROM mentor_applications GROUP BY status")
        .fetch_all(pool)
        .await
}

#[derive(sqlx::FromRow)]
struct EventRow {
    kind: String,
    actor: Option<String>,
    message: Option<String>,
    at: String,
}

/// An application's history, oldest first, with who acted (their name).
pub async fn events(
    pool: &SqlitePool,
    application_id: i64,
) -> Result<Vec<ApplicationEvent>, sqlx::Error> {
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT e.kind, a.display_name AS actor, e.message, e.at \
         FROM application_events e LEFT JOIN accounts a ON a.id = e.actor_id \
         WHERE e.application_id = ? ORDER BY e.id",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await?;
    // An event of unknown kind is left out of the history (logged).
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(ApplicationEvent {
                kind: decode_or_skip("application_events", "kind", &row.kind)?,
                actor: row.actor,
                message: row.message,
                at: program_time(&row.at),
            })
        })
        .collect())
}

/// The coordinator's latest message to the applicant (a question or a reason).
pub async fn latest_message(
    pool: &SqlitePool,
    application_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    let message: Option<Option<String>> = sqlx::query_scalar(
        "SELECT message FROM application_events WHERE application_id = ? \
         AND kind IN ('info_requested', 'declined') ORDER BY id DESC LIMIT 1",
    )
    .bind(application_id)
    .fetch_optional(pool)
    .await?;
    Ok(message.flatten())
}

/// Other applications sent from the same address.
pub async fn same_email(
    pool: &SqlitePool,
    application_id: i64,
    email: &str,
) -> Result<Vec<(i64, ApplicationStatus)>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, status FROM mentor_applications WHERE email = ? AND id <> ? ORDER BY id",
    )
    .bind(email)
    .bind(application_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, status)| {
            Some((
                id,
                decode_or_skip("mentor_applications", "status", &status)?,
            ))
        })
        .collect())
}

/// Makes the mentor's profile from an accepted application. It waits under the
/// applicant's email until their invitation is accepted.
pub async fn create_mentor_profile(
    connection: &mut SqliteConnection,
    application_id: i64,
    cohort_id: Option<i64>,
    now: &str,
) -> Result<i64, sqlx::Error> {
    let profile_id: i64 = sqlx::query_scalar(
        "INSERT INTO profiles (role, pending_email, application_id, cohort_id, modality, \
            availability, capacity, updated_at) \
         SELECT 'mentor', email, id, ?, modality, availability, capacity, ? \
         FROM mentor_applications WHERE id = ? RETURNING id",
    )
    .bind(cohort_id)
    .bind(now)
    .bind(application_id)
    .fetch_one(&mut *connection)
    .await?;
    for sql in [
        "INSERT INTO profile_domains (profile_id, domain_id) \
         SELECT ?, domain_id FROM application_domains WHERE application_id = ?",
        "INSERT INTO profile_skills (profile_id, skill_id) \
         SELECT ?, skill_id FROM application_skills WHERE application_id = ?",
        "INSERT INTO profile_languages (profile_id, language, level) \
         SELECT ?, language, level FROM application_languages WHERE application_id = ?",
    ] {
        sqlx::query(sql)
            .bind(profile_id)
            .bind(application_id)
            .execute(&mut *connection)
            .await?;
    }
    Ok(profile_id)
}

/// Whether a mentor profile made from an accepted application waits under this email.
pub async fn has_pending_profile(
    connection: &mut SqliteConnection,
    email: &str,
) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM profiles WHERE account_id IS NULL AND pending_email = ?",
    )
    .bind(email)
    .fetch_one(&mut *connection)
    .await?;
    Ok(count > 0)
}

/// The id of the open cohort with this code (a new mentor joins an open cohort only).
pub async fn cohort_id(
    connection: &mut SqliteConnection,
    code: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM cohorts WHERE code = ? AND is_open = 1")
        .bind(code)
        .fetch_optional(&mut *connection)
        .await
}

/// Adds a private link to the application (earlier ones keep working).
pub async fn add_link(
    connection: &mut SqliteConnection,
    application_id: i64,
    token_hash: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO application_links (token_hash, application_id, created_at) VALUES (?, ?, ?)",
    )
    .bind(token_hash)
    .bind(application_id)
    .bind(now)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// When the applications sent from `email` since `since` were sent, oldest first.
pub async fn recent_submissions(
    pool: &SqlitePool,
    email: &str,
    since: DateTime<Utc>,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT submitted_at FROM mentor_applications WHERE email = ? AND submitted_at > ? \
         ORDER BY submitted_at",
    )
    .bind(email)
    .bind(utc_text(since))
    .fetch_all(pool)
    .await
}
