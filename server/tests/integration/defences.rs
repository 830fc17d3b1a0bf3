//! Defences through HTTP: cross-origin writes, security headers, page access,
//! and forms that work before the WASM arrives.

use crate::common::{form, page_request, TestApp};
use app::accounts::Role;
use app::people::api::{LogIn, RegisterMentee};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use leptos::server_fn::ServerFn;

fn registration() -> String {
    form(&[
        ("display_name", "Mallory"),
        ("email", "mallory@student.example"),
        ("password", "violet kite morning"),
        ("locale", "fr"),
        ("student", "on"),
        ("consent", "on"),
    ])
}

/// What a registration writes: the request waiting for its link (and any account).
async fn registrations(app: &TestApp) -> i64 {
    sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM registration_requests)",
    )
    .fetch_one(&app.pool)
    .await
    .expect("count")
}

#[tokio::test]
async fn a_post_from_another_site_is_refused_and_changes_nothing() {
    let app = TestApp::new().await;
    let before = app.fingerprint().await;
    let forged = app
        .send(
            Request::post(RegisterMentee::PATH)
                .header(header::HOST, "127.0.0.1:3000")
                .header(header::ORIGIN, "https://evil.example")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(registration()))
                .expect("request"),
        )
        .await;
    forged.assert_status(StatusCode::FORBIDDEN);
    assert_eq!(app.fingerprint().await, before);

    let fetch_metadata_only = app
        .send(
            Request::post(RegisterMentee::PATH)
                .header("sec-fetch-site", "cross-site")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(registration()))
                .expect("request"),
        )
        .await;
    fetch_metadata_only.assert_status(StatusCode::FORBIDDEN);
    assert_eq!(registrations(&app).await, 0);

    let same_site = app
        .send(
            Request::post(RegisterMentee::PATH)
                .header(header::HOST, "127.0.0.1:3000")
                .header(header::ORIGIN, "http://127.0.0.1:3000")
                .header(header::ACCEPT, "application/json")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(registration()))
                .expect("request"),
        )
        .await;
    same_site.assert_status(StatusCode::OK);
    assert_eq!(registrations(&app).await, 1);
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_that_only_our_scripts_have() {
    let app = TestApp::new().await;
    let page = app.get("/").await;
    let header_of = |name: &str| {
        page.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header_of("x-content-type-options"), "nosniff");
    assert_eq!(header_of("referrer-policy"), "same-origin");
    let policy = header_of("content-security-policy");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    // Empty `<script></script>` placeholders run nothing, so CSP never checks them.
    let scripts =
        page.body.matches("<script").count() - page.body.matches("<script></script>").count();
    assert!(scripts > 0);
    assert_eq!(
        page.body.matches(&format!("nonce=\"{nonce}\"")).count(),
        scripts,
        "every inline script carries this response's nonce"
    );
    assert!(page.headers.get("strict-transport-security").is_none());

    let another = app.get("/").await;
    assert_ne!(
        another.headers.get("content-security-policy"),
        page.headers.get("content-security-policy"),
        "a fresh nonce per response"
    );

    let secure = TestApp::with_config(|config| config.secure_cookies = Some(true)).await;
    let page = secure.get("/").await;
    assert!(page.headers.get("strict-transport-security").is_some());
}

/// A stranger is sent to sign in whatever the request accepts: without
/// `Accept: text/html` (a script, `curl`), the answer was a 200 with an empty
/// page and a `Location` header.
#[tokio::test]
async fn a_private_page_sends_a_stranger_to_sign_in_whatever_the_request_accepts() {
    let app = TestApp::new().await;
    for accept in [None, Some("*/*"), Some("application/json")] {
        let mut request = Request::get("/coordinator/people");
        if let Some(accept) = accept {
            request = request.header(header::ACCEPT, accept);
        }
        let answer = app
            .send(request.body(Body::empty()).expect("a valid request"))
            .await;
        assert_eq!(answer.status, StatusCode::FOUND, "Accept: {accept:?}");
        assert_eq!(
            answer
                .headers
                .get(header::LOCATION)
                .and_then(|value| value.to_str().ok()),
            Some("/login?next=/coordinator/people"),
            "Accept: {accept:?}"
        );
    }
}

#[tokio::test]
async fn private_pages_send_strangers_to_sign_in_and_refuse_other_roles() {
    let app = TestApp::new().await;
    let anonymous = app.get("/coordinator/people").await;
    anonymous.assert_status(StatusCode::FOUND);
    assert_eq!(
        anonymous
            .headers
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/login?next=/coordinator/people")
    );

    app.create_account(Role::Mentee, "amina@student.example", "amina-password")
        .await;
    let mentee = app.sign_in("amina@student.example", "amina-password").await;
    let refused = app.get_with_cookie("/coordinator/people", &mentee).await;
    refused.assert_status(StatusCode::FORBIDDEN);
    assert!(refused.body.contains("Accès refusé"), "{}", refused.body);
    assert!(
        !refused.body.contains("amina@student.example\","),
        "no data leaks into the page"
    );
    let own = app.get_with_cookie("/mentee", &mentee).await;
    own.assert_status(StatusCode::OK);
}

#[tokio::test]
async fn sign_in_works_before_the_wasm_arrives() {
    let app = TestApp::new().await;
    app.create_account(
        Role::Coordinator,
        "claire@program.example",
        "claire-password",
    )
    .await;
    let post = |body: String| {
        Request::post(LogIn::PATH)
            .header(header::HOST, "127.0.0.1:3000")
            .header(header::ORIGIN, "http://127.0.0.1:3000")
            .header(header::REFERER, "http://127.0.0.1:3000/login")
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request")
    };
    let wrong = app
        .send(post(form(&[
            ("email", "claire@program.example"),
            ("password", "nope"),
            ("next", ""),
        ])))
        .await;
    wrong.assert_status(StatusCode::FOUND);
    let back = wrong
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        back.starts_with("http://127.0.0.1:3000/login?") && back.contains("__err="),
        "{back}"
    );
    // The sign-in page shows the error it was sent back with.
    let path = back.trim_start_matches("http://127.0.0.1:3000");
    let page = app
        .send(page_request(path).body(Body::empty()).expect("request"))
        .await;
    assert!(
        page.body
            .contains("Adresse courriel ou mot de passe incorrect"),
        "{}",
        page.body
    );

    let right = app
        .send(post(form(&[
            ("email", "claire@program.example"),
            ("password", "claire-password"),
            ("next", ""),
        ])))
        .await;
    right.assert_status(StatusCode::FOUND);
    assert_eq!(
        right.headers.get("location").and_then(|v| v.to_str().ok()),
        Some("/coordinator")
    );
    assert!(crate::common::session_cookie(&right).is_some());
}

#[tokio::test]
async fn a_form_refused_before_the_wasm_arrives_keeps_what_was_typed_but_never_a_password() {
    let app = TestApp::new().await;
    let (echo, path) = app
        .refused_form_post(
            RegisterMentee::PATH,
            "/register",
            form(&[
                ("display_name", "Jade Étudiante"),
                ("email", "jade@student.example"),
                ("password", "quiet secret harbour"),
                ("locale", "fr"),
                ("student", "on"),
            ]),
        )
        .await;
    let page = app.get_with_cookie(&path, &echo).await;
    assert!(
        page.body.contains("value=\"Jade Étudiante\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("value=\"jade@student.example\""));
    assert!(!page.body.contains("quiet secret harbour"));
    assert!(page
        .body
        .contains("Pour continuer, acceptez l’avis de confidentialité."));
    // Another form's page does not pick them up.
    let login = app.get_with_cookie("/login", &echo).await;
    assert!(!login.body.contains("jade@student.example"));
}

/// Pages run in the browser only in their islands, so most forms are sent as
/// plain posts: the page that comes back says the form was accepted, once.
#[tokio::test]
async fn a_form_accepted_without_the_script_is_said_on_the_next_page_once() {
    use app::people::api::UpdateMyAccount;

    let app = TestApp::new().await;
    app.create_account(Role::Mentee, "nour@student.example", "nour-long-password")
        .await;
    let session = app
        .sign_in("nour@student.example", "nour-long-password")
        .await;
    let saved = "Modifications enregistrées.";
    let before = app.get_with_cookie("/account", &session).await;
    assert!(!before.body.contains(saved));

    let accepted = app
        .plain_post_from(
            "/account",
            UpdateMyAccount::PATH,
            &session,
            form(&[("display_name", "Nour A."), ("locale", "fr")]),
        )
        .await;
    assert_eq!(accepted.status, StatusCode::FOUND, "{}", accepted.body);
    assert_eq!(
        accepted
            .headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok()),
        Some("http://127.0.0.1:3000/account"),
        "back to the page, with no query left behind"
    );
    let done = crate::common::cookie_set(&accepted, "mentorat_done")
        .expect("the success is kept for the next page");

    let after = app
        .get_with_cookie("/account", &format!("{session}; {done}"))
        .await;
    assert!(after.body.contains(saved), "{}", after.body);
    assert!(after.body.contains("value=\"Nour A.\""));
    let cleared = after
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|cookie| cookie.starts_with("mentorat_done=;") && cookie.contains("Max-Age=0"));
    assert!(cleared, "the page that said it clears it");
    // Another form's success is not this one's.
    let other = app
        .get_with_cookie("/profile", &format!("{session}; {done}"))
        .await;
    assert!(!other.body.contains("Profil enregistré."));
}

/// The success cookie names the server function; its answer only for the
/// forms that show it. A private link's answer (the calendar feed, with its
/// token) never sits in a cookie.
#[tokio::test]
async fn a_private_link_made_by_a_plain_form_never_lands_in_the_success_cookie() {
    use app::calendar::api::CreateCalendarFeed;
    use app::components::forms::FormDone;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;

    let app = TestApp::new().await;
    app.create_account(Role::Mentee, "lina@student.example", "lina-long-password")
        .await;
    let session = app
        .sign_in("lina@student.example", "lina-long-password")
        .await;
    let made = app
        .plain_post_from("/mentee", CreateCalendarFeed::PATH, &session, String::new())
        .await;
    assert_eq!(made.status, StatusCode::FOUND, "{}", made.body);
    let done = crate::common::cookie_set(&made, "mentorat_done").expect("the success is kept");
    let encoded = done.trim_start_matches("mentorat_done=");
    let done: FormDone = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(encoded)
            .expect("the cookie is base64"),
    )
    .expect("the cookie is a FormDone");
    assert_eq!(done.action, CreateCalendarFeed::PATH);
    assert_eq!(done.output, None, "the link is not in the cookie");
}
