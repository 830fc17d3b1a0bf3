//! Gives a failed server function the HTTP status its error deserves.
//!
//! Leptos answers every `Err` of a server function with 500 and the error in
//! the body. Here, in one place for all of them, the body is read back as an
//! `AppError` and the status becomes its `status_code()`: 401 when not signed in,
//! 403 when refused, 400 for a bad field, 429 when throttled… The client decodes
//! any 4xx/5xx body the same way, so pages see the same error.
use app::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// The header server_fn sets on an error response.
const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";
/// Error bodies are small; anything larger is left alone.
const MAX_ERROR_BODY_BYTES: usize = 64 * 1024;

pub async fn server_fn_error_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_ERROR_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "unreadable server function error body");
            return Response::from_parts(parts, Body::empty());
        }
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        if let Ok(status) = StatusCode::from_u16(error.status_code()) {
            parts.status = status;
        }
        // A client told to slow down is told for how long, in seconds.
        if let AppError::TooManyAttempts {
            retry_after_minutes,
        } = error
        {
            parts.headers.insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(retry_after_minutes.max(1).saturating_mul(60)),
            );
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
