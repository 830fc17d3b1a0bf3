//! `server` — runs Mentorat, or one of its maintenance commands.
use std::process::ExitCode;
use std::sync::Arc;

use axum::serve::ListenerExt;
use clap::{Parser, Subcommand};
use leptos::config::get_configuration;
use server::accounts_cli::{self, CreateCoordinatorError};
use server::{build_router, db, demo, large_demo, mailer, AppState, Config};

/// mimalloc: see the workspace's Cargo.toml (the glibc allocator's locks under load).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "server",
    version,
    about = "Mentorat: a mentoring program, end to end"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    config: Config,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the app (the default).
    Serve,
    /// Create or upgrade the database, then exit.
    Migrate,
    /// Load the demo program into the database, then exit (safe to run twice).
    DemoData,
    /// Load a large synthetic cohort (Démo à grande échelle) to try the
    /// matching board at scale, then exit (safe to run twice).
    LargeDemo {
        #[arg(long, default_value_t = 5000)]
        mentees: u64,
        #[arg(long, default_value_t = 1000)]
        mentors: u64,
    },
    /// Copy the database into FILE (the server may be running), check the
    /// copy, print its size and how long it took, then exit.
    Backup {
        /// The new backup file (never overwritten).
        file: std::path::PathBuf,
    },
    /// Put the backup FILE in place of the database, then exit: refused if
    /// the file fails its checks or comes from a newer version; the current
    /// file is kept aside. Stop the server first.
    Restore {
        /// The backup to restore.
        file: std::path::PathBuf,
    },
    /// Create a coordinator account (the first one, typically), then exit.
    /// The password comes from MENTORAT_COORDINATOR_PASSWORD or is asked twice.
    CreateCoordinator {
        /// Their email address (their sign-in).
        #[arg(long)]
        email: String,
        /// Their name as others see it.
        #[arg(long)]
        name: String,
        /// Their language: fr or en.
        #[arg(long, default_value = "fr")]
        locale: String,
    },
}

#[derive(Debug, thiserror::Error)]
enum StartError {
    #[error("settings refused: {0}")]
    Settings(&'static str),
    #[error("invalid Leptos configuration: {0}")]
    Leptos(#[from] leptos::config::errors::LeptosConfigError),
    #[error(transparent)]
    Database(#[from] db::DbError),
    #[error("cannot load the demo data: {0}")]
    Demo(#[from] sqlx::Error),
    #[error("cannot create the coordinator: {0}")]
    Coordinator(#[from] CreateCoordinatorError),
    #[error(transparent)]
    Backup(#[from] server::backup::BackupError),
    #[error("cannot set up email delivery: {0}")]
    Mailer(#[from] mailer::MailerError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("the server stopped with an error: {0}")]
    Serve(std::io::Error),
}

#[tokio::main]
async fn main() -> ExitCode {
    // A `.env` file, when present, fills in variables the environment does not set.
    let dotenv = dotenvy::dotenv();
    let cli = Cli::parse();
    server::observability::logging::init(&cli.config.log, cli.config.log_format);
    if let Err(error) = dotenv {
        if !error.not_found() {
            tracing::warn!(%error, "ignoring an unreadable .env file");
        }
    }
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "mentorat stopped");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), StartError> {
    let config = cli.config;
    if let Some(problem) = config.contradiction() {
        return Err(StartError::Settings(problem));
    }
    let command = cli.command.unwrap_or(Command::Serve);
    // A restore replaces the file before anything opens it.
    if let Command::Restore { file } = &command {
        let restored =
            server::backup::restore(&config.database_path, file, chrono::Utc::now()).await?;
        tracing::info!(
            database = %config.database_path.display(),
            kept_aside = %restored
                .kept_aside
                .as_deref()
                .map_or_else(|| "(no database before)".to_owned(), |path| path.display().to_string()),
            migrations = restored.checked.migrations,
            "backup restored"
        );
    }
    let pool = db::connect_and_migrate_with(&config.database_path, config.durability).await?;
    tracing::info!(database = %config.database_path.display(), "database ready");

    match command {
        // Restored above; opening it brought an older backup's schema up to date.
        Command::Migrate | Command::Restore { .. } => {}
        Command::Backup { file } => {
            let made = server::backup::make(&pool, &file).await?;
            tracing::info!(
                file = %made.path.display(),
                bytes = made.bytes,
                milliseconds = u64::try_from(made.duration.as_millis()).unwrap_or(u64::MAX),
                migrations = made.checked.migrations,
                "backup made and checked (integrity ok)"
            );
        }
        Command::DemoData => {
            demo::load_demo_data(&pool).await?;
        }
        Command::LargeDemo { mentees, mentors } => {
            large_demo::load_large_cohort(&pool, mentees, mentors).await?;
        }
        Command::CreateCoordinator {
            email,
            name,
            locale,
        } => {
            let password = accounts_cli::read_password()?;
            let id =
                accounts_cli::create_coordinator(&pool, &email, &name, &locale, password).await?;
            tracing::info!(account = id, %email, "coordinator created: sign in at /login");
        }
        Command::Serve => {
            if config.demo_data {
                demo::load_demo_data(&pool).await?;
            }
            serve(config, pool.clone()).await?;
        }
    }
    pool.close().await;
    Ok(())
}

async fn serve(config: Config, pool: sqlx::SqlitePool) -> Result<(), StartError> {
    let mut leptos_options = get_configuration(None)?.leptos_options;
    if leptos_options.output_name.is_empty() {
        leptos_options.output_name = app::OUTPUT_NAME.into();
    }
    // The files' names carry their hash when the build says so, however the
    // server was started (cargo-leptos sets LEPTOS_HASH_FILES, a direct start
    // does not): the pages then name the files the build wrote.
    leptos_options.hash_files = server::static_files::names_are_hashed(&leptos_options);
    let addr = config.addr.unwrap_or(leptos_options.site_addr);
    server::background::spawn_all(&config, &pool, config.public_url_or(addr))?;
    let state = AppState {
        leptos_options,
        pool,
        config: Arc::new(config),
    };
    let router = build_router(state);

    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })?
        // Leptos streams HTML in chunks: without TCP_NODELAY each response
        // waits ~40 ms on Nagle's algorithm and delayed ACKs.
        .tap_io(|tcp| {
            if let Err(error) = tcp.set_nodelay(true) {
                tracing::debug!(%error, "cannot set TCP_NODELAY");
            }
        });
    tracing::info!("listening on http://{addr}");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(StartError::Serve)?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM: in-flight requests finish, then the server stops.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
