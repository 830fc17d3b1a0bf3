//! Following the program over HTTP, on the demo program (its stalled pairs are
//! described in `server/src/demo_follow_up.rs`): the dashboard's figures,
//! counted by hand from the demo; every kind of attention item; nudges (in the
//! recipient's language, once per interval); snoozing and handling; the pairs
//! table; a participant's page.
use std::collections::BTreeMap;

use app::reports::api::{
    DecideAttentionItem, GetProgramDashboard, SaveFollowUpSettings, SendNudge,
};
use app::reports::pair_follow_up::{GetPairFollowUp, PairFollowUp};
use app::reports::pairs_table::{ListCohortPairs, PairsTable};
use app::reports::participant::{GetParticipant, ParticipantView};
use app::reports::{AttentionRow, ProgramDashboard};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;
use serde::de::DeserializeOwned;

use crate::common::{form, TestApp, TestResponse};

const COORDINATOR: (&str, &str) = ("coordination@demo.mentorat.example", "demo-coordination");
const MENTOR: (&str, &str) = ("marc.tremblay@demo.mentorat.example", "demo-mentor-2025");

struct Demo {
    app: TestApp,
    coordinator: String,
}

impl Demo {
    async fn new() -> Demo {
        let app = TestApp::new().await;
        server::demo::load_demo_data(&app.pool)
            .await
            .expect("the demo program loads");
        let coordinator = app.sign_in(COORDINATOR.0, COORDINATOR.1).await;
        Demo { app, coordinator }
    }

    async fn get<T: DeserializeOwned>(&self, path: &str, fields: &[(&str, &str)]) -> T {
        let response = self
            .app
            .call(path, &form(fields), Some(&self.coordinator))
            .await;
        assert_eq!(response.status, StatusCode::OK, "{path}: {}", response.body);
        serde_json::from_str(&response.body)
            .unwrap_or_else(|error| panic!("{path} answers its type: {error}: {}", response.body))
    }

    async fn dashboard(&self) -> ProgramDashboard {
        self.get(GetProgramDashboard::PATH, &[("cohort", "hiver-2025")])
            .await
    }

    /// Saves the cohort's thresholds, the defaults but for these two.
    async fn save_thresholds(&self, proposal_days: &str, waiting_days: &str) -> TestResponse {
        self.app
            .call(
                SaveFollowUpSettings::PATH,
                &form(&[
                    ("cohort", "hiver-2025"),
                    ("proposal_unanswered_days", proposal_days),
                    ("no_meeting_weeks", "4"),
                    ("meeting_unlogged_days", "3"),
                    ("feedback_unacknowledged_days", "7"),
                    ("mentee_waiting_days", waiting_days),
                    ("nudge_interval_days", "7"),
                ]),
                Some(&self.coordinator),
            )
            .await
    }

    /// The key of the only shown item of `kind`.
    async fn key_of(&self, kind: &str) -> String {
        let dashboard = self.dashboard().await;
        let keys: Vec<String> = dashboard
            .attention
            .iter()
            .filter(|row| row.item.detail.kind() == kind)
            .map(|row| row.item.key.clone())
            .collect();
        assert_eq!(keys.len(), 1, "one {kind} item: {keys:?}");
        keys[0].clone()
    }
}

/// The most urgent shown item of `kind`.
fn first_of<'a>(dashboard: &'a ProgramDashboard, kind: &str) -> &'a AttentionRow {
    dashboard
        .attention
        .iter()
        .find(|row| row.item.detail.kind() == kind)
        .unwrap_or_else(|| panic!("a {kind} item"))
}

#[tokio::test]
async fn the_demo_cohort_s_dashboard_shows_the_hand_counted_figures() {
    let demo = Demo::new().await;
    let figures = demo.dashboard().await.figures;
    // 40 mentees: 1 in a proposal, 6 in active pairs (3 workspaces + 3 stalled), the rest waiting.
    assert_eq!(figures.pairs_proposed, 1);
    assert_eq!(figures.pairs_active, 6);
    assert_eq!(figures.pairs_ended, 1);
    assert_eq!(figures.mentees_waiting, 33);
    assert_eq!(figures.mentors, 15);
    assert_eq!(figures.places_used, 7);
    // Free places: every mentor's capacity less their open pairs, paused mentors left out.
    let free: i64 = sqlx::query_scalar(
        "SELECT SUM(MAX(p.capacity - (SELECT COUNT(*) FROM pairs x WHERE x.mentor_profile_id = p.id \
                AND x.status IN ('proposed', 'active')), 0)) \
         FROM profiles p WHERE p.role = 'mentor' AND p.cohort_id IS NOT NULL \
           AND (p.paused_until IS NULL OR p.paused_until < date('now'))",
    )
    .fetch_one(&demo.app.pool)
    .await
    .expect("free places");
    assert_eq!(figures.places_free, free);
    // Held in the last 8 weeks: Amina 28 and 7 days ago, Emily 4, the stalled pair 40,
    // the doubtful pair 33, 26, 19 and 12.
    assert_eq!(figures.meetings_per_week.len(), 8);
    assert_eq!(
        figures
            .meetings_per_week
            .iter()
            .map(|(_, count)| count)
            .sum::<i64>(),
        8
    );
    // Agreed: Amina 2, Emily 2, the stalled pair 1 (overdue), the doubtful pair 1
    // (achieved, like Emily's portfolio).
    assert_eq!(
        (
            figures.goals_agreed,
            figures.goals_achieved,
            figures.goals_overdue
        ),
        (6, 2, 1)
    );
    // Amina acknowledged hers; Emily's and the doubtful pair's wait.
    assert_eq!(
        (figures.feedback_given, figures.feedback_acknowledged),
        (3, 1)
    );
    assert_eq!(
        (
            figures.fit_good,
            figures.fit_not_sure,
            figures.fit_not_a_fit
        ),
        (1, 1, 1)
    );
    let statuses: Vec<&str> = figures
        .applications
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(status, _)| status.as_str())
        .collect();
    for status in [
        "submitted",
        "info_requested",
        "accepted",
        "declined",
        "withdrawn",
    ] {
        assert!(statuses.contains(&status), "{status} in {statuses:?}");
    }
}

#[tokio::test]
async fn the_demo_lights_every_kind_of_attention_item_most_urgent_first() {
    let demo = Demo::new().await;
    let dashboard = demo.dashboard().await;
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &dashboard.attention {
        *kinds.entry(row.item.detail.kind()).or_default() += 1;
    }
    let expected: BTreeMap<&str, usize> = [
        ("proposal", 1),
        ("no_meeting", 2),
        ("unlogged", 1),
        ("milestone", 2),
        ("feedback", 1),
        ("fit", 2),
        ("waiting", 3),
        ("mentor", 2),
    ]
    .into_iter()
    .collect();
    assert_eq!(kinds, expected);
    assert!(dashboard.set_aside.is_empty());
    let urgencies: Vec<u32> = dashboard
        .attention
        .iter()
        .map(|row| row.item.urgency)
        .collect();
    assert!(
        urgencies.windows(2).all(|pair| pair[0] >= pair[1]),
        "{urgencies:?}"
    );
    assert_eq!(dashboard.attention[0].item.detail.kind(), "fit");

    // The page says why in words, and links to where to act.
    let page = demo
        .app
        .get_with_cookie("/coordinator?cohort=hiver-2025", &demo.coordinator)
        .await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Bonjour, Claire Gagnon"));
    assert!(page
        .body
        .contains("aucune rencontre tenue depuis le début du jumelage"));
    assert!(page.body.contains("estime que le jumelage"));
    assert!(page.body.contains("<svg"), "charts are drawn on the server");
    assert!(
        !page.body.contains(" style=\""),
        "no inline style (the CSP forbids it)"
    );
}

#[tokio::test]
async fn a_nudge_reaches_the_person_in_their_language_once_per_interval() {
    let demo = Demo::new().await;
    // The pair that never met: its mentor is nudged. Make them English-speaking.
    let dashboard = demo.dashboard().await;
    let row = dashboard
        .attention
        .iter()
        .find(|row| {
            matches!(
                row.item.detail,
                app::reports::attention::AttentionDetail::NoMeetingHeld {
                    ever_met: false,
                    ..
                }
            )
        })
        .expect("the pair that never met");
    let pair = row.item.pair.clone().expect("a pair item");
    sqlx::query("UPDATE accounts SET locale = 'en' WHERE id = ?")
        .bind(pair.mentor.account_id)
        .execute(&demo.app.pool)
        .await
        .expect("English");
    let nudge = |line: &'static str| {
        let key = row.item.key.clone();
        let demo = &demo;
        async move {
            demo.app
                .call(
                    SendNudge::PATH,
                    &form(&[
                        ("cohort", "hiver-2025"),
                        ("key", &key),
                        ("personal_line", line),
                    ]),
                    Some(&demo.coordinator),
                )
                .await
        }
    };
    let sent = nudge("Shall we find you a slot?").await;
    sent.assert_status(StatusCode::OK);
    let emails: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT o.recipient, o.locale, o.subject, o.body FROM outbox o WHERE o.kind = 'nudge'",
    )
    .fetch_all(&demo.app.pool)
    .await
    .expect("the outbox");
    assert_eq!(emails.len(), 1, "one person concerned: the mentor");
    let (recipient, locale, subject, body) = &emails[0];
    let mentor_email: String = sqlx::query_scalar("SELECT email FROM accounts WHERE id = ?")
        .bind(pair.mentor.account_id)
        .fetch_one(&demo.app.pool)
        .await
        .expect("the mentor's email");
    assert_eq!(recipient, &mentor_email);
    assert_eq!(locale, "en");
    assert_eq!(subject, "A gentle reminder from the mentoring team");
    assert!(body.contains(&pair.mentee.name), "{body}");
    assert!(body.contains("Shall we find you a slot?"), "{body}");
    // On the pair's history and on the item.
    let follow_up: PairFollowUp = demo
        .get(
            GetPairFollowUp::PATH,
            &[("pair_id", &pair.pair_id.to_string())],
        )
        .await;
    assert_eq!(follow_up.nudges.len(), 1);
    assert_eq!(follow_up.nudges[0].1, pair.mentor.name);
    let again = demo.dashboard().await;
    let same = again
        .attention
        .iter()
        .find(|other| other.item.key == row.item.key)
        .expect("still needs attention");
    assert!(same.last_nudge.is_some());
    assert!(same.nudge_again_on.is_some());
    // A second nudge within the interval is refused, and nothing is sent.
    let refused = nudge("").await;
    refused.assert_status(StatusCode::TOO_MANY_REQUESTS);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'nudge'")
        .fetch_one(&demo.app.pool)
        .await
        .expect("count");
    assert_eq!(count, 1);
    // The audit log keeps it.
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE event = 'nudge_sent'")
            .fetch_one(&demo.app.pool)
            .await
            .expect("count");
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn items_without_a_nudge_or_unknown_are_refused_and_mentors_cannot_nudge() {
    let demo = Demo::new().await;
    let dashboard = demo.dashboard().await;
    let fit = first_of(&dashboard, "fit");
    for key in [fit.item.key.as_str(), "proposal:pair:999999"] {
        let refused = demo
            .app
            .call(
                SendNudge::PATH,
                &form(&[
                    ("cohort", "hiver-2025"),
                    ("key", key),
                    ("personal_line", ""),
                ]),
                Some(&demo.coordinator),
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::CONFLICT,
            "{key}: {}",
            refused.body
        );
    }
    let mentor = demo.app.sign_in(MENTOR.0, MENTOR.1).await;
    let refused = demo
        .app
        .call(
            SendNudge::PATH,
            &form(&[
                ("cohort", "hiver-2025"),
                ("key", &dashboard.attention[1].item.key),
                ("personal_line", ""),
            ]),
            Some(&mentor),
        )
        .await;
    refused.assert_status(StatusCode::FORBIDDEN);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'nudge'")
        .fetch_one(&demo.app.pool)
        .await
        .expect("count");
    assert_eq!(count, 0);
}

#[tokio::test]
async fn a_handled_item_leaves_the_list_and_comes_back_when_it_worsens() {
    let demo = Demo::new().await;
    let key = demo.key_of("proposal").await;
    let decide = |decision: &'static str, days: &'static str| {
        let key = key.clone();
        let demo = &demo;
        async move {
            demo.app
                .call(
                    DecideAttentionItem::PATH,
                    &form(&[
                        ("cohort", "hiver-2025"),
                        ("key", &key),
                        ("decision", decision),
                        ("days", days),
                        ("note", "Appel prévu jeudi"),
                    ]),
                    Some(&demo.coordinator),
                )
                .await
        }
    };
    assert_eq!(decide("handled", "").await.status, StatusCode::OK);
    let dashboard = demo.dashboard().await;
    assert!(dashboard.attention.iter().all(|row| row.item.key != key));
    let aside = dashboard
        .set_aside
        .iter()
        .find(|row| row.item.key == key)
        .expect("set aside");
    let decision = aside.decision.clone().expect("its decision");
    assert!(decision.handled);
    assert_eq!(decision.note.as_deref(), Some("Appel prévu jeudi"));

    // Nine days unanswered: level 1 at 5 days a period, level 4 at 2 days a period.
    let worse = demo.save_thresholds("2", "14").await;
    worse.assert_status(StatusCode::OK);
    let dashboard = demo.dashboard().await;
    let back = dashboard
        .attention
        .iter()
        .find(|row| row.item.key == key)
        .expect("back in the list");
    assert!(back.decision.is_some(), "it says it came back");

    // A snooze hides it again; a threshold out of range is refused with its field.
    assert_eq!(decide("snoozed", "14").await.status, StatusCode::OK);
    assert!(demo
        .dashboard()
        .await
        .attention
        .iter()
        .all(|row| row.item.key != key));
    assert_eq!(
        decide("snoozed", "400").await.status,
        StatusCode::BAD_REQUEST
    );
    let refused = demo.save_thresholds("0", "many").await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert!(
        refused.body.contains("proposal_unanswered_days"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("mentee_waiting_days"),
        "{}",
        refused.body
    );
}

#[tokio::test]
async fn the_pairs_table_searches_filters_and_pages() {
    let demo = Demo::new().await;
    let all: PairsTable = demo
        .get(
            ListCohortPairs::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("q", ""),
                ("status", ""),
                ("page", "1"),
            ],
        )
        .await;
    assert_eq!(all.total, 8);
    assert_eq!(all.rows[0].status, app::pairs::PairStatus::Proposed);
    assert_eq!(all.rows[0].waiting_on.len(), 2);
    let ended: PairsTable = demo
        .get(
            ListCohortPairs::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("q", ""),
                ("status", "ended"),
                ("page", "1"),
            ],
        )
        .await;
    assert_eq!(ended.total, 1);
    let amina: PairsTable = demo
        .get(
            ListCohortPairs::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("q", "amina"),
                ("status", ""),
                ("page", "1"),
            ],
        )
        .await;
    assert_eq!(amina.total, 1);
    assert_eq!(amina.rows[0].meetings_held, 2);
    assert_eq!(
        amina.rows[0].fit_mentee,
        Some(app::feedback::FitAnswer::GoodFit)
    );
    assert!(amina.rows[0].progress.is_some());
    let bad = demo
        .app
        .call(
            ListCohortPairs::PATH,
            &form(&[("cohort", "hiver-2025"), ("status", "lost")]),
            Some(&demo.coordinator),
        )
        .await;
    bad.assert_status(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_participant_s_page_shows_the_profile_and_pairs_without_feedback_text_and_is_audited() {
    let demo = Demo::new().await;
    let marc: i64 = sqlx::query_scalar(
        "SELECT p.id FROM profiles p JOIN accounts a ON a.id = p.account_id WHERE a.email = ?",
    )
    .bind(MENTOR.0)
    .fetch_one(&demo.app.pool)
    .await
    .expect("Marc's profile");
    let response = demo
        .app
        .call(
            GetParticipant::PATH,
            &form(&[("profile_id", &marc.to_string())]),
            Some(&demo.coordinator),
        )
        .await;
    response.assert_status(StatusCode::OK);
    let page: ParticipantView = serde_json::from_str(&response.body).expect("a participant");
    assert_eq!(page.profile.display_name, "Marc Tremblay");
    assert_eq!(page.pairs.len(), 2);
    assert!(page.profile.mentor.is_some());
    // Amina's overdue milestone waits in one of his pairs.
    assert!(page
        .waiting
        .iter()
        .any(|row| row.item.detail.kind() == "milestone"));
    // Feedback words and private notes never come here.
    for secret in [
        "mets en avant",
        "Mettre en avant tes projets",
        "Très motivée",
    ] {
        assert!(!response.body.contains(secret), "{secret}");
    }
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE event = 'participant_viewed'")
            .fetch_one(&demo.app.pool)
            .await
            .expect("count");
    assert_eq!(audited, 1);
    let mentor = demo.app.sign_in(MENTOR.0, MENTOR.1).await;
    let refused = demo
        .app
        .call(
            GetParticipant::PATH,
            &form(&[("profile_id", &marc.to_string())]),
            Some(&mentor),
        )
        .await;
    refused.assert_status(StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_dashboard_s_figures_export_as_csv_in_the_reader_s_language() {
    let demo = Demo::new().await;
    let read = |body: &str| -> Vec<Vec<String>> {
        let text = body
            .strip_prefix('\u{feff}')
            .expect("a byte-order mark first");
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|record| {
                record
                    .expect("a CSV row")
                    .iter()
                    .map(str::to_owned)
                    .collect()
            })
            .collect()
    };
    let french = demo
        .app
        .get_with_cookie(
            "/coordinator/exports/hiver-2025/figures.csv",
            &demo.coordinator,
        )
        .await;
    french.assert_status(StatusCode::OK);
    assert!(
        french.body.starts_with("\u{feff}Indicateur,Valeur"),
        "{}",
        french.body
    );
    let rows = read(&french.body);
    let value = |rows: &[Vec<String>], label: &str| -> String {
        rows.iter()
            .find(|row| row[0] == label)
            .map(|row| row[1].clone())
            .unwrap_or_else(|| panic!("a row {label}: {rows:?}"))
    };
    assert_eq!(value(&rows, "Jumelages actifs"), "6");
    assert_eq!(value(&rows, "Mentoré·e·s en attente"), "33");
    let english = demo
        .app
        .get_with_cookie(
            "/coordinator/exports/hiver-2025/figures.csv",
            &format!("{}; i18n_pref_locale=en", demo.coordinator),
        )
        .await;
    let rows = read(&english.body);
    assert_eq!(value(&rows, "Pairs active"), "6");
    assert_eq!(value(&rows, "It does not suit me"), "1");
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE event = 'data_exported' AND detail = 'hiver-2025/figures'",
    )
    .fetch_one(&demo.app.pool)
    .await
    .expect("count");
    assert_eq!(audited, 2);
}

#[tokio::test]
async fn ending_a_pair_that_is_not_a_fit_puts_the_mentee_back_among_those_waiting() {
    let demo = Demo::new().await;
    let fit = first_of(&demo.dashboard().await, "fit").clone();
    let pair = fit.item.pair.clone().expect("about a pair");
    let follow_up: PairFollowUp = demo
        .get(
            GetPairFollowUp::PATH,
            &[("pair_id", &pair.pair_id.to_string())],
        )
        .await;
    assert!(follow_up.not_a_fit);
    let ended = demo
        .app
        .call(
            app::pairs::api::EndPair::PATH,
            &form(&[
                ("id", &pair.pair_id.to_string()),
                ("reason", "Attentes trop différentes, d’un commun accord."),
            ]),
            Some(&demo.coordinator),
        )
        .await;
    ended.assert_status(StatusCode::OK);
    // The coordination reads its own reason on the pair's page.
    let closed: PairFollowUp = demo
        .get(
            GetPairFollowUp::PATH,
            &[("pair_id", &pair.pair_id.to_string())],
        )
        .await;
    assert_eq!(
        closed.reason.as_deref(),
        Some("Attentes trop différentes, d’un commun accord.")
    );
    let after = demo.dashboard().await;
    assert_eq!(after.figures.pairs_active, 5);
    assert_eq!(after.figures.pairs_ended, 2);
    assert_eq!(after.figures.mentees_waiting, 34);
    assert!(
        after.attention.iter().all(|row| row
            .item
            .pair
            .as_ref()
            .is_none_or(|other| other.pair_id != pair.pair_id)),
        "an ended pair needs no more attention"
    );
    let board = demo
        .app
        .get_with_cookie(
            &format!(
                "/coordinator/matching?cohort=hiver-2025&q={}",
                pair.mentee.name.replace(' ', "+")
            ),
            &demo.coordinator,
        )
        .await;
    assert!(board.body.contains(&pair.mentee.name), "back on the board");
}
