//! Two-step sign-in in the database: a person's TOTP secret, its last used
//! step, their recovery codes (SHA-256 only), and the program's requirement.
use super::*;

/// The program setting: whether every coordinator must use two-step sign-in.
const MFA_REQUIRED_KEY: &str = "mfa_required_for_coordinators";

/// A person's authenticator secret, confirmed or waiting for its first code.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MfaFactor {
    pub secret: String,
    pub confirmed_at: Option<String>,
    pub last_used_step: i64,
}

impl MfaFactor {
    pub fn is_confirmed(&self) -> bool {
        self.confirmed_at.is_some()
    }
}

pub async fn mfa_factor(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Option<MfaFactor>, sqlx::Error> {
    sqlx::query_as(
        "SELECT secret, confirmed_at, last_used_step FROM mfa_factors WHERE account_id = ?",
    )
    .bind(account_id)
    .fetch_optional(pool)
    .await
}

/// A new secret waiting for its first code, replacing one that waited.
/// Nothing when the account's factor is already confirmed (false).
pub async fn start_mfa_factor(
    pool: &SqlitePool,
    account_id: i64,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO mfa_factors (account_id, secret, created_at) VALUES (?, ?, ?) \
         ON CONFLICT (account_id) DO UPDATE SET secret = excluded.secret, \
         created_at = excluded.created_at, last_used_step = 0 \
         WHERE mfa_factors.confirmed_at IS NULL",
    )
    .bind(account_id)
    .bind(secret)
    .bind(utc_text(now))
    .execute(pool)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Takes the time step of a code that matched: false when that step (or a
/// later one) was already used (the same code twice, or two requests racing).
pub async fn use_mfa_step(
    connection: &mut SqliteConnection,
    account_id: i64,
    step: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE mfa_factors SET last_used_step = ?1 WHERE account_id = ?2 AND last_used_step < ?1",
    )
    .bind(step)
    .bind(account_id)
    .execute(&mut *connection)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Marks the waiting secret confirmed and gives the account new recovery
/// codes (by hash), replacing any earlier ones.
pub async fn confirm_mfa_factor(
    connection: &mut SqliteConnection,
    account_id: i64,
    recovery_hashes: &[String],
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE mfa_factors SET confirmed_at = ? WHERE account_id = ?")
        .bind(utc_text(now))
        .bind(account_id)
        .execute(&mut *connection)
        .await?;
    replace_recovery_codes(connection, account_id, recovery_hashes).await
}

pub async fn replace_recovery_codes(
    connection: &mut SqliteConnection,
    account_id: i64,
    recovery_hashes: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM mfa_recovery_codes WHERE account_id = ?")
        .bind(account_id)
        .execute(&mut *connection)
        .await?;
    for hash in recovery_hashes {
        sqlx::query("INSERT INTO mfa_recovery_codes (account_id, code_hash) VALUES (?, ?)")
            .bind(account_id)
            .bind(hash)
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

/// Spends a recovery code: false when it is not one of the account's, or
/// already used.
pub async fn use_recovery_code(
    connection: &mut SqliteConnection,
    account_id: i64,
    code_hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE mfa_recovery_codes SET used_at = ? \
         WHERE account_id = ? AND code_hash = ? AND used_at IS NULL",
    )
    .bind(utc_text(now))
    .bind(account_id)
    .bind(code_hash)
    .execute(&mut *connection)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn recovery_codes_left(pool: &SqlitePool, account_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT count(*) FROM mfa_recovery_codes WHERE account_id = ? AND used_at IS NULL",
    )
    .bind(account_id)
    .fetch_one(pool)
    .await
}

/// Removes the account's second step (its secret and recovery codes).
pub async fn remove_mfa(
    connection: &mut SqliteConnection,
    account_id: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query("DELETE FROM mfa_recovery_codes WHERE account_id = ?")
        .bind(account_id)
        .execute(&mut *connection)
        .await?;
    let done = sqlx::query("DELETE FROM mfa_factors WHERE account_id = ?")
        .bind(account_id)
        .execute(&mut *connection)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// The accounts whose second step is confirmed.
pub async fn accounts_with_mfa(pool: &SqlitePool) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT account_id FROM mfa_factors WHERE confirmed_at IS NOT NULL ORDER BY account_id",
    )
    .fetch_all(pool)
    .await
}

/// Whether every coordinator must sign in with a second step.
pub async fn mfa_required_for_coordinators(pool: &SqlitePool) -> Result<bool, sqlx::Error> {
    let value: Option<String> =
        sqlx::query_scalar("SELECT value FROM program_settings WHERE key = ?")
            .bind(MFA_REQUIRED_KEY)
            .fetch_optional(pool)
            .await?;
    Ok(value.as_deref() == Some("true"))
}

pub async fn set_mfa_required_for_coordinators(
    pool: &SqlitePool,
    required: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO program_settings (key, value) VALUES (?, ?) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(MFA_REQUIRED_KEY)
    .bind(if required { "true" } else { "false" })
    .execute(pool)
    .await?;
    Ok(())
}

/// Ends every session of the account (their proof holds the epoch).
pub async fn bump_session_epoch(
    connection: &mut SqliteConnection,
    account_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET session_epoch = session_epoch + 1 WHERE id = ?")
        .bind(account_id)
        .execute(&mut *connection)
        .await?;
    Ok(())
}
