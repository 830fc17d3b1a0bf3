//! The public pages through the real router: language, content, status codes.

use crate::common::TestApp;
use axum::http::{header, StatusCode};

#[tokio::test]
async fn the_home_page_is_french_by_default_even_for_an_english_browser() {
    let app = TestApp::new().await;
    let page = app.get("/").await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains(r#"lang="fr""#), "html lang is fr");
    assert!(page
        .body
        .contains("Apprendre auprès d’une personne qui a fait le chemin"));
    assert!(page.body.contains("Qui peut devenir mentor·e ?"));
    assert!(page.body.contains("Gilles Pageau"));
    // The taxonomy comes from the database, in French.
    assert!(page.body.contains("Soins infirmiers"));
    assert!(!page.body.contains("Learn from someone"));
}

#[tokio::test]
async fn the_home_page_is_english_when_english_was_chosen() {
    let app = TestApp::new().await;
    let page = app.get_with_cookie("/", "i18n_pref_locale=en").await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains(r#"lang="en""#), "html lang is en");
    assert!(page
        .body
        .contains("Learn from someone who has walked the path"));
    assert!(page.body.contains("Who can become a mentor?"));
    assert!(page.body.contains("Nursing"));
    assert!(!page.body.contains("Apprendre auprès"));
}

#[tokio::test]
async fn an_unknown_language_cookie_falls_back_to_french() {
    let app = TestApp::new().await;
    let page = app.get_with_cookie("/", "i18n_pref_locale=de").await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains(r#"lang="fr""#));
}

#[tokio::test]
async fn the_home_page_announces_the_demo_cohort() {
    let app = TestApp::new().await;
    server::demo::load_demo_data(&app.pool)
        .await
        .expect("demo data loads");
    let page = app.get("/").await;
    assert!(
        page.body.contains("Hiver 2025") || page.body.contains("Hiver 2027"),
        "a demo cohort is announced"
    );
}

#[tokio::test]
async fn the_home_page_says_when_no_cohort_is_planned() {
    let app = TestApp::new().await;
    let page = app.get("/").await;
    assert!(page
        .body
        .contains("Les dates de la prochaine cohorte seront annoncées bientôt."));
}

#[tokio::test]
async fn an_unknown_path_answers_404_with_a_page_in_the_chosen_language() {
    let app = TestApp::new().await;
    let page = app.get("/cette-page-n-existe-pas").await;
    page.assert_status(StatusCode::NOT_FOUND);
    assert!(page.body.contains("Page introuvable"));

    let page = app
        .get_with_cookie("/no/such/page", "i18n_pref_locale=en")
        .await;
    page.assert_status(StatusCode::NOT_FOUND);
    assert!(page.body.contains("Page not found"));
}

#[tokio::test]
async fn the_entry_points_of_later_features_exist() {
    let app = TestApp::new().await;
    for (path, heading) in [
        ("/apply", "Devenir mentor·e"),
        ("/register", "S’inscrire comme mentoré·e"),
        ("/login", "Se connecter"),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.contains(heading), "{path} shows {heading}");
    }
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it() {
    let app = TestApp::new().await;
    let response = app
        .send(
            crate::common::page_request("/")
                .header(header::ACCEPT_ENCODING, "br, gzip")
                .body(axum::body::Body::empty())
                .expect("a valid request"),
        )
        .await;
    response.assert_status(StatusCode::OK);
    let encoding = response.headers.get(header::CONTENT_ENCODING);
    assert_eq!(encoding.and_then(|value| value.to_str().ok()), Some("br"));
}

/// Many signed-in page views at once on two threads: every one is answered
/// in full. A page whose components run more than once on the server (a
/// `Suspense` walks its children again) used to leave a title behind whose
/// signals were gone, and reading it when the response was sent panicked
/// (1–3 % of views under load).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_under_concurrent_load_are_all_answered_in_full() {
    use app::accounts::Role;

    let app = TestApp::new().await;
    app.create_account(Role::Coordinator, "claire@load.example", "load-password-1")
        .await;
    let cookie = app.sign_in("claire@load.example", "load-password-1").await;
    let app = std::sync::Arc::new(app);
    let mut views = tokio::task::JoinSet::new();
    for index in 0..600 {
        let app = app.clone();
        let cookie = cookie.clone();
        let path = ["/coordinator", "/account", "/coordinator/applications"][index % 3];
        views.spawn(async move {
            let page = app.get_with_cookie(path, &cookie).await;
            let tail = page.body[page.body.len().saturating_sub(300)..].to_owned();
            (path, page.status, page.body.contains("</html>"), tail)
        });
    }
    let mut answered = 0;
    while let Some(view) = views.join_next().await {
        let (path, status, complete, tail) = view.expect("the server answered without panicking");
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(complete, "{path}: the page is sent in full, not: …{tail}");
        answered += 1;
    }
    assert_eq!(answered, 600);
}
