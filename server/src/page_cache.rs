//! The busiest pages, kept in memory between changes.
//!
//! A mentor's dashboard reads some thirty kinds of rows and draws 30 KB of
//! HTML; under load that cost is the page's, not the network's (`/mentor`
//! served under 1 % of what a trivial route does). Most views of a page see
//! what the previous view of that page saw, so a drawn page is kept and
//! served again until either:
//! - anything a page may read changes: triggers move the database's `pages`
//!   counter on every write to those tables (migration
//!   `20261201000010_page_changes`), from a request, a background task or
//!   another process alike, and each view reads the counter first;
//! - or it is [`FRESH_FOR`] old: what a page says also depends on the clock
//!   (a meeting that has just begun, a new day), never later than that.
//!
//! A kept page belongs to one visitor: its key holds the signed-in account
//! (checked on every request by the sign-in layer, so an ended session gets
//! no kept page), the whole `Cookie` header (session, language) and the
//! `Accept-Language` header. Only pages whose drawing writes nothing are
//! kept ([`KEPT_PATHS`]); a view with a form's one-time message, an answer
//! that sets a cookie, or anything but a complete `200` HTML page is drawn
//! every time. The CSP nonce differs on every response: a kept page is
//! stored cut around its nonce and joined again with the new one.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::accounts::session::AuthSession;
use app::components::forms::{FORM_DONE_COOKIE, FORM_ECHO_COOKIE};
use app::server_context::CspNonce;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum_login::AuthUser as _;
use sqlx::SqlitePool;

/// The longest a kept page is served: what it says may depend on the time.
pub const FRESH_FOR: Duration = Duration::from_secs(5);

/// The pages kept: the home page and each area's landing page, the ones
/// every visit opens. Drawing them reads and never writes.
const KEPT_PATHS: [&str; 4] = ["/", "/mentor", "/mentee", "/coordinator"];

/// Bytes of kept pages at most (about a thousand dashboards); past it, the
/// kept pages are dropped and kept again as they are drawn.
const BUDGET_BYTES: usize = 32 * 1024 * 1024;

/// The largest page kept.
const LARGEST_PAGE_BYTES: usize = 512 * 1024;

/// The longest view key kept (a browser's cookies and language are far
/// shorter): a request with a huge `Cookie` header is drawn, not kept.
const LONGEST_KEY_BYTES: usize = 4 * 1024;

/// Kept pages at most, whatever their size: a stream of distinct addresses
/// (`/?x=1`, `/?x=2`…) cannot grow the map past it.
const MOST_PAGES: usize = 4_096;

/// The kept pages of one server (one database), shared by its requests.
#[derive(Clone)]
pub struct PageCache {
    pool: SqlitePool,
    kept: Arc<Mutex<Kept>>,
}

#[derive(Default)]
struct Kept {
    /// The `pages` counter the kept pages were drawn at.
    generation: i64,
    bytes: usize,
    pages: HashMap<String, KeptPage>,
}

/// A drawn page: its headers, and its body cut where the nonce was.
#[derive(Clone)]
struct KeptPage {
    drawn_at: Instant,
    headers: HeaderMap,
    pieces: Vec<Bytes>,
}

impl KeptPage {
    fn cut(headers: HeaderMap, body: &Bytes, nonce: &str, drawn_at: Instant) -> Self {
        KeptPage {
            drawn_at,
            headers,
            pieces: cut_around(body, nonce.as_bytes()),
        }
    }

    /// What the page holds in memory: its body and headers.
    fn bytes(&self) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len())
            .sum();
        self.pieces.iter().map(Bytes::len).sum::<usize>() + headers
    }

    fn joined_with(&self, nonce: &str) -> Bytes {
        let mut body = Vec::with_capacity(self.bytes() + nonce.len() * self.pieces.len());
        for (index, piece) in self.pieces.iter().enumerate() {
            if index > 0 {
                body.extend_from_slice(nonce.as_bytes());
            }
            body.extend_from_slice(piece);
        }
        body.into()
    }
}

/// `body` cut at every occurrence of `needle` (which is left out).
fn cut_around(body: &Bytes, needle: &[u8]) -> Vec<Bytes> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while !needle.is_empty() && at + needle.len() <= body.len() {
        if body[at..].starts_with(needle) {
            pieces.push(body.slice(start..at));
            at += needle.len();
            start = at;
        } else {
            at += 1;
        }
    }
    pieces.push(body.slice(start..));
    pieces
}

impl Kept {
    fn get(&self, key: &str, generation: i64, now: Instant) -> Option<&KeptPage> {
        if generation != self.generation {
            return None;
        }
        self.pages
            .get(key)
            .filter(|page| now.saturating_duration_since(page.drawn_at) < FRESH_FOR)
    }

    /// Keeps `page`, drawn at `generation`; pages of an older generation go.
    fn keep(&mut self, key: String, generation: i64, page: KeptPage) {
        if generation < self.generation {
            return;
        }
        let size = key.len() + page.bytes();
        if generation > self.generation
            || self.bytes + size > BUDGET_BYTES
            || self.pages.len() >= MOST_PAGES
        {
            self.pages.clear();
            self.bytes = 0;
            self.generation = generation;
        }
        let previous_size = self
            .pages
            .get_key_value(&key)
            .map(|(key, page)| key.len() + page.bytes());
        self.bytes += size;
        if self.pages.insert(key, page).is_some() {
            self.bytes = self.bytes.saturating_sub(previous_size.unwrap_or(0));
        }
    }
}

impl PageCache {
    pub fn new(pool: SqlitePool) -> Self {
        PageCache {
            pool,
            kept: Arc::default(),
        }
    }

    async fn generation(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT value FROM change_counters WHERE name = 'pages'")
            .fetch_one(&self.pool)
            .await
    }

    fn kept(&self, key: &str, generation: i64) -> Option<KeptPage> {
        let kept = self.kept.lock().ok()?;
        kept.get(key, generation, Instant::now()).cloned()
    }

    fn keep(&self, key: String, generation: i64, page: KeptPage) {
        if let Ok(mut kept) = self.kept.lock() {
            kept.keep(key, generation, page);
        }
    }
}

/// What makes two views of a page the same view, or `None` for a view that
/// is drawn every time.
fn view_key(request: &Request) -> Option<String> {
    if request.method() != Method::GET || !KEPT_PATHS.contains(&request.uri().path()) {
        return None;
    }
    let headers = request.headers();
    let text = |name| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let cookies = text(header::COOKIE);
    if cookies.contains(FORM_ECHO_COOKIE) || cookies.contains(FORM_DONE_COOKIE) {
        return None;
    }
    let languages = text(header::ACCEPT_LANGUAGE);
    if cookies.len() + languages.len() + request.uri().to_string().len() > LONGEST_KEY_BYTES {
        return None;
    }
    let account = request
        .extensions()
        .get::<AuthSession>()
        .and_then(|auth| auth.user.as_ref().map(|user| user.id().to_string()))
        .unwrap_or_default();
    Some(format!(
        "{account}\n{}\n{cookies}\n{languages}",
        request.uri()
    ))
}

/// Whether a drawn answer may be served again.
fn may_keep(response: &Response) -> bool {
    let headers = response.headers();
    response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("text/html"))
}

/// Serves a kept page when nothing changed since it was drawn, else draws it
/// and keeps it.
pub async fn serve_kept_pages(
    State(cache): State<PageCache>,
    request: Request,
    next: Next,
) -> Response {
    let nonce = request
        .extensions()
        .get::<CspNonce>()
        .map(|nonce| nonce.0.clone());
    let (Some(key), Some(nonce)) = (view_key(&request), nonce) else {
        return next.run(request).await;
    };
    // Read before drawing: a change made while drawing leaves the page one
    // generation behind, so the next view draws again.
    let generation = match cache.generation().await {
        Ok(generation) => generation,
        Err(error) => {
            tracing::warn!(%error, "the pages' change counter could not be read");
            return next.run(request).await;
        }
    };
    if let Some(page) = cache.kept(&key, generation) {
        let mut response = Response::new(Body::from(page.joined_with(&nonce)));
        *response.headers_mut() = page.headers;
        return response;
    }
    let drawn_at = Instant::now();
    let response = next.run(request).await;
    if !may_keep(&response) {
        return response;
    }
    // The page goes out as it is drawn (the home page streams) and is kept
    // once its last piece has gone.
    let (parts, body) = response.into_parts();
    let keeping = Keeping {
        cache,
        key,
        generation,
        nonce,
        drawn_at,
        headers: parts.headers.clone(),
        body: Some(Vec::new()),
    };
    let stream = body.into_data_stream();
    Response::from_parts(
        parts,
        Body::from_stream(KeepWhileSending { stream, keeping }),
    )
}

/// A page being sent, copied as it goes, to be kept once whole.
struct Keeping {
    cache: PageCache,
    key: String,
    generation: i64,
    nonce: String,
    drawn_at: Instant,
    headers: HeaderMap,
    /// What has gone so far; `None` once it cannot be kept (too large, or
    /// cut off by an error).
    body: Option<Vec<u8>>,
}

impl Keeping {
    fn add(&mut self, piece: &Bytes) {
        if let Some(body) = &mut self.body {
            if body.len() + piece.len() > LARGEST_PAGE_BYTES {
                self.body = None;
            } else {
                body.extend_from_slice(piece);
            }
        }
    }

    fn keep(&mut self) {
        if let Some(body) = self.body.take() {
            let page = KeptPage::cut(
                std::mem::take(&mut self.headers),
                &Bytes::from(body),
                &self.nonce,
                self.drawn_at,
            );
            self.cache
                .keep(std::mem::take(&mut self.key), self.generation, page);
        }
    }
}

struct KeepWhileSending {
    stream: axum::body::BodyDataStream,
    keeping: Keeping,
}

impl futures_util::Stream for KeepWhileSending {
    type Item = Result<Bytes, axum::Error>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        context: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        use std::task::Poll;
        let this = &mut *self;
        let polled = std::pin::Pin::new(&mut this.stream).poll_next(context);
        match &polled {
            Poll::Ready(Some(Ok(piece))) => this.keeping.add(piece),
            Poll::Ready(Some(Err(_))) => this.keeping.body = None,
            Poll::Ready(None) => this.keeping.keep(),
            Poll::Pending => {}
        }
        polled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str, nonce: &str, drawn_at: Instant) -> KeptPage {
        KeptPage::cut(
            HeaderMap::new(),
            &Bytes::copy_from_slice(body.as_bytes()),
            nonce,
            drawn_at,
        )
    }

    #[test]
    fn a_kept_page_carries_the_nonce_of_the_response_that_serves_it() {
        let kept = page(
            r#"<script nonce="OLD">a</script><p>OLD-ish</p><script nonce="OLD">b</script>"#,
            "OLD",
            Instant::now(),
        );
        assert_eq!(
            kept.joined_with("NEW1"),
            r#"<script nonce="NEW1">a</script><p>NEW1-ish</p><script nonce="NEW1">b</script>"#
        );
        assert_eq!(
            page("no nonce here", "OLD", Instant::now()).joined_with("N"),
            "no nonce here"
        );
        assert_eq!(page("OLD", "OLD", Instant::now()).joined_with("N"), "N");
    }

    #[test]
    fn a_kept_page_is_served_only_at_its_generation_and_while_fresh() {
        let start = Instant::now();
        let mut kept = Kept::default();
        kept.keep("mentor 1".into(), 7, page("<p>1</p>", "n", start));
        assert!(kept.get("mentor 1", 7, start).is_some());
        assert!(kept.get("mentor 2", 7, start).is_none(), "another visitor");
        assert!(
            kept.get("mentor 1", 8, start).is_none(),
            "something changed"
        );
        assert!(
            kept.get("mentor 1", 7, start + FRESH_FOR).is_none(),
            "drawn too long ago"
        );

        // A page drawn before the last change is not kept over newer ones.
        kept.keep("mentor 2".into(), 8, page("<p>2</p>", "n", start));
        kept.keep("mentor 1".into(), 7, page("<p>1</p>", "n", start));
        assert!(kept.get("mentor 1", 8, start).is_none());
        assert!(kept.get("mentor 2", 8, start).is_some());
        assert_eq!(kept.bytes, "mentor 2".len() + 8, "the key counts too");
    }

    #[test]
    fn kept_pages_stay_within_their_budget() {
        let start = Instant::now();
        let mut kept = Kept::default();
        let big = "x".repeat(BUDGET_BYTES / 2 + 1);
        kept.keep("a".into(), 1, page(&big, "n", start));
        kept.keep("a".into(), 1, page(&big, "n", start));
        assert_eq!(
            kept.bytes,
            1 + big.len(),
            "a page kept again replaces itself"
        );
        kept.keep("b".into(), 1, page(&big, "n", start));
        assert!(kept.get("a", 1, start).is_none(), "dropped for room");
        assert!(kept.get("b", 1, start).is_some());
        assert!(kept.bytes <= BUDGET_BYTES);
    }

    #[test]
    fn distinct_addresses_cannot_grow_the_kept_pages_without_end() {
        let start = Instant::now();
        let mut kept = Kept::default();
        for index in 0..MOST_PAGES + 10 {
            kept.keep(format!("/?x={index}"), 1, page("<p>x</p>", "n", start));
            assert!(kept.pages.len() <= MOST_PAGES);
        }
    }

    #[test]
    fn a_view_with_a_huge_cookie_header_is_drawn_not_kept() {
        let request = |cookie: &str| {
            Request::builder()
                .uri("/")
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .unwrap_or_default()
        };
        assert!(view_key(&request("i18n_pref_locale=en")).is_some());
        assert!(view_key(&request(&"x".repeat(LONGEST_KEY_BYTES + 1))).is_none());
        assert!(view_key(&request(&format!("{FORM_DONE_COOKIE}=1"))).is_none());
    }
}
