//! The `server` binary's maintenance commands, run as an administrator would.
use std::process::Command;

fn server(database: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("MENTORAT_DATABASE_PATH", database)
        .env("MENTORAT_LOG", "info")
        // Plain text: fields read `name=value`, without colour codes between.
        .env("NO_COLOR", "1");
    command
}

#[test]
fn the_first_coordinator_is_created_from_the_command_line_once() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let database = folder.path().join("program.sqlite3");
    let created = server(&database)
        .args([
            "create-coordinator",
            "--email",
            "claire@program.example",
            "--name",
            "Claire Gagnon",
        ])
        .env("MENTORAT_COORDINATOR_PASSWORD", "a long enough password")
        .output()
        .expect("the server binary runs");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stdout)
    );
    assert!(String::from_utf8_lossy(&created.stdout).contains("coordinator created"));

    let again = server(&database)
        .args([
            "create-coordinator",
            "--email",
            "CLAIRE@program.example",
            "--name",
            "Claire",
        ])
        .env("MENTORAT_COORDINATOR_PASSWORD", "another long password")
        .output()
        .expect("the server binary runs");
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("an account already uses"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );

    let too_short = server(&database)
        .args([
            "create-coordinator",
            "--email",
            "paul@program.example",
            "--name",
            "Paul",
        ])
        .env("MENTORAT_COORDINATOR_PASSWORD", "short")
        .output()
        .expect("the server binary runs");
    assert!(!too_short.status.success());
    assert!(String::from_utf8_lossy(&too_short.stdout).contains("at least 10 characters"));
}

#[test]
fn a_backup_and_its_restore_are_one_command_each_and_say_what_they_did() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let database = folder.path().join("program.sqlite3");
    let backup = folder.path().join("backups").join("monday.sqlite3");
    let made = server(&database)
        .args(["backup", &backup.to_string_lossy()])
        .output()
        .expect("the server binary runs");
    let said = String::from_utf8_lossy(&made.stdout);
    assert!(made.status.success(), "{said}");
    assert!(said.contains("backup made and checked"), "{said}");
    assert!(said.contains("bytes="), "the size: {said}");
    assert!(said.contains("milliseconds="), "the duration: {said}");
    assert!(backup.is_file());

    let restored = server(&database)
        .args(["restore", &backup.to_string_lossy()])
        .output()
        .expect("the server binary runs");
    let said = String::from_utf8_lossy(&restored.stdout);
    assert!(restored.status.success(), "{said}");
    assert!(said.contains("backup restored"), "{said}");
    assert!(
        said.contains("before-restore-"),
        "where the old file went: {said}"
    );

    let refused = server(&database)
        .args([
            "restore",
            &folder.path().join("absent.sqlite3").to_string_lossy(),
        ])
        .output()
        .expect("the server binary runs");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stdout).contains("does not exist"));
}

#[test]
fn the_log_is_one_json_object_per_line_when_asked() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let database = folder.path().join("program.sqlite3");
    let migrated = server(&database)
        .arg("migrate")
        .env("MENTORAT_LOG_FORMAT", "json")
        .output()
        .expect("the server binary runs");
    let said = String::from_utf8_lossy(&migrated.stdout);
    assert!(migrated.status.success(), "{said}");
    let lines: Vec<serde_json::Value> = said
        .lines()
        .map(|line| match serde_json::from_str(line) {
            Ok(value) => value,
            Err(error) => panic!("not JSON ({error}): {line}"),
        })
        .collect();
    let ready = lines
        .iter()
        .find(|line| line["message"] == "database ready")
        .unwrap_or_else(|| panic!("the start is logged: {said}"));
    assert_eq!(ready["level"], "INFO");
    assert!(ready["timestamp"].is_string(), "{ready}");
    assert!(ready["database"]
        .as_str()
        .is_some_and(|path| path.ends_with("program.sqlite3")));
}

#[test]
fn a_short_metrics_token_stops_the_start_with_the_reason() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let refused = server(&folder.path().join("program.sqlite3"))
        .arg("migrate")
        .env("MENTORAT_METRICS_TOKEN", "short")
        .output()
        .expect("the server binary runs");
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stdout);
    assert!(
        said.contains("MENTORAT_METRICS_TOKEN is shorter than 16"),
        "{said}"
    );
    assert!(!folder.path().join("program.sqlite3").exists());
}
