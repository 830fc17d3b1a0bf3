//! The privacy office over HTTP (issue 20, item 6): only the privacy
//! officer (a coordinator holding the flag) names the person in charge,
//! hands the charge, publishes the notice's versions and keeps the incident
//! register; the public privacy page shows the latest notice in the reader's
//! language and the person in charge; bad input answers 400 with the field.
use crate::common::{form, TestApp, TestResponse};
use app::accounts::Role;
use app::error::{AppError, InputProblem};
use app::privacy_office::api::*;
use app::privacy_office::{Incident, Notification, PrivacyOffice, PrivacyPageData, Risk};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

const PASSWORD: &str = "privacy-office-password-1";
const OFFICER: &str = "officer@privacy.example";
const COORDINATOR: &str = "coordinator@privacy.example";
const MENTOR: &str = "mentor@privacy.example";

/// A program whose first coordinator is the privacy officer (as
/// `create-coordinator` makes them), with another coordinator and a mentor.
struct Office {
    app: TestApp,
    officer: String,
    coordinator: String,
    coordinator_id: i64,
    mentor: String,
    mentor_id: i64,
}

impl Office {
    async fn new() -> Office {
        let _ = tracing_subscriber::fmt().with_test_writer().try_init();
        let app = TestApp::new().await;
        server::accounts_cli::create_coordinator(
            &app.pool,
            OFFICER,
            "Claire Gagnon",
            "fr",
            PASSWORD.to_owned(),
        )
        .await
        .expect("the first coordinator is created");
        let coordinator_id = app
            .create_account(Role::Coordinator, COORDINATOR, PASSWORD)
            .await;
        let mentor_id = app.create_account(Role::Mentor, MENTOR, PASSWORD).await;
        Office {
            officer: app.sign_in(OFFICER, PASSWORD).await,
            coordinator: app.sign_in(COORDINATOR, PASSWORD).await,
            mentor: app.sign_in(MENTOR, PASSWORD).await,
            coordinator_id,
            mentor_id,
            app,
        }
    }

    async fn call(&self, path: &str, body: &str, cookie: &str) -> TestResponse {
        self.app.call(path, body, Some(cookie)).await
    }

    async fn officers(&self) -> Vec<String> {
        sqlx::query_scalar("SELECT email FROM accounts WHERE is_privacy_officer = 1 ORDER BY id")
            .fetch_all(&self.app.pool)
            .await
            .expect("the officers")
    }

    async fn audited(&self, event: &str) -> Vec<(Option<String>, Option<String>)> {
        sqlx::query_as("SELECT subject, detail FROM audit_log WHERE event = ? ORDER BY id")
            .bind(event)
            .fetch_all(&self.app.pool)
            .await
            .expect("the audit log")
    }

    async fn incidents(&self) -> Vec<Incident> {
        let listed = self.call(ListIncidents::PATH, "", &self.officer).await;
        listed.assert_status(StatusCode::OK);
        listed.json()
    }
}

/// An incident's form, with `changed` fields replacing its own.
fn incident(changed: &[(&str, &str)]) -> String {
    let mut fields = vec![
        ("occurred_on", "2026-11-20"),
        ("discovered_on", "2026-11-22"),
        (
            "nature",
            "La liste des mentoré·e·s d’une cohorte envoyée à une mauvaise adresse.",
        ),
        ("information_concerned", "Noms et adresses courriel."),
        (
            "people_concerned",
            "Les mentoré·e·s de la cohorte Hiver 2025.",
        ),
        ("people_count", "40"),
        ("risk", "serious"),
        (
            "risk_reasoning",
            "Envoyée hors du réseau, à une personne inconnue.",
        ),
        ("measures", "Demande de suppression au destinataire."),
        ("commission_notified_on", ""),
        ("people_notified_on", ""),
    ];
    for (name, value) in changed {
        fields.retain(|(field, _)| field != name);
        fields.push((*name, *value));
    }
    form(&fields)
}

/// A page's HTML without the markers Leptos leaves between text and tags.
fn html(page: &TestResponse) -> String {
    page.body.replace("<!>", "")
}

/// The problem the 400 answer names for `field`.
fn problem(response: &TestResponse, field: &str) -> Option<InputProblem> {
    response.assert_status(StatusCode::BAD_REQUEST);
    response.json::<AppError>().problem_with(field)
}

#[tokio::test]
async fn a_plain_coordinator_and_a_mentor_are_refused_every_officer_function() {
    let office = Office::new().await;
    let calls = [
        (GetPrivacyOffice::PATH, String::new()),
        (
            SavePersonInCharge::PATH,
            form(&[
                ("name", "Marc"),
                ("title_fr", "Responsable"),
                ("title_en", "Officer"),
                ("email", "marc@privacy.example"),
                ("phone", ""),
            ]),
        ),
        (
            HandPrivacyCharge::PATH,
            form(&[("account_id", &office.coordinator_id.to_string())]),
        ),
        (GetNoticeForEditing::PATH, String::new()),
        (
            PublishPrivacyNotice::PATH,
            form(&[
                ("based_on", "1"),
                ("body_fr", "Texte"),
                ("body_en", "Text"),
                ("changes_fr", ""),
                ("changes_en", ""),
            ]),
        ),
        (ListIncidents::PATH, String::new()),
        (GetIncident::PATH, form(&[("id", "1")])),
        (RecordIncident::PATH, incident(&[])),
        (
            EditIncident::PATH,
            incident(&[("id", "1"), ("revision", "1")]),
        ),
    ];
    let before = office.app.fingerprint().await;
    for (path, body) in &calls {
        for cookie in [&office.coordinator, &office.mentor] {
            office
                .call(path, body, cookie)
                .await
                .assert_status(StatusCode::FORBIDDEN);
        }
    }
    assert_eq!(
        office.app.fingerprint().await,
        before,
        "a refusal changes nothing"
    );
    assert_eq!(office.officers().await, vec![OFFICER.to_owned()]);
    // The pages say so too, with the status.
    for path in [
        "/coordinator/privacy",
        "/coordinator/privacy/notice",
        "/coordinator/privacy/incidents",
        "/coordinator/privacy/incidents/1",
    ] {
        for cookie in [&office.coordinator, &office.mentor] {
            let page = office.app.get_with_cookie(path, cookie).await;
            assert_eq!(page.status, StatusCode::FORBIDDEN, "{path}");
        }
        // (An unknown incident's page says so in its text, as other pages do.)
        let page = office.app.get_with_cookie(path, &office.officer).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
    }
    // Only the officer's coordination page offers the way in.
    let officer_home = office
        .app
        .get_with_cookie("/coordinator", &office.officer)
        .await;
    assert!(officer_home.body.contains("href=\"/coordinator/privacy\""));
    let coordinator_home = office
        .app
        .get_with_cookie("/coordinator", &office.coordinator)
        .await;
    coordinator_home.assert_status(StatusCode::OK);
    assert!(!coordinator_home
        .body
        .contains("href=\"/coordinator/privacy\""));
}

#[tokio::test]
async fn the_officer_records_an_incident_edits_it_and_it_reads_back() {
    let office = Office::new().await;
    let empty = office
        .app
        .get_with_cookie("/coordinator/privacy/incidents", &office.officer)
        .await;
    empty.assert_status(StatusCode::OK);
    assert!(empty
        .body
        .contains("Aucun incident n’est inscrit au registre."));

    let recorded = office
        .call(RecordIncident::PATH, &incident(&[]), &office.officer)
        .await;
    recorded.assert_status(StatusCode::OK);
    let id: i64 = recorded.json();
    let listed = office.incidents().await;
    assert_eq!(listed.len(), 1);
    let first = &listed[0];
    assert_eq!(first.id, id);
    assert_eq!(first.occurred_on, "2026-11-20");
    assert_eq!(first.people_count, Some(40));
    assert_eq!(first.risk, Risk::Serious);
    assert_eq!(first.recorded_by.as_deref(), Some("Claire Gagnon"));
    assert_eq!(first.revision, 1);
    assert_eq!(
        first.missing_notifications(),
        vec![Notification::Commission, Notification::People]
    );
    // A serious risk not yet notified is shown as a warning, in each language.
    let page = office
        .app
        .get_with_cookie("/coordinator/privacy/incidents", &office.officer)
        .await;
    assert!(page.body.contains("Avis à faire"), "{}", page.body);
    assert!(page.body.contains("Incident no"));
    let english = office
        .app
        .get_with_cookie(
            "/coordinator/privacy/incidents",
            &format!("{}; i18n_pref_locale=en", office.officer),
        )
        .await;
    assert!(english.body.contains("Notifications to make"));
    let summary = office
        .call(GetPrivacyOffice::PATH, "", &office.officer)
        .await
        .json::<PrivacyOffice>();
    assert_eq!((summary.incidents, summary.incidents_to_notify), (1, 1));

    // Both notifications made: the edit reads back, the warning goes.
    let changes = [
        ("id", id.to_string()),
        ("revision", "1".to_owned()),
        ("commission_notified_on", "2026-11-23".to_owned()),
        ("people_notified_on", "2026-11-24".to_owned()),
        ("people_count", String::new()),
    ];
    let changes: Vec<(&str, &str)> = changes
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    office
        .call(EditIncident::PATH, &incident(&changes), &office.officer)
        .await
        .assert_status(StatusCode::OK);
    let edited: Incident = office
        .call(
            GetIncident::PATH,
            &form(&[("id", &id.to_string())]),
            &office.officer,
        )
        .await
        .json();
    assert_eq!(edited.commission_notified_on.as_deref(), Some("2026-11-23"));
    assert_eq!(edited.people_notified_on.as_deref(), Some("2026-11-24"));
    assert_eq!(edited.people_count, None);
    assert_eq!(edited.revision, 2);
    assert_eq!(edited.updated_by.as_deref(), Some("Claire Gagnon"));
    assert!(edited.missing_notifications().is_empty());
    let page = office
        .app
        .get_with_cookie(
            &format!("/coordinator/privacy/incidents/{id}"),
            &office.officer,
        )
        .await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("value=\"2026-11-23\""), "{}", page.body);
    assert!(!page.body.contains("Avis à faire"));

    // An edit made from the page as it was before is refused: nothing is overwritten.
    let stale = office
        .call(
            EditIncident::PATH,
            &incident(&[("id", &id.to_string()), ("revision", "1")]),
            &office.officer,
        )
        .await;
    stale.assert_status(StatusCode::CONFLICT);
    assert_eq!(office.incidents().await[0].revision, 2);
    let unknown = office
        .call(
            EditIncident::PATH,
            &incident(&[("id", "999"), ("revision", "1")]),
            &office.officer,
        )
        .await;
    unknown.assert_status(StatusCode::NOT_FOUND);

    // The newest incident comes first.
    office
        .call(
            RecordIncident::PATH,
            &incident(&[
                ("occurred_on", "2026-11-25"),
                ("discovered_on", "2026-11-25"),
                ("risk", "low"),
            ]),
            &office.officer,
        )
        .await
        .assert_status(StatusCode::OK);
    let listed = office.incidents().await;
    assert_eq!(
        listed
            .iter()
            .map(|incident| incident.occurred_on.as_str())
            .collect::<Vec<_>>(),
        ["2026-11-25", "2026-11-20"]
    );
    let recorded = office.audited("confidentiality_incident_recorded").await;
    assert_eq!(recorded.len(), 2);
    assert_eq!(
        recorded[0].1.as_deref(),
        Some(format!("incident {id}, risk serious").as_str())
    );
    assert_eq!(
        office
            .audited("confidentiality_incident_edited")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn handing_the_charge_moves_it_and_the_old_officer_is_then_refused() {
    let office = Office::new().await;
    // Only to another active coordinator.
    let to_mentor = office
        .call(
            HandPrivacyCharge::PATH,
            &form(&[("account_id", &office.mentor_id.to_string())]),
            &office.officer,
        )
        .await;
    assert_eq!(
        problem(&to_mentor, "account_id"),
        Some(InputProblem::InvalidChoice)
    );
    let officer_id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE email = ?")
        .bind(OFFICER)
        .fetch_one(&office.app.pool)
        .await
        .expect("the officer");
    let to_self = office
        .call(
            HandPrivacyCharge::PATH,
            &form(&[("account_id", &officer_id.to_string())]),
            &office.officer,
        )
        .await;
    assert_eq!(
        problem(&to_self, "account_id"),
        Some(InputProblem::NotOnYourself)
    );
    let chosen = office
        .call(GetPrivacyOffice::PATH, "", &office.officer)
        .await
        .json::<PrivacyOffice>();
    assert_eq!(
        chosen
            .coordinators
            .iter()
            .map(|coordinator| coordinator.email.as_str())
            .collect::<Vec<_>>(),
        [COORDINATOR]
    );
    assert_eq!(office.officers().await, vec![OFFICER.to_owned()]);

    let handed = office
        .call(
            HandPrivacyCharge::PATH,
            &form(&[("account_id", &office.coordinator_id.to_string())]),
            &office.officer,
        )
        .await;
    assert!(
        handed.status == StatusCode::OK || handed.status == StatusCode::FOUND,
        "{} {}",
        handed.status,
        handed.body
    );
    assert_eq!(office.officers().await, vec![COORDINATOR.to_owned()]);
    // The same sessions: the flag is read on every request.
    office
        .call(GetPrivacyOffice::PATH, "", &office.officer)
        .await
        .assert_status(StatusCode::FORBIDDEN);
    office
        .call(GetPrivacyOffice::PATH, "", &office.coordinator)
        .await
        .assert_status(StatusCode::OK);
    let again = office
        .call(
            HandPrivacyCharge::PATH,
            &form(&[("account_id", &officer_id.to_string())]),
            &office.officer,
        )
        .await;
    again.assert_status(StatusCode::FORBIDDEN);
    assert_eq!(
        office.audited("privacy_officer_changed").await,
        vec![(
            Some(COORDINATOR.to_owned()),
            Some(format!("from {OFFICER} to {COORDINATOR}"))
        )]
    );
    // Without the script, the form goes back to the coordination's page.
    let back = office
        .app
        .plain_post_from(
            "/coordinator/privacy",
            HandPrivacyCharge::PATH,
            &office.coordinator,
            form(&[("account_id", &officer_id.to_string())]),
        )
        .await;
    assert_eq!(back.status, StatusCode::FOUND, "{}", back.body);
    let location = back
        .headers
        .get("location")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    assert!(location.ends_with("/coordinator"), "{location}");
    assert_eq!(office.officers().await, vec![OFFICER.to_owned()]);
}

#[tokio::test]
async fn publishing_increments_the_version_and_the_privacy_page_shows_it_in_each_language() {
    let office = Office::new().await;
    let before = office.app.get("/privacy").await;
    before.assert_status(StatusCode::OK);
    let before = html(&before);
    assert!(before.contains("Version 2 de l’avis"), "{before}");
    assert!(
        before.contains("<h2>Ce que nous recueillons</h2>"),
        "{before}"
    );

    let draft: Option<app::privacy_office::PrivacyNotice> = office
        .call(GetNoticeForEditing::PATH, "", &office.officer)
        .await
        .json();
    assert_eq!(draft.map(|notice| notice.version), Some(2));
    let body_fr =
        "Nouvel avis <b>en gras</b> & le reste.\n\n## Nouveaux droits\n\nDeuxième paragraphe.";
    let body_en = "New notice.\n\n## New rights\n\nSecond paragraph.";
    let published = office
        .call(
            PublishPrivacyNotice::PATH,
            &form(&[
                ("based_on", "2"),
                ("body_fr", body_fr),
                ("body_en", body_en),
                ("changes_fr", "Les droits sont décrits."),
                ("changes_en", "Rights are described."),
                ("is_material", "on"),
            ]),
            &office.officer,
        )
        .await;
    published.assert_status(StatusCode::OK);
    assert_eq!(published.json::<i64>(), 3);
    let stored: (bool, String) = sqlx::query_as(
        "SELECT is_material, (SELECT email FROM accounts WHERE id = published_by) \
         FROM privacy_notices WHERE version = 3",
    )
    .fetch_one(&office.app.pool)
    .await
    .expect("version 3");
    assert_eq!(stored, (true, OFFICER.to_owned()));

    let french = html(&office.app.get("/privacy").await);
    assert!(french.contains("Version 3 de l’avis"), "{french}");
    assert!(french.contains("<h2>Nouveaux droits</h2>"));
    assert!(french.contains("<p>Deuxième paragraphe.</p>"));
    assert!(french.contains("Les droits sont décrits."));
    // The text is shown as text: no markup of its own reaches the page.
    assert!(french.contains("Nouvel avis &lt;b&gt;en gras&lt;/b&gt; &amp; le reste."));
    assert!(!french.contains("<b>en gras</b>"));
    assert!(!french.contains("Ce que nous recueillons"));
    let english = html(
        &office
            .app
            .get_with_cookie("/privacy", "i18n_pref_locale=en")
            .await,
    );
    assert!(
        english.contains("Version 3 of the privacy notice"),
        "{english}"
    );
    assert!(english.contains("<h2>New rights</h2>"));
    assert!(english.contains("Rights are described."));
    assert!(!english.contains("Nouveaux droits"));

    // Publishing from the page as it was before another version is refused.
    let stale = office
        .call(
            PublishPrivacyNotice::PATH,
            &form(&[
                ("based_on", "2"),
                ("body_fr", "Autre"),
                ("body_en", "Other"),
                ("changes_fr", ""),
                ("changes_en", ""),
            ]),
            &office.officer,
        )
        .await;
    stale.assert_status(StatusCode::CONFLICT);
    let versions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM privacy_notices")
        .fetch_one(&office.app.pool)
        .await
        .expect("count");
    assert_eq!(versions, 3);
    assert_eq!(
        office.audited("privacy_notice_published").await,
        vec![(None, Some("version 3, material change".to_owned()))]
    );
}

#[tokio::test]
async fn the_privacy_page_names_the_person_in_charge_once_the_officer_does() {
    let office = Office::new().await;
    let unnamed = office.app.get("/privacy").await;
    assert!(unnamed
        .body
        .contains("Le programme n’a pas encore nommé la personne responsable"));
    office
        .call(
            SavePersonInCharge::PATH,
            &form(&[
                ("name", " Claire Gagnon "),
                (
                    "title_fr",
                    "Responsable de la protection des renseignements personnels",
                ),
                ("title_en", "Privacy officer"),
                ("email", "vie.privee@privacy.example"),
                ("phone", "514 555-0100"),
            ]),
            &office.officer,
        )
        .await
        .assert_status(StatusCode::OK);
    let data: PrivacyPageData = office.app.call(GetPrivacyPage::PATH, "", None).await.json();
    let person = data.person_in_charge.expect("named");
    assert_eq!(person.name, "Claire Gagnon");
    assert_eq!(person.phone.as_deref(), Some("514 555-0100"));
    let french = office.app.get("/privacy").await;
    assert!(french.body.contains("Claire Gagnon"));
    assert!(french
        .body
        .contains("Responsable de la protection des renseignements personnels"));
    assert!(french
        .body
        .contains("href=\"mailto:vie.privee@privacy.example\""));
    assert!(french.body.contains("href=\"tel:5145550100\""));
    assert!(french
        .body
        .contains("Exercer vos droits dans l’application"));
    assert!(french.body.contains("https://www.cai.gouv.qc.ca"));
    assert!(!french.body.contains("pas encore nommé"));
    let english = office
        .app
        .get_with_cookie("/privacy", "i18n_pref_locale=en")
        .await;
    assert!(english.body.contains("Privacy officer"));
    assert!(english.body.contains("How to use your rights in the app"));
    assert_eq!(
        office.audited("person_in_charge_named").await,
        vec![(
            Some("vie.privee@privacy.example".to_owned()),
            Some("privacy page".to_owned())
        )]
    );
}

#[tokio::test]
async fn bad_input_answers_400_with_each_field_and_stores_nothing() {
    let office = Office::new().await;
    let before = office.app.fingerprint().await;
    let empty_notice = office
        .call(
            PublishPrivacyNotice::PATH,
            &form(&[
                ("based_on", "1"),
                ("body_fr", " "),
                ("body_en", ""),
                ("changes_fr", ""),
                ("changes_en", ""),
                ("is_material", "on"),
            ]),
            &office.officer,
        )
        .await;
    for field in ["body_fr", "body_en", "changes_fr", "changes_en"] {
        assert_eq!(
            problem(&empty_notice, field),
            Some(InputProblem::Required),
            "{field}"
        );
    }
    let long = "x".repeat(20_001);
    let long_notice = office
        .call(
            PublishPrivacyNotice::PATH,
            &form(&[
                ("based_on", "1"),
                ("body_fr", &long),
                ("body_en", "Text"),
                ("changes_fr", ""),
                ("changes_en", ""),
            ]),
            &office.officer,
        )
        .await;
    assert_eq!(
        problem(&long_notice, "body_fr"),
        Some(InputProblem::TooLong)
    );
    let wrong_incident = office
        .call(
            RecordIncident::PATH,
            &incident(&[
                ("occurred_on", "2999-01-01"),
                ("nature", ""),
                ("risk", "moderate"),
                ("people_count", "plenty"),
            ]),
            &office.officer,
        )
        .await;
    assert_eq!(
        problem(&wrong_incident, "occurred_on"),
        Some(InputProblem::InTheFuture)
    );
    assert_eq!(
        problem(&wrong_incident, "nature"),
        Some(InputProblem::Required)
    );
    assert_eq!(
        problem(&wrong_incident, "risk"),
        Some(InputProblem::InvalidChoice)
    );
    assert_eq!(
        problem(&wrong_incident, "people_count"),
        Some(InputProblem::OutOfRange)
    );
    // An empty form, as a browser sends it: the risk's radio group, with
    // nothing chosen, is not in it at all.
    let empty = office
        .call(
            RecordIncident::PATH,
            "occurred_on=&discovered_on=&nature=&information_concerned=&people_concerned=\
             &people_count=&risk_reasoning=&measures=&commission_notified_on=&people_notified_on=",
            &office.officer,
        )
        .await;
    assert_eq!(problem(&empty, "nature"), Some(InputProblem::Required));
    assert!(problem(&empty, "risk").is_some());
    let early = office
        .call(
            RecordIncident::PATH,
            &incident(&[("people_notified_on", "2026-11-01")]),
            &office.officer,
        )
        .await;
    assert_eq!(
        problem(&early, "people_notified_on"),
        Some(InputProblem::BeforeOccurrence)
    );
    let person = office
        .call(
            SavePersonInCharge::PATH,
            &form(&[
                ("name", "Claire"),
                ("title_fr", ""),
                ("title_en", "Officer"),
                ("email", "not an address"),
                ("phone", "call me"),
            ]),
            &office.officer,
        )
        .await;
    assert_eq!(problem(&person, "title_fr"), Some(InputProblem::Required));
    assert_eq!(problem(&person, "email"), Some(InputProblem::InvalidEmail));
    assert_eq!(problem(&person, "phone"), Some(InputProblem::InvalidPhone));
    assert_eq!(office.app.fingerprint().await, before);

    // Without the script, the page comes back with what was typed and the
    // problem said next to its field.
    let refused = office
        .app
        .plain_post_from(
            "/coordinator/privacy/incidents",
            RecordIncident::PATH,
            &office.officer,
            incident(&[
                ("nature", "Typed before the refusal"),
                ("risk_reasoning", ""),
            ]),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FOUND, "{}", refused.body);
    let echo = crate::common::cookie_set(&refused, "mentorat_form").expect("what was typed");
    let back = refused
        .headers
        .get("location")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .trim_start_matches("http://127.0.0.1:3000")
        .to_owned();
    assert!(back.starts_with("/coordinator/privacy/incidents"), "{back}");
    let page = office
        .app
        .get_with_cookie(&back, &format!("{}; {echo}", office.officer))
        .await;
    page.assert_status(StatusCode::OK);
    assert!(
        page.body.contains("Typed before the refusal"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Ce champ est obligatoire."));
    assert_eq!(office.app.fingerprint().await, before);
}

#[tokio::test]
async fn the_demo_coordinator_is_the_privacy_officer_and_the_page_names_a_person() {
    let app = TestApp::new().await;
    server::demo::load_demo_data(&app.pool)
        .await
        .expect("the demo loads");
    let officers: Vec<String> =
        sqlx::query_scalar("SELECT email FROM accounts WHERE is_privacy_officer = 1")
            .fetch_all(&app.pool)
            .await
            .expect("the officers");
    assert_eq!(officers, ["coordination@demo.mentorat.example"]);
    let page = app.get("/privacy").await;
    assert!(page.body.contains("Claire Gagnon"), "{}", page.body);
    assert!(page
        .body
        .contains("mailto:vie.privee@demo.mentorat.example"));
}
