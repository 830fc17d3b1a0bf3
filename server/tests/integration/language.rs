//! The language switch without JavaScript: a form post to the `set_locale` server function.

use crate::common::TestApp;
use app::layout::SetLocale;
use axum::http::header;
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
    let app = TestApp::with_config(|config| config.secure_cookies = Some(true)).await;
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

/// Signing in switches the interface to the account's language, unless the
/// person chose one on the sign-in page.
#[tokio::test]
async fn signing_in_switches_to_the_accounts_language_unless_chosen_on_the_page() {
    use app::accounts::Role;
    use app::people::api::LogIn;

    let app = TestApp::new().await;
    let account = app
        .create_account(Role::Mentee, "emily@lang.example", "emily-password-1")
        .await;
    sqlx::query("UPDATE accounts SET locale = 'en' WHERE id = ?")
        .bind(account)
        .execute(&app.pool)
        .await
        .expect("English account");
    let locale_cookie = |response: &crate::common::TestResponse| {
        response
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| value.starts_with("i18n_pref_locale="))
            .map(str::to_owned)
    };
    let signed_in = app
        .post_form(
            LogIn::PATH,
            "email=emily%40lang.example&password=emily-password-1&next=",
        )
        .await;
    assert!(signed_in.status.is_redirection(), "{}", signed_in.status);
    let cookie = locale_cookie(&signed_in).unwrap_or_default();
    assert!(cookie.starts_with("i18n_pref_locale=en;"), "{cookie}");
    // She chose French on the sign-in page: it stays French.
    let chosen = app
        .post_form(
            LogIn::PATH,
            "email=emily%40lang.example&password=emily-password-1&next=&locale_chosen=yes",
        )
        .await;
    assert!(chosen.status.is_redirection(), "{}", chosen.status);
    assert_eq!(locale_cookie(&chosen), None);
}

/// The switch on the sign-in page says so on its way back, for the sign-in
/// form to keep the choice.
#[tokio::test]
async fn the_sign_in_pages_switch_remembers_the_choice_in_the_return_path() {
    let app = TestApp::new().await;
    let page = app.get("/login?next=%2Fmentee").await;
    assert!(
        page.body
            .contains("value=\"/login?next=%2Fmentee&amp;language=chosen\"")
            || page
                .body
                .contains("value=\"/login?next=%2Fmentee&language=chosen\""),
        "the switch's return path"
    );
    let chosen = app.get("/login?language=chosen").await;
    assert!(chosen.body.contains("name=\"locale_chosen\" value=\"yes\""));
}
