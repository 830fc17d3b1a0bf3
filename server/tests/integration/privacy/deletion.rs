//! Deletion: a mentee asks from "my account", the privacy officer confirms;
//! nothing personal of hers remains in any table (every text column of every
//! table, from the database's own lists), her partner's own writings and the
//! other mentee's data stay, the counts stay, she can no longer sign in, and
//! the register keeps the deletion without her data.
use super::*;
use crate::common::TestResponse;
use app::erasure::api::{ConfirmDeletion, GetDeletions};
use app::erasure::Deletions;
use app::my_data::api::{AskForDeletion, CancelDeletionRequest, GetMyPrivacy};
use app::my_data::{DeletionState, MyPrivacy};
use app::people::api::{GetPeople, SetAccountDisabled};
use app::reports::participant::GetParticipant;
use axum::http::StatusCode;

/// What Ana wrote or what is about her, each text carrying a marker.
const ANA_MARKERS: [&str; 5] = [
    "ana@privacy.example",
    "Ana Arsenault",
    "ana-secret",
    "514-555-0199",
    "203.0.113.77",
];

/// Where each of `markers` still is: (table, column, marker), from every
/// column of every table the database lists.
async fn where_found(app: &TestApp, markers: &[&str]) -> Vec<(String, String, String)> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_sqlx\\_%' ESCAPE '\\' \
         ORDER BY name",
    )
    .fetch_all(&app.pool)
    .await
    .expect("the tables");
    let mut found = Vec::new();
    for table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(&app.pool)
                .await
                .expect("the columns");
        for column in columns {
            for marker in markers {
                let count: i64 = sqlx::query_scalar(&format!(
                    "SELECT count(*) FROM \"{table}\" \
                     WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower(?)) > 0"
                ))
                .bind(marker)
                .fetch_one(&app.pool)
                .await
                .expect("a count");
                if count > 0 {
                    found.push((table.clone(), column.clone(), (*marker).to_owned()));
                }
            }
        }
    }
    found
}

/// Asks for deletion, the box ticked ("on") or not ("").
async fn ask(app: &TestApp, understood: &str, cookie: &str) -> TestResponse {
    app.call(
        path::<AskForDeletion>(),
        &form(&[("understood", understood)]),
        Some(cookie),
    )
    .await
}

/// Confirms request `id`, naming what is kept, the box ticked or not.
async fn confirm(app: &TestApp, id: i64, kept: &str, ticked: &str, cookie: &str) -> TestResponse {
    app.call(
        path::<ConfirmDeletion>(),
        &form(&[("id", &id.to_string()), ("kept", kept), ("confirm", ticked)]),
        Some(cookie),
    )
    .await
}

async fn run(app: &TestApp, sql: &str, values: &[&str]) {
    let mut query = sqlx::query(sql);
    for value in values {
        query = query.bind(*value);
    }
    query.execute(&app.pool).await.expect(sql);
}

/// Ana's texts and traces everywhere they can be, and Marc's own writings.
async fn seed(people: &TwoPeople) {
    let app = &people.app;
    let (ana, marc) = (&people.ana, &people.marc);
    let pair = ana.pair.to_string();
    let ana_id = ana.account.to_string();
    let ana_profile = ana.profile.to_string();
    for (sql, values) in [
        (
            "UPDATE profiles SET program_of_study = 'ana-secret study', \
             institution = 'ana-secret school', needs_note = 'ana-secret needs' WHERE id = ?",
            vec![ana_profile.as_str()],
        ),
        (
            "UPDATE goals SET description = 'ana-secret goal', \
             success_criterion = 'ana-secret criterion' WHERE pair_id = ?",
            vec![pair.as_str()],
        ),
        (
            "UPDATE milestones SET title = 'ana-secret step' \
             WHERE goal_id IN (SELECT id FROM goals WHERE pair_id = ?)",
            vec![pair.as_str()],
        ),
        (
            "UPDATE meetings SET location = 'ana-secret place', \
             shared_notes = 'ana-secret notes' WHERE pair_id = ?",
            vec![pair.as_str()],
        ),
        (
            "UPDATE meeting_next_steps SET text = 'ana-secret next' \
             WHERE meeting_id IN (SELECT id FROM meetings WHERE pair_id = ?)",
            vec![pair.as_str()],
        ),
        (
            "UPDATE pair_messages SET body = 'ana-secret message' \
             WHERE pair_id = ? AND author_side = 'mentee'",
            vec![pair.as_str()],
        ),
        (
            "UPDATE pair_messages SET body = 'marc-own message' \
             WHERE pair_id = ? AND author_side = 'mentor'",
            vec![pair.as_str()],
        ),
        (
            "UPDATE fit_checks SET comment = 'ana-secret check' \
             WHERE pair_id = ? AND side = 'mentee'",
            vec![pair.as_str()],
        ),
        (
            "UPDATE fit_checks SET comment = 'marc-own check' \
             WHERE pair_id = ? AND side = 'mentor'",
            vec![pair.as_str()],
        ),
        (
            "UPDATE feedback SET strengths = 'marc-own strengths', \
             response = 'ana-secret response' WHERE pair_id = ?",
            vec![pair.as_str()],
        ),
        (
            // Marc's private note about her meeting goes with her.
            "UPDATE meeting_private_notes SET body = 'ana-secret private' \
             WHERE meeting_id IN (SELECT id FROM meetings WHERE pair_id = ?)",
            vec![pair.as_str()],
        ),
        (
            "INSERT INTO pair_contact_sharing (pair_id, side, share_email, phone) \
             VALUES (?, 'mentee', 1, '514-555-0199')",
            vec![pair.as_str()],
        ),
        (
            "INSERT INTO testimonials (account_id, body, language, signature, status, written_at) \
             VALUES (?, 'ana-secret testimonial', 'fr', 'full_name', 'submitted', \
                     '2026-11-28T10:00:00Z')",
            vec![ana_id.as_str()],
        ),
        (
            "INSERT INTO outbox (kind, recipient, locale, subject, body, created_at) \
             VALUES ('invitation', 'ana@privacy.example', 'fr', 'Bonjour Ana Arsenault', \
                     'ana-secret mail', '2026-11-28T10:00:00Z')",
            vec![],
        ),
        (
            // An email to her partner that names her.
            "INSERT INTO outbox (kind, recipient, locale, subject, body, created_at) \
             VALUES ('pair_message', 'marc@privacy.example', 'fr', 'Nouveau message', \
                     'Ana Arsenault vous a écrit.', '2026-11-28T10:00:00Z')",
            vec![],
        ),
        (
            "INSERT INTO held_notices (account_id, kind, subject, body, created_at) \
             VALUES (?, 'pair_message', 'Message', 'ana-secret held', '2026-11-28T10:00:00Z')",
            vec![ana_id.as_str()],
        ),
        (
            "INSERT INTO invitations (token_hash, email, display_name, role, locale, created_at, \
             expires_at, used_at, account_id) VALUES ('ana-invitation-hash', \
             'ana@privacy.example', 'Ana Arsenault', 'mentee', 'fr', '2026-11-01T10:00:00Z', \
             '2026-11-08T10:00:00Z', '2026-11-02T10:00:00Z', ?)",
            vec![ana_id.as_str()],
        ),
        (
            "INSERT INTO login_failures (key, failures, last_failure_at) \
             VALUES ('account:ana@privacy.example', 2, '2026-11-28T10:00:00Z')",
            vec![],
        ),
        (
            "INSERT INTO audit_log (at, event, actor_id, subject, client, detail) \
             VALUES ('2026-11-28T10:00:00Z', 'login_succeeded', ?, 'ana@privacy.example', \
                     '203.0.113.77', NULL)",
            vec![ana_id.as_str()],
        ),
        (
            "INSERT INTO mentee_imports (cohort_id, default_locale, list, created_at) \
             SELECT id, 'fr', 'Ana Arsenault, ana@privacy.example\nZoé Zed, zoe@privacy.example', \
                    '2026-11-01T10:00:00Z' FROM cohorts LIMIT 1",
            vec![],
        ),
        (
            "INSERT INTO calendar_feeds (account_id, token_hash, created_at) \
             VALUES (?, 'ana-feed-hash', '2026-11-28T10:00:00Z')",
            vec![ana_id.as_str()],
        ),
    ] {
        run(app, sql, &values).await;
    }
    // The coordination read her page: logged, with her as the subject.
    app.call(
        path::<GetParticipant>(),
        &form(&[("profile_id", &ana.profile.to_string())]),
        Some(&people.coordinator),
    )
    .await
    .assert_status(StatusCode::OK);
    assert!(!marc.email.is_empty());
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.pool)
        .await
        .expect(sql)
}

#[tokio::test]
async fn an_erased_mentee_leaves_no_personal_field_in_any_table_and_cannot_sign_in() {
    let people = TwoPeople::new().await;
    let app = &people.app;
    seed(&people).await;
    let (ana, bea) = (&people.ana, &people.bea);
    let before = where_found(app, &ANA_MARKERS).await;
    assert!(
        before.len() > 20,
        "the fixture holds her data in many places: {before:?}"
    );
    let bea_before = where_found(app, &["bea@privacy.example", "Béa Bouchard", "BEA"]).await;
    let pairs_before = count(app, "SELECT count(*) FROM pairs").await;
    let meetings_before = count(app, "SELECT count(*) FROM meetings").await;

    // Unticked: refused, nothing asked.
    let refused = ask(app, "", &ana.cookie).await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("understood"), "{}", refused.body);
    ask(app, "on", &ana.cookie)
        .await
        .assert_status(StatusCode::OK);
    // Once: a second request while one waits is a conflict.
    ask(app, "on", &ana.cookie)
        .await
        .assert_status(StatusCode::CONFLICT);
    let privacy: MyPrivacy = people.call(path::<GetMyPrivacy>(), "", &ana.cookie).await;
    assert!(matches!(privacy.deletion, DeletionState::Pending { .. }));

    // The coordination sees it waiting, with her open pair.
    let deletions: Deletions = people
        .call(path::<GetDeletions>(), "", &people.coordinator)
        .await;
    assert!(deletions.may_confirm);
    assert_eq!(deletions.pending.len(), 1);
    let request = &deletions.pending[0];
    assert_eq!(request.name, ana.name);
    assert_eq!(request.open_pairs, 1);

    // Her partner cannot confirm it; the officer must tick the box.
    confirm(app, request.id, "", "on", &people.marc.cookie)
        .await
        .assert_status(StatusCode::FORBIDDEN);
    confirm(app, request.id, "", "", &people.coordinator)
        .await
        .assert_status(StatusCode::BAD_REQUEST);
    assert_eq!(where_found(app, &ANA_MARKERS).await, before);

    confirm(
        app,
        request.id,
        "Statistiques de la subvention",
        "on",
        &people.coordinator,
    )
    .await
    .assert_status(StatusCode::OK);

    // Nothing of hers in any column of any table.
    assert_eq!(where_found(app, &ANA_MARKERS).await, Vec::new());
    // Her partner's own writings stay his; the other mentee's data is untouched.
    assert_eq!(
        count(
            app,
            "SELECT (SELECT count(*) FROM pair_messages WHERE body = 'marc-own message') \
                  + (SELECT count(*) FROM fit_checks WHERE comment = 'marc-own check') \
                  + (SELECT count(*) FROM feedback WHERE strengths = 'marc-own strengths')"
        )
        .await,
        3
    );
    assert_eq!(
        where_found(app, &["bea@privacy.example", "Béa Bouchard", "BEA"]).await,
        bea_before
    );
    // The counts stay true; her pair ended.
    assert_eq!(count(app, "SELECT count(*) FROM pairs").await, pairs_before);
    assert_eq!(
        count(app, "SELECT count(*) FROM meetings").await,
        meetings_before
    );
    assert_eq!(
        count(
            app,
            &format!(
                "SELECT count(*) FROM pairs WHERE id = {} AND status = 'ended'",
                ana.pair
            )
        )
        .await,
        1
    );
    assert_eq!(
        count(
            app,
            &format!(
                "SELECT count(*) FROM pairs WHERE id = {} AND status = 'active'",
                bea.pair
            )
        )
        .await,
        1
    );
    // Her tokens and private notes about her are gone.
    assert_eq!(
        count(
            app,
            &format!(
                "SELECT (SELECT count(*) FROM calendar_feeds WHERE account_id = {0}) \
                      + (SELECT count(*) FROM meeting_private_notes WHERE meeting_id IN \
                         (SELECT id FROM meetings WHERE pair_id = {1}))",
                ana.account, ana.pair
            )
        )
        .await,
        0
    );

    // Her session ended; she cannot sign in again.
    app.call(path::<GetMyPrivacy>(), "", Some(&ana.cookie))
        .await
        .assert_status(StatusCode::UNAUTHORIZED);
    let again = app.log_in(&ana.email, PASSWORD).await;
    assert!(!again.status.is_success(), "{}", again.status);

    // The register: the deletion, what is kept, none of her data.
    let deletions: Deletions = people
        .call(path::<GetDeletions>(), "", &people.coordinator)
        .await;
    assert!(deletions.pending.is_empty());
    assert_eq!(deletions.register.len(), 1);
    let entry = &deletions.register[0];
    assert_eq!(entry.role, Role::Mentee);
    assert_eq!(entry.kept.as_deref(), Some("Statistiques de la subvention"));
    assert!(entry.rows_changed > 10, "{}", entry.rows_changed);
    let register_json = serde_json::to_string(&deletions).expect("JSON");
    for marker in ANA_MARKERS {
        assert!(!register_json.contains(marker), "{marker}");
    }
    // The coordination no longer lists her, and cannot enable her again.
    let listed = app
        .call(path::<GetPeople>(), "", Some(&people.coordinator))
        .await;
    listed.assert_status(StatusCode::OK);
    assert!(listed.body.contains(&bea.email));
    assert!(!listed.body.contains("@erased.invalid"), "{}", listed.body);
    app.call(
        path::<SetAccountDisabled>(),
        &form(&[
            ("account_id", &ana.account.to_string()),
            ("disabled", "false"),
        ]),
        Some(&people.coordinator),
    )
    .await
    .assert_status(StatusCode::NOT_FOUND);
    // A request already done cannot be confirmed again.
    confirm(app, request.id, "", "on", &people.coordinator)
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_mentor_takes_back_his_request_and_a_coordinator_has_none_to_make() {
    let people = TwoPeople::new().await;
    let app = &people.app;
    let marc = &people.marc;
    ask(app, "on", &marc.cookie)
        .await
        .assert_status(StatusCode::OK);
    app.call(path::<CancelDeletionRequest>(), "", Some(&marc.cookie))
        .await
        .assert_status(StatusCode::OK);
    let privacy: MyPrivacy = people.call(path::<GetMyPrivacy>(), "", &marc.cookie).await;
    assert_eq!(privacy.deletion, DeletionState::MayAsk);
    // Nothing waits any more, nothing to take back.
    app.call(path::<CancelDeletionRequest>(), "", Some(&marc.cookie))
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let deletions: Deletions = people
        .call(path::<GetDeletions>(), "", &people.coordinator)
        .await;
    assert!(deletions.pending.is_empty() && deletions.register.is_empty());
    // A coordinator's account is not deleted from "my account".
    let privacy: MyPrivacy = people
        .call(path::<GetMyPrivacy>(), "", &people.coordinator)
        .await;
    assert_eq!(privacy.deletion, DeletionState::NotHere);
    ask(app, "on", &people.coordinator)
        .await
        .assert_status(StatusCode::FORBIDDEN);
}
