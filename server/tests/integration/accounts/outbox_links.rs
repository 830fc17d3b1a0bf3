//! No working link left for others to read: the outbox shows an invitation's
//! link only to the coordinator who sent it, and only without a mail server.
use super::*;

async fn invite(app: &TestApp, coordinator: &str, email: &str) {
    app.call(
        InvitePerson::PATH,
        &form(&[
            ("email", email),
            ("display_name", "Invited"),
            ("role", "mentee"),
            ("locale", "fr"),
        ]),
        Some(coordinator),
    )
    .await
    .assert_status(StatusCode::OK);
}

async fn outbox_of(app: &TestApp, coordinator: &str) -> app::outbox::OutboxOverview {
    let outbox = app
        .call(
            app::journals::outbox_api::ListOutbox::PATH,
            "",
            Some(coordinator),
        )
        .await;
    outbox.assert_status(StatusCode::OK);
    outbox.json()
}

async fn second_coordinator(app: &TestApp) -> String {
    app.create_account(
        Role::Coordinator,
        "marc@program.example",
        "coordination-marc-1",
    )
    .await;
    app.sign_in("marc@program.example", "coordination-marc-1")
        .await
}

#[tokio::test]
async fn an_invitation_link_is_shown_to_its_sender_alone_and_only_without_a_mail_server() {
    let (app, claire) = app_with_coordinator().await;
    let marc = second_coordinator(&app).await;
    invite(&app, &claire, "lea@student.example").await;

    let seen_by_claire = outbox_of(&app, &claire).await;
    let message = &seen_by_claire.messages[0];
    assert_eq!(message.recipient, "lea@student.example");
    assert!(
        message
            .action_url
            .as_deref()
            .is_some_and(|url| url.contains("/invitation/")),
        "the sender hands the link over: {message:?}"
    );
    let seen_by_marc = outbox_of(&app, &marc).await;
    let message = &seen_by_marc.messages[0];
    assert_eq!(message.action_url, None, "another coordinator's invitation");
    assert!(message.link_withheld);
}

#[tokio::test]
async fn with_a_mail_server_no_coordinator_reads_an_invitation_link() {
    let (app, claire) = app_with_coordinator_and(|config| {
        config.smtp_url = Some("smtp://127.0.0.1:9".to_owned());
    })
    .await;
    invite(&app, &claire, "lea@student.example").await;
    let outbox = outbox_of(&app, &claire).await;
    assert!(outbox.smtp_configured);
    let message = &outbox.messages[0];
    assert_eq!(message.action_url, None, "the mail server delivers it");
    assert!(message.link_withheld);
}

#[tokio::test]
async fn a_registration_link_is_shown_to_the_coordination_only_without_a_mail_server() {
    let registration = form(&[
        ("display_name", "Amina"),
        ("email", "amina@student.example"),
        ("password", "a quiet harbour at dawn"),
        ("locale", "fr"),
        ("student", "on"),
        ("consent", "on"),
    ]);
    let (app, claire) = app_with_coordinator().await;
    app.call(RegisterMentee::PATH, &registration, None)
        .await
        .assert_status(StatusCode::OK);
    let outbox = outbox_of(&app, &claire).await;
    let message = &outbox.messages[0];
    assert_eq!(message.recipient, "amina@student.example");
    assert!(
        message
            .action_url
            .as_deref()
            .is_some_and(|url| url.contains("/register/confirm/")),
        "without email, the coordination hands the link over: {message:?}"
    );

    let (app, claire) = app_with_coordinator_and(|config| {
        config.smtp_url = Some("smtp://127.0.0.1:9".to_owned());
    })
    .await;
    app.call(RegisterMentee::PATH, &registration, None)
        .await
        .assert_status(StatusCode::OK);
    let outbox = outbox_of(&app, &claire).await;
    let message = &outbox.messages[0];
    assert_eq!(message.action_url, None, "the mail server delivers it");
    assert!(message.link_withheld);
}
