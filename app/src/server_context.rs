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
