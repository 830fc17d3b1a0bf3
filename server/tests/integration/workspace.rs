//! The pair's workspace over HTTP: goals set jointly (and never silently
//! overwritten), milestones and progress, meetings with objectives agreed
//! before they happen and logged after, the mentor's private notes, feedback
//! and its acknowledgement, the fit check, the notifications, and who may do
//! what (the pair's two people only; private notes the mentor alone; the
//! coordinator an overview without notes).
// Parts of the workspace with their own file, on the same `Pair`.
mod calendar;
mod email_links;
mod ending;
mod exports;
mod follow_up;
mod joint_changes;
mod messages;
mod needs;
mod next_steps;
mod notifications;

use crate::common::{form, TestApp, TestResponse};
use app::accounts::Role;
use app::feedback::api::*;
use app::feedback::{FitAnswer, FitResponse, MyFitCheck};
use app::goals::api::*;
use app::meetings::api::*;
use app::workspace::{GetMyWorkspaces, GetPairOverview, GetWorkspace, PairOverview, Workspace};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;
use serde_json::Value;

const PASSWORD: &str = "workspace-password-1";

struct Pair {
    app: TestApp,
    id: i64,
    mentor: String,
    mentee: String,
    stranger: String,
    coordinator: String,
}

impl Pair {
    /// An active pair: a mentor (French) and a mentee (English), plus another
    /// mentee and the coordinator.
    async fn new() -> Pair {
        let _ = tracing_subscriber::fmt().with_test_writer().try_init();
        let app = TestApp::new().await;
        app.create_cohort("hiver-2025").await;
        let mut profiles = Vec::new();
        for (role, name, locale) in [
            (Role::Mentor, "marc", "fr"),
            (Role::Mentee, "emily", "en"),
            (Role::Mentee, "lucas", "fr"),
        ] {
            let account = app
                .create_account(role, &format!("{name}@pair.example"), PASSWORD)
                .await;
            sqlx::query("UPDATE accounts SET locale = ? WHERE id = ?")
                .bind(locale)
                .bind(account)
                .execute(&app.pool)
                .await
                .expect("the locale is stored");
            let profile = app.profile_id_of(account).await;
            app.fill_profile(
                profile,
                "hiver-2025",
                &[("fr", "fluent"), ("en", "fluent")],
                &[],
            )
            .await;
            profiles.push(profile);
        }
        app.set_capacity(profiles[0], 3).await;
        let id = app
            .insert_pair("hiver-2025", profiles[1], profiles[0])
            .await;
        app.activate_pair(id).await;
        app.create_account(Role::Coordinator, "claire@pair.example", PASSWORD)
            .await;
        Pair {
            id,
            mentor: app.sign_in("marc@pair.example", PASSWORD).await,
            mentee: app.sign_in("emily@pair.example", PASSWORD).await,
            stranger: app.sign_in("lucas@pair.example", PASSWORD).await,
            coordinator: app.sign_in("claire@pair.example", PASSWORD).await,
            app,
        }
    }

    async fn call(&self, cookie: &str, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        self.app.call(path, &form(fields), Some(cookie)).await
    }

    async fn workspace(&self, cookie: &str) -> Value {
        let response = self
            .call(
                cookie,
                GetWorkspace::PATH,
                &[("pair_id", &self.id.to_string())],
            )
            .await;
        response.assert_status(StatusCode::OK);
        serde_json::from_str(&response.body).expect("the workspace is JSON")
    }

    async fn outbox(&self, kind: &str) -> Vec<(String, String, String)> {
        sqlx::query_as("SELECT recipient, locale, subject FROM outbox WHERE kind = ? ORDER BY id")
            .bind(kind)
            .fetch_all(&self.app.pool)
            .await
            .expect("the outbox is readable")
    }

    /// A meeting the mentor plans on `date` at 14:00 (Montréal) and the
    /// mentee agrees to; its id.
    async fn agreed_meeting(&self, date: &str, objectives: &[(&str, &str)]) -> i64 {
        let mut fields = vec![
            ("pair_id", self.id.to_string()),
            ("date", date.to_owned()),
            ("time", "14:00".to_owned()),
            ("duration_minutes", "90".to_owned()),
            ("modality", "in_person".to_owned()),
            ("location", "Café Olimpico, 124 rue St-Viateur".to_owned()),
        ];
        fields.extend(
            objectives
                .iter()
                .map(|(name, value)| (*name, (*value).to_owned())),
        );
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        let planned = self.call(&self.mentor, PlanMeeting::PATH, &fields).await;
        planned.assert_status(StatusCode::OK);
        let id: i64 = planned.body.trim().parse().expect("the meeting's id");
        let agreed = self
            .call(
                &self.mentee,
                AgreeMeeting::PATH,
                &[("id", &id.to_string()), ("version", "1")],
            )
            .await;
        agreed.assert_status(StatusCode::OK);
        id
    }

    /// A goal the mentee proposes and the mentor agrees to; its id.
    async fn agreed_goal(&self, title: &str) -> i64 {
        let id = self.propose_goal(&self.mentee, title).await;
        let agreed = self
            .call(
                &self.mentor,
                AgreeGoal::PATH,
                &[("id", &id.to_string()), ("version", "1")],
            )
            .await;
        agreed.assert_status(StatusCode::OK);
        id
    }

    async fn propose_goal(&self, cookie: &str, title: &str) -> i64 {
        let response = self
            .call(
                cookie,
                ProposeGoal::PATH,
                &[
                    ("pair_id", &self.id.to_string()),
                    ("title", title),
                    ("description", ""),
                    ("success_criterion", "Three applications sent"),
                    ("target_date", "2027-03-01"),
                    ("milestones", "Update the CV\n\nWrite a cover letter\n"),
                ],
            )
            .await;
        response.assert_status(StatusCode::OK);
        response.body.trim().parse().expect("the goal's id")
    }
}

fn goal(workspace: &Value, id: i64) -> &Value {
    workspace["goals"]
        .as_array()
        .and_then(|goals| goals.iter().find(|goal| goal["id"] == id))
        .expect("the goal is in the workspace")
}

fn error_of(response: &TestResponse) -> String {
    response.body.clone()
}

#[tokio::test]
async fn a_goal_counts_once_the_other_side_agrees_and_is_never_silently_overwritten() {
    let pair = Pair::new().await;
    let id = pair.propose_goal(&pair.mentee, "Find an internship").await;
    // The mentor is asked, in French.
    let asked = pair.outbox("agreement_requested").await;
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].0, "marc@pair.example");
    assert_eq!(asked[0].1, "fr");
    assert!(asked[0].2.contains("objectif"), "{:?}", asked[0]);

    let seen = pair.workspace(&pair.mentor).await;
    assert_eq!(goal(&seen, id)["agreement"]["Proposed"]["side"], "Mentee");
    assert_eq!(goal(&seen, id)["progress_source"], "NotCounted");
    assert_eq!(
        goal(&seen, id)["milestones"].as_array().map(Vec::len),
        Some(2)
    );

    // Nobody agrees to their own proposal.
    let own = pair
        .call(
            &pair.mentee,
            AgreeGoal::PATH,
            &[("id", &id.to_string()), ("version", "1")],
        )
        .await;
    own.assert_status(StatusCode::CONFLICT);
    assert!(error_of(&own).contains("OwnProposal"), "{}", own.body);

    // The mentor asks for a change; the mentee revises; two edits on the same
    // version: the second is refused, not applied.
    let ask = pair
        .call(
            &pair.mentor,
            RequestGoalChange::PATH,
            &[
                ("id", &id.to_string()),
                ("version", "1"),
                ("comment", "Say which field"),
            ],
        )
        .await;
    ask.assert_status(StatusCode::OK);
    let revise = |title: &'static str| {
        let pair = &pair;
        async move {
            pair.call(
                &pair.mentee,
                ReviseGoal::PATH,
                &[
                    ("id", &id.to_string()),
                    ("version", "2"),
                    ("title", title),
                    ("description", ""),
                    ("success_criterion", "An offer accepted"),
                    ("target_date", ""),
                ],
            )
            .await
        }
    };
    assert_eq!(
        revise("Find a data internship").await.status,
        StatusCode::OK
    );
    let late = revise("Find any internship").await;
    late.assert_status(StatusCode::CONFLICT);
    assert!(error_of(&late).contains("StaleVersion"), "{}", late.body);
    let seen = pair.workspace(&pair.mentor).await;
    assert_eq!(goal(&seen, id)["title"], "Find a data internship");
    assert_eq!(goal(&seen, id)["version"], 3);

    // Milestones cannot be ticked before agreement; then they make progress.
    let milestone = goal(&seen, id)["milestones"][0]["id"]
        .as_i64()
        .expect("a milestone id");
    let early = pair
        .call(
            &pair.mentee,
            TickMilestone::PATH,
            &[
                ("id", &milestone.to_string()),
                ("version", "3"),
                ("state", "done"),
            ],
        )
        .await;
    assert!(error_of(&early).contains("NotAgreed"), "{}", early.body);
    let agree = pair
        .call(
            &pair.mentor,
            AgreeGoal::PATH,
            &[("id", &id.to_string()), ("version", "3")],
        )
        .await;
    agree.assert_status(StatusCode::OK);
    let tick = pair
        .call(
            &pair.mentee,
            TickMilestone::PATH,
            &[
                ("id", &milestone.to_string()),
                ("version", "4"),
                ("state", "done"),
            ],
        )
        .await;
    tick.assert_status(StatusCode::OK);
    let seen = pair.workspace(&pair.mentee).await;
    assert_eq!(goal(&seen, id)["progress"], 50);
    assert_eq!(goal(&seen, id)["progress_source"], "Milestones");
    let kinds: Vec<&str> = goal(&seen, id)["history"]
        .as_array()
        .map(|events| {
            events
                .iter()
                .filter_map(|event| event["kind"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        kinds,
        [
            "MilestoneDone",
            "Agreed",
            "Revised",
            "ChangesRequested",
            "Proposed"
        ]
    );

    // Only the mentor assesses; the assessment then sets the progress.
    let by_mentee = pair
        .call(
            &pair.mentee,
            AssessGoal::PATH,
            &[
                ("id", &id.to_string()),
                ("version", "5"),
                ("progress", "90"),
                ("comment", "Me"),
            ],
        )
        .await;
    by_mentee.assert_status(StatusCode::FORBIDDEN);
    let assessed = pair
        .call(
            &pair.mentor,
            AssessGoal::PATH,
            &[
                ("id", &id.to_string()),
                ("version", "5"),
                ("progress", "70"),
                ("comment", "Good pace"),
            ],
        )
        .await;
    assessed.assert_status(StatusCode::OK);
    let seen = pair.workspace(&pair.mentee).await;
    assert_eq!(goal(&seen, id)["progress"], 70);
    assert_eq!(goal(&seen, id)["assessment_comment"], "Good pace");
}

#[tokio::test]
async fn a_goal_form_with_problems_is_refused_whole() {
    let pair = Pair::new().await;
    let refused = pair
        .call(
            &pair.mentee,
            ProposeGoal::PATH,
            &[
                ("pair_id", &pair.id.to_string()),
                ("title", "  "),
                ("description", ""),
                ("success_criterion", ""),
                ("target_date", "2027-02-30"),
                ("milestones", ""),
            ],
        )
        .await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    for field in ["title", "success_criterion", "target_date"] {
        assert!(refused.body.contains(field), "{field}: {}", refused.body);
    }
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM goals")
        .fetch_one(&pair.app.pool)
        .await
        .expect("goals are countable");
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn a_meeting_is_agreed_before_and_logged_after_with_notes_only_the_mentor_reads() {
    let pair = Pair::new().await;
    let goal_id = pair.agreed_goal("Find an internship").await;
    let plan = |date: &'static str| {
        let pair = &pair;
        async move {
            pair.call(
                &pair.mentor,
                PlanMeeting::PATH,
                &[
                    ("pair_id", &pair.id.to_string()),
                    ("date", date),
                    ("time", "14:00"),
                    ("duration_minutes", "60"),
                    ("modality", "video"),
                    ("location", "https://meet.example/x"),
                    ("objectives[]", &format!("goal:{goal_id}")),
                    ("free_objectives", "Review the cover letter"),
                ],
            )
            .await
        }
    };
    let past = plan("2020-01-06").await;
    past.assert_status(StatusCode::BAD_REQUEST);
    assert!(past.body.contains("InThePast"), "{}", past.body);
    let planned = plan("2099-01-06").await;
    planned.assert_status(StatusCode::OK);
    let meeting: i64 = planned.body.trim().parse().expect("the meeting's id");
    // The mentee is told, in English, with the time in Montréal.
    let told = pair.outbox("meeting_planned").await;
    assert_eq!(told.len(), 1);
    assert_eq!(
        (told[0].0.as_str(), told[0].1.as_str()),
        ("emily@pair.example", "en")
    );
    let body: String = sqlx::query_scalar("SELECT body FROM outbox WHERE kind = 'meeting_planned'")
        .fetch_one(&pair.app.pool)
        .await
        .expect("the message is stored");
    assert!(
        body.contains("Tuesday, January 6, 2099 at 2:00 PM"),
        "{body}"
    );

    let seen = pair.workspace(&pair.mentee).await;
    let objectives: Vec<&str> = seen["meetings"][0]["objectives"]
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|objective| objective["text"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        objectives,
        ["Find an internship", "Review the cover letter"]
    );
    assert_eq!(seen["meetings"][0]["starts"], "2099-01-06 14:00");

    // Not held before it happens, nor before the mentee agrees.
    let log = |cookie: &str, version: &'static str, outcome: &'static str| {
        let pair = &pair;
        let cookie = cookie.to_owned();
        async move {
            pair.call(
                &cookie,
                LogMeeting::PATH,
                &[
                    ("id", &meeting.to_string()),
                    ("version", version),
                    ("outcome", outcome),
                    ("shared_notes", "We reviewed the letter."),
                    ("next_steps", "Shorten the letter\nCall the career centre"),
                ],
            )
            .await
        }
    };
    assert!(log(&pair.mentor, "1", "held")
        .await
        .body
        .contains("NotAgreed"));
    let agreed = pair
        .call(
            &pair.mentee,
            AgreeMeeting::PATH,
            &[("id", &meeting.to_string()), ("version", "1")],
        )
        .await;
    agreed.assert_status(StatusCode::OK);
    assert!(log(&pair.mentor, "2", "held").await.body.contains("NotYet"));
    sqlx::query("UPDATE meetings SET starts_at = '2026-01-05T19:00:00Z' WHERE id = ?")
        .bind(meeting)
        .execute(&pair.app.pool)
        .await
        .expect("the meeting moves to the past");
    let held = log(&pair.mentee, "2", "held").await;
    held.assert_status(StatusCode::OK);

    // Private notes: the mentor writes them and alone reads them.
    let note = "Stressed about interviews";
    let by_mentee = pair
        .call(
            &pair.mentee,
            SavePrivateNote::PATH,
            &[("id", &meeting.to_string()), ("body", note)],
        )
        .await;
    by_mentee.assert_status(StatusCode::FORBIDDEN);
    let saved = pair
        .call(
            &pair.mentor,
            SavePrivateNote::PATH,
            &[("id", &meeting.to_string()), ("body", note)],
        )
        .await;
    saved.assert_status(StatusCode::OK);
    let mentor_view = pair.workspace(&pair.mentor).await;
    assert_eq!(mentor_view["meetings"][0]["private_note"], note);
    assert_eq!(mentor_view["meetings"][0]["status"], "Held");
    assert_eq!(
        mentor_view["meetings"][0]["next_steps"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let mentee_view = pair.workspace(&pair.mentee).await;
    assert_eq!(mentee_view["meetings"][0]["private_note"], Value::Null);
    assert!(!serde_json::to_string(&mentee_view)
        .unwrap_or_default()
        .contains(note));

    // The coordinator follows the pair without any note.
    let overview = pair
        .call(
            &pair.coordinator,
            GetPairOverview::PATH,
            &[("pair_id", &pair.id.to_string())],
        )
        .await;
    overview.assert_status(StatusCode::OK);
    assert!(
        overview.body.contains("\"meetings_held\":1"),
        "{}",
        overview.body
    );
    assert!(!overview.body.contains(note) && !overview.body.contains("reviewed the letter"));
    let refused = pair
        .call(
            &pair.coordinator,
            GetWorkspace::PATH,
            &[("pair_id", &pair.id.to_string())],
        )
        .await;
    refused.assert_status(StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn feedback_goes_from_mentor_to_mentee_who_acknowledges_and_both_answer_the_fit_check() {
    let pair = Pair::new().await;
    let goal_id = pair.agreed_goal("Find an internship").await;
    let give = |cookie: &str| {
        let pair = &pair;
        let cookie = cookie.to_owned();
        async move {
            pair.call(
                &cookie,
                GiveFeedback::PATH,
                &[
                    ("pair_id", &pair.id.to_string()),
                    ("meeting_id", ""),
                    ("goal_id", &goal_id.to_string()),
                    ("goal_progress", "40"),
                    ("strengths", "Clear goals"),
                    ("to_improve", "Projects first in the CV"),
                    ("observations", "Eight courses listed, one project"),
                    ("next_step", "Rewrite the projects section"),
                ],
            )
            .await
        }
    };
    assert_eq!(give(&pair.mentee).await.status, StatusCode::FORBIDDEN);
    let given = give(&pair.mentor).await;
    given.assert_status(StatusCode::OK);
    let feedback: i64 = given.body.trim().parse().expect("the feedback's id");
    let told = pair.outbox("feedback_received").await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].0, "emily@pair.example");
    assert!(told[0].2.contains("feedback"), "{:?}", told[0]);
    // The progress update reaches the goal.
    let seen = pair.workspace(&pair.mentee).await;
    assert_eq!(goal(&seen, goal_id)["progress"], 40);
    assert_eq!(seen["feedback"][0]["acknowledged"], false);

    let by_mentor = pair
        .call(
            &pair.mentor,
            AcknowledgeFeedback::PATH,
            &[("id", &feedback.to_string())],
        )
        .await;
    by_mentor.assert_status(StatusCode::FORBIDDEN);
    let acknowledged = pair
        .call(
            &pair.mentee,
            AcknowledgeFeedback::PATH,
            &[("id", &feedback.to_string()), ("response", "Thanks, on it")],
        )
        .await;
    acknowledged.assert_status(StatusCode::OK);
    let seen = pair.workspace(&pair.mentor).await;
    assert_eq!(seen["feedback"][0]["acknowledged"], true);
    assert_eq!(seen["feedback"][0]["response"], "Thanks, on it");

    // The fit check waits for a first meeting held.
    let answer = |cookie: &str| {
        let pair = &pair;
        let cookie = cookie.to_owned();
        async move {
            pair.call(
                &cookie,
                AnswerFitCheck::PATH,
                &[("pair_id", &pair.id.to_string()), ("answer", "good_fit")],
            )
            .await
        }
    };
    assert!(answer(&pair.mentee).await.body.contains("NotYet"));
    sqlx::query(
        "INSERT INTO meetings (pair_id, starts_at, duration_minutes, modality, agreement, \
         agreement_side, status, created_at, updated_at) VALUES (?, '2026-01-05T19:00:00Z', 60, \
         'video', 'agreed', 'mentor', 'held', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    .bind(pair.id)
    .execute(&pair.app.pool)
    .await
    .expect("a meeting was held");
    assert_eq!(answer(&pair.mentee).await.status, StatusCode::OK);
    let overview = pair
        .call(
            &pair.coordinator,
            GetPairOverview::PATH,
            &[("pair_id", &pair.id.to_string())],
        )
        .await;
    let overview: PairOverview = serde_json::from_str(&overview.body).expect("the overview");
    assert_eq!(
        overview.fit_check.mentee,
        Some(FitResponse {
            answer: FitAnswer::GoodFit,
            comment: None
        })
    );
    assert_eq!(overview.fit_check.mentor, None);
}

#[tokio::test]
async fn each_person_reads_only_their_own_fit_check_and_the_coordinator_reads_both() {
    let pair = Pair::new().await;
    sqlx::query(
        "INSERT INTO meetings (pair_id, starts_at, duration_minutes, modality, agreement, \
         agreement_side, status, created_at, updated_at) VALUES (?, '2026-01-05T19:00:00Z', 60, \
         'video', 'agreed', 'mentor', 'held', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    .bind(pair.id)
    .execute(&pair.app.pool)
    .await
    .expect("a meeting was held");
    let mentee_comment = "He cancels our calls at the last minute";
    let mentor_comment = "Elle semble peu disponible cet hiver";
    for (cookie, answer, comment) in [
        (&pair.mentee, "not_a_fit", mentee_comment),
        (&pair.mentor, "good_fit", mentor_comment),
    ] {
        let answered = pair
            .call(
                cookie,
                AnswerFitCheck::PATH,
                &[
                    ("pair_id", &pair.id.to_string()),
                    ("answer", answer),
                    ("comment", comment),
                ],
            )
            .await;
        answered.assert_status(StatusCode::OK);
    }

    // Neither person's workspace holds the other's answer or comment.
    for (reader, partner_answer, partner_comment) in [
        (&pair.mentee, "GoodFit", mentor_comment),
        (&pair.mentor, "NotAFit", mentee_comment),
    ] {
        let one = pair
            .call(
                reader,
                GetWorkspace::PATH,
                &[("pair_id", &pair.id.to_string())],
            )
            .await;
        let all = pair.call(reader, GetMyWorkspaces::PATH, &[]).await;
        for body in [&one.body, &all.body] {
            assert!(body.contains("\"fit_check\""), "{body}");
            assert!(
                !body.contains(partner_answer) && !body.contains(partner_comment),
                "the partner's fit check reached the reader: {body}"
            );
        }
    }
    // Each person's workspace holds their own answer and comment.
    for (reader, answer, comment) in [
        (&pair.mentee, FitAnswer::NotAFit, mentee_comment),
        (&pair.mentor, FitAnswer::GoodFit, mentor_comment),
    ] {
        let seen: Workspace =
            serde_json::from_value(pair.workspace(reader).await).expect("the workspace");
        assert_eq!(
            seen.fit_check,
            MyFitCheck {
                due: true,
                mine: Some(FitResponse {
                    answer,
                    comment: Some(comment.to_owned())
                })
            }
        );
    }
    // Each one's page, whose hydration data holds the workspace, has their
    // own comment and nothing of the partner's fit check.
    for (reader, page, own_comment, partner_answer, partner_comment) in [
        (
            &pair.mentee,
            "/mentee",
            mentee_comment,
            "GoodFit",
            mentor_comment,
        ),
        (
            &pair.mentor,
            "/mentor",
            mentor_comment,
            "NotAFit",
            mentee_comment,
        ),
    ] {
        let html = pair.app.get_with_cookie(page, reader).await;
        html.assert_status(StatusCode::OK);
        assert!(html.body.contains(own_comment), "{}", html.body);
        assert!(
            !html.body.contains(partner_answer) && !html.body.contains(partner_comment),
            "{page} holds the partner's fit check"
        );
    }
    let mentor_page = pair
        .app
        .get_with_cookie(&format!("/pairs/{}", pair.id), &pair.mentor)
        .await;
    assert!(mentor_page.body.contains(mentor_comment));
    assert!(!mentor_page.body.contains(mentee_comment));

    // The coordinator reads both answers and both comments.
    let overview = pair
        .call(
            &pair.coordinator,
            GetPairOverview::PATH,
            &[("pair_id", &pair.id.to_string())],
        )
        .await;
    overview.assert_status(StatusCode::OK);
    let overview: PairOverview = serde_json::from_str(&overview.body).expect("the overview");
    let response = |answer, comment: &str| {
        Some(FitResponse {
            answer,
            comment: Some(comment.to_owned()),
        })
    };
    assert_eq!(
        overview.fit_check.mentee,
        response(FitAnswer::NotAFit, mentee_comment)
    );
    assert_eq!(
        overview.fit_check.mentor,
        response(FitAnswer::GoodFit, mentor_comment)
    );
    let page = pair
        .app
        .get_with_cookie(
            &format!("/coordinator/pairs/{}", pair.id),
            &pair.coordinator,
        )
        .await;
    assert!(
        page.body.contains(mentee_comment) && page.body.contains(mentor_comment),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn strangers_are_refused_and_an_ended_pair_is_read_only() {
    let pair = Pair::new().await;
    let goal_id = pair.propose_goal(&pair.mentee, "Find an internship").await;
    for path in [GetWorkspace::PATH] {
        let refused = pair
            .call(&pair.stranger, path, &[("pair_id", &pair.id.to_string())])
            .await;
        refused.assert_status(StatusCode::FORBIDDEN);
    }
    let by_stranger = pair
        .call(
            &pair.stranger,
            AgreeGoal::PATH,
            &[("id", &goal_id.to_string()), ("version", "1")],
        )
        .await;
    by_stranger.assert_status(StatusCode::FORBIDDEN);
    let anonymous = pair
        .app
        .call(
            GetWorkspace::PATH,
            &form(&[("pair_id", &pair.id.to_string())]),
            None,
        )
        .await;
    anonymous.assert_status(StatusCode::UNAUTHORIZED);

    sqlx::query("UPDATE pairs SET status = 'ended' WHERE id = ?")
        .bind(pair.id)
        .execute(&pair.app.pool)
        .await
        .expect("the pair ends");
    let after_end = pair
        .call(
            &pair.mentor,
            AgreeGoal::PATH,
            &[("id", &goal_id.to_string()), ("version", "1")],
        )
        .await;
    after_end.assert_status(StatusCode::CONFLICT);
    // Its history can still be read by its two people.
    let seen = pair.workspace(&pair.mentee).await;
    assert_eq!(goal(&seen, goal_id)["title"], "Find an internship");
}

#[tokio::test]
async fn the_day_before_a_meeting_both_people_are_reminded_once_in_their_language() {
    let pair = Pair::new().await;
    let now = chrono::Utc::now();
    // Only the first is due: the others are too far, cancelled, or not agreed.
    for (starts, status, agreement) in [
        (now + chrono::Duration::hours(20), "planned", "agreed"),
        (now + chrono::Duration::hours(50), "planned", "agreed"),
        (now + chrono::Duration::hours(10), "cancelled", "agreed"),
        (now + chrono::Duration::hours(12), "planned", "proposed"),
    ] {
        sqlx::query(
            "INSERT INTO meetings (pair_id, starts_at, duration_minutes, modality, agreement, \
             agreement_side, status, created_at, updated_at) VALUES (?, ?, 60, 'video', ?, \
             'mentor', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        )
        .bind(pair.id)
        .bind(app::program_time::utc_text(starts))
        .bind(agreement)
        .bind(status)
        .execute(&pair.app.pool)
        .await
        .expect("the meeting is stored");
    }
    let send = || {
        app::meetings::reminders::send_due_reminders(
            &pair.app.pool,
            "https://mentorat.example",
            now,
        )
    };
    assert_eq!(send().await.expect("reminders are queued"), 1);
    assert_eq!(send().await.expect("a second run finds nothing"), 0);
    let reminded = pair.outbox("meeting_reminder").await;
    let recipients: Vec<(&str, &str)> = reminded
        .iter()
        .map(|(recipient, locale, _)| (recipient.as_str(), locale.as_str()))
        .collect();
    assert_eq!(
        recipients,
        [("emily@pair.example", "en"), ("marc@pair.example", "fr")]
    );
    assert!(reminded[0].2.contains("Reminder"), "{:?}", reminded[0]);
    assert!(reminded[1].2.contains("Rappel"), "{:?}", reminded[1]);
}
