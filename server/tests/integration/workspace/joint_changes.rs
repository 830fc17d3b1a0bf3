//! Changes to an agreed goal are set jointly (achieved, dropped, reopened, a
//! new milestone), and every joint rule is decided on the row as it stands
//! inside the writing transaction: two requests sent at once cannot let a
//! person agree to their own rewrite.
use super::*;
use app::goals::changes::{ChangeKind, PendingChange};

impl Pair {
    /// The goal `id` as `cookie`'s holder reads it in the workspace.
    async fn goal_as(&self, cookie: &str, id: i64) -> Goal {
        goal(&self.workspace(cookie).await, id).clone()
    }

    async fn version_of(&self, id: i64) -> String {
        self.goal_as(&self.mentor, id).await.version.to_string()
    }

    async fn answer_change(&self, cookie: &str, id: i64, answer: &str) -> TestResponse {
        let version = self.version_of(id).await;
        self.call(
            cookie,
            AnswerGoalChange::PATH,
            &[
                ("id", &id.to_string()),
                ("version", &version),
                ("answer", answer),
            ],
        )
        .await
    }
}

#[tokio::test]
async fn marking_a_goal_achieved_waits_for_the_other_person() {
    let pair = Pair::new().await;
    let id = pair.agreed_goal("Find an internship").await;
    let version = pair.version_of(id).await;
    let proposed = pair
        .call(
            &pair.mentee,
            ProposeGoalStatus::PATH,
            &[
                ("id", &id.to_string()),
                ("version", &version),
                ("status", "achieved"),
            ],
        )
        .await;
    proposed.assert_status(StatusCode::OK);
    // Nothing changed yet: both read the proposal, the mentor is emailed.
    let seen_by_mentor = pair.goal_as(&pair.mentor, id).await;
    assert_eq!(seen_by_mentor.status, GoalStatus::InProgress);
    let pending = seen_by_mentor.pending.as_ref().expect("a change waits");
    assert_eq!(pending.side, Side::Mentee);
    assert_eq!(
        pending.kind,
        ChangeKind::Status(GoalStatus::Achieved),
        "{seen_by_mentor:?}"
    );
    let asked = pair.outbox("agreement_requested").await;
    assert!(
        asked
            .iter()
            .any(|(to, _, subject)| to == "marc@pair.example" && subject.contains("changement")),
        "{asked:?}"
    );
    // The proposer cannot agree to it, nor propose a second change meanwhile.
    let own = pair.answer_change(&pair.mentee, id, "agree").await;
    own.assert_status(StatusCode::CONFLICT);
    let version = pair.version_of(id).await;
    let second = pair
        .call(
            &pair.mentor,
            ProposeGoalStatus::PATH,
            &[
                ("id", &id.to_string()),
                ("version", &version),
                ("status", "dropped"),
            ],
        )
        .await;
    second.assert_status(StatusCode::CONFLICT);
    assert_eq!(
        pair.goal_as(&pair.mentor, id).await.status,
        GoalStatus::InProgress
    );
    // The mentor agrees: it is achieved, and the history says who did what.
    let agreed = pair.answer_change(&pair.mentor, id, "agree").await;
    agreed.assert_status(StatusCode::OK);
    let after = pair.goal_as(&pair.mentee, id).await;
    assert_eq!(after.status, GoalStatus::Achieved);
    assert_eq!(after.pending, None);
    let kinds: Vec<GoalEventKind> = after.history.iter().map(|event| event.kind).collect();
    assert_eq!(
        &kinds[..2],
        [GoalEventKind::Achieved, GoalEventKind::AchieveProposed],
        "{kinds:?}"
    );
    // The coordinator and a stranger cannot answer a change.
    for cookie in [&pair.coordinator, &pair.stranger] {
        let refused = pair.answer_change(cookie, id, "agree").await;
        refused.assert_status(StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn a_milestone_added_to_an_agreed_goal_is_a_proposal_that_can_be_declined_or_withdrawn() {
    let pair = Pair::new().await;
    let id = pair.agreed_goal("Find an internship").await;
    let milestones = |goal: &Goal| -> Vec<String> {
        goal.milestones
            .iter()
            .map(|milestone| milestone.title.clone())
            .collect()
    };
    let pair = &pair;
    let add = |title: &'static str| async move {
        let version = pair.version_of(id).await;
        let response = pair
            .call(
                &pair.mentor,
                AddMilestone::PATH,
                &[
                    ("goal_id", &id.to_string()),
                    ("version", &version),
                    ("title", title),
                    ("due_date", "2027-01-15"),
                ],
            )
            .await;
        response.assert_status(StatusCode::OK);
    };
    add("Mock interview").await;
    let waiting = pair.goal_as(&pair.mentee, id).await;
    assert!(!milestones(&waiting).contains(&"Mock interview".to_owned()));
    assert!(
        matches!(
            &waiting.pending,
            Some(PendingChange {
                kind: ChangeKind::Milestone { title, .. },
                ..
            }) if title == "Mock interview"
        ),
        "{:?}",
        waiting.pending
    );
    // Declined by the mentee: never added.
    let declined = pair.answer_change(&pair.mentee, id, "decline").await;
    declined.assert_status(StatusCode::OK);
    let after = pair.goal_as(&pair.mentee, id).await;
    assert_eq!(after.pending, None);
    assert!(!milestones(&after).contains(&"Mock interview".to_owned()));
    // Withdrawn by the mentor; the mentee cannot withdraw the mentor's.
    add("Networking event").await;
    let not_hers = pair.answer_change(&pair.mentee, id, "withdraw").await;
    not_hers.assert_status(StatusCode::CONFLICT);
    let withdrawn = pair.answer_change(&pair.mentor, id, "withdraw").await;
    withdrawn.assert_status(StatusCode::OK);
    // Agreed: added, with its due date.
    add("Mock interview").await;
    let agreed = pair.answer_change(&pair.mentee, id, "agree").await;
    agreed.assert_status(StatusCode::OK);
    let after = pair.goal_as(&pair.mentor, id).await;
    assert_eq!(
        milestones(&after).last().map(String::as_str),
        Some("Mock interview")
    );
    assert_eq!(
        after.milestones.last().and_then(|m| m.due_date.as_deref()),
        Some("2027-01-15")
    );
}

/// The race the rule is decided inside the transaction for: the mentee sends
/// a rewrite of the mentor's proposal (on version v) and, at once, an
/// "agree" naming v + 1 — the version her rewrite creates. Deciding on a row
/// read before the transaction, the "agree" could pass on the mentor's
/// proposal and then write over her own rewrite. Now at most one of the two
/// succeeds, and the goal is never agreed on her words alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rewrite_and_an_agree_sent_at_once_never_agree_ones_own_words() {
    let pair = Pair::new().await;
    for round in 0..25 {
        let id = pair.propose_goal(&pair.mentor, "Build a network").await;
        let id_text = id.to_string();
        let rewrite_fields = [
            ("id", id_text.as_str()),
            ("version", "1"),
            ("title", "My own words"),
            ("description", ""),
            ("success_criterion", "Ten coffees"),
            ("target_date", ""),
        ];
        let agree_fields = [("id", id_text.as_str()), ("version", "2")];
        let rewrite = pair.call(&pair.mentee, ReviseGoal::PATH, &rewrite_fields);
        let agree = pair.call(&pair.mentee, AgreeGoal::PATH, &agree_fields);
        let (rewrite, agree) = tokio::join!(rewrite, agree);
        assert!(
            !(rewrite.status == StatusCode::OK && agree.status == StatusCode::OK),
            "round {round}: both passed"
        );
        let stored = pair.goal_as(&pair.mentor, id).await;
        if stored.title == "My own words" {
            assert_eq!(
                stored.agreement,
                Agreement::Proposed { side: Side::Mentee },
                "round {round}: the mentee's own rewrite was agreed: {stored:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_answers_to_a_meeting_sent_at_once_apply_once() {
    let pair = Pair::new().await;
    for round in 0..10 {
        let planned = pair
            .call(
                &pair.mentor,
                PlanMeeting::PATH,
                &[
                    ("pair_id", &pair.id.to_string()),
                    ("date", "2099-01-05"),
                    ("time", "14:00"),
                    ("duration_minutes", "60"),
                    ("modality", "video"),
                    ("location", ""),
                    ("free_objectives", "Faire le point"),
                ],
            )
            .await;
        planned.assert_status(StatusCode::OK);
        let id = planned.body.trim().to_owned();
        // The mentee agrees and asks for a change at once: one answer only
        // is applied to one version.
        let agree_fields = [("id", id.as_str()), ("version", "1")];
        let ask_fields = [
            ("id", id.as_str()),
            ("version", "1"),
            ("comment", "Plus tard"),
        ];
        let agree = pair.call(&pair.mentee, AgreeMeeting::PATH, &agree_fields);
        let ask = pair.call(&pair.mentee, RequestMeetingChange::PATH, &ask_fields);
        let (agree, ask) = tokio::join!(agree, ask);
        let passed = [&agree, &ask]
            .iter()
            .filter(|response| response.status == StatusCode::OK)
            .count();
        assert_eq!(passed, 1, "round {round}: {} / {}", agree.body, ask.body);
    }
}
