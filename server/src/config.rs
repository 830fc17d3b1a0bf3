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

    /// `text` (the default) or `json`: one JSON object per line, for a log
    /// collector (docs/RELIABILITY.md, "Observability").
    #[arg(long, env = "MENTORAT_LOG_FORMAT", value_enum, default_value_t)]
    pub log_format: crate::observability::logging::LogFormat,

    /// Mark every cookie `Secure`, name the session cookie `__Host-…` and
    /// send HSTS. Default: on when the public URL is https; turning it off
    /// with an https public URL is refused at start.
    #[arg(
        long,
        env = "MENTORAT_SECURE_COOKIES",
        num_args = 0..=1,
        default_missing_value = "true"
    )]
    pub secure_cookies: Option<bool>,

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

    /// A session ends this many days after its sign-in, however busy.
    #[arg(long, env = "MENTORAT_SESSION_LIFETIME_DAYS", default_value_t = crate::session_rules::DEFAULT_SESSION_LIFETIME_DAYS)]
    pub session_lifetime_days: i64,

    /// Requests per minute one network address may make at each door open
    /// without signing in (sign-in, registration, forgotten password,
    /// application, applicant's link); more are answered 429.
    #[arg(long, env = "MENTORAT_RATE_LIMIT_PER_CLIENT", default_value_t = 30)]
    pub rate_limit_per_client: u32,

    /// Requests per minute at each of those doors from everyone together.
    #[arg(long, env = "MENTORAT_RATE_LIMIT_OVERALL", default_value_t = 600)]
    pub rate_limit_overall: u32,

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

    /// `normal`: a commit survives a crash of the process; `full`: also a
    /// power loss (an fsync per commit). See docs/RELIABILITY.md.
    #[arg(long, env = "MENTORAT_DURABILITY", value_enum, default_value_t = crate::db::Durability::Normal)]
    pub durability: crate::db::Durability,

    /// A folder for the server's own daily backups (`server backup`, made
    /// while it runs, no cron needed). Off when not set.
    #[arg(long, env = "MENTORAT_BACKUP_DIR")]
    pub backup_dir: Option<PathBuf>,

    /// How many daily backups the folder keeps (the oldest go).
    #[arg(long, env = "MENTORAT_BACKUP_KEEP", default_value_t = DEFAULT_BACKUP_KEEP)]
    pub backup_keep: usize,

    /// Serves `/metrics` (Prometheus text format) to a scraper sending
    /// `Authorization: Bearer <this token>`; no `/metrics` when not set.
    /// At least 16 characters.
    #[arg(long, env = "MENTORAT_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
}

/// The shortest metrics token accepted: a scraper's secret, not a password
/// a person types.
pub const MIN_METRICS_TOKEN_LENGTH: usize = 16;

/// Daily backups kept by default: a week.
pub const DEFAULT_BACKUP_KEEP: usize = 7;

impl Config {
    /// The defaults, on another database file: for tests and tools.
    pub fn for_database(database_path: PathBuf) -> Self {
        Config {
            database_path,
            addr: None,
            log: DEFAULT_LOG_FILTER.to_owned(),
            log_format: crate::observability::logging::LogFormat::Text,
            secure_cookies: None,
            demo_data: false,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            public_url: None,
            session_idle_minutes: DEFAULT_SESSION_IDLE_MINUTES,
            session_lifetime_days: crate::session_rules::DEFAULT_SESSION_LIFETIME_DAYS,
            rate_limit_per_client: 30,
            rate_limit_overall: 600,
            trust_proxy: false,
            smtp_url: None,
            mail_from: DEFAULT_MAIL_FROM.to_owned(),
            durability: crate::db::Durability::Normal,
            backup_dir: None,
            backup_keep: DEFAULT_BACKUP_KEEP,
            metrics_token: None,
        }
    }

    /// Whether cookies are `Secure` (and HSTS sent): as set, or else whether
    /// the public URL is https.
    pub fn cookies_secure(&self) -> bool {
        self.secure_cookies
            .unwrap_or_else(|| self.public_url.as_ref().is_some_and(is_https))
    }

    /// Settings refused before serving: an https site whose session cookie
    /// would also travel over plain http, the demo's published accounts on a
    /// real (https) site, emails with working links sent unencrypted.
    pub fn contradiction(&self) -> Option<&'static str> {
        let https = self.public_url.as_ref().is_some_and(is_https);
        if https && self.secure_cookies == Some(false) {
            return Some(
                "MENTORAT_PUBLIC_URL is https but MENTORAT_SECURE_COOKIES is false: \
                 the session cookie would also travel unencrypted; remove the setting or set it to true",
            );
        }
        if https && self.demo_data {
            return Some(
                "MENTORAT_DEMO_DATA with an https MENTORAT_PUBLIC_URL: the demo accounts' \
                 passwords are published in the README; never load them on a real site",
            );
        }
        if self.smtp_url.as_deref().is_some_and(is_plain_remote_smtp) {
            return Some(
                "MENTORAT_SMTP_URL is a plain smtp:// server on another machine: emails carry \
                 working links and the password; use smtps://, or smtp://…?tls=required",
            );
        }
        if self
            .metrics_token
            .as_ref()
            .is_some_and(|token| token.chars().count() < MIN_METRICS_TOKEN_LENGTH)
        {
            return Some(
                "MENTORAT_METRICS_TOKEN is shorter than 16 characters: it is all that keeps \
                 /metrics private; use a long random value (e.g. openssl rand -hex 32)",
            );
        }
        None
    }

    /// The public address for links, without a trailing slash.
    pub fn public_url_or(&self, listening: std::net::SocketAddr) -> String {
        match &self.public_url {
            Some(url) => url.as_str().trim_end_matches('/').to_owned(),
            None => format!("http://{listening}"),
        }
    }
}

fn is_https(url: &url::Url) -> bool {
    url.scheme() == "https"
}

/// An `smtp://` URL without required TLS, to a host other than this machine.
fn is_plain_remote_smtp(smtp_url: &str) -> bool {
    let Ok(url) = url::Url::parse(smtp_url) else {
        return false;
    };
    let tls_required = url
        .query_pairs()
        .any(|(key, value)| key == "tls" && value == "required");
    // `smtp:` is not a special scheme: its host comes back as a name, even
    // an address.
    let local = match url.host() {
        Some(url::Host::Domain(name)) => {
            name == "localhost"
                || name
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|address| address.is_loopback())
        }
        Some(url::Host::Ipv4(address)) => address.is_loopback(),
        Some(url::Host::Ipv6(address)) => address.is_loopback(),
        None => false,
    };
    url.scheme() == "smtp" && !tls_required && !local
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

    #[test]
    fn cookies_are_secure_by_default_behind_https_and_cannot_be_made_insecure_there() {
        let with = |url: Option<&str>, secure: Option<bool>| Config {
            public_url: url.map(|text| parse_public_url(text).expect("a valid address")),
            secure_cookies: secure,
            ..Config::for_database(PathBuf::from("x.sqlite3"))
        };
        let https = Some("https://mentorat.example.org");
        assert!(with(https, None).cookies_secure());
        assert!(with(https, None).contradiction().is_none());
        assert!(with(https, Some(false)).contradiction().is_some());
        assert!(!with(Some("http://127.0.0.1:3000"), None).cookies_secure());
        assert!(!with(None, None).cookies_secure());
        assert!(with(None, Some(true)).cookies_secure());
        assert!(with(None, Some(false)).contradiction().is_none());
    }

    #[test]
    fn demo_accounts_and_plain_remote_smtp_are_refused_at_start() {
        let base = || Config::for_database(PathBuf::from("x.sqlite3"));
        let demo_on_https = Config {
            demo_data: true,
            public_url: Some(parse_public_url("https://mentorat.example.org").expect("valid")),
            ..base()
        };
        assert!(demo_on_https.contradiction().is_some());
        assert!(Config {
            demo_data: true,
            ..base()
        }
        .contradiction()
        .is_none());
        let smtp = |url: &str| Config {
            smtp_url: Some(url.to_owned()),
            ..base()
        };
        assert!(smtp("smtp://smtp.example.org:25").contradiction().is_some());
        assert!(smtp("smtp://smtp.example.org:587?tls=required")
            .contradiction()
            .is_none());
        assert!(smtp("smtps://user:pw@smtp.example.org")
            .contradiction()
            .is_none());
        assert!(smtp("smtp://127.0.0.1:2525").contradiction().is_none());
        assert!(smtp("smtp://localhost:25").contradiction().is_none());
    }
}
