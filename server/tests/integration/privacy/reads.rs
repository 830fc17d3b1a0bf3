//! The log of reads: each opening of a person's data by the coordination is
//! logged with who, what and why; the person sees the reads about them; the
//! privacy officer alone sees them all.
use super::*;
use app::access_log::{PersonalDataRead, ReadPurpose, ReadWhat};
use app::applications::api::GetApplication;
use app::my_data::api::{GetMyPrivacy, GetPersonalDataReads};
use app::my_data::MyPrivacy;
use app::reports::pair_follow_up::GetPairFollowUp;
use app::reports::participant::GetParticipant;
use axum::http::StatusCode;

#[tokio::test]
async fn each_read_is_logged_shown_to_its_person_and_to_the_privacy_officer_alone() {
    let people = TwoPeople::new().await;
    let app = &people.app;
    let coordinator = &people.coordinator;
    let application = app
        .submit_application("candidate@privacy.example", true)
        .await;
    for (path, body) in [
        (
            path::<GetParticipant>(),
            form(&[("profile_id", &people.ana.profile.to_string())]),
        ),
        (
            path::<GetPairFollowUp>(),
            form(&[("pair_id", &people.ana.pair.to_string())]),
        ),
        (
            path::<GetApplication>(),
            form(&[("id", &application.id.to_string())]),
        ),
    ] {
        app.call(path, &body, Some(coordinator))
            .await
            .assert_status(StatusCode::OK);
    }
    app.get_with_cookie("/coordinator/exports/hiver-2025/pairs.csv", coordinator)
        .await
        .assert_status(StatusCode::OK);

    // Ana: her page, her pair, the export; each with its reader and its reason.
    let ana: MyPrivacy = people
        .call(path::<GetMyPrivacy>(), "", &people.ana.cookie)
        .await;
    let mut seen: Vec<(ReadWhat, ReadPurpose)> = ana
        .reads
        .iter()
        .map(|read| (read.what, read.purpose))
        .collect();
    seen.sort_by_key(|(what, _)| what.as_str());
    assert_eq!(
        seen,
        vec![
            (ReadWhat::Export, ReadPurpose::Reporting),
            (ReadWhat::PairOverview, ReadPurpose::FollowUp),
            (ReadWhat::ParticipantPage, ReadPurpose::FollowUp),
        ]
    );
    assert!(ana
        .reads
        .iter()
        .all(|read| read.reader == "Person claire@privacy.example"
            && read.subject == people.ana.name));
    let export = ana
        .reads
        .iter()
        .find(|read| read.what == ReadWhat::Export)
        .expect("the export");
    assert_eq!(export.detail, "hiver-2025/pairs");
    // Béa: only the export named her.
    let bea: MyPrivacy = people
        .call(path::<GetMyPrivacy>(), "", &people.bea.cookie)
        .await;
    assert_eq!(bea.reads.len(), 1);
    assert_eq!(bea.reads[0].what, ReadWhat::Export);
    // Marc: his pair was opened with Ana's.
    let marc: MyPrivacy = people
        .call(path::<GetMyPrivacy>(), "", &people.marc.cookie)
        .await;
    assert!(marc
        .reads
        .iter()
        .any(|read| read.what == ReadWhat::PairOverview));

    // The privacy officer reads them all, narrowed.
    let (ana_reads, more): (Vec<PersonalDataRead>, bool) = people
        .call(
            path::<GetPersonalDataReads>(),
            &reads_filter("Arsenault", ""),
            coordinator,
        )
        .await;
    assert_eq!(ana_reads.len(), 3);
    assert!(!more);
    let (applications, _): (Vec<PersonalDataRead>, bool) = people
        .call(
            path::<GetPersonalDataReads>(),
            &reads_filter("", "application"),
            coordinator,
        )
        .await;
    assert_eq!(applications.len(), 1);
    assert_eq!(applications[0].purpose, ReadPurpose::Screening);
    let (all, _): (Vec<PersonalDataRead>, bool) = people
        .call(
            path::<GetPersonalDataReads>(),
            &reads_filter("", ""),
            coordinator,
        )
        .await;
    assert_eq!(
        all.len(),
        3 + 1 + 1 + 3,
        "Ana's page, pair and export; Marc's pair; the applicant; the export of Marc, Béa, Paul"
    );
    let bad_day = app
        .call(
            path::<GetPersonalDataReads>(),
            &form(&[
                ("reader", ""),
                ("subject", ""),
                ("what", ""),
                ("from", "yesterday"),
                ("to", ""),
            ]),
            Some(coordinator),
        )
        .await;
    bad_day.assert_status(StatusCode::BAD_REQUEST);

    // Another coordinator, without the charge, and a mentor are refused.
    app.create_account(Role::Coordinator, "denis@privacy.example", PASSWORD)
        .await;
    let denis = app.sign_in("denis@privacy.example", PASSWORD).await;
    for cookie in [&denis, &people.marc.cookie] {
        app.call(
            path::<GetPersonalDataReads>(),
            &reads_filter("", ""),
            Some(cookie),
        )
        .await
        .assert_status(StatusCode::FORBIDDEN);
    }
    // The pages say the same.
    let page = app
        .get_with_cookie("/account/privacy", &people.ana.cookie)
        .await;
    page.assert_status(StatusCode::OK);
    for shown in [
        "Vos consentements",
        "Participer au programme de mentorat",
        "Qui a consulté vos renseignements",
        "Votre fiche de participant·e",
        "Reddition de comptes",
        "Person claire@privacy.example",
        "Télécharger mes données (ZIP)",
    ] {
        assert!(page.body.contains(shown), "her page shows {shown}");
    }
    let log = app
        .get_with_cookie("/coordinator/privacy/reads?subject=Arsenault", coordinator)
        .await;
    log.assert_status(StatusCode::OK);
    assert!(log.body.contains("Ana Arsenault"));
    assert!(!log.body.contains("Béa Bouchard"));
    let refused = app
        .get_with_cookie("/coordinator/privacy/reads", &denis)
        .await;
    assert!(!refused.body.contains("Ana Arsenault"));

    // Reading one's own data is not someone else's read.
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM personal_data_reads")
        .fetch_one(&app.pool)
        .await
        .expect("a count");
    people
        .call::<MyPrivacy>(path::<GetMyPrivacy>(), "", &people.ana.cookie)
        .await;
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM personal_data_reads")
        .fetch_one(&app.pool)
        .await
        .expect("a count");
    assert_eq!(before, after);
}
