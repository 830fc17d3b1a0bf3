//! The one error type that crosses the wire between server functions and pages.
//!
//! Variants carry no user-facing text: pages turn them into localized messages
//! through [`AppError::message_key`]. Details stay in the server log.
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The caller is not signed in.
    #[error("authentication required")]
    Unauthorized,
    /// The caller is signed in but may not do this.
    #[error("forbidden")]
    Forbidden,
    /// A submitted value is not acceptable; `field` names the form field.
    #[error("invalid input in field {field}")]
    InvalidInput { field: String },
    /// The thing asked for does not exist (or is not the caller's to see).
    #[error("not found")]
    NotFound,
    /// A storage failure; the detail is logged on the server, never sent.
    #[error("storage unavailable")]
    Storage,
    /// The server was not set up as the app expects (missing context, …).
    #[error("server misconfigured: {0}")]
    Config(String),
    /// The request could not reach the server function or its answer was unreadable.
    #[error("transport: {0}")]
    Transport(String),
}

/// Which translation explains an error to the person who met it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorMessage {
    SignInRequired,
    Forbidden,
    NotFound,
    InvalidInput,
    Unavailable,
    Network,
}

impl AppError {
    pub fn message(&self) -> ErrorMessage {
        match self {
            AppError::Unauthorized => ErrorMessage::SignInRequired,
            AppError::Forbidden => ErrorMessage::Forbidden,
            AppError::NotFound => ErrorMessage::NotFound,
            AppError::InvalidInput { .. } => ErrorMessage::InvalidInput,
            AppError::Storage | AppError::Config(_) => ErrorMessage::Unavailable,
            AppError::Transport(_) => ErrorMessage::Network,
        }
    }

    /// The HTTP status a route or server function answers with for this error.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::InvalidInput { .. } => 400,
            AppError::Storage | AppError::Config(_) => 503,
            AppError::Transport(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => AppError::NotFound,
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Storage
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_errors_hide_their_detail_from_the_caller() {
        let error = AppError::Storage;
        let wire = serde_json::to_string(&error).unwrap_or_default();
        assert_eq!(wire, "\"Storage\"");
        assert_eq!(error.message(), ErrorMessage::Unavailable);
        assert_eq!(error.status_code(), 503);
    }

    #[test]
    fn access_errors_map_to_401_and_403() {
        assert_eq!(AppError::Unauthorized.status_code(), 401);
        assert_eq!(AppError::Forbidden.status_code(), 403);
        assert_eq!(AppError::NotFound.status_code(), 404);
    }

    #[test]
    fn an_error_survives_the_round_trip_through_the_wire() {
        let bytes = AppError::Forbidden.ser();
        assert_eq!(AppError::de(bytes), AppError::Forbidden);
    }
}
