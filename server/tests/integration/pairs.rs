//! Matching and pairs over HTTP: proposals from the board and their emails,
//! each person's answer, activation when both accept, capacity under
//! concurrent acceptances, the coordinator's withdraw and end, the optimal
//! draft and its acceptance, the weights' validation.
// The journeys, by theme, on the same `Program`.
mod answers;
mod board;
mod carry_over;
mod closing;
mod rematching;
mod testimonials;

use crate::common::{form, TestApp};
use app::accounts::Role;
use app::board::api::*;
use app::board::{BoardView, DraftView};
use app::pairs::api::*;
use app::pairs::{MyPair, PairStatus};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

const PASSWORD: &str = "pairs-password-1";

struct Program {
    app: TestApp,
    coordinator: String,
}

/// A signed-in mentor or mentee with a profile in the cohort.
struct Person {
    email: String,
    profile: i64,
    cookie: String,
}

impl Program {
    async fn new() -> Program {
        let _ = tracing_subscriber::fmt().with_test_writer().try_init();
        let app = TestApp::new().await;
        app.create_cohort("hiver-2025").await;
        app.create_account(Role::Coordinator, "claire@program.example", PASSWORD)
            .await;
        let coordinator = app.sign_in("claire@program.example", PASSWORD).await;
        Program { app, coordinator }
    }

    async fn person(&self, role: Role, name: &str, locale: &str) -> Person {
        let email = format!("{name}@program.example");
        let account = self.app.create_account(role, &email, PASSWORD).await;
        sqlx::query("UPDATE accounts SET locale = ? WHERE id = ?")
            .bind(locale)
            .bind(account)
            .execute(&self.app.pool)
            .await
            .expect("the locale is stored");
        let profile = self.app.profile_id_of(account).await;
        self.app
            .fill_profile(profile, "hiver-2025", &[("fr", "fluent")], &["nursing"])
            .await;
        let cookie = self.app.sign_in(&email, PASSWORD).await;
        Person {
            email,
            profile,
            cookie,
        }
    }

    async fn as_coordinator(
        &self,
        path: &str,
        pairs: &[(&str, &str)],
    ) -> crate::common::TestResponse {
        self.app
            .call(path, &form(pairs), Some(&self.coordinator))
            .await
    }

    async fn propose(&self, mentee: &Person, mentor: &Person) -> crate::common::TestResponse {
        self.as_coordinator(
            ProposePair::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("mentee", &mentee.profile.to_string()),
                ("mentor", &mentor.profile.to_string()),
            ],
        )
        .await
    }

    /// Locks, forbids or clears (`none`) a pair of the cohort.
    async fn constrain(
        &self,
        mentee: &Person,
        mentor: &Person,
        kind: &str,
    ) -> crate::common::TestResponse {
        self.as_coordinator(
            SetPairConstraint::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("mentee", &mentee.profile.to_string()),
                ("mentor", &mentor.profile.to_string()),
                ("kind", kind),
            ],
        )
        .await
    }

    async fn pair_of(&self, mentee: &Person) -> (i64, String) {
        sqlx::query_as(
            "SELECT id, status FROM pairs WHERE mentee_profile_id = ? ORDER BY id DESC LIMIT 1",
        )
        .bind(mentee.profile)
        .fetch_one(&self.app.pool)
        .await
        .expect("the pair exists")
    }

    async fn answer(
        &self,
        person: &Person,
        pair: i64,
        answer: &str,
        reason: &str,
    ) -> crate::common::TestResponse {
        self.app
            .call(
                AnswerPair::PATH,
                &form(&[
                    ("id", &pair.to_string()),
                    ("answer", answer),
                    ("reason", reason),
                ]),
                Some(&person.cookie),
            )
            .await
    }
}
