//! The one place where server functions read what the server provides.
//!
//! Never `expect_context`: route-list generation renders without a request.
#[cfg(feature = "ssr")]
use crate::error::AppError;

/// The SQLite pool the server provides to every page render and server function.
#[cfg(feature = "ssr")]
pub fn pool() -> Result<sqlx::SqlitePool, AppError> {
    leptos::prelude::use_context::<sqlx::SqlitePool>()
        .ok_or_else(|| AppError::Config("database pool not provided".to_owned()))
}

/// Today's date in the program's time zone (Montréal).
#[cfg(feature = "ssr")]
pub fn program_today() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::America::Toronto)
        .date_naive()
}

/// Settings of this server that server functions need (the server provides them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerSettings {
    /// The address people reach the site at, for links in emails (no trailing slash).
    pub public_url: String,
    /// Whether a mailer delivers the outbox by SMTP.
    pub smtp_configured: bool,
}

#[cfg(feature = "ssr")]
pub fn server_settings() -> Result<ServerSettings, AppError> {
    leptos::prelude::use_context::<ServerSettings>()
        .ok_or_else(|| AppError::Config("server settings not provided".to_owned()))
}

/// The Content-Security-Policy nonce the server chose for this request.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CspNonce(pub String);

/// The nonce of the current request, if the server set one.
#[cfg(feature = "ssr")]
pub fn request_nonce() -> Option<String> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().map(|nonce| nonce.0.clone()))
}

/// The caller's network address as the server determined it.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddress(pub String);
