//! The ways into an account, through HTTP: the first coordinator, invitations,
//! registration, sign-in, password reset — with expired and reused links.

use crate::common::{form, session_cookie, TestApp, TestResponse};
use app::accounts::tokens::hash_token;
use app::accounts::Role;
use app::error::{AppError, InputProblem};
use app::people::api::*;
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

const COORDINATOR_EMAIL: &str = "claire@program.example";
const COORDINATOR_PASSWORD: &str = "coordination-2026";

fn error_of(response: &TestResponse) -> AppError {
    serde_json::from_str(&response.body)
        .unwrap_or_else(|_| panic!("not an AppError: {} {}", response.status, response.body))
}

fn redirect_of(response: &TestResponse) -> Option<String> {
    response
        .headers
        .get("location")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

async fn app_with_coordinator() -> (TestApp, String) {
    let app = TestApp::new().await;
    server::accounts_cli::create_coordinator(
        &app.pool,
        COORDINATOR_EMAIL,
        "Claire",
        "fr",
        COORDINATOR_PASSWORD.to_owned(),
    )
    .await
    .expect("the first coordinator is created");
    let cookie = app.sign_in(COORDINATOR_EMAIL, COORDINATOR_PASSWORD).await;
    (app, cookie)
}

/// The token of the latest outbox link (what the recipient would click).
async fn latest_link(app: &TestApp) -> (String, String, String) {
    let (url, locale, body): (String, String, String) =
        sqlx::query_as("SELECT action_url, locale, body FROM outbox ORDER BY id DESC LIMIT 1")
            .fetch_one(&app.pool)
            .await
            .expect("a message in the outbox");
    (url, locale, body)
}

fn token_of(url: &str) -> String {
    url.rsplit('/').next().unwrap_or_default().to_owned()
}

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
                ("password", "marc-password-1"),
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
                ("password", "marc-password-1"),
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
            ("password", "amina-password"),
            ("locale", "en"),
            ("student", "on"),
            ("consent", "on"),
        ])
    };
    let registered = app
        .call(RegisterMentee::PATH, &fields("amina@student.example"), None)
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

    // The same address in other letters is the same address.
    let again = app
        .call(RegisterMentee::PATH, &fields("AMINA@student.example"), None)
        .await;
    again.assert_status(StatusCode::BAD_REQUEST);
    assert_eq!(
        error_of(&again).problem_with("email"),
        Some(InputProblem::EmailTaken)
    );

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
async fn a_wrong_password_is_refused_without_saying_which_part_was_wrong() {
    let (app, _) = app_with_coordinator().await;
    let wrong_password = app.log_in(COORDINATOR_EMAIL, "nope").await;
    let unknown_email = app.log_in("nobody@x.example", "nope").await;
    wrong_password.assert_status(StatusCode::BAD_REQUEST);
    assert_eq!(wrong_password.body, unknown_email.body);
    assert_eq!(error_of(&wrong_password), AppError::BadCredentials);
    assert!(session_cookie(&wrong_password).is_none());
}

#[tokio::test]
async fn repeated_failures_slow_down_sign_in_even_with_the_right_password() {
    let (app, _) = app_with_coordinator().await;
    for attempt in 1..=5 {
        let response = app.log_in(COORDINATOR_EMAIL, "guess").await;
        assert_eq!(
            response.status,
            StatusCode::BAD_REQUEST,
            "attempt {attempt}"
        );
    }
    let blocked = app.log_in(COORDINATOR_EMAIL, COORDINATOR_PASSWORD).await;
    blocked.assert_status(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        error_of(&blocked),
        AppError::TooManyAttempts {
            retry_after_minutes: 1
        }
    );
    assert!(session_cookie(&blocked).is_none());
    // Other accounts are not locked out by someone guessing this one.
    app.create_account(Role::Mentor, "other@mentor.example", "other-password-1")
        .await;
    app.sign_in("other@mentor.example", "other-password-1")
        .await;
    let events: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE event = 'login_throttled'")
            .fetch_one(&app.pool)
            .await
            .expect("count");
    assert_eq!(events, 1);
}

#[tokio::test]
async fn signing_in_rotates_the_session_and_signing_out_ends_it() {
    let (app, first) = app_with_coordinator().await;
    let response = app
        .call(
            LogIn::PATH,
            &form(&[
                ("email", COORDINATOR_EMAIL),
                ("password", COORDINATOR_PASSWORD),
                ("next", "/coordinator/people"),
            ]),
            Some(&first),
        )
        .await;
    assert_eq!(
        redirect_of(&response).as_deref(),
        Some("/coordinator/people")
    );
    let second = session_cookie(&response).expect("a new session cookie");
    assert_ne!(first, second, "the session id changes at sign-in");
    let old = app.call(GetCurrentUser::PATH, "", Some(&first)).await;
    assert_eq!(old.body, "null", "the old session id is dead");

    let out = app.call(LogOut::PATH, "", Some(&second)).await;
    out.assert_status(StatusCode::OK);
    let after = app.call(GetCurrentUser::PATH, "", Some(&second)).await;
    assert_eq!(after.body, "null");
}

#[tokio::test]
async fn a_session_cookie_is_http_only_lax_and_secure_when_configured() {
    let app = TestApp::with_config(|config| config.secure_cookies = true).await;
    app.create_account(Role::Mentee, "lea@student.example", "lea-password-1")
        .await;
    let response = app.log_in("lea@student.example", "lea-password-1").await;
    let cookie = response
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|cookie| cookie.starts_with("mentorat_session="))
        .expect("the session cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(
        cookie.contains("Max-Age") || cookie.contains("Expires"),
        "idle expiry: {cookie}"
    );
}

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
async fn a_disabled_account_is_signed_out_and_cannot_sign_in() {
    let (app, coordinator) = app_with_coordinator().await;
    let id = app
        .create_account(Role::Mentor, "gone@mentor.example", "gone-password-1")
        .await;
    let session = app.sign_in("gone@mentor.example", "gone-password-1").await;
    let disabled = app
        .call(
            SetAccountDisabled::PATH,
            &form(&[("account_id", &id.to_string()), ("disabled", "true")]),
            Some(&coordinator),
        )
        .await;
    disabled.assert_status(StatusCode::OK);
    assert_eq!(
        app.call(GetCurrentUser::PATH, "", Some(&session))
            .await
            .body,
        "null"
    );
    let again = app.log_in("gone@mentor.example", "gone-password-1").await;
    again.assert_status(StatusCode::BAD_REQUEST);
}

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

#[tokio::test]
async fn a_burst_of_parallel_guesses_is_slowed_like_a_sequence() {
    let (app, _) = app_with_coordinator().await;
    let app = std::sync::Arc::new(app);
    let mut attempts = tokio::task::JoinSet::new();
    for _ in 0..12 {
        let app = app.clone();
        attempts.spawn(async move { app.log_in(COORDINATOR_EMAIL, "guess").await.status });
    }
    let mut checked = 0;
    let mut refused_outright = 0;
    while let Some(status) = attempts.join_next().await {
        match status.expect("the attempt ran") {
            StatusCode::BAD_REQUEST => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => refused_outright += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(
        checked, 5,
        "only the free attempts reach the password check"
    );
    assert_eq!(refused_outright, 7);
}

/// A sign-in attempt from a given network address (behind a trusted proxy).
async fn attempt_from(app: &TestApp, address: &str, password: &str) -> StatusCode {
    use axum::body::Body;
    use axum::http::{header, Request};
    app.send(
        Request::post(LogIn::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .header("x-forwarded-for", address)
            .body(Body::from(form(&[
                ("email", COORDINATOR_EMAIL),
                ("password", password),
                ("next", ""),
            ])))
            .expect("request"),
    )
    .await
    .status
}

#[tokio::test]
async fn someone_guessing_from_elsewhere_does_not_lock_the_owner_out() {
    let app = TestApp::with_config(|config| config.trust_proxy = true).await;
    server::accounts_cli::create_coordinator(
        &app.pool,
        COORDINATOR_EMAIL,
        "Claire",
        "fr",
        COORDINATOR_PASSWORD.to_owned(),
    )
    .await
    .expect("created");
    for _ in 0..6 {
        attempt_from(&app, "203.0.113.66", "guess").await;
    }
    assert_eq!(
        attempt_from(&app, "203.0.113.66", COORDINATOR_PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS,
        "the guesser is slowed"
    );
    assert_eq!(
        attempt_from(&app, "198.51.100.7", COORDINATOR_PASSWORD).await,
        StatusCode::OK,
        "the owner, elsewhere, signs in"
    );
}

#[tokio::test]
async fn a_disabled_then_enabled_account_does_not_get_its_old_sessions_back() {
    let (app, coordinator) = app_with_coordinator().await;
    let id = app
        .create_account(Role::Mentor, "back@mentor.example", "back-password-1")
        .await;
    let old = app.sign_in("back@mentor.example", "back-password-1").await;
    for disabled in ["true", "false"] {
        let response = app
            .call(
                SetAccountDisabled::PATH,
                &form(&[("account_id", &id.to_string()), ("disabled", disabled)]),
                Some(&coordinator),
            )
            .await;
        response.assert_status(StatusCode::OK);
    }
    assert_eq!(
        app.call(GetCurrentUser::PATH, "", Some(&old)).await.body,
        "null"
    );
    app.sign_in("back@mentor.example", "back-password-1").await;
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
