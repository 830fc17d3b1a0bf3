//! The one place where server functions read what the server provides.
//!
//! Never `expect_context`: route-list generation renders without a request.
#[cfg(feature = "ssr")]
use crate::error::AppError;

/// The SQLite pool the server provides to every page render and server function.
#[cfg(feature = "ssr")]
pub fn pool() -> Result<sqlx::SqlitePool, AppError> {
    leptos::prelude::use_context::<sqlx::SqlitePool>()
        .ok_or_else(|| AppError::internal("database pool not provided"))
}

/// Settings of this server that server functions need (the server provides them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerSettings {
    /// The address people reach the site at, for links in emails (no trailing slash).
    pub public_url: String,
    /// Whether a mailer delivers the outbox by SMTP.
    pub smtp_configured: bool,
    /// A session ends after this many idle minutes…
    pub session_idle_minutes: i64,
    /// …and this many days after its sign-in in any case.
    pub session_lifetime_days: i64,
    /// Cookies travel over https only (their names may take `__Host-`).
    pub secure_cookies: bool,
}

#[cfg(feature = "ssr")]
pub fn server_settings() -> Result<ServerSettings, AppError> {
    leptos::prelude::use_context::<ServerSettings>()
        .ok_or_else(|| AppError::internal("server settings not provided"))
}

/// The value of a cookie the current request carries, if any (and not empty).
#[cfg(feature = "ssr")]
pub fn request_cookie(name: &str) -> Option<String> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == name && !cookie.value().is_empty())
        .map(|cookie| cookie.value().to_owned())
}

/// A cookie of this site: the whole site's path, `SameSite=Lax`, kept
/// `max_age_seconds` (0 removes it); `http_only` hides it from scripts.
#[cfg(feature = "ssr")]
pub fn site_cookie(
    name: &str,
    value: &str,
    max_age_seconds: i64,
    http_only: bool,
) -> cookie::Cookie<'static> {
    cookie::Cookie::build((name.to_owned(), value.to_owned()))
        .path("/")
        .max_age(cookie::time::Duration::seconds(max_age_seconds))
        .http_only(http_only)
        .same_site(cookie::SameSite::Lax)
        .build()
}

/// Adds a `Set-Cookie` header to the current response.
#[cfg(feature = "ssr")]
pub fn set_cookie(cookie: &cookie::Cookie<'_>) -> Result<(), AppError> {
    use http::header::{HeaderValue, SET_COOKIE};

    let response = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        .ok_or_else(|| AppError::internal("response options not provided"))?;
    let value = HeaderValue::from_str(&cookie.to_string())
        .map_err(|error| AppError::internal(format!("unusable cookie: {error}")))?;
    response.append_header(SET_COOKIE, value);
    Ok(())
}

/// The Content-Security-Policy nonce the server chose for this request.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CspNonce(pub String);

/// The nonce of the current request, if the server set one.
#[cfg(feature = "ssr")]
pub fn request_nonce() -> Option<String> {
    leptos::prelude::use_context::<http::request::Parts>().and_then(|parts| {
        parts
            .extensions
            .get::<CspNonce>()
            .map(|nonce| nonce.0.clone())
    })
}

/// The caller's network address as the server determined it.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddress(pub String);

#[cfg(feature = "ssr")]
/// The network address of the caller, for the throttle and the audit log (the
/// server decides it, trusting a proxy's `X-Forwarded-For` only when told to).
pub fn client_address() -> String {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<ClientAddress>().map(|a| a.0.clone()))
        .unwrap_or_else(|| "unknown".to_owned())
}
