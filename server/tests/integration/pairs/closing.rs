//! Concluding a cohort: the preview says what will change, the confirmation
//! names what was seen, active pairs are completed and proposals withdrawn,
//! and a concluded cohort no longer matches while its history stays readable.
use super::*;
use app::closing::api::{ConcludeCohort, GetClosingPreview};
use app::closing::ClosingPreview;

#[tokio::test]
async fn concluding_a_cohort_completes_its_pairs_after_a_preview_and_stops_its_matching() {
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let bruno = program.person(Role::Mentee, "bruno", "fr").await;
    let chloe = program.person(Role::Mentee, "chloe", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "fr").await;
    let nadia = program.person(Role::Mentor, "nadia", "fr").await;
    for mentor in [&marc, &nadia] {
        program.app.set_capacity(mentor.profile, 2).await;
    }
    program
        .propose(&amina, &marc)
        .await
        .assert_status(StatusCode::OK);
    let (active, _) = program.pair_of(&amina).await;
    for person in [&amina, &marc] {
        program.answer(person, active, "accepted", "").await;
    }
    program
        .propose(&bruno, &nadia)
        .await
        .assert_status(StatusCode::OK);
    let (proposed, _) = program.pair_of(&bruno).await;
    program
        .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
        .await
        .assert_status(StatusCode::OK);

    // Only the coordination previews and concludes.
    let code = [("code", "hiver-2025")];
    for person in [&amina, &marc] {
        let refused = program
            .app
            .call(GetClosingPreview::PATH, &form(&code), Some(&person.cookie))
            .await;
        refused.assert_status(StatusCode::FORBIDDEN);
    }

    let preview: ClosingPreview = program
        .as_coordinator(GetClosingPreview::PATH, &code)
        .await
        .json();
    let ids = |pairs: &[app::closing::OpenPair]| pairs.iter().map(|p| p.id).collect::<Vec<_>>();
    assert_eq!(ids(&preview.to_complete), [active]);
    assert_eq!(ids(&preview.to_withdraw), [proposed]);
    assert!(preview.has_draft);
    assert!(preview.cohort.concluded_on.is_none());

    // Something changed since the preview: refused, nothing changed.
    let stale = program
        .as_coordinator(
            ConcludeCohort::PATH,
            &[("code", "hiver-2025"), ("seen", "")],
        )
        .await;
    stale.assert_status(StatusCode::CONFLICT);
    assert_eq!(program.pair_of(&amina).await.1, "active");

    let concluded = program
        .as_coordinator(
            ConcludeCohort::PATH,
            &[("code", "hiver-2025"), ("seen", &preview.seen)],
        )
        .await;
    concluded.assert_status(StatusCode::OK);
    assert_eq!(concluded.json::<(u64, u64)>(), (1, 1));
    assert_eq!(program.pair_of(&amina).await.1, "completed");
    assert_eq!(program.pair_of(&bruno).await.1, "withdrawn");
    let (is_open, drafts): (bool, i64) = sqlx::query_as(
        "SELECT c.is_open, (SELECT COUNT(*) FROM matching_drafts d WHERE d.cohort_id = c.id) \
         FROM cohorts c WHERE code = 'hiver-2025'",
    )
    .fetch_one(&program.app.pool)
    .await
    .expect("the cohort");
    assert!(!is_open, "closed for good");
    assert_eq!(drafts, 0, "the draft is discarded");
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE event = 'cohort_concluded' \
         AND detail = 'hiver-2025: 1 completed, 1 withdrawn'",
    )
    .fetch_one(&program.app.pool)
    .await
    .expect("the audit log");
    assert_eq!(audited, 1);

    // A concluded cohort no longer matches, and cannot be concluded twice.
    let refusals = [
        program.propose(&chloe, &nadia).await,
        program
            .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
            .await,
        program.constrain(&chloe, &nadia, "locked").await,
        program
            .as_coordinator(
                ConcludeCohort::PATH,
                &[("code", "hiver-2025"), ("seen", "")],
            )
            .await,
    ];
    for refused in refusals {
        refused.assert_status(StatusCode::CONFLICT);
        assert!(refused.body.contains("CohortConcluded"), "{}", refused.body);
    }
    // Even a proposal that passed the board's check before the conclusion
    // (two tabs) is refused where it is written.
    let cohort_id: i64 = sqlx::query_scalar("SELECT id FROM cohorts WHERE code = 'hiver-2025'")
        .fetch_one(&program.app.pool)
        .await
        .expect("the cohort");
    let mut connection = program.app.pool.acquire().await.expect("a connection");
    let raced = app::pairs::repo::insert_proposal(
        &mut connection,
        cohort_id,
        chloe.profile,
        nadia.profile,
        80,
        1,
        "2026-11-30T12:00:00Z",
    )
    .await
    .expect("the statement runs");
    assert_eq!(raced, None, "no proposal lands in a concluded cohort");
    drop(connection);
    // Its mentees are not waiting to be matched any more.
    let dashboard: app::reports::ProgramDashboard = program
        .as_coordinator(
            app::reports::api::GetProgramDashboard::PATH,
            &[("cohort", "hiver-2025")],
        )
        .await
        .json();
    assert_eq!(dashboard.figures.mentees_waiting, 0);
    assert_eq!(dashboard.figures.pairs_completed, 1);
    assert!(
        dashboard.attention.is_empty(),
        "nothing to chase in a concluded cohort: {:?}",
        dashboard.attention
    );

    let reopened = program
        .as_coordinator(
            app::catalog::admin_api::SaveCohort::PATH,
            &[
                ("code", "hiver-2025"),
                ("name_fr", "Hiver 2025"),
                ("name_en", "Winter 2025"),
                ("starts_on", "2025-01-13"),
                ("ends_on", "2025-06-20"),
                ("is_open", "on"),
            ],
        )
        .await;
    reopened.assert_status(StatusCode::OK);
    let preview: ClosingPreview = program
        .as_coordinator(GetClosingPreview::PATH, &code)
        .await
        .json();
    assert!(!preview.cohort.is_open, "a concluded cohort stays closed");
    assert!(preview.cohort.concluded_on.is_some());

    // Its history stays readable: the mentee's workspace, the page saying so.
    let page = program
        .app
        .get_with_cookie(&format!("/pairs/{active}"), &amina.cookie)
        .await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Person marc@program.example"));
    let cohort_page = program
        .app
        .get_with_cookie(
            "/coordinator/cohorts/hiver-2025/conclude",
            &program.coordinator,
        )
        .await;
    assert!(
        cohort_page.body.contains("Cette cohorte a été conclue le"),
        "{}",
        cohort_page.body
    );
}

#[tokio::test]
async fn the_preview_page_lists_what_will_change_before_anything_does() {
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "fr").await;
    program.app.set_capacity(marc.profile, 1).await;
    program
        .propose(&amina, &marc)
        .await
        .assert_status(StatusCode::OK);
    let page = program
        .app
        .get_with_cookie(
            "/coordinator/cohorts/hiver-2025/conclude",
            &program.coordinator,
        )
        .await;
    page.assert_status(StatusCode::OK);
    assert!(page
        .body
        .contains("Propositions sans réponse qui seront retirées (1)"));
    assert!(page
        .body
        .contains("Person amina@program.example — Person marc@program.example"));
    assert!(page.body.contains("Aucun jumelage actif."));
    assert!(page.body.contains(r#"name="seen""#));
    assert!(page.body.contains("data-confirm"));
    assert_eq!(
        program.pair_of(&amina).await.1,
        "proposed",
        "a preview changes nothing"
    );

    // Confirmed without JavaScript: the page that comes back says what changed.
    let preview: ClosingPreview = program
        .as_coordinator(GetClosingPreview::PATH, &[("code", "hiver-2025")])
        .await
        .json();
    let page_path = "/coordinator/cohorts/hiver-2025/conclude";
    let accepted = program
        .app
        .plain_post_from(
            page_path,
            ConcludeCohort::PATH,
            &program.coordinator,
            form(&[("code", "hiver-2025"), ("seen", &preview.seen)]),
        )
        .await;
    assert_eq!(accepted.status, StatusCode::FOUND, "{}", accepted.body);
    let done = crate::common::cookie_set(&accepted, "mentorat_done")
        .expect("the success is kept for the next page");
    let after = program
        .app
        .get_with_cookie(page_path, &format!("{}; {done}", program.coordinator))
        .await;
    assert!(
        after
            .body
            .contains("Cohorte conclue. Jumelages menés à terme : 0 ; propositions retirées : 1."),
        "{}",
        after.body
    );
    assert_eq!(program.pair_of(&amina).await.1, "withdrawn");
}
