//! A signed-in session's idle expiry, moved forward at most once a minute.
//!
//! Saving the session on every request (`with_always_save`) kept the idle
//! expiry exact, but it made every signed-in request, down to a static file,
//! a write to the database. The session is now saved when something in it
//! changes, and this layer marks it changed when its last refresh is a
//! minute old or more: the idle expiry is exact to within a minute, and a
//! page view reads the session without writing it.
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use tower_sessions::Session;

/// The session key holding when the expiry was last moved (Unix seconds).
const REFRESHED_AT: &str = "refreshed_at";

/// How old the last refresh may be before a request moves the expiry again.
pub const REFRESH_AFTER_SECONDS: i64 = 60;

/// Moves a stored session's expiry forward when its last refresh is a minute
/// old. A request without a stored session (a visitor, or an expired or
/// ended session) is left alone: no session is created for it.
pub async fn keep_alive(request: Request, next: Next) -> Response {
    let session = request.extensions().get::<Session>().cloned();
    let response = next.run(request).await;
    if let Some(session) = session {
        refresh_if_due(&session, chrono::Utc::now().timestamp()).await;
    }
    response
}

async fn refresh_if_due(session: &Session, now: i64) {
    if session.id().is_none() {
        return;
    }
    // Loads the stored session once (the sign-in layer usually has already).
    let refreshed_at = match session.get::<i64>(REFRESHED_AT).await {
        Ok(value) => value,
        Err(error) => {
            tracing::warn!(%error, "the session could not be read to refresh it");
            return;
        }
    };
    // Not stored (any more), or signed out during this request.
    if session.id().is_none() || session.is_empty().await {
        return;
    }
    if is_due(refreshed_at, now) {
        if let Err(error) = session.insert(REFRESHED_AT, now).await {
            tracing::warn!(%error, "the session's expiry could not be moved");
        }
    }
}

/// Whether a session last refreshed at `refreshed_at` must be saved again.
fn is_due(refreshed_at: Option<i64>, now: i64) -> bool {
    refreshed_at.is_none_or(|at| now - at >= REFRESH_AFTER_SECONDS || at > now)
}

#[cfg(test)]
mod tests {
    use super::is_due;

    #[test]
    fn the_expiry_moves_once_a_minute() {
        assert!(is_due(None, 1_000), "never refreshed");
        assert!(!is_due(Some(1_000), 1_000));
        assert!(!is_due(Some(1_000), 1_059));
        assert!(is_due(Some(1_000), 1_060));
        assert!(is_due(Some(2_000), 1_000), "a clock set back");
    }
}
