//! Defences around every request: security headers with a per-response CSP
//! nonce, the same-origin check on writes, and who the caller is on the network.
use std::net::SocketAddr;
use std::sync::Arc;

use app::server_context::{ClientAddress, CspNonce};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore as _;

/// What the security layers need to know.
#[derive(Debug, Clone)]
pub struct SecuritySettings {
    /// The site's own origin as people reach it (`https://mentorat.example.org`).
    pub public_origin: String,
    pub trust_proxy: bool,
    /// Extra `connect-src` for cargo-leptos's live-reload socket while developing.
    pub dev_reload_socket: Option<String>,
}

fn new_nonce() -> String {
    let mut bytes = [0_u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The Content-Security-Policy of a response whose inline scripts carry `nonce`.
/// `wasm-unsafe-eval` lets the page compile its WASM; nothing else is loosened.
pub fn content_security_policy(nonce: &str, dev_reload_socket: Option<&str>) -> String {
    let connect = match dev_reload_socket {
        Some(socket) => format!("'self' {socket}"),
        None => "'self'".to_owned(),
    };
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src {connect}; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Chooses the response's nonce (the shell gives it to Leptos's scripts) and sets
/// the security headers on every response.
pub async fn security_headers(
    State(settings): State<Arc<SecuritySettings>>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = new_nonce();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let address = client_address(&request, settings.trust_proxy);
    request.extensions_mut().insert(ClientAddress(address));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let policy = content_security_policy(&nonce, settings.dev_reload_socket.as_deref());
    if let Ok(value) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Same-origin: links in emails carry tokens in their path; no other site sees them.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    response
}

fn client_address(request: &Request, trust_proxy: bool) -> String {
    if trust_proxy {
        let forwarded = request
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .rfind(|entry| !entry.is_empty());
        if let Some(address) = forwarded {
            return address.to_owned();
        }
    }
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Refuses (403) a write whose `Origin` is another site: a second line behind
/// `SameSite=Lax` cookies against cross-site request forgery. Without `Origin`,
/// `Sec-Fetch-Site` decides; a request with neither is not from a browser.
pub async fn same_origin_writes(
    State(settings): State<Arc<SecuritySettings>>,
    request: Request,
    next: Next,
) -> Response {
    let is_write = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if is_write && !is_same_origin(request.headers(), &settings.public_origin) {
        tracing::warn!(
            origin = ?request.headers().get(header::ORIGIN),
            path = request.uri().path(),
            "cross-origin write refused"
        );
        return (StatusCode::FORBIDDEN, "cross-origin request refused").into_response();
    }
    next.run(request).await
}

fn is_same_origin(headers: &HeaderMap, public_origin: &str) -> bool {
    if let Some(origin) = headers.get(header::ORIGIN) {
        let Ok(origin) = origin.to_str() else {
            return false;
        };
        if origin.eq_ignore_ascii_case(public_origin) {
            return true;
        }
        // The site reached under another name (localhost for 127.0.0.1): the
        // origin must be that very host, with the site's own scheme: an http
        // page must not write to an https site.
        let scheme = public_origin.split("://").next().unwrap_or("https");
        let host = headers
            .get(header::HOST)
            .and_then(|host| host.to_str().ok());
        return host.is_some_and(|host| origin.eq_ignore_ascii_case(&format!("{scheme}://{host}")));
    }
    match headers
        .get("sec-fetch-site")
        .and_then(|value| value.to_str().ok())
    {
        Some(site) => matches!(site, "same-origin" | "none"),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn an_origin_must_be_the_site_itself() {
        let site = "https://mentorat.example.org";
        assert!(is_same_origin(
            &headers(&[("origin", "https://mentorat.example.org")]),
            site
        ));
        // Reached under another name, with the site's own scheme.
        assert!(is_same_origin(
            &headers(&[
                ("origin", "https://127.0.0.1:3000"),
                ("host", "127.0.0.1:3000")
            ]),
            site
        ));
        assert!(!is_same_origin(
            &headers(&[
                ("origin", "https://evil.example"),
                ("host", "mentorat.example.org")
            ]),
            site
        ));
        assert!(!is_same_origin(
            &headers(&[("origin", "null"), ("host", "x")]),
            site
        ));
    }

    #[test]
    fn the_scheme_counts_as_much_as_the_host() {
        // A plain-http page (a network attacker's, say) on the site's own name.
        assert!(!is_same_origin(
            &headers(&[
                ("origin", "http://mentorat.example.org"),
                ("host", "mentorat.example.org")
            ]),
            "https://mentorat.example.org"
        ));
        assert!(!is_same_origin(
            &headers(&[("origin", "http://mentorat.example.org")]),
            "https://mentorat.example.org"
        ));
        // A host that only starts like ours.
        assert!(!is_same_origin(
            &headers(&[
                ("origin", "http://127.0.0.1:3000.evil.example"),
                ("host", "127.0.0.1:3000")
            ]),
            "http://127.0.0.1:3000"
        ));
        assert!(is_same_origin(
            &headers(&[
                ("origin", "http://localhost:3000"),
                ("host", "localhost:3000")
            ]),
            "http://127.0.0.1:3000"
        ));
    }

    #[test]
    fn without_origin_fetch_metadata_decides() {
        let site = "https://mentorat.example.org";
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            site
        ));
        assert!(is_same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            site
        ));
        assert!(
            is_same_origin(&headers(&[]), site),
            "not a browser: no ambient cookies to abuse"
        );
    }

    #[test]
    fn a_proxy_s_forwarded_address_counts_only_when_trusted() {
        let request = || {
            let mut request = Request::new(axum::body::Body::empty());
            request.headers_mut().insert(
                "x-forwarded-for",
                HeaderValue::from_static("203.0.113.9, 198.51.100.7"),
            );
            request
                .extensions_mut()
                .insert(ConnectInfo(SocketAddr::from(([10, 0, 0, 1], 4000))));
            request
        };
        // The last entry is the one the trusted proxy saw; earlier ones are the client's say-so.
        assert_eq!(client_address(&request(), true), "198.51.100.7");
        assert_eq!(client_address(&request(), false), "10.0.0.1");
        assert_eq!(
            client_address(&Request::new(axum::body::Body::empty()), false),
            "unknown"
        );
    }

    #[test]
    fn the_policy_allows_only_nonced_inline_scripts() {
        let policy = content_security_policy("abc", None);
        assert!(policy.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(!policy.contains("unsafe-inline"));
    }
}
