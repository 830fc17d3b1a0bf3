//! A participant as the coordinator follows them: the profile (studies and
//! needs of a mentee; employer, job title and sector, domains and skills of a
//! mentor), their pairs past and present, their applications, and what is
//! waiting for them. Private notes and feedback text never come here.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::AttentionRow;
use crate::accounts::Role;
use crate::catalog::ProfileChoices;
use crate::error::AppError;
use crate::pairs::PairStatus;
use crate::profiles::ProfileView;

/// One of the person's pairs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantPair {
    pub id: i64,
    pub partner_name: String,
    pub partner_profile_id: i64,
    pub status: PairStatus,
    /// Program time.
    pub proposed_at: String,
    pub score: i64,
}

/// One of a mentor's applications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantApplication {
    pub id: i64,
    pub status: String,
    /// Program time.
    pub submitted_at: String,
}

/// A mentor's work, from their application.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkDetails {
    pub employer: Option<String>,
    pub job_title: Option<String>,
    pub sector: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantView {
    pub profile_id: i64,
    pub role: Role,
    pub email: String,
    pub disabled: bool,
    pub cohort_code: Option<String>,
    pub profile: ProfileView,
    pub work: WorkDetails,
    pub pairs: Vec<ParticipantPair>,
    pub applications: Vec<ParticipantApplication>,
    /// Attention items about the person (or their open pair), most urgent first.
    pub waiting: Vec<AttentionRow>,
    pub choices: ProfileChoices,
}

/// A mentor's or a mentee's page, for the coordinator. Each reading is in
/// the log of reads of personal data (`access_log`).
#[server(endpoint = "get_participant")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_participant(profile_id: i64) -> Result<ParticipantView, AppError> {
    use crate::accounts::session::authorize_role;

    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let person = repo::person(&pool, profile_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let profile = crate::profiles::repo::load_profile(&pool, person.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let work = repo::work_details(&pool, person.application_id, &person.email).await?;
    let pairs = repo::pairs(&pool, profile_id).await?;
    let applications = repo::applications(&pool, person.application_id, &person.email).await?;
    let waiting = match person.cohort_id {
        Some(cohort_id) => super::api::attention_rows(&pool, cohort_id)
            .await?
            .0
            .into_iter()
            .filter(|row| concerns(&row.item, profile_id))
            .collect(),
        None => Vec::new(),
    };
    crate::access_log::repo::record_read(
        &pool,
        authorized.account()?.id,
        crate::access_log::repo::ReadSubject::Account(person.account_id),
        crate::access_log::ReadWhat::ParticipantPage,
        "",
    )
    .await?;
    Ok(ParticipantView {
        profile_id,
        role: if person.role == "mentor" {
            Role::Mentor
        } else {
            Role::Mentee
        },
        email: person.email,
        disabled: person.disabled,
        cohort_code: person.cohort_code,
        profile,
        work,
        pairs,
        applications,
        waiting,
        choices: crate::catalog::repo::all_choices(&pool).await?,
    })
}

/// What a participant's page reads, one query each.
#[cfg(feature = "ssr")]
mod repo {
    use sqlx::SqlitePool;

    use super::{ParticipantApplication, ParticipantPair, WorkDetails};
    use crate::pairs::PairStatus;
    use crate::program_time::program_time;

    #[derive(sqlx::FromRow)]
    pub(super) struct PersonRow {
        pub account_id: i64,
        pub email: String,
        pub role: String,
        pub disabled: bool,
        pub cohort_id: Option<i64>,
        pub cohort_code: Option<String>,
        pub application_id: Option<i64>,
    }

    /// The profile's account, role and cohort.
    pub(super) async fn person(
        pool: &SqlitePool,
        profile_id: i64,
    ) -> Result<Option<PersonRow>, sqlx::Error> {
        sqlx::query_as(
            "SELECT a.id AS account_id, a.email, p.role, a.is_disabled AS disabled, p.cohort_id, \
                    c.code AS cohort_code, p.application_id \
             FROM profiles p JOIN accounts a ON a.id = p.account_id \
             LEFT JOIN cohorts c ON c.id = p.cohort_id WHERE p.id = ?",
        )
        .bind(profile_id)
        .fetch_optional(pool)
        .await
    }

    /// A mentor's work, from their application (or their latest by email).
    pub(super) async fn work_details(
        pool: &SqlitePool,
        application_id: Option<i64>,
        email: &str,
    ) -> Result<WorkDetails, sqlx::Error> {
        let work: Option<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT employer, job_title, sector FROM mentor_applications \
             WHERE id = ? OR lower(email) = lower(?) ORDER BY id = ? DESC, submitted_at DESC LIMIT 1",
        )
        .bind(application_id)
        .bind(email)
        .bind(application_id)
        .fetch_optional(pool)
        .await?;
        Ok(work
            .map(|(employer, job_title, sector)| WorkDetails {
                employer,
                job_title,
                sector,
            })
            .unwrap_or_default())
    }

    /// The profile's pairs, open ones first, then newest first.
    pub(super) async fn pairs(
        pool: &SqlitePool,
        profile_id: i64,
    ) -> Result<Vec<ParticipantPair>, sqlx::Error> {
        let rows: Vec<(i64, String, i64, String, String, i64)> = sqlx::query_as(
            "SELECT x.id, \
                    CASE WHEN x.mentor_profile_id = ?1 THEN ea.display_name ELSE ra.display_name END, \
                    CASE WHEN x.mentor_profile_id = ?1 THEN x.mentee_profile_id ELSE x.mentor_profile_id END, \
                    x.status, x.proposed_at, x.score \
             FROM pairs x \
             JOIN profiles e ON e.id = x.mentee_profile_id JOIN accounts ea ON ea.id = e.account_id \
             JOIN profiles r ON r.id = x.mentor_profile_id JOIN accounts ra ON ra.id = r.account_id \
             WHERE x.mentor_profile_id = ?1 OR x.mentee_profile_id = ?1 \
             ORDER BY x.status IN ('proposed', 'active') DESC, x.proposed_at DESC, x.id DESC",
        )
        .bind(profile_id)
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(
                |(id, partner_name, partner_profile_id, status, proposed_at, score)| {
                    Some(ParticipantPair {
                        id,
                        partner_name,
                        partner_profile_id,
                        status: PairStatus::parse(&status)?,
                        proposed_at: program_time(&proposed_at),
                        score,
                    })
                },
            )
            .collect())
    }

    /// A mentor's applications (theirs and any under their email), newest first.
    pub(super) async fn applications(
        pool: &SqlitePool,
        application_id: Option<i64>,
        email: &str,
    ) -> Result<Vec<ParticipantApplication>, sqlx::Error> {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, status, submitted_at FROM mentor_applications \
             WHERE id = ? OR lower(email) = lower(?) ORDER BY submitted_at DESC, id DESC",
        )
        .bind(application_id)
        .bind(email)
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, status, submitted_at)| ParticipantApplication {
                id,
                status,
                submitted_at: program_time(&submitted_at),
            })
            .collect())
    }
}

/// Whether an attention item is about this profile (directly or through a pair).
pub fn concerns(item: &super::attention::AttentionItem, profile_id: i64) -> bool {
    item.person
        .as_ref()
        .is_some_and(|person| person.profile_id == profile_id)
        || item.pair.as_ref().is_some_and(|pair| {
            pair.mentee.profile_id == profile_id || pair.mentor.profile_id == profile_id
        })
}
