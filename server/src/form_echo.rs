//! Keeps what someone typed when a form is refused before the WASM has loaded.
//!
//! Without JavaScript, a form posts to its server function; on an error the
//! browser is sent back to the form (`302`, with the error in the URL) and would
//! show empty fields. This layer remembers the submitted fields — never a
//! password or a token — in a short-lived, HttpOnly cookie that the form reads
//! when it is rendered again. A successful submission clears it.
use app::components::forms::{FormEcho, FORM_ECHO_COOKIE};
use app::server_context::site_cookie;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// Seconds the typed values are kept: long enough to read the message and fix the field.
const KEEP_SECONDS: u32 = 120;

/// A field whose value must never be stored anywhere.
fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.contains("password") || name.contains("token")
}

pub async fn keep_typed_values(
    State(max_body_bytes): State<usize>,
    request: Request,
    next: Next,
) -> Response {
    let is_plain_form_post = request.method() == Method::POST
        && request.uri().path().starts_with("/api/")
        && header_contains(&request, header::ACCEPT, "text/html")
        && header_contains(
            &request,
            header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        );
    if !is_plain_form_post {
        return next.run(request).await;
    }
    let had_echo = header_contains(&request, header::COOKIE, FORM_ECHO_COOKIE);
    let action = request.uri().path().to_owned();
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return Response::builder()
                .status(StatusCode::PAYLOAD_TOO_LARGE)
                .body(Body::empty())
                .unwrap_or_default();
        }
    };
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let mut response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;

    let refused = response.status() == StatusCode::FOUND
        && response
            .headers()
            .get(header::LOCATION)
            .and_then(|location| location.to_str().ok())
            .is_some_and(|location| location.contains("__err="));
    let cookie = if refused {
        let echo = FormEcho {
            action,
            fields: fit_in_cookie(
                fields
                    .into_iter()
                    .filter(|(name, value)| !is_secret(name) && !value.is_empty())
                    .collect(),
            ),
        };
        serde_json::to_vec(&echo).ok().map(|json| {
            site_cookie(
                FORM_ECHO_COOKIE,
                &URL_SAFE_NO_PAD.encode(json),
                i64::from(KEEP_SECONDS),
                true,
            )
            .to_string()
        })
    } else if had_echo {
        Some(site_cookie(FORM_ECHO_COOKIE, "", 0, true).to_string())
    } else {
        None
    };
    if let Some(cookie) = cookie.and_then(|cookie| HeaderValue::from_str(&cookie).ok()) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// Bytes of field data a cookie can carry once encoded (browsers keep cookies of
/// up to 4096 bytes; base64 and JSON add about a half).
const COOKIE_FIELD_BUDGET: usize = 2_400;

/// The fields, without the longest texts if all of them would not fit in the
/// cookie: a long letter is lost, but not the name, the email and the choices
/// around it (a dropped cookie would lose everything).
fn fit_in_cookie(mut fields: Vec<(String, String)>) -> Vec<(String, String)> {
    let size = |fields: &[(String, String)]| -> usize {
        fields
            .iter()
            .map(|(name, value)| name.len() + value.len() + 6)
            .sum()
    };
    while size(&fields) > COOKIE_FIELD_BUDGET {
        let Some(longest) = fields
            .iter()
            .enumerate()
            .max_by_key(|(_, (_, value))| value.len())
            .map(|(index, _)| index)
        else {
            break;
        };
        fields.remove(longest);
    }
    fields
}

fn header_contains(request: &Request, name: header::HeaderName, needle: &str) -> bool {
    request
        .headers()
        .get_all(name)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| value.contains(needle))
}

#[cfg(test)]
mod tests {
    use super::{fit_in_cookie, is_secret, COOKIE_FIELD_BUDGET};

    #[test]
    fn a_long_text_gives_way_so_that_the_short_fields_are_kept() {
        let field = |name: &str, value: String| (name.to_owned(), value);
        let fields = vec![
            field("email", "nadia@example.org".to_owned()),
            field("motivation", "m".repeat(3_000)),
            field("domains[]", "nursing".to_owned()),
        ];
        let kept = fit_in_cookie(fields);
        let names: Vec<&str> = kept.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["email", "domains[]"]);
        let small = vec![field("motivation", "m".repeat(COOKIE_FIELD_BUDGET / 2))];
        assert_eq!(fit_in_cookie(small.clone()), small);
    }

    #[test]
    fn passwords_and_tokens_are_never_kept() {
        for name in ["password", "new_password", "current_password", "token"] {
            assert!(is_secret(name), "{name}");
        }
        for name in ["email", "display_name", "consent", "next"] {
            assert!(!is_secret(name), "{name}");
        }
    }
}
