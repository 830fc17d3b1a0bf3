//! The device cookie (security issue, item 4): after a sign-in, the browser
//! keeps a random token (HttpOnly, 90 days) whose hash names it as one of
//! the account's devices. A sign-in from a known device skips the
//! account-wide count of failures (`people/api/attempts.rs`), so guessers
//! spread over many addresses cannot lock the owner out; from an unknown
//! device the count still applies.
use sqlx::SqlitePool;

use super::repo;
use super::tokens::{hash_token, new_token};
use crate::error::AppError;
use crate::server_context::{request_cookie, server_settings, set_cookie, site_cookie};

/// The cookie's name over plain http (local use)…
pub const DEVICE_COOKIE: &str = "mentorat_device";
/// …and with secure cookies: host-only, `Secure`, path `/`.
pub const SECURE_DEVICE_COOKIE: &str = "__Host-mentorat_device";
/// A device unused this long is forgotten, and so is its cookie.
pub const DEVICE_DAYS: i64 = 90;

fn cookie_name() -> &'static str {
    match server_settings() {
        Ok(settings) if settings.secure_cookies => SECURE_DEVICE_COOKIE,
        _ => DEVICE_COOKIE,
    }
}

/// Whether the browser of this request signed in to the account of `email`
/// before.
pub async fn is_known(pool: &SqlitePool, email: &str) -> Result<bool, AppError> {
    let Some(token) = request_cookie(cookie_name()) else {
        return Ok(false);
    };
    Ok(repo::is_known_device(pool, email, &hash_token(&token)).await?)
}

/// After a sign-in: the browser's token, if it is one of the account's, is
/// marked used; otherwise a new one is made and given to the browser.
pub async fn remember(pool: &SqlitePool, account_id: i64) -> Result<(), AppError> {
    let now = chrono::Utc::now();
    if let Some(token) = request_cookie(cookie_name()) {
        if repo::touch_device(pool, account_id, &hash_token(&token), now).await? {
            return Ok(());
        }
    }
    let (token, token_hash) = new_token();
    repo::insert_device(pool, account_id, &token_hash, now).await?;
    set_cookie(&site_cookie(
        cookie_name(),
        &token,
        DEVICE_DAYS * 24 * 60 * 60,
        true,
    ))
}
