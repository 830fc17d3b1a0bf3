//! Verified sign-up (security issue, item 3): the form sends a link and
//! creates nothing; the link's page shows what it would create and only its
//! button creates it; the answer is the same whether or not the address has
//! an account (whose owner gets a notice instead); a flood at one address
//! stops at three emails an hour.
use super::*;

fn fields(name: &str, email: &str) -> String {
    form(&[
        ("display_name", name),
        ("email", email),
        ("password", "a quiet harbour at dawn"),
        ("locale", "fr"),
        ("student", "on"),
        ("consent", "on"),
    ])
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.pool)
        .await
        .expect("a count")
}

/// Who registers and what the outbox holds for them.
async fn emails_to(app: &TestApp, email: &str) -> Vec<(String, Option<String>)> {
    sqlx::query_as("SELECT kind, action_url FROM outbox WHERE recipient = ? ORDER BY id")
        .bind(email)
        .fetch_all(&app.pool)
        .await
        .expect("the outbox")
}

#[tokio::test]
async fn registering_sends_a_link_and_only_its_button_creates_the_account() {
    let (app, _coordinator) = app_with_coordinator().await;
    let asked = app
        .call(
            RegisterMentee::PATH,
            &fields("Amina", "amina@student.example"),
            None,
        )
        .await;
    asked.assert_status(StatusCode::OK);
    assert_eq!(redirect_of(&asked).as_deref(), Some("/register?sent=1"));
    assert!(session_cookie(&asked).is_none(), "nobody is signed in yet");
    let accounts = "SELECT count(*) FROM accounts WHERE email = 'amina@student.example'";
    assert_eq!(count(&app, accounts).await, 0, "no account before the link");
    let emails = emails_to(&app, "amina@student.example").await;
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].0, "registration_confirmation");
    let token = app
        .registration_token("amina@student.example")
        .await
        .expect("the link");
    // Only the hash of the link is kept.
    let stored: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM registration_requests WHERE token_hash = ? AND token_hash != ?",
    )
    .bind(hash_token(&token))
    .bind(&token)
    .fetch_one(&app.pool)
    .await
    .expect("the request");
    assert_eq!(stored, 1);

    // Opening the link (as a mail scanner would) shows it and creates nothing.
    let page = app.get(&format!("/register/confirm/{token}")).await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("amina@student.example"), "{}", page.body);
    assert!(page.body.contains("Confirmer et créer mon compte"));
    assert_eq!(count(&app, accounts).await, 0);

    let confirmed = app
        .call(ConfirmRegistration::PATH, &form(&[("token", &token)]), None)
        .await;
    confirmed.assert_status(StatusCode::OK);
    assert_eq!(redirect_of(&confirmed).as_deref(), Some("/mentee"));
    let mentee = session_cookie(&confirmed).expect("signed in");
    app.get_with_cookie("/mentee", &mentee)
        .await
        .assert_status(StatusCode::OK);
    assert_eq!(count(&app, accounts).await, 1);
    // The request, its password hash and its link are gone.
    assert_eq!(
        count(&app, "SELECT count(*) FROM registration_requests").await,
        0
    );
    // Used once: the link is dead, its page says so.
    let again = app
        .call(ConfirmRegistration::PATH, &form(&[("token", &token)]), None)
        .await;
    again.assert_status(StatusCode::GONE);
    assert_eq!(error_of(&again), AppError::LinkInvalid);
    let dead = app.get(&format!("/register/confirm/{token}")).await;
    dead.assert_status(StatusCode::GONE);
    assert!(dead.body.contains("ne fonctionne plus"), "{}", dead.body);
    // The password typed at registration is the account's.
    app.sign_in("amina@student.example", "a quiet harbour at dawn")
        .await;
}

#[tokio::test]
async fn the_answer_is_the_same_for_an_address_with_an_account_whose_owner_gets_a_notice() {
    let (app, _coordinator) = app_with_coordinator().await;
    app.create_account(Role::Mentee, "taken@student.example", "owner-password-1")
        .await;
    let new_address = app
        .call(
            RegisterMentee::PATH,
            &fields("Someone", "free@student.example"),
            None,
        )
        .await;
    let taken = app
        .call(
            RegisterMentee::PATH,
            &fields("Someone", "TAKEN@student.example"),
            None,
        )
        .await;
    assert_eq!(taken.status, new_address.status);
    assert_eq!(redirect_of(&taken), redirect_of(&new_address));
    assert_eq!(taken.body, new_address.body);
    // The owner is told, with the sign-in page; nothing waits to be created.
    let emails = emails_to(&app, "taken@student.example").await;
    assert_eq!(emails.len(), 1, "{emails:?}");
    assert_eq!(emails[0].0, "registration_notice");
    assert!(emails[0]
        .1
        .as_deref()
        .is_some_and(|url| url.ends_with("/login")));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM registration_requests WHERE email = 'taken@student.example'"
        )
        .await,
        0
    );
    // And the owner's password still works, unchanged.
    app.sign_in("taken@student.example", "owner-password-1")
        .await;
}

#[tokio::test]
async fn one_address_gets_at_most_three_emails_an_hour_whatever_is_asked() {
    let (app, _coordinator) = app_with_coordinator().await;
    app.create_account(Role::Mentee, "taken@student.example", "owner-password-1")
        .await;
    for email in ["flood@student.example", "taken@student.example"] {
        for _ in 0..5 {
            let asked = app
                .call(RegisterMentee::PATH, &fields("Someone", email), None)
                .await;
            asked.assert_status(StatusCode::OK);
            assert_eq!(redirect_of(&asked).as_deref(), Some("/register?sent=1"));
        }
        assert_eq!(emails_to(&app, email).await.len(), 3, "{email}");
    }
}

#[tokio::test]
async fn an_expired_link_or_a_closed_registration_creates_nothing() {
    let (app, coordinator) = app_with_coordinator().await;
    app.call(
        RegisterMentee::PATH,
        &fields("Late", "late@student.example"),
        None,
    )
    .await
    .assert_status(StatusCode::OK);
    app.call(
        RegisterMentee::PATH,
        &fields("Closed", "closed@student.example"),
        None,
    )
    .await
    .assert_status(StatusCode::OK);
    sqlx::query(
        "UPDATE registration_requests SET expires_at = '2000-01-01T00:00:00Z' \
         WHERE email = 'late@student.example'",
    )
    .execute(&app.pool)
    .await
    .expect("an old link");
    let late = app
        .registration_token("late@student.example")
        .await
        .expect("a link");
    let expired = app
        .call(ConfirmRegistration::PATH, &form(&[("token", &late)]), None)
        .await;
    assert_eq!(error_of(&expired), AppError::LinkInvalid);
    app.get(&format!("/register/confirm/{late}"))
        .await
        .assert_status(StatusCode::GONE);

    app.call(
        SetRegistrationOpen::PATH,
        &form(&[("open", "false")]),
        Some(&coordinator),
    )
    .await
    .assert_status(StatusCode::OK);
    let token = app
        .registration_token("closed@student.example")
        .await
        .expect("a link");
    let closed = app
        .call(ConfirmRegistration::PATH, &form(&[("token", &token)]), None)
        .await;
    closed.assert_status(StatusCode::CONFLICT);
    assert_eq!(error_of(&closed), AppError::RegistrationClosed);
    assert_eq!(
        count(&app, "SELECT count(*) FROM accounts WHERE role = 'mentee'").await,
        0
    );
}

#[tokio::test]
async fn the_consent_names_the_notice_shown_at_registration_and_a_material_new_one_is_asked() {
    let (app, _coordinator) = app_with_coordinator().await;
    let shown: i64 = count(
        &app,
        "SELECT COALESCE(MAX(version), 1) FROM privacy_notices",
    )
    .await;
    app.call(
        RegisterMentee::PATH,
        &fields("Zoé", "zoe@student.example"),
        None,
    )
    .await
    .assert_status(StatusCode::OK);
    sqlx::query(
        "INSERT INTO privacy_notices (version, body_fr, body_en, changes_fr, changes_en, \
         is_material, published_at) VALUES (90, 'Avis', 'Notice', 'Nouvelle finalité', \
         'New purpose', 1, '2026-12-01T10:00:00Z')",
    )
    .execute(&app.pool)
    .await
    .expect("a new version");
    let token = app
        .registration_token("zoe@student.example")
        .await
        .expect("a link");
    let confirmed = app
        .call(ConfirmRegistration::PATH, &form(&[("token", &token)]), None)
        .await;
    confirmed.assert_status(StatusCode::OK);
    assert_eq!(
        redirect_of(&confirmed).as_deref(),
        Some("/consent?next=/mentee")
    );
    let version: i64 = count(
        &app,
        "SELECT c.notice_version FROM consents c JOIN accounts a ON a.id = c.account_id \
         WHERE a.email = 'zoe@student.example'",
    )
    .await;
    assert_eq!(version, shown);
}
