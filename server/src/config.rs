//! Configuration from the command line or environment variables, with defaults
//! that run the app on one machine with an embedded SQLite file.
use std::net::SocketAddr;
use std::path::PathBuf;

/// Default log filter: our own logs at info, sqlx's only when something is wrong.
pub const DEFAULT_LOG_FILTER: &str = "info,sqlx=warn";

/// Default largest request body: 1 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

/// A session ends after four idle hours: long enough for a volunteer's busy day
/// between two glances, short enough for a shared computer.
pub const DEFAULT_SESSION_IDLE_MINUTES: i64 = 4 * 60;

/// Default sender of the program's emails.
pub const DEFAULT_MAIL_FROM: &str = "Mentorat <no-reply@mentorat.invalid>";

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

    /// The address people reach the site at, for links in emails
    /// (default: http:// and the listening address). Refused at start unless
    /// it is an absolute http(s) URL.
    #[arg(long, env = "MENTORAT_PUBLIC_URL", value_parser = parse_public_url)]
    pub public_url: Option<url::Url>,

    /// A session ends after this many minutes without a request.
    #[arg(long, env = "MENTORAT_SESSION_IDLE_MINUTES", default_value_t = DEFAULT_SESSION_IDLE_MINUTES)]
    pub session_idle_minutes: i64,

    /// Behind a reverse proxy: take the caller's address from the last
    /// `X-Forwarded-For` entry (the proxy's own view) instead of the TCP peer.
    #[arg(long, env = "MENTORAT_TRUST_PROXY")]
    pub trust_proxy: bool,

    /// SMTP server for the outbox, e.g. `smtps://user:password@smtp.example.org`
    /// (lettre's URL syntax). Without it, messages are only stored and logged.
    #[arg(long, env = "MENTORAT_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender of every email.
    #[arg(long, env = "MENTORAT_MAIL_FROM", default_value = DEFAULT_MAIL_FROM)]
    pub mail_from: String,
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
            public_url: None,
            session_idle_minutes: DEFAULT_SESSION_IDLE_MINUTES,
            trust_proxy: false,
            smtp_url: None,
            mail_from: DEFAULT_MAIL_FROM.to_owned(),
        }
    }

    /// The public address for links, without a trailing slash.
    pub fn public_url_or(&self, listening: std::net::SocketAddr) -> String {
        match &self.public_url {
            Some(url) => url.as_str().trim_end_matches('/').to_owned(),
            None => format!("http://{listening}"),
        }
    }
}

/// An absolute `http`/`https` URL with a host, as emailed links need.
fn parse_public_url(text: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(text)
        .map_err(|error| format!("{error} (e.g. https://mentorat.example.org)"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err("an http:// or https:// address with a host is needed".to_owned());
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_url_is_an_absolute_web_address() {
        let config = |text| Config {
            public_url: Some(parse_public_url(text).expect("a valid address")),
            ..Config::for_database(PathBuf::from("x.sqlite3"))
        };
        let listening = "127.0.0.1:3000".parse().expect("an address");
        assert_eq!(
            config("https://mentorat.example.org/").public_url_or(listening),
            "https://mentorat.example.org"
        );
        assert_eq!(
            config("https://example.org/mentorat/").public_url_or(listening),
            "https://example.org/mentorat"
        );
        assert!(parse_public_url("mentorat.example.org").is_err());
        assert!(parse_public_url("ftp://example.org").is_err());
        assert!(parse_public_url("https://").is_err());
        assert_eq!(
            Config::for_database(PathBuf::from("x.sqlite3")).public_url_or(listening),
            "http://127.0.0.1:3000"
        );
    }
}
