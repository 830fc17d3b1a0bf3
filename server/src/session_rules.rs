//! What every signed-in request meets: the session's absolute lifetime and
//! responses no cache keeps.
//!
//! The idle expiry (`SessionManagerLayer`, moved by `session_refresh`) ends a
//! forgotten session; the absolute lifetime ends a busy one too, so that a
//! stolen session cookie stops working within a week however much it is used.
//! The lifetime counts from the sign-in (`SIGNED_IN_AT`, written by
//! `app::accounts::session::sign_in_session`).
use app::accounts::repo;
use app::accounts::session::{
    current_session_ref_hash, record_open_session, AuthSession, SIGNED_IN_AT,
};
use app::server_context::ClientAddress;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// A signed-in session ends this many days after its sign-in, whatever its use.
pub const DEFAULT_SESSION_LIFETIME_DAYS: i64 = 7;

/// How old "last seen" may be before a request moves it (as the idle expiry).
const LAST_SEEN_EVERY_SECONDS: i64 = 60;

/// What the rules need: the lifetime and the database of "my sessions".
#[derive(Clone)]
pub struct SessionRules {
    pub lifetime_seconds: i64,
    pub pool: sqlx::SqlitePool,
}

/// Ends a session past its absolute lifetime, or ended from "my sessions",
/// before the request is served (the request goes on as a visitor's), and
/// marks every answer to a signed-in person `Cache-Control: no-store`: no
/// browser, proxy or shared computer keeps a page of someone's program.
pub async fn session_rules(
    State(rules): State<SessionRules>,
    mut request: Request,
    next: Next,
) -> Response {
    let now = chrono::Utc::now().timestamp();
    let user_agent = request
        .headers()
        .get(header::USER_AGENT)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let client = request
        .extensions()
        .get::<ClientAddress>()
        .map_or_else(|| "unknown".to_owned(), |address| address.0.clone());
    let mut signed_in = false;
    if let Some(auth) = request.extensions_mut().get_mut::<AuthSession>() {
        if auth.user.is_some() {
            signed_in = within_lifetime(auth, now, rules.lifetime_seconds).await
                && still_open(auth, &rules.pool, &user_agent, &client).await;
        }
    }
    let mut response = next.run(request).await;
    // Signed in now, or signing in by this very answer.
    let kept_nowhere = response
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.contains("no-store"));
    if (signed_in || response.headers().contains_key(header::SET_COOKIE)) && !kept_nowhere {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Whether the signed-in session may go on; ends it when its lifetime is over.
async fn within_lifetime(auth: &mut AuthSession, now: i64, lifetime_seconds: i64) -> bool {
    match auth.session.get::<i64>(SIGNED_IN_AT).await {
        Ok(Some(signed_in_at)) if is_over(signed_in_at, now, lifetime_seconds) => {
            let account_id = auth.user.as_ref().map(|user| user.0.id);
            if let Err(error) = auth.logout().await {
                tracing::error!(%error, "a session past its lifetime could not be ended");
            }
            tracing::info!(?account_id, "session ended: its absolute lifetime is over");
            false
        }
        Ok(Some(_)) => true,
        // A session from before the lifetime existed: it counts from now.
        Ok(None) => {
            if let Err(error) = auth.session.insert(SIGNED_IN_AT, now).await {
                tracing::warn!(%error, "the session's sign-in time could not be kept");
            }
            true
        }
        Err(error) => {
            tracing::warn!(%error, "the session's sign-in time could not be read");
            true
        }
    }
}

/// Whether the session is still in "my sessions" (moving its "last seen"
/// once a minute); ends it when its row was deleted (ended from another
/// device, or by a new password). A session from before the list gets its row.
async fn still_open(
    auth: &mut AuthSession,
    pool: &sqlx::SqlitePool,
    user_agent: &str,
    client: &str,
) -> bool {
    let Some(account_id) = auth.user.as_ref().map(|user| user.0.id) else {
        return false;
    };
    let Some(ref_hash) = current_session_ref_hash(&auth.session).await else {
        if let Err(error) =
            record_open_session(pool, &auth.session, account_id, user_agent, client).await
        {
            tracing::warn!(?error, "an earlier session could not be listed");
        }
        return true;
    };
    let now = chrono::Utc::now();
    match repo::open_session_last_seen(pool, account_id, &ref_hash).await {
        Ok(Some(last_seen)) => {
            let due = chrono::DateTime::parse_from_rfc3339(&last_seen)
                .map(|at| (now - at.with_timezone(&chrono::Utc)).num_seconds())
                .map_or(true, |age| age >= LAST_SEEN_EVERY_SECONDS);
            if due {
                if let Err(error) = repo::touch_open_session(pool, &ref_hash, client, now).await {
                    tracing::warn!(%error, "the session's last sight could not be kept");
                }
            }
            true
        }
        Ok(None) => {
            if let Err(error) = auth.logout().await {
                tracing::error!(%error, "an ended session could not be closed");
            }
            tracing::info!(account_id, "session ended from another device");
            false
        }
        // The list unreadable: the session's own proof still holds.
        Err(error) => {
            tracing::error!(%error, "the open sessions could not be read");
            true
        }
    }
}

/// Whether a session signed in at `signed_in_at` is past its lifetime at `now`.
fn is_over(signed_in_at: i64, now: i64, lifetime_seconds: i64) -> bool {
    now - signed_in_at >= lifetime_seconds
}

#[cfg(test)]
mod tests {
    use super::is_over;

    #[test]
    fn a_session_ends_at_its_lifetime_however_busy() {
        let week = 7 * 24 * 3600;
        assert!(!is_over(1_000, 1_000, week));
        assert!(!is_over(1_000, 1_000 + week - 1, week));
        assert!(is_over(1_000, 1_000 + week, week));
    }
}
