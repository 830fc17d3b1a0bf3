//! Writers under contention (operations issue, item 3): eight people writing
//! in their pairs' workspaces (messages, goals), thirty-two reading them, and
//! the daily retention run (a transaction that reads, then writes) all at
//! once: not one "database is locked" reaches anyone, and every
//! acknowledged write is there.
//!
//! A short run here (`MENTORAT_SOAK_SECONDS`, 3 by default); the long one
//! (`scripts/soak.sh`, 10 minutes) prints the same figures for
//! `docs/RELIABILITY.md`.
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::accounts::Role;
use app::goals::api::ProposeGoal;
use app::messages::api::SendMessage;
use app::workspace::GetWorkspace;
use leptos::server_fn::ServerFn;

use crate::common::{form, TestApp};

const PASSWORD: &str = "contention-password-1";
const PAIRS: usize = 4;
const WRITERS: usize = 8;
const READERS: usize = 32;

/// A pair's id and the cookies of its mentor and mentee.
struct Seats {
    pair_id: i64,
    people: [String; 2],
}

async fn pairs(app: &TestApp) -> Vec<Seats> {
    app.create_cohort("soak").await;
    let mut seats = Vec::new();
    for pair in 0..PAIRS {
        let mut profiles = Vec::new();
        let mut people = Vec::new();
        for role in [Role::Mentor, Role::Mentee] {
            let email = format!("{}-{pair}@soak.example", role.as_str());
            let account = app.create_account(role, &email, PASSWORD).await;
            let profile = app.profile_id_of(account).await;
            app.fill_profile(profile, "soak", &[("fr", "fluent")], &[])
                .await;
            profiles.push(profile);
            people.push(app.sign_in(&email, PASSWORD).await);
        }
        app.set_capacity(profiles[0], 3).await;
        let pair_id = app.insert_pair("soak", profiles[1], profiles[0]).await;
        app.activate_pair(pair_id).await;
        let [mentor, mentee] = <[String; 2]>::try_from(people).expect("two people");
        seats.push(Seats {
            pair_id,
            people: [mentor, mentee],
        });
    }
    seats
}

/// What the run saw.
#[derive(Default)]
struct Tally {
    acknowledged_messages: AtomicUsize,
    acknowledged_goals: AtomicUsize,
    reads: AtomicUsize,
    retention_runs: AtomicUsize,
    failures: std::sync::Mutex<Vec<String>>,
    latencies: std::sync::Mutex<Vec<Duration>>,
}

impl Tally {
    fn failed(&self, what: String) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.push(what);
        }
    }

    fn took(&self, started: Instant) {
        if let Ok(mut latencies) = self.latencies.lock() {
            latencies.push(started.elapsed());
        }
    }
}

fn percentile(sorted: &[Duration], per_cent: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[(sorted.len() - 1) * per_cent / 100]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_writers_thirty_two_readers_and_the_retention_run_never_meet_a_locked_database() {
    let seconds: u64 = std::env::var("MENTORAT_SOAK_SECONDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(3);
    let app = Arc::new(TestApp::new().await);
    let seats = Arc::new(pairs(&app).await);
    let messages_before: i64 = sqlx::query_scalar("SELECT count(*) FROM pair_messages")
        .fetch_one(&app.pool)
        .await
        .expect("a count");
    let tally = Arc::new(Tally::default());
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();

    for writer in 0..WRITERS {
        let (app, seats, tally, stop) = (app.clone(), seats.clone(), tally.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            let seat = &seats[writer % PAIRS];
            let cookie = &seat.people[writer / PAIRS % 2];
            let pair = seat.pair_id.to_string();
            let mut turn = 0_usize;
            while !stop.load(Ordering::Relaxed) {
                turn += 1;
                let started = Instant::now();
                let (path, body, acknowledged) = if turn.is_multiple_of(4) {
                    let title = format!("Goal {writer}-{turn}");
                    (
                        ProposeGoal::PATH,
                        form(&[
                            ("pair_id", &pair),
                            ("title", &title),
                            ("description", ""),
                            ("success_criterion", "Done when both agree"),
                            ("target_date", ""),
                            ("milestones", "First step\nSecond step"),
                        ]),
                        &tally.acknowledged_goals,
                    )
                } else {
                    let text = format!("Message {writer}-{turn}");
                    (
                        SendMessage::PATH,
                        form(&[("pair_id", &pair), ("body", &text)]),
                        &tally.acknowledged_messages,
                    )
                };
                let response = app.call(path, &body, Some(cookie)).await;
                tally.took(started);
                if response.status.is_success() {
                    acknowledged.fetch_add(1, Ordering::Relaxed);
                } else {
                    tally.failed(format!("{path}: {} {}", response.status, response.body));
                }
            }
        }));
    }
    for reader in 0..READERS {
        let (app, seats, tally, stop) = (app.clone(), seats.clone(), tally.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            let seat = &seats[reader % PAIRS];
            let cookie = &seat.people[reader % 2];
            let body = form(&[("pair_id", &seat.pair_id.to_string())]);
            while !stop.load(Ordering::Relaxed) {
                let started = Instant::now();
                let response = app.call(GetWorkspace::PATH, &body, Some(cookie)).await;
                tally.took(started);
                if response.status.is_success() {
                    tally.reads.fetch_add(1, Ordering::Relaxed);
                } else {
                    tally.failed(format!("read: {} {}", response.status, response.body));
                }
            }
        }));
    }
    {
        let (app, tally, stop) = (app.clone(), tally.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                match app::erasure::retention::run(&app.pool, chrono::Utc::now()).await {
                    Ok(_) => {
                        tally.retention_runs.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(error) => tally.failed(format!("retention: {error}")),
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }));
    }

    let started = Instant::now();
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        task.await.expect("a task of the run");
    }
    let elapsed = started.elapsed().as_secs_f64();

    let failures = tally.failures.lock().map(|f| f.clone()).unwrap_or_default();
    let messages = tally.acknowledged_messages.load(Ordering::Relaxed);
    let goals = tally.acknowledged_goals.load(Ordering::Relaxed);
    let reads = tally.reads.load(Ordering::Relaxed);
    let mut latencies = tally
        .latencies
        .lock()
        .map(|l| l.clone())
        .unwrap_or_default();
    latencies.sort();
    println!(
        "contention over {elapsed:.1} s: {} writes ({:.0}/s), {reads} reads ({:.0}/s), \
         {} retention runs, p50 {:?}, p99 {:?}, {} errors",
        messages + goals,
        (messages + goals) as f64 / elapsed,
        reads as f64 / elapsed,
        tally.retention_runs.load(Ordering::Relaxed),
        percentile(&latencies, 50),
        percentile(&latencies, 99),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures, first: {:?}",
        failures.len(),
        failures.first()
    );
    assert!(messages > 0 && goals > 0 && reads > 0, "the run did work");
    assert!(tally.retention_runs.load(Ordering::Relaxed) > 0);
    // Every acknowledged write is there.
    let messages_after: i64 = sqlx::query_scalar("SELECT count(*) FROM pair_messages")
        .fetch_one(&app.pool)
        .await
        .expect("a count");
    assert_eq!(
        usize::try_from(messages_after - messages_before).unwrap_or(0),
        messages
    );
    let goals_stored: i64 =
        sqlx::query_scalar("SELECT count(*) FROM goals WHERE title LIKE 'Goal %'")
            .fetch_one(&app.pool)
            .await
            .expect("a count");
    assert_eq!(usize::try_from(goals_stored).unwrap_or(0), goals);
}

/// A pool on `path` whose busy timeout is 10 ms (the server's is 5 s): the
/// retry of `begin_write` shows within a test's time.
async fn impatient_pool(path: &std::path::Path) -> sqlx::SqlitePool {
    use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(Duration::from_millis(10));
    SqlitePoolOptions::new()
        .max_connections(2)
        .connect_with(options)
        .await
        .expect("a pool on the test file")
}

/// Takes the write lock on a connection of its own until the returned
/// sender is dropped or `release_after` has passed.
async fn hold_write_lock(
    pool: &sqlx::SqlitePool,
    release_after: Option<Duration>,
) -> tokio::sync::oneshot::Sender<()> {
    let holder = pool
        .begin_with("BEGIN IMMEDIATE")
        .await
        .expect("the lock is free");
    let (release, released) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        match release_after {
            Some(after) => tokio::time::sleep(after).await,
            None => {
                let _ = released.await;
            }
        }
        let _ = holder.commit().await;
    });
    release
}

#[tokio::test]
async fn a_lock_held_past_the_busy_timeout_is_waited_for_a_bounded_number_of_times() {
    use app::write_transaction::{begin_write, is_busy};
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("busy.sqlite3");
    let holders = impatient_pool(&path).await;
    let writers = impatient_pool(&path).await;

    // One start alone meets "database is locked" while another writer
    // holds the lock a little longer than the busy timeout.
    let held = hold_write_lock(&holders, None).await;
    let plain = writers.begin_with("BEGIN IMMEDIATE").await;
    assert!(
        plain.as_ref().is_err_and(is_busy),
        "a single start gives up: {:?}",
        plain.err()
    );
    drop(held);
    tokio::time::sleep(Duration::from_millis(20)).await;

    // begin_write tries again and gets it once the other writer is done.
    let _held = hold_write_lock(&holders, Some(Duration::from_millis(35))).await;
    let mut retried = begin_write(&writers)
        .await
        .expect("the lock is taken on a later start");
    sqlx::query("CREATE TABLE written (x)")
        .execute(&mut *retried)
        .await
        .expect("the transaction writes");
    retried.commit().await.expect("and commits");

    // A lock never released: the busy answer comes back, after the attempts.
    let _never = hold_write_lock(&holders, None).await;
    let started = Instant::now();
    let refused = begin_write(&writers).await;
    assert!(refused.as_ref().is_err_and(is_busy), "{:?}", refused.err());
    // Three busy timeouts of 10 ms and the pauses of 20 and 40 ms between.
    assert!(
        started.elapsed() >= Duration::from_millis(80),
        "{:?}",
        started.elapsed()
    );
}
