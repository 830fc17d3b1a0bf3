//! Doors open without signing in answer a flood with 429 and the wait; a
//! flood of refused sign-ins is one audit row a minute; guessing the current
//! password of a signed-in session is slowed and audited like a sign-in.
use super::*;

async fn app_with_limit(per_client: u32) -> TestApp {
    TestApp::with_config(|config| {
        config.rate_limit_per_client = per_client;
        config.rate_limit_overall = 1_000;
    })
    .await
}

#[tokio::test]
async fn a_flood_at_a_door_gets_429_with_the_wait_in_the_person_s_language() {
    let app = app_with_limit(3).await;
    let reset = |email: &'static str| {
        let app = &app;
        async move {
            app.call(RequestPasswordReset::PATH, &form(&[("email", email)]), None)
                .await
        }
    };
    for _ in 0..3 {
        let answer = reset("someone@program.example").await;
        assert!(
            answer.status.is_success() || answer.status.is_redirection(),
            "{} {}",
            answer.status,
            answer.body
        );
    }
    let refused = reset("someone@program.example").await;
    refused.assert_status(StatusCode::TOO_MANY_REQUESTS);
    let retry_after: i64 = refused
        .headers
        .get("retry-after")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse().ok())
        .expect("a Retry-After in seconds");
    assert!((60..=120).contains(&retry_after), "{retry_after}");
    assert!(matches!(
        error_of(&refused),
        AppError::TooManyAttempts { .. }
    ));
    // Each door counts apart: signing in is still open.
    let sign_in = app
        .log_in("someone@program.example", "a wrong password")
        .await;
    sign_in.assert_status(StatusCode::BAD_REQUEST);

    // A page that reads the applicant's link is refused the same way, in words.
    for _ in 0..3 {
        app.get("/application/not-a-real-token").await;
    }
    let page = app
        .send(
            crate::common::page_request("/application/not-a-real-token")
                .body(axum::body::Body::empty())
                .expect("a request"),
        )
        .await;
    assert!(
        page.body.contains("Too many attempts") || page.body.contains("Trop de tentatives"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn a_flood_of_refused_sign_ins_is_one_audit_row_a_minute_with_its_count() {
    let app = app_with_limit(1_000).await;
    for _ in 0..12 {
        app.log_in("nobody@program.example", "a wrong password")
            .await;
    }
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT event, repeats FROM audit_log WHERE event IN ('login_failed', 'login_throttled') \
         ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .expect("the audit log");
    // The minute may turn during the test: then two rows of each.
    assert!(rows.len() <= 4, "{rows:?}");
    let total: i64 = rows.iter().map(|(_, repeats)| repeats).sum();
    assert_eq!(total, 12, "every attempt is counted: {rows:?}");
}

#[tokio::test]
async fn guessing_the_current_password_is_slowed_and_audited() {
    let (app, cookie) = app_with_coordinator().await;
    let change = |current: &'static str| {
        let app = &app;
        let cookie = cookie.clone();
        async move {
            app.call(
                ChangePassword::PATH,
                &form(&[
                    ("current_password", current),
                    ("new_password", "six carottes au vent"),
                ]),
                Some(&cookie),
            )
            .await
        }
    };
    for _ in 0..4 {
        let wrong = change("not my password").await;
        assert_eq!(
            error_of(&wrong).problem_with("current_password"),
            Some(InputProblem::WrongCurrentPassword)
        );
    }
    // The fifth guess is counted; the sixth waits, even with the right password.
    change("not my password").await;
    let slowed = change(COORDINATOR_PASSWORD).await;
    slowed.assert_status(StatusCode::TOO_MANY_REQUESTS);
    let audited: Vec<(String, i64)> = sqlx::query_as(
        "SELECT event, repeats FROM audit_log WHERE event LIKE 'current_password_%' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .expect("the audit log");
    let failed: i64 = audited
        .iter()
        .filter(|(event, _)| event == "current_password_failed")
        .map(|(_, repeats)| repeats)
        .sum();
    assert_eq!(failed, 5, "{audited:?}");
    assert!(audited
        .iter()
        .any(|(event, _)| event == "current_password_throttled"));
}

#[tokio::test]
async fn a_new_password_is_neither_common_nor_the_person_s_name_or_address() {
    let (app, cookie) = app_with_coordinator().await;
    for (new_password, problem) in [
        ("Password1234", InputProblem::PasswordCommon),
        ("qwertyuiop", InputProblem::PasswordCommon),
        ("claire@program.example", InputProblem::PasswordMentionsYou),
    ] {
        let refused = app
            .call(
                ChangePassword::PATH,
                &form(&[
                    ("current_password", COORDINATOR_PASSWORD),
                    ("new_password", new_password),
                ]),
                Some(&cookie),
            )
            .await;
        assert_eq!(
            error_of(&refused).problem_with("new_password"),
            Some(problem),
            "{new_password}"
        );
    }
    // Registration says the same, before anything is stored.
    app.call(
        app::people::api::SetRegistrationOpen::PATH,
        &form(&[("open", "true")]),
        Some(&cookie),
    )
    .await
    .assert_status(StatusCode::OK);
    let registration = app
        .call(
            RegisterMentee::PATH,
            &form(&[
                ("display_name", "Noor Haddad"),
                ("email", "noor@student.example"),
                ("password", "noor-haddad-2026"),
                ("locale", "en"),
                ("student", "on"),
                ("consent", "on"),
            ]),
            None,
        )
        .await;
    assert_eq!(
        error_of(&registration).problem_with("password"),
        Some(InputProblem::PasswordMentionsYou)
    );
}
