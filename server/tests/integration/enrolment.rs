//! Enrolment over HTTP: the public application, the applicant's private link,
//! each review decision and its email, the profile made on acceptance, mentee
//! profiles, cohorts and the taxonomy.
// The journeys, by theme, on the same `Review`.
mod applying;
mod profiles;
mod reviewing;

use crate::common::{application_form, form, TestApp};
use app::accounts::Role;
use app::applications::api::*;
use app::applications::{
    ApplicantView, ApplicationDetail, ApplicationEventKind, ApplicationQueue, ApplicationStatus,
    IneligibilityReason,
};
use app::catalog::admin_api::*;
use app::catalog::api::GetProfileChoices;
use app::catalog::{CohortSummary, ProfileChoices};
use app::error::{AppError, InputProblem};
use app::people::api::AcceptInvitation;
use app::profiles::api::{GetMyProfile, SaveMyProfile};
use app::profiles::{Modality, ProfilePage};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

const PASSWORD: &str = "enrolment-password-1";

struct Review {
    app: TestApp,
    coordinator: String,
}

impl Review {
    async fn new() -> Review {
        let app = TestApp::new().await;
        app.create_cohort("hiver-2025").await;
        app.create_account(Role::Coordinator, "claire@program.example", PASSWORD)
            .await;
        let coordinator = app.sign_in("claire@program.example", PASSWORD).await;
        Review { app, coordinator }
    }

    async fn decide(&self, path: &str, pairs: &[(&str, &str)]) -> crate::common::TestResponse {
        self.app
            .call(path, &form(pairs), Some(&self.coordinator))
            .await
    }

    async fn status_of(&self, id: i64) -> String {
        sqlx::query_scalar("SELECT status FROM mentor_applications WHERE id = ?")
            .bind(id)
            .fetch_one(&self.app.pool)
            .await
            .expect("the application exists")
    }

    /// (kind, locale, body, action_url) of the emails sent to `recipient`, oldest first.
    async fn emails_to(&self, recipient: &str) -> Vec<(String, String, String, Option<String>)> {
        sqlx::query_as(
            "SELECT kind, locale, body, action_url FROM outbox WHERE recipient = ? ORDER BY id",
        )
        .bind(recipient)
        .fetch_all(&self.app.pool)
        .await
        .expect("the outbox")
    }

    async fn applicant_view(&self, token: &str) -> crate::common::TestResponse {
        self.app
            .call(GetMyApplication::PATH, &form(&[("token", token)]), None)
            .await
    }
}
