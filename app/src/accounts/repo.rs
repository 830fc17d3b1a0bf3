//! SQL for accounts, invitations, password resets, the login throttle and program switches.
use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::throttle::FailureRecord;
use super::{InvitationSummary, PendingInvitation, PersonSummary, Role, SessionUser};
use crate::accounts::NotificationDelivery;
use crate::program_time::utc_text;

mod known_devices;
mod mfa;
mod registrations;
mod sessions;
mod ways_in;
pub use known_devices::*;
pub use mfa::*;
pub use registrations::*;
pub use sessions::*;
pub use ways_in::*;

/// An account as the server sees it, password hash included. Never sent to a browser.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountRow {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    /// Read through `AccountRole`: an unknown stored role fails the read
    /// (logged), whoever reads the account, rather than becoming a role.
    #[sqlx(try_from = "AccountRole")]
    pub role: Role,
    pub locale: String,
    pub is_disabled: bool,
    /// Bumped to end every session of the account.
    pub session_epoch: i64,
    /// In charge of the protection of personal information (a coordinator).
    pub is_privacy_officer: bool,
}

/// `accounts.role` as stored, decoded into `AccountRow::role`.
#[derive(sqlx::Type)]
#[sqlx(transparent)]
pub struct AccountRole(String);

impl TryFrom<AccountRole> for Role {
    type Error = crate::stored::UnknownStoredValue;

    fn try_from(stored: AccountRole) -> Result<Role, Self::Error> {
        crate::stored::decode("accounts", "role", &stored.0)
    }
}

impl AccountRow {
    pub fn role(&self) -> Role {
        self.role
    }

    /// This account as the policy sees it.
    pub fn caller(&self) -> crate::accounts::policy::Caller {
        crate::accounts::policy::Caller::Member {
            id: self.id,
            role: self.role(),
            privacy_officer: self.is_privacy_officer,
        }
    }

    pub fn to_session_user(&self) -> SessionUser {
        SessionUser {
            id: self.id,
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            role: self.role(),
            locale: self.locale.clone(),
            is_privacy_officer: self.is_privacy_officer && self.role() == Role::Coordinator,
        }
    }
}

const ACCOUNT_COLUMNS: &str =
    "id, email, password_hash, display_name, role, locale, is_disabled, session_epoch, \
     is_privacy_officer";

pub async fn find_account_by_email(
    pool: &SqlitePool,
    email: &str,
) -> Result<Option<AccountRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = ? COLLATE NOCASE"
    ))
    .bind(email)
    .fetch_optional(pool)
    .await
}

pub async fn find_account(pool: &SqlitePool, id: i64) -> Result<Option<AccountRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = ?"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// What a new account is made of.
pub struct NewAccount<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub locale: &'a str,
    /// Where the person consented to the notice (recorded with the account).
    pub consent: crate::consent::ConsentContext,
}

/// Inserts an account; `Ok(None)` when the email is taken (whatever its case).
pub async fn insert_account(
    connection: &mut SqliteConnection,
    account: &NewAccount<'_>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    let version = crate::consent::repo::latest_notice_version(connection).await?;
    insert_account_consenting_to(connection, account, version, now).await
}

/// Inserts an account whose person accepted version `notice_version` of the
/// privacy notice (a confirmed registration: the version shown when they
/// registered, which may be older than the latest).
pub async fn insert_account_consenting_to(
    connection: &mut SqliteConnection,
    account: &NewAccount<'_>,
    notice_version: i64,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO accounts (email, password_hash, display_name, role, locale, consented_at) \
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING",
    )
    .bind(account.email)
    .bind(account.password_hash)
    .bind(account.display_name)
    .bind(account.role.as_str())
    .bind(account.locale)
    .bind(utc_text(now))
    .execute(&mut *connection)
    .await?;
    if result.rows_affected() != 1 {
        return Ok(None);
    }
    let id = result.last_insert_rowid();
    crate::consent::repo::give_to_version(
        connection,
        crate::consent::repo::ConsentHolder::Account(id),
        crate::consent::ConsentPurpose::Program,
        account.consent,
        notice_version,
        now,
    )
    .await?;
    Ok(Some(id))
}

/// The name, language and way of receiving notices a person chose. Holding
/// notices for a weekly digest is an optional consent: choosing it gives it,
/// choosing to receive them at once withdraws it.
pub async fn update_profile(
    connection: &mut SqliteConnection,
    id: i64,
    display_name: &str,
    locale: &str,
    delivery: NotificationDelivery,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE accounts SET display_name = ?, locale = ?, notification_delivery = ?, \
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
    )
    .bind(display_name)
    .bind(locale)
    .bind(delivery.as_str())
    .bind(id)
    .execute(&mut *connection)
    .await?;
    let now = chrono::Utc::now();
    let purpose = crate::consent::ConsentPurpose::WeeklyDigest;
    match delivery {
        NotificationDelivery::WeeklyDigest => {
            crate::consent::repo::give(
                connection,
                crate::consent::repo::ConsentHolder::Account(id),
                purpose,
                crate::consent::ConsentContext::Choice,
                now,
            )
            .await
        }
        NotificationDelivery::Immediate => {
            crate::consent::repo::withdraw(connection, id, purpose, now)
                .await
                .map(|_| ())
        }
    }
}

/// How the person receives the notices that can wait.
pub async fn notification_delivery(
    pool: &SqlitePool,
    id: i64,
) -> Result<NotificationDelivery, sqlx::Error> {
    let chosen: Option<String> =
        sqlx::query_scalar("SELECT notification_delivery FROM accounts WHERE id = ?")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    // No account: the default; an unknown stored choice: an error.
    Ok(crate::stored::decode_optional::<NotificationDelivery>(
        "accounts",
        "notification_delivery",
        chosen.as_deref(),
    )?
    .unwrap_or_default())
}

pub async fn update_password(
    connection: &mut SqliteConnection,
    id: i64,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE accounts SET password_hash = ?, \
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
    )
    .bind(password_hash)
    .bind(id)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    locale: String,
    is_disabled: bool,
    created_at: String,
}

pub async fn list_people(pool: &SqlitePool) -> Result<Vec<PersonSummary>, sqlx::Error> {
    let rows: Vec<PersonRow> = sqlx::query_as(
        "SELECT id, email, display_name, role, locale, is_disabled, created_at FROM accounts \
         WHERE erased_at IS NULL \
         ORDER BY CASE role WHEN 'coordinator' THEN 0 WHEN 'mentor' THEN 1 ELSE 2 END, \
         display_name COLLATE NOCASE, id",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(PersonSummary {
                id: row.id,
                role: crate::stored::decode("accounts", "role", &row.role)?,
                email: row.email,
                display_name: row.display_name,
                locale: row.locale,
                is_disabled: row.is_disabled,
                created_at: crate::program_time::program_time(&row.created_at),
            })
        })
        .collect()
}

/// Disables or re-enables an account; `false` when there is no such account
/// (an erased account is none: it stays disabled for good).
pub async fn set_disabled(pool: &SqlitePool, id: i64, disabled: bool) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE accounts SET is_disabled = ?, session_epoch = session_epoch + 1, \
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ? AND erased_at IS NULL",
    )
    .bind(disabled)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn set_role(
    connection: &mut SqliteConnection,
    id: i64,
    role: Role,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE accounts SET role = ?, session_epoch = session_epoch + 1, \
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ? AND erased_at IS NULL",
    )
    .bind(role.as_str())
    .bind(id)
    .execute(&mut *connection)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn count_accounts(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT count(*) FROM accounts WHERE is_disabled = 0 AND erased_at IS NULL")
        .fetch_one(pool)
        .await
}

// ---- invitations -------------------------------------------------------------------------

// ---- password resets ---------------------------------------------------------------------

// ---- login throttle ----------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct FailureRow {
    failures: i64,
    last_failure_at: String,
}

pub async fn failure_record(
    pool: &SqlitePool,
    key: &str,
) -> Result<Option<FailureRecord>, sqlx::Error> {
    let row: Option<FailureRow> =
        sqlx::query_as("SELECT failures, last_failure_at FROM login_failures WHERE key = ?")
            .bind(key)
            .fetch_optional(pool)
            .await?;
    Ok(row.and_then(|row| {
        DateTime::parse_from_rfc3339(&row.last_failure_at)
            .ok()
            .map(|at| FailureRecord {
                failures: row.failures,
                last_failure_at: at.with_timezone(&Utc),
            })
    }))
}

/// Counts one more failure for `key` (starting again from one if the last was long ago).
pub async fn record_failure(
    pool: &SqlitePool,
    key: &str,
    failures_so_far: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO login_failures (key, failures, last_failure_at) VALUES (?, ?, ?) \
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, \
         last_failure_at = excluded.last_failure_at",
    )
    .bind(key)
    .bind(failures_so_far + 1)
    .bind(utc_text(now))
    .execute(pool)
    .await?;
    Ok(())
}

/// Forgets the failures of an account, from every address (after a password reset).
pub async fn clear_account_failures(pool: &SqlitePool, email: &str) -> Result<(), sqlx::Error> {
    let email = email.to_lowercase();
    let pair_prefix = format!("pair:{email}|");
    sqlx::query("DELETE FROM login_failures WHERE key = ? OR substr(key, 1, length(?)) = ?")
        .bind(format!("account:{email}"))
        .bind(&pair_prefix)
        .bind(&pair_prefix)
        .execute(pool)
        .await?;
    Ok(())
}

/// Takes back one failure counted in advance for an attempt that succeeded.
pub async fn forgive_one_failure(pool: &SqlitePool, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE login_failures SET failures = max(failures - 1, 0) WHERE key = ?")
        .bind(key)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn clear_failures(pool: &SqlitePool, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE key = ?")
        .bind(key)
        .execute(pool)
        .await?;
    Ok(())
}

// ---- program switches --------------------------------------------------------------------

const REGISTRATION_OPEN: &str = "mentee_registration_open";

pub async fn registration_open(pool: &SqlitePool) -> Result<bool, sqlx::Error> {
    let value: Option<String> =
        sqlx::query_scalar("SELECT value FROM program_settings WHERE key = ?")
            .bind(REGISTRATION_OPEN)
            .fetch_optional(pool)
            .await?;
    Ok(value.as_deref() != Some("false"))
}

pub async fn set_registration_open(pool: &SqlitePool, open: bool) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO program_settings (key, value) VALUES (?, ?) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(REGISTRATION_OPEN)
    .bind(if open { "true" } else { "false" })
    .execute(pool)
    .await?;
    Ok(())
}
