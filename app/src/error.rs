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
    /// Several submitted values are not acceptable (a long form answers all at once).
    #[error("invalid input in {} fields", .0.len())]
    InvalidFields(Vec<FieldProblem>),
    /// The thing changed meanwhile (someone else decided first): reload and look again.
    #[error("conflict with the current state")]
    Conflict,
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
    /// The mentor has no free place left (capacity counts active and proposed pairs).
    #[error("mentor at capacity")]
    MentorFull,
    /// The cohort is concluded: it no longer matches, its pairs are closed.
    #[error("cohort concluded")]
    CohortConcluded,
    /// The item was changed (by the other person) since the caller's page
    /// showed it: nothing is overwritten; look at the new version first.
    #[error("stale version")]
    StaleVersion,
    /// Agreeing to, or asking to change, what one proposed oneself.
    #[error("own proposal")]
    OwnProposal,
    /// Not possible before both people agree on it (a goal's milestones, a
    /// meeting's outcome).
    #[error("not agreed yet")]
    NotAgreed,
    /// A questionnaire already sent by its author: answers are final.
    #[error("already submitted")]
    AlreadySubmitted,
    /// A response saved from another page (another tab) since this one was
    /// shown: nothing is overwritten; reload to see the latest answers.
    #[error("response saved elsewhere")]
    ResponseSavedElsewhere,
    /// A questionnaire would hold more or fewer questions than it may (an
    /// evaluation 5 to 8, a pulse 2).
    #[error("question count out of range")]
    QuestionCount,
    /// The thing asked for does not exist (or is not the caller's to see).
    #[error("not found")]
    NotFound,
    /// Done too recently to do again (a nudge from the same item): possible
    /// again on that day (YYYY-MM-DD).
    #[error("too soon; possible again on {again_on}")]
    TooSoon { again_on: String },
    /// A storage failure; the detail is logged on the server, never sent.
    #[error("storage unavailable")]
    Storage,
    /// Something failed inside the server that is not storage (a missing
    /// context, a worker thread that stopped, a state that cannot be): logged
    /// on the server by [`AppError::internal`], no text on the wire.
    #[error("internal error")]
    Internal,
    /// The request's body is not the server function's arguments (a letter
    /// where a number goes, a field missing or sent twice, bytes that are not
    /// UTF-8): the caller's mistake, answered 400 before the function runs.
    /// The detail stays in the server log.
    #[error("unreadable request")]
    UnreadableRequest,
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
    /// One of the most common passwords (the list shipped with the app).
    PasswordCommon,
    /// The person's own name or email address, or plainly containing it.
    PasswordMentionsYou,
    ConsentRequired,
    StudentRequired,
    EmailTaken,
    WrongCurrentPassword,
    InvalidChoice,
    /// An action on one's own account that would lock the program out (last coordinator…).
    NotOnYourself,
    /// A list where at least one choice must be ticked.
    ChooseAtLeastOne,
    /// A number or a year outside the range the field states.
    OutOfRange,
    /// Not a date (YYYY-MM-DD).
    InvalidDate,
    /// An end date that is not after the start date.
    EndBeforeStart,
    /// At least one of the two language versions must be filled in.
    OneLabelRequired,
    /// An application that does not meet the program's rules cannot be accepted.
    NotEligible,
    /// The eligibility answers recorded for a mentor fail the program's rule.
    MentorNotEligible,
    /// A list longer than one import takes.
    TooManyLines,
    /// The matching weights must add up to 100.
    WeightsTotal,
    /// The pair breaks a rule (no common language, paused mentor, forbidden…).
    PairNotAllowed,
    /// A date and time already past (a meeting is planned ahead).
    InThePast,
    /// Too early: the meeting has not started yet.
    NotYet,
    /// The mentor is on pause: no new pair starts until the pause ends.
    MentorPaused,
    /// A mentor's capacity below the pairs they already have open.
    BelowOpenPairs,
    /// Not a phone number (digits, spaces, `+ - ( ) .`, seven digits at least).
    InvalidPhone,
    /// A day still to come where only what has happened may be written (an
    /// incident, its discovery, a notification made).
    InTheFuture,
    /// A day before the event it follows (an incident discovered or
    /// notified before it happened).
    BeforeOccurrence,
    /// A box that must be ticked to confirm what the form does.
    ConfirmRequired,
    /// Not six digits nor a recovery code.
    InvalidCode,
    /// A code that does not match (wrong, too old, already used).
    WrongCode,
    /// Two-step sign-in cannot be turned off: the program requires it of coordinators.
    MfaRequired,
    /// Resetting another's two-step sign-in needs one's own first.
    MfaNeededFirst,
}

/// One field's problem, in a form refused as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub problem: InputProblem,
}

/// Collects the problems of a long form so that all of them are shown at once.
#[derive(Debug, Default)]
pub struct FieldErrors {
    problems: Vec<FieldProblem>,
    other: Option<AppError>,
}

impl FieldErrors {
    pub fn new() -> FieldErrors {
        FieldErrors::default()
    }

    pub fn push(&mut self, field: &str, problem: InputProblem) {
        self.problems.push(FieldProblem {
            field: field.to_owned(),
            problem,
        });
    }

    /// The value when it parsed; otherwise remembers the problem and gives `None`.
    pub fn check<T>(&mut self, result: Result<T, AppError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(AppError::InvalidInput { field, problem }) => {
                self.problems.push(FieldProblem { field, problem });
                None
            }
            Err(AppError::InvalidFields(problems)) => {
                self.problems.extend(problems);
                None
            }
            Err(other) => {
                self.other.get_or_insert(other);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty() && self.other.is_none()
    }

    /// The one way a validated form ends: every field's problem in one error,
    /// or the checked values (`values` takes each field's `Option` with `?`;
    /// a `None` there after a clean check is an internal error, not the caller's).
    pub fn finish_with<T>(self, values: impl FnOnce() -> Option<T>) -> Result<T, AppError> {
        self.finish()?;
        values().ok_or_else(|| AppError::internal("a checked form field had no value"))
    }

    /// `Ok` when nothing was wrong; otherwise every field's problem in one error.
    pub fn finish(mut self) -> Result<(), AppError> {
        if let Some(other) = self.other {
            return Err(other);
        }
        match self.problems.len() {
            0 => Ok(()),
            1 => match self.problems.pop() {
                Some(FieldProblem { field, problem }) => {
                    Err(AppError::InvalidInput { field, problem })
                }
                None => Ok(()),
            },
            _ => Err(AppError::InvalidFields(self.problems)),
        }
    }
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
    Conflict,
    MentorFull,
    CohortConcluded,
    StaleVersion,
    OwnProposal,
    NotAgreed,
    TooSoon,
    AlreadySubmitted,
    ResponseSavedElsewhere,
    QuestionCount,
}

impl AppError {
    /// An internal failure: `detail` goes to the server log, the caller gets
    /// `Internal` and a localized "unavailable" message.
    pub fn internal(detail: impl std::fmt::Display) -> AppError {
        #[cfg(feature = "ssr")]
        tracing::error!(%detail, "internal error");
        #[cfg(not(feature = "ssr"))]
        let _ = detail.to_string();
        AppError::Internal
    }

    pub fn message(&self) -> ErrorMessage {
        match self {
            AppError::Unauthorized => ErrorMessage::SignInRequired,
            AppError::Forbidden => ErrorMessage::Forbidden,
            AppError::NotFound => ErrorMessage::NotFound,
            AppError::InvalidInput { .. }
            | AppError::InvalidFields(_)
            | AppError::UnreadableRequest => ErrorMessage::InvalidInput,
            AppError::Conflict => ErrorMessage::Conflict,
            AppError::MentorFull => ErrorMessage::MentorFull,
            AppError::CohortConcluded => ErrorMessage::CohortConcluded,
            AppError::StaleVersion => ErrorMessage::StaleVersion,
            AppError::OwnProposal => ErrorMessage::OwnProposal,
            AppError::NotAgreed => ErrorMessage::NotAgreed,
            AppError::AlreadySubmitted => ErrorMessage::AlreadySubmitted,
            AppError::ResponseSavedElsewhere => ErrorMessage::ResponseSavedElsewhere,
            AppError::QuestionCount => ErrorMessage::QuestionCount,
            AppError::TooSoon { .. } => ErrorMessage::TooSoon,
            AppError::Storage | AppError::Internal => ErrorMessage::Unavailable,
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
            AppError::InvalidFields(problems) => problems
                .iter()
                .find(|problem| problem.field == field)
                .map(|problem| problem.problem),
            _ => None,
        }
    }

    /// The HTTP status a route or server function answers with for this error.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::InvalidInput { .. }
            | AppError::InvalidFields(_)
            | AppError::UnreadableRequest
            | AppError::BadCredentials => 400,
            AppError::Conflict
            | AppError::MentorFull
            | AppError::CohortConcluded
            | AppError::StaleVersion
            | AppError::OwnProposal
            | AppError::NotAgreed
            | AppError::AlreadySubmitted
            | AppError::ResponseSavedElsewhere
            | AppError::QuestionCount => 409,
            AppError::LinkInvalid => 410,
            AppError::RegistrationClosed => 409,
            AppError::TooManyAttempts { .. } | AppError::TooSoon { .. } => 429,
            AppError::Storage => 503,
            AppError::Internal => 500,
            AppError::Transport(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // On the server these come only from decoding the request into the
        // function's arguments: a client sending what no form sends, not a
        // failure of the server (which would answer 500). In the browser,
        // `Deserialization` is an unreadable answer: a transport error.
        #[cfg(feature = "ssr")]
        if let ServerFnErrorErr::Args(detail)
        | ServerFnErrorErr::MissingArg(detail)
        | ServerFnErrorErr::Deserialization(detail) = &value
        {
            tracing::info!(%detail, "unreadable server function arguments");
            return AppError::UnreadableRequest;
        }
        AppError::Transport(value.to_string())
    }
}

/// Already logged where it was found (`stored::decode`): the caller gets
/// `Internal` (500), as for any state the server cannot be in.
#[cfg(feature = "ssr")]
impl From<crate::stored::UnknownStoredValue> for AppError {
    fn from(_: crate::stored::UnknownStoredValue) -> AppError {
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => AppError::NotFound,
            // Logged, table, column and value, where it was read.
            sqlx::Error::Decode(source) | sqlx::Error::ColumnDecode { source, .. }
                if source.is::<crate::stored::UnknownStoredValue>() =>
            {
                AppError::Internal
            }
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
    fn internal_errors_say_nothing_on_the_wire() {
        let error = AppError::internal("database pool not provided");
        let wire = serde_json::to_string(&error).unwrap_or_default();
        assert_eq!(wire, "\"Internal\"");
        assert_eq!(error.message(), ErrorMessage::Unavailable);
        assert_eq!(error.status_code(), 500);
    }

    #[test]
    fn a_checked_form_gives_its_values_or_every_problem() {
        let mut errors = FieldErrors::new();
        let name = errors.check(Ok::<_, AppError>("Ana"));
        let year = errors.check(Ok::<_, AppError>(Some(2)));
        assert_eq!(errors.finish_with(|| Some((name?, year??))), Ok(("Ana", 2)));
        let mut errors = FieldErrors::new();
        let name: Option<&str> = errors.check(Err(AppError::InvalidInput {
            field: "name".to_owned(),
            problem: InputProblem::Required,
        }));
        let result = errors.finish_with(|| name);
        assert_eq!(
            result.err().and_then(|error| error.problem_with("name")),
            Some(InputProblem::Required)
        );
        assert_eq!(
            FieldErrors::new().finish_with(|| None::<u8>),
            Err(AppError::Internal)
        );
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
    fn a_long_form_reports_every_field_at_once() {
        let mut errors = FieldErrors::new();
        let kept: Option<u8> = errors.check(Ok(3));
        errors.push("email", InputProblem::Required);
        let _: Option<u8> = errors.check(Err(AppError::InvalidInput {
            field: "capacity".to_owned(),
            problem: InputProblem::OutOfRange,
        }));
        assert_eq!(kept, Some(3));
        let error = errors.finish().err().unwrap_or(AppError::Storage);
        assert_eq!(error.problem_with("email"), Some(InputProblem::Required));
        assert_eq!(
            error.problem_with("capacity"),
            Some(InputProblem::OutOfRange)
        );
        assert_eq!(error.problem_with("motivation"), None);
        assert_eq!(error.status_code(), 400);
        assert_eq!(FieldErrors::new().finish(), Ok(()));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn arguments_that_do_not_decode_are_the_callers_mistake_not_a_server_error() {
        for decoding in [
            ServerFnErrorErr::Args("invalid digit found in string".to_owned()),
            ServerFnErrorErr::MissingArg("id".to_owned()),
            ServerFnErrorErr::Deserialization("invalid utf-8 sequence".to_owned()),
        ] {
            let error = AppError::from_server_fn_error(decoding);
            assert_eq!(error, AppError::UnreadableRequest);
            assert_eq!(error.status_code(), 400);
            assert_eq!(error.message(), ErrorMessage::InvalidInput);
        }
        // The detail is not sent back.
        let wire = serde_json::to_string(&AppError::UnreadableRequest).unwrap_or_default();
        assert_eq!(wire, "\"UnreadableRequest\"");
        // Anything else still says the server failed.
        let failed = AppError::from_server_fn_error(ServerFnErrorErr::Serialization(
            "cannot encode".to_owned(),
        ));
        assert_eq!(failed.status_code(), 500);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn an_unknown_stored_value_reaches_the_caller_as_an_internal_error_whichever_way() {
        let unknown = || crate::stored::UnknownStoredValue {
            table: "pairs",
            column: "status",
            value: "paused".to_owned(),
        };
        assert_eq!(AppError::from(unknown()), AppError::Internal);
        // Through a repository that answers `sqlx::Error`.
        assert_eq!(
            AppError::from(sqlx::Error::from(unknown())),
            AppError::Internal
        );
        assert_eq!(AppError::from(unknown()).status_code(), 500);
        // Any other decoding failure is still storage's.
        assert_eq!(
            AppError::from(sqlx::Error::Decode("bad bytes".into())),
            AppError::Storage
        );
    }

    #[test]
    fn an_error_survives_the_round_trip_through_the_wire() {
        let bytes = AppError::Forbidden.ser();
        assert_eq!(AppError::de(bytes), AppError::Forbidden);
    }
}
