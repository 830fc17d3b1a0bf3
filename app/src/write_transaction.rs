//! Write transactions that never fail halfway for want of the lock.
//!
//! sqlx's `pool.begin()` sends a deferred `BEGIN`: the transaction reads
//! under a snapshot and asks for SQLite's one write lock at its first write.
//! If another connection committed in between, that upgrade cannot wait and
//! fails at once with "database is locked", busy timeout or not (the
//! snapshot is stale). `BEGIN IMMEDIATE` takes the write lock first, waiting
//! up to the busy timeout (`server/src/db.rs`) while another writer finishes:
//! every transaction that writes begins here.
//!
//! Should the lock still be taken when the busy timeout ends (a backup or a
//! checkpoint holding it longer), the start is tried again, a bounded number
//! of times: the caller sees "database is locked" only after
//! `ATTEMPTS` busy timeouts.
use std::time::Duration;

use sqlx::{Sqlite, SqlitePool, Transaction};

/// Starts of a write transaction before the busy answer is the caller's.
pub const ATTEMPTS: u32 = 3;

/// The pause before the second start; doubled before each next one.
const FIRST_PAUSE: Duration = Duration::from_millis(20);

/// A transaction holding SQLite's write lock from its start.
pub async fn begin_write(pool: &SqlitePool) -> Result<Transaction<'static, Sqlite>, sqlx::Error> {
    let mut pause = FIRST_PAUSE;
    let mut attempt = 1;
    loop {
        match pool.begin_with("BEGIN IMMEDIATE").await {
            Err(error) if attempt < ATTEMPTS && is_busy(&error) => {
                tracing::warn!(
                    attempt,
                    %error,
                    "the write lock is still taken after the busy timeout: trying again"
                );
                tokio::time::sleep(pause).await;
                pause *= 2;
                attempt += 1;
            }
            started => return started,
        }
    }
}

/// SQLite's `SQLITE_BUSY`, whatever its extended code (recovery, snapshot,
/// timeout): the lock was taken, nothing was done.
pub fn is_busy(error: &sqlx::Error) -> bool {
    const SQLITE_BUSY: i32 = 5;
    match error {
        sqlx::Error::Database(database) => database
            .code()
            .and_then(|code| code.parse::<i32>().ok())
            .is_some_and(|code| code & 0xff == SQLITE_BUSY),
        _ => false,
    }
}
