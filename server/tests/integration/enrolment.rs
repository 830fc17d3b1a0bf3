//! Enrolment over HTTP: the public application, the applicant's private link,
//! each review decision and its email, the profile made on acceptance, mentee
//! profiles, cohorts and the taxonomy.

use crate::common::{application_form, form, TestApp};
use app::accounts::Role;
use app::applications::api::*;
use app::catalog::admin_api::*;
use app::catalog::api::GetProfileChoices;
use app::people::api::AcceptInvitation;
use app::profiles::api::{GetMyProfile, SaveMyProfile};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;
use serde_json::Value;

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

fn json(response: &crate::common::TestResponse) -> Value {
    serde_json::from_str(&response.body).unwrap_or(Value::Null)
}

#[tokio::test]
async fn an_application_is_confirmed_by_email_and_its_link_shows_only_that_application() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("nadia@applicant.example", true)
        .await;
    let other = review
        .app
        .submit_application("other@applicant.example", true)
        .await;
    assert_eq!(review.status_of(sent.id).await, "submitted");

    let emails = review.emails_to("nadia@applicant.example").await;
    assert_eq!(emails.len(), 1);
    let (kind, locale, body, link) = &emails[0];
    assert_eq!(
        (kind.as_str(), locale.as_str()),
        ("application_received", "en")
    );
    assert!(body.contains("Hello Nadia Benali"), "{body}");
    let link = link.clone().unwrap_or_default();
    assert!(
        link.ends_with(&format!("/application/{}", sent.token)),
        "{link}"
    );

    let mine = review.applicant_view(&sent.token).await;
    mine.assert_status(StatusCode::OK);
    let mine = json(&mine);
    assert_eq!(mine["status"], "Submitted");
    assert_eq!(mine["display_name"], "Nadia Benali");
    assert_eq!(mine["reasons"], Value::Array(vec![]));
    // Another applicant's token shows the other application, never this one;
    // an unknown token shows nothing.
    assert_ne!(other.token, sent.token);
    let unknown = review.applicant_view("not-a-token").await;
    unknown.assert_status(StatusCode::GONE);
    assert!(!unknown.body.contains("Nadia"));
    // The private link page renders for its holder only.
    let page = review
        .app
        .get(&format!("/application/{}", sent.token))
        .await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Nadia Benali"));
    let dead = review.app.get("/application/not-a-token").await;
    dead.assert_status(StatusCode::GONE);
}

#[tokio::test]
async fn one_address_cannot_send_more_than_three_applications_a_day() {
    let review = Review::new().await;
    for _ in 0..3 {
        review
            .app
            .submit_application("flood@applicant.example", true)
            .await;
    }
    let fourth = review
        .app
        .call(
            SubmitApplication::PATH,
            &application_form("flood@applicant.example", true),
            None,
        )
        .await;
    fourth.assert_status(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(review.emails_to("flood@applicant.example").await.len(), 3);
    let other = review
        .app
        .call(
            SubmitApplication::PATH,
            &application_form("someone-else@applicant.example", true),
            None,
        )
        .await;
    other.assert_status(StatusCode::OK);
}

#[tokio::test]
async fn an_incomplete_application_is_refused_field_by_field_and_nothing_is_stored() {
    let review = Review::new().await;
    let before = review.app.fingerprint().await;
    let response = review
        .app
        .call(
            SubmitApplication::PATH,
            &form(&[
                ("locale", "fr"),
                ("display_name", "Nadia"),
                ("email", "pas une adresse"),
                ("diploma_level", "bachelor"),
                ("is_employed", "yes"),
                ("domains[]", "astrology"),
                ("capacity", "9"),
                ("motivation", ""),
            ]),
            None,
        )
        .await;
    response.assert_status(StatusCode::BAD_REQUEST);
    let problems = json(&response)["InvalidFields"].clone();
    let field_problem = |field: &str| {
        problems
            .as_array()
            .and_then(|list| list.iter().find(|problem| problem["field"] == field))
            .map(|problem| problem["problem"].as_str().unwrap_or_default().to_owned())
    };
    assert_eq!(field_problem("email").as_deref(), Some("InvalidEmail"));
    assert_eq!(field_problem("diploma_field").as_deref(), Some("Required"));
    assert_eq!(field_problem("employer").as_deref(), Some("Required"));
    assert_eq!(
        field_problem("works_in_research").as_deref(),
        Some("Required")
    );
    assert_eq!(field_problem("domains").as_deref(), Some("InvalidChoice"));
    assert_eq!(field_problem("capacity").as_deref(), Some("OutOfRange"));
    assert_eq!(field_problem("motivation").as_deref(), Some("Required"));
    assert_eq!(field_problem("consent").as_deref(), Some("ConsentRequired"));
    assert_eq!(
        review.app.fingerprint().await,
        before,
        "nothing half-written"
    );
}

#[tokio::test]
async fn without_javascript_a_refused_application_comes_back_with_what_was_typed() {
    let app = TestApp::new().await;
    let mut body = application_form("jade@applicant.example", true);
    body = body.replace("consent=on", "consent=");
    let (echo, back) = app
        .refused_form_post(SubmitApplication::PATH, "/apply", body)
        .await;
    let page = app.get_with_cookie(&back, &echo).await;
    assert!(page.body.contains("value=\"jade@applicant.example\""));
    assert!(page.body.contains("value=\"Clinical nurse\""));
    // Ticked boxes and chosen levels come back ticked and chosen.
    assert!(
        page.body.contains("value=\"nursing\" checked"),
        "the domain stays ticked"
    );
    assert!(page.body.contains("value=\"tue-evening\" checked"));
    assert!(page.body.contains("value=\"fluent\" selected"));
    assert!(page.body.contains("Give back what I received."));
    assert!(page
        .body
        .contains("Pour continuer, acceptez l’avis de confidentialité."));

    // A complete post without JavaScript lands on the private link.
    let accepted = app
        .post_form(
            SubmitApplication::PATH,
            &application_form("jade@applicant.example", true),
        )
        .await;
    accepted.assert_status(StatusCode::FOUND);
    let location = accepted
        .headers
        .get("location")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    assert!(location.starts_with("/application/"), "{location}");
}

#[tokio::test]
async fn an_ineligible_application_shows_its_reasons_and_cannot_be_accepted() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("luc@applicant.example", false)
        .await;
    let view = json(&review.applicant_view(&sent.token).await);
    assert_eq!(view["reasons"], serde_json::json!(["NotEmployed"]));

    let queue = review
        .decide(ListApplications::PATH, &[("eligibility", "ineligible")])
        .await;
    assert_eq!(json(&queue)["applications"][0]["id"], sent.id);
    let eligible_only = review
        .decide(ListApplications::PATH, &[("eligibility", "eligible")])
        .await;
    assert_eq!(json(&eligible_only)["applications"], serde_json::json!([]));

    let refused = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &sent.id.to_string()), ("cohort", "hiver-2025")],
        )
        .await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("NotEligible"), "{}", refused.body);
    assert_eq!(review.status_of(sent.id).await, "submitted");
    let invitations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invitations")
        .fetch_one(&review.app.pool)
        .await
        .unwrap_or(-1);
    assert_eq!(invitations, 0);
}

#[tokio::test]
async fn asking_for_more_information_emails_the_question_and_the_answer_returns_to_the_queue() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("marc@applicant.example", true)
        .await;
    let id = sent.id.to_string();
    let empty = review
        .decide(
            RequestApplicationInfo::PATH,
            &[("id", &id), ("message", " ")],
        )
        .await;
    empty.assert_status(StatusCode::BAD_REQUEST);
    let asked = review
        .decide(
            RequestApplicationInfo::PATH,
            &[("id", &id), ("message", "Which year did you graduate?")],
        )
        .await;
    asked.assert_status(StatusCode::OK);
    assert_eq!(review.status_of(sent.id).await, "info_requested");

    let emails = review.emails_to("marc@applicant.example").await;
    let (kind, _, body, link) = emails.last().cloned().unwrap_or_default();
    assert_eq!(kind, "application_info_requested");
    assert!(body.contains("Which year did you graduate?"), "{body}");
    // The email's fresh link works, and so does the first one.
    let fresh = link
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_ne!(fresh, sent.token);
    let through_fresh = json(&review.applicant_view(&fresh).await);
    assert_eq!(through_fresh["status"], "InfoRequested");
    assert_eq!(
        through_fresh["latest_message"],
        "Which year did you graduate?"
    );

    let answered = review
        .app
        .call(
            AnswerApplication::PATH,
            &form(&[("token", &sent.token), ("answer", "In 2012, at Laval.")]),
            None,
        )
        .await;
    answered.assert_status(StatusCode::OK);
    assert_eq!(review.status_of(sent.id).await, "submitted");
    let again = review
        .app
        .call(
            AnswerApplication::PATH,
            &form(&[("token", &sent.token), ("answer", "Twice?")]),
            None,
        )
        .await;
    again.assert_status(StatusCode::CONFLICT);

    let detail = json(&review.decide(GetApplication::PATH, &[("id", &id)]).await);
    let events = detail["events"].as_array().cloned().unwrap_or_default();
    let kinds: Vec<&str> = events
        .iter()
        .filter_map(|event| event["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["Submitted", "InfoRequested", "InfoProvided"]);
    assert_eq!(events[1]["actor"], "Person claire@program.example");
    assert_eq!(events[2]["actor"], Value::Null, "the applicant acted");
    assert_eq!(events[2]["message"], "In 2012, at Laval.");
}

#[tokio::test]
async fn declining_emails_the_reason_and_closes_the_application() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("rob@applicant.example", true)
        .await;
    let id = sent.id.to_string();
    let declined = review
        .decide(
            DeclineApplication::PATH,
            &[("id", &id), ("reason", "Our cohort is full this year.")],
        )
        .await;
    declined.assert_status(StatusCode::OK);
    assert_eq!(review.status_of(sent.id).await, "declined");
    let (kind, locale, body, _) = review
        .emails_to("rob@applicant.example")
        .await
        .last()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (kind.as_str(), locale.as_str()),
        ("application_declined", "en")
    );
    assert!(body.contains("Our cohort is full this year."));

    // A closed application takes no other decision, and cannot be withdrawn.
    for (path, pairs) in [
        (
            AcceptApplication::PATH,
            vec![("id", id.as_str()), ("cohort", "")],
        ),
        (
            RequestApplicationInfo::PATH,
            vec![("id", id.as_str()), ("message", "More?")],
        ),
    ] {
        let late = review.decide(path, &pairs).await;
        assert_eq!(late.status, StatusCode::CONFLICT, "{path}");
    }
    let withdraw = review
        .app
        .call(
            WithdrawApplication::PATH,
            &form(&[("token", &sent.token)]),
            None,
        )
        .await;
    withdraw.assert_status(StatusCode::CONFLICT);
    assert_eq!(review.status_of(sent.id).await, "declined");
}

#[tokio::test]
async fn a_withdrawn_application_leaves_the_queue_for_good() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("syl@applicant.example", true)
        .await;
    let withdrawn = review
        .app
        .call(
            WithdrawApplication::PATH,
            &form(&[("token", &sent.token)]),
            None,
        )
        .await;
    withdrawn.assert_status(StatusCode::OK);
    assert_eq!(review.status_of(sent.id).await, "withdrawn");
    let accept = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &sent.id.to_string()), ("cohort", "")],
        )
        .await;
    accept.assert_status(StatusCode::CONFLICT);
    let waiting = review
        .decide(ListApplications::PATH, &[("status", "submitted")])
        .await;
    assert_eq!(json(&waiting)["applications"], serde_json::json!([]));
}

#[tokio::test]
async fn accepting_makes_the_profile_and_invites_the_mentor_who_finds_it_on_arrival() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("priya@applicant.example", true)
        .await;
    let accepted = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &sent.id.to_string()), ("cohort", "hiver-2025")],
        )
        .await;
    accepted.assert_status(StatusCode::OK);
    assert_eq!(review.status_of(sent.id).await, "accepted");
    let (pending, capacity): (Option<String>, i64) = sqlx::query_as(
        "SELECT pending_email, capacity FROM profiles WHERE application_id = ? \
         AND account_id IS NULL AND cohort_id = (SELECT id FROM cohorts WHERE code = 'hiver-2025')",
    )
    .bind(sent.id)
    .fetch_one(&review.app.pool)
    .await
    .expect("the profile waits for its mentor");
    assert_eq!(
        (pending.as_deref(), capacity),
        (Some("priya@applicant.example"), 2)
    );

    let (kind, locale, _, link) = review
        .emails_to("priya@applicant.example")
        .await
        .last()
        .cloned()
        .unwrap_or_default();
    assert_eq!((kind.as_str(), locale.as_str()), ("invitation", "en"));
    let token = link
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let joined = review
        .app
        .call(
            AcceptInvitation::PATH,
            &form(&[
                ("token", &token),
                ("display_name", "Priya Raman"),
                ("password", PASSWORD),
                ("consent", "on"),
            ]),
            None,
        )
        .await;
    joined.assert_status(StatusCode::OK);
    let mentor = review
        .app
        .sign_in("priya@applicant.example", PASSWORD)
        .await;
    let profile = review.app.call(GetMyProfile::PATH, "", Some(&mentor)).await;
    profile.assert_status(StatusCode::OK);
    let profile = json(&profile)["profile"].clone();
    assert_eq!(
        profile["fields"]["domains"],
        serde_json::json!(["nursing", "mental-health"])
    );
    assert_eq!(profile["fields"]["modality"], "Either");
    assert_eq!(profile["mentor"]["capacity"], 2);
    assert_eq!(profile["cohort"]["fr"], "Cohorte hiver-2025");
    let profiles: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM profiles")
        .fetch_one(&review.app.pool)
        .await
        .unwrap_or(-1);
    assert_eq!(
        profiles, 1,
        "the waiting profile became the mentor's, no second one"
    );

    // A second acceptance of the same application is refused.
    let again = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &sent.id.to_string()), ("cohort", "")],
        )
        .await;
    again.assert_status(StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_mentee_completes_a_profile_and_sees_how_complete_it_is() {
    let review = Review::new().await;
    let app = &review.app;
    app.create_account(Role::Mentee, "amina@student.example", PASSWORD)
        .await;
    let mentee = app.sign_in("amina@student.example", PASSWORD).await;
    let empty = json(&app.call(GetMyProfile::PATH, "", Some(&mentee)).await);
    assert_eq!(empty["profile"]["mentee"]["program_of_study"], Value::Null);
    assert!(empty["choices"]["skills"]
        .as_array()
        .is_some_and(|skills| skills.len() >= 20));

    let wrong = app
        .call(
            SaveMyProfile::PATH,
            &form(&[("study_year", "12"), ("skills[]", "juggling")]),
            Some(&mentee),
        )
        .await;
    wrong.assert_status(StatusCode::BAD_REQUEST);
    assert!(wrong.body.contains("study_year") && wrong.body.contains("skills"));

    let saved = app
        .call(
            SaveMyProfile::PATH,
            &form(&[
                ("program_of_study", "Baccalauréat en sciences infirmières"),
                ("institution", "Université de Montréal"),
                ("study_year", "2"),
                ("domains[]", "nursing"),
                ("skills[]", "interviews"),
                ("skills[]", "internship"),
                ("languages[fr]", "fluent"),
                ("needs_note", "Préparer mes entrevues."),
                // A mentor's field sent by a mentee is ignored.
                ("capacity", "5"),
            ]),
            Some(&mentee),
        )
        .await;
    saved.assert_status(StatusCode::OK);
    let page = json(&app.call(GetMyProfile::PATH, "", Some(&mentee)).await);
    let profile: app::profiles::ProfileView =
        serde_json::from_value(page["profile"].clone()).expect("a profile");
    let measure = app::profiles::completeness(&profile);
    assert_eq!((measure.done, measure.total), (6, 8));
    assert_eq!(profile.mentor, None);
    assert_eq!(profile.fields.skills, ["interviews", "internship"]);

    // The page itself shows the measure and what is missing.
    let html = app.get_with_cookie("/profile", &mentee).await;
    assert!(html.body.contains("Profil rempli à 75 %"), "{}", html.body);
    assert!(html.body.contains("Modalité des rencontres"));
}

#[tokio::test]
async fn a_registered_mentee_joins_the_current_cohort() {
    let app = TestApp::new().await;
    let today = chrono::Utc::now().date_naive();
    sqlx::query(
        "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on) VALUES ('now', 'Maintenant', 'Now', ?, ?)",
    )
    .bind(today - chrono::Duration::days(30))
    .bind(today + chrono::Duration::days(300))
    .execute(&app.pool)
    .await
    .expect("a running cohort");
    let registered = app
        .call(
            app::people::api::RegisterMentee::PATH,
            &form(&[
                ("display_name", "Léa"),
                ("email", "lea@student.example"),
                ("password", PASSWORD),
                ("locale", "fr"),
                ("student", "on"),
                ("consent", "on"),
            ]),
            None,
        )
        .await;
    registered.assert_status(StatusCode::OK);
    let cohort: Option<String> = sqlx::query_scalar(
        "SELECT c.code FROM profiles p JOIN accounts a ON a.id = p.account_id \
         LEFT JOIN cohorts c ON c.id = p.cohort_id WHERE a.email = 'lea@student.example'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("the mentee has a profile");
    assert_eq!(cohort.as_deref(), Some("now"));
}

#[tokio::test]
async fn the_coordinator_creates_a_cohort_and_places_people_in_it() {
    let review = Review::new().await;
    let backwards = review
        .decide(
            SaveCohort::PATH,
            &[
                ("code", ""),
                ("name_fr", "Automne 2026"),
                ("name_en", "Fall 2026"),
                ("starts_on", "2026-12-01"),
                ("ends_on", "2026-09-01"),
            ],
        )
        .await;
    backwards.assert_status(StatusCode::BAD_REQUEST);
    assert!(backwards.body.contains("EndBeforeStart"));
    let created = review
        .decide(
            SaveCohort::PATH,
            &[
                ("code", ""),
                ("name_fr", "Automne 2026"),
                ("name_en", "Fall 2026"),
                ("starts_on", "2026-09-01"),
                ("ends_on", "2026-12-18"),
                ("is_open", "on"),
            ],
        )
        .await;
    created.assert_status(StatusCode::OK);
    assert_eq!(json(&created), "automne-2026");

    let mentee = review
        .app
        .create_account(Role::Mentee, "lucas@student.example", PASSWORD)
        .await;
    let profile = review.app.profile_id_of(mentee).await;
    let nobody = review
        .decide(
            PlaceInCohort::PATH,
            &[("code", "automne-2026"), ("place", "true")],
        )
        .await;
    nobody.assert_status(StatusCode::BAD_REQUEST);
    let placed = review
        .decide(
            PlaceInCohort::PATH,
            &[
                ("code", "automne-2026"),
                ("place", "true"),
                ("profiles[]", &profile.to_string()),
            ],
        )
        .await;
    assert_eq!(json(&placed), 1);
    let summaries = json(&review.decide(ListCohortSummaries::PATH, &[]).await);
    let autumn = summaries
        .as_array()
        .and_then(|list| {
            list.iter()
                .find(|summary| summary["cohort"]["code"] == "automne-2026")
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (autumn["mentees"].clone(), autumn["mentors"].clone()),
        (1.into(), 0.into())
    );
    let unknown = review
        .decide(GetCohortMembers::PATH, &[("code", "nowhere")])
        .await;
    unknown.assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_missing_label_stays_missing_and_a_withdrawn_entry_leaves_the_forms() {
    let review = Review::new().await;
    let neither = review
        .decide(
            SaveTaxonomyEntry::PATH,
            &[
                ("kind", "skill"),
                ("code", ""),
                ("label_fr", " "),
                ("label_en", ""),
            ],
        )
        .await;
    neither.assert_status(StatusCode::BAD_REQUEST);
    assert!(neither.body.contains("OneLabelRequired"));
    let added = review
        .decide(
            SaveTaxonomyEntry::PATH,
            &[
                ("kind", "skill"),
                ("code", ""),
                ("label_fr", "Gestion des listes d’attente"),
                ("label_en", ""),
            ],
        )
        .await;
    added.assert_status(StatusCode::OK);
    let choices = json(&review.app.call(GetProfileChoices::PATH, "", None).await);
    let skill = choices["skills"]
        .as_array()
        .and_then(|skills| {
            skills
                .iter()
                .find(|skill| skill["code"] == "gestion-des-listes-d-attente")
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(skill["label"]["fr"], "Gestion des listes d’attente");
    assert_eq!(
        skill["label"]["en"],
        Value::Null,
        "never filled with the French"
    );
    let page = review
        .app
        .get_with_cookie("/coordinator/taxonomy", &review.coordinator)
        .await;
    assert!(page.body.contains("Libellé manquant"));

    let withdrawn = review
        .decide(
            SetTaxonomyEntryActive::PATH,
            &[("kind", "domain"), ("code", "nursing"), ("active", "false")],
        )
        .await;
    withdrawn.assert_status(StatusCode::OK);
    let choices = json(&review.app.call(GetProfileChoices::PATH, "", None).await);
    assert!(!choices["domains"]
        .as_array()
        .is_some_and(|domains| domains.iter().any(|domain| domain["code"] == "nursing")));
}

#[tokio::test]
async fn a_second_application_from_an_accepted_address_cannot_be_accepted_too() {
    let review = Review::new().await;
    let first = review
        .app
        .submit_application("twice@applicant.example", true)
        .await;
    let second = review
        .app
        .submit_application("twice@applicant.example", true)
        .await;
    let closed_cohort = sqlx::query("UPDATE cohorts SET is_open = 0 WHERE code = 'hiver-2025'")
        .execute(&review.app.pool)
        .await;
    assert!(closed_cohort.is_ok());
    let into_closed = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &first.id.to_string()), ("cohort", "hiver-2025")],
        )
        .await;
    assert_eq!(
        into_closed.status,
        StatusCode::BAD_REQUEST,
        "a closed cohort takes nobody new"
    );
    assert_eq!(review.status_of(first.id).await, "submitted");

    let accepted = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &first.id.to_string()), ("cohort", "")],
        )
        .await;
    accepted.assert_status(StatusCode::OK);
    let again = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &second.id.to_string()), ("cohort", "")],
        )
        .await;
    again.assert_status(StatusCode::BAD_REQUEST);
    assert!(again.body.contains("EmailTaken"), "{}", again.body);
    assert_eq!(review.status_of(second.id).await, "submitted");
}

#[tokio::test]
async fn a_profile_keeps_an_entry_withdrawn_from_the_taxonomy() {
    let review = Review::new().await;
    let app = &review.app;
    app.create_account(Role::Mentee, "kept@student.example", PASSWORD)
        .await;
    let mentee = app.sign_in("kept@student.example", PASSWORD).await;
    let _ = app.call(GetMyProfile::PATH, "", Some(&mentee)).await;
    let chose = app
        .call(
            SaveMyProfile::PATH,
            &form(&[("domains[]", "nursing"), ("skills[]", "ethics")]),
            Some(&mentee),
        )
        .await;
    chose.assert_status(StatusCode::OK);
    review
        .decide(
            SetTaxonomyEntryActive::PATH,
            &[("kind", "skill"), ("code", "ethics"), ("active", "false")],
        )
        .await;
    // The profile page still lists it (ticked), and saving again keeps it.
    let page = json(&app.call(GetMyProfile::PATH, "", Some(&mentee)).await);
    assert!(page["choices"]["skills"]
        .as_array()
        .is_some_and(|skills| skills.iter().any(|skill| skill["code"] == "ethics")));
    let saved = app
        .call(
            SaveMyProfile::PATH,
            &form(&[
                ("domains[]", "nursing"),
                ("skills[]", "ethics"),
                ("institution", "UdeM"),
            ]),
            Some(&mentee),
        )
        .await;
    saved.assert_status(StatusCode::OK);
    let page = json(&app.call(GetMyProfile::PATH, "", Some(&mentee)).await);
    assert_eq!(
        page["profile"]["fields"]["skills"],
        serde_json::json!(["ethics"])
    );
    // Someone who never had it cannot pick it any more.
    app.create_account(Role::Mentee, "new@student.example", PASSWORD)
        .await;
    let newcomer = app.sign_in("new@student.example", PASSWORD).await;
    let _ = app.call(GetMyProfile::PATH, "", Some(&newcomer)).await;
    let refused = app
        .call(
            SaveMyProfile::PATH,
            &form(&[("skills[]", "ethics")]),
            Some(&newcomer),
        )
        .await;
    refused.assert_status(StatusCode::BAD_REQUEST);
}
