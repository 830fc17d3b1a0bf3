//! Goals set jointly: counted once the other side agrees, never silently
//! overwritten, with milestones, progress and the mentor's assessment; a form
//! refused whole; strangers refused, and an ended pair read-only.
use super::*;

#[tokio::test]
async fn a_goal_counts_once_the_other_side_agrees_and_is_never_silently_overwritten() {
    let pair = Pair::new().await;
    let id = pair.propose_goal(&pair.mentee, "Find an internship").await;
    // The mentor is asked, in French.
    let asked = pair.outbox("agreement_requested").await;
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].0, "marc@pair.example");
    assert_eq!(asked[0].1, "fr");
    assert!(asked[0].2.contains("objectif"), "{:?}", asked[0]);

    let seen = pair.workspace(&pair.mentor).await;
    assert_eq!(
        goal(&seen, id).agreement,
        Agreement::Proposed { side: Side::Mentee }
    );
    assert_eq!(goal(&seen, id).progress_source, ProgressSource::NotCounted);
    assert_eq!(goal(&seen, id).milestones.len(), 2);

    // Nobody agrees to their own proposal.
    let own = pair
        .call(
            &pair.mentee,
            AgreeGoal::PATH,
            &[("id", &id.to_string()), ("version", "1")],
        )
        .await;
    own.assert_status(StatusCode::CONFLICT);
    assert!(error_of(&own).contains("OwnProposal"), "{}", own.body);

    // The mentor asks for a change; the mentee revises; two edits on the same
    // version: the second is refused, not applied.
    let ask = pair
        .call(
            &pair.mentor,
            RequestGoalChange::PATH,
            &[
                ("id", &id.to_string()),
                ("version", "1"),
                ("comment", "Say which field"),
            ],
        )
        .await;
    ask.assert_status(StatusCode::OK);
    let revise = |title: &'static str| {
        let pair = &pair;
        async move {
            pair.call(
                &pair.mentee,
                ReviseGoal::PATH,
                &[
                    ("id", &id.to_string()),
                    ("version", "2"),
                    ("title", title),
                    ("description", ""),
                    ("success_criterion", "An offer accepted"),
                    ("target_date", ""),
                ],
            )
            .await
        }
    };
    assert_eq!(
        revise("Find a data internship").await.status,
        StatusCode::OK
    );
    let late = revise("Find any internship").await;
    late.assert_status(StatusCode::CONFLICT);
    assert!(error_of(&late).contains("StaleVersion"), "{}", late.body);
    let seen = pair.workspace(&pair.mentor).await;
    assert_eq!(goal(&seen, id).title, "Find a data internship");
    assert_eq!(goal(&seen, id).version, 3);

    // Milestones cannot be ticked before agreement; then they make progress.
    let milestone = goal(&seen, id).milestones[0].id;
    let early = pair
        .call(
            &pair.mentee,
            TickMilestone::PATH,
            &[
                ("id", &milestone.to_string()),
                ("version", "3"),
                ("state", "done"),
            ],
        )
        .await;
    assert!(error_of(&early).contains("NotAgreed"), "{}", early.body);
    let agree = pair
        .call(
            &pair.mentor,
            AgreeGoal::PATH,
            &[("id", &id.to_string()), ("version", "3")],
        )
        .await;
    agree.assert_status(StatusCode::OK);
    let tick = pair
        .call(
            &pair.mentee,
            TickMilestone::PATH,
            &[
                ("id", &milestone.to_string()),
                ("version", "4"),
                ("state", "done"),
            ],
        )
        .await;
    tick.assert_status(StatusCode::OK);
    let seen = pair.workspace(&pair.mentee).await;
    assert_eq!(goal(&seen, id).progress, 50);
    assert_eq!(goal(&seen, id).progress_source, ProgressSource::Milestones);
    let kinds: Vec<GoalEventKind> = goal(&seen, id)
        .history
        .iter()
        .map(|event| event.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            GoalEventKind::MilestoneDone,
            GoalEventKind::Agreed,
            GoalEventKind::Revised,
            GoalEventKind::ChangesRequested,
            GoalEventKind::Proposed
        ]
    );

    // Only the mentor assesses; the assessment then sets the progress.
    let by_mentee = pair
        .call(
            &pair.mentee,
            AssessGoal::PATH,
            &[
                ("id", &id.to_string()),
                ("version", "5"),
                ("progress", "90"),
                ("comment", "Me"),
            ],
        )
        .await;
    by_mentee.assert_status(StatusCode::FORBIDDEN);
    let assessed = pair
        .call(
            &pair.mentor,
            AssessGoal::PATH,
            &[
                ("id", &id.to_string()),
                ("version", "5"),
                ("progress", "70"),
                ("comment", "Good pace"),
            ],
        )
        .await;
    assessed.assert_status(StatusCode::OK);
    let seen = pair.workspace(&pair.mentee).await;
    assert_eq!(goal(&seen, id).progress, 70);
    assert_eq!(
        goal(&seen, id).assessment_comment.as_deref(),
        Some("Good pace")
    );
}

#[tokio::test]
async fn a_goal_form_with_problems_is_refused_whole() {
    let pair = Pair::new().await;
    let refused = pair
        .call(
            &pair.mentee,
            ProposeGoal::PATH,
            &[
                ("pair_id", &pair.id.to_string()),
                ("title", "  "),
                ("description", ""),
                ("success_criterion", ""),
                ("target_date", "2027-02-30"),
                ("milestones", ""),
            ],
        )
        .await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    for field in ["title", "success_criterion", "target_date"] {
        assert!(refused.body.contains(field), "{field}: {}", refused.body);
    }
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM goals")
        .fetch_one(&pair.app.pool)
        .await
        .expect("goals are countable");
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn strangers_are_refused_and_an_ended_pair_is_read_only() {
    let pair = Pair::new().await;
    let goal_id = pair.propose_goal(&pair.mentee, "Find an internship").await;
    for path in [GetWorkspace::PATH] {
        let refused = pair
            .call(&pair.stranger, path, &[("pair_id", &pair.id.to_string())])
            .await;
        refused.assert_status(StatusCode::FORBIDDEN);
    }
    let by_stranger = pair
        .call(
            &pair.stranger,
            AgreeGoal::PATH,
            &[("id", &goal_id.to_string()), ("version", "1")],
        )
        .await;
    by_stranger.assert_status(StatusCode::FORBIDDEN);
    let anonymous = pair
        .app
        .call(
            GetWorkspace::PATH,
            &form(&[("pair_id", &pair.id.to_string())]),
            None,
        )
        .await;
    anonymous.assert_status(StatusCode::UNAUTHORIZED);

    sqlx::query("UPDATE pairs SET status = 'ended' WHERE id = ?")
        .bind(pair.id)
        .execute(&pair.app.pool)
        .await
        .expect("the pair ends");
    let after_end = pair
        .call(
            &pair.mentor,
            AgreeGoal::PATH,
            &[("id", &goal_id.to_string()), ("version", "1")],
        )
        .await;
    after_end.assert_status(StatusCode::CONFLICT);
    // Its history can still be read by its two people.
    let seen = pair.workspace(&pair.mentee).await;
    assert_eq!(goal(&seen, goal_id).title, "Find an internship");
}
