//! `server create-coordinator`: the first coordinator, from the command line.
use app::accounts::repo::{self, NewAccount};
use app::accounts::session::hash_password;
use app::accounts::Role;
use app::audit::repo::{record, AuditRecord};
use app::audit::AuditEvent;
use app::error::{AppError, InputProblem};
use app::input::{parse_display_name, parse_email, parse_locale_choice};
use sqlx::SqlitePool;

/// The environment variable that may carry the password (for scripts).
pub const PASSWORD_VARIABLE: &str = "MENTORAT_COORDINATOR_PASSWORD";

#[derive(Debug, thiserror::Error)]
pub enum CreateCoordinatorError {
    #[error("{field}: {problem}")]
    Invalid {
        field: String,
        problem: &'static str,
    },
    #[error("an account already uses {0}")]
    EmailTaken(String),
    #[error("cannot read the password: {0}")]
    Prompt(#[from] std::io::Error),
    #[error("the two passwords differ")]
    Mismatch,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

fn explain(error: AppError) -> CreateCoordinatorError {
    match error {
        AppError::InvalidInput { field, problem } => CreateCoordinatorError::Invalid {
            field,
            problem: match problem {
                InputProblem::Required => "required",
                InputProblem::TooLong => "too long",
                InputProblem::InvalidEmail => "not an email address",
                InputProblem::PasswordTooShort => "at least 10 characters",
                InputProblem::PasswordCommon => "one of the most common passwords",
                InputProblem::PasswordMentionsYou => "contains the name or the email address",
                InputProblem::InvalidChoice => "expected fr or en",
                _ => "invalid",
            },
        },
        other => CreateCoordinatorError::Invalid {
            field: "input".to_owned(),
            problem: if matches!(other, AppError::Storage) {
                "storage"
            } else {
                "invalid"
            },
        },
    }
}

/// The password from the environment, or typed twice at a prompt (not echoed).
pub fn read_password() -> Result<String, CreateCoordinatorError> {
    if let Ok(password) = std::env::var(PASSWORD_VARIABLE) {
        return Ok(password);
    }
    let first = rpassword::prompt_password("Password for the new coordinator: ")?;
    let second = rpassword::prompt_password("Same password again: ")?;
    if first != second {
        return Err(CreateCoordinatorError::Mismatch);
    }
    Ok(first)
}

/// Creates a coordinator account; returns its id.
pub async fn create_coordinator(
    pool: &SqlitePool,
    email: &str,
    name: &str,
    locale: &str,
    password: String,
) -> Result<i64, CreateCoordinatorError> {
    let email = parse_email("email", email).map_err(explain)?;
    let name = parse_display_name("name", name).map_err(explain)?;
    let locale = parse_locale_choice("locale", locale).map_err(explain)?;
    app::accounts::password_rules::check_new_password("password", &password, &name, &email)
        .map_err(explain)?;
    let hash = hash_password(password).await.map_err(explain)?;
    let mut connection = pool.acquire().await?;
    let id = repo::insert_account(
        &mut connection,
        &NewAccount {
            email: &email,
            password_hash: &hash,
            display_name: &name,
            role: Role::Coordinator,
            locale,
            consent: app::consent::ConsentContext::AccountCreated,
        },
        chrono::Utc::now(),
    )
    .await?
    .ok_or_else(|| CreateCoordinatorError::EmailTaken(email.clone()))?;
    drop(connection);
    // A new program's first coordinator is its privacy officer until they
    // hand the charge to someone else (Law 25: the person with the highest
    // authority is in charge until someone is named).
    if app::privacy_office::repo::take_charge_when_nobody_holds_it(pool, id).await? {
        tracing::info!(id, "the new coordinator is the privacy officer");
    }
    record(
        pool,
        AuditEvent::CoordinatorCreated,
        AuditRecord {
            actor_id: Some(id),
            subject: Some(&email),
            client: Some("command line"),
            ..AuditRecord::default()
        },
    )
    .await;
    Ok(id)
}
