//! Following the program over HTTP, on the demo program (its stalled pairs are
//! described in `server/src/demo_follow_up.rs`): the dashboard's figures,
//! counted by hand from the demo; every kind of attention item; nudges (in the
//! recipient's language, once per interval); snoozing and handling; the pairs
//! table; a participant's page.
// The journeys, by theme, on the same `Demo`.
mod attention;
mod dashboard;
mod tables;

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
