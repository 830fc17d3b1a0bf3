//! Asking the coordination to end the pair, from the workspace.
use leptos::prelude::*;

use crate::error::AppError;

/// One of the pair's two people asks the coordination to end their active
/// pair, saying why: the reason is the coordination's alone (the other person
/// never reads it, nor is told of the request). Once per pair.
#[server(endpoint = "request_pair_end")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn request_pair_end(pair_id: i64, reason: String) -> Result<(), AppError> {
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::input::{parse_required_text, LONG_TEXT_MAX_CHARS};
    use crate::joint::member::{active_pair_member, Who};
    use crate::outbox::repo::notify_coordinators;
    use crate::outbox::{compose, EmailKind};
    use crate::program_time::utc_now_text;

    use crate::server_context::{pool, server_settings};

    let pool = pool()?;
    let member = active_pair_member(&pool, pair_id, Who::Either).await?;
    let reason = parse_required_text("reason", &reason, LONG_TEXT_MAX_CHARS)?;
    let public_url = server_settings()?.public_url;
    let now = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    if !crate::pairs::repo::record_end_request(
        &mut transaction,
        pair_id,
        member.side,
        &reason,
        &now,
    )
    .await?
    {
        return Err(AppError::Conflict);
    }
    let (who, partner) = (member.name(), member.partner().0);
    notify_coordinators(
        &mut transaction,
        EmailKind::EndRequested,
        |locale, name| compose::coordinator_end_requested(locale, name, who, partner, &reason),
        &format!("{public_url}/coordinator/pairs/{pair_id}"),
    )
    .await?;
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::PairEndRequested,
        Some(member.account_id),
        None,
        Some(&pair_id.to_string()),
    )
    .await;
    Ok(())
}
