//! Keeps what someone typed when a form is refused before the WASM has loaded.
//!
//! Without JavaScript, a form posts to its server function; on an error the
//! browser is sent back to the form (`302`, with the error in the URL) and would
//! show empty fields. This layer remembers the submitted fields — never a
//! password or a token — in a short-lived, HttpOnly cookie that the form reads
//! when it is rendered again. A successful submission clears it.
//!
//! Pages run in the browser only where they have an island, so a plain form
//! post is the common way a form is sent, not a fallback. Its success is kept
//! the same way: a one-time cookie (`FORM_DONE_COOKIE`) names the server
//! function, with its answer for the few forms that show it, and the page
//! drawn next reads it to say "saved" (or "sent to…"); that page's answer
//! clears it.
use app::components::forms::{FormDone, FormEcho, FORM_DONE_COOKIE, FORM_ECHO_COOKIE};
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

/// Seconds a success waits for the page that says it (the redirection's next request).
const DONE_SECONDS: i64 = 60;

/// Bytes of a server function's answer that a success cookie carries; a longer
/// one is left out (the page still says the form was accepted).
const DONE_OUTPUT_BUDGET: usize = 1_500;

/// The server functions whose answer the next page shows (`restore_outcome`):
/// only theirs is kept in the cookie. Another answer may hold what must not
/// sit in a cookie (the private calendar address is a link with a token).
const ANSWERS_SHOWN: [&str; 7] = [
    <app::people::api::InvitePerson as leptos::server_fn::ServerFn>::PATH,
    <app::people::api::SendMenteeImport as leptos::server_fn::ServerFn>::PATH,
    <app::email_links::api::UseActionLink as leptos::server_fn::ServerFn>::PATH,
    <app::board::api::AcceptDraft as leptos::server_fn::ServerFn>::PATH,
    <app::closing::api::ConcludeCohort as leptos::server_fn::ServerFn>::PATH,
    <app::participation::api::CarryMentorsOver as leptos::server_fn::ServerFn>::PATH,
    <app::erasure::api::RunRetention as leptos::server_fn::ServerFn>::PATH,
];

/// A field whose value must never be stored anywhere.
fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    // `code`: a sign-in code or a recovery code.
    name.contains("password") || name.contains("token") || name == "code"
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
        return clear_success_once_shown(request, next).await;
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
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;

    let refused = response.status() == StatusCode::FOUND
        && response
            .headers()
            .get(header::LOCATION)
            .and_then(|location| location.to_str().ok())
            .is_some_and(|location| location.contains("__err="));
    let accepted = response.status().is_redirection() && !refused;
    let (mut response, output) = if accepted && ANSWERS_SHOWN.contains(&action.as_str()) {
        answer_of(response).await
    } else {
        (response, None)
    };
    if accepted {
        tidy_location(&mut response);
    }
    let mut cookies = Vec::new();
    if refused {
        let echo = FormEcho {
            action: action.clone(),
            fields: fit_in_cookie(
                fields
                    .into_iter()
                    .filter(|(name, value)| !is_secret(name) && !value.is_empty())
                    .collect(),
            ),
        };
        cookies.extend(form_cookie(
            FORM_ECHO_COOKIE,
            &echo,
            i64::from(KEEP_SECONDS),
        ));
    } else if had_echo {
        cookies.push(site_cookie(FORM_ECHO_COOKIE, "", 0, true));
    }
    if accepted {
        let done = FormDone { action, output };
        cookies.extend(form_cookie(FORM_DONE_COOKIE, &done, DONE_SECONDS));
    }
    for cookie in cookies {
        if let Ok(cookie) = HeaderValue::from_str(&cookie.to_string()) {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
    }
    response
}

/// An HttpOnly cookie holding `value` as the pages read it back
/// (`app::components::forms`): JSON, then URL-safe base64.
fn form_cookie(
    name: &str,
    value: &impl serde::Serialize,
    seconds: i64,
) -> Option<cookie::Cookie<'static>> {
    let json = serde_json::to_vec(value).ok()?;
    Some(site_cookie(
        name,
        &URL_SAFE_NO_PAD.encode(json),
        seconds,
        true,
    ))
}

/// The answer of an accepted server function (its JSON), when short enough to
/// ride in a cookie, and the response rebuilt around the same bytes.
async fn answer_of(response: Response) -> (Response, Option<String>) {
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, DONE_OUTPUT_BUDGET).await {
        Ok(bytes) => {
            let output = std::str::from_utf8(&bytes).ok().map(str::to_owned);
            (Response::from_parts(parts, Body::from(bytes)), output)
        }
        // Longer than the budget: the body is lost, but a redirection's body
        // is never shown.
        Err(_) => (Response::from_parts(parts, Body::empty()), None),
    }
}

/// Leptos takes a refused attempt's error out of the address it sends the
/// browser back to, and leaves an empty `?` behind: gone too.
fn tidy_location(response: &mut Response) {
    let tidy = response
        .headers()
        .get(header::LOCATION)
        .and_then(|location| location.to_str().ok())
        .and_then(|location| location.strip_suffix('?'))
        .and_then(|location| HeaderValue::from_str(location).ok());
    if let Some(location) = tidy {
        response.headers_mut().insert(header::LOCATION, location);
    }
}

/// A page answered after a success clears the success cookie: it is said once.
async fn clear_success_once_shown(request: Request, next: Next) -> Response {
    let is_page = request.method() == Method::GET
        && !request.uri().path().starts_with("/api/")
        && !request.uri().path().starts_with("/pkg/")
        && header_contains(&request, header::COOKIE, FORM_DONE_COOKIE);
    let mut response = next.run(request).await;
    if is_page {
        if let Ok(cookie) =
            HeaderValue::from_str(&site_cookie(FORM_DONE_COOKIE, "", 0, true).to_string())
        {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
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
        for name in [
            "password",
            "new_password",
            "current_password",
            "token",
            "code",
        ] {
            assert!(is_secret(name), "{name}");
        }
        for name in ["email", "display_name", "consent", "next"] {
            assert!(!is_secret(name), "{name}");
        }
    }
}
