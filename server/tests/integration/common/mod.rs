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

/// The tables `fingerprint` leaves out: each may change on a call that is
/// refused, for a reason of its own. Every other table is compared.
const CHANGED_BY_ANY_CALL: [&str; 6] = [
    // Sessions: signing in writes one, and any request may renew its expiry.
    "tower_sessions",
    // "My sessions": any signed-in request may move its "last seen".
    "account_sessions",
    // The security log: sign-ins, refusals and reads of personal data are logged.
    "audit_log",
    // The sign-in throttle: every failed sign-in attempt counts, whoever makes it.
    "login_failures",
    // sqlx's record of the migrations applied: the schema's history, not data.
    "_sqlx_migrations",
    // Counts kept by triggers of changes to other tables, which are compared
    // themselves: a line of the security log (a refused sign-in) bumps one.
    "change_counters",
];

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
    /// The body as sent (a file's bytes).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    /// Asserts the HTTP status, showing the body when it is another.
    #[track_caller]
    pub fn assert_status(&self, expected: StatusCode) -> &Self {
        assert_eq!(self.status, expected, "{}", self.body);
        self
    }

    /// The JSON body decoded into the app's own type (a server function's
    /// answer), or the test fails with the body.
    #[track_caller]
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        match serde_json::from_str(&self.body) {
            Ok(value) => value,
            Err(error) => panic!("{error}: {}", self.body),
        }
    }
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_config(|_| {}).await
    }

    pub async fn with_config(adjust: impl FnOnce(&mut Config)) -> Self {
        Self::with_options(adjust, default_leptos_options()).await
    }

    /// An app serving its static files from `site_root`.
    /// `hashed_names`: whether the build named the `/pkg/` files by their
    /// content (cargo-leptos's `hash-files`).
    pub async fn with_site_root(site_root: &str, hashed_names: bool) -> Self {
        let mut options = default_leptos_options();
        options.site_root = site_root.into();
        options.hash_files = hashed_names;
        Self::with_options(|_| {}, options).await
    }

    async fn with_options(
        adjust: impl FnOnce(&mut Config),
        leptos_options: leptos::prelude::LeptosOptions,
    ) -> Self {
        let folder = tempfile::tempdir().expect("a temporary folder for the test database");
        let mut config = Config::for_database(folder.path().join("test.sqlite3"));
        adjust(&mut config);
        let pool = db::connect_and_migrate(&config.database_path)
            .await
            .expect("the test database opens and migrates");
        // A new program requires two-step sign-in of coordinators; the tests
        // play a program that turned it off, but for the tests of it
        // (`accounts::two_step`), which turn it back on.
        app::accounts::repo::set_mfa_required_for_coordinators(&pool, false)
            .await
            .expect("the setting is stored");
        let state = AppState {
            leptos_options,
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
            bytes,
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

    /// A form sent without JavaScript from `page` and refused: asserts the
    /// redirect back, and returns the echo cookie (what was typed) and the path
    /// the browser is sent back to.
    pub async fn refused_form_post(
        &self,
        path: &str,
        page: &str,
        body: String,
    ) -> (String, String) {
        let refused = self
            .send(
                Request::post(path)
                    .header(header::REFERER, format!("http://127.0.0.1:3000{page}"))
                    .header(header::ACCEPT, "text/html")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(body))
                    .expect("a valid request"),
            )
            .await;
        assert_eq!(refused.status, StatusCode::FOUND, "{}", refused.body);
        let echo = cookie_set(&refused, "mentorat_form").expect("the typed values are kept");
        let back = refused
            .headers
            .get(header::LOCATION)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .trim_start_matches("http://127.0.0.1:3000")
            .to_owned();
        (echo, back)
    }

    /// A form sent by a signed-in browser from `page` as a plain post (pages
    /// outside islands send their forms so), with the session `cookie`.
    pub async fn plain_post_from(
        &self,
        page: &str,
        path: &str,
        cookie: &str,
        body: String,
    ) -> TestResponse {
        self.send(
            Request::post(path)
                .header(header::REFERER, format!("http://127.0.0.1:3000{page}"))
                .header(header::ACCEPT, "text/html")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::COOKIE, cookie)
                .body(Body::from(body))
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

/// The session cookie (`name=value`) a response sets, if any.
pub fn session_cookie(response: &TestResponse) -> Option<String> {
    response
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|cookie| {
            [server::SESSION_COOKIE, server::SECURE_SESSION_COOKIE]
                .iter()
                .any(|name| cookie.starts_with(&format!("{name}=")))
        })
        .and_then(|cookie| cookie.split(';').next())
        .map(str::to_owned)
}

/// The `name=value` of the cookie named `name` that a response sets (not one it clears).
pub fn cookie_set(response: &TestResponse, name: &str) -> Option<String> {
    response
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|cookie| cookie.split(';').next())
        .find(|pair| pair.starts_with(&format!("{name}=")) && !pair.ends_with('='))
        .map(str::to_owned)
}

/// `a=1&b=2` from pairs, encoded.
pub fn form(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).expect("text pairs always encode")
}

impl TestApp {
    /// Calls a server function as the hydrated app does (JSON answer), with an
    /// optional session cookie.
    pub async fn call(&self, path: &str, body: &str, cookie: Option<&str>) -> TestResponse {
        let mut request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(
            request
                .body(Body::from(body.to_owned()))
                .expect("a valid request"),
        )
        .await
    }

    /// Creates an account directly in the database.
    pub async fn create_account(
        &self,
        role: app::accounts::Role,
        email: &str,
        password: &str,
    ) -> i64 {
        use app::accounts::repo::{insert_account, NewAccount};
        let hash = password_auth::generate_hash(password);
        let mut connection = self.pool.acquire().await.expect("a connection");
        insert_account(
            &mut connection,
            &NewAccount {
                email,
                password_hash: &hash,
                display_name: &format!("Person {email}"),
                role,
                locale: "fr",
                consent: app::consent::ConsentContext::AccountCreated,
            },
            chrono::Utc::now(),
        )
        .await
        .expect("the account is stored")
        .expect("the email is free")
    }

    /// One sign-in attempt through the real `log_in` server function, without a session.
    pub async fn log_in(&self, email: &str, password: &str) -> TestResponse {
        self.call(
            <app::people::api::LogIn as leptos::server_fn::ServerFn>::PATH,
            &form(&[("email", email), ("password", password), ("next", "")]),
            None,
        )
        .await
    }

    /// Signs in through the real `log_in` server function; returns the session cookie.
    pub async fn sign_in(&self, email: &str, password: &str) -> String {
        let response = self.log_in(email, password).await;
        assert!(
            response.status.is_success(),
            "sign-in of {email} failed: {} {}",
            response.status,
            response.body
        );
        session_cookie(&response).expect("signing in sets the session cookie")
    }

    /// The token of the newest confirmation link sent to `email` (read from
    /// the outbox, where it waits until a mail server sends it).
    pub async fn registration_token(&self, email: &str) -> Option<String> {
        let url: Option<String> = sqlx::query_scalar(
            "SELECT action_url FROM outbox WHERE kind = 'registration_confirmation' \
             AND recipient = ? COLLATE NOCASE ORDER BY id DESC LIMIT 1",
        )
        .bind(email)
        .fetch_optional(&self.pool)
        .await
        .expect("the outbox")
        .flatten();
        url.and_then(|url| url.rsplit('/').next().map(str::to_owned))
    }

    /// A student's registration as a person makes it: the form (which
    /// answers "check your email"), then the link's button. The answer of
    /// the button (it signs in and goes to the mentee area).
    pub async fn register_and_confirm(&self, fields: &str, email: &str) -> TestResponse {
        let asked = self
            .call(
                <app::people::api::RegisterMentee as leptos::server_fn::ServerFn>::PATH,
                fields,
                None,
            )
            .await;
        asked.assert_status(StatusCode::OK);
        let token = self
            .registration_token(email)
            .await
            .expect("a confirmation link went to the address");
        self.call(
            <app::people::api::ConfirmRegistration as leptos::server_fn::ServerFn>::PATH,
            &form(&[("token", &token)]),
            None,
        )
        .await
    }

    /// Waits (up to 5 s) until `count_sql` counts `expected` rows: for work a
    /// server function leaves to a background task.
    pub async fn wait_for_count(&self, count_sql: &str, expected: i64) {
        let mut count = -1;
        for _ in 0..100 {
            count = sqlx::query_scalar(count_sql)
                .fetch_one(&self.pool)
                .await
                .unwrap_or(-1);
            if count == expected {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{count_sql}: expected {expected}, still {count}");
    }

    /// Everything a refused request must not change: every row of every table
    /// of the database (listed from `sqlite_master`, so that a table added
    /// later is covered without anyone remembering), but `CHANGED_BY_ANY_CALL`.
    pub async fn fingerprint(&self) -> String {
        self.fingerprint_by(&self.fingerprint_query().await).await
    }

    /// The one statement `fingerprint_by` runs to read every table (each
    /// table's rows, quoted and sorted): made once for a test that takes
    /// thousands of fingerprints, instead of listing tables and columns each time.
    pub async fn fingerprint_query(&self) -> String {
        // SQLite's own bookkeeping (`sqlite_sequence`, `sqlite_stat1`) is not the program's data.
        let tables: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
        )
        .fetch_all(&self.pool)
        .await
        .expect("the tables are listed");
        let mut parts = Vec::new();
        for table in tables
            .iter()
            .filter(|table| !CHANGED_BY_ANY_CALL.contains(&table.as_str()))
        {
            let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
                .bind(table)
                .fetch_all(&self.pool)
                .await
                .unwrap_or_else(|error| panic!("cannot list {table}'s columns: {error}"));
            let row = columns
                .iter()
                .map(|column| format!("quote(\"{column}\")"))
                .collect::<Vec<_>>()
                .join(" || ',' || ");
            parts.push(format!(
                "SELECT '{table}', (SELECT group_concat(r, '|' ORDER BY r) \
                 FROM (SELECT {row} AS r FROM \"{table}\"))"
            ));
        }
        parts.join(" UNION ALL ")
    }

    /// `fingerprint`, with a statement `fingerprint_query` made.
    pub async fn fingerprint_by(&self, query: &str) -> String {
        let rows: Vec<(String, Option<String>)> = sqlx::query_as(query)
            .fetch_all(&self.pool)
            .await
            .unwrap_or_else(|error| panic!("cannot read the tables: {error}"));
        let mut fingerprint = String::new();
        for (table, rows) in rows {
            fingerprint.push_str(&format!("{table}:{}\n", rows.unwrap_or_default()));
        }
        fingerprint
    }

    /// The profile of a mentor or mentee account (made now if it has none yet).
    pub async fn profile_id_of(&self, account_id: i64) -> i64 {
        let (email, role): (String, String) =
            sqlx::query_as("SELECT email, role FROM accounts WHERE id = ?")
                .bind(account_id)
                .fetch_one(&self.pool)
                .await
                .expect("the account exists");
        let role = app::accounts::Role::parse(&role).expect("a known role");
        let mut connection = self.pool.acquire().await.expect("a connection");
        app::profiles::repo::ensure_profile(&mut connection, account_id, &email, role, None)
            .await
            .expect("the profile is made");
        sqlx::query_scalar("SELECT id FROM profiles WHERE account_id = ?")
            .bind(account_id)
            .fetch_one(&self.pool)
            .await
            .expect("the profile exists")
    }

    /// Puts a profile in a cohort and gives it matching fields: languages
    /// (code, level), domain codes, and `capacity` for a mentor.
    pub async fn fill_profile(
        &self,
        profile_id: i64,
        cohort: &str,
        languages: &[(&str, &str)],
        domains: &[&str],
    ) {
        sqlx::query(
            "UPDATE profiles SET cohort_id = (SELECT id FROM cohorts WHERE code = ?), \
             modality = 'either', availability = 7 WHERE id = ?",
        )
        .bind(cohort)
        .bind(profile_id)
        .execute(&self.pool)
        .await
        .expect("the profile is placed");
        for (code, level) in languages {
            sqlx::query("INSERT OR REPLACE INTO profile_languages (profile_id, language, level) VALUES (?, ?, ?)")
                .bind(profile_id)
                .bind(code)
                .bind(level)
                .execute(&self.pool)
                .await
                .expect("the language is stored");
        }
        for code in domains {
            sqlx::query(
                "INSERT OR IGNORE INTO profile_domains (profile_id, domain_id) \
                 SELECT ?, id FROM domains WHERE code = ?",
            )
            .bind(profile_id)
            .bind(code)
            .execute(&self.pool)
            .await
            .expect("the domain is stored");
        }
    }

    /// A mentor's capacity, straight into the database.
    pub async fn set_capacity(&self, profile_id: i64, capacity: i64) {
        sqlx::query("UPDATE profiles SET capacity = ? WHERE id = ?")
            .bind(capacity)
            .bind(profile_id)
            .execute(&self.pool)
            .await
            .expect("the capacity is stored");
    }

    /// A proposed pair, straight into the database.
    pub async fn insert_pair(&self, cohort: &str, mentee_profile: i64, mentor_profile: i64) -> i64 {
        sqlx::query(
            "INSERT INTO pairs (cohort_id, mentee_profile_id, mentor_profile_id, status, score, proposed_at) \
             VALUES ((SELECT id FROM cohorts WHERE code = ?), ?, ?, 'proposed', 50, '2026-11-27T10:00:00Z')",
        )
        .bind(cohort)
        .bind(mentee_profile)
        .bind(mentor_profile)
        .execute(&self.pool)
        .await
        .expect("the pair is stored")
        .last_insert_rowid()
    }

    /// Makes a pair active, as if both had accepted.
    pub async fn activate_pair(&self, pair_id: i64) {
        sqlx::query(
            "UPDATE pairs SET status = 'active', mentee_answer = 'accepted', \
             mentor_answer = 'accepted', activated_at = '2026-11-27T11:00:00Z' WHERE id = ?",
        )
        .bind(pair_id)
        .execute(&self.pool)
        .await
        .expect("the pair is active");
    }

    /// A goal proposed by the mentee (one milestone), a meeting proposed by
    /// the mentor with a next step, and a feedback, straight into a pair's workspace.
    pub async fn insert_workspace(&self, pair_id: i64) -> WorkspaceIds {
        let insert = |sql: &'static str| {
            let pool = self.pool.clone();
            async move {
                sqlx::query(sql)
                    .bind(pair_id)
                    .execute(&pool)
                    .await
                    .expect("the workspace row is stored")
                    .last_insert_rowid()
            }
        };
        let goal_id = insert(
            "INSERT INTO goals (pair_id, title, success_criterion, agreement, agreement_side, \
             created_at, updated_at) VALUES (?, 'Objectif', 'Critère', 'proposed', 'mentee', \
             '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z')",
        )
        .await;
        let milestone_id = sqlx::query(
            "INSERT INTO milestones (goal_id, position, title, created_at) \
             VALUES (?, 1, 'Étape', '2026-11-27T10:00:00Z')",
        )
        .bind(goal_id)
        .execute(&self.pool)
        .await
        .expect("the milestone is stored")
        .last_insert_rowid();
        let meeting_id = insert(
            "INSERT INTO meetings (pair_id, starts_at, duration_minutes, modality, agreement, \
             agreement_side, created_at, updated_at) VALUES (?, '2099-01-05T19:00:00Z', 60, \
             'video', 'proposed', 'mentor', '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z')",
        )
        .await;
        let next_step_id = sqlx::query(
            "INSERT INTO meeting_next_steps (meeting_id, position, text) VALUES (?, 1, 'Suite')",
        )
        .bind(meeting_id)
        .execute(&self.pool)
        .await
        .expect("the next step is stored")
        .last_insert_rowid();
        let feedback_id = insert(
            "INSERT INTO feedback (pair_id, strengths, to_improve, observations, next_step, \
             created_at) VALUES (?, 'Forces', 'À améliorer', 'Observations', 'Suite', \
             '2026-11-27T10:00:00Z')",
        )
        .await;
        let message_id = insert(
            "INSERT INTO pair_messages (pair_id, author_side, body, sent_at) \
             VALUES (?, 'mentor', 'Bonjour', '2026-11-27T10:00:00Z')",
        )
        .await;
        WorkspaceIds {
            goal_id,
            milestone_id,
            meeting_id,
            next_step_id,
            feedback_id,
            message_id,
        }
    }

    /// A cohort, straight into the database.
    pub async fn create_cohort(&self, code: &str) {
        sqlx::query(
            "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on) \
             VALUES (?, ?, ?, '2025-01-13', '2026-12-18')",
        )
        .bind(code)
        .bind(format!("Cohorte {code}"))
        .bind(format!("Cohort {code}"))
        .execute(&self.pool)
        .await
        .expect("the cohort is stored");
    }

    /// Sends a complete application through the public server function, as a
    /// browser would; `eligible: false` answers "not employed".
    pub async fn submit_application(&self, email: &str, eligible: bool) -> SentApplication {
        let response = self
            .call(
                <app::applications::api::SubmitApplication as leptos::server_fn::ServerFn>::PATH,
                &application_form(email, eligible),
                None,
            )
            .await;
        assert!(
            response.status.is_success(),
            "the application was refused: {} {}",
            response.status,
            response.body
        );
        let token: String = serde_json::from_str(&response.body).expect("the token, as JSON");
        let id = sqlx::query_scalar(
            "SELECT id FROM mentor_applications WHERE email = ? ORDER BY id DESC LIMIT 1",
        )
        .bind(email)
        .fetch_one(&self.pool)
        .await
        .expect("the application is stored");
        SentApplication { id, token }
    }
}

/// An application as the test that sent it knows it.
pub struct SentApplication {
    pub id: i64,
    pub token: String,
}

/// A complete application form (English, capacity 2), eligible or not employed.
pub fn application_form(email: &str, eligible: bool) -> String {
    let mut pairs = vec![
        ("locale", "en"),
        ("display_name", "Nadia Benali"),
        ("email", email),
        ("phone", ""),
        ("diploma_level", "bachelor"),
        ("diploma_field", "Nursing"),
        ("diploma_year", "2012"),
        ("is_employed", if eligible { "yes" } else { "no" }),
        ("works_in_research", "no"),
        ("domains[]", "nursing"),
        ("domains[]", "mental-health"),
        ("skills[]", "interviews"),
        ("languages[fr]", "fluent"),
        ("languages[en]", "working"),
        ("languages[es]", ""),
        ("modality", "either"),
        ("availability[]", "tue-evening"),
        ("availability[]", "sat-morning"),
        ("capacity", "2"),
        ("motivation", "Give back what I received."),
        ("consent", "on"),
    ];
    if eligible {
        pairs.extend([
            ("employer", "CIUSSS du Centre-Sud"),
            ("job_title", "Clinical nurse"),
            ("sector", "health-network"),
        ]);
    }
    form(&pairs)
}

/// What `insert_workspace` stored.
#[allow(dead_code)]
pub struct WorkspaceIds {
    pub goal_id: i64,
    pub milestone_id: i64,
    pub meeting_id: i64,
    pub next_step_id: i64,
    pub feedback_id: i64,
    /// A message from the mentor to the mentee.
    pub message_id: i64,
}
