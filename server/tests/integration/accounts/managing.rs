//! Managing accounts: the coordinator changes roles (never their own), and
//! each person changes their own name, language and password.
use super::*;

#[tokio::test]
async fn a_coordinator_changes_roles_but_never_their_own_and_it_is_audited() {
    let (app, coordinator) = app_with_coordinator().await;
    let id = app
        .create_account(Role::Mentor, "promoted@mentor.example", "promo-password-1")
        .await;
    let changed = app
        .call(
            ChangeAccountRole::PATH,
            &form(&[("account_id", &id.to_string()), ("role", "coordinator")]),
            Some(&coordinator),
        )
        .await;
    changed.assert_status(StatusCode::OK);
    let own_id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE email = ?")
        .bind(COORDINATOR_EMAIL)
        .fetch_one(&app.pool)
        .await
        .expect("id");
    let own = app
        .call(
            ChangeAccountRole::PATH,
            &form(&[("account_id", &own_id.to_string()), ("role", "mentee")]),
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        error_of(&own).problem_with("role"),
        Some(InputProblem::NotOnYourself)
    );

    let log = app
        .call(
            app::journals::audit_api::ListAuditLog::PATH,
            "",
            Some(&coordinator),
        )
        .await;
    for event in ["coordinator_created", "login_succeeded", "role_changed"] {
        assert!(
            log.body.contains(event),
            "{event} missing from {}",
            log.body
        );
    }
    assert!(log.body.contains("mentor → coordinator"));
}

#[tokio::test]
async fn my_account_changes_name_language_and_password() {
    let (app, coordinator) = app_with_coordinator().await;
    let updated = app
        .call(
            UpdateMyAccount::PATH,
            &form(&[("display_name", "Claire G."), ("locale", "en")]),
            Some(&coordinator),
        )
        .await;
    updated.assert_status(StatusCode::OK);
    let me = app.call(GetMyAccount::PATH, "", Some(&coordinator)).await;
    assert!(
        me.body.contains("Claire G.") && me.body.contains("\"en\""),
        "{}",
        me.body
    );

    let wrong = app
        .call(
            ChangePassword::PATH,
            &form(&[
                ("current_password", "not-it"),
                ("new_password", "another-password-1"),
            ]),
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        error_of(&wrong).problem_with("current_password"),
        Some(InputProblem::WrongCurrentPassword)
    );
    let changed = app
        .call(
            ChangePassword::PATH,
            &form(&[
                ("current_password", COORDINATOR_PASSWORD),
                ("new_password", "another-password-1"),
            ]),
            Some(&coordinator),
        )
        .await;
    changed.assert_status(StatusCode::OK);
    // This session stays signed in under its new id.
    let current = session_cookie(&changed).expect("the session is renewed");
    assert_ne!(
        app.call(GetCurrentUser::PATH, "", Some(&current))
            .await
            .body,
        "null"
    );
    app.sign_in(COORDINATOR_EMAIL, "another-password-1").await;
}
