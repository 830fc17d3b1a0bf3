//! How browsers keep the app's script, WebAssembly and style sheet (`/pkg/`).
//! cargo-leptos writes them precompressed (`--precompress`: brotli at its
//! best level and gzip, next to each file) and they are served as the browser
//! accepts them, so nothing is compressed per request. With `hash-files`
//! (the workspace's Cargo.toml), each name carries its content's hash, listed
//! in `hash.txt` beside the server's executable: such a file never changes,
//! so browsers keep it a year without asking (`immutable`), and a new release
//! is new names. A file without a hash in its name (a build without
//! `hash-files`) is asked again each time (`no-cache`): an unchanged file
//! answers 304 without its body, and a new release is never mixed with an
//! old WebAssembly.
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

/// Whether this server's build named the `/pkg/` files by their content
/// (cargo-leptos's `hash-files`): its `hash.txt` is beside the executable.
/// Leptos's scripts and style sheet links then read the names from it.
pub fn names_are_hashed(options: &LeptosOptions) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
        .is_some_and(|hash_file| hash_file.is_file())
}

/// What the cache policy of `/pkg/` needs to know.
#[derive(Clone)]
pub struct PkgCaching {
    /// `/pkg/`.
    pub prefix: String,
    /// Whether the build named the files by their content (see [`names_are_hashed`]).
    pub hashed_names: bool,
}

/// A year: what browsers may keep a file whose name is its content's hash.
const FOREVER: &str = "public, max-age=31536000, immutable";

/// Adds `Cache-Control` to the answers under `/pkg/` that do not say
/// otherwise: kept a year when the name carries the content's hash, else
/// asked again each time.
pub async fn cache_policy(
    State(caching): State<PkgCaching>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let is_static = path.starts_with(&caching.prefix);
    let forever = is_static && caching.hashed_names && has_content_hash(path);
    let mut response = next.run(request).await;
    if is_static && !response.headers().contains_key(header::CACHE_CONTROL) {
        // A 304 says the same as the 200 it confirms, or the browser would
        // replace its year with `no-cache`.
        let kept = response.status().is_success()
            || response.status() == axum::http::StatusCode::NOT_MODIFIED;
        let policy = if forever && kept { FOREVER } else { "no-cache" };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

/// Whether a file's name carries cargo-leptos's content hash, as
/// `mentorat.<hash>.wasm`: MD5 in unpadded URL-safe base64, 22 characters
/// (the unhashed chunk loader's placeholder, 22 `_`, is not one).
pub fn has_content_hash(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let mut parts = name.rsplit('.');
    let (Some(_extension), Some(hash), Some(_stem)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    hash.len() == 22
        && hash
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
        && hash.bytes().any(|byte| byte != b'_')
}

#[cfg(test)]
mod tests {
    use super::has_content_hash;

    #[test]
    fn only_names_with_a_content_hash_are_kept_forever() {
        assert!(has_content_hash(
            "/pkg/mentorat.Xf3kz9Q0aB-_c1D2e3F4gH.wasm"
        ));
        assert!(has_content_hash(
            "/pkg/__wasm_split.Xf3kz9Q0aB-_c1D2e3F4gH.js"
        ));
        assert!(!has_content_hash("/pkg/mentorat.wasm"), "no hash");
        assert!(
            !has_content_hash("/pkg/__wasm_split.______________________.js"),
            "the placeholder"
        );
        assert!(
            !has_content_hash("/pkg/mentorat.short.css"),
            "not 22 characters"
        );
        assert!(
            !has_content_hash("/pkg/mentorat.Xf3kz9Q0aB+/c1D2e3F4gH.css"),
            "not URL-safe"
        );
    }
}
