//! Server functions of the person who answers: their questionnaires, one
//! response to read, and saving it (a draft, or sent for good). Each
//! response is its author's alone (`Access::OwnResponse`): not the other
//! person of the pair, not the coordination, who reads submitted answers
//! through `results_api`.
use std::collections::BTreeMap;

use leptos::prelude::*;

use super::{MyResponse, ResponseInvite, ResponseStatus};
use crate::error::AppError;

/// The response `id` once its author is the caller: 401 signed out, 404
/// when it does not exist, 403 when it is someone else's.
#[cfg(feature = "ssr")]
async fn own_response(
    pool: &sqlx::SqlitePool,
    id: i64,
) -> Result<super::repo::ResponseRecord, AppError> {
    use crate::accounts::{policy::Access, session::authorize};

    authorize(Access::SignedIn).await?;
    let mut connection = pool.acquire().await?;
    let record = super::repo::find_response(&mut connection, id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(Access::OwnResponse {
        author_id: record.author_account_id,
    })
    .await?;
    Ok(record)
}

/// The caller's questionnaires, waiting or answered, newest first.
#[server(endpoint = "my_questionnaires")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_my_questionnaires() -> Result<Vec<ResponseInvite>, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    let authorized = authorize(Access::OwnProfile).await?;
    let account = authorized.account()?;
    Ok(super::repo::invites_of(&pool()?, account.id).await?)
}

/// One of the caller's responses: the questions with the draft's answers,
/// or, once sent, the answers given.
#[server(endpoint = "my_questionnaire")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_my_questionnaire(id: i64) -> Result<MyResponse, AppError> {
    use crate::server_context::pool;

    let pool = pool()?;
    let record = own_response(&pool, id).await?;
    super::repo::my_response(&pool, &record).await
}

/// Saves the caller's answers to response `id` as read at `version`
/// (`answers[<question id>]`): `intent` `draft` keeps them, `send` sends
/// them for good (every scale required). Refused once sent
/// (`AlreadySubmitted`) or when saved elsewhere since
/// (`ResponseSavedElsewhere`). A
/// send refused only for missing scales keeps the answers as the draft.
#[server(endpoint = "save_questionnaire_answers")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_answers(
    id: i64,
    version: i64,
    intent: String,
    answers: Option<BTreeMap<String, String>>,
) -> Result<ResponseStatus, AppError> {
    use crate::program_time::utc_now_text;
    use crate::server_context::pool;

    let pool = pool()?;
    own_response(&pool, id).await?;
    let intent = super::Intent::parse(&intent)?;
    let typed = answers.unwrap_or_default();
    super::repo::save_answers(&pool, id, version, &typed, intent, &utc_now_text()).await
}
