//! Evaluations over HTTP: concluding a cohort sends the evaluation to each
//! person who had a pair, in their language; a person drafts, sends once and
//! reads their answers; nobody else reads or writes them; the coordination
//! reads only submitted answers (results, CSV); the reminder goes once, the
//! pulse once at mid-cohort; the questions are edited within their count.
mod answering;
mod editing;
mod sending;

use crate::common::{form, TestApp, TestResponse};
use app::accounts::Role;
use app::closing::api::{ConcludeCohort, GetClosingPreview};
use app::closing::ClosingPreview;
use app::evaluations::api::{GetMyQuestionnaire, GetMyQuestionnaires, SaveAnswers};
use app::evaluations::{MyResponse, ResponseInvite};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

const PASSWORD: &str = "evaluations-password-1";
const COHORT: &str = "hiver-2025";

/// A cohort with its coordinator, and people with pairs in it.
struct Program {
    app: TestApp,
    coordinator: String,
}

/// A signed-in mentor or mentee with a profile in the cohort.
struct Person {
    profile: i64,
    email: String,
    cookie: String,
}

impl Program {
    async fn new() -> Program {
        let _ = tracing_subscriber::fmt().with_test_writer().try_init();
        let app = TestApp::new().await;
        app.create_cohort(COHORT).await;
        app.create_account(Role::Coordinator, "claire@evaluations.example", PASSWORD)
            .await;
        let coordinator = app.sign_in("claire@evaluations.example", PASSWORD).await;
        Program { app, coordinator }
    }

    async fn person(&self, role: Role, name: &str, locale: &str) -> Person {
        let email = format!("{name}@evaluations.example");
        let account = self.app.create_account(role, &email, PASSWORD).await;
        sqlx::query("UPDATE accounts SET locale = ?, display_name = ? WHERE id = ?")
            .bind(locale)
            .bind(name)
            .bind(account)
            .execute(&self.app.pool)
            .await
            .expect("the locale is stored");
        let profile = self.app.profile_id_of(account).await;
        self.app
            .fill_profile(profile, COHORT, &[("fr", "fluent")], &[])
            .await;
        if role == Role::Mentor {
            self.app.set_capacity(profile, 3).await;
        }
        let cookie = self.app.sign_in(&email, PASSWORD).await;
        Person {
            profile,
            email,
            cookie,
        }
    }

    /// An active pair of the two, straight into the database.
    async fn active_pair(&self, mentee: &Person, mentor: &Person) -> i64 {
        let pair = self
            .app
            .insert_pair(COHORT, mentee.profile, mentor.profile)
            .await;
        self.app.activate_pair(pair).await;
        pair
    }

    async fn as_coordinator(&self, path: &str, pairs: &[(&str, &str)]) -> TestResponse {
        self.app
            .call(path, &form(pairs), Some(&self.coordinator))
            .await
    }

    /// Concludes the cohort as previewed.
    async fn conclude(&self) {
        let preview: ClosingPreview = self
            .as_coordinator(GetClosingPreview::PATH, &[("code", COHORT)])
            .await
            .json();
        self.as_coordinator(
            ConcludeCohort::PATH,
            &[("code", COHORT), ("seen", &preview.seen)],
        )
        .await
        .assert_status(StatusCode::OK);
    }

    /// The person's questionnaires, newest first.
    async fn invites(&self, person: &Person) -> Vec<ResponseInvite> {
        self.app
            .call(GetMyQuestionnaires::PATH, "", Some(&person.cookie))
            .await
            .json()
    }

    /// The id of the person's latest response.
    async fn response_of(&self, person: &Person) -> i64 {
        self.invites(person)
            .await
            .first()
            .map(|invite| invite.id)
            .expect("a questionnaire was sent to them")
    }

    async fn read(&self, person: &Person, id: i64) -> TestResponse {
        self.app
            .call(
                GetMyQuestionnaire::PATH,
                &form(&[("id", &id.to_string())]),
                Some(&person.cookie),
            )
            .await
    }

    async fn mine(&self, person: &Person, id: i64) -> MyResponse {
        let read = self.read(person, id).await;
        read.assert_status(StatusCode::OK);
        read.json()
    }

    /// Saves `answers` (question id, value) as `person`, at the version read now.
    async fn save(
        &self,
        person: &Person,
        id: i64,
        intent: &str,
        answers: &[(i64, &str)],
    ) -> TestResponse {
        let version = self.mine(person, id).await.version;
        self.save_at(person, id, version, intent, answers).await
    }

    async fn save_at(
        &self,
        person: &Person,
        id: i64,
        version: i64,
        intent: &str,
        answers: &[(i64, &str)],
    ) -> TestResponse {
        let (id, version) = (id.to_string(), version.to_string());
        let names: Vec<String> = answers
            .iter()
            .map(|(question, _)| format!("answers[{question}]"))
            .collect();
        let mut fields = vec![
            ("id", id.as_str()),
            ("version", version.as_str()),
            ("intent", intent),
        ];
        fields.extend(
            names
                .iter()
                .zip(answers)
                .map(|(name, (_, value))| (name.as_str(), *value)),
        );
        self.app
            .call(SaveAnswers::PATH, &form(&fields), Some(&person.cookie))
            .await
    }

    async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(&self.app.pool)
            .await
            .unwrap_or_else(|error| panic!("{sql}: {error}"))
    }
}

/// Every scale of a response answered `value`, and its first text `text`.
fn complete_answers(
    response: &MyResponse,
    value: &'static str,
    text: &'static str,
) -> Vec<(i64, &'static str)> {
    use app::evaluations::AnswerKind;
    let mut answers: Vec<(i64, &'static str)> = response
        .questions
        .iter()
        .filter(|answered| answered.question.kind == AnswerKind::Scale)
        .map(|answered| (answered.question.id, value))
        .collect();
    if let Some(first_text) = response
        .questions
        .iter()
        .find(|answered| answered.question.kind == AnswerKind::Text)
    {
        answers.push((first_text.question.id, text));
    }
    answers
}
