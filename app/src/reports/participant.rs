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

#[cfg(feature = "ssr")]
#[derive(sqlx::FromRow)]
struct PersonRow {
    account_id: i64,
    email: String,
    role: String,
    disabled: bool,
    cohort_id: Option<i64>,
    cohort_code: Option<String>,
    application_id: Option<i64>,
}

/// A mentor's or a mentee's page, for the coordinator. Reading it is audited.
#[server(endpoint = "get_participant")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_participant(profile_id: i64) -> Result<ParticipantView, AppError> {
    use crate::accounts::session::authorize_role;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::program_time::program_time;

    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let person: Option<PersonRow> = sqlx::query_as(
        "SELECT a.id AS account_id, a.email, p.role, a.is_disabled AS disabled, p.cohort_id, \
                c.code AS cohort_code, p.application_id \
         FROM profiles p JOIN accounts a ON a.id = p.account_id \
         LEFT JOIN cohorts c ON c.id = p.cohort_id WHERE p.id = ?",
    )
    .bind(profile_id)
    .fetch_optional(&pool)
    .await?;
    let PersonRow {
        account_id,
        email,
        role,
        disabled,
        cohort_id,
        cohort_code,
        application_id,
    } = person.ok_or(AppError::NotFound)?;
    let role = if role == "mentor" {
        Role::Mentor
    } else {
        Role::Mentee
    };
    let profile = crate::profiles::repo::load_profile(&pool, account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let work: Option<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT employer, job_title, sector FROM mentor_applications \
         WHERE id = ? OR lower(email) = lower(?) ORDER BY id = ? DESC, submitted_at DESC LIMIT 1",
    )
    .bind(application_id)
    .bind(&email)
    .bind(application_id)
    .fetch_optional(&pool)
    .await?;
    let work = work
        .map(|(employer, job_title, sector)| WorkDetails {
            employer,
            job_title,
            sector,
        })
        .unwrap_or_default();
    let pair_rows: Vec<(i64, String, i64, String, String, i64)> = sqlx::query_as(
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
    .fetch_all(&pool)
    .await?;
    let pairs = pair_rows
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
        .collect();
    let application_rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, status, submitted_at FROM mentor_applications \
         WHERE id = ? OR lower(email) = lower(?) ORDER BY submitted_at DESC, id DESC",
    )
    .bind(application_id)
    .bind(&email)
    .fetch_all(&pool)
    .await?;
    let applications = application_rows
        .into_iter()
        .map(|(id, status, submitted_at)| ParticipantApplication {
            id,
            status,
            submitted_at: program_time(&submitted_at),
        })
        .collect();
    let waiting = match cohort_id {
        Some(cohort_id) => super::api::attention_rows(&pool, cohort_id)
            .await?
            .0
            .into_iter()
            .filter(|row| concerns(&row.item, profile_id))
            .collect(),
        None => Vec::new(),
    };
    record_by_caller(
        &pool,
        AuditEvent::ParticipantViewed,
        Some(authorized.account()?.id),
        Some(&account_id.to_string()),
        None,
    )
    .await;
    Ok(ParticipantView {
        profile_id,
        role,
        email,
        disabled,
        cohort_code,
        profile,
        work,
        pairs,
        applications,
        waiting,
        choices: crate::catalog::repo::all_choices(&pool).await?,
    })
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
