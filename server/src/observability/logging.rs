//! The log's format, and the span that carries a request's id into the
//! tasks Leptos spawns for a page's data.
use tracing::Instrument as _;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::util::SubscriberInitExt as _;
use tracing_subscriber::EnvFilter;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// For a person reading a terminal.
    #[default]
    Text,
    /// One JSON object per line, for a log collector: the event's fields at
    /// the top level, its spans, outermost first, under `spans` (the
    /// request's first: `request_id`, `method`, `path`).
    Json,
}

/// Installs the process's log: `RUST_LOG` when set, else `filter`.
pub fn init(filter: &str, format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    match format {
        LogFormat::Text => tracing_subscriber::fmt().with_env_filter(filter).init(),
        LogFormat::Json => json_subscriber(filter, std::io::stdout).init(),
    }
}

/// The JSON log, writing to `writer` (standard output, or a test's buffer).
pub fn json_subscriber<W>(filter: EnvFilter, writer: W) -> impl tracing::Subscriber + Send + Sync
where
    W: for<'writer> MakeWriter<'writer> + Send + Sync + 'static,
{
    tracing_subscriber::fmt()
        .json()
        .flatten_event(true)
        .with_current_span(false)
        .with_span_list(true)
        .with_writer(writer)
        .with_env_filter(filter)
        .finish()
}

/// Leptos loads a page's data in tasks it spawns: spawned as tokio would,
/// but inside the span current at the spawn (the request's), so that the
/// lines they log name the request too. The first call in a process wins
/// (the tests build many routers); Leptos's own tokio executor then stays unset.
pub fn keep_request_span_in_spawned_tasks() {
    struct SpanKeepingTokio;
    impl any_spawner::CustomExecutor for SpanKeepingTokio {
        fn spawn(&self, task: any_spawner::PinnedFuture<()>) {
            tokio::spawn(task.in_current_span());
        }
        fn spawn_local(&self, task: any_spawner::PinnedLocalFuture<()>) {
            tokio::task::spawn_local(task.in_current_span());
        }
        fn poll_local(&self) {}
    }
    // Already set: by an earlier router of this process, which set this one.
    let _ = any_spawner::Executor::init_custom_executor(SpanKeepingTokio);
}
