//! The pair's workspace over HTTP: goals set jointly (and never silently
//! overwritten), milestones and progress, meetings with objectives agreed
//! before they happen and logged after, the mentor's private notes, feedback
//! and its acknowledgement, the fit check, the notifications, and who may do
//! what (the pair's two people only; private notes the mentor alone; the
//! coordinator an overview without notes).
// The parts of the workspace, each in its own file, on the same `Pair`.
mod calendar;
mod dashboard;
mod email_links;
mod ending;
mod exports;
mod feedback;
mod follow_up;
mod goals;
mod joint_changes;
mod meetings;
mod messages;
mod needs;
mod next_steps;
mod notifications;

use crate::common::{form, TestApp, TestResponse};
use app::accounts::Role;
use app::feedback::api::*;
use app::feedback::{FitAnswer, FitResponse, MyFitCheck};
use app::goals::api::*;
use app::goals::{Goal, GoalEventKind, GoalStatus, ProgressSource};
use app::joint::agreement::Agreement;
use app::meetings::api::*;
use app::meetings::MeetingStatus;
use app::pairs::Side;
use app::workspace::{GetMyWorkspaces, GetPairOverview, GetWorkspace, PairOverview, Workspace};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

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

    /// `GetWorkspace`'s answer as it is sent, for what the body must not hold.
    async fn workspace_response(&self, cookie: &str) -> TestResponse {
        let response = self
            .call(
                cookie,
                GetWorkspace::PATH,
                &[("pair_id", &self.id.to_string())],
            )
            .await;
        response.assert_status(StatusCode::OK);
        response
    }

    async fn workspace(&self, cookie: &str) -> Workspace {
        self.workspace_response(cookie).await.json()
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

fn goal(workspace: &Workspace, id: i64) -> &Goal {
    workspace
        .goals
        .iter()
        .find(|goal| goal.id == id)
        .expect("the goal is in the workspace")
}

fn error_of(response: &TestResponse) -> String {
    response.body.clone()
}
