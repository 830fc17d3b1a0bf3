//! Who is calling: the axum-login backend over the accounts table, and the one
//! door every server function goes through, [`authorize`].
use axum_login::{AuthUser, AuthnBackend, UserId};
use sqlx::SqlitePool;

use super::policy::{decide, Access, Caller, Decision, Denial};
use super::repo::{self, AccountRow};
use super::Role;
use crate::error::AppError;

/// The session's view of a person, with the proof a session keeps of it: a
/// digest of the password hash and the account's session epoch. Changing the
/// password, or bumping the epoch (disable, enable, role change), makes every
/// stored session's proof stale, so those sessions end. The session row never
/// holds the password hash itself.
#[derive(Clone)]
pub struct SignedInAccount(pub AccountRow, Vec<u8>);

impl SignedInAccount {
    pub fn new(account: AccountRow) -> Self {
        use sha2::{Digest as _, Sha256};
        let mut digest = Sha256::new();
        digest.update(account.password_hash.as_bytes());
        digest.update(b"\0");
        digest.update(account.session_epoch.to_le_bytes());
        let proof = digest.finalize().to_vec();
        SignedInAccount(account, proof)
    }
}

impl std::fmt::Debug for SignedInAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedInAccount")
            .field("id", &self.0.id)
            .field("role", &self.0.role)
            .finish_non_exhaustive()
    }
}

impl AuthUser for SignedInAccount {
    type Id = i64;

    fn id(&self) -> i64 {
        self.0.id
    }

    fn session_auth_hash(&self) -> &[u8] {
        &self.1
    }
}

/// Email and password, as typed.
#[derive(Clone)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}

#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error("password hashing task failed: {0}")]
    Hashing(#[from] tokio::task::JoinError),
}

#[derive(Clone)]
pub struct Backend {
    pool: SqlitePool,
}

impl Backend {
    pub fn new(pool: SqlitePool) -> Self {
        Backend { pool }
    }
}

/// Password hashing is deliberately costly (argon2id: CPU and ~19 MiB each). At
/// most four run at once, however many requests arrive: a flood of sign-ins or
/// registrations queues instead of exhausting the machine.
static PASSWORD_WORK: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

/// Runs password work on a blocking thread, within the limit above.
async fn password_work<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, tokio::task::JoinError> {
    // The semaphore is never closed, so a permit always comes.
    let _permit = PASSWORD_WORK.acquire().await.ok();
    tokio::task::spawn_blocking(work).await
}

/// A hash of a password nobody has, checked when the email is unknown so that a
/// wrong address takes as long as a wrong password.
static DECOY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

impl AuthnBackend for Backend {
    type User = SignedInAccount;
    type Credentials = Credentials;
    type Error = BackendError;

    async fn authenticate(
        &self,
        credentials: Credentials,
    ) -> Result<Option<SignedInAccount>, BackendError> {
        let account = repo::find_account_by_email(&self.pool, &credentials.email).await?;
        let stored_hash = match &account {
            Some(account) => account.password_hash.clone(),
            None => DECOY_HASH
                .get_or_init(|| password_auth::generate_hash("decoy password, never valid"))
                .clone(),
        };
        let password = credentials.password;
        let matches =
            password_work(move || password_auth::verify_password(password, &stored_hash).is_ok())
                .await?;
        Ok(account
            .filter(|account| matches && !account.is_disabled)
            .map(SignedInAccount::new))
    }

    async fn get_user(&self, id: &UserId<Self>) -> Result<Option<SignedInAccount>, BackendError> {
        let account = repo::find_account(&self.pool, *id).await?;
        Ok(account
            .filter(|account| !account.is_disabled)
            .map(SignedInAccount::new))
    }
}

pub type AuthSession = axum_login::AuthSession<Backend>;

/// The auth session of the current request.
pub async fn auth_session() -> Result<AuthSession, AppError> {
    leptos_axum::extract::<AuthSession>()
        .await
        .map_err(|error| {
            tracing::error!(%error, "auth session layer missing");
            AppError::internal("auth session not available")
        })
}

/// The caller of the current request.
pub async fn current_caller() -> Result<(Caller, Option<AccountRow>), AppError> {
    let session = auth_session().await?;
    Ok(match session.user {
        Some(SignedInAccount(account, _)) => (account.caller(), Some(account)),
        None => (Caller::Anonymous, None),
    })
}

/// A caller the policy let through: their account when signed in (the caller's
/// id and role are the account's).
#[derive(Debug, Clone)]
pub struct Authorized {
    pub account: Option<AccountRow>,
}

impl Authorized {
    /// The signed-in account; only `Access::Anyone` can let an anonymous caller through.
    pub fn account(&self) -> Result<&AccountRow, AppError> {
        self.account.as_ref().ok_or(AppError::Unauthorized)
    }
}

/// The door of every server function: asks the policy whether the caller may
/// have `access`, and answers 401 or 403 (through `AppError`) when not.
pub async fn authorize(access: Access) -> Result<Authorized, AppError> {
    let (caller, account) = current_caller().await?;
    match decide(&caller, &access) {
        Decision::Allow => Ok(Authorized { account }),
        Decision::Deny(Denial::SignInRequired) => Err(AppError::Unauthorized),
        Decision::Deny(Denial::Forbidden) => {
            tracing::warn!(?caller, ?access, "access refused");
            Err(AppError::Forbidden)
        }
    }
}

/// Shorthand for a role's own area.
pub async fn authorize_role(role: Role) -> Result<Authorized, AppError> {
    authorize(Access::RoleArea(role)).await
}

/// Hashes a password with argon2id off the async threads.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    password_work(move || password_auth::generate_hash(password))
        .await
        .map_err(|error| AppError::internal(format!("password hashing failed: {error}")))
}

/// Checks a password against a stored hash, off the async threads.
pub async fn verify_password(password: String, hash: String) -> Result<bool, AppError> {
    password_work(move || password_auth::verify_password(password, &hash).is_ok())
        .await
        .map_err(|error| AppError::internal(format!("password check failed: {error}")))
}

/// Signs the account in on this request with a new session id, always (axum-login
/// rotates only an anonymous session; a planted signed-in one must not survive either).
pub async fn sign_in(account: AccountRow) -> Result<(), AppError> {
    let mut session = auth_session().await?;
    sign_in_session(&mut session, &SignedInAccount::new(account)).await
}

/// The session key of a sign-in whose password was right and which waits
/// for its code: (account id, Unix seconds). The session is not signed in.
pub const MFA_PENDING: &str = "mfa_pending";

/// The session key of recovery codes just made, shown once on "my account".
pub const FRESH_RECOVERY_CODES: &str = "fresh_recovery_codes";

/// The session key holding the session's random reference: "my sessions"
/// keeps only its hash (`account_sessions`), and a session whose row is gone
/// was ended from another device.
pub const SESSION_REF: &str = "session_ref";

/// Gives a signed-in session a new reference and its row in "my sessions"
/// (at sign-in, or for a session signed in before the list existed).
pub async fn record_open_session(
    pool: &sqlx::SqlitePool,
    session: &tower_sessions::Session,
    account_id: i64,
    user_agent: &str,
    client: &str,
) -> Result<(), AppError> {
    let storage = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "cannot store the session's reference");
        AppError::Storage
    };
    let now = chrono::Utc::now();
    let signed_in_at = session
        .get::<i64>(SIGNED_IN_AT)
        .await
        .map_err(|e| storage(&e))?
        .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
        .unwrap_or(now);
    // Signing in again on this browser replaces its earlier row.
    if let Some(previous) = current_session_ref_hash(session).await {
        repo::end_open_session(pool, &previous).await?;
    }
    let (reference, ref_hash) = super::tokens::new_token();
    session
        .insert(SESSION_REF, reference)
        .await
        .map_err(|e| storage(&e))?;
    let (browser, os) = super::devices::device_of(user_agent);
    repo::insert_open_session(
        pool,
        &repo::NewOpenSession {
            account_id,
            ref_hash: &ref_hash,
            browser: browser.as_str(),
            os: os.as_str(),
            client,
            signed_in_at,
            now,
        },
    )
    .await?;
    Ok(())
}

/// The hash of the current session's reference, if it has one.
pub async fn current_session_ref_hash(session: &tower_sessions::Session) -> Option<String> {
    match session.get::<String>(SESSION_REF).await {
        Ok(reference) => reference.map(|reference| super::tokens::hash_token(&reference)),
        Err(error) => {
            tracing::warn!(%error, "the session's reference could not be read");
            None
        }
    }
}

/// The session key holding when the person signed in (Unix seconds): the
/// server ends the session a fixed time after it, however busy (its absolute
/// lifetime, on top of the idle one).
pub const SIGNED_IN_AT: &str = "signed_in_at";

pub async fn sign_in_session(
    session: &mut AuthSession,
    account: &SignedInAccount,
) -> Result<(), AppError> {
    let storage = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "cannot store the session");
        AppError::Storage
    };
    session.session.cycle_id().await.map_err(|e| storage(&e))?;
    session.login(account).await.map_err(|e| storage(&e))?;
    // A password change signs in again on the same session: its lifetime
    // still counts from the first sign-in.
    if session
        .session
        .get::<i64>(SIGNED_IN_AT)
        .await
        .map_err(|e| storage(&e))?
        .is_none()
    {
        session
            .session
            .insert(SIGNED_IN_AT, chrono::Utc::now().timestamp())
            .await
            .map_err(|e| storage(&e))?;
    }
    let pool = crate::server_context::pool()?;
    let user_agent = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::USER_AGENT)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_default();
    let client = crate::server_context::client_address();
    record_open_session(&pool, &session.session, account.0.id, &user_agent, &client).await?;
    // Not remembering the device costs the person nothing now (at worst a
    // later sign-in is slowed like any other): the sign-in goes on.
    if let Err(error) = super::known_device::remember(&pool, account.0.id).await {
        tracing::error!(%error, account = account.0.id, "the device is not remembered");
    }
    Ok(())
}
