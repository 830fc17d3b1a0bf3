//! Mentorat's server: configuration, database, and the axum router shared by
//! `main` and the integration tests.
pub mod accounts_cli;
pub mod background;
pub mod backup;
mod calendar_files;
pub mod config;
mod data_download;
pub mod db;
pub mod demo;
mod demo_follow_up;
mod demo_program;
mod demo_workspace;
mod export_files;
mod form_echo;
mod http_layers;
pub mod large_demo;
pub mod mailer;
pub mod observability;
mod page_cache;
mod probes;
pub mod security;
mod server_fn_status;
mod session_refresh;
pub mod session_rules;
pub mod static_files;

use app::accounts::session::Backend;
use app::server_context::ServerSettings;
use axum::extract::FromRef;
use axum::middleware;
use axum::routing::get;
use axum::Router;
use axum_login::{AuthManagerLayer, AuthManagerLayerBuilder};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use sqlx::SqlitePool;
use std::sync::{Arc, OnceLock};
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::SqliteStore;

/// The session cookie's name over plain http (development, tests).
pub const SESSION_COOKIE: &str = "mentorat_session";
/// The session cookie's name with secure cookies: the `__Host-` prefix makes
/// the browser refuse it unless it is `Secure`, for this host only and the
/// whole site (no subdomain or plain-http page can plant or overwrite it).
pub const SECURE_SESSION_COOKIE: &str = "__Host-mentorat_session";

/// A request path fit for the log: the token of an invitation or reset link
/// (`/invitation/<token>`) is replaced, since the link alone opens an account
/// (or, for `/register/confirm/<token>`, the account it creates; for `/application/<token>`, someone's application; for
/// `/calendar/<token>.ics`, someone's meetings; for `/act/<token>`, an answer
/// given in someone's name; for `/account/data/<token>`, someone's data).
fn redacted_path(path: &str) -> std::borrow::Cow<'_, str> {
    for prefix in [
        "/invitation/",
        "/register/confirm/",
        "/password/reset/",
        "/application/",
        "/calendar/",
        "/act/",
        "/account/data/",
    ] {
        if path.starts_with(prefix) && path.len() > prefix.len() {
            return format!("{prefix}[token]").into();
        }
    }
    path.into()
}

/// `https://host:port` of a URL (scheme and authority only; the default
/// port left out, as browsers send it in `Origin`).
fn origin_of(url: &str) -> String {
    url::Url::parse(url)
        .map(|url| url.origin().ascii_serialization())
        .unwrap_or_else(|_| url.to_owned())
}

pub use config::Config;

/// What every handler can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: SqlitePool,
    pub config: std::sync::Arc<Config>,
}

/// The whole HTTP surface: pages, server functions, probes, static files, 404.
///
/// Layers wrap what is above them, so a request meets the last one first:
/// trace, compression, body limit, security headers, same-origin writes,
/// (secure cookies), sessions and sign-in, the session's lifetime and
/// no-store, its idle expiry moved, typed values kept, kept pages,
/// server function status.
pub fn build_router(state: AppState) -> Router {
    observability::logging::keep_request_span_in_spawned_tasks();
    let listening = state.config.addr.unwrap_or(state.leptos_options.site_addr);
    let public_url = state.config.public_url_or(listening);
    let config = state.config.clone();
    let security = security_settings(&state, &public_url);
    let auth_layer = auth_layer(&state);
    let open = open_routes(&state);
    let router = file_routes(&state, &public_url);
    let page_cache = page_cache::PageCache::new(state.pool.clone());
    let pool_for_rules = state.pool.clone();
    let router = page_routes(router, state, public_url)
        .layer(middleware::from_fn(
            server_fn_status::server_fn_error_status,
        ))
        .layer(middleware::from_fn_with_state(
            page_cache,
            page_cache::serve_kept_pages,
        ))
        .layer(middleware::from_fn_with_state(
            config.max_body_bytes,
            form_echo::keep_typed_values,
        ))
        .layer(middleware::from_fn(session_refresh::keep_alive))
        .layer(middleware::from_fn_with_state(
            session_rules::SessionRules {
                lifetime_seconds: config.session_lifetime_days.saturating_mul(24 * 3600),
                pool: pool_for_rules,
            },
            session_rules::session_rules,
        ))
        .layer(auth_layer)
        .merge(open);
    let router = if config.cookies_secure() {
        router.layer(middleware::map_response(http_layers::secure_cookies))
    } else {
        router
    };
    let request_ids = observability::request_id::RequestIds {
        trust_proxy: config.trust_proxy,
    };
    outer_layers(router, security, config.max_body_bytes, request_ids)
}

/// What the same-origin and header checks need: the public origin, whether a
/// proxy is trusted, and the dev reload socket under `cargo leptos watch`.
fn security_settings(state: &AppState, public_url: &str) -> Arc<security::SecuritySettings> {
    Arc::new(security::SecuritySettings {
        public_origin: origin_of(public_url),
        trust_proxy: state.config.trust_proxy,
        // `cargo leptos watch` sets LEPTOS_WATCH=true; its page script reloads through a socket.
        dev_reload_socket: std::env::var("LEPTOS_WATCH")
            .ok()
            .filter(|watch| watch == "true")
            .map(|_| {
                format!(
                    "ws://{}:{}",
                    state.leptos_options.site_addr.ip(),
                    state.leptos_options.reload_port
                )
            }),
    })
}

/// Sessions in the database (cookie `SESSION_COOKIE`, expiring after idle
/// time) and the signed-in person on top of them.
fn auth_layer(state: &AppState) -> AuthManagerLayer<Backend, SqliteStore> {
    let secure = state.config.cookies_secure();
    let session_layer = SessionManagerLayer::new(SqliteStore::new(state.pool.clone()))
        .with_name(if secure {
            SECURE_SESSION_COOKIE
        } else {
            SESSION_COOKIE
        })
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_secure(secure)
        // Saved when it changes; `session_refresh` moves the idle expiry
        // forward once a minute (not a write on every request).
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
            state.config.session_idle_minutes,
        )));
    AuthManagerLayerBuilder::new(Backend::new(state.pool.clone()), session_layer).build()
}

/// Routes that never read a session, outside the sign-in layer (a browser
/// sends its cookie with every script and style sheet): probes, the
/// metrics when a token is set, and the static files (precompressed, named
/// by their content and kept: `static_files`).
fn open_routes(state: &AppState) -> Router {
    let pkg = format!("/{}", state.leptos_options.site_pkg_dir);
    let metrics = state
        .config
        .metrics_token
        .as_ref()
        .and_then(|token| Some((token, observability::prometheus::recorder()?)));
    let router = match metrics {
        Some((token, handle)) => Router::new().route(
            "/metrics",
            get(observability::prometheus::serve_metrics).with_state(
                observability::prometheus::MetricsRoute {
                    handle,
                    token: token.as_str().into(),
                    pool: state.pool.clone(),
                },
            ),
        ),
        None => Router::new(),
    };
    router
        .route("/healthz", get(probes::healthz))
        .route("/livez", get(probes::livez))
        .nest_service(&pkg, static_files::pkg_files(&state.leptos_options))
        .layer(middleware::from_fn_with_state(
            static_files::PkgCaching {
                prefix: format!("{pkg}/"),
                hashed_names: state.leptos_options.hash_files,
            },
            static_files::cache_policy,
        ))
        .with_state(state.clone())
}

/// Routes outside the app's pages: calendar files, cohort exports and a
/// person's download of their data.
fn file_routes(state: &AppState, public_url: &str) -> Router<AppState> {
    let calendar = calendar_files::CalendarState {
        pool: state.pool.clone(),
        public_url: public_url.to_owned(),
    };
    Router::new()
        .route(
            "/meetings/{file}",
            get(calendar_files::meeting).with_state(calendar.clone()),
        )
        .route(
            "/calendar/{file}",
            get(calendar_files::feed).with_state(calendar),
        )
        .route(
            "/coordinator/exports/{cohort}/{file}",
            get(export_files::cohort_export),
        )
        .route("/account/data/{token}", get(data_download::my_data))
}

/// The app's pages and server functions, then the site's other files and
/// 404, with the pool, server settings and
/// the board's cache in their context.
fn page_routes(router: Router<AppState>, state: AppState, public_url: String) -> Router {
    let pool = state.pool.clone();
    let server_settings = ServerSettings {
        public_url,
        smtp_configured: state.config.smtp_url.is_some(),
        session_idle_minutes: state.config.session_idle_minutes,
        session_lifetime_days: state.config.session_lifetime_days,
        secure_cookies: state.config.cookies_secure(),
    };
    // One per router: the board's loaded cohorts of this database, and the
    // counts of the doors open without signing in.
    let board_cache = app::board::cache::BoardCache::default();
    let rate_limiter = Arc::new(app::accounts::rate_limit::RateLimiter::new(
        app::accounts::rate_limit::Limits {
            per_client: state.config.rate_limit_per_client,
            overall: state.config.rate_limit_overall,
        },
    ));
    let provide_server_context = move || {
        provide_context(pool.clone());
        provide_context(server_settings.clone());
        provide_context(board_cache.clone());
        provide_context(rate_limiter.clone());
    };
    router
        .leptos_routes_with_context(&state, route_list(), provide_server_context.clone(), {
            let options = state.leptos_options.clone();
            move || app::shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(provide_server_context, app::shell))
        .with_state(state)
}

/// The layers every request meets first, outermost last: same-origin writes,
/// security headers, body limit, compression, and the request's id, span
/// (with link tokens redacted) and figures.
fn outer_layers(
    router: Router,
    security: Arc<security::SecuritySettings>,
    max_body_bytes: usize,
    request_ids: observability::request_id::RequestIds,
) -> Router {
    router
        .layer(middleware::from_fn_with_state(
            security.clone(),
            security::same_origin_writes,
        ))
        .layer(middleware::from_fn_with_state(
            security,
            security::security_headers,
        ))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            max_body_bytes,
        ))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            request_ids,
            observability::request_id::observe,
        ))
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

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn link_tokens_never_reach_the_log() {
        assert_eq!(
            super::redacted_path("/invitation/abc123"),
            "/invitation/[token]"
        );
        assert_eq!(
            super::redacted_path("/password/reset/abc"),
            "/password/reset/[token]"
        );
        assert_eq!(
            super::redacted_path("/calendar/abc.ics"),
            "/calendar/[token]"
        );
        assert_eq!(super::redacted_path("/act/abc"), "/act/[token]");
        assert_eq!(
            super::redacted_path("/register/confirm/abc"),
            "/register/confirm/[token]"
        );
        assert_eq!(
            super::redacted_path("/coordinator/people"),
            "/coordinator/people"
        );
    }

    #[test]
    fn the_origin_is_scheme_and_authority() {
        assert_eq!(
            origin_of("https://mentorat.example.org/"),
            "https://mentorat.example.org"
        );
        assert_eq!(origin_of("http://127.0.0.1:3000"), "http://127.0.0.1:3000");
        assert_eq!(origin_of("https://x.example/sub/path"), "https://x.example");
    }
}
