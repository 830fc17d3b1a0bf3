//! Feedback from the mentor, acknowledged by the mentee, and the fit check:
//! each person reads their own answer, the coordinator both.
use super::*;

#[tokio::test]
async fn feedback_goes_from_mentor_to_mentee_who_acknowledges_and_both_answer_the_fit_check() {
    let pair = Pair::new().await;
    let goal_id = pair.agreed_goal("Find an internship").await;
    let give = |cookie: &str| {
        let pair = &pair;
        let cookie = cookie.to_owned();
        async move {
            pair.call(
                &cookie,
                GiveFeedback::PATH,
                &[
                    ("pair_id", &pair.id.to_string()),
                    ("meeting_id", ""),
                    ("goal_id", &goal_id.to_string()),
                    ("goal_progress", "40"),
                    ("strengths", "Clear goals"),
                    ("to_improve", "Projects first in the CV"),
                    ("observations", "Eight courses listed, one project"),
                    ("next_step", "Rewrite the projects section"),
                ],
            )
            .await
        }
    };
    assert_eq!(give(&pair.mentee).await.status, StatusCode::FORBIDDEN);
    let given = give(&pair.mentor).await;
    given.assert_status(StatusCode::OK);
    let feedback: i64 = given.body.trim().parse().expect("the feedback's id");
    let told = pair.outbox("feedback_received").await;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].0, "emily@pair.example");
    assert!(told[0].2.contains("feedback"), "{:?}", told[0]);
    // The progress update reaches the goal.
    let seen = pair.workspace(&pair.mentee).await;
    assert_eq!(goal(&seen, goal_id).progress, 40);
    assert!(!seen.feedback[0].acknowledged);

    let by_mentor = pair
        .call(
            &pair.mentor,
            AcknowledgeFeedback::PATH,
            &[("id", &feedback.to_string())],
        )
        .await;
    by_mentor.assert_status(StatusCode::FORBIDDEN);
    let acknowledged = pair
        .call(
            &pair.mentee,
            AcknowledgeFeedback::PATH,
            &[("id", &feedback.to_string()), ("response", "Thanks, on it")],
        )
        .await;
    acknowledged.assert_status(StatusCode::OK);
    let seen = pair.workspace(&pair.mentor).await;
    assert!(seen.feedback[0].acknowledged);
    assert_eq!(seen.feedback[0].response.as_deref(), Some("Thanks, on it"));

    // The fit check waits for a first meeting held.
    let answer = |cookie: &str| {
        let pair = &pair;
        let cookie = cookie.to_owned();
        async move {
            pair.call(
                &cookie,
                AnswerFitCheck::PATH,
                &[("pair_id", &pair.id.to_string()), ("answer", "good_fit")],
            )
            .await
        }
    };
    assert!(answer(&pair.mentee).await.body.contains("NotYet"));
    sqlx::query(
        "INSERT INTO meetings (pair_id, starts_at, duration_minutes, modality, agreement, \
         agreement_side, status, created_at, updated_at) VALUES (?, '2026-01-05T19:00:00Z', 60, \
         'video', 'agreed', 'mentor', 'held', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    .bind(pair.id)
    .execute(&pair.app.pool)
    .await
    .expect("a meeting was held");
    assert_eq!(answer(&pair.mentee).await.status, StatusCode::OK);
    let overview = pair
        .call(
            &pair.coordinator,
            GetPairOverview::PATH,
            &[("pair_id", &pair.id.to_string())],
        )
        .await;
    let overview: PairOverview = overview.json();
    assert_eq!(
        overview.fit_check.mentee,
        Some(FitResponse {
            answer: FitAnswer::GoodFit,
            comment: None
        })
    );
    assert_eq!(overview.fit_check.mentor, None);
}

#[tokio::test]
async fn each_person_reads_only_their_own_fit_check_and_the_coordinator_reads_both() {
    let pair = Pair::new().await;
    sqlx::query(
        "INSERT INTO meetings (pair_id, starts_at, duration_minutes, modality, agreement, \
         agreement_side, status, created_at, updated_at) VALUES (?, '2026-01-05T19:00:00Z', 60, \
         'video', 'agreed', 'mentor', 'held', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    .bind(pair.id)
    .execute(&pair.app.pool)
    .await
    .expect("a meeting was held");
    let mentee_comment = "He cancels our calls at the last minute";
    let mentor_comment = "Elle semble peu disponible cet hiver";
    for (cookie, answer, comment) in [
        (&pair.mentee, "not_a_fit", mentee_comment),
        (&pair.mentor, "good_fit", mentor_comment),
    ] {
        let answered = pair
            .call(
                cookie,
                AnswerFitCheck::PATH,
                &[
                    ("pair_id", &pair.id.to_string()),
                    ("answer", answer),
                    ("comment", comment),
                ],
            )
            .await;
        answered.assert_status(StatusCode::OK);
    }

    // Neither person's workspace holds the other's answer or comment.
    for (reader, partner_answer, partner_comment) in [
        (&pair.mentee, "GoodFit", mentor_comment),
        (&pair.mentor, "NotAFit", mentee_comment),
    ] {
        let one = pair
            .call(
                reader,
                GetWorkspace::PATH,
                &[("pair_id", &pair.id.to_string())],
            )
            .await;
        let all = pair.call(reader, GetMyWorkspaces::PATH, &[]).await;
        for body in [&one.body, &all.body] {
            assert!(body.contains("\"fit_check\""), "{body}");
            assert!(
                !body.contains(partner_answer) && !body.contains(partner_comment),
                "the partner's fit check reached the reader: {body}"
            );
        }
    }
    // Each person's workspace holds their own answer and comment.
    for (reader, answer, comment) in [
        (&pair.mentee, FitAnswer::NotAFit, mentee_comment),
        (&pair.mentor, FitAnswer::GoodFit, mentor_comment),
    ] {
        let seen = pair.workspace(reader).await;
        assert_eq!(
            seen.fit_check,
            MyFitCheck {
                due: true,
                mine: Some(FitResponse {
                    answer,
                    comment: Some(comment.to_owned())
                })
            }
        );
    }
    // Each one's page shows their own comment (in the form, to change it) and
    // nothing of the partner's fit check; the page carries no data beside its
    // HTML (islands: the workspace is not sent to the browser as data).
    let page = format!("/pairs/{}?section=feedback", pair.id);
    for (reader, own_comment, partner_answer, partner_comment) in [
        (&pair.mentee, mentee_comment, "GoodFit", mentor_comment),
        (&pair.mentor, mentor_comment, "NotAFit", mentee_comment),
    ] {
        let html = pair.app.get_with_cookie(&page, reader).await;
        html.assert_status(StatusCode::OK);
        assert!(html.body.contains(own_comment), "{}", html.body);
        assert!(
            !html.body.contains(partner_answer) && !html.body.contains(partner_comment),
            "{page} holds the partner's fit check"
        );
        assert!(
            !html.body.contains("\"fit_check\""),
            "{page} sends the workspace as data"
        );
    }

    // The coordinator reads both answers and both comments.
    let overview = pair
        .call(
            &pair.coordinator,
            GetPairOverview::PATH,
            &[("pair_id", &pair.id.to_string())],
        )
        .await;
    overview.assert_status(StatusCode::OK);
    let overview: PairOverview = overview.json();
    let response = |answer, comment: &str| {
        Some(FitResponse {
            answer,
            comment: Some(comment.to_owned()),
        })
    };
    assert_eq!(
        overview.fit_check.mentee,
        response(FitAnswer::NotAFit, mentee_comment)
    );
    assert_eq!(
        overview.fit_check.mentor,
        response(FitAnswer::GoodFit, mentor_comment)
    );
    let page = pair
        .app
        .get_with_cookie(
            &format!("/coordinator/pairs/{}", pair.id),
            &pair.coordinator,
        )
        .await;
    assert!(
        page.body.contains(mentee_comment) && page.body.contains(mentor_comment),
        "{}",
        page.body
    );
}
