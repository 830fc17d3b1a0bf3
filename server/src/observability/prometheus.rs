//! `/metrics` in the Prometheus text format: requests by route and status,
//! their latency, the database pool, the outbox's queue and the background
//! tasks' runs. Served only when `MENTORAT_METRICS_TOKEN` is set, and only
//! to a scraper that sends it (`Authorization: Bearer <token>`).
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::extract::State;
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sqlx::SqlitePool;

/// Requests answered, by `method`, `route` (the pattern) and `status`.
pub const REQUESTS: &str = "mentorat_http_requests_total";
/// Seconds from the request to the response's last byte, by `method` and `route`.
pub const DURATION: &str = "mentorat_http_request_duration_seconds";
/// Connections of the database pool, by `state` (`in_use`, `idle`).
pub const POOL_CONNECTIONS: &str = "mentorat_db_pool_connections";
/// The pool's ceiling.
pub const POOL_MAX: &str = "mentorat_db_pool_max_connections";
/// Emails in the outbox not sent, by `state` (`waiting`: still to be
/// tried; `given_up`: after the last attempt, until a coordinator sends them again).
pub const OUTBOX: &str = "mentorat_outbox_emails";
/// Runs of each background task, by `task` and `outcome` (`ok`, `error`).
pub const BACKGROUND_RUNS: &str = "mentorat_background_runs_total";

/// The background tasks, as `BACKGROUND_RUNS` names them.
pub const TASKS: [&str; 6] = [
    "weekly_digests",
    "questionnaires",
    "meeting_reminders",
    "retention",
    "backup",
    "email_delivery",
];

/// From 5 ms to 10 s: a page answers in milliseconds, a slow export in seconds.
const BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The process's recorder, installed on first use; `None` if another
/// recorder was installed first (never, in this program).
pub fn recorder() -> Option<PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let installed = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full(DURATION.to_owned()), &BUCKETS)
                .and_then(PrometheusBuilder::install_recorder);
            match installed {
                Ok(handle) => {
                    // Every task's series from zero: a rate is defined
                    // before the first run.
                    for task in TASKS {
                        for outcome in ["ok", "error"] {
                            metrics::counter!(BACKGROUND_RUNS, "task" => task, "outcome" => outcome)
                                .absolute(0);
                        }
                    }
                    Some(handle)
                }
                Err(error) => {
                    tracing::error!(%error, "metrics off: the Prometheus recorder cannot be installed");
                    None
                }
            }
        })
        .clone()
}

/// Counts and times one request (a no-op until the recorder is installed).
pub fn record_request(method: &Method, route: &str, status: u16, elapsed: Duration) {
    metrics::counter!(
        REQUESTS,
        "method" => method.as_str().to_owned(),
        "route" => route.to_owned(),
        "status" => status.to_string(),
    )
    .increment(1);
    metrics::histogram!(
        DURATION,
        "method" => method.as_str().to_owned(),
        "route" => route.to_owned(),
    )
    .record(elapsed.as_secs_f64());
}

/// Counts one run of a background task.
pub fn record_background_run(task: &'static str, succeeded: bool) {
    let outcome = if succeeded { "ok" } else { "error" };
    metrics::counter!(BACKGROUND_RUNS, "task" => task, "outcome" => outcome).increment(1);
}

/// What the route needs.
#[derive(Clone)]
pub struct MetricsRoute {
    pub handle: PrometheusHandle,
    pub token: Arc<str>,
    pub pool: SqlitePool,
}

/// `GET /metrics`: 401 without the token; else the figures, the pool's and
/// the outbox's read at this moment.
pub async fn serve_metrics(State(route): State<MetricsRoute>, headers: HeaderMap) -> Response {
    if !bearer_matches(&headers, &route.token) {
        return (StatusCode::UNAUTHORIZED, [(WWW_AUTHENTICATE, "Bearer")]).into_response();
    }
    sample_gauges(&route.pool).await;
    route.handle.run_upkeep();
    (
        [
            (CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"),
            (CACHE_CONTROL, "no-store"),
        ],
        route.handle.render(),
    )
        .into_response()
}

async fn sample_gauges(pool: &SqlitePool) {
    let open = f64::from(pool.size());
    let idle = u32::try_from(pool.num_idle()).map_or(open, f64::from);
    metrics::gauge!(POOL_CONNECTIONS, "state" => "in_use").set((open - idle).max(0.0));
    metrics::gauge!(POOL_CONNECTIONS, "state" => "idle").set(idle);
    metrics::gauge!(POOL_MAX).set(f64::from(pool.options().get_max_connections()));
    let counts = tokio::try_join!(
        app::outbox::repo::count_unsent(pool),
        app::outbox::repo::count_failed(pool)
    );
    match counts {
        Ok((unsent, given_up)) => {
            metrics::gauge!(OUTBOX, "state" => "waiting").set(as_gauge(unsent - given_up));
            metrics::gauge!(OUTBOX, "state" => "given_up").set(as_gauge(given_up));
        }
        Err(error) => tracing::error!(%error, "metrics: the outbox cannot be counted"),
    }
}

/// A count as a gauge's value (counts stay far below 2^53).
#[allow(clippy::cast_precision_loss)]
fn as_gauge(count: i64) -> f64 {
    count.max(0) as f64
}

/// Whether the request carries `Bearer <token>`, compared in a time that
/// does not depend on where the first difference is.
fn bearer_matches(headers: &HeaderMap, token: &str) -> bool {
    let Some(sent) = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
    else {
        return false;
    };
    sent.len() == token.len()
        && sent
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |differences, (a, b)| differences | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with_authorization(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            AUTHORIZATION,
            HeaderValue::from_str(value).expect("a header value"),
        );
        headers
    }

    #[test]
    fn only_the_exact_bearer_token_opens_the_figures() {
        let token = "a-long-scraper-token";
        assert!(bearer_matches(
            &with_authorization("Bearer a-long-scraper-token"),
            token
        ));
        assert!(!bearer_matches(
            &with_authorization("Bearer a-long-scraper-tokem"),
            token
        ));
        assert!(!bearer_matches(
            &with_authorization("Bearer a-long-scraper"),
            token
        ));
        assert!(!bearer_matches(
            &with_authorization("a-long-scraper-token"),
            token
        ));
        assert!(!bearer_matches(&HeaderMap::new(), token));
    }
}
