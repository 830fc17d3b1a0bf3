//! The embedded SQLite database: created if absent, WAL mode, foreign keys on,
//! migrations applied at start.
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

/// How long a writer waits for another one before giving up with "database is locked".
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create the folder of the database file {path}: {source}")]
    CreateFolder {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot open the database: {0}")]
    Open(#[from] sqlx::Error),
    #[error("cannot apply the database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("after the migrations, {count} row(s) refer to a row that does not exist: first {table} row {row:?}, to {parent}")]
    BrokenReference {
        table: String,
        row: Option<i64>,
        parent: String,
        count: usize,
    },
}

/// How hard a commit holds on to the disk (SQLite's `synchronous`, in WAL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Durability {
    /// A commit survives a crash of the process (SIGKILL, a panic), not a
    /// power loss: the last commits before the cut may be lost, never a
    /// half-written one. One fsync per checkpoint, not per commit.
    #[default]
    Normal,
    /// A commit also survives a power loss or a crash of the system: an
    /// fsync of the WAL at each commit.
    Full,
}

/// Opens (creating if needed) the database file and brings its schema up to date.
pub async fn connect_and_migrate(path: &Path) -> Result<SqlitePool, DbError> {
    connect_and_migrate_with(path, Durability::Normal).await
}

/// The same, with the durability the program chose (`MENTORAT_DURABILITY`).
pub async fn connect_and_migrate_with(
    path: &Path,
    durability: Durability,
) -> Result<SqlitePool, DbError> {
    if let Some(folder) = path
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder).map_err(|source| DbError::CreateFolder {
            path: folder.display().to_string(),
            source,
        })?;
    }
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(match durability {
            Durability::Normal => SqliteSynchronous::Normal,
            Durability::Full => SqliteSynchronous::Full,
        })
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT);
    migrate(options.clone()).await?;
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    Ok(pool)
}

/// Applies the migrations on a connection of its own with foreign keys off,
/// then checks every foreign key. A migration that changes a table SQLite
/// cannot alter in place (a CHECK) rebuilds it: copy, drop, rename. With
/// foreign keys on, dropping the old table would delete every row that
/// refers to it (ON DELETE CASCADE), and SQLite ignores turning them off
/// inside the transaction each migration runs in (sqlx's SQLite migrator
/// ignores `-- no-transaction`), hence this connection.
async fn migrate(options: SqliteConnectOptions) -> Result<(), DbError> {
    use sqlx::{ConnectOptions as _, Connection as _};
    let mut connection = options.foreign_keys(false).connect().await?;
    let before = applied_migrations(&mut connection).await?;
    sqlx::migrate!("../migrations").run(&mut connection).await?;
    // Checked when a migration ran, not at every start: a row made broken by
    // hand later (the sqlite3 shell has foreign keys off) must not keep the
    // program from starting.
    let broken: Vec<(String, Option<i64>, String)> =
        if applied_migrations(&mut connection).await? == before {
            Vec::new()
        } else {
            sqlx::query_as("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")
                .fetch_all(&mut connection)
                .await?
        };
    connection.close().await?;
    match broken.first() {
        None => Ok(()),
        Some((table, row, parent)) => Err(DbError::BrokenReference {
            table: table.clone(),
            row: *row,
            parent: parent.clone(),
            count: broken.len(),
        }),
    }
}

/// How many migrations the database has applied (none on a new file).
async fn applied_migrations(connection: &mut sqlx::SqliteConnection) -> Result<i64, sqlx::Error> {
    let exists: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')",
    )
    .fetch_one(&mut *connection)
    .await?;
    if !exists {
        return Ok(0);
    }
    sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&mut *connection)
        .await
}

/// Whether the database answers a trivial query.
pub async fn is_healthy(pool: &SqlitePool) -> bool {
    let probe = sqlx::query_scalar::<_, i64>("SELECT 1").fetch_one(pool);
    matches!(
        tokio::time::timeout(Duration::from_secs(2), probe).await,
        Ok(Ok(1))
    )
}
