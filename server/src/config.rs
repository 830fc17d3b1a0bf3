//! Configuration from the command line or environment variables, with defaults
//! that run the app on one machine with an embedded SQLite file.
use std::net::SocketAddr;
use std::path::PathBuf;

/// Default log filter: our own logs at info, sqlx's only when something is wrong.
pub const DEFAULT_LOG_FILTER: &str = "info,sqlx=warn";

/// Default largest request body: 1 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

/// Every setting has an environment variable (see `.env.example`); a flag wins over it.
#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// The SQLite database file; created (with its folder) if absent.
    #[arg(
        long,
        env = "MENTORAT_DATABASE_PATH",
        default_value = "data/mentorat.sqlite3"
    )]
    pub database_path: PathBuf,

    /// Address to listen on. Defaults to cargo-leptos's `site-addr` (127.0.0.1:3000).
    #[arg(long, env = "MENTORAT_ADDR")]
    pub addr: Option<SocketAddr>,

    /// Log filter, in `tracing_subscriber::EnvFilter` syntax (RUST_LOG wins when set).
    #[arg(long, env = "MENTORAT_LOG", default_value = DEFAULT_LOG_FILTER)]
    pub log: String,

    /// Mark every cookie `Secure` and send HSTS: turn on behind HTTPS.
    #[arg(long, env = "MENTORAT_SECURE_COOKIES")]
    pub secure_cookies: bool,

    /// Load the demo program (cohorts, people, …) at start. Never in production.
    #[arg(long, env = "MENTORAT_DEMO_DATA")]
    pub demo_data: bool,

    /// Largest request body accepted, in bytes.
    #[arg(long, env = "MENTORAT_MAX_BODY_BYTES", default_value_t = DEFAULT_MAX_BODY_BYTES)]
    pub max_body_bytes: usize,
}

impl Config {
    /// The defaults, on another database file: for tests and tools.
    pub fn for_database(database_path: PathBuf) -> Self {
        Config {
            database_path,
            addr: None,
            log: DEFAULT_LOG_FILTER.to_owned(),
            secure_cookies: false,
            demo_data: false,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
        }
    }
}
