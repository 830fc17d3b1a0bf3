//! A session's limits: an absolute lifetime however busy, answers no cache
//! keeps, and a sign-out that clears what the browser kept.
use super::*;
use crate::common::page_request;
use app::accounts::devices::{Browser, System};
use axum::body::Body;

#[tokio::test]
async fn a_session_ends_at_its_absolute_lifetime_however_busy() {
    // A lifetime of zero days: every session is already past it on its next request.
    let app = TestApp::with_config(|config| config.session_lifetime_days = 0).await;
    app.create_account(Role::Mentee, "lea@student.example", "lea-password-1")
        .await;
    let cookie = app.sign_in("lea@student.example", "lea-password-1").await;
    let after = app.call(GetCurrentUser::PATH, "", Some(&cookie)).await;
    after.assert_status(StatusCode::OK);
    assert_eq!(after.body, "null", "the session is over");
    let page = app.get_with_cookie("/mentee", &cookie).await;
    assert_eq!(page.status, StatusCode::FOUND, "{}", page.body);
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM tower_sessions")
        .fetch_one(&app.pool)
        .await
        .expect("the sessions table");
    assert_eq!(
        sessions, 0,
        "the ended session is deleted, not just ignored"
    );

    // Within the lifetime (the default week), the same use keeps the session.
    let (app, coordinator) = app_with_coordinator().await;
    let after = app.call(GetCurrentUser::PATH, "", Some(&coordinator)).await;
    assert!(after.body.contains(COORDINATOR_EMAIL), "{}", after.body);
}

#[tokio::test]
async fn no_cache_keeps_a_signed_in_answer_and_signing_out_clears_the_browser() {
    let (app, coordinator) = app_with_coordinator().await;
    let no_store = |response: &TestResponse| {
        response
            .headers
            .get("cache-control")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let page = app.get_with_cookie("/coordinator", &coordinator).await;
    page.assert_status(StatusCode::OK);
    assert_eq!(no_store(&page).as_deref(), Some("no-store"));
    // Twice: the second view is a kept page, and is not kept by the browser either.
    let again = app.get_with_cookie("/coordinator", &coordinator).await;
    assert_eq!(no_store(&again).as_deref(), Some("no-store"));
    let answer = app.call(GetCurrentUser::PATH, "", Some(&coordinator)).await;
    assert_eq!(no_store(&answer).as_deref(), Some("no-store"));
    let signing_in = app.log_in(COORDINATOR_EMAIL, COORDINATOR_PASSWORD).await;
    assert_eq!(no_store(&signing_in).as_deref(), Some("no-store"));
    // A visitor's page is not a signed-in answer.
    let public = app
        .send(page_request("/").body(Body::empty()).expect("a request"))
        .await;
    assert_ne!(no_store(&public).as_deref(), Some("no-store"));

    let out = app.call(LogOut::PATH, "", Some(&coordinator)).await;
    assert!(out.status.is_success() || out.status.is_redirection());
    let cleared = out
        .headers
        .get("clear-site-data")
        .and_then(|value| value.to_str().ok());
    assert_eq!(cleared, Some("\"cache\", \"storage\""));
    let after = app.call(GetCurrentUser::PATH, "", Some(&coordinator)).await;
    assert_eq!(after.body, "null");
}

/// Signs the coordinator in from a browser that says `user_agent`.
async fn sign_in_from(app: &TestApp, user_agent: &str) -> String {
    let request = axum::http::Request::post(LogIn::PATH)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("user-agent", user_agent)
        .body(Body::from(form(&[
            ("email", COORDINATOR_EMAIL),
            ("password", COORDINATOR_PASSWORD),
            ("next", ""),
        ])))
        .expect("a request");
    let response = app.send(request).await;
    response.assert_status(StatusCode::OK);
    session_cookie(&response).expect("a session")
}

async fn my_sessions(app: &TestApp, cookie: &str) -> Vec<OpenSession> {
    let response = app.call(GetMySessions::PATH, "", Some(cookie)).await;
    response.assert_status(StatusCode::OK);
    response.json()
}

async fn is_signed_in(app: &TestApp, cookie: &str) -> bool {
    app.call(GetCurrentUser::PATH, "", Some(cookie)).await.body != "null"
}

const FIREFOX_LINUX: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) \
     AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

#[tokio::test]
async fn my_sessions_lists_each_device_and_ends_one_or_all_others() {
    let (app, first) = app_with_coordinator().await;
    let laptop = sign_in_from(&app, FIREFOX_LINUX).await;
    let phone = sign_in_from(&app, SAFARI_IPHONE).await;

    let seen = my_sessions(&app, &laptop).await;
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert!(seen[0].current, "this session first: {seen:?}");
    assert_eq!(
        (seen[0].browser, seen[0].os),
        (Browser::Firefox, System::Linux)
    );
    assert_eq!(seen.iter().filter(|session| session.current).count(), 1);
    let phone_row = seen
        .iter()
        .find(|session| session.browser == Browser::Safari)
        .expect("the phone's session");
    assert_eq!(phone_row.os, System::Ios);
    assert_eq!(phone_row.client.as_deref(), Some("unknown"));
    // The page says it, in the person's language.
    let page = app.get_with_cookie("/account/sessions", &laptop).await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Safari sur iOS"), "{}", page.body);
    assert!(page.body.contains("Cet appareil"));

    // Another person's session, or this very one, cannot be ended from here.
    let this_one = seen[0].id.to_string();
    let refused = app
        .call(
            EndMySessions::PATH,
            &form(&[("session_id", &this_one)]),
            Some(&laptop),
        )
        .await;
    refused.assert_status(StatusCode::NOT_FOUND);
    assert!(is_signed_in(&app, &laptop).await);

    // Ending the phone's: it is signed out at its next request, the others stay.
    let ended = app
        .call(
            EndMySessions::PATH,
            &form(&[("session_id", &phone_row.id.to_string())]),
            Some(&laptop),
        )
        .await;
    ended.assert_status(StatusCode::OK);
    assert!(!is_signed_in(&app, &phone).await);
    assert!(is_signed_in(&app, &laptop).await);
    assert!(is_signed_in(&app, &first).await);

    // Ending all others: only this one is left.
    let all = app.call(EndMySessions::PATH, "", Some(&laptop)).await;
    all.assert_status(StatusCode::OK);
    assert_eq!(all.body, "1");
    assert!(!is_signed_in(&app, &first).await);
    assert!(is_signed_in(&app, &laptop).await);
    assert_eq!(my_sessions(&app, &laptop).await.len(), 1);
    let audited: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE event = 'sessions_ended'")
            .fetch_one(&app.pool)
            .await
            .expect("the audit log");
    assert_eq!(audited, 2);

    // Signing out takes the session off the list.
    app.call(LogOut::PATH, "", Some(&laptop)).await;
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM account_sessions")
        .fetch_one(&app.pool)
        .await
        .expect("the sessions");
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn a_new_password_ends_the_other_sessions_and_keeps_this_one() {
    let (app, first) = app_with_coordinator().await;
    let other = sign_in_from(&app, SAFARI_IPHONE).await;
    let changed = app
        .call(
            ChangePassword::PATH,
            &form(&[
                ("current_password", COORDINATOR_PASSWORD),
                ("new_password", "six carottes au vent"),
            ]),
            Some(&first),
        )
        .await;
    changed.assert_status(StatusCode::OK);
    let first = session_cookie(&changed).unwrap_or(first);
    assert!(is_signed_in(&app, &first).await);
    assert!(!is_signed_in(&app, &other).await);
    let listed = my_sessions(&app, &first).await;
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(listed[0].current);
}
