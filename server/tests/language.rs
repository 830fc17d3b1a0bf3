//! The language switch without JavaScript: a form post to the `set_locale` server function.
mod common;

use app::layout::SetLocale;
use axum::http::header;
use common::TestApp;
use leptos::server_fn::ServerFn;

#[tokio::test]
async fn choosing_english_sets_the_cookie_and_returns_to_the_same_page() {
    let app = TestApp::new().await;
    let response = app
        .post_form(SetLocale::PATH, "locale=en&return_to=%2Fapply%3Fstep%3D2")
        .await;
    assert!(
        response.status.is_redirection(),
        "status {}",
        response.status
    );
    let location = response
        .headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok());
    assert_eq!(location, Some("/apply?step=2"));
    let cookie = response
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("i18n_pref_locale="))
        .unwrap_or_default()
        .to_owned();
    assert!(cookie.starts_with("i18n_pref_locale=en;"), "{cookie}");
    assert!(cookie.contains("Path=/"));
    assert!(cookie.contains("SameSite=Lax"));
    assert!(!cookie.contains("Secure"), "not Secure unless configured");
}

#[tokio::test]
async fn the_switch_never_redirects_to_another_site() {
    let app = TestApp::new().await;
    let response = app
        .post_form(SetLocale::PATH, "locale=fr&return_to=%2F%2Fevil.example%2F")
        .await;
    let location = response
        .headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok());
    assert_eq!(location, Some("/"));
}

#[tokio::test]
async fn an_unknown_language_is_refused_and_sets_no_cookie() {
    let app = TestApp::new().await;
    let response = app
        .send(
            axum::http::Request::post(SetLocale::PATH)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "application/json")
                .body(axum::body::Body::from("locale=de&return_to=%2F"))
                .expect("a valid request"),
        )
        .await;
    assert!(response.status.is_server_error() || response.status.is_client_error());
    assert!(response.body.contains("InvalidInput"), "{}", response.body);
    assert!(response.headers.get(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn with_secure_cookies_the_cookie_is_secure_and_hsts_is_sent() {
    let app = TestApp::with_config(|config| config.secure_cookies = true).await;
    let response = app
        .post_form(SetLocale::PATH, "locale=en&return_to=%2F")
        .await;
    let cookie = response
        .headers
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(cookie.ends_with("; Secure"), "{cookie}");
    assert!(response
        .headers
        .contains_key(header::STRICT_TRANSPORT_SECURITY));
}
