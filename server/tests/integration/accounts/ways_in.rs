//! Ways in: the first coordinator, an invitation (used once, or expired),
//! a student's registration, and a dead link's page.
use super::*;

#[tokio::test]
async fn the_first_coordinator_signs_in_and_reaches_the_coordination_area() {
    let (app, cookie) = app_with_coordinator().await;
    let page = app.get_with_cookie("/coordinator", &cookie).await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Bonjour, Claire"), "{}", page.body);
    // A second coordinator with the same address (other case) is refused.
    let again = server::accounts_cli::create_coordinator(
        &app.pool,
        "CLAIRE@program.example",
        "Claire bis",
        "fr",
        "another-password-1".to_owned(),
    )
    .await;
    assert!(again.is_err());
}

#[tokio::test]
async fn an_invited_mentor_sets_a_password_once_and_lands_in_the_mentor_area() {
    let (app, coordinator) = app_with_coordinator().await;
    let invited = app
        .call(
            InvitePerson::PATH,
            &form(&[
                ("email", "marc@mentor.example"),
                ("display_name", "Marc"),
                ("role", "mentor"),
                ("locale", "en"),
                ("diploma_level", "bachelor"),
                ("is_employed", "yes"),
                ("works_in_research", "no"),
            ]),
            Some(&coordinator),
        )
        .await;
    invited.assert_status(StatusCode::OK);

    // The message is in the invitee's language, with a link whose token is stored only hashed.
    let (url, locale, body) = latest_link(&app).await;
    assert_eq!(locale, "en");
    assert!(
        body.contains("Hello Marc") && body.contains("Claire"),
        "{body}"
    );
    let token = token_of(&url);
    assert!(url.contains("/invitation/"), "{url}");
    let stored: String = sqlx::query_scalar("SELECT token_hash FROM invitations")
        .fetch_one(&app.pool)
        .await
        .expect("the invitation is stored");
    assert_eq!(stored, hash_token(&token));
    assert_ne!(stored, token);

    let summary = app
        .call(GetInvitation::PATH, &form(&[("token", &token)]), None)
        .await;
    summary.assert_status(StatusCode::OK);
    assert!(summary.body.contains("marc@mentor.example"));

    // Without the privacy notice accepted: refused, field by field.
    let refused = app
        .call(
            AcceptInvitation::PATH,
            &form(&[
                ("token", &token),
                ("display_name", "Marc T."),
                ("password", "three green apples 1"),
            ]),
            None,
        )
        .await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert_eq!(
        error_of(&refused).problem_with("consent"),
        Some(InputProblem::ConsentRequired)
    );

    let accepted = app
        .call(
            AcceptInvitation::PATH,
            &form(&[
                ("token", &token),
                ("display_name", "Marc T."),
                ("password", "three green apples 1"),
                ("consent", "on"),
            ]),
            None,
        )
        .await;
    accepted.assert_status(StatusCode::OK);
    assert_eq!(redirect_of(&accepted).as_deref(), Some("/mentor"));
    let mentor = session_cookie(&accepted).expect("the new mentor is signed in");
    let area = app.get_with_cookie("/mentor", &mentor).await;
    area.assert_status(StatusCode::OK);
    assert!(area.body.contains("Marc T."));

    // The link works once.
    let reused = app
        .call(
            AcceptInvitation::PATH,
            &form(&[
                ("token", &token),
                ("display_name", "Eve"),
                ("password", "eve-password-1"),
                ("consent", "on"),
            ]),
            None,
        )
        .await;
    reused.assert_status(StatusCode::GONE);
    assert_eq!(error_of(&reused), AppError::LinkInvalid);
    let accounts: i64 = sqlx::query_scalar("SELECT count(*) FROM accounts")
        .fetch_one(&app.pool)
        .await
        .expect("count");
    assert_eq!(accounts, 2);
}

#[tokio::test]
async fn an_expired_invitation_no_longer_opens() {
    let (app, coordinator) = app_with_coordinator().await;
    app.call(
        InvitePerson::PATH,
        &form(&[
            ("email", "late@mentor.example"),
            ("display_name", "Late"),
            ("role", "mentor"),
            ("locale", "fr"),
            ("diploma_level", "bachelor"),
            ("is_employed", "yes"),
            ("works_in_research", "no"),
        ]),
        Some(&coordinator),
    )
    .await;
    let token = token_of(&latest_link(&app).await.0);
    sqlx::query("UPDATE invitations SET expires_at = '2000-01-01T00:00:00Z'")
        .execute(&app.pool)
        .await
        .expect("expire");
    let page = app
        .call(GetInvitation::PATH, &form(&[("token", &token)]), None)
        .await;
    page.assert_status(StatusCode::GONE);
    let accepted = app
        .call(
            AcceptInvitation::PATH,
            &form(&[
                ("token", &token),
                ("display_name", "Late"),
                ("password", "late-password-1"),
                ("consent", "on"),
            ]),
            None,
        )
        .await;
    accepted.assert_status(StatusCode::GONE);
}

#[tokio::test]
async fn a_student_registers_and_reaches_the_mentee_area_unless_registration_is_closed() {
    let (app, coordinator) = app_with_coordinator().await;
    let fields = |email: &str| {
        form(&[
            ("display_name", "Amina"),
            ("email", email),
            ("password", "a quiet harbour at dawn"),
            ("locale", "en"),
            ("student", "on"),
            ("consent", "on"),
        ])
    };
    let registered = app
        .register_and_confirm(&fields("amina@student.example"), "amina@student.example")
        .await;
    registered.assert_status(StatusCode::OK);
    assert_eq!(redirect_of(&registered).as_deref(), Some("/mentee"));
    let mentee = session_cookie(&registered).expect("signed in");
    let area = app.get_with_cookie("/mentee", &mentee).await;
    area.assert_status(StatusCode::OK);
    let (role, locale, consented): (String, String, Option<String>) = sqlx::query_as(
        "SELECT role, locale, consented_at FROM accounts WHERE email = 'amina@student.example'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("the account");
    assert_eq!((role.as_str(), locale.as_str()), ("mentee", "en"));
    assert!(consented.is_some());

    // Not a student: refused on that field.
    let not_student = app
        .call(
            RegisterMentee::PATH,
            &form(&[
                ("display_name", "Bob"),
                ("email", "bob@example.org"),
                ("password", "bob-password-1"),
                ("locale", "fr"),
                ("consent", "on"),
            ]),
            None,
        )
        .await;
    assert_eq!(
        error_of(&not_student).problem_with("student"),
        Some(InputProblem::StudentRequired)
    );

    // The coordinator closes registration: the page says so and the function refuses.
    let closed = app
        .call(
            SetRegistrationOpen::PATH,
            &form(&[("open", "false")]),
            Some(&coordinator),
        )
        .await;
    closed.assert_status(StatusCode::OK);
    let refused = app
        .call(RegisterMentee::PATH, &fields("late@student.example"), None)
        .await;
    refused.assert_status(StatusCode::CONFLICT);
    assert_eq!(error_of(&refused), AppError::RegistrationClosed);
    let page = app.get("/register").await;
    assert!(page.body.contains("fermées"), "{}", page.body);
}

#[tokio::test]
async fn a_dead_link_page_answers_410() {
    let app = TestApp::new().await;
    let invitation = app.get("/invitation/not-a-token").await;
    invitation.assert_status(StatusCode::GONE);
    assert!(invitation.body.contains("n’est plus valide"));
    let reset = app.get("/password/reset/not-a-token").await;
    reset.assert_status(StatusCode::GONE);
}
