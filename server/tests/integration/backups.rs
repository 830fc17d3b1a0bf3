//! Backups and restores (operations issue, item 1): a backup made while
//! writers keep writing is one consistent moment, checked, and restores
//! with every row it saw; a restore refuses a damaged file or one from a
//! newer version without touching the database; the daily schedule keeps
//! as many as it is told.
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use server::backup::{self, BackupError};
use server::db;

use crate::common::TestApp;

async fn count(pool: &sqlx::SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(pool)
        .await
        .expect("a count")
}

/// Cohorts written one after another until told to stop; how many.
fn keep_writing(pool: sqlx::SqlitePool, stop: Arc<AtomicBool>) -> tokio::task::JoinHandle<i64> {
    tokio::spawn(async move {
        let mut written = 0;
        while !stop.load(Ordering::Relaxed) {
            sqlx::query(
                "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on) \
                 VALUES (?, 'Charge', 'Load', '2027-01-01', '2027-06-30')",
            )
            .bind(format!("load-{written}"))
            .execute(&pool)
            .await
            .expect("a write under load");
            written += 1;
            tokio::task::yield_now().await;
        }
        written
    })
}

fn bytes_of(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("the file reads")
}

#[tokio::test]
async fn a_backup_made_under_load_is_one_checked_moment_and_restores_with_every_row_it_saw() {
    let app = TestApp::new().await;
    let load_sql = "SELECT count(*) FROM cohorts WHERE code LIKE 'load-%'";
    let stop = Arc::new(AtomicBool::new(false));
    let writer = keep_writing(app.pool.clone(), stop.clone());
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;

    let folder = tempfile::tempdir().expect("a folder");
    let file = folder.path().join("nightly.sqlite3");
    let before = count(&app.pool, load_sql).await;
    let made = backup::make(&app.pool, &file).await.expect("the backup");
    let after = count(&app.pool, load_sql).await;
    // The writer goes on after the backup (however busy the machine): the
    // copy did not stop it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while count(&app.pool, load_sql).await <= after {
        assert!(
            std::time::Instant::now() < deadline,
            "the writer kept going after the backup"
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    stop.store(true, Ordering::Relaxed);
    let written = writer.await.expect("the writer");
    assert!(written > after);
    assert!(made.bytes > 0 && made.bytes == bytes_of(&file).len() as u64);
    assert_eq!(made.checked, backup::check(&file).await.expect("checked"));
    assert!(made.checked.migrations > 20, "{:?}", made.checked);
    assert!(!folder.path().join("nightly.sqlite3.partial").exists());

    // A second backup never overwrites the first.
    assert!(matches!(
        backup::make(&app.pool, &file).await,
        Err(BackupError::Exists(_))
    ));

    // Restored over another program's file, which goes aside.
    let target = folder.path().join("program.sqlite3");
    let other = db::connect_and_migrate(&target)
        .await
        .expect("another file");
    sqlx::query(
        "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on) \
         VALUES ('other', 'Autre', 'Other', '2027-01-01', '2027-06-30')",
    )
    .execute(&other)
    .await
    .expect("a row of the other file");
    other.close().await;
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-02T18:00:00Z")
        .expect("a time")
        .to_utc();
    let restored = backup::restore(&target, &file, now)
        .await
        .expect("the restore");
    let aside = restored.kept_aside.expect("the file it replaced");
    assert_eq!(
        aside,
        folder
            .path()
            .join("program.sqlite3.before-restore-20261202T180000Z")
    );
    let kept = db::connect_and_migrate(&aside).await.expect("kept aside");
    assert_eq!(
        count(&kept, "SELECT count(*) FROM cohorts WHERE code = 'other'").await,
        1
    );
    kept.close().await;

    let back = db::connect_and_migrate(&target)
        .await
        .expect("the restored file");
    let seen = count(&back, load_sql).await;
    assert!(
        (before..=after).contains(&seen),
        "one moment between {before} and {after}: {seen}"
    );
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&back)
        .await
        .expect("checked");
    assert_eq!(integrity, "ok");
}

#[tokio::test]
async fn a_restore_refuses_a_damaged_file_or_one_from_a_newer_version_and_changes_nothing() {
    let app = TestApp::new().await;
    let folder = tempfile::tempdir().expect("a folder");
    let good = folder.path().join("good.sqlite3");
    backup::make(&app.pool, &good).await.expect("a backup");
    let target = folder.path().join("program.sqlite3");
    db::connect_and_migrate(&target)
        .await
        .expect("the program's file")
        .close()
        .await;
    let original = bytes_of(&target);
    let now = chrono::Utc::now();

    let noise = folder.path().join("noise.sqlite3");
    std::fs::write(&noise, b"not a database at all, just bytes".repeat(200)).expect("written");
    let truncated = folder.path().join("truncated.sqlite3");
    let good_bytes = bytes_of(&good);
    std::fs::write(&truncated, &good_bytes[..good_bytes.len() / 2]).expect("written");
    let newer = folder.path().join("newer.sqlite3");
    std::fs::copy(&good, &newer).expect("copied");
    let pool = db::connect_and_migrate(&newer).await.expect("opens");
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (29991231000000, 'from the future', 1, x'00', 0)",
    )
    .execute(&pool)
    .await
    .expect("a future migration");
    pool.close().await;

    for (file, expected) in [
        (&noise, "not a usable database"),
        (&truncated, "not a usable database"),
        (&newer, "newer version"),
        (&folder.path().join("absent.sqlite3"), "does not exist"),
    ] {
        let refused = backup::restore(&target, file, now)
            .await
            .expect_err("refused");
        assert!(
            refused.to_string().contains(expected),
            "{}: {refused}",
            file.display()
        );
        assert_eq!(bytes_of(&target), original, "untouched");
    }
    let names: Vec<String> = std::fs::read_dir(folder.path())
        .expect("the folder")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|name| name.contains("before-restore")),
        "{names:?}"
    );
}

#[tokio::test]
async fn the_daily_backup_comes_once_a_day_and_keeps_the_newest_few() {
    let app = TestApp::new().await;
    let folder = tempfile::tempdir().expect("a folder");
    let start = chrono::DateTime::parse_from_rfc3339("2026-12-01T03:00:00Z")
        .expect("a time")
        .to_utc();
    let hours = |count: i64| start + chrono::Duration::hours(count);
    assert!(backup::scheduled(&app.pool, folder.path(), 2, hours(0))
        .await
        .expect("the first")
        .is_some());
    assert!(
        backup::scheduled(&app.pool, folder.path(), 2, hours(23))
            .await
            .expect("looked")
            .is_none(),
        "not a day yet"
    );
    for day in 1..=3 {
        assert!(
            backup::scheduled(&app.pool, folder.path(), 2, hours(24 * day))
                .await
                .expect("a day later")
                .is_some()
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(folder.path())
        .expect("the folder")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "mentorat-20261203T030000Z.sqlite3",
            "mentorat-20261204T030000Z.sqlite3"
        ]
    );
}
