//! A cohort's exports over HTTP: CSV files a spreadsheet reads with their
//! accents, column names in the reader's language, names that look like
//! formulas neutralized, never a note, every download in the audit log, and
//! for coordinators only.
use axum::http::{header, StatusCode};

use super::Pair;
use crate::common::TestResponse;

const COHORT: &str = "hiver-2025";
const KINDS: [&str; 4] = ["pairs", "goals", "meetings", "applications"];
const ACCENTED_NAME: &str = "Zoé Lévesque-Bérubé";
const FORMULA_NAME: &str = "=HYPERLINK(\"http://evil.example\",\"Cliquez\")";
const SHARED_NOTES: &str = "Notes partagées confidentielles";
const NEXT_STEP: &str = "Suite à ne pas exporter";
const PRIVATE_NOTE: &str = "Note privée du mentor";

/// The pair of `Pair::new` (mentor Zoé, a mentee whose name is a formula)
/// with an agreed goal, a meeting held with an objective, its notes and next
/// step, plus two applications: one under review (no cohort yet), one
/// accepted into another cohort. The coordinator's account id.
async fn program(pair: &Pair) -> i64 {
    for (email, name) in [
        ("marc@pair.example", ACCENTED_NAME),
        ("emily@pair.example", FORMULA_NAME),
    ] {
        sqlx::query("UPDATE accounts SET display_name = ? WHERE email = ?")
            .bind(name)
            .bind(email)
            .execute(&pair.app.pool)
            .await
            .expect("the name is stored");
    }
    pair.agreed_goal("Trouver un stage à l’hôpital").await;
    let meeting = pair
        .agreed_meeting("2099-01-06", &[("free_objectives", "Revoir la lettre")])
        .await;
    for sql in [
        "UPDATE meetings SET status = 'held', starts_at = '2026-01-06T19:00:00Z', \
         shared_notes = 'Notes partagées confidentielles' WHERE id = ?",
        "INSERT INTO meeting_next_steps (meeting_id, position, text) \
         VALUES (?, 1, 'Suite à ne pas exporter')",
        "INSERT INTO meeting_private_notes (meeting_id, body, updated_at) \
         VALUES (?, 'Note privée du mentor', '2026-01-06T21:00:00Z')",
    ] {
        sqlx::query(sql)
            .bind(meeting)
            .execute(&pair.app.pool)
            .await
            .expect("the meeting's record is stored");
    }
    pair.app
        .submit_application("nadia@apply.example", true)
        .await;
    pair.app.create_cohort("automne-2025").await;
    let elsewhere = pair
        .app
        .submit_application("other@apply.example", true)
        .await;
    for sql in [
        "UPDATE mentor_applications SET status = 'accepted', display_name = 'Autre Cohorte' \
         WHERE id = ?",
        "INSERT INTO profiles (role, pending_email, application_id, cohort_id, capacity, updated_at) \
         VALUES ('mentor', 'other@apply.example', ?, \
                 (SELECT id FROM cohorts WHERE code = 'automne-2025'), 2, '2026-11-27T10:00:00Z')",
    ] {
        sqlx::query(sql)
            .bind(elsewhere.id)
            .execute(&pair.app.pool)
            .await
            .expect("the application is accepted into another cohort");
    }
    sqlx::query_scalar("SELECT id FROM accounts WHERE email = 'claire@pair.example'")
        .fetch_one(&pair.app.pool)
        .await
        .expect("the coordinator exists")
}

async fn download(pair: &Pair, path: &str, cookie: Option<&str>) -> TestResponse {
    match cookie {
        Some(cookie) => pair.app.get_with_cookie(path, cookie).await,
        None => pair.app.get(path).await,
    }
}

fn path_of(kind: &str) -> String {
    format!("/coordinator/exports/{COHORT}/{kind}.csv")
}

fn header_of(response: &TestResponse, name: header::HeaderName) -> &str {
    response
        .headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

/// The file read back as a spreadsheet would: it must start with the
/// byte-order mark; then its rows, header first.
fn rows_of(file: &TestResponse) -> Vec<Vec<String>> {
    let text = file
        .body
        .strip_prefix('\u{feff}')
        .expect("the file starts with a UTF-8 byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record
                .expect("a well-formed CSV record")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

async fn exported(pair: &Pair, kind: &str, cookie: &str) -> Vec<Vec<String>> {
    let file = download(pair, &path_of(kind), Some(cookie)).await;
    assert_eq!(file.status, StatusCode::OK, "{kind}: {}", file.body);
    rows_of(&file)
}

#[tokio::test]
async fn a_coordinator_downloads_each_export_as_a_spreadsheet_reads_it() {
    let pair = Pair::new().await;
    let coordinator_id = program(&pair).await;

    for kind in KINDS {
        let file = download(&pair, &path_of(kind), Some(&pair.coordinator)).await;
        assert_eq!(file.status, StatusCode::OK, "{kind}: {}", file.body);
        assert_eq!(
            header_of(&file, header::CONTENT_TYPE),
            "text/csv; charset=utf-8"
        );
        assert_eq!(header_of(&file, header::CACHE_CONTROL), "no-store");
        let expected_name = if kind == "applications" {
            format!("mentorat-{COHORT}-applications-with-unassigned.csv")
        } else {
            format!("mentorat-{COHORT}-{kind}.csv")
        };
        assert_eq!(
            header_of(&file, header::CONTENT_DISPOSITION),
            format!("attachment; filename=\"{expected_name}\"")
        );
        for secret in [SHARED_NOTES, NEXT_STEP, PRIVATE_NOTE] {
            assert!(!file.body.contains(secret), "{kind} holds {secret}");
        }
    }

    // Pairs: French column names, the accents intact, the formula neutralized.
    let pairs = exported(&pair, "pairs", &pair.coordinator).await;
    assert_eq!(
        pairs[0],
        [
            "Mentoré·e",
            "Mentor·e",
            "État",
            "Score (sur 100)",
            "Proposé le (heure de Montréal)",
            "Actif depuis le (heure de Montréal)",
            "Clos le (heure de Montréal)",
            "Réponse de la personne mentorée",
            "Réponse du ou de la mentor·e",
            "Motif (refus ou fin)",
            "Rencontres tenues",
            "Objectifs acceptés par les deux",
        ]
    );
    assert_eq!(pairs.len(), 2, "{pairs:?}");
    assert_eq!(pairs[1][0], format!("'{FORMULA_NAME}"));
    assert_eq!(pairs[1][1], ACCENTED_NAME);
    assert_eq!(pairs[1][2], "Actif");
    assert_eq!(pairs[1][3], "50");
    // 2026-11-27 11:00 UTC is 06:00 in Montréal.
    assert_eq!(pairs[1][5], "2026-11-27 06:00");
    assert_eq!(pairs[1][7], "Acceptée");
    assert_eq!(pairs[1][10], "1", "one meeting held");
    assert_eq!(pairs[1][11], "1", "one goal agreed");

    let goals = exported(&pair, "goals", &pair.coordinator).await;
    assert_eq!(goals[0][2], "Objectif");
    assert_eq!(goals.len(), 2, "{goals:?}");
    assert_eq!(goals[1][2], "Trouver un stage à l’hôpital");
    assert_eq!(goals[1][3], "Three applications sent");
    assert_eq!(goals[1][5], "Accepté par les deux");
    assert_eq!(goals[1][9], "2", "two milestones");

    let meetings = exported(&pair, "meetings", &pair.coordinator).await;
    assert_eq!(
        meetings[0],
        [
            "Mentoré·e",
            "Mentor·e",
            "Date et heure (heure de Montréal)",
            "Durée (minutes)",
            "Modalité",
            "Accord",
            "État",
            "Objectifs de la rencontre",
        ]
    );
    assert_eq!(meetings.len(), 2, "{meetings:?}");
    assert_eq!(
        meetings[1][2..],
        [
            "2026-01-06 14:00",
            "90",
            "En personne",
            "Accepté par les deux",
            "Tenue",
            "Revoir la lettre",
        ]
    );

    // Applications: those tied to no cohort yet and those accepted into this
    // one, never another cohort's.
    let applications = exported(&pair, "applications", &pair.coordinator).await;
    assert_eq!(applications[0][0], "Candidat·e");
    let names: Vec<&str> = applications[1..]
        .iter()
        .map(|row| row[0].as_str())
        .collect();
    assert_eq!(names, ["Nadia Benali"]);
    assert_eq!(applications[1][2], "À examiner");
    assert_eq!(applications[1][3], "Admissible");

    // Every download is in the audit log: who, which cohort and kind.
    let logged: Vec<(Option<i64>, String)> = sqlx::query_as(
        "SELECT actor_id, detail FROM audit_log WHERE event = 'data_exported' ORDER BY id",
    )
    .fetch_all(&pair.app.pool)
    .await
    .expect("the audit log is readable");
    assert_eq!(logged.len(), 8, "{logged:?}");
    assert!(logged
        .iter()
        .all(|(actor, _)| *actor == Some(coordinator_id)));
    for kind in KINDS {
        assert!(
            logged
                .iter()
                .any(|(_, detail)| *detail == format!("{COHORT}/{kind}")),
            "{kind} in {logged:?}"
        );
    }
}

#[tokio::test]
async fn column_names_follow_the_interface_language_then_the_account() {
    let pair = Pair::new().await;
    program(&pair).await;
    let english = format!("{}; i18n_pref_locale=en", pair.coordinator);
    let pairs = exported(&pair, "pairs", &english).await;
    assert_eq!(pairs[0][..3], ["Mentee", "Mentor", "Status"]);
    assert_eq!(pairs[1][2], "Active");
    assert_eq!(pairs[1][1], ACCENTED_NAME);
    let meetings = exported(&pair, "meetings", &english).await;
    assert_eq!(meetings[0][7], "Meeting objectives");
    let applications = exported(&pair, "applications", &english).await;
    assert_eq!(applications[0][..2], ["Applicant", "Email"]);

    // Without a language cookie, the account's language; the cookie wins.
    sqlx::query("UPDATE accounts SET locale = 'en' WHERE email = 'claire@pair.example'")
        .execute(&pair.app.pool)
        .await
        .expect("the locale is stored");
    let goals = exported(&pair, "goals", &pair.coordinator).await;
    assert_eq!(goals[0][2], "Goal");
    let french = format!("{}; i18n_pref_locale=fr", pair.coordinator);
    let goals = exported(&pair, "goals", &french).await;
    assert_eq!(goals[0][2], "Objectif");
}

#[tokio::test]
async fn exports_are_for_coordinators_only() {
    let pair = Pair::new().await;
    program(&pair).await;
    for kind in KINDS {
        let path = path_of(kind);
        // The mentor (French) and the mentees (English, French): refused, in
        // their language, with no data.
        for (cookie, sentence) in [
            (
                &pair.mentor,
                "Seule la coordination peut télécharger les exports.",
            ),
            (&pair.mentee, "Only the program team can download exports."),
            (
                &pair.stranger,
                "Seule la coordination peut télécharger les exports.",
            ),
        ] {
            let refused = download(&pair, &path, Some(cookie)).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{kind}");
            assert_eq!(refused.body, sentence);
            assert!(!refused.body.contains(ACCENTED_NAME));
        }
        // Signed out: sent to sign in, then to the cohort's page.
        let signed_out = download(&pair, &path, None).await;
        assert!(
            signed_out.status == StatusCode::UNAUTHORIZED || signed_out.status.is_redirection(),
            "{kind}: {}",
            signed_out.status
        );
        assert_eq!(
            header_of(&signed_out, header::LOCATION),
            "/login?next=/coordinator%3Fcohort%3Dhiver-2025"
        );
        assert!(!signed_out.body.contains(ACCENTED_NAME));
    }
    // Who may not have a file does not learn whether a cohort exists.
    let unknown_cohort = "/coordinator/exports/ete-2031/pairs.csv";
    let refused = download(&pair, unknown_cohort, Some(&pair.mentor)).await;
    refused.assert_status(StatusCode::FORBIDDEN);
    // The coordinator: unknown cohort or kind, 404.
    for unknown in [
        unknown_cohort,
        "/coordinator/exports/hiver-2025/notes.csv",
        "/coordinator/exports/hiver-2025/pairs",
    ] {
        let missing = download(&pair, unknown, Some(&pair.coordinator)).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{unknown}");
        assert_eq!(missing.body, "Cette cohorte ou cet export n’existe pas.");
    }
    let logged: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE event = 'data_exported'")
            .fetch_one(&pair.app.pool)
            .await
            .expect("the audit log is readable");
    assert_eq!(logged, 0, "a refused download is no export");
}

#[tokio::test]
async fn the_program_dashboard_links_to_the_cohort_s_exports() {
    let pair = Pair::new().await;
    let page = pair
        .app
        .get_with_cookie(&format!("/coordinator?cohort={COHORT}"), &pair.coordinator)
        .await;
    page.assert_status(StatusCode::OK);
    for kind in KINDS {
        let link = format!("href=\"{}\" rel=\"external\"", path_of(kind));
        assert!(page.body.contains(&link), "{link}");
    }
    assert!(page.body.contains("Rencontres, sans les notes (CSV)"));
}
