//! Two-step sign-in: turned on with the app's first code, asked after the
//! password, a recovery code once, required of coordinators when the program
//! says so, reset by another coordinator with their own code, slowed like
//! passwords.
use super::*;

/// The code an authenticator app holding `secret` shows at `unix_seconds`.
fn code_at(secret: &str, unix_seconds: u64) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.to_owned())
        .to_bytes()
        .expect("a base32 secret");
    totp_rs::TOTP::new(
        totp_rs::Algorithm::SHA1,
        6,
        1,
        30,
        bytes,
        None,
        "t".to_owned(),
    )
    .expect("a TOTP")
    .generate(unix_seconds)
}

fn now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).expect("after 1970")
}

async fn my_mfa(app: &TestApp, cookie: &str) -> MyMfa {
    let response = app.call(GetMyMfa::PATH, "", Some(cookie)).await;
    response.assert_status(StatusCode::OK);
    response.json()
}

/// Turns two-step sign-in on for the signed-in `cookie`; its secret and recovery codes.
async fn turn_on(app: &TestApp, cookie: &str) -> (String, Vec<String>) {
    app.call(StartMfa::PATH, "", Some(cookie))
        .await
        .assert_status(StatusCode::OK);
    let secret = my_mfa(app, cookie)
        .await
        .setup
        .expect("a secret waits for its first code")
        .secret;
    app.call(
        ConfirmMfa::PATH,
        &form(&[("code", &code_at(&secret, now()))]),
        Some(cookie),
    )
    .await
    .assert_status(StatusCode::OK);
    let state = my_mfa(app, cookie).await;
    assert!(state.enabled);
    assert_eq!(state.fresh_codes.len(), 10);
    (secret, state.fresh_codes)
}

async fn is_signed_in(app: &TestApp, cookie: &str) -> bool {
    app.call(GetCurrentUser::PATH, "", Some(cookie)).await.body != "null"
}

/// A right password: the answer sends to the code prompt; the session waits.
async fn password_step(app: &TestApp, email: &str, password: &str) -> String {
    let answer = app.log_in(email, password).await;
    answer.assert_status(StatusCode::OK);
    assert_eq!(redirect_of(&answer).as_deref(), Some("/login/code"));
    let waiting = session_cookie(&answer).expect("a session waits for the code");
    assert!(!is_signed_in(app, &waiting).await, "not signed in yet");
    waiting
}

async fn code_step(app: &TestApp, waiting: &str, code: &str) -> TestResponse {
    app.call(
        VerifySignInCode::PATH,
        &form(&[("code", code), ("next", "")]),
        Some(waiting),
    )
    .await
}

#[tokio::test]
async fn a_coordinator_turns_it_on_then_signs_in_with_a_code_or_a_recovery_code_once() {
    let (app, cookie) = app_with_coordinator().await;
    assert!(!my_mfa(&app, &cookie).await.enabled);
    let (secret, codes) = turn_on(&app, &cookie).await;
    // The codes are shown once, and stored only hashed.
    assert!(my_mfa(&app, &cookie).await.fresh_codes.is_empty());
    let stored: Vec<String> = sqlx::query_scalar("SELECT code_hash FROM mfa_recovery_codes")
        .fetch_all(&app.pool)
        .await
        .expect("the codes");
    assert_eq!(stored.len(), 10);
    assert!(!stored.iter().any(|hash| codes
        .iter()
        .any(|code| hash.contains(&code.replace('-', "")))));
    // The setup page's image is an SVG QR code drawn by the server.
    let page = app.get_with_cookie("/account/security", &cookie).await;
    page.assert_status(StatusCode::OK);

    // The code just used does not work twice.
    let replay = app
        .call(
            TurnOffMfa::PATH,
            &form(&[("code", &code_at(&secret, now()))]),
            Some(&cookie),
        )
        .await;
    assert_eq!(
        error_of(&replay).problem_with("code"),
        Some(InputProblem::WrongCode)
    );

    // Signing in: the password, then the code.
    app.call(LogOut::PATH, "", Some(&cookie)).await;
    let waiting = password_step(&app, COORDINATOR_EMAIL, COORDINATOR_PASSWORD).await;
    let wrong = code_step(&app, &waiting, "123456").await;
    assert_eq!(
        error_of(&wrong).problem_with("code"),
        Some(InputProblem::WrongCode)
    );
    let letters = code_step(&app, &waiting, "not a code").await;
    assert_eq!(
        error_of(&letters).problem_with("code"),
        Some(InputProblem::InvalidCode)
    );
    let recovered = code_step(&app, &waiting, &codes[0].to_lowercase()).await;
    recovered.assert_status(StatusCode::OK);
    assert_eq!(redirect_of(&recovered).as_deref(), Some("/coordinator"));
    let signed_in = session_cookie(&recovered).expect("signed in");
    assert!(is_signed_in(&app, &signed_in).await);
    assert_eq!(my_mfa(&app, &signed_in).await.recovery_codes_left, 9);

    // The same recovery code a second time: refused.
    let waiting = password_step(&app, COORDINATOR_EMAIL, COORDINATOR_PASSWORD).await;
    let again = code_step(&app, &waiting, &codes[0]).await;
    assert_eq!(
        error_of(&again).problem_with("code"),
        Some(InputProblem::WrongCode)
    );
    // The app's next code works.
    let next = code_step(&app, &waiting, &code_at(&secret, now() + 30)).await;
    next.assert_status(StatusCode::OK);
    let events: Vec<String> = sqlx::query_scalar(
        "SELECT event FROM audit_log WHERE event IN ('mfa_enabled', 'recovery_code_used', \
         'second_step_failed') ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .expect("the audit log");
    assert_eq!(events.first().map(String::as_str), Some("mfa_enabled"));
    assert!(events.iter().any(|event| event == "recovery_code_used"));
    assert!(events.iter().any(|event| event == "second_step_failed"));
}

#[tokio::test]
async fn when_the_program_requires_it_a_coordinator_sets_it_up_at_the_next_sign_in() {
    let (app, claire) = app_with_coordinator().await;
    app.call(
        SetMfaRequired::PATH,
        &form(&[("required", "true")]),
        Some(&claire),
    )
    .await
    .assert_status(StatusCode::OK);
    app.create_account(
        Role::Coordinator,
        "marc@program.example",
        "six carottes au vent",
    )
    .await;
    // A mentee is not asked.
    app.create_account(Role::Mentee, "lea@student.example", "six carottes au vent")
        .await;
    app.sign_in("lea@student.example", "six carottes au vent")
        .await;

    let waiting = password_step(&app, "marc@program.example", "six carottes au vent").await;
    let challenge = app.call(GetMfaChallenge::PATH, "", Some(&waiting)).await;
    challenge.assert_status(StatusCode::OK);
    let challenge: Option<MfaChallenge> = challenge.json();
    let setup = challenge
        .and_then(|challenge| challenge.setup)
        .expect("the setup comes first");
    assert!(setup.qr_code.starts_with("data:image/svg+xml;base64,"));
    // The prompt shows the same secret when it is drawn again.
    let again: Option<MfaChallenge> = app
        .call(GetMfaChallenge::PATH, "", Some(&waiting))
        .await
        .json();
    assert_eq!(
        again.and_then(|c| c.setup).map(|s| s.secret),
        Some(setup.secret.clone())
    );
    let done = code_step(&app, &waiting, &code_at(&setup.secret, now())).await;
    done.assert_status(StatusCode::OK);
    assert_eq!(redirect_of(&done).as_deref(), Some("/account/security"));
    let marc = session_cookie(&done).expect("signed in");
    let state = my_mfa(&app, &marc).await;
    assert!(state.enabled && state.required);
    assert_eq!(state.fresh_codes.len(), 10);
    let off = app
        .call(
            TurnOffMfa::PATH,
            &form(&[("code", &state.fresh_codes[0])]),
            Some(&marc),
        )
        .await;
    assert_eq!(
        error_of(&off).problem_with("code"),
        Some(InputProblem::MfaRequired)
    );
    // Nobody waits for a code in a browser that did not give a password.
    let nothing = app.call(GetMfaChallenge::PATH, "", None).await;
    assert_eq!(nothing.body, "null");
}

#[tokio::test]
async fn a_coordinator_resets_another_s_only_with_her_own_code_and_it_is_audited() {
    let (app, claire) = app_with_coordinator().await;
    let (claire_secret, _) = turn_on(&app, &claire).await;
    let marc_id = app
        .create_account(
            Role::Coordinator,
            "marc@program.example",
            "six carottes au vent",
        )
        .await;
    let marc = app
        .sign_in("marc@program.example", "six carottes au vent")
        .await;
    turn_on(&app, &marc).await;
    let noor = {
        app.create_account(
            Role::Coordinator,
            "noor@program.example",
            "six carottes au vent",
        )
        .await;
        app.sign_in("noor@program.example", "six carottes au vent")
            .await
    };
    let reset = |cookie: String, code: String| {
        let app = &app;
        async move {
            app.call(
                ResetMfa::PATH,
                &form(&[("account_id", &marc_id.to_string()), ("code", &code)]),
                Some(&cookie),
            )
            .await
        }
    };
    // Without her own second step, a coordinator cannot.
    let without = reset(noor, "123456".to_owned()).await;
    assert_eq!(
        error_of(&without).problem_with("code"),
        Some(InputProblem::MfaNeededFirst)
    );
    let wrong = reset(claire.clone(), "000000".to_owned()).await;
    assert_eq!(
        error_of(&wrong).problem_with("code"),
        Some(InputProblem::WrongCode)
    );
    assert!(is_signed_in(&app, &marc).await);
    let done = reset(claire, code_at(&claire_secret, now() + 30)).await;
    done.assert_status(StatusCode::OK);
    let factors: i64 = sqlx::query_scalar("SELECT count(*) FROM mfa_factors WHERE account_id = ?")
        .bind(marc_id)
        .fetch_one(&app.pool)
        .await
        .expect("the factors");
    assert_eq!(factors, 0);
    assert!(!is_signed_in(&app, &marc).await, "his sessions ended");
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE event = 'mfa_reset' AND subject = ?",
    )
    .bind(marc_id.to_string())
    .fetch_one(&app.pool)
    .await
    .expect("the audit log");
    assert_eq!(audited, 1);
    // He signs in with his password alone again.
    app.sign_in("marc@program.example", "six carottes au vent")
        .await;
}

#[tokio::test]
async fn guessing_codes_is_slowed_like_guessing_passwords() {
    let (app, cookie) = app_with_coordinator().await;
    turn_on(&app, &cookie).await;
    let waiting = password_step(&app, COORDINATOR_EMAIL, COORDINATOR_PASSWORD).await;
    for _ in 0..5 {
        let wrong = code_step(&app, &waiting, "000001").await;
        wrong.assert_status(StatusCode::BAD_REQUEST);
    }
    let slowed = code_step(&app, &waiting, "000002").await;
    slowed.assert_status(StatusCode::TOO_MANY_REQUESTS);
    assert!(slowed.headers.contains_key("retry-after"));
}

#[tokio::test]
async fn a_sign_in_with_a_code_still_asks_for_consent_to_a_material_new_notice() {
    let (app, cookie) = app_with_coordinator().await;
    let (secret, _) = turn_on(&app, &cookie).await;
    sqlx::query(
        "INSERT INTO privacy_notices (version, body_fr, body_en, changes_fr, changes_en, \
         is_material, published_at) VALUES (90, 'Avis', 'Notice', 'Nouvelle finalité', \
         'New purpose', 1, '2026-12-01T10:00:00Z')",
    )
    .execute(&app.pool)
    .await
    .expect("a new version");
    let waiting = password_step(&app, COORDINATOR_EMAIL, COORDINATOR_PASSWORD).await;
    let signed_in = code_step(&app, &waiting, &code_at(&secret, now() + 30)).await;
    signed_in.assert_status(StatusCode::OK);
    assert_eq!(
        redirect_of(&signed_in).as_deref(),
        Some("/consent?next=/coordinator")
    );
}
