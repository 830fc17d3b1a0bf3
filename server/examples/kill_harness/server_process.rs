//! The server under test: a child process on the harness's database file,
//! started, waited for until it answers, and killed with SIGKILL.
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::client::Client;
use crate::HarnessError;

/// How long a start may take (migrations check, demo data, listening)
/// before the harness gives up: a debug build on a busy machine needs a few seconds.
const START_LIMIT: Duration = Duration::from_secs(120);

/// How to start the server: the same each time, on the same file and port.
pub struct ServerSetup {
    pub binary: PathBuf,
    pub database: PathBuf,
    pub folder: PathBuf,
    pub port: u16,
    pub site_root: PathBuf,
    pub durability: String,
    pub log: PathBuf,
}

/// A running server.
pub struct ServerProcess {
    child: Child,
}

impl ServerSetup {
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts the server and waits until `/healthz` answers 200; returns it
    /// and how long that took.
    pub fn start(&self) -> Result<(ServerProcess, Duration), HarnessError> {
        let started = Instant::now();
        // A new client: the last one's kept-alive connections died with the
        // server before.
        let client = Client::new(self.origin());
        let log = self.log_file()?;
        let log_err = log.try_clone().map_err(HarnessError::io(format!(
            "the server's log {}",
            self.log.display()
        )))?;
        let address = format!("127.0.0.1:{}", self.port);
        let mut command = Command::new(&self.binary);
        // Settings of the environment the harness runs in (a developer's
        // MENTORAT_SMTP_URL, RUST_LOG…) must not reach the server under test.
        for (name, _) in std::env::vars_os() {
            let name = name.to_string_lossy().into_owned();
            if name.starts_with("MENTORAT_") || name.starts_with("LEPTOS_") || name == "RUST_LOG" {
                command.env_remove(name);
            }
        }
        command
            // Its own folder: no `.env` of the repository is read.
            .current_dir(&self.folder)
            .env("MENTORAT_DATABASE_PATH", &self.database)
            .env("MENTORAT_DEMO_DATA", "true")
            .env("MENTORAT_ADDR", &address)
            .env("LEPTOS_SITE_ADDR", &address)
            .env("LEPTOS_SITE_ROOT", &self.site_root)
            .env("MENTORAT_DURABILITY", &self.durability)
            // The harness signs each person in once; the limits of the open
            // doors are not what is tested here.
            .env("MENTORAT_RATE_LIMIT_PER_CLIENT", "100000")
            .env("MENTORAT_RATE_LIMIT_OVERALL", "100000")
            .env("MENTORAT_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err);
        let child = command.spawn().map_err(HarnessError::io(format!(
            "starting {}",
            self.binary.display()
        )))?;
        let mut server = ServerProcess { child };
        loop {
            if client.is_healthy() {
                return Ok((server, started.elapsed()));
            }
            let exited = server
                .child
                .try_wait()
                .map_err(HarnessError::io("waiting for the server"))?;
            if let Some(status) = exited {
                return Err(HarnessError::ServerStart {
                    problem: format!("it exited with {status}"),
                    log_tail: tail(&self.log),
                });
            }
            if started.elapsed() > START_LIMIT {
                server.kill()?;
                return Err(HarnessError::ServerStart {
                    problem: format!("no 200 from /healthz within {START_LIMIT:?}"),
                    log_tail: tail(&self.log),
                });
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn log_file(&self) -> Result<File, HarnessError> {
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .map_err(HarnessError::io(format!(
                "the server's log {}",
                self.log.display()
            )))
    }
}

impl ServerProcess {
    /// SIGKILL (what `Child::kill` sends on Unix): no shutdown, no last
    /// flush, as a crash or the OOM killer; then reaps the process, so that
    /// the database file is no longer open when this returns.
    pub fn kill(&mut self) -> Result<(), HarnessError> {
        let failed = || HarnessError::io("killing the server");
        self.child.kill().map_err(failed())?;
        self.child.wait().map_err(failed())?;
        Ok(())
    }
}

impl Drop for ServerProcess {
    /// A harness that stops on an error leaves no server behind.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The last lines of the server's log, to show why it would not start.
pub fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}
