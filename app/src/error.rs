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
    #[error("invalid input in field {field}: {problem:?}")]
    InvalidInput {
        field: String,
        problem: InputProblem,
    },
    /// Sign-in refused: unknown email, wrong password or disabled account (never which).
    #[error("wrong email or password")]
    BadCredentials,
    /// Too many failed sign-ins: wait this many minutes.
    #[error("too many attempts; retry in {retry_after_minutes} min")]
    TooManyAttempts { retry_after_minutes: i64 },
    /// An invitation or reset link that is unknown, expired or already used.
    #[error("link invalid, expired or used")]
    LinkInvalid,
    /// The coordinator has switched mentee self-registration off.
    #[error("registration closed")]
    RegistrationClosed,
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

/// What is wrong with a submitted field; each has its own localized message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InputProblem {
    Required,
    TooLong,
    InvalidEmail,
    PasswordTooShort,
    ConsentRequired,
    StudentRequired,
    EmailTaken,
    WrongCurrentPassword,
    InvalidChoice,
    /// An action on one's own account that would lock the program out (last coordinator…).
    NotOnYourself,
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
    BadCredentials,
    TooManyAttempts,
    LinkInvalid,
    RegistrationClosed,
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
            AppError::BadCredentials => ErrorMessage::BadCredentials,
            AppError::TooManyAttempts { .. } => ErrorMessage::TooManyAttempts,
            AppError::LinkInvalid => ErrorMessage::LinkInvalid,
            AppError::RegistrationClosed => ErrorMessage::RegistrationClosed,
        }
    }

    /// The problem with `field`, when this error is about that form field.
    pub fn problem_with(&self, field: &str) -> Option<InputProblem> {
        match self {
            AppError::InvalidInput {
                field: bad,
                problem,
            } if bad == field => Some(*problem),
            _ => None,
        }
    }

    /// The HTTP status a route or server function answers with for this error.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::InvalidInput { .. } | AppError::BadCredentials => 400,
            AppError::LinkInvalid => 410,
            AppError::RegistrationClosed => 409,
            AppError::TooManyAttempts { .. } => 429,
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
    fn field_problems_belong_to_their_field() {
        let error = AppError::InvalidInput {
            field: "email".to_owned(),
            problem: InputProblem::InvalidEmail,
        };
        assert_eq!(
            error.problem_with("email"),
            Some(InputProblem::InvalidEmail)
        );
        assert_eq!(error.problem_with("password"), None);
        assert_eq!(error.status_code(), 400);
        assert_eq!(
            AppError::TooManyAttempts {
                retry_after_minutes: 2
            }
            .status_code(),
            429
        );
    }

    #[test]
    fn an_error_survives_the_round_trip_through_the_wire() {
        let bytes = AppError::Forbidden.ser();
        assert_eq!(AppError::de(bytes), AppError::Forbidden);
    }
}
