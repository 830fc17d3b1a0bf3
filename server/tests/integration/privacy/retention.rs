//! Retention: the coordination sees what the next run removes, and the run
//! removes exactly that — old closed applications, old sign-in traces,
//! expired sessions, links of sent emails, old emails, and the people of
//! cohorts closed long ago — and nothing younger.
use super::*;
use app::erasure::api::{GetRetention, RunRetention, SaveRetention};
use app::erasure::{RetentionCounts, RetentionPreview};
use axum::http::StatusCode;

const OLD: &str = "2020-01-15T10:00:00Z";
const RECENT: &str = "2026-11-28T10:00:00Z";

async fn run(app: &TestApp, sql: &str) {
    sqlx::query(sql).execute(&app.pool).await.expect(sql);
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.pool)
        .await
        .expect(sql)
}

/// Two of each kind: one past its period, one not.
async fn seed(people: &TwoPeople) {
    let app = &people.app;
    for (email, updated_at) in [("old@apply.example", OLD), ("new@apply.example", RECENT)] {
        let application = app.submit_application(email, true).await;
        sqlx::query(
            "UPDATE mentor_applications SET status = 'declined', updated_at = ? WHERE id = ?",
        )
        .bind(updated_at)
        .bind(application.id)
        .execute(&app.pool)
        .await
        .expect("a declined application");
    }
    for sql in [
        format!(
            "INSERT INTO login_failures (key, failures, last_failure_at) VALUES \
             ('account:old@x.example', 3, '{OLD}'), ('account:new@x.example', 1, '{RECENT}')"
        ),
        format!(
            "INSERT INTO audit_log (at, event, subject, client) VALUES \
             ('{OLD}', 'login_failed', 'old@x.example', '198.51.100.1')"
        ),
        // An expired session (the live ones are the fixture's sign-ins).
        "INSERT INTO tower_sessions (id, data, expiry_date) VALUES ('expired-session', x'00', 0)"
            .to_owned(),
        format!(
            "INSERT INTO outbox (kind, recipient, locale, subject, body, action_url, created_at, \
             sent_at, attempts) VALUES \
             ('invitation', 'a@x.example', 'fr', 'Old', 'Old', NULL, '{OLD}', '{OLD}', 1), \
             ('invitation', 'b@x.example', 'fr', 'Sent', 'Sent', 'https://x.example/secret', \
              '{RECENT}', '{RECENT}', 1), \
             ('invitation', 'c@x.example', 'fr', 'Queued', 'Queued', 'https://x.example/queued', \
              '{RECENT}', NULL, 0)"
        ),
        // A cohort closed long ago: Béa took part in it only (her pair there
        // ended); Ana took part in it and in the fixture's open cohort.
        format!(
            "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on, is_open, created_at, \
             closed_at) VALUES ('ancienne', 'Ancienne', 'Old', '2019-01-01', '2019-12-31', 0, \
             '{OLD}', '2020-01-01T10:00:00Z')"
        ),
    ] {
        run(app, &sql).await;
    }
    for person in [&people.ana, &people.bea] {
        run(
            app,
            &format!(
                "INSERT INTO cohort_members (cohort_id, profile_id, status) \
                 SELECT id, {}, 'confirmed' FROM cohorts WHERE code = 'ancienne'",
                person.profile
            ),
        )
        .await;
    }
    // Béa's only cohort is the old one, her pair over.
    run(
        app,
        &format!(
            "DELETE FROM cohort_members WHERE profile_id = {} \
             AND cohort_id <> (SELECT id FROM cohorts WHERE code = 'ancienne')",
            people.bea.profile
        ),
    )
    .await;
    run(
        app,
        &format!(
            "UPDATE pairs SET status = 'ended', closed_at = '2020-01-01T10:00:00Z' WHERE id = {}",
            people.bea.pair
        ),
    )
    .await;
}

#[tokio::test]
async fn a_run_removes_exactly_what_the_preview_said() {
    let people = TwoPeople::new().await;
    let app = &people.app;
    seed(&people).await;
    let preview: RetentionPreview = people
        .call(path::<GetRetention>(), "", &people.coordinator)
        .await;
    assert!(preview.may_change);
    assert_eq!(preview.last_run, None);
    assert_eq!(
        preview.next,
        RetentionCounts {
            applications: 1,
            sign_in_failures: 1,
            sessions: 1,
            addresses: 1,
            outbox_links: 1,
            outbox_messages: 1,
            people: 1,
        }
    );
    let names: Vec<&str> = preview
        .people
        .iter()
        .map(|person| person.name.as_str())
        .collect();
    assert_eq!(names, vec![people.bea.name.as_str()]);

    let done: RetentionCounts = people
        .call(path::<RunRetention>(), "", &people.coordinator)
        .await;
    assert_eq!(done, preview.next);

    // What went, and what stayed.
    for (sql, expected) in [
        (
            "SELECT count(*) FROM mentor_applications WHERE email = 'old@apply.example'",
            0,
        ),
        (
            "SELECT count(*) FROM mentor_applications WHERE email = 'new@apply.example'",
            1,
        ),
        ("SELECT count(*) FROM mentor_applications", 2),
        ("SELECT count(*) FROM login_failures WHERE key LIKE '%old@%'", 0),
        ("SELECT count(*) FROM login_failures WHERE key LIKE '%new@%'", 1),
        ("SELECT count(*) FROM audit_log WHERE client = '198.51.100.1'", 0),
        ("SELECT count(*) FROM tower_sessions WHERE id = 'expired-session'", 0),
        ("SELECT count(*) FROM outbox WHERE subject = 'Old'", 0),
        (
            "SELECT count(*) FROM outbox WHERE subject = 'Sent' AND action_url IS NULL",
            1,
        ),
        (
            "SELECT count(*) FROM outbox WHERE subject = 'Queued' AND action_url IS NOT NULL",
            1,
        ),
        ("SELECT count(*) FROM accounts WHERE email = 'bea@privacy.example'", 0),
        ("SELECT count(*) FROM accounts WHERE email = 'ana@privacy.example'", 1),
        (
            "SELECT count(*) FROM deletion_requests WHERE cause = 'retention' AND status = 'erased'",
            1,
        ),
    ] {
        assert_eq!(count(app, sql).await, expected, "{sql}");
    }
    // Her sessions ended with the erasure.
    app.call(
        path::<app::my_data::api::GetMyPrivacy>(),
        "",
        Some(&people.bea.cookie),
    )
    .await
    .assert_status(StatusCode::UNAUTHORIZED);

    // The next run has nothing left to do.
    let after: RetentionPreview = people
        .call(path::<GetRetention>(), "", &people.coordinator)
        .await;
    assert_eq!(after.next.total(), 0, "{:?}", after.next);
    assert!(after.last_run.is_some());
}

#[tokio::test]
async fn the_periods_are_set_in_range_by_the_privacy_officer_and_change_the_preview() {
    let people = TwoPeople::new().await;
    let app = &people.app;
    seed(&people).await;
    let periods = |applications: &str| {
        form(&[
            ("applications_months", applications),
            ("traces_days", "30"),
            ("outbox_months", "12"),
            ("cohort_years", "3"),
        ])
    };
    let refused = app
        .call(
            path::<SaveRetention>(),
            &periods("0"),
            Some(&people.coordinator),
        )
        .await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert!(
        refused.body.contains("applications_months"),
        "{}",
        refused.body
    );
    // Kept for 120 months, the old application is no longer due.
    app.call(
        path::<SaveRetention>(),
        &periods("120"),
        Some(&people.coordinator),
    )
    .await
    .assert_status(StatusCode::OK);
    let preview: RetentionPreview = people
        .call(path::<GetRetention>(), "", &people.coordinator)
        .await;
    assert_eq!(preview.settings.closed_applications_months, 120);
    assert_eq!(preview.next.applications, 0);
    // A daily task that ran a moment ago is not due again.
    app::erasure::retention::run(&app.pool, chrono::Utc::now())
        .await
        .expect("a run");
    assert_eq!(
        app::erasure::retention::run_when_due(&app.pool, chrono::Utc::now())
            .await
            .expect("a look"),
        None
    );
    assert!(app::erasure::retention::run_when_due(
        &app.pool,
        chrono::Utc::now() + chrono::Duration::hours(25)
    )
    .await
    .expect("a run")
    .is_some());
}
