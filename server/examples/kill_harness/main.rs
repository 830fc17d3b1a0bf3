//! The crash-safety kill harness (issue 22 item 2; docs/RELIABILITY.md):
//! proves that a crash of the server process loses no acknowledged write and
//! leaves no half-written change.
//!
//! It starts the built server on a fresh database with the demo program,
//! signs in the mentor and the mentee of a few active pairs, and has them
//! write at once through the real server functions (messages, goals and
//! their agreement, meetings, feedback) — recording every write the server
//! acknowledged. After a random moment it kills the server with SIGKILL,
//! then, with the server down, checks a copy of the database as the kill
//! left it: `PRAGMA integrity_check` is ok, every write acknowledged since
//! the start is there, and no change is half-written (for every row the
//! harness wrote, acknowledged or not, the rows its transaction wrote with
//! it are there too). It restarts the server on the same file, the sessions
//! still valid, and goes on; at the end it prints the counts and exits
//! non-zero if any check failed.
//!
//! Run by `scripts/kill.sh [KILLS]`, or directly:
//!
//! ```sh
//! cargo run --example kill_harness -p server -- --server target/release/server --kills 1000
//! ```
mod check;
mod client;
mod server_process;
mod workload;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use check::{Baseline, Findings};
use client::Client;
use server_process::{ServerProcess, ServerSetup};
use sqlx::Connection as _;
use workload::{PairGoals, Seat, Side, Write, KINDS};

const MENTOR_PASSWORD: &str = server::demo::DEMO_MENTOR_PASSWORD;
const MENTEE_PASSWORD: &str = server::demo::DEMO_MENTEE_PASSWORD;

/// Failures shown in full before the rest are only counted.
const FAILURES_SHOWN: usize = 10;

#[derive(Debug, Parser)]
#[command(
    name = "kill_harness",
    about = "Kills the server under a mixed workload, again and again, and checks \
             that every acknowledged write survives and none is half-written"
)]
struct Cli {
    /// The server binary (e.g. target/release/server).
    #[arg(long)]
    server: PathBuf,
    /// How many times to kill the server.
    #[arg(long, default_value_t = 1000)]
    kills: usize,
    /// The seed of the kill moments and the workload's choices.
    #[arg(long, default_value_t = 22)]
    seed: u64,
    /// The earliest kill, in milliseconds after the workload starts.
    #[arg(long, default_value_t = 50)]
    min_delay_ms: u64,
    /// The latest kill, in milliseconds after the workload starts.
    #[arg(long, default_value_t = 1500)]
    max_delay_ms: u64,
    /// Kills on one database before a fresh one begins (each database's
    /// acknowledged writes are checked after every kill it takes).
    #[arg(long, default_value_t = 50)]
    kills_per_database: usize,
    /// How many active pairs write (two clients each: mentor and mentee).
    #[arg(long, default_value_t = 3)]
    pairs: usize,
    /// The server's MENTORAT_DURABILITY: normal (the default) or full.
    #[arg(long, default_value = "normal", value_parser = ["normal", "full"])]
    durability: String,
    /// The site's static files (LEPTOS_SITE_ROOT); server functions need none.
    #[arg(long, default_value = "target/site")]
    site_root: PathBuf,
    /// A progress line every this many kills (default: about twenty lines).
    #[arg(long)]
    progress_every: Option<usize>,
    /// Keep the work folder (database, server log) even when every check passes.
    #[arg(long)]
    keep: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum HarnessError {
    #[error("{what}: {source}")]
    Io {
        what: String,
        source: std::io::Error,
    },
    #[error("the database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("the server would not start: {problem}\n--- end of its log ---\n{log_tail}")]
    ServerStart { problem: String, log_tail: String },
    #[error("signing in {email} failed: {problem}")]
    SignIn { email: String, problem: String },
    #[error("the demo data has no active pair to write in")]
    NoPairs,
    #[error("--min-delay-ms must not exceed --max-delay-ms")]
    Delays,
}

impl HarnessError {
    /// What to `map_err` an I/O failure with: `what` says what was being done.
    pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> HarnessError {
        let what = what.into();
        move |source| HarnessError::Io { what, source }
    }
}

/// Everything counted over the run.
#[derive(Default)]
struct Totals {
    kills: usize,
    acknowledged: [usize; 5],
    lost: [usize; 5],
    refused: Vec<String>,
    checks: usize,
    missing: Vec<String>,
    half_written: Vec<String>,
    integrity_failures: Vec<String>,
    foreign_key_problems: i64,
    rows_found: usize,
    workload_time: Duration,
    /// The checks of the checks: breaks made, acknowledged writes then
    /// reported missing.
    self_test: Option<(usize, usize)>,
    /// Breaks of the self-test the checks did not report: a check that cannot fail.
    unnoticed_breaks: Vec<String>,
    restart_times: Vec<Duration>,
    check_time: Duration,
}

impl Totals {
    fn failed(&self) -> bool {
        !self.refused.is_empty()
            || !self.missing.is_empty()
            || !self.half_written.is_empty()
            || !self.integrity_failures.is_empty()
            || self.foreign_key_problems > 0
            || !self.unnoticed_breaks.is_empty()
    }

    fn add(&mut self, kill: usize, findings: Findings) {
        self.checks += findings.checked;
        self.rows_found = findings.rows_found;
        self.foreign_key_problems += findings.foreign_key_problems;
        let at = |what: String| format!("kill {kill}: {what}");
        self.missing.extend(findings.missing.into_iter().map(at));
        self.half_written
            .extend(findings.half_written.into_iter().map(at));
        if let Some(integrity) = findings.integrity {
            self.integrity_failures.push(at(integrity));
        }
    }
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(totals) if !totals.failed() => std::process::ExitCode::SUCCESS,
        Ok(_) => std::process::ExitCode::FAILURE,
        Err(error) => {
            eprintln!("kill harness: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// One database and what the run knows of it: the server restarts on it
/// after each kill until it has taken `--kills-per-database` kills; then a
/// fresh one begins, so that the database (and the time its checks take)
/// stays the size of a busy program's, not of a thousand rounds.
struct Life {
    setup: ServerSetup,
    baseline: Baseline,
    seats: Vec<Seat>,
    goals: Vec<Arc<PairGoals>>,
    /// Every write acknowledged on this database: each is looked for after
    /// every later kill.
    acknowledged: Vec<Write>,
    kills: usize,
}

impl Life {
    /// A fresh database with the demo program, the server started on it,
    /// the people signed in.
    fn begin(
        cli: &Cli,
        setup: ServerSetup,
        runtime: &tokio::runtime::Runtime,
    ) -> Result<(Life, ServerProcess, Duration), HarnessError> {
        let (server, first_start) = setup.start()?;
        let (baseline, pairs) = runtime.block_on(async {
            let mut connection = check::open(&setup.database, true).await?;
            let baseline = check::baseline(&mut connection).await?;
            let pairs = check::active_pairs(&mut connection).await?;
            connection.close().await?;
            Ok::<_, HarnessError>((baseline, pairs))
        })?;
        let (seats, goals) = sign_in(&Client::new(setup.origin()), &pairs, cli.pairs)?;
        let life = Life {
            setup,
            baseline,
            seats,
            goals,
            acknowledged: Vec::new(),
            kills: 0,
        };
        Ok((life, server, first_start))
    }
}

fn run(cli: &Cli) -> Result<Totals, HarnessError> {
    if cli.min_delay_ms > cli.max_delay_ms {
        return Err(HarnessError::Delays);
    }
    let io = HarnessError::io;
    let mut folder = tempfile::Builder::new()
        .prefix("mentorat-kill-")
        .tempdir()
        .map_err(io("a work folder"))?;
    let binary = std::path::absolute(&cli.server).map_err(io("the server's path"))?;
    let site_root = std::path::absolute(&cli.site_root).map_err(io("the site's path"))?;
    let port = free_port()?;
    let setup_in = |life: usize| -> Result<ServerSetup, HarnessError> {
        let life_folder = folder.path().join(format!("database-{life:03}"));
        std::fs::create_dir_all(&life_folder).map_err(io("a database folder"))?;
        Ok(ServerSetup {
            binary: binary.clone(),
            database: life_folder.join("mentorat.sqlite3"),
            log: life_folder.join("server.log"),
            folder: life_folder,
            port,
            site_root: site_root.clone(),
            durability: cli.durability.clone(),
        })
    };
    let check_folder = folder.path().join("check");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(io("a runtime for the checks"))?;
    println!(
        "kill harness: {} kills of {} (durability {}), seed {}, kill {}..{} ms into the workload, \
         a fresh database every {} kills; work folder {}",
        cli.kills,
        binary.display(),
        cli.durability,
        cli.seed,
        cli.min_delay_ms,
        cli.max_delay_ms,
        cli.kills_per_database,
        folder.path().display()
    );

    let mut rng = StdRng::seed_from_u64(cli.seed);
    let mut totals = Totals::default();
    let mut life: Option<Life> = None;
    let mut lives = 0;
    let progress_every = cli.progress_every.unwrap_or((cli.kills / 20).max(1)).max(1);
    let run_started = Instant::now();
    for kill in 1..=cli.kills {
        let (mut current, mut server) = match life.take() {
            Some(current) if current.kills < cli.kills_per_database.max(1) => {
                let (server, took) = current.setup.start()?;
                totals.restart_times.push(took);
                (current, server)
            }
            ended => {
                // A database that passed every check is not kept.
                if let Some(ended) = ended.filter(|_| !totals.failed()) {
                    let _ = std::fs::remove_dir_all(&ended.setup.folder);
                }
                lives += 1;
                let (current, server, took) = Life::begin(cli, setup_in(lives)?, &runtime)?;
                if lives == 1 {
                    println!(
                        "first start {} ms; {} clients in {} pairs",
                        took.as_millis(),
                        current.seats.len(),
                        current.seats.len() / 2
                    );
                }
                (current, server)
            }
        };

        let delay = Duration::from_millis(rng.random_range(cli.min_delay_ms..=cli.max_delay_ms));
        let stop = Arc::new(AtomicBool::new(false));
        let started = Instant::now();
        // A new client each round: the last one's kept-alive connections
        // died with the server before.
        let client = Client::new(current.setup.origin());
        let clients = workload::start(
            &client,
            &current.seats,
            &current.goals,
            kill,
            cli.seed,
            &stop,
        );
        std::thread::sleep(delay);
        server.kill()?;
        stop.store(true, Ordering::Relaxed);
        totals.workload_time += started.elapsed();
        for handle in clients {
            // A client thread only panics on a bug of the harness.
            let Ok(client_run) = handle.join() else {
                totals
                    .refused
                    .push(format!("kill {kill}: a client thread panicked"));
                continue;
            };
            for write in &client_run.acknowledged {
                totals.acknowledged[write.kind()] += 1;
            }
            for (kind, lost) in client_run.lost.iter().enumerate() {
                totals.lost[kind] += lost;
            }
            totals.refused.extend(
                client_run
                    .refused
                    .into_iter()
                    .map(|what| format!("kill {kill}: {what}")),
            );
            current.acknowledged.extend(client_run.acknowledged);
        }
        totals.kills = kill;
        current.kills += 1;

        let checking = Instant::now();
        let copy = check::copy_for_check(&current.setup.database, &check_folder)?;
        let findings = runtime.block_on(async {
            let mut connection = check::open(&copy, false).await?;
            let findings =
                check::check(&mut connection, &current.acknowledged, &current.baseline).await?;
            connection.close().await?;
            Ok::<_, HarnessError>(findings)
        })?;
        totals.check_time += checking.elapsed();
        if findings.failed() {
            eprintln!("kill {kill}: a check failed (details in the summary)");
        }
        totals.add(kill, findings);
        if kill % progress_every == 0 || kill == cli.kills {
            print_progress(&totals, run_started.elapsed());
        }
        life = Some(current);
    }

    // The checks of the checks: the last copy, broken on purpose.
    if let Some(last) = &life {
        let copy = check::copy_for_check(&last.setup.database, &check_folder)?;
        let (expected, findings) = runtime.block_on(async {
            let mut connection = check::open(&copy, false).await?;
            let expected = check::tamper(&mut connection).await?;
            let findings =
                check::check(&mut connection, &last.acknowledged, &last.baseline).await?;
            connection.close().await?;
            Ok::<_, HarnessError>((expected, findings))
        })?;
        totals.unnoticed_breaks = expected
            .iter()
            .filter(|what| {
                !findings
                    .half_written
                    .iter()
                    .any(|found| found.starts_with(&format!("{what}:")))
            })
            .map(|what| (*what).to_owned())
            .collect();
        totals.self_test = Some((expected.len(), findings.missing.len()));
    }
    print_summary(&totals, run_started.elapsed(), lives);
    if totals.failed() || cli.keep {
        folder.disable_cleanup(true);
        println!("work folder kept: {}", folder.path().display());
    }
    Ok(totals)
}

/// A port free now, kept for every start (the sessions' cookies and the
/// same-origin check do not care, but a fixed address is simpler to read in logs).
fn free_port() -> Result<u16, HarnessError> {
    let failed = || HarnessError::io("finding a free port");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(failed())?;
    Ok(listener.local_addr().map_err(failed())?.port())
}

/// Signs in both people of the first `wanted` active pairs, once for the
/// whole run; one seat per person and pair (a mentor of two pairs has two).
fn sign_in(
    client: &Client,
    pairs: &[(i64, String, String)],
    wanted: usize,
) -> Result<(Vec<Seat>, Vec<Arc<PairGoals>>), HarnessError> {
    if pairs.is_empty() {
        return Err(HarnessError::NoPairs);
    }
    let mut cookies: std::collections::HashMap<String, Arc<String>> = Default::default();
    let mut cookie_of = |email: &str, password: &str| -> Result<Arc<String>, HarnessError> {
        if let Some(cookie) = cookies.get(email) {
            return Ok(cookie.clone());
        }
        let cookie = Arc::new(client.sign_in(email, password)?);
        cookies.insert(email.to_owned(), cookie.clone());
        Ok(cookie)
    };
    let mut seats = Vec::new();
    let mut goals = Vec::new();
    for (pair_id, mentor, mentee) in pairs.iter().take(wanted.max(1)) {
        let pair_goals = Arc::new(PairGoals::default());
        for (side, email, password) in [
            (Side::Mentor, mentor, MENTOR_PASSWORD),
            (Side::Mentee, mentee, MENTEE_PASSWORD),
        ] {
            seats.push(Seat {
                pair_id: *pair_id,
                side,
                cookie: cookie_of(email, password)?,
            });
            goals.push(pair_goals.clone());
        }
    }
    Ok((seats, goals))
}

fn print_progress(totals: &Totals, elapsed: Duration) {
    let acknowledged: usize = totals.acknowledged.iter().sum();
    println!(
        "kill {:>5}: {acknowledged} writes acknowledged, {} missing, {} half-written, \
         {} integrity failures, {} refused; {:.2} s per kill, last restart {} ms",
        totals.kills,
        totals.missing.len(),
        totals.half_written.len(),
        totals.integrity_failures.len(),
        totals.refused.len(),
        elapsed.as_secs_f64() / totals.kills.max(1) as f64,
        totals
            .restart_times
            .last()
            .map_or(0, |took| took.as_millis()),
    );
}

fn print_summary(totals: &Totals, elapsed: Duration, databases: usize) {
    let acknowledged: usize = totals.acknowledged.iter().sum();
    let lost: usize = totals.lost.iter().sum();
    let mut restarts = totals.restart_times.clone();
    restarts.sort();
    let restart = |per_cent: usize| {
        restarts
            .get(restarts.len().saturating_sub(1) * per_cent / 100)
            .map_or(0, |took| took.as_millis())
    };
    let workload = totals.workload_time.as_secs_f64();
    println!("\n| kills | {} |", totals.kills);
    println!("|---|---|");
    println!("| databases (a fresh one every --kills-per-database) | {databases} |");
    for (kind, name) in KINDS.iter().enumerate() {
        println!(
            "| {name}: acknowledged / without an answer | {} / {} |",
            totals.acknowledged[kind], totals.lost[kind]
        );
    }
    println!(
        "| acknowledged writes (each looked for after every later kill) | {acknowledged} ({} checks) |",
        totals.checks
    );
    println!(
        "| harness rows in the last database | {} |",
        totals.rows_found
    );
    println!("| calls without an answer at a kill (either outcome is fine) | {lost} |");
    println!(
        "| **acknowledged but missing** | {} |",
        totals.missing.len()
    );
    println!(
        "| **half-written changes** | {} |",
        totals.half_written.len()
    );
    println!(
        "| **integrity_check not ok** | {} |",
        totals.integrity_failures.len()
    );
    println!(
        "| **new foreign key problems** | {} |",
        totals.foreign_key_problems
    );
    println!(
        "| **calls refused by a live server** | {} |",
        totals.refused.len()
    );
    println!(
        "| writes acknowledged per second of workload | {:.0} |",
        acknowledged as f64 / workload.max(f64::EPSILON)
    );
    println!(
        "| restart to /healthz 200: p50 / p99 / max | {} / {} / {} ms |",
        restart(50),
        restart(99),
        restart(100)
    );
    println!(
        "| checks with the server down, per kill | {:.0} ms |",
        totals.check_time.as_secs_f64() * 1000.0 / totals.kills.max(1) as f64
    );
    println!(
        "| seconds per kill | {:.2} ({:.0} s in all) |",
        elapsed.as_secs_f64() / totals.kills.max(1) as f64,
        elapsed.as_secs_f64()
    );
    if let Some((breaks, missing)) = totals.self_test {
        println!(
            "| self-test: breaks made in the last copy / found / acknowledged writes then missing | \
             {breaks} / {} / {missing} |",
            breaks - totals.unnoticed_breaks.len()
        );
    }
    for (what, list) in [
        ("acknowledged but missing", &totals.missing),
        ("half-written", &totals.half_written),
        ("integrity_check", &totals.integrity_failures),
        ("refused", &totals.refused),
        ("self-test break unnoticed", &totals.unnoticed_breaks),
    ] {
        for failure in list.iter().take(FAILURES_SHOWN) {
            println!("{what}: {failure}");
        }
        if list.len() > FAILURES_SHOWN {
            println!("{what}: … and {} more", list.len() - FAILURES_SHOWN);
        }
    }
    println!(
        "{}",
        if totals.failed() {
            "FAILED"
        } else {
            "every check passed"
        }
    );
}
