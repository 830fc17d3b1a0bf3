//! Mentorat's server: configuration, database, and the axum router shared by
//! `main` and the integration tests.
pub mod config;
pub mod db;
pub mod demo;
mod http_layers;
mod probes;

use axum::extract::FromRef;
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use sqlx::SqlitePool;
use std::sync::OnceLock;

pub use config::Config;

/// What every handler can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: SqlitePool,
    pub config: std::sync::Arc<Config>,
}

/// The whole HTTP surface: pages, server functions, probes, static files, 404.
pub fn build_router(state: AppState) -> Router {
    let routes = route_list();
    let pool = state.pool.clone();
    let provide_server_context = move || provide_context(pool.clone());
    let max_body_bytes = state.config.max_body_bytes;
    let secure_cookies = state.config.secure_cookies;

    let router = Router::new()
        .route("/healthz", get(probes::healthz))
        .route("/livez", get(probes::livez))
        .leptos_routes_with_context(&state, routes, provide_server_context.clone(), {
            let options = state.leptos_options.clone();
            move || app::shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(provide_server_context, app::shell))
        .with_state(state);
    let router = if secure_cookies {
        router.layer(axum::middleware::map_response(http_layers::secure_cookies))
    } else {
        router
    };
    router
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            max_body_bytes,
        ))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(tower_http::trace::TraceLayer::new_for_http())
}

/// The app's routes, generated once per process.
///
/// Generating them renders the app with resource loading switched off through a
/// process-wide flag (leptos_server's `SuppressResourceLoad`): a page rendered on
/// another thread meanwhile would wait forever for its data (leptos issue #4773).
/// So it happens once, before anything is served, and never again.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// Leptos options for running outside cargo-leptos (tests, tools): the same
/// output name and the default site folder.
pub fn default_leptos_options() -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root("target/site")
        .build()
}
