//! The pairs table (search, filters, pages) and a participant's page.
use super::*;

#[tokio::test]
async fn the_pairs_table_searches_filters_and_pages() {
    let demo = Demo::new().await;
    let all: PairsTable = demo
        .get(
            ListCohortPairs::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("q", ""),
                ("status", ""),
                ("page", "1"),
            ],
        )
        .await;
    assert_eq!(all.total, 8);
    assert_eq!(all.rows[0].status, app::pairs::PairStatus::Proposed);
    assert_eq!(all.rows[0].waiting_on.len(), 2);
    let ended: PairsTable = demo
        .get(
            ListCohortPairs::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("q", ""),
                ("status", "ended"),
                ("page", "1"),
            ],
        )
        .await;
    assert_eq!(ended.total, 1);
    let amina: PairsTable = demo
        .get(
            ListCohortPairs::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("q", "amina"),
                ("status", ""),
                ("page", "1"),
            ],
        )
        .await;
    assert_eq!(amina.total, 1);
    assert_eq!(amina.rows[0].meetings_held, 2);
    assert_eq!(
        amina.rows[0].fit_mentee,
        Some(app::feedback::FitAnswer::GoodFit)
    );
    assert!(amina.rows[0].progress.is_some());
    let bad = demo
        .app
        .call(
            ListCohortPairs::PATH,
            &form(&[("cohort", "hiver-2025"), ("status", "lost")]),
            Some(&demo.coordinator),
        )
        .await;
    bad.assert_status(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_participant_s_page_shows_the_profile_and_pairs_without_feedback_text_and_is_audited() {
    let demo = Demo::new().await;
    let marc: i64 = sqlx::query_scalar(
        "SELECT p.id FROM profiles p JOIN accounts a ON a.id = p.account_id WHERE a.email = ?",
    )
    .bind(MENTOR.0)
    .fetch_one(&demo.app.pool)
    .await
    .expect("Marc's profile");
    let response = demo
        .app
        .call(
            GetParticipant::PATH,
            &form(&[("profile_id", &marc.to_string())]),
            Some(&demo.coordinator),
        )
        .await;
    response.assert_status(StatusCode::OK);
    let page: ParticipantView = response.json();
    assert_eq!(page.profile.display_name, "Marc Tremblay");
    assert_eq!(page.pairs.len(), 2);
    assert!(page.profile.mentor.is_some());
    // Amina's overdue milestone waits in one of his pairs.
    assert!(page
        .waiting
        .iter()
        .any(|row| row.item.detail.kind() == "milestone"));
    // Feedback words and private notes never come here.
    for secret in [
        "mets en avant",
        "Mettre en avant tes projets",
        "Très motivée",
    ] {
        assert!(!response.body.contains(secret), "{secret}");
    }
    let logged: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM personal_data_reads \
         WHERE what = 'participant_page' AND purpose = 'follow_up'",
    )
    .fetch_one(&demo.app.pool)
    .await
    .expect("count");
    assert_eq!(logged, 1, "the reading is in the log of reads");
    let mentor = demo.app.sign_in(MENTOR.0, MENTOR.1).await;
    let refused = demo
        .app
        .call(
            GetParticipant::PATH,
            &form(&[("profile_id", &marc.to_string())]),
            Some(&mentor),
        )
        .await;
    refused.assert_status(StatusCode::FORBIDDEN);
}
