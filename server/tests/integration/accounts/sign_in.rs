//! Signing in and out: a refusal that never says which part was wrong,
//! failures slowed down (in a sequence, a burst, or from elsewhere), the
//! session cookie and its rotation, and disabled accounts.
use super::*;

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
    let app = TestApp::with_config(|config| config.secure_cookies = Some(true)).await;
    let (cookie, _) = secure_session_cookie(&app).await;
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(
        cookie.contains("Max-Age") || cookie.contains("Expires"),
        "idle expiry: {cookie}"
    );
}

#[tokio::test]
async fn behind_an_https_address_the_cookie_is_host_only_and_secure_without_being_asked() {
    let app = TestApp::with_config(|config| {
        config.public_url = Some(
            "https://mentorat.example.org"
                .parse()
                .expect("a valid address"),
        )
    })
    .await;
    let (cookie, device) = secure_session_cookie(&app).await;
    // `__Host-`: the browser keeps it only if Secure, Path=/ and no Domain.
    for cookie in [&cookie, &device] {
        assert!(cookie.contains("Secure"), "{cookie}");
        assert!(cookie.contains("Path=/"), "{cookie}");
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        assert!(!cookie.to_ascii_lowercase().contains("domain="), "{cookie}");
    }
    let page = app.get("/").await;
    assert!(
        page.headers.contains_key("strict-transport-security"),
        "HSTS is sent"
    );
}

/// The `__Host-` session and device cookies set by a sign-in, whole
/// (`name=value; attributes`).
async fn secure_session_cookie(app: &TestApp) -> (String, String) {
    app.create_account(Role::Mentee, "lea@student.example", "lea-password-1")
        .await;
    let response = app.log_in("lea@student.example", "lea-password-1").await;
    let named = |name: &str| {
        response
            .headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|cookie| cookie.starts_with(&format!("{name}=")))
            .map(str::to_owned)
    };
    let cookie = named(server::SECURE_SESSION_COOKIE).expect("the session cookie, named __Host-");
    let device = named(app::accounts::known_device::SECURE_DEVICE_COOKIE)
        .expect("the device cookie, named __Host-");
    assert!(
        session_cookie(&response).is_some(),
        "the tests' helper finds it too"
    );
    (cookie, device)
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
    attempt_from_device(app, address, password, None)
        .await
        .status
}

/// The same, from a browser that may carry cookies (a known device's).
async fn attempt_from_device(
    app: &TestApp,
    address: &str,
    password: &str,
    cookie: Option<&str>,
) -> TestResponse {
    use axum::body::Body;
    use axum::http::{header, Request};
    let mut request = Request::post(LogIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header("x-forwarded-for", address);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    app.send(
        request
            .body(Body::from(form(&[
                ("email", COORDINATOR_EMAIL),
                ("password", password),
                ("next", ""),
            ])))
            .expect("request"),
    )
    .await
}

#[tokio::test]
async fn guessers_spread_over_many_addresses_do_not_lock_out_the_owner_s_own_browser() {
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
    // The owner signed in once from her laptop: it keeps a device cookie.
    let first = attempt_from_device(&app, "198.51.100.7", COORDINATOR_PASSWORD, None).await;
    first.assert_status(StatusCode::OK);
    let device = crate::common::cookie_set(&first, "mentorat_device").expect("a device cookie");
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM known_devices WHERE token_hash = ?")
        .bind(hash_token(device.trim_start_matches("mentorat_device=")))
        .fetch_one(&app.pool)
        .await
        .expect("the device");
    assert_eq!(stored, 1, "only the token's hash is kept");
    // Guessers, four tries from each of eight addresses: no address is
    // slowed, but the account has 32 failures.
    for guesser in 0..8 {
        for _ in 0..4 {
            attempt_from(&app, &format!("203.0.113.{guesser}"), "guess").await;
        }
    }
    assert_eq!(
        attempt_from(&app, "192.0.2.55", COORDINATOR_PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS,
        "an unknown browser is slowed by the account's failures"
    );
    let owner = attempt_from_device(&app, "192.0.2.80", COORDINATOR_PASSWORD, Some(&device)).await;
    owner.assert_status(StatusCode::OK);
    assert!(
        session_cookie(&owner).is_some(),
        "the owner, from a new address on her own browser, signs in"
    );
    // A device cookie of another account counts for nothing.
    let stranger = attempt_from_device(
        &app,
        "203.0.113.99",
        "guess",
        Some("mentorat_device=not-a-device"),
    )
    .await;
    stranger.assert_status(StatusCode::TOO_MANY_REQUESTS);
    // A new password forgets every device: the next sign-in proves it again.
    sqlx::query("UPDATE accounts SET password_hash = 'changed' WHERE email = ?")
        .bind(COORDINATOR_EMAIL)
        .execute(&app.pool)
        .await
        .expect("a new password");
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM known_devices")
        .fetch_one(&app.pool)
        .await
        .expect("the devices");
    assert_eq!(left, 0);
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

/// The idle expiry moves at most once a minute: the first request after
/// signing in saves the session (and sends the cookie again with its new
/// expiry); the next ones within the minute only read it; a visitor gets no
/// session, and the probes and scripts never touch one.
#[tokio::test]
async fn a_session_is_refreshed_once_a_minute_not_written_on_every_request() {
    let (app, _) = app_with_coordinator().await;
    let cookie = app.sign_in(COORDINATOR_EMAIL, COORDINATOR_PASSWORD).await;
    let sessions = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM tower_sessions")
            .fetch_one(&app.pool)
            .await
            .expect("count sessions")
    };
    let signed_in = sessions().await;

    let first = app.get_with_cookie("/coordinator", &cookie).await;
    first.assert_status(StatusCode::OK);
    assert!(
        session_cookie(&first).is_some(),
        "the first view moves the expiry and sends the cookie again"
    );
    let second = app.get_with_cookie("/coordinator", &cookie).await;
    second.assert_status(StatusCode::OK);
    assert!(session_cookie(&second).is_none(), "read, not written again");
    for path in ["/livez", "/pkg/mentorat.css"] {
        let response = app.get_with_cookie(path, &cookie).await;
        assert!(session_cookie(&response).is_none(), "{path}");
    }
    let still = app.call(GetCurrentUser::PATH, "", Some(&cookie)).await;
    assert!(still.body.contains(COORDINATOR_EMAIL), "{}", still.body);

    let visitor = app.get("/").await;
    visitor.assert_status(StatusCode::OK);
    assert!(session_cookie(&visitor).is_none());
    assert_eq!(sessions().await, signed_in, "no session for a visitor");
}
