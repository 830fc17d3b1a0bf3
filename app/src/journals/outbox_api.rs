//! Server functions of the outbox: coordinators only.
use leptos::prelude::*;

use crate::error::AppError;
use crate::outbox::OutboxOverview;

/// How many messages the page shows.
pub const OUTBOX_PAGE_SIZE: i64 = 200;

/// Gives every email the outbox gave up on a new series of attempts,
/// starting now; how many. Coordinators only.
#[server(endpoint = "resend_failed_emails")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn resend_failed_emails() -> Result<u64, AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let count = crate::outbox::repo::resend_failed(&pool()?).await?;
    tracing::info!(
        account = authorized.account()?.id,
        count,
        "undelivered emails sent again"
    );
    Ok(count)
}

#[server(endpoint = "list_outbox")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn list_outbox() -> Result<OutboxOverview, AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::server_context::{pool, server_settings};

    let authorized = authorize_role(Role::Coordinator).await?;
    let reader_id = authorized.account()?.id;
    let smtp_configured = server_settings()?.smtp_configured;
    Ok(OutboxOverview {
        messages: crate::outbox::repo::latest(
            &pool()?,
            OUTBOX_PAGE_SIZE,
            reader_id,
            smtp_configured,
        )
        .await?,
        smtp_configured,
    })
}
