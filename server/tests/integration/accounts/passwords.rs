//! Password resets: never revealing an account, working once, expiring, and
//! never flooding an inbox.
use super::*;

#[tokio::test]
async fn a_password_reset_never_reveals_an_account_and_works_once() {
    let (app, old_session) = app_with_coordinator().await;
    let unknown = app
        .call(
            RequestPasswordReset::PATH,
            &form(&[("email", "nobody@program.example")]),
            None,
        )
        .await;
    let known = app
        .call(
            RequestPasswordReset::PATH,
            &form(&[("email", COORDINATOR_EMAIL)]),
            None,
        )
        .await;
    assert_eq!(unknown.status, known.status);
    assert_eq!(unknown.body, known.body);
    assert_eq!(redirect_of(&unknown), redirect_of(&known));
    // Only the real account gets a message (prepared after the answer).
    let resets = "SELECT count(*) FROM outbox WHERE kind = 'password_reset'";
    app.wait_for_count(resets, 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    app.wait_for_count(resets, 1).await;

    let (url, locale, _) = latest_link(&app).await;
    assert_eq!(locale, "fr");
    let token = token_of(&url);
    // The coordinator's outbox shows the message, never its link.
    let outbox = app
        .call(
            app::journals::outbox_api::ListOutbox::PATH,
            "",
            Some(&old_session),
        )
        .await;
    outbox.assert_status(StatusCode::OK);
    assert!(
        outbox.body.contains("Réinitialiser votre mot de passe"),
        "{}",
        outbox.body
    );
    assert!(
        !outbox.body.contains(&token),
        "a reset link is for its owner only"
    );
    let checked = app
        .call(CheckPasswordReset::PATH, &form(&[("token", &token)]), None)
        .await;
    checked.assert_status(StatusCode::OK);
    let too_short = app
        .call(
            ResetPassword::PATH,
            &form(&[("token", &token), ("password", "short")]),
            None,
        )
        .await;
    assert_eq!(
        error_of(&too_short).problem_with("password"),
        Some(InputProblem::PasswordTooShort)
    );
    let reset = app
        .call(
            ResetPassword::PATH,
            &form(&[("token", &token), ("password", "brand-new-password")]),
            None,
        )
        .await;
    reset.assert_status(StatusCode::OK);
    assert_eq!(redirect_of(&reset).as_deref(), Some("/login?reset=done"));

    // The new password works, the old one does not, old sessions are over, the link is spent.
    app.sign_in(COORDINATOR_EMAIL, "brand-new-password").await;
    let old = app.log_in(COORDINATOR_EMAIL, COORDINATOR_PASSWORD).await;
    old.assert_status(StatusCode::BAD_REQUEST);
    let stale = app.call(GetCurrentUser::PATH, "", Some(&old_session)).await;
    assert_eq!(stale.body, "null");
    let reused = app
        .call(
            ResetPassword::PATH,
            &form(&[("token", &token), ("password", "third-password-1")]),
            None,
        )
        .await;
    reused.assert_status(StatusCode::GONE);
}

#[tokio::test]
async fn an_expired_reset_link_is_refused() {
    let (app, _) = app_with_coordinator().await;
    app.call(
        RequestPasswordReset::PATH,
        &form(&[("email", COORDINATOR_EMAIL)]),
        None,
    )
    .await;
    app.wait_for_count("SELECT count(*) FROM outbox", 1).await;
    let token = token_of(&latest_link(&app).await.0);
    sqlx::query("UPDATE password_resets SET expires_at = '2000-01-01T00:00:00Z'")
        .execute(&app.pool)
        .await
        .expect("expire");
    let reset = app
        .call(
            ResetPassword::PATH,
            &form(&[("token", &token), ("password", "brand-new-password")]),
            None,
        )
        .await;
    reset.assert_status(StatusCode::GONE);
    let page = app.get(&format!("/password/reset/{token}")).await;
    assert!(page.body.contains("plus valide"), "{}", page.body);
}

#[tokio::test]
async fn the_reset_form_cannot_flood_an_inbox() {
    let (app, _) = app_with_coordinator().await;
    for _ in 0..5 {
        let response = app
            .call(
                RequestPasswordReset::PATH,
                &form(&[("email", COORDINATOR_EMAIL)]),
                None,
            )
            .await;
        response.assert_status(StatusCode::OK);
    }
    app.wait_for_count("SELECT count(*) FROM outbox", RESETS_PER_HOUR)
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.wait_for_count("SELECT count(*) FROM outbox", RESETS_PER_HOUR)
        .await;
}
