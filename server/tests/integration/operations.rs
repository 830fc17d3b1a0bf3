//! What an operator relies on: probes, the database file, demo data, request limits.

use crate::common::TestApp;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use server::{db, demo};

#[tokio::test]
async fn healthz_reports_a_working_database() {
    let app = TestApp::new().await;
    let response = app.get("/healthz").await;
    response.assert_status(StatusCode::OK);
    assert_eq!(response.body, r#"{"status":"ok","database":"ok"}"#);
}

#[tokio::test]
async fn healthz_reports_503_when_the_database_is_gone() {
    let app = TestApp::new().await;
    app.pool.close().await;
    let response = app.get("/healthz").await;
    response.assert_status(StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.body.contains("unavailable"));
}

#[tokio::test]
async fn livez_answers_without_the_database() {
    let app = TestApp::new().await;
    app.pool.close().await;
    let response = app.get("/livez").await;
    response.assert_status(StatusCode::OK);
    assert_eq!(response.body, "ok");
}

#[tokio::test]
async fn an_empty_file_is_created_and_migrated_with_the_expected_settings() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("nested/folder/mentorat.sqlite3");
    assert!(!path.exists());
    let pool = db::connect_and_migrate(&path)
        .await
        .expect("opens and migrates");
    assert!(path.exists(), "the file and its folders are created");

    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&pool)
        .await
        .expect("pragma");
    assert_eq!(journal, "wal");
    let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&pool)
        .await
        .expect("pragma");
    assert_eq!(foreign_keys, 1);
    let busy_timeout: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
        .fetch_one(&pool)
        .await
        .expect("pragma");
    assert_eq!(busy_timeout, 5000);

    let domains: i64 = sqlx::query_scalar("SELECT count(*) FROM domains")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert!(domains >= 20, "the starting taxonomy is there ({domains})");
    let untranslated: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM domains WHERE label_fr IS NULL OR label_en IS NULL",
    )
    .fetch_one(&pool)
    .await
    .expect("count");
    assert_eq!(untranslated, 0, "every starting domain has both labels");
    let cohorts: i64 = sqlx::query_scalar("SELECT count(*) FROM cohorts")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(cohorts, 0, "no demo data unless asked for");
    pool.close().await;

    // Opening again applies nothing twice.
    let pool = db::connect_and_migrate(&path).await.expect("opens again");
    let again: i64 = sqlx::query_scalar("SELECT count(*) FROM domains")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(again, domains);
}

#[tokio::test]
async fn the_schema_refuses_inconsistent_cohorts() {
    let app = TestApp::new().await;
    let ends_before_start = sqlx::query(
        "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on) \
         VALUES ('x', 'X', 'X', '2025-06-01', '2025-01-01')",
    )
    .execute(&app.pool)
    .await;
    assert!(ends_before_start.is_err());
    let not_a_date = sqlx::query(
        "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on) \
         VALUES ('y', 'Y', 'Y', 'bientôt', '2025-01-01')",
    )
    .execute(&app.pool)
    .await;
    assert!(not_a_date.is_err());
}

#[tokio::test]
async fn demo_data_can_be_loaded_twice() {
    let app = TestApp::new().await;
    let first = demo::load_demo_data(&app.pool).await.expect("first load");
    assert_eq!(first.cohorts_added, 2);
    assert_eq!(first.people_added, 7 + 49);
    assert_eq!(first.applications_added, 7);
    let second = demo::load_demo_data(&app.pool).await.expect("second load");
    assert_eq!(
        second,
        demo::DemoLoad::default(),
        "a second load adds nothing"
    );
    let pool = app.pool.clone();
    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&pool)
                .await
                .expect("count")
        }
    };
    assert_eq!(count("SELECT count(*) FROM cohorts").await, 2);
    // The believable program of the enrolment issue: Hiver 2025 with 15 mentors
    // and 40 mentees, each with a complete profile, and applications in every status.
    assert_eq!(
        count(
            "SELECT count(*) FROM profiles p JOIN cohorts c ON c.id = p.cohort_id \
             WHERE c.code = 'hiver-2025' AND p.role = 'mentor' AND p.account_id IS NOT NULL"
        )
        .await,
        15
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM profiles p JOIN cohorts c ON c.id = p.cohort_id \
             WHERE c.code = 'hiver-2025' AND p.role = 'mentee' AND p.modality IS NOT NULL \
             AND p.availability > 0 AND p.program_of_study IS NOT NULL"
        )
        .await,
        40
    );
    assert_eq!(
        count("SELECT count(DISTINCT status) FROM mentor_applications").await,
        5
    );
    assert!(count("SELECT count(DISTINCT language) FROM profile_languages").await >= 3);
    assert!(
        count("SELECT count(DISTINCT capacity) FROM profiles WHERE role = 'mentor'").await >= 3
    );
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413() {
    let app = TestApp::with_config(|config| config.max_body_bytes = 1024).await;
    let body = format!("locale=en&return_to=/{}", "a".repeat(4096));
    let response = app
        .send(
            Request::post(<app::layout::SetLocale as leptos::server_fn::ServerFn>::PATH)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::CONTENT_LENGTH, body.len())
                .body(Body::from(body))
                .expect("a valid request"),
        )
        .await;
    response.assert_status(StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn static_files_go_out_precompressed_and_are_revalidated() {
    let site = tempfile::tempdir().expect("a site folder");
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).expect("the pkg folder");
    std::fs::write(pkg.join("mentorat.js"), "plain script").expect("the script");
    // What cargo-leptos --precompress writes next to each file.
    std::fs::write(pkg.join("mentorat.js.br"), "brotli script").expect("its brotli");
    std::fs::write(pkg.join("mentorat.js.gz"), "gzip script").expect("its gzip");
    let app = TestApp::with_site_root(&site.path().to_string_lossy(), false).await;
    let fetch = |encoding: &'static str, since: Option<String>| {
        let mut request =
            Request::get("/pkg/mentorat.js").header(header::ACCEPT_ENCODING, encoding);
        if let Some(since) = since {
            request = request.header(header::IF_MODIFIED_SINCE, since);
        }
        app.send(request.body(Body::empty()).expect("a request"))
    };

    let brotli = fetch("gzip, deflate, br", None).await;
    brotli.assert_status(StatusCode::OK);
    assert_eq!(
        brotli.body, "brotli script",
        "the file made at build time, not compressed again"
    );
    assert_eq!(brotli.headers[header::CONTENT_ENCODING], "br");
    assert_eq!(brotli.headers[header::CACHE_CONTROL], "no-cache");
    let gzip = fetch("gzip", None).await;
    assert_eq!(gzip.body, "gzip script");
    assert_eq!(gzip.headers[header::CONTENT_ENCODING], "gzip");
    let plain = fetch("identity", None).await;
    assert_eq!(plain.body, "plain script");

    // Asking again costs no body while the file is unchanged.
    let modified = brotli.headers[header::LAST_MODIFIED]
        .to_str()
        .expect("a date")
        .to_owned();
    let again = fetch("br", Some(modified)).await;
    again.assert_status(StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());

    // Pages are not cached by this rule.
    let page = app.get("/").await;
    assert!(page.headers.get(header::CACHE_CONTROL).is_none());
}

#[tokio::test]
async fn files_named_by_their_content_are_kept_a_year_and_the_others_asked_again() {
    let site = tempfile::tempdir().expect("a site folder");
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(pkg.join("snippets")).expect("the pkg folder");
    let hashed = "mentorat.Xf3kz9Q0aB-_c1D2e3F4gH.wasm";
    std::fs::write(pkg.join(hashed), "wasm").expect("the WebAssembly");
    std::fs::write(pkg.join(format!("{hashed}.br")), "brotli wasm").expect("its brotli");
    // What cargo-leptos does not rename: a snippet's script.
    std::fs::write(pkg.join("snippets/inline0.js"), "snippet").expect("a snippet");
    let site_root = site.path().to_string_lossy().into_owned();
    let hashed_build = TestApp::with_site_root(&site_root, true).await;
    let plain_build = TestApp::with_site_root(&site_root, false).await;
    async fn fetch(
        app: &TestApp,
        path: String,
        since: Option<String>,
    ) -> crate::common::TestResponse {
        let mut request = Request::get(path).header(header::ACCEPT_ENCODING, "br");
        if let Some(since) = since {
            request = request.header(header::IF_MODIFIED_SINCE, since);
        }
        app.send(request.body(Body::empty()).expect("a request"))
            .await
    }
    const A_YEAR: &str = "public, max-age=31536000, immutable";

    let wasm = fetch(&hashed_build, format!("/pkg/{hashed}"), None).await;
    wasm.assert_status(StatusCode::OK);
    assert_eq!(wasm.body, "brotli wasm");
    assert_eq!(wasm.headers[header::CACHE_CONTROL], A_YEAR);
    // Confirmed unchanged, it stays kept a year.
    let modified = wasm.headers[header::LAST_MODIFIED]
        .to_str()
        .expect("a date")
        .to_owned();
    let again = fetch(&hashed_build, format!("/pkg/{hashed}"), Some(modified)).await;
    again.assert_status(StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers[header::CACHE_CONTROL], A_YEAR);
    // What has no hash in its name, or is gone, is asked again.
    let snippet = fetch(&hashed_build, "/pkg/snippets/inline0.js".to_owned(), None).await;
    snippet.assert_status(StatusCode::OK);
    assert_eq!(snippet.headers[header::CACHE_CONTROL], "no-cache");
    let gone = fetch(
        &hashed_build,
        "/pkg/mentorat.AAAAAAAAAAAAAAAAAAAAAA.wasm".to_owned(),
        None,
    )
    .await;
    gone.assert_status(StatusCode::NOT_FOUND);
    assert_eq!(gone.headers[header::CACHE_CONTROL], "no-cache");
    // A build that does not hash its names keeps every file `no-cache`.
    let unhashed = fetch(&plain_build, format!("/pkg/{hashed}"), None).await;
    unhashed.assert_status(StatusCode::OK);
    assert_eq!(unhashed.headers[header::CACHE_CONTROL], "no-cache");
}

/// Upgrading a database that already holds a program: migration
/// `20261201000011` rebuilds `pairs` (a new status), which would delete every
/// goal, meeting and message of every pair if foreign keys were on while it
/// runs. Everything is still there after, and every reference holds.
#[tokio::test]
async fn upgrading_a_database_that_holds_a_program_keeps_every_pair_and_what_refers_to_it() {
    use sqlx::migrate::Migrator;
    use sqlx::sqlite::SqliteConnectOptions;

    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("before.sqlite3");
    let all = sqlx::migrate!("../migrations");
    let before_rebuild = Migrator {
        migrations: all
            .migrations
            .iter()
            .filter(|migration| migration.version < 20261201000011)
            .cloned()
            .collect::<Vec<_>>()
            .into(),
        ignore_missing: false,
        locking: true,
        no_tx: false,
    };
    let options = SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true)
        .foreign_keys(true);
    let old = sqlx::SqlitePool::connect_with(options)
        .await
        .expect("opens");
    before_rebuild.run(&old).await.expect("the older schema");
    // Today's demo loader also records each account's consent (migration
    // `20261201000018`): it gets stand-in tables, dropped before the upgrade.
    sqlx::raw_sql(
        "CREATE TABLE privacy_notices (version INTEGER PRIMARY KEY); \
         INSERT INTO privacy_notices VALUES (1); \
         CREATE TABLE consents (id INTEGER PRIMARY KEY, account_id, application_id, purpose, \
                                notice_version, context, given_at, withdrawn_at);",
    )
    .execute(&old)
    .await
    .expect("stand-in tables");
    demo::load_demo_data(&old).await.expect("a program in it");
    sqlx::raw_sql("DROP TABLE consents; DROP TABLE privacy_notices;")
        .execute(&old)
        .await
        .expect("stand-ins dropped");
    let count = |pool: sqlx::SqlitePool| async move {
        let mut counts = Vec::new();
        for table in [
            "pairs",
            "goals",
            "milestones",
            "meetings",
            "feedback",
            "fit_checks",
        ] {
            let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&pool)
                .await
                .expect("a count");
            counts.push((table, count));
        }
        counts
    };
    let before = count(old.clone()).await;
    assert!(before.iter().all(|(_, count)| *count > 0), "{before:?}");
    old.close().await;

    let upgraded = db::connect_and_migrate(&path).await.expect("upgrades");
    assert_eq!(count(upgraded.clone()).await, before);
    let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&upgraded)
        .await
        .expect("pragma");
    assert_eq!(foreign_keys, 1, "on again for the app");
    let completed = sqlx::query("UPDATE pairs SET status = 'completed' WHERE status = 'active'")
        .execute(&upgraded)
        .await
        .expect("the new status is allowed");
    assert!(completed.rows_affected() > 0);
}
