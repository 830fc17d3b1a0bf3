//! Write transactions that never fail halfway for want of the lock.
//!
//! sqlx's `pool.begin()` sends a deferred `BEGIN`: the transaction reads
//! under a snapshot and asks for SQLite's one write lock at its first write.
//! If another connection committed in between, that upgrade cannot wait and
//! fails at once with "database is locked", busy timeout or not (the
//! snapshot is stale). `BEGIN IMMEDIATE` takes the write lock first, waiting
//! up to the busy timeout (`server/src/db.rs`) while another writer finishes:
//! every transaction that writes begins here.
use sqlx::{Sqlite, SqlitePool, Transaction};

/// A transaction holding SQLite's write lock from its start.
pub async fn begin_write(pool: &SqlitePool) -> Result<Transaction<'static, Sqlite>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}
