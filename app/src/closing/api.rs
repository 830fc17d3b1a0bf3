//! Server functions of concluding a cohort: the coordinator's only.
use leptos::prelude::*;

use super::ClosingPreview;
use crate::error::AppError;

/// What concluding the cohort of this code will change (or, once concluded,
/// when it was).
#[server(endpoint = "closing_preview")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_closing_preview(code: String) -> Result<ClosingPreview, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::program_time::program_today;
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let cohort = crate::catalog::repo::find_cohort(&pool, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    let id = crate::board::repo::cohort_id(&pool, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut connection = pool.acquire().await?;
    let pairs = super::repo::open_pairs(&mut connection, id).await?;
    drop(connection);
    let seen = super::seen_pairs(&pairs);
    let (to_complete, to_withdraw) = super::split(pairs);
    Ok(ClosingPreview {
        cohort,
        to_complete,
        to_withdraw,
        has_draft: super::repo::has_draft(&pool, id).await?,
        seen,
        today: program_today(),
    })
}

/// Concludes the cohort of this code, as previewed: `seen` is the preview's
/// list of open pairs, and concluding is refused (`Conflict`) if they changed
/// since. In the same transaction, the end-of-cycle evaluation goes to each
/// person who had a pair in the cohort (`evaluations::sending`). Answers how
/// many pairs were completed and withdrawn.
#[server(endpoint = "conclude_cohort")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn conclude_cohort(code: String, seen: String) -> Result<(u64, u64), AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::evaluations::sending::{audit_sending, send_questionnaire};
    use crate::evaluations::QuestionnaireKind;
    use crate::program_time::utc_now_text;
    use crate::server_context::{pool, server_settings};

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator_id = authorized.account()?.id;
    let pool = pool()?;
    let id = crate::board::repo::cohort_id(&pool, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    // Reads the open pairs, then writes: immediate, so that it waits for
    // another writer rather than failing at once.
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let pairs = super::repo::open_pairs(&mut transaction, id).await?;
    if super::seen_pairs(&pairs) != seen {
        return Err(AppError::Conflict);
    }
    let now = utc_now_text();
    let concluded = super::repo::conclude(&mut transaction, id, coordinator_id, &now)
        .await?
        .ok_or(AppError::CohortConcluded)?;
    // The end-of-cycle evaluation goes with the conclusion, or not at all.
    let public_url = server_settings()?.public_url;
    let evaluations = send_questionnaire(
        &mut transaction,
        id,
        QuestionnaireKind::Evaluation,
        &public_url,
        &now,
    )
    .await?;
    transaction.commit().await?;
    if let Some(count @ 1..) = evaluations {
        audit_sending(
            &pool,
            Some(coordinator_id),
            &code,
            QuestionnaireKind::Evaluation,
            count,
        )
        .await;
    }
    let detail = format!(
        "{code}: {} completed, {} withdrawn",
        concluded.completed, concluded.withdrawn
    );
    record_by_caller(
        &pool,
        AuditEvent::CohortConcluded,
        Some(coordinator_id),
        None,
        Some(&detail),
    )
    .await;
    Ok((concluded.completed, concluded.withdrawn))
}
