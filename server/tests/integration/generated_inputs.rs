//! Every form survives any input (issue 22, item 5): each server function of
//! the authorization matrix, called by several kinds of caller with its valid
//! body mutated — random text, a huge value, nothing, control characters,
//! bytes that are not UTF-8, a number where text goes and the other way, a
//! field missing or sent twice, no body, JSON where a form goes and the other
//! way — never answers a server error nor panics, and a refused call writes
//! nothing.
//!
//! The mutations come from a fixed seed, so a failure is the same on every run.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use leptos::server_fn::ServerFn;
use tower::ServiceExt;

use crate::authorization_matrix::{matrix_app, rows, Caller, Row, Rule, PASSWORD};
use crate::common::{form, TestApp};
use app::error::AppError;
use app::people::api::{GetCurrentUser, GetMyAccount};
use app::profiles::api::SaveMyProfile;

const FORM: &str = "application/x-www-form-urlencoded";
const JSON: &str = "application/json";

/// The callers every row is tried with: one of each kind (the privacy
/// officer, a coordinator with the privacy office's functions on top).
const CALLERS: [Caller; 5] = [
    Caller::Anonymous,
    Caller::Mentee,
    Caller::Mentor,
    Caller::Coordinator,
    Caller::PrivacyOfficer,
];

/// The callers a row refuses get one mutation in this many (at least one):
/// once the arguments are read, they are stopped at the door whatever the body.
const REFUSED_SAMPLE: usize = 4;

/// A call that does not answer within this long counts as a hung handler.
const ANSWER_LIMIT: Duration = Duration::from_secs(30);

/// What a mutation does to the valid body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    RandomText,
    Huge,
    Empty,
    ControlCharacters,
    InvalidUtf8,
    WrongType,
    Missing,
    Duplicated,
    EmptyBody,
    JsonAsForm,
    FormAsJson,
    UnknownField,
}

const KINDS: [Kind; 12] = [
    Kind::RandomText,
    Kind::Huge,
    Kind::Empty,
    Kind::ControlCharacters,
    Kind::InvalidUtf8,
    Kind::WrongType,
    Kind::Missing,
    Kind::Duplicated,
    Kind::EmptyBody,
    Kind::JsonAsForm,
    Kind::FormAsJson,
    Kind::UnknownField,
];

/// Values of the other type: text where a number goes, and numbers that no
/// id, count or flag can be (too big, negative, in floating notation).
const WRONG_TYPES: [&str; 4] = ["abc", "1e99", "-1", "99999999999999999999"];

/// Control characters, NUL, a terminal escape, a zero-width space and a
/// right-to-left override: what a pasted text or a hostile client may hold.
const CONTROL_CHARACTERS: &str =
    "a\u{0}b\u{1}\u{7}\u{8}\u{b}\u{c}\u{1b}[2J\r\n\t\u{7f}\u{85}\u{200b}\u{202e}z";

/// Bytes that are not UTF-8, percent-encoded as a form sends them.
const INVALID_UTF8: &str = "%FF%FE%C3%28";

/// ~100 KB: far beyond every field's limit, well under the body limit (1 MiB).
fn huge() -> String {
    "0123456789abcdef".repeat(6_250)
}

/// A small fixed-seed generator (xorshift64*): the same mutations on every
/// run, without a dependency.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    /// 1 to 24 characters: letters, digits, punctuation (the form's own `&`,
    /// `=`, `[`, `%` among them), accents, CJK, an emoji, a combining mark.
    fn text(&mut self) -> String {
        const ALPHABET: &[char] = &[
            'a', 'z', 'K', 'Q', '0', '7', '9', ' ', '!', '"', '#', '$', '%', '&', '\'', '(', ')',
            '*', '+', ',', '-', '.', '/', ':', ';', '<', '=', '>', '?', '@', '[', '\\', ']', '^',
            '_', '`', '{', '|', '}', '~', 'é', 'ß', '漢', '🦀', '\u{301}',
        ];
        let length = 1 + self.below(24);
        (0..length)
            .map(|_| ALPHABET[self.below(ALPHABET.len())])
            .collect()
    }
}

/// One mutated request: what it is (for the report) and what is sent.
struct Mutation {
    kind: Kind,
    /// Which of the kind's values (`WRONG_TYPES` has several; others one).
    variant: usize,
    /// The field it changes, if it changes one, and its place in the body.
    field: Option<(usize, String)>,
    body: String,
    content_type: &'static str,
}

/// `name=value` segments joined as a form body.
fn joined(segments: &[String]) -> String {
    segments.join("&")
}

/// Every mutation of a body with these fields (in the order sent).
fn mutations(fields: &[(String, String)], generator: &mut Generator) -> Vec<Mutation> {
    let encoded: Vec<String> = fields
        .iter()
        .map(|(name, value)| form(&[(name.as_str(), value.as_str())]))
        .collect();
    let mut all = Vec::new();
    for (index, (name, value)) in fields.iter().enumerate() {
        let with = |segment: String| {
            let mut segments = encoded.clone();
            segments[index] = segment;
            joined(&segments)
        };
        let mut add = |kind: Kind, variant: usize, body: String| {
            all.push(Mutation {
                kind,
                variant,
                field: Some((index, name.clone())),
                body,
                content_type: FORM,
            })
        };
        add(
            Kind::RandomText,
            0,
            with(form(&[(name.as_str(), generator.text().as_str())])),
        );
        add(
            Kind::Huge,
            0,
            with(form(&[(name.as_str(), huge().as_str())])),
        );
        add(Kind::Empty, 0, with(form(&[(name.as_str(), "")])));
        add(
            Kind::ControlCharacters,
            0,
            with(form(&[(name.as_str(), CONTROL_CHARACTERS)])),
        );
        // Written raw: an encoder would refuse to produce it.
        add(
            Kind::InvalidUtf8,
            0,
            with(format!("{}{INVALID_UTF8}", form(&[(name.as_str(), "")]))),
        );
        for (variant, wrong) in WRONG_TYPES.iter().enumerate() {
            add(
                Kind::WrongType,
                variant,
                with(form(&[(name.as_str(), wrong)])),
            );
        }
        let mut without = encoded.clone();
        without.remove(index);
        add(Kind::Missing, 0, joined(&without));
        let mut twice = encoded.clone();
        twice.insert(index, form(&[(name.as_str(), value.as_str())]));
        add(Kind::Duplicated, 0, joined(&twice));
    }
    let valid = joined(&encoded);
    let as_json: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .map(|(name, value)| (name.clone(), serde_json::Value::String(value.clone())))
        .collect();
    let unknown = form(&[(
        format!("x{}", generator.text()).as_str(),
        generator.text().as_str(),
    )]);
    let with_unknown = if valid.is_empty() {
        unknown
    } else {
        format!("{valid}&{unknown}")
    };
    for (kind, body, content_type) in [
        (Kind::EmptyBody, String::new(), FORM),
        (
            Kind::JsonAsForm,
            serde_json::Value::Object(as_json).to_string(),
            FORM,
        ),
        (Kind::FormAsJson, valid, JSON),
        (Kind::UnknownField, with_unknown, FORM),
    ] {
        all.push(Mutation {
            kind,
            variant: 0,
            field: None,
            body,
            content_type,
        });
    }
    all
}

/// Whether `row` lets `caller` past the checks of who may call (the calls
/// that reach the function's own reading of its fields).
fn reaches_the_function(row: &Row, caller: Caller) -> bool {
    match row.rule {
        // Public doors: signed out and one signed-in person are enough.
        Rule::Public => matches!(caller, Caller::Anonymous | Caller::Mentee),
        // The officer is also a coordinator: the coordinator covers the
        // coordination's rows, she covers her own.
        Rule::PrivacyOfficer => caller == Caller::PrivacyOfficer,
        rule => caller != Caller::PrivacyOfficer && rule.refusal_for(caller).is_none(),
    }
}

/// One mutation in how many `caller` is sent on `row` (at least one): all
/// of them for the callers the row lets in, `REFUSED_SAMPLE` for the others.
fn sample_rate(row: &Row, caller: Caller) -> usize {
    if reaches_the_function(row, caller) {
        1
    } else {
        REFUSED_SAMPLE
    }
}

/// What a call came to.
enum Outcome {
    Answered(StatusCode, String),
    /// The handler panicked, hung or the body broke off.
    Broken(String),
}

/// Sends one request through the router in its own task, so that a panic
/// in a handler is seen and reported instead of ending the test.
async fn send(router: &Router, request: Request<Body>) -> Outcome {
    let router = router.clone();
    let task = tokio::spawn(async move {
        let response = match router.oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
        let status = response.status();
        match response.into_body().collect().await {
            Ok(collected) => Ok((
                status,
                String::from_utf8_lossy(&collected.to_bytes()).into_owned(),
            )),
            Err(error) => Err(format!("the body broke off: {error}")),
        }
    });
    match tokio::time::timeout(ANSWER_LIMIT, task).await {
        Err(_) => Outcome::Broken(format!("no answer within {ANSWER_LIMIT:?}")),
        Ok(Err(join)) if join.is_panic() => {
            let payload = join.into_panic();
            let message = payload
                .downcast_ref::<&str>()
                .map(|text| (*text).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Outcome::Broken(format!("the handler panicked: {message}"))
        }
        Ok(Err(join)) => Outcome::Broken(format!("the handler's task failed: {join}")),
        Ok(Ok(Err(broken))) => Outcome::Broken(broken),
        Ok(Ok(Ok((status, body)))) => Outcome::Answered(status, body),
    }
}

/// A server function call as the hydrated app makes it, with any body and content type.
fn request(path: &str, body: String, content_type: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::ACCEPT, JSON);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).expect("a valid request")
}

/// A new session of `caller`. The sign-in throttle's counts go first: the
/// `LogIn` row's generated attempts all fail, from the one test address.
async fn sign_in(app: &TestApp, caller: Caller) -> Option<String> {
    let email = caller.email()?;
    sqlx::query("DELETE FROM login_failures")
        .execute(&app.pool)
        .await
        .expect("the sign-in throttle is cleared");
    Some(app.sign_in(email, PASSWORD).await)
}

/// Whether the session still proves its account (an allowed `LogOut`, or
/// anything else that ends sessions, may have ended it).
async fn still_signed_in(app: &TestApp, cookie: &str) -> bool {
    let answer = app.call(GetCurrentUser::PATH, "", Some(cookie)).await;
    answer.status == StatusCode::OK && answer.body.trim() != "null"
}

/// A connection of its own to the test's database, which sees whether any
/// other connection committed anything since it last looked (SQLite's
/// `data_version`): a full fingerprint is read only when something was.
struct Watcher {
    connection: sqlx::SqliteConnection,
    seen: i64,
}

impl Watcher {
    async fn open(app: &TestApp) -> Watcher {
        use sqlx::ConnectOptions;
        let mut connection = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&app.config.database_path)
            .read_only(true)
            .connect()
            .await
            .expect("a connection of the watcher's own");
        let seen = Self::version(&mut connection).await;
        Watcher { connection, seen }
    }

    async fn version(connection: &mut sqlx::SqliteConnection) -> i64 {
        sqlx::query_scalar("PRAGMA data_version")
            .fetch_one(connection)
            .await
            .expect("the data version")
    }

    /// Whether another connection committed since the last look.
    async fn anything_committed(&mut self) -> bool {
        let now = Self::version(&mut self.connection).await;
        let committed = now != self.seen;
        self.seen = now;
        committed
    }
}

/// The tables whose rows differ between two fingerprints.
fn changed_tables<'a>(before: &'a str, after: &'a str) -> Vec<&'a str> {
    before
        .lines()
        .zip(after.lines())
        .filter(|(was, is)| was != is)
        .filter_map(|(was, _)| was.split(':').next())
        .collect()
}

/// The first characters of a body, control characters shown escaped.
fn excerpt(body: &str) -> String {
    let short: String = body.chars().take(160).collect();
    let shown = format!("{short:?}");
    if body.chars().count() > 160 {
        format!("{shown}… ({} bytes)", body.len())
    } else {
        shown
    }
}

#[tokio::test]
async fn generated_input_from_any_caller_never_gets_a_server_error_and_a_refusal_writes_nothing() {
    let started = Instant::now();
    let (app, fixture) = matrix_app().await;
    let mut cookies: BTreeMap<Caller, Option<String>> = BTreeMap::new();
    for caller in CALLERS {
        cookies.insert(caller, sign_in(&app, caller).await);
    }
    let mut generator = Generator(0x5EED_0022_0005_0001);
    let mut failures = Vec::new();
    let mut by_class: BTreeMap<u16, usize> = BTreeMap::new();
    let mut by_kind: BTreeMap<Kind, usize> = BTreeMap::new();
    let mut by_row_and_caller: BTreeMap<(&str, Caller), usize> = BTreeMap::new();
    let mut calls = 0;
    let mut turn = 0;
    let mut by_variant: BTreeMap<(Kind, usize), usize> = BTreeMap::new();
    // Where the time goes: the calls themselves, and the checks after them.
    let (mut calling, mut checking) = (Duration::ZERO, Duration::ZERO);
    let mut slowest: BTreeMap<Kind, Duration> = BTreeMap::new();
    // Built once: thousands of fingerprints follow.
    let fingerprint = app.fingerprint_query().await;
    let mut before = app.fingerprint_by(&fingerprint).await;
    let mut watcher = Watcher::open(&app).await;
    // The watcher sees a write made through the app's own connections.
    sqlx::query("UPDATE cohorts SET name_en = name_en WHERE code = 'matrix'")
        .execute(&app.pool)
        .await
        .expect("a write that changes nothing");
    assert!(
        watcher.anything_committed().await,
        "the watcher saw no commit"
    );
    assert!(!watcher.anything_committed().await);
    let all_rows = rows();
    for row in &all_rows {
        let valid = (row.body)(&fixture);
        let fields: Vec<(String, String)> =
            serde_urlencoded::from_str(&valid).expect("a row's body is a form");
        for caller in CALLERS {
            turn += 1;
            let rate = sample_rate(row, caller);
            // Of the wrong types, one per field, in turn; of the rest, as
            // `sample_rate` says.
            let mut chosen: Vec<Mutation> = mutations(&fields, &mut generator)
                .into_iter()
                .filter(|mutation| match (&mutation.field, mutation.kind) {
                    (Some((index, _)), Kind::WrongType) => {
                        mutation.variant == (turn + index) % WRONG_TYPES.len()
                    }
                    _ => true,
                })
                .filter(|_| rate == 1 || generator.below(rate) == 0)
                .collect();
            if chosen.is_empty() {
                let mut all = mutations(&fields, &mut generator);
                let pick = generator.below(all.len());
                chosen.push(all.swap_remove(pick));
            }
            for mutation in chosen {
                let cookie = cookies[&caller].clone();
                let started_call = Instant::now();
                let outcome = send(
                    &app.router,
                    request(
                        row.path,
                        mutation.body.clone(),
                        mutation.content_type,
                        cookie.as_deref(),
                    ),
                )
                .await;
                let took = started_call.elapsed();
                calling += took;
                let slowest_of_kind = slowest.entry(mutation.kind).or_default();
                *slowest_of_kind = (*slowest_of_kind).max(took);
                let started_check = Instant::now();
                calls += 1;
                *by_kind.entry(mutation.kind).or_default() += 1;
                *by_variant
                    .entry((mutation.kind, mutation.variant))
                    .or_default() += 1;
                *by_row_and_caller.entry((row.path, caller)).or_default() += 1;
                let what = || {
                    format!(
                        "{} as {caller:?}, {:?}{} ({}) {}",
                        row.path,
                        mutation.kind,
                        mutation
                            .field
                            .as_ref()
                            .map(|(_, field)| format!(" of {field}"))
                            .unwrap_or_default(),
                        mutation.content_type,
                        excerpt(&mutation.body),
                    )
                };
                // Nothing committed since the last look: the same fingerprint.
                let mut after = if watcher.anything_committed().await {
                    app.fingerprint_by(&fingerprint).await
                } else {
                    before.clone()
                };
                match outcome {
                    Outcome::Broken(broken) => {
                        *by_class.entry(0).or_default() += 1;
                        failures.push(format!("{}: {broken}", what()));
                    }
                    Outcome::Answered(status, body) => {
                        *by_class.entry(status.as_u16() / 100).or_default() += 1;
                        if status.is_server_error() {
                            failures.push(format!("{}: {status} {}", what(), excerpt(&body)));
                        } else if status.is_client_error() && after != before {
                            failures.push(format!(
                                "{}: refused ({status}) but wrote to {:?}",
                                what(),
                                changed_tables(&before, &after)
                            ));
                        } else if !status.is_client_error() {
                            // Allowed: it may have changed anything, the caller's session included.
                            if let Some(cookie) = &cookie {
                                if !still_signed_in(&app, cookie).await {
                                    cookies.insert(caller, sign_in(&app, caller).await);
                                    // Signing in writes too (a known device…).
                                    watcher.anything_committed().await;
                                    after = app.fingerprint_by(&fingerprint).await;
                                }
                            }
                        }
                    }
                }
                before = after;
                checking += started_check.elapsed();
            }
        }
    }
    let elapsed = started.elapsed();
    println!(
        "generated inputs: {calls} calls in {elapsed:.1?} ({calling:.1?} answering, \
         {checking:.1?} checking); by status class (0 = panic or broken): {by_class:?}; \
         by kind: {by_kind:?}; slowest answer by kind: {slowest:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {calls} generated calls failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Every mutation kind (each wrong type), every row and every caller were tried.
    for (variant, wrong) in WRONG_TYPES.iter().enumerate() {
        let sent = by_variant.get(&(Kind::WrongType, variant)).copied();
        assert!(
            sent.unwrap_or_default() >= 50,
            "{wrong} was sent only {sent:?} times"
        );
    }
    for kind in KINDS {
        assert!(
            by_kind.get(&kind).copied().unwrap_or_default() >= 50,
            "{kind:?} was sent only {:?} times",
            by_kind.get(&kind)
        );
    }
    for row in &all_rows {
        for caller in CALLERS {
            assert!(
                by_row_and_caller.contains_key(&(row.path, caller)),
                "{} was never called as {caller:?}",
                row.path
            );
        }
    }
    assert!(all_rows.len() >= 150, "only {} rows", all_rows.len());
    assert!(calls >= 7_000, "only {calls} calls");
}

#[tokio::test]
async fn a_body_that_is_not_the_functions_arguments_is_refused_as_bad_input_not_a_server_error() {
    let (app, fixture) = matrix_app().await;
    let mentee = sign_in(&app, Caller::Mentee)
        .await
        .expect("the mentee has an account");
    let before = app.fingerprint().await;
    // A letter where a number goes, a number too big for any, a field sent
    // twice, a field missing, bytes that are not UTF-8 (raw and encoded).
    let pair = fixture.pair_id.to_string();
    let bodies = [
        form(&[("pair_id", "abc")]),
        form(&[("pair_id", "99999999999999999999")]),
        format!("pair_id={pair}&pair_id={pair}"),
        String::new(),
        "pair_id=%FF%FE".to_owned(),
    ];
    for body in bodies {
        let answer = app
            .call(app::workspace::GetWorkspace::PATH, &body, Some(&mentee))
            .await;
        answer.assert_status(StatusCode::BAD_REQUEST);
        assert_eq!(
            answer.json::<AppError>(),
            AppError::UnreadableRequest,
            "{body}"
        );
    }
    let raw = send(
        &app.router,
        Request::post(SaveMyProfile::PATH)
            .header(header::CONTENT_TYPE, FORM)
            .header(header::ACCEPT, JSON)
            .header(header::COOKIE, &mentee)
            .body(Body::from(vec![b'c', b'a', b'p', b'=', 0xFF, 0xFE]))
            .expect("a valid request"),
    )
    .await;
    match raw {
        Outcome::Answered(status, _) => assert_eq!(status, StatusCode::BAD_REQUEST),
        Outcome::Broken(broken) => panic!("{broken}"),
    }
    assert_eq!(app.fingerprint().await, before, "a refused call wrote");
    // The session is untouched: the same cookie still reads the account.
    app.call(GetMyAccount::PATH, "", Some(&mentee))
        .await
        .assert_status(StatusCode::OK);
}

/// What the server logged while it was kept (a `tracing` writer).
#[derive(Clone, Default)]
struct CapturedLog(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl CapturedLog {
    fn text(&self) -> String {
        let bytes = self.0.lock().map(|bytes| bytes.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl std::io::Write for CapturedLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut bytes) = self.0.lock() {
            bytes.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for CapturedLog {
    type Writer = CapturedLog;

    fn make_writer(&'a self) -> CapturedLog {
        self.clone()
    }
}

/// Writes `sql` past the tables' CHECK constraints, as a hand edit or a
/// newer version of the program could have.
async fn write_unchecked(app: &TestApp, sql: &str) {
    let mut connection = app.pool.acquire().await.expect("a connection");
    for statement in [
        "PRAGMA ignore_check_constraints = ON",
        sql,
        "PRAGMA ignore_check_constraints = OFF",
    ] {
        sqlx::query(statement)
            .execute(&mut *connection)
            .await
            .unwrap_or_else(|error| panic!("{statement}: {error}"));
    }
}

#[tokio::test]
async fn a_stored_value_this_version_does_not_know_is_an_error_in_the_log_never_a_default() {
    use app::accounts::Role;
    use app::people::api::GetPeople;
    use app::workspace::GetWorkspace;

    let app = TestApp::new().await;
    app.create_account(Role::Coordinator, "coordinator@stored.example", PASSWORD)
        .await;
    app.create_account(Role::Mentee, "odd@stored.example", PASSWORD)
        .await;
    app.create_cohort("stored").await;
    let mut profiles = Vec::new();
    for (role, email) in [
        (Role::Mentee, "mentee@stored.example"),
        (Role::Mentor, "mentor@stored.example"),
    ] {
        let account = app.create_account(role, email, PASSWORD).await;
        profiles.push(app.profile_id_of(account).await);
    }
    let pair_id = app.insert_pair("stored", profiles[0], profiles[1]).await;
    app.activate_pair(pair_id).await;
    app.insert_workspace(pair_id).await;
    let coordinator = app.sign_in("coordinator@stored.example", PASSWORD).await;
    let mentee = app.sign_in("mentee@stored.example", PASSWORD).await;
    let workspace = form(&[("pair_id", &pair_id.to_string())]);
    // Both read fine before anything is changed.
    app.call(GetPeople::PATH, "", Some(&coordinator))
        .await
        .assert_status(StatusCode::OK);
    app.call(GetWorkspace::PATH, &workspace, Some(&mentee))
        .await
        .assert_status(StatusCode::OK);

    let log = CapturedLog::default();
    // This thread's runtime runs the calls: the log of this test alone.
    let _kept = tracing::subscriber::set_default(
        tracing_subscriber::fmt()
            .with_writer(log.clone())
            .with_ansi(false)
            .finish(),
    );
    write_unchecked(
        &app,
        "UPDATE accounts SET role = 'wizard' WHERE email = 'odd@stored.example'",
    )
    .await;
    // The people list does not show the account as a mentee (the old
    // default) nor as anything else: the coordinator gets an error.
    let people = app.call(GetPeople::PATH, "", Some(&coordinator)).await;
    people.assert_status(StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(people.json::<AppError>(), AppError::Internal);
    // The account does not sign in with a role it does not have.
    let signing_in = app.log_in("odd@stored.example", PASSWORD).await;
    assert!(
        signing_in.status.is_server_error(),
        "{} {}",
        signing_in.status,
        signing_in.body
    );
    assert_eq!(crate::common::session_cookie(&signing_in), None);
    let logged = log.text();
    assert!(
        logged.contains("unknown stored value")
            && logged.contains("table=")
            && logged.contains("accounts")
            && logged.contains("column=")
            && logged.contains("wizard"),
        "the log does not name the value: {logged}"
    );

    // A meeting in a modality this version does not know: not shown as a
    // video meeting (the old default), an error naming it.
    write_unchecked(
        &app,
        &format!("UPDATE meetings SET modality = 'hologram' WHERE pair_id = {pair_id}"),
    )
    .await;
    let shown = app
        .call(GetWorkspace::PATH, &workspace, Some(&mentee))
        .await;
    shown.assert_status(StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(shown.json::<AppError>(), AppError::Internal);
    assert!(
        log.text().contains("hologram"),
        "the log does not name the modality: {}",
        log.text()
    );
}
