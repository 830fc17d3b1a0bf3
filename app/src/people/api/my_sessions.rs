//! "My sessions": where a person is signed in, and ending a session there.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::devices::{Browser, System};
use crate::error::AppError;

/// One open session of the caller's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenSession {
    pub id: i64,
    pub browser: Browser,
    pub os: System,
    /// The network address it was last seen from.
    pub client: Option<String>,
    /// Program time (Montréal).
    pub signed_in_at: String,
    pub last_seen_at: String,
    /// The session of this very request.
    pub current: bool,
}

/// The caller's open sessions, this one first.
#[server(endpoint = "my_sessions")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_my_sessions() -> Result<Vec<OpenSession>, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::repo;
    use crate::accounts::session::{auth_session, authorize, current_session_ref_hash};
    use crate::program_time::program_time;
    use crate::server_context::{pool, server_settings};

    let authorized = authorize(Access::SignedIn).await?;
    let account_id = authorized.account()?.id;
    let settings = server_settings()?;
    let now = chrono::Utc::now();
    let current = current_session_ref_hash(&auth_session().await?.session).await;
    let rows = repo::open_sessions(
        &pool()?,
        account_id,
        now - chrono::Duration::minutes(settings.session_idle_minutes),
        now - chrono::Duration::days(settings.session_lifetime_days),
    )
    .await?;
    let mut sessions: Vec<OpenSession> = rows
        .into_iter()
        .map(|row| OpenSession {
            id: row.id,
            // Every session stays listed (it may be ended from here): an
            // unknown name is logged and shown as the one for "another".
            browser: crate::stored::decode("account_sessions", "browser", &row.browser)
                .unwrap_or(Browser::Other),
            os: crate::stored::decode("account_sessions", "os", &row.os).unwrap_or(System::Other),
            client: row.client,
            signed_in_at: program_time(&row.signed_in_at),
            last_seen_at: program_time(&row.last_seen_at),
            current: current.as_deref() == Some(row.ref_hash.as_str()),
        })
        .collect();
    sessions.sort_by_key(|session| !session.current);
    Ok(sessions)
}

/// Ends one of the caller's sessions (`session_id`), or, without it, every
/// session but this one. This session is never ended here (signing out is).
/// Answers how many ended.
#[server(endpoint = "end_my_sessions")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn end_my_sessions(session_id: Option<i64>) -> Result<u64, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::repo;
    use crate::accounts::session::{auth_session, authorize, current_session_ref_hash};
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    let current = current_session_ref_hash(&auth_session().await?.session)
        .await
        .unwrap_or_default();
    let ended = repo::end_open_sessions(&pool, account.id, session_id, &current).await?;
    if session_id.is_some() && ended == 0 {
        // Not one of theirs, already over, or this very session.
        return Err(AppError::NotFound);
    }
    record_by_caller(
        &pool,
        AuditEvent::SessionsEnded,
        Some(account.id),
        Some(&account.id.to_string()),
        Some(&ended.to_string()),
    )
    .await;
    Ok(ended)
}
