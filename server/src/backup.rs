//! Backups and restores of the one database file (operations issue, item 1).
//!
//! A backup is SQLite's `VACUUM INTO`: one read transaction, so the copy is
//! consistent while the server keeps writing (WAL lets both go on). It is
//! written beside its final name, checked (`PRAGMA integrity_check`, the
//! migrations it has are the app's), then renamed: a file with the final
//! name is always a whole, checked backup. A restore checks the file the
//! same way and refuses one from a newer version of the app, keeps the
//! current file (and its WAL) aside under a dated name, then puts the backup
//! in place; the start that follows brings an older schema up to date.
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{Duration, Instant};

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions as _, Connection as _};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists: choose a new name (a backup never overwrites a file)")]
    Exists(PathBuf),
    #[error("{0} does not exist")]
    Missing(PathBuf),
    #[error("{path} is not a usable database: {detail}")]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "{path} comes from a newer version of Mentorat (its migration {version} is unknown \
         here): upgrade the program first"
    )]
    NewerSchema { path: PathBuf, version: i64 },
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

/// What a checked database file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The migrations it has applied, and the latest of them.
    pub migrations: usize,
    pub latest_migration: i64,
}

/// A backup made.
#[derive(Debug, Clone)]
pub struct Made {
    pub path: PathBuf,
    pub bytes: u64,
    pub duration: Duration,
    pub checked: Checked,
}

/// A restore done: where the file it replaced now is (none when there was
/// no database yet).
#[derive(Debug, Clone)]
pub struct Restored {
    pub kept_aside: Option<PathBuf>,
    pub checked: Checked,
}

/// The migrations this build of the app knows, by version.
fn known_versions() -> Vec<i64> {
    sqlx::migrate!("../migrations")
        .migrations
        .iter()
        .map(|migration| migration.version)
        .collect()
}

fn file_error(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::File {
        path: path.to_owned(),
        source,
    }
}

/// Copies the live database into `destination` (which must not exist),
/// checks the copy, and says how big it is and how long it took.
pub async fn make(pool: &sqlx::SqlitePool, destination: &Path) -> Result<Made, BackupError> {
    if destination.exists() {
        return Err(BackupError::Exists(destination.to_owned()));
    }
    if let Some(folder) = destination
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder).map_err(file_error(folder))?;
    }
    let started = Instant::now();
    let partial = with_suffix(destination, ".partial");
    // A partial file left by a crash is never a backup: it goes.
    remove_if_present(&partial)?;
    let written = sqlx::query("VACUUM INTO ?")
        .bind(partial.to_string_lossy().into_owned())
        .execute(pool)
        .await;
    if let Err(error) = written {
        remove_if_present(&partial)?;
        return Err(error.into());
    }
    let checked = match check(&partial).await {
        Ok(checked) => checked,
        Err(error) => {
            remove_if_present(&partial)?;
            return Err(error);
        }
    };
    std::fs::rename(&partial, destination).map_err(file_error(destination))?;
    let bytes = std::fs::metadata(destination)
        .map_err(file_error(destination))?
        .len();
    Ok(Made {
        path: destination.to_owned(),
        bytes,
        duration: started.elapsed(),
        checked,
    })
}

/// Checks a database file without changing it: SQLite's integrity check,
/// and migrations that this build knows (a file from a newer build is
/// refused).
pub async fn check(path: &Path) -> Result<Checked, BackupError> {
    if !path.is_file() {
        return Err(BackupError::Missing(path.to_owned()));
    }
    let damaged = |detail: String| BackupError::Damaged {
        path: path.to_owned(),
        detail,
    };
    let mut connection = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .read_only(true)
        .immutable(true)
        .connect()
        .await
        .map_err(|error| damaged(error.to_string()))?;
    let verdict: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut connection)
        .await
        .map_err(|error| damaged(error.to_string()))?;
    if verdict != ["ok"] {
        connection.close().await?;
        return Err(damaged(verdict.join("; ")));
    }
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
            .fetch_all(&mut connection)
            .await
            .map_err(|_| damaged("it has no Mentorat migrations".to_owned()))?;
    connection.close().await?;
    let known = known_versions();
    if let Some(version) = applied.iter().find(|version| !known.contains(version)) {
        return Err(BackupError::NewerSchema {
            path: path.to_owned(),
            version: *version,
        });
    }
    let Some(latest_migration) = applied.last().copied() else {
        return Err(damaged("it has no Mentorat migrations".to_owned()));
    };
    Ok(Checked {
        migrations: applied.len(),
        latest_migration,
    })
}

/// Puts the backup `source` in place of the database at `database`, once
/// checked; the current file and its WAL go aside, named with `now`. Run it
/// with the server stopped.
pub async fn restore(
    database: &Path,
    source: &Path,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Restored, BackupError> {
    let checked = check(source).await?;
    let incoming = with_suffix(database, ".restoring");
    remove_if_present(&incoming)?;
    std::fs::copy(source, &incoming).map_err(file_error(&incoming))?;
    let kept_aside = if database.exists() {
        let aside = with_suffix(
            database,
            &format!(".before-restore-{}", now.format("%Y%m%dT%H%M%SZ")),
        );
        if aside.exists() {
            return Err(BackupError::Exists(aside));
        }
        std::fs::rename(database, &aside).map_err(file_error(database))?;
        // The WAL holds the last writes of the file it belongs to: it goes
        // with it, under the name SQLite looks for beside the new name.
        for companion in ["-wal", "-shm"] {
            let from = with_suffix(database, companion);
            if from.exists() {
                let to = with_suffix(&aside, companion);
                std::fs::rename(&from, &to).map_err(file_error(&from))?;
            }
        }
        Some(aside)
    } else {
        None
    };
    std::fs::rename(&incoming, database).map_err(file_error(database))?;
    Ok(Restored {
        kept_aside,
        checked,
    })
}

/// The scheduled backups (`MENTORAT_BACKUP_DIR`): one when the newest in the
/// folder is a day old (or there is none), then only the `keep` newest stay.
/// `Ok(None)` when none was due.
pub async fn scheduled(
    pool: &sqlx::SqlitePool,
    folder: &Path,
    keep: usize,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<Made>, BackupError> {
    let mut existing = scheduled_files(folder)?;
    let due = existing
        .last()
        .is_none_or(|(taken, _)| now - *taken >= chrono::Duration::hours(24));
    if !due {
        return Ok(None);
    }
    let name = format!("mentorat-{}.sqlite3", now.format("%Y%m%dT%H%M%SZ"));
    let made = make(pool, &folder.join(name)).await?;
    existing.push((now, made.path.clone()));
    let surplus = existing.len().saturating_sub(keep.max(1));
    for (_, old) in existing.iter().take(surplus) {
        std::fs::remove_file(old).map_err(file_error(old))?;
    }
    Ok(Some(made))
}

/// The scheduled backups in `folder`, oldest first, by the time in their name.
fn scheduled_files(
    folder: &Path,
) -> Result<Vec<(chrono::DateTime<chrono::Utc>, PathBuf)>, BackupError> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(file_error(folder)(error)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(file_error(folder))?.path();
        if let Some(taken) = scheduled_time(&path) {
            files.push((taken, path));
        }
    }
    files.sort();
    Ok(files)
}

/// The time a scheduled backup's name carries (`mentorat-20261202T030000Z.sqlite3`).
fn scheduled_time(path: &Path) -> Option<chrono::DateTime<chrono::Utc>> {
    let stamp = path
        .file_name()?
        .to_str()?
        .strip_prefix("mentorat-")?
        .strip_suffix(".sqlite3")?;
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ")
        .ok()
        .map(|time| time.and_utc())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_if_present(path: &Path) -> Result<(), BackupError> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(file_error(path)(error)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_the_schedule_wrote_count_as_scheduled_backups() {
        assert_eq!(
            scheduled_time(Path::new("/b/mentorat-20261202T030000Z.sqlite3")),
            chrono::DateTime::parse_from_rfc3339("2026-12-02T03:00:00Z")
                .ok()
                .map(|time| time.to_utc())
        );
        assert_eq!(scheduled_time(Path::new("/b/mine.sqlite3")), None);
        assert_eq!(
            scheduled_time(Path::new("/b/mentorat-20261202T030000Z.sqlite3.partial")),
            None
        );
    }

    #[test]
    fn a_suffix_is_added_to_the_whole_name() {
        assert_eq!(
            with_suffix(Path::new("data/m.sqlite3"), "-wal"),
            PathBuf::from("data/m.sqlite3-wal")
        );
    }
}
