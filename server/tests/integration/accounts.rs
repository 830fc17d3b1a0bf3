//! The ways into an account, through HTTP: the first coordinator, invitations,
//! registration, sign-in, password reset — with expired and reused links.
// The journeys, by theme, with the helpers below.
mod limits;
mod managing;
mod opening;
mod outbox_links;
mod passwords;
mod registration;
mod sessions;
mod sign_in;
mod two_step;
mod ways_in;

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
    app_with_coordinator_and(|_| {}).await
}

/// `app_with_coordinator` with settings of its own.
async fn app_with_coordinator_and(adjust: impl FnOnce(&mut server::Config)) -> (TestApp, String) {
    let app = TestApp::with_config(adjust).await;
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
