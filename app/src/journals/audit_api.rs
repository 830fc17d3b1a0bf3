//! Server functions of the audit log: coordinators only.
use leptos::prelude::*;

use crate::audit::AuditEntry;
use crate::error::AppError;

/// How many events the page shows.
pub const AUDIT_PAGE_SIZE: i64 = 200;

#[server(endpoint = "list_audit_log")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn list_audit_log() -> Result<Vec<AuditEntry>, AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    Ok(crate::audit::repo::latest(&pool()?, AUDIT_PAGE_SIZE).await?)
}
