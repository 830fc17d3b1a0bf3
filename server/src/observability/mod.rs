//! What an operator sees of the running server: log lines as text or JSON
//! (`MENTORAT_LOG_FORMAT`), each naming the request it belongs to (its
//! `request_id`, also sent back as `X-Request-Id`), and `/metrics` in the
//! Prometheus text format when `MENTORAT_METRICS_TOKEN` is set.
pub mod logging;
pub mod prometheus;
pub mod request_id;
