//! Two-step sign-in: turning it on from "my account", the code asked after
//! the password, recovery codes, and the coordination's reset and requirement.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A secret waiting for its first code: the QR code to scan and the same
/// secret as text, for an app that cannot scan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MfaSetup {
    pub secret: String,
    /// `data:image/svg+xml;base64,…`
    pub qr_code: String,
}

/// The caller's two-step sign-in, as "my account" shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyMfa {
    pub enabled: bool,
    /// Started and waiting for the app's first code.
    pub setup: Option<MfaSetup>,
    pub recovery_codes_left: i64,
    /// Recovery codes just made, shown this once (grouped `ABCD-EFGH-…`).
    pub fresh_codes: Vec<String>,
    /// The program requires it of the caller (a coordinator): it cannot be turned off.
    pub required: bool,
}

/// What the code prompt after the password shows: nothing waiting (`None`:
/// back to sign in), a code to type, or, for a coordinator the program
/// requires it of who has no app yet, the setup first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MfaChallenge {
    pub setup: Option<MfaSetup>,
}

/// How long the code prompt waits after the password, in seconds.
#[cfg(feature = "ssr")]
const PENDING_SECONDS: i64 = 10 * 60;

#[cfg(feature = "ssr")]
fn setup_of(secret: &str, account: &str) -> Result<MfaSetup, AppError> {
    use crate::accounts::mfa::{otpauth_url, qr_data_uri};
    let url = otpauth_url(secret, account)
        .ok_or_else(|| AppError::internal("a stored TOTP secret is unusable"))?;
    Ok(MfaSetup {
        secret: secret.to_owned(),
        qr_code: qr_data_uri(&url)
            .ok_or_else(|| AppError::internal("the QR code could not be drawn"))?,
    })
}

/// The invalid-input error of the `code` field.
#[cfg(feature = "ssr")]
fn code_problem(problem: crate::error::InputProblem) -> AppError {
    AppError::InvalidInput {
        field: "code".to_owned(),
        problem,
    }
}

/// Which second step a typed code was.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SecondStep {
    App,
    Recovery,
}

/// Checks a typed code against the account's confirmed factor (or, with
/// `confirming`, its waiting one) and spends it: an app code's time step,
/// or a recovery code. Counted with the sign-in attempts of `counts_as`
/// (slowed like passwords); a wrong code is audited.
#[cfg(feature = "ssr")]
async fn spend_code(
    pool: &sqlx::SqlitePool,
    account: &crate::accounts::repo::AccountRow,
    typed: &str,
    confirming: bool,
) -> Result<SecondStep, AppError> {
    use super::attempts::Attempt;
    use crate::accounts::mfa::{matching_step, parse_code, TypedCode};
    use crate::accounts::repo;
    use crate::accounts::throttle::minutes_to_tell;
    use crate::accounts::tokens::hash_token;
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::server_context::client_address;

    let typed = parse_code(typed).ok_or_else(|| code_problem(InputProblem::InvalidCode))?;
    let factor = repo::mfa_factor(pool, account.id)
        .await?
        .filter(|factor| factor.is_confirmed() != confirming)
        .ok_or(AppError::Conflict)?;
    let address = client_address();
    let counted = format!("second-step:{}", account.email);
    let attempt = Attempt::new(&counted, &address);
    if let Some(wait) = attempt.count(pool).await? {
        attempt.audit(pool, AuditEvent::LoginThrottled).await;
        return Err(AppError::TooManyAttempts {
            retry_after_minutes: minutes_to_tell(wait),
        });
    }
    let now = chrono::Utc::now();
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    let spent = match &typed {
        TypedCode::App(code) => {
            let last = u64::try_from(factor.last_used_step).unwrap_or(0);
            let seconds = u64::try_from(now.timestamp()).unwrap_or(0);
            match matching_step(&factor.secret, code, seconds, last) {
                Some(step) => {
                    let step = i64::try_from(step).unwrap_or(i64::MAX);
                    repo::use_mfa_step(&mut transaction, account.id, step)
                        .await?
                        .then_some(SecondStep::App)
                }
                None => None,
            }
        }
        TypedCode::Recovery(code) if !confirming => {
            repo::use_recovery_code(&mut transaction, account.id, &hash_token(code), now)
                .await?
                .then_some(SecondStep::Recovery)
        }
        TypedCode::Recovery(_) => None,
    };
    transaction.commit().await?;
    match spent {
        Some(step) => {
            attempt.succeeded(pool).await?;
            Ok(step)
        }
        None => {
            attempt.audit(pool, AuditEvent::SecondStepFailed).await;
            Err(code_problem(InputProblem::WrongCode))
        }
    }
}

/// New recovery codes for the account, in the caller's transaction: their
/// hashes stored (earlier ones gone), the codes themselves kept in this
/// session to be shown once on "my account".
#[cfg(feature = "ssr")]
async fn new_recovery_codes_for(
    connection: &mut sqlx::SqliteConnection,
    session: &tower_sessions::Session,
    account_id: i64,
    confirm_factor: bool,
) -> Result<(), AppError> {
    use crate::accounts::mfa::{grouped, new_recovery_codes};
    use crate::accounts::repo;
    use crate::accounts::session::FRESH_RECOVERY_CODES;
    use crate::accounts::tokens::hash_token;

    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|code| hash_token(code)).collect();
    if confirm_factor {
        repo::confirm_mfa_factor(connection, account_id, &hashes, chrono::Utc::now()).await?;
    } else {
        repo::replace_recovery_codes(connection, account_id, &hashes).await?;
    }
    let shown: Vec<String> = codes.iter().map(|code| grouped(code)).collect();
    session
        .insert(FRESH_RECOVERY_CODES, shown)
        .await
        .map_err(|error| {
            tracing::error!(%error, "cannot keep the recovery codes to show");
            AppError::Storage
        })
}

/// `new_recovery_codes_for` in a transaction of its own.
#[cfg(feature = "ssr")]
async fn renew_codes(
    pool: &sqlx::SqlitePool,
    session: &tower_sessions::Session,
    account_id: i64,
    confirm_factor: bool,
) -> Result<(), AppError> {
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    new_recovery_codes_for(&mut transaction, session, account_id, confirm_factor).await?;
    transaction.commit().await?;
    Ok(())
}

/// Whether the program requires a second step of this account.
#[cfg(feature = "ssr")]
pub(crate) async fn second_step_required(
    pool: &sqlx::SqlitePool,
    account: &crate::accounts::repo::AccountRow,
) -> Result<bool, AppError> {
    use crate::accounts::{repo, Role};
    Ok(account.role() == Role::Coordinator && repo::mfa_required_for_coordinators(pool).await?)
}

/// Whether signing in to this account needs a code after the password: it
/// has an app, or the program requires one of it.
#[cfg(feature = "ssr")]
pub(crate) async fn needs_second_step(
    pool: &sqlx::SqlitePool,
    account: &crate::accounts::repo::AccountRow,
) -> Result<bool, AppError> {
    let enabled = crate::accounts::repo::mfa_factor(pool, account.id)
        .await?
        .is_some_and(|factor| factor.is_confirmed());
    Ok(enabled || second_step_required(pool, account).await?)
}

/// The caller's two-step sign-in.
#[server(endpoint = "my_mfa")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_my_mfa() -> Result<MyMfa, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::repo;
    use crate::accounts::session::{auth_session, authorize, FRESH_RECOVERY_CODES};
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    let factor = repo::mfa_factor(&pool, account.id).await?;
    let enabled = factor.as_ref().is_some_and(|factor| factor.is_confirmed());
    let setup = match factor.filter(|factor| !factor.is_confirmed()) {
        Some(factor) => Some(setup_of(&factor.secret, &account.email)?),
        None => None,
    };
    let session = auth_session().await?;
    let fresh_codes = session
        .session
        .remove::<Vec<String>>(FRESH_RECOVERY_CODES)
        .await
        .map_err(|error| {
            tracing::error!(%error, "cannot read the recovery codes to show");
            AppError::Storage
        })?
        .unwrap_or_default();
    Ok(MyMfa {
        enabled,
        setup,
        recovery_codes_left: repo::recovery_codes_left(&pool, account.id).await?,
        fresh_codes,
        required: second_step_required(&pool, account).await?,
    })
}

/// Starts turning two-step sign-in on: a new secret waits for the app's
/// first code (replacing one that waited). Refused when it is already on.
#[server(endpoint = "start_mfa")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn start_mfa() -> Result<(), AppError> {
    use crate::accounts::mfa::new_secret;
    use crate::accounts::policy::Access;
    use crate::accounts::repo;
    use crate::accounts::session::authorize;
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    if !repo::start_mfa_factor(&pool()?, account.id, &new_secret(), chrono::Utc::now()).await? {
        return Err(AppError::Conflict);
    }
    Ok(())
}

/// Turns two-step sign-in on with the app's first code; ten recovery codes
/// are made, shown once.
#[server(endpoint = "confirm_mfa")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn confirm_mfa(code: String) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::{auth_session, authorize};
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    spend_code(&pool, account, &code, true).await?;
    renew_codes(&pool, &auth_session().await?.session, account.id, true).await?;
    record_by_caller(
        &pool,
        AuditEvent::MfaEnabled,
        Some(account.id),
        Some(&account.email),
        None,
    )
    .await;
    Ok(())
}

/// Turns the caller's two-step sign-in off, with a current code (or a
/// recovery code). Refused to a coordinator when the program requires it.
#[server(endpoint = "turn_off_mfa")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn turn_off_mfa(code: String) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::repo;
    use crate::accounts::session::authorize;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    if second_step_required(&pool, account).await? {
        return Err(code_problem(InputProblem::MfaRequired));
    }
    spend_code(&pool, account, &code, false).await?;
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    repo::remove_mfa(&mut transaction, account.id).await?;
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::MfaDisabled,
        Some(account.id),
        Some(&account.email),
        None,
    )
    .await;
    Ok(())
}

/// The code prompt after a right password: `None` when no sign-in waits
/// for a code in this browser (or it waited too long).
#[server(endpoint = "mfa_challenge")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_mfa_challenge() -> Result<Option<MfaChallenge>, AppError> {
    use crate::accounts::mfa::new_secret;
    use crate::accounts::policy::Access;
    use crate::accounts::repo;
    use crate::accounts::session::{auth_session, authorize};
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    let session = auth_session().await?;
    let Some(account) = pending_account(&session.session).await? else {
        return Ok(None);
    };
    let pool = pool()?;
    let factor = repo::mfa_factor(&pool, account.id).await?;
    if factor.as_ref().is_some_and(|factor| factor.is_confirmed()) {
        return Ok(Some(MfaChallenge { setup: None }));
    }
    // Required and not set up yet: the setup comes first, on a secret kept
    // across reloads of the prompt.
    let secret = match factor {
        Some(factor) => factor.secret,
        None => {
            let secret = new_secret();
            repo::start_mfa_factor(&pool, account.id, &secret, chrono::Utc::now()).await?;
            secret
        }
    };
    Ok(Some(MfaChallenge {
        setup: Some(setup_of(&secret, &account.email)?),
    }))
}

/// The account whose right password waits for its code in this session.
#[cfg(feature = "ssr")]
async fn pending_account(
    session: &tower_sessions::Session,
) -> Result<Option<crate::accounts::repo::AccountRow>, AppError> {
    use crate::accounts::session::MFA_PENDING;
    let pending: Option<(i64, i64)> = session.get(MFA_PENDING).await.map_err(|error| {
        tracing::error!(%error, "cannot read the waiting sign-in");
        AppError::Storage
    })?;
    let now = chrono::Utc::now().timestamp();
    let Some((account_id, _)) = pending.filter(|(_, since)| now - since < PENDING_SECONDS) else {
        return Ok(None);
    };
    let pool = crate::server_context::pool()?;
    Ok(crate::accounts::repo::find_account(&pool, account_id)
        .await?
        .filter(|account| !account.is_disabled))
}

/// The second step of a sign-in: the app's code (or a recovery code, once),
/// or, when the program requires it of a coordinator who has no app yet, the
/// app's first code, which turns it on. Then signed in, on to `next`.
#[server(endpoint = "verify_sign_in_code")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn verify_sign_in_code(code: String, next: String) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::rate_limit::{knock, Door};
    use crate::accounts::session::{
        auth_session, authorize, sign_in_session, SignedInAccount, MFA_PENDING,
    };
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    knock(Door::SignIn)?;
    let mut session = auth_session().await?;
    let account = pending_account(&session.session)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    let pool = pool()?;
    let confirmed = crate::accounts::repo::mfa_factor(&pool, account.id)
        .await?
        .is_some_and(|factor| factor.is_confirmed());
    let step = spend_code(&pool, &account, &code, !confirmed).await?;
    if !confirmed {
        renew_codes(&pool, &session.session, account.id, true).await?;
        record_by_caller(
            &pool,
            AuditEvent::MfaEnabled,
            Some(account.id),
            Some(&account.email),
            None,
        )
        .await;
    }
    if let Err(error) = session.session.remove::<(i64, i64)>(MFA_PENDING).await {
        tracing::warn!(%error, "the waiting sign-in could not be cleared");
    }
    sign_in_session(&mut session, &SignedInAccount::new(account.clone())).await?;
    let detail = match step {
        SecondStep::App => "app",
        SecondStep::Recovery => "recovery code",
    };
    record_by_caller(
        &pool,
        AuditEvent::LoginSucceeded,
        Some(account.id),
        Some(&account.email),
        Some(detail),
    )
    .await;
    if step == SecondStep::Recovery {
        let left = crate::accounts::repo::recovery_codes_left(&pool, account.id).await?;
        record_by_caller(
            &pool,
            AuditEvent::RecoveryCodeUsed,
            Some(account.id),
            Some(&account.email),
            Some(&left.to_string()),
        )
        .await;
    }
    // New recovery codes are shown at once, on "my account".
    let destination = if confirmed {
        super::sign_in::requested_or_home(&account, &next)
    } else {
        "/account/security".to_owned()
    };
    // As after a password alone.
    let destination = super::sign_in::consent_first(&pool, account.id, destination).await?;
    leptos_axum::redirect(&destination);
    Ok(())
}

/// Makes ten new recovery codes (the earlier ones stop working), with a
/// current code.
#[server(endpoint = "new_recovery_codes")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn renew_recovery_codes(code: String) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::{auth_session, authorize};
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    spend_code(&pool, account, &code, false).await?;
    renew_codes(&pool, &auth_session().await?.session, account.id, false).await
}

/// Resets another person's two-step sign-in (a lost phone and no recovery
/// code): a coordinator, confirming with their own current code. Their
/// sessions end; they set it up again at their next sign-in if required.
#[server(endpoint = "reset_mfa")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn reset_mfa(account_id: i64, code: String) -> Result<(), AppError> {
    use crate::accounts::repo;
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let actor = authorized.account()?;
    if account_id == actor.id {
        return Err(AppError::InvalidInput {
            field: "account_id".to_owned(),
            problem: InputProblem::NotOnYourself,
        });
    }
    let pool = pool()?;
    let own = repo::mfa_factor(&pool, actor.id)
        .await?
        .is_some_and(|factor| factor.is_confirmed());
    if !own {
        return Err(code_problem(InputProblem::MfaNeededFirst));
    }
    spend_code(&pool, actor, &code, false).await?;
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    if !repo::remove_mfa(&mut transaction, account_id).await? {
        return Err(AppError::NotFound);
    }
    // Their sessions end: whoever held the phone is out too.
    repo::bump_session_epoch(&mut transaction, account_id).await?;
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::MfaReset,
        Some(actor.id),
        Some(&account_id.to_string()),
        None,
    )
    .await;
    Ok(())
}

/// Turns the program's requirement for coordinators on or off.
#[server(endpoint = "set_mfa_required")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn set_mfa_required(required: bool) -> Result<(), AppError> {
    use crate::accounts::repo;
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let actor = authorized.account()?;
    let pool = pool()?;
    repo::set_mfa_required_for_coordinators(&pool, required).await?;
    record_by_caller(
        &pool,
        AuditEvent::MfaRequirementChanged,
        Some(actor.id),
        None,
        Some(if required { "on" } else { "off" }),
    )
    .await;
    Ok(())
}
