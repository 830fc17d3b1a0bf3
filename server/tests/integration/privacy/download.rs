//! The download of one's data: every table's rows about the person, nothing
//! of anyone else, no secret; a link that works once, for its own account.
use std::collections::BTreeSet;
use std::io::Read as _;

use super::*;
use app::my_data::api::PrepareDataDownload;
use app::my_data::data_map::{Rows, DATA_MAP};
use app::reports::participant::GetParticipant;
use axum::http::StatusCode;
use serde_json::Value;

/// Prepares a download as `person` and follows its link: the ZIP's JSON and page.
async fn download(people: &TwoPeople, person: &Person) -> (Value, String) {
    let link: String = people
        .call(path::<PrepareDataDownload>(), "", &person.cookie)
        .await;
    assert!(link.starts_with("/account/data/"), "{link}");
    let response = people.app.get_with_cookie(&link, &person.cookie).await;
    response.assert_status(StatusCode::OK);
    assert_eq!(
        response.headers.get("content-type").map(|v| v.as_bytes()),
        Some(&b"application/zip"[..])
    );
    assert_eq!(
        response.headers.get("cache-control").map(|v| v.as_bytes()),
        Some(&b"no-store"[..])
    );
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(response.bytes)).expect("the file is a ZIP");
    let mut json = String::new();
    zip.by_name("mentorat-data.json")
        .expect("the JSON is in it")
        .read_to_string(&mut json)
        .expect("the JSON reads");
    let mut html = String::new();
    zip.by_name("summary.html")
        .expect("the page is in it")
        .read_to_string(&mut html)
        .expect("the page reads");
    (serde_json::from_str(&json).expect("valid JSON"), html)
}

/// The tables of the database, from its own list.
async fn tables(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx_%' ORDER BY name",
    )
    .fetch_all(&app.pool)
    .await
    .expect("the tables")
}

/// How many rows of `table` point at `person` by a column that names an
/// account, a profile, a pair (on their side when the table has sides), a
/// goal or a meeting of theirs: worked out here from the columns alone, not
/// from the app's map.
async fn rows_pointing_at(app: &TestApp, table: &str, person: &Person, side: &str) -> i64 {
    let columns: Vec<String> =
        sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .fetch_all(&app.pool)
            .await
            .expect("the columns");
    let has = |name: &str| columns.iter().any(|column| column == name);
    let mut conditions = Vec::new();
    for column in ["account_id", "subject_id", "recipient_id"] {
        if has(column) {
            conditions.push(format!("{column} = {}", person.account));
        }
    }
    for column in ["profile_id", "mentee_profile_id", "mentor_profile_id"] {
        if has(column) {
            conditions.push(format!("{column} = {}", person.profile));
        }
    }
    if has("pair_id") && table != "nudges" {
        let pair = format!("pair_id = {}", person.pair);
        conditions.push(if has("side") {
            format!("({pair} AND side = '{side}')")
        } else {
            pair
        });
    }
    if has("goal_id") {
        conditions.push(format!(
            "goal_id IN (SELECT id FROM goals WHERE pair_id = {})",
            person.pair
        ));
    }
    if has("meeting_id") && table != "meeting_private_notes" {
        conditions.push(format!(
            "meeting_id IN (SELECT id FROM meetings WHERE pair_id = {})",
            person.pair
        ));
    }
    if conditions.is_empty() {
        return 0;
    }
    sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM {table} WHERE {}",
        conditions.join(" OR ")
    ))
    .fetch_one(&app.pool)
    .await
    .expect("a count")
}

fn rows_of<'a>(json: &'a Value, table: &str) -> &'a [Value] {
    json["tables"][table]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

#[tokio::test]
async fn the_download_holds_every_table_s_rows_about_her_and_nothing_of_anyone_else() {
    let people = TwoPeople::new().await;
    let app = &people.app;
    // What else the program holds: an email each, the coordination's read
    // of each one's page, the weekly digest chosen by each.
    for person in [&people.ana, &people.bea] {
        sqlx::query(
            "INSERT INTO outbox (kind, recipient, locale, subject, body, action_url, created_at) \
             VALUES ('invitation', ?, 'fr', ?, 'Corps', 'https://example.org/secret-link', \
                     '2026-11-28T10:00:00Z')",
        )
        .bind(&person.email)
        .bind(format!("Courriel pour {}", person.name))
        .execute(&app.pool)
        .await
        .expect("an email");
        app.call(
            path::<GetParticipant>(),
            &form(&[("profile_id", &person.profile.to_string())]),
            Some(&people.coordinator),
        )
        .await
        .assert_status(StatusCode::OK);
        app.call(
            path::<app::people::api::UpdateMyAccount>(),
            &form(&[
                ("display_name", &person.name),
                ("locale", "fr"),
                ("notification_delivery", "weekly_digest"),
            ]),
            Some(&person.cookie),
        )
        .await
        .assert_status(StatusCode::OK);
    }

    // Every table of the database is in the map, read or left out for a reason.
    let mapped: BTreeSet<&str> = DATA_MAP.iter().map(|entry| entry.table).collect();
    let all = tables(app).await;
    let unmapped: Vec<&String> = all
        .iter()
        .filter(|table| !mapped.contains(table.as_str()))
        .collect();
    assert!(
        unmapped.is_empty(),
        "tables missing from the data map: {unmapped:?}"
    );
    let stale: Vec<&&str> = mapped
        .iter()
        .filter(|table| !all.iter().any(|name| name == **table))
        .collect();
    assert!(
        stale.is_empty(),
        "the map names tables that are gone: {stale:?}"
    );

    let (json, html) = download(&people, &people.ana).await;
    assert_eq!(json["format"], "mentorat-personal-data");
    assert_eq!(json["account_id"], people.ana.account);

    // Each row that points at her is there.
    for table in &all {
        let read = DATA_MAP
            .iter()
            .any(|entry| entry.table == table && matches!(entry.rows, Rows::About { .. }));
        let expected = rows_pointing_at(app, table, &people.ana, "mentee").await;
        if !read {
            continue;
        }
        let given = rows_of(&json, table).len() as i64;
        assert!(
            given >= expected,
            "{table}: {expected} rows point at her, the download gives {given}"
        );
    }
    for table in [
        "accounts",
        "profiles",
        "profile_languages",
        "cohort_members",
        "pairs",
        "goals",
        "milestones",
        "meetings",
        "meeting_next_steps",
        "feedback",
        "pair_messages",
        "fit_checks",
        "consents",
        "outbox",
        "personal_data_reads",
        "audit_log",
        "data_downloads",
    ] {
        assert!(!rows_of(&json, table).is_empty(), "{table} is empty");
    }

    let text = json.to_string();
    for hers in [
        "Objectif ANA",
        "Notes ANA",
        "Forces ANA",
        "Bonjour ANA",
        "Réponse ANA",
        "Bilan mentoré ANA",
        "ana@privacy.example",
        "Courriel pour Ana Arsenault",
        "weekly_digest",
        "participant_page",
    ] {
        assert!(text.contains(hers), "her data holds {hers}");
        assert!(html.contains(hers), "her page shows {hers}");
    }
    // Nothing of the other mentee, nor what is her mentor's alone.
    for theirs in [
        "BEA",
        "Béa",
        "bea@privacy.example",
        "paul@privacy.example",
        "Note privée ANA",
        "Bilan mentor ANA",
        "secret-link",
    ] {
        assert!(!text.contains(theirs), "her data must not hold {theirs}");
        assert!(!html.contains(theirs), "her page must not show {theirs}");
    }
    for row in rows_of(&json, "pairs") {
        assert_eq!(row["id"], people.ana.pair);
    }
    for table in ["goals", "meetings", "feedback", "pair_messages"] {
        for row in rows_of(&json, table) {
            assert_eq!(row["pair_id"], people.ana.pair, "{table}");
        }
    }
    // No secret: no hash, no working link.
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = ?")
        .bind(people.ana.account)
        .fetch_one(&app.pool)
        .await
        .expect("her hash");
    assert!(!text.contains(&hash));
    for key in ["password_hash", "token_hash", "action_url"] {
        assert!(!text.contains(&format!("\"{key}\"")), "{key}");
    }
    assert!(html.contains("lang=\"fr\""));
    assert!(html.contains("Vos renseignements au programme de mentorat"));

    // Her mentor's download holds his private note about her meeting; hers did not.
    let (marc, _) = download(&people, &people.marc).await;
    let marc_text = marc.to_string();
    assert!(marc_text.contains("Note privée ANA"));
    assert!(marc_text.contains("Bilan mentor ANA"));
    assert!(!marc_text.contains("Bilan mentoré ANA"));
    assert!(!marc_text.contains("BEA"));
    let _ = &people.paul;
}

#[tokio::test]
async fn a_download_link_works_once_within_the_hour_for_its_own_account() {
    let people = TwoPeople::new().await;
    let app = &people.app;
    let link: String = people
        .call(path::<PrepareDataDownload>(), "", &people.ana.cookie)
        .await;

    // Someone else's session, or none, gets nothing and does not use it up.
    let stranger = app.get_with_cookie(&link, &people.bea.cookie).await;
    assert_eq!(stranger.status, StatusCode::SEE_OTHER, "{}", stranger.body);
    assert!(stranger.bytes.len() < 1000);
    let signed_out = app.get(&link).await;
    assert!(signed_out.status.is_redirection());
    assert!(signed_out
        .headers
        .get("location")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|location| location.starts_with("/login")));

    // Hers, once.
    app.get_with_cookie(&link, &people.ana.cookie)
        .await
        .assert_status(StatusCode::OK);
    let again = app.get_with_cookie(&link, &people.ana.cookie).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(
        again.headers.get("location").map(|v| v.as_bytes()),
        Some(&b"/account/privacy?download=spent"[..])
    );

    // An hour later, a new link no longer works.
    let late: String = people
        .call(path::<PrepareDataDownload>(), "", &people.ana.cookie)
        .await;
    sqlx::query(
        "UPDATE data_downloads SET expires_at = '2020-01-01T00:00:00Z' WHERE used_at IS NULL",
    )
    .execute(&app.pool)
    .await
    .expect("the link ages");
    assert_eq!(
        app.get_with_cookie(&late, &people.ana.cookie).await.status,
        StatusCode::SEE_OTHER
    );
    // The links are kept hashed: the address is nowhere in the database.
    let token = link.rsplit('/').next().expect("a token");
    let stored: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM data_downloads WHERE token_hash = ?")
            .bind(token)
            .fetch_one(&app.pool)
            .await
            .expect("a count");
    assert_eq!(stored, 0);
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE event = 'personal_data_downloaded' AND actor_id = ?",
    )
    .bind(people.ana.account)
    .fetch_one(&app.pool)
    .await
    .expect("a count");
    assert_eq!(audited, 1);
}
