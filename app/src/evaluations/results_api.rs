//! The coordination's reading of the answers: a cohort's results per
//! question and per person, and one person's answers. Coordinators only;
//! only submitted answers (a draft is its author's alone).
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{
    AnsweredQuestion, Audience, QuestionResult, QuestionnaireKind, ResponseRate, ResponseStatus,
};
use crate::catalog::{Bilingual, Cohort};
use crate::error::AppError;

/// One person a questionnaire went to, and where their response stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonResponse {
    pub response_id: i64,
    pub name: String,
    pub audience: Audience,
    pub status: ResponseStatus,
    /// Program time.
    pub submitted_at: Option<String>,
}

/// One audience's results: how many answered, and each question's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceResults {
    pub audience: Audience,
    pub rate: ResponseRate,
    pub questions: Vec<QuestionResult>,
}

/// A cohort's results for one questionnaire kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortResults {
    /// Every cohort, for the chooser.
    pub cohorts: Vec<Cohort>,
    /// The cohort shown; `None` when there is none yet.
    pub cohort: Option<Cohort>,
    pub kind: QuestionnaireKind,
    /// Program time of the sending; `None`: not sent to this cohort (yet).
    pub sent_at: Option<String>,
    pub reminded_at: Option<String>,
    /// Mentees, then mentors.
    pub audiences: Vec<AudienceResults>,
    pub people: Vec<PersonResponse>,
}

/// One person's response, as the coordination reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonAnswers {
    pub id: i64,
    pub name: String,
    pub audience: Audience,
    pub kind: QuestionnaireKind,
    pub cohort_code: String,
    pub cohort_name: Bilingual,
    pub status: ResponseStatus,
    pub submitted_at: Option<String>,
    /// The answers, once submitted; empty before (a draft is not read).
    pub questions: Vec<AnsweredQuestion>,
}

/// The cohort of code `cohort` (or, without one, the most recently
/// concluded, else the current one) and every cohort.
#[cfg(feature = "ssr")]
async fn chosen_cohort(
    pool: &sqlx::SqlitePool,
    code: Option<String>,
) -> Result<(Vec<Cohort>, Option<(i64, Cohort)>), AppError> {
    use crate::catalog::{current_cohort, repo as catalog};
    use crate::program_time::program_today;

    let cohorts = catalog::list_cohorts(pool).await?;
    let chosen = match code
        .as_deref()
        .map(str::trim)
        .filter(|code| !code.is_empty())
    {
        Some(code) => Some(
            cohorts
                .iter()
                .find(|cohort| cohort.code == code)
                .cloned()
                .ok_or(AppError::NotFound)?,
        ),
        None => cohorts
            .iter()
            .filter(|cohort| cohort.concluded_on.is_some())
            .max_by_key(|cohort| cohort.concluded_on)
            .or_else(|| current_cohort(&cohorts, program_today()))
            .or(cohorts.last())
            .cloned(),
    };
    let chosen = match chosen {
        Some(cohort) => {
            let id = crate::board::repo::cohort_id(pool, &cohort.code)
                .await?
                .ok_or(AppError::NotFound)?;
            Some((id, cohort))
        }
        None => None,
    };
    Ok((cohorts, chosen))
}

/// A cohort's results (`kind`: `evaluation`, the default, or `pulse`):
/// per audience, the response rate and each question's submitted answers
/// gathered; each person and where their response stands.
#[server(endpoint = "evaluation_results")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_evaluation_results(
    cohort: Option<String>,
    kind: Option<String>,
) -> Result<CohortResults, AppError> {
    use super::repo::results;
    use crate::accounts::{session::authorize_role, Role};
    use crate::error::InputProblem;
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let kind = match kind
        .as_deref()
        .map(str::trim)
        .filter(|kind| !kind.is_empty())
    {
        Some(text) => QuestionnaireKind::parse(text).ok_or(AppError::InvalidInput {
            field: "kind".to_owned(),
            problem: InputProblem::InvalidChoice,
        })?,
        None => QuestionnaireKind::Evaluation,
    };
    let (cohorts, chosen) = chosen_cohort(&pool, cohort).await?;
    let mut shown = CohortResults {
        cohorts,
        cohort: None,
        kind,
        sent_at: None,
        reminded_at: None,
        audiences: Vec::new(),
        people: Vec::new(),
    };
    let Some((cohort_id, cohort)) = chosen else {
        return Ok(shown);
    };
    shown.cohort = Some(cohort);
    let Some(sending) = results::sending(&pool, cohort_id, kind).await? else {
        return Ok(shown);
    };
    let rates = results::rates(&pool, sending.id).await?;
    let answers = results::submitted_answers(&pool, sending.id).await?;
    for audience in Audience::ALL {
        let questions = results::result_questions(&pool, kind, audience, Some(sending.id)).await?;
        shown.audiences.push(AudienceResults {
            audience,
            rate: rates.get(&audience).copied().unwrap_or_default(),
            questions: super::aggregate(&questions, &answers),
        });
    }
    shown.people = results::people(&pool, sending.id).await?;
    shown.sent_at = Some(crate::program_time::program_time(&sending.sent_at));
    shown.reminded_at = sending
        .reminded_at
        .as_deref()
        .map(crate::program_time::program_time);
    Ok(shown)
}

/// One person's response: their answers once submitted, nothing of a
/// draft. Each reading is in the log of reads of personal data (`access_log`).
#[server(endpoint = "person_answers")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_person_answers(id: i64) -> Result<PersonAnswers, AppError> {
    use crate::accounts::{session::authorize_role, Role};

    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let mut connection = pool.acquire().await?;
    let record = super::repo::find_response(&mut connection, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = record.status();
    let questions = if status == ResponseStatus::Submitted {
        super::repo::answered(&mut connection, &record).await?
    } else {
        Vec::new()
    };
    drop(connection);
    let detail = format!("{}/{}", record.cohort_code, record.kind);
    crate::access_log::repo::record_read(
        &pool,
        authorized.account()?.id,
        crate::access_log::repo::ReadSubject::Account(record.author_account_id),
        crate::access_log::ReadWhat::QuestionnaireAnswers,
        &detail,
    )
    .await?;
    Ok(PersonAnswers {
        id: record.id,
        name: record.author_name.clone(),
        audience: record.audience()?,
        kind: record.kind()?,
        cohort_name: record.cohort_name(),
        cohort_code: record.cohort_code.clone(),
        status,
        submitted_at: record
            .submitted_at
            .as_deref()
            .map(crate::program_time::program_time),
        questions,
    })
}
