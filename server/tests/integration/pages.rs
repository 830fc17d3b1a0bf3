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
        // Pages drawn on every view (`/coordinator` may be served as kept).
        let path = [
            "/coordinator/people",
            "/account",
            "/coordinator/applications",
        ][index % 3];
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

/// The nonce a response's Content-Security-Policy allows.
fn policy_nonce(page: &crate::common::TestResponse) -> String {
    let policy = page
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|value| value.to_str().ok())
        .expect("every page has a policy");
    let start = policy.find("'nonce-").expect("a nonce in the policy") + "'nonce-".len();
    let end = start + policy[start..].find('\'').expect("the nonce's end");
    policy[start..end].to_owned()
}

/// The busiest pages are kept between changes (`server/src/page_cache.rs`):
/// a kept page is the visitor's own, its scripts carry the nonce of the
/// response that serves it (or the browser would refuse them), and any write
/// — here one made straight in the database, as another process would — is
/// seen on the next view; a session that ended gets no kept page.
#[tokio::test]
async fn a_kept_page_is_the_visitors_own_and_follows_every_change() {
    use app::accounts::Role;

    let app = TestApp::new().await;
    app.create_account(Role::Mentor, "ana@kept.example", "kept-password-1")
        .await;
    app.create_account(Role::Mentor, "bo@kept.example", "kept-password-2")
        .await;
    let ana_cookie = app.sign_in("ana@kept.example", "kept-password-1").await;
    let bo_cookie = app.sign_in("bo@kept.example", "kept-password-2").await;

    let first = app.get_with_cookie("/mentor", &ana_cookie).await;
    first.assert_status(StatusCode::OK);
    assert!(first.body.contains("Person ana@kept.example"));
    let again = app.get_with_cookie("/mentor", &ana_cookie).await;
    again.assert_status(StatusCode::OK);
    let (first_nonce, again_nonce) = (policy_nonce(&first), policy_nonce(&again));
    assert_ne!(first_nonce, again_nonce, "a nonce is never served twice");
    assert!(again.body.contains(&format!(r#"nonce="{again_nonce}""#)));
    assert!(!again.body.contains(&first_nonce));
    assert_eq!(
        again.body.replace(&again_nonce, "N"),
        first.body.replace(&first_nonce, "N"),
        "the same page, with its own nonce"
    );

    let bo = app.get_with_cookie("/mentor", &bo_cookie).await;
    assert!(bo.body.contains("Person bo@kept.example"));
    assert!(
        !bo.body.contains("ana@kept.example"),
        "never another's page"
    );

    // Without its trigger, a rename is not seen: the page was kept…
    for statement in [
        "DROP TRIGGER pages_changed_accounts_update",
        "UPDATE accounts SET display_name = 'Ana Renamed' WHERE email = 'ana@kept.example'",
    ] {
        sqlx::query(statement)
            .execute(&app.pool)
            .await
            .expect("the database takes it");
    }
    let kept = app.get_with_cookie("/mentor", &ana_cookie).await;
    assert!(
        kept.body.contains("Person ana@kept.example"),
        "served as kept"
    );
    // …and any write a trigger sees, here to another table, is seen at once.
    sqlx::query("UPDATE program_settings SET rowid = rowid")
        .execute(&app.pool)
        .await
        .expect("a write");
    let renamed = app.get_with_cookie("/mentor", &ana_cookie).await;
    assert!(renamed.body.contains("Ana Renamed"), "drawn again");

    let english = app
        .get_with_cookie("/mentor", &format!("{ana_cookie}; i18n_pref_locale=en"))
        .await;
    assert!(
        english.body.contains(r#"lang="en""#),
        "each language its page"
    );

    app.call(
        <app::people::api::LogOut as leptos::server_fn::ServerFn>::PATH,
        "",
        Some(&ana_cookie),
    )
    .await;
    let signed_out = app.get_with_cookie("/mentor", &ana_cookie).await;
    assert!(
        !signed_out.body.contains("Ana Renamed"),
        "an ended session gets no kept page"
    );
}

/// What keeps pages true: every table a page may read moves the `pages`
/// counter on each insert, update and delete. A table added without its
/// triggers fails here. The exceptions are read by no page: the counters
/// themselves, sessions (and "my sessions", whose "last seen" moves on any
/// request), the sign-in throttle and its known devices, and what reads write (the log
/// of reads of personal data, the links of a person's download).
#[tokio::test]
async fn every_table_a_page_may_read_moves_the_pages_counter() {
    let app = TestApp::new().await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx_%' \
         AND name NOT IN ('change_counters', 'tower_sessions', 'account_sessions', 'known_devices', 'login_failures', \
         'personal_data_reads', 'data_downloads')",
    )
    .fetch_all(&app.pool)
    .await
    .expect("the tables");
    assert!(tables.len() > 30, "{tables:?}");
    let triggers: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .fetch_all(&app.pool)
            .await
            .expect("the triggers");
    let missing: Vec<String> = tables
        .iter()
        .flat_map(|table| {
            ["insert", "update", "delete"].map(|change| format!("pages_changed_{table}_{change}"))
        })
        .filter(|name| !triggers.contains(name))
        .collect();
    assert!(missing.is_empty(), "missing triggers: {missing:?}");

    let counter = || async {
        sqlx::query_scalar::<_, i64>("SELECT value FROM change_counters WHERE name = 'pages'")
            .fetch_one(&app.pool)
            .await
            .expect("the counter")
    };
    let before = counter().await;
    sqlx::query("UPDATE program_settings SET rowid = rowid")
        .execute(&app.pool)
        .await
        .expect("a write");
    assert!(counter().await > before);
}
