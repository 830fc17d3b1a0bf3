//! Cross-cutting HTTP behaviour added around the router.
use axum::http::header::{HeaderValue, SET_COOKIE, STRICT_TRANSPORT_SECURITY};
use axum::response::Response;

/// With secure cookies on (behind HTTPS), every cookie the app sets is marked
/// `Secure` and the browser is told to keep to HTTPS (HSTS).
pub async fn secure_cookies(response: Response) -> Response {
    mark_secure(response)
}

fn mark_secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let cookies: Vec<HeaderValue> = headers.get_all(SET_COOKIE).iter().cloned().collect();
    headers.remove(SET_COOKIE);
    for cookie in cookies {
        let secured = match cookie.to_str() {
            Ok(text) if !has_secure_attribute(text) => {
                HeaderValue::from_str(&format!("{text}; Secure")).unwrap_or(cookie)
            }
            _ => cookie,
        };
        headers.append(SET_COOKIE, secured);
    }
    headers.insert(
        STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
    );
    response
}

fn has_secure_attribute(cookie: &str) -> bool {
    cookie
        .split(';')
        .skip(1)
        .any(|attribute| attribute.trim().eq_ignore_ascii_case("secure"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secure_is_added_once() {
        let mut response = Response::new(axum::body::Body::empty());
        let headers = response.headers_mut();
        headers.append(SET_COOKIE, HeaderValue::from_static("a=1; Path=/"));
        headers.append(SET_COOKIE, HeaderValue::from_static("b=2; Path=/; Secure"));
        let response = mark_secure(response);
        let cookies: Vec<&str> = response
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .collect();
        assert_eq!(cookies, vec!["a=1; Path=/; Secure", "b=2; Path=/; Secure"]);
        assert!(response.headers().contains_key(STRICT_TRANSPORT_SECURITY));
    }

    #[test]
    fn a_cookie_named_secure_is_not_the_attribute() {
        assert!(!has_secure_attribute("secure=1; Path=/"));
        assert!(has_secure_attribute("a=1; secure"));
    }
}
