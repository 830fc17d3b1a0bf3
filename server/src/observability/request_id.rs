//! Every request gets an id: the span its log lines carry, and the
//! `X-Request-Id` header of its response (a person reporting a problem can
//! quote it, an operator finds the lines). It also counts the request and
//! times it to its last byte for `/metrics`.
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument as _;

use super::prometheus;

/// The header carrying the id, in (from a trusted proxy) and out.
pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The longest id taken from a proxy.
const MAX_INCOMING_LENGTH: usize = 64;

/// Whether a proxy in front is trusted (`MENTORAT_TRUST_PROXY`): its
/// `X-Request-Id`, when well formed, is kept, so its log and ours agree.
#[derive(Debug, Clone, Copy)]
pub struct RequestIds {
    pub trust_proxy: bool,
}

/// The middleware: id, span, header, and the request's figures.
pub async fn observe(State(ids): State<RequestIds>, request: Request, next: Next) -> Response {
    let id = ids
        .trust_proxy
        .then(|| incoming_id(request.headers()))
        .flatten()
        .unwrap_or_else(new_id);
    let finish = Finish {
        started: Instant::now(),
        method: request.method().clone(),
        route: route_label(request.extensions().get::<MatchedPath>()),
        status: StatusCode::OK,
    };
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = %request.method(),
        path = %crate::redacted_path(request.uri().path()),
    );
    let response = next.run(request).instrument(span.clone()).await;
    let (mut parts, body) = response.into_parts();
    if let Ok(value) = HeaderValue::from_str(&id) {
        parts.headers.insert(REQUEST_ID_HEADER, value);
    }
    let finish = Finish {
        status: parts.status,
        ..finish
    };
    let body = Body::new(TimedBody {
        inner: body,
        span,
        finish: Some(finish),
    });
    Response::from_parts(parts, body)
}

/// A fresh id: 64 random bits as 16 hexadecimal digits.
fn new_id() -> String {
    format!("{:016x}", rand::random::<u64>())
}

/// A proxy's id, kept when it is short and plain (letters, digits, `-`,
/// `_`, `.`): nothing a log reader would misread.
fn incoming_id(headers: &HeaderMap) -> Option<String> {
    let text = headers.get(REQUEST_ID_HEADER)?.to_str().ok()?;
    let plain = !text.is_empty()
        && text.len() <= MAX_INCOMING_LENGTH
        && text
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'));
    plain.then(|| text.to_owned())
}

/// The route's pattern (`/pairs/{id}`, `/api/log_in`), never the path
/// itself: ids and link tokens stay out of the figures, and their number stays small.
fn route_label(matched: Option<&MatchedPath>) -> String {
    match matched {
        Some(path) => {
            let pattern = path.as_str();
            // A nested service's pattern ends in axum's private tail parameter.
            match pattern.find("/{*") {
                Some(tail) => format!("{}/*", &pattern[..tail]),
                None => pattern.to_owned(),
            }
        }
        None => "unmatched".to_owned(),
    }
}

/// What is recorded when the body ends (or is dropped half-way).
struct Finish {
    started: Instant,
    method: Method,
    route: String,
    status: StatusCode,
}

impl Finish {
    fn record(self, span: &tracing::Span) {
        let elapsed = self.started.elapsed();
        let status = self.status.as_u16();
        let milliseconds = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX);
        span.in_scope(|| {
            if self.status.is_server_error() {
                tracing::error!(status, milliseconds, "request failed");
            } else {
                tracing::debug!(status, milliseconds, "request answered");
            }
        });
        prometheus::record_request(&self.method, &self.route, status, elapsed);
    }
}

/// The response body, polled inside the request's span (a streamed page
/// still renders while it is sent), timed to its last byte.
struct TimedBody {
    inner: Body,
    span: tracing::Span,
    finish: Option<Finish>,
}

impl axum::body::HttpBody for TimedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        let this = &mut *self;
        let polled = {
            let _entered = this.span.enter();
            Pin::new(&mut this.inner).poll_frame(context)
        };
        if let Poll::Ready(None) = polled {
            if let Some(finish) = this.finish.take() {
                finish.record(&this.span);
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for TimedBody {
    fn drop(&mut self) {
        // A body dropped before its end (the client left, or it was empty
        // and never polled) still counts.
        if let Some(finish) = self.finish.take() {
            finish.record(&self.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_sixteen_hex_digits_and_two_differ() {
        let (first, second) = (new_id(), new_id());
        assert_eq!(first.len(), 16);
        assert!(first.bytes().all(|byte| byte.is_ascii_hexdigit()));
        assert_ne!(first, second);
    }

    #[test]
    fn a_proxy_id_is_kept_only_when_short_and_plain() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(
                REQUEST_ID_HEADER,
                HeaderValue::from_str(value).expect("a header value"),
            );
            incoming_id(&headers)
        };
        assert_eq!(with("abc-123_x.y").as_deref(), Some("abc-123_x.y"));
        assert_eq!(with("a b"), None);
        assert_eq!(with("a\"b"), None);
        assert_eq!(with(&"x".repeat(65)), None);
        assert_eq!(incoming_id(&HeaderMap::new()), None);
    }
}
