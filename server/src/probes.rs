//! Probes for process supervisors and load balancers.
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use sqlx::SqlitePool;

#[derive(Serialize)]
pub struct Health {
    status: &'static str,
    database: &'static str,
}

/// Ready to serve: the process runs and the database answers. 503 otherwise.
pub async fn healthz(State(pool): State<SqlitePool>) -> (StatusCode, Json<Health>) {
    if crate::db::is_healthy(&pool).await {
        let health = Health {
            status: "ok",
            database: "ok",
        };
        (StatusCode::OK, Json(health))
    } else {
        tracing::warn!("health check: the database does not answer");
        let health = Health {
            status: "unavailable",
            database: "unreachable",
        };
        (StatusCode::SERVICE_UNAVAILABLE, Json(health))
    }
}

/// Alive: the process answers HTTP (touches nothing else).
pub async fn livez() -> &'static str {
    "ok"
}
