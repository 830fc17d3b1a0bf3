//! The counts a sign-in attempt adds to, so that guessing is slowed: per
//! (account, address), and, with more room, per account and per address.
use sqlx::SqlitePool;

use crate::accounts::repo;
use crate::accounts::throttle::{
    failures_counting, remaining_wait, FREE_FAILURES_PER_ACCOUNT, FREE_FAILURES_PER_ADDRESS,
};
use crate::audit::repo::{record_summarized, AuditRecord};
use crate::audit::AuditEvent;
use crate::error::AppError;

/// One sign-in attempt at a time passes the throttle check (the password check
/// itself runs in parallel). The app is one process over one SQLite file.
static LOGIN_GATE: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The attempt of `email` from `address`, and its counts.
pub struct Attempt<'a> {
    pub email: &'a str,
    pub address: &'a str,
    pair_key: String,
    account_key: String,
    address_key: String,
    /// From a device the account signed in from before (`known_device`):
    /// the account-wide count, which others' guesses fill, does not apply.
    known_device: bool,
}

impl<'a> Attempt<'a> {
    pub fn new(email: &'a str, address: &'a str) -> Self {
        let email_key = email.to_lowercase();
        Self {
            email,
            address,
            pair_key: format!("pair:{email_key}|{address}"),
            account_key: format!("account:{email_key}"),
            address_key: format!("address:{address}"),
            known_device: false,
        }
    }

    /// The same attempt, from a device the account knows (or not).
    pub fn on_known_device(self, known_device: bool) -> Self {
        Self {
            known_device,
            ..self
        }
    }

    /// Each count with the failures it allows before any wait: per
    /// (account, address), per account unless the device is known, per
    /// address.
    fn keys(&self) -> Vec<(&str, i64)> {
        let mut keys = vec![(self.pair_key.as_str(), FREE_FAILURES_PER_ACCOUNT)];
        if !self.known_device {
            keys.push((self.account_key.as_str(), FREE_FAILURES_PER_ADDRESS));
        }
        keys.push((self.address_key.as_str(), FREE_FAILURES_PER_ADDRESS));
        keys
    }

    /// Checks and counts the attempt in one step, before the password is
    /// checked: concurrent attempts queue here and each sees the ones before
    /// it. The wait still to come when the attempt is refused (not counted).
    pub async fn count(&self, pool: &SqlitePool) -> Result<Option<chrono::Duration>, AppError> {
        let _gate = LOGIN_GATE.lock().await;
        let now = chrono::Utc::now();
        let mut longest_wait = None;
        let mut counts = Vec::with_capacity(3);
        for (key, free) in self.keys() {
            let found = repo::failure_record(pool, key).await?;
            if let Some(wait) = remaining_wait(found, free, now) {
                longest_wait = longest_wait.max(Some(wait));
            }
            counts.push(failures_counting(found, now));
        }
        if longest_wait.is_none() {
            for ((key, _), count) in self.keys().into_iter().zip(counts) {
                repo::record_failure(pool, key, count, now).await?;
            }
        }
        Ok(longest_wait)
    }

    /// The attempt was counted as a failure in advance. On success the
    /// account starts again from zero, unless the device was known (the
    /// attempt skipped that count: the guesses it holds still stand, against
    /// other browsers); the address only gets this one back (a valid account
    /// of one's own must not wipe the count of guesses against others).
    pub async fn succeeded(&self, pool: &SqlitePool) -> Result<(), AppError> {
        repo::clear_failures(pool, &self.pair_key).await?;
        if !self.known_device {
            repo::clear_failures(pool, &self.account_key).await?;
        }
        repo::forgive_one_failure(pool, &self.address_key).await?;
        Ok(())
    }

    /// The audit record of a refused or failed attempt: a flood from one
    /// client is one row a minute, with its count.
    pub async fn audit(&self, pool: &SqlitePool, event: AuditEvent) {
        record_summarized(
            pool,
            event,
            AuditRecord {
                subject: Some(self.email),
                client: Some(self.address),
                ..AuditRecord::default()
            },
        )
        .await;
    }
}
