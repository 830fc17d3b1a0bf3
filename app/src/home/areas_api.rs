//! The landing page of each role's area.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::SessionUser;
use crate::error::AppError;

/// The coordinator's landing page: the person and what waits for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinatorHome {
    pub user: SessionUser,
    pub active_people: i64,
    pub pending_invitations: i64,
    pub unsent_messages: i64,
    /// Applications waiting for a decision (new or answered).
    pub applications_to_review: i64,
    /// Requests for deletion waiting for the privacy officer.
    pub deletions_pending: i64,
}

#[server(endpoint = "coordinator_home")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_coordinator_home() -> Result<CoordinatorHome, AppError> {
    use crate::accounts::{repo, session::authorize_role, Role};
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    Ok(CoordinatorHome {
        user: authorized.account()?.to_session_user(),
        active_people: repo::count_accounts(&pool).await?,
        pending_invitations: repo::count_pending_invitations(&pool, chrono::Utc::now()).await?,
        unsent_messages: crate::outbox::repo::count_unsent(&pool).await?,
        applications_to_review: crate::applications::repo::count_by_status(&pool)
            .await?
            .into_iter()
            .filter(|(status, _)| status == "submitted")
            .map(|(_, count)| count)
            .sum(),
        deletions_pending: crate::erasure::repo::count_pending(&pool).await?,
    })
}

#[server(endpoint = "mentor_home")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_mentor_home() -> Result<SessionUser, AppError> {
    use crate::accounts::{session::authorize_role, Role};

    Ok(authorize_role(Role::Mentor)
        .await?
        .account()?
        .to_session_user())
}

#[server(endpoint = "mentee_home")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_mentee_home() -> Result<SessionUser, AppError> {
    use crate::accounts::{session::authorize_role, Role};

    Ok(authorize_role(Role::Mentee)
        .await?
        .account()?
        .to_session_user())
}
