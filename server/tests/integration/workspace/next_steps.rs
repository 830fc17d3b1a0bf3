//! A next step written after a meeting becomes a milestone of a goal, once.
use app::goals::changes::{ChangeKind, PendingChange};
use app::meetings::api::{LogMeeting, NextStepToMilestone};
use app::workspace::Workspace;
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

use super::{goal, Pair};
use crate::common::TestResponse;

#[tokio::test]
async fn a_next_step_becomes_a_milestone_once_and_survives_a_new_log() {
    let pair = Pair::new().await;
    let goal_id = pair.agreed_goal("Find an internship").await;
    let meeting = pair
        .agreed_meeting("2099-01-06", &[("free_objectives", "Review the letter")])
        .await;
    sqlx::query("UPDATE meetings SET starts_at = '2026-01-05T19:00:00Z' WHERE id = ?")
        .bind(meeting)
        .execute(&pair.app.pool)
        .await
        .expect("the meeting moves to the past");
    let log = |version: &'static str, steps: &'static str| {
        let pair = &pair;
        async move {
            pair.call(
                &pair.mentor,
                LogMeeting::PATH,
                &[
                    ("id", &meeting.to_string()),
                    ("version", version),
                    ("outcome", "held"),
                    ("shared_notes", ""),
                    ("next_steps", steps),
                ],
            )
            .await
        }
    };
    let held = log("2", "Shorten the letter\nCall the career centre").await;
    held.assert_status(StatusCode::OK);

    let seen = pair.workspace(&pair.mentee).await;
    let step = |seen: &Workspace, index: usize| seen.meetings[0].next_steps[index].clone();
    let first = step(&seen, 0).id;
    let second = step(&seen, 1).id;
    let version = goal(&seen, goal_id).version;
    let convert = |cookie: &str, step: i64, goal: i64, version: i64| {
        let pair = &pair;
        let cookie = cookie.to_owned();
        async move {
            pair.call(
                &cookie,
                NextStepToMilestone::PATH,
                &[
                    ("step_id", &step.to_string()),
                    ("goal_id", &goal.to_string()),
                    ("goal_version", &version.to_string()),
                ],
            )
            .await
        }
    };
    let status = |response: TestResponse| response.status;

    // Only the pair's two people; only the pair's own goals.
    for cookie in [&pair.stranger, &pair.coordinator] {
        assert_eq!(
            status(convert(cookie, first, goal_id, version).await),
            StatusCode::FORBIDDEN
        );
    }
    let elsewhere = convert(&pair.mentee, first, 999_999, version).await;
    elsewhere.assert_status(StatusCode::BAD_REQUEST);
    assert!(
        elsewhere.body.contains("InvalidChoice"),
        "{}",
        elsewhere.body
    );

    // The mentee proposes the first step as a milestone of the agreed goal:
    // it waits for the mentor, like any milestone added to an agreed goal.
    let made = convert(&pair.mentee, first, goal_id, version).await;
    made.assert_status(StatusCode::OK);
    let seen = pair.workspace(&pair.mentor).await;
    let titles = |seen: &Workspace| -> Vec<String> {
        goal(seen, goal_id)
            .milestones
            .iter()
            .map(|m| m.title.clone())
            .collect()
    };
    assert_eq!(titles(&seen), ["Update the CV", "Write a cover letter"]);
    let pending = &goal(&seen, goal_id).pending;
    let Some(PendingChange {
        kind: ChangeKind::Milestone { title, .. },
        step_id,
        ..
    }) = pending
    else {
        panic!("a milestone is proposed: {pending:?}");
    };
    assert_eq!(title, "Shorten the letter");
    assert_eq!(*step_id, Some(first));
    assert_eq!(step(&seen, 0).milestone_id, None);
    // The mentor agrees: the milestone is added and the step linked to it.
    let pending_version = goal(&seen, goal_id).version.to_string();
    let agreed = pair
        .call(
            &pair.mentor,
            app::goals::api::AnswerGoalChange::PATH,
            &[
                ("id", &goal_id.to_string()),
                ("version", &pending_version),
                ("answer", "agree"),
            ],
        )
        .await;
    agreed.assert_status(StatusCode::OK);
    let seen = pair.workspace(&pair.mentor).await;
    assert_eq!(
        titles(&seen),
        [
            "Update the CV",
            "Write a cover letter",
            "Shorten the letter"
        ]
    );
    assert!(step(&seen, 0).milestone_id.is_some());
    assert_eq!(step(&seen, 1).milestone_id, None);
    let history = &goal(&seen, goal_id).history;
    assert!(
        history.iter().any(|event| event
            .detail
            .as_deref()
            .is_some_and(|detail| detail.contains("Shorten the letter"))),
        "{history:?}"
    );

    // Once only; and an edit made on an old version of the goal is refused.
    let again = goal(&seen, goal_id).version;
    let twice = convert(&pair.mentor, first, goal_id, again).await;
    twice.assert_status(StatusCode::CONFLICT);
    let stale = convert(&pair.mentor, second, goal_id, version).await;
    stale.assert_status(StatusCode::CONFLICT);
    assert!(stale.body.contains("StaleVersion"), "{}", stale.body);

    // Logging the meeting again keeps the step that became a milestone.
    let relogged = log("3", "Call the career centre").await;
    relogged.assert_status(StatusCode::OK);
    let seen = pair.workspace(&pair.mentee).await;
    let steps: Vec<&str> = seen.meetings[0]
        .next_steps
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(steps, ["Shorten the letter", "Call the career centre"]);
}
