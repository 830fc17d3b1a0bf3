//! How browsers keep the app's script, WebAssembly and style sheet (`/pkg/`).
//! cargo-leptos writes them precompressed (`--precompress`: brotli at its
//! best level and gzip, next to each file) and they are served as the browser
//! accepts them, so nothing is compressed per request. Their names do
//! not change from one release to the next, so browsers must ask again each
//! time (`no-cache`): an unchanged file answers 304 without its body, and a
//! new release is never mixed with an old WebAssembly.
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::LeptosOptions;
use tower_http::services::ServeDir;

/// The files of `site_root/site_pkg_dir`, each in its precompressed variant
/// when the browser accepts it, answering `If-Modified-Since` with 304
/// (leptos_axum's own file handler drops that header).
pub fn pkg_files(options: &LeptosOptions) -> ServeDir {
    ServeDir::new(format!("{}/{}", options.site_root, options.site_pkg_dir))
        .precompressed_br()
        .precompressed_gzip()
}

/// Adds `Cache-Control: no-cache` to the answers under `prefix` (`/pkg/`)
/// that do not say otherwise.
pub async fn cache_policy(State(prefix): State<String>, request: Request, next: Next) -> Response {
    let is_static = request.uri().path().starts_with(&prefix);
    let mut response = next.run(request).await;
    if is_static && !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    response
}
