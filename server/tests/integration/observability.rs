//! Observability (operations issue, item 6): a request id on every response
//! and on every log line of its request, even those logged by the tasks a
//! page's data loads in; JSON logs (`command_line.rs`); `/metrics` only with
//! its token, its figures named by route pattern, never by path.
use std::io::Write;
use std::sync::{Arc, Mutex};

use app::accounts::Role;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use server::observability::logging::json_subscriber;
use server::observability::request_id::REQUEST_ID_HEADER;
use tracing_subscriber::EnvFilter;

use crate::common::{page_request, TestApp, TestResponse};

const TOKEN: &str = "scraper-token-0123456789";

/// The log lines written during a test, as JSON values.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut kept) = self.0.lock() {
            kept.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn lines(&self) -> Vec<serde_json::Value> {
        let bytes = self.0.lock().map(|kept| kept.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes)
            .lines()
            .map(|line| match serde_json::from_str(line) {
                Ok(value) => value,
                Err(error) => panic!("a log line that is not JSON ({error}): {line}"),
            })
            .collect()
    }
}

fn request_id_of(response: &TestResponse) -> String {
    response
        .headers
        .get(REQUEST_ID_HEADER)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_else(|| panic!("no X-Request-Id on a {} response", response.status))
        .to_owned()
}

/// The request id of the span a line was logged in, if any.
fn request_id_in(line: &serde_json::Value) -> Option<&str> {
    line["spans"]
        .as_array()?
        .iter()
        .find_map(|span| span["request_id"].as_str())
}

// One thread: the tasks Leptos spawns for the page's data run on it, under
// the subscriber this test sets for it.
#[tokio::test(flavor = "current_thread")]
async fn every_line_logged_for_a_page_or_a_function_names_its_request_id() {
    let app = TestApp::new().await;
    app.create_account(Role::Mentee, "student@log.example", "log-lines-student")
        .await;
    let student = app
        .sign_in("student@log.example", "log-lines-student")
        .await;

    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = json_subscriber(EnvFilter::new("info"), move || writer.clone());
    let (page, function) = {
        let _guard = tracing::subscriber::set_default(subscriber);
        // The coordinator's home opened by a student: its data is loaded
        // by a task the page spawns, whose call is refused and logged there.
        let page = app.get_with_cookie("/coordinator", &student).await;
        // The same function called directly: refused and logged inside it.
        let function = app
            .call("/api/get_program_dashboard", "", Some(&student))
            .await;
        (page, function)
    };
    assert_eq!(function.status, StatusCode::FORBIDDEN, "{}", function.body);
    let (page_id, function_id) = (request_id_of(&page), request_id_of(&function));
    assert_ne!(page_id, function_id);

    let lines = captured.lines();
    let refusals: Vec<_> = lines
        .iter()
        .filter(|line| line["message"] == "access refused")
        .collect();
    assert!(
        refusals
            .iter()
            .any(|line| request_id_in(line) == Some(page_id.as_str())),
        "the page's refusal names the page's request: {lines:?}"
    );
    assert!(
        refusals
            .iter()
            .any(|line| request_id_in(line) == Some(function_id.as_str())),
        "the function's refusal names its request: {lines:?}"
    );
    for line in &lines {
        let id = request_id_in(line);
        assert!(
            id == Some(page_id.as_str()) || id == Some(function_id.as_str()),
            "a line logged outside its request: {line}"
        );
    }
    let refusal = refusals
        .iter()
        .find(|line| request_id_in(line) == Some(function_id.as_str()))
        .unwrap_or_else(|| panic!("{lines:?}"));
    assert_eq!(refusal["spans"][0]["path"], "/api/get_program_dashboard");
    assert_eq!(refusal["level"], "WARN");
}

// The executor the router sets: a task spawned the way Leptos spawns a
// resource's loading keeps the span it was spawned in.
#[tokio::test(flavor = "current_thread")]
async fn a_task_spawned_while_serving_a_request_logs_under_its_id() {
    use tracing::Instrument as _;
    let _app = TestApp::new().await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = json_subscriber(EnvFilter::new("info"), move || writer.clone());
    let _guard = tracing::subscriber::set_default(subscriber);
    let (done, finished) = tokio::sync::oneshot::channel();
    async move {
        any_spawner::Executor::spawn(Box::pin(async move {
            tracing::info!("logged by a spawned task");
            let _ = done.send(());
        }));
    }
    .instrument(tracing::info_span!(
        "request",
        request_id = "0123456789abcdef"
    ))
    .await;
    finished.await.expect("the task ran");
    let lines = captured.lines();
    let line = lines
        .iter()
        .find(|line| line["message"] == "logged by a spawned task")
        .unwrap_or_else(|| panic!("{lines:?}"));
    assert_eq!(request_id_in(line), Some("0123456789abcdef"), "{line}");
}

#[tokio::test]
async fn every_response_has_its_own_id_and_a_proxy_s_is_kept_only_when_trusted() {
    let app = TestApp::new().await;
    let mut seen = std::collections::HashSet::new();
    for path in ["/", "/healthz", "/no/such/page", "/login"] {
        let response = app.get(path).await;
        assert!(
            seen.insert(request_id_of(&response)),
            "{path}: a repeated id"
        );
    }
    let from_proxy = || {
        page_request("/healthz")
            .header(REQUEST_ID_HEADER, "edge-7f3a")
            .body(Body::empty())
            .expect("a request")
    };
    let untrusted = app.send(from_proxy()).await;
    assert_ne!(request_id_of(&untrusted), "edge-7f3a");

    let behind_proxy = TestApp::with_config(|config| config.trust_proxy = true).await;
    assert_eq!(
        request_id_of(&behind_proxy.send(from_proxy()).await),
        "edge-7f3a"
    );
    let forged = page_request("/healthz")
        .header(REQUEST_ID_HEADER, "a\"b{injected}")
        .body(Body::empty())
        .expect("a request");
    assert_ne!(
        request_id_of(&behind_proxy.send(forged).await),
        "a\"b{injected}"
    );
}

fn scrape(token: Option<&str>) -> Request<Body> {
    let request = Request::get("/metrics");
    match token {
        Some(token) => request.header(header::AUTHORIZATION, format!("Bearer {token}")),
        None => request,
    }
    .body(Body::empty())
    .expect("a request")
}

#[tokio::test]
async fn metrics_are_absent_without_a_token_and_closed_without_the_right_one() {
    let app = TestApp::new().await;
    assert_eq!(app.send(scrape(None)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.send(scrape(Some(TOKEN))).await.status,
        StatusCode::NOT_FOUND
    );

    let app = TestApp::with_config(|config| config.metrics_token = Some(TOKEN.into())).await;
    for wrong in [None, Some("scraper-token-0123456788"), Some("")] {
        let refused = app.send(scrape(wrong)).await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{wrong:?}");
        assert!(
            !refused.body.contains("mentorat_"),
            "{wrong:?}: {}",
            refused.body
        );
    }
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern_and_show_the_pool_outbox_and_tasks() {
    let app = TestApp::with_config(|config| config.metrics_token = Some(TOKEN.into())).await;
    app.get("/healthz").await.assert_status(StatusCode::OK);
    // A pair's page by its id, and a function: named by their patterns.
    app.get("/pairs/4242").await;
    app.call(
        "/api/log_in",
        "email=nobody%40x.example&password=wrong-password-1",
        None,
    )
    .await;
    app.get("/no/such/page").await;

    let scraped = app.send(scrape(Some(TOKEN))).await;
    scraped.assert_status(StatusCode::OK);
    assert!(scraped.headers[header::CONTENT_TYPE]
        .to_str()
        .is_ok_and(|kind| kind.starts_with("text/plain; version=0.0.4")));
    let text = &scraped.body;
    for expected in [
        r#"mentorat_http_requests_total{method="GET",route="/healthz",status="200"}"#,
        r#"route="/pairs/{id}""#,
        r#"mentorat_http_requests_total{method="POST",route="/api/log_in""#,
        r#"route="unmatched",status="404""#,
        r#"mentorat_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="0.005"}"#,
        r#"mentorat_db_pool_connections{state="in_use"}"#,
        r#"mentorat_db_pool_connections{state="idle"}"#,
        "mentorat_db_pool_max_connections",
        r#"mentorat_outbox_emails{state="waiting"}"#,
        r#"mentorat_outbox_emails{state="given_up"}"#,
        r#"mentorat_background_runs_total{task="retention",outcome="ok"}"#,
        r#"mentorat_background_runs_total{task="email_delivery",outcome="error"}"#,
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    // A path's id never becomes a label.
    assert!(!text.contains("4242"), "{text}");
}
