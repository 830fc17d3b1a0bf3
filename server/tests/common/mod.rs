//! A test app on a fresh SQLite file, called in-process through `build_router`.
#![allow(dead_code)] // each test binary uses its own part of these helpers

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, Response, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use server::{build_router, db, default_leptos_options, AppState, Config};
use sqlx::SqlitePool;
use tower::ServiceExt;

/// How long a response body may stay silent before the test fails.
const BODY_STALL_LIMIT: Duration = Duration::from_secs(10);

pub struct TestApp {
    pub router: Router,
    pub pool: SqlitePool,
    pub config: Config,
    // Dropped last: removes the database folder.
    _folder: tempfile::TempDir,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_config(|_| {}).await
    }

    pub async fn with_config(adjust: impl FnOnce(&mut Config)) -> Self {
        let folder = tempfile::tempdir().expect("a temporary folder for the test database");
        let mut config = Config::for_database(folder.path().join("test.sqlite3"));
        adjust(&mut config);
        let pool = db::connect_and_migrate(&config.database_path)
            .await
            .expect("the test database opens and migrates");
        let state = AppState {
            leptos_options: default_leptos_options(),
            pool: pool.clone(),
            config: Arc::new(config.clone()),
        };
        TestApp {
            router: build_router(state),
            pool,
            config,
            _folder: folder,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response: Response<Body> = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router always answers");
        let status = response.status();
        let headers = response.headers().clone();
        // A response that stops half-way (a stalled SSR stream) fails the test
        // with what arrived, instead of hanging the test run.
        let mut body = response.into_body();
        let mut bytes = Vec::new();
        loop {
            match tokio::time::timeout(BODY_STALL_LIMIT, body.frame()).await {
                Ok(Some(Ok(frame))) => {
                    if let Ok(data) = frame.into_data() {
                        bytes.extend_from_slice(&data);
                    }
                }
                Ok(None) => break,
                Ok(Some(Err(error))) => panic!("the body cannot be read: {error}"),
                Err(_) => panic!(
                    "the response stalled after {} bytes, ending with: {}",
                    bytes.len(),
                    String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(400)..])
                ),
            }
        }
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.send(
            page_request(path)
                .body(Body::empty())
                .expect("a valid request"),
        )
        .await
    }

    pub async fn get_with_cookie(&self, path: &str, cookie: &str) -> TestResponse {
        self.send(
            page_request(path)
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .expect("a valid request"),
        )
        .await
    }

    /// A browser-like form post (no JavaScript).
    pub async fn post_form(&self, path: &str, form: &str) -> TestResponse {
        self.send(
            Request::post(path)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "text/html,application/xhtml+xml")
                .body(Body::from(form.to_owned()))
                .expect("a valid request"),
        )
        .await
    }
}

/// A GET as a browser sends it, with an English `Accept-Language` to prove it is ignored.
pub fn page_request(path: &str) -> axum::http::request::Builder {
    Request::get(path)
        .header(header::ACCEPT, "text/html")
        .header(header::ACCEPT_LANGUAGE, "en-US,en;q=0.9")
}
