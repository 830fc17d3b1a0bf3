//! Acting from the email: a meeting planned, feedback received and a nudge
//! carry a single-use, expiring link tied to one person, one action and one
//! version; opening it never acts, a click does, once; a stale, expired or
//! replayed link says why and changes nothing.
use super::*;
use app::email_links::api::{GetActionLink, UseActionLink};
use app::email_links::LinkSummary;
use app::outbox::action_links::LinkProblem;

impl Pair {
    /// The action link of the latest email of `kind`, as a path (`/act/…`).
    async fn action_link(&self, kind: &str) -> String {
        let url: String = sqlx::query_scalar(
            "SELECT action_url FROM outbox WHERE kind = ? ORDER BY id DESC LIMIT 1",
        )
        .bind(kind)
        .fetch_one(&self.app.pool)
        .await
        .expect("the email");
        let at = url.find("/act/").expect("an action link in the email");
        url[at..].to_owned()
    }

    async fn use_link(&self, path: &str) -> LinkSummary {
        let token = path.trim_start_matches("/act/");
        let response = self
            .app
            .call(UseActionLink::PATH, &form(&[("token", token)]), None)
            .await;
        response.assert_status(StatusCode::OK);
        response.json()
    }

    async fn plan_for(&self, date: &str) -> i64 {
        let planned = self
            .call(
                &self.mentor,
                PlanMeeting::PATH,
                &[
                    ("pair_id", &self.id.to_string()),
                    ("date", date),
                    ("time", "17:30"),
                    ("duration_minutes", "60"),
                    ("modality", "video"),
                    ("location", ""),
                    ("free_objectives", "Review the CV"),
                ],
            )
            .await;
        planned.assert_status(StatusCode::OK);
        planned.body.trim().parse().expect("id")
    }
}

#[tokio::test]
async fn the_mentee_agrees_to_a_meeting_from_the_email_once_without_signing_in() {
    let pair = Pair::new().await;
    let meeting = pair.plan_for("2099-12-03").await;
    let link = pair.action_link("meeting_planned").await;
    // Opening the link shows the question and one button, and acts on nothing.
    let page = pair.app.get(&link).await;
    page.assert_status(StatusCode::OK);
    assert!(
        page.body.contains("marc@pair.example"),
        "the partner is named"
    );
    assert!(
        page.body.contains("jeudi 3 décembre 2099 à 17 h 30"),
        "the meeting's time"
    );
    assert!(page.body.contains("J’accepte la rencontre"));
    let seen = pair.workspace(&pair.mentee).await;
    assert_eq!(
        seen.meetings[0].agreement,
        Agreement::Proposed { side: Side::Mentor }
    );
    // The click agrees, as the mentee, without a session.
    let done = pair.use_link(&link).await;
    assert!(done.done, "{done:?}");
    let seen = pair.workspace(&pair.mentee).await;
    assert_eq!(seen.meetings[0].id, meeting);
    assert_eq!(seen.meetings[0].agreement, Agreement::Agreed);
    // A replay changes nothing and says it was used.
    let again = pair.use_link(&link).await;
    assert!(!again.done);
    assert_eq!(again.problem, Some(LinkProblem::Used));
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE event = 'email_action_used'")
            .fetch_one(&pair.app.pool)
            .await
            .expect("count");
    assert_eq!(audited, 1);
    // The coordinator's outbox never shows the link.
    let outbox = pair
        .app
        .call(
            app::journals::outbox_api::ListOutbox::PATH,
            "",
            Some(&pair.coordinator),
        )
        .await;
    assert!(!outbox.body.contains("/act/"), "{}", outbox.body);
}

#[tokio::test]
async fn a_stale_expired_or_unknown_link_explains_and_changes_nothing() {
    let pair = Pair::new().await;
    let meeting = pair.plan_for("2099-12-03").await;
    let first = pair.action_link("meeting_planned").await;
    // The mentor changes the meeting: the first email's link is stale.
    let revised = pair
        .call(
            &pair.mentor,
            ReviseMeeting::PATH,
            &[
                ("id", &meeting.to_string()),
                ("version", "1"),
                ("date", "2099-12-04"),
                ("time", "17:30"),
                ("duration_minutes", "60"),
                ("modality", "video"),
                ("location", ""),
                ("free_objectives", "Review the CV"),
            ],
        )
        .await;
    revised.assert_status(StatusCode::OK);
    let stale = pair.use_link(&first).await;
    assert_eq!(stale.problem, Some(LinkProblem::Stale), "{stale:?}");
    let page = pair.app.get(&first).await;
    assert!(page.body.contains("ne correspond plus"));
    let seen = pair.workspace(&pair.mentee).await;
    assert_ne!(seen.meetings[0].agreement, Agreement::Agreed);
    // The new email's link works, until it expires.
    let second = pair.action_link("meeting_planned").await;
    assert_ne!(first, second);
    sqlx::query("UPDATE action_links SET expires_at = '2020-01-01T00:00:00Z'")
        .execute(&pair.app.pool)
        .await
        .expect("expire the links");
    let expired = pair.use_link(&second).await;
    assert_eq!(expired.problem, Some(LinkProblem::Expired), "{expired:?}");
    assert_ne!(
        pair.workspace(&pair.mentee).await.meetings[0].agreement,
        Agreement::Agreed
    );
    // An unknown token: gone.
    let unknown = pair
        .app
        .call(
            GetActionLink::PATH,
            &form(&[("token", "not-a-token")]),
            None,
        )
        .await;
    unknown.assert_status(StatusCode::GONE);
    assert_eq!(
        pair.app.get("/act/not-a-token").await.status,
        StatusCode::GONE
    );
}

#[tokio::test]
async fn feedback_is_acknowledged_and_a_meeting_confirmed_from_the_email() {
    let pair = Pair::new().await;
    let given = pair
        .call(
            &pair.mentor,
            GiveFeedback::PATH,
            &[
                ("pair_id", &pair.id.to_string()),
                ("meeting_id", ""),
                ("goal_id", ""),
                ("goal_progress", ""),
                ("strengths", "Clear goals"),
                ("to_improve", "Projects first in the CV"),
                ("observations", "Eight courses listed, one project"),
                ("next_step", "Rewrite the projects section"),
            ],
        )
        .await;
    given.assert_status(StatusCode::OK);
    let link = pair.action_link("feedback_received").await;
    assert!(pair.use_link(&link).await.done);
    let seen = pair.workspace(&pair.mentee).await;
    assert!(seen.feedback[0].acknowledged);
    assert_eq!(pair.outbox("feedback_acknowledged").await.len(), 1);
    // "We met": a link made for an agreed meeting that has started.
    let meeting = pair
        .agreed_meeting("2099-01-06", &[("free_objectives", "CV")])
        .await;
    sqlx::query("UPDATE meetings SET starts_at = '2026-11-20T19:00:00Z' WHERE id = ?")
        .bind(meeting)
        .execute(&pair.app.pool)
        .await
        .expect("the meeting is past");
    let version: i64 = sqlx::query_scalar("SELECT version FROM meetings WHERE id = ?")
        .bind(meeting)
        .fetch_one(&pair.app.pool)
        .await
        .expect("version");
    let mentor_id: i64 =
        sqlx::query_scalar("SELECT id FROM accounts WHERE email = 'marc@pair.example'")
            .fetch_one(&pair.app.pool)
            .await
            .expect("the mentor");
    let mut connection = pair.app.pool.acquire().await.expect("a connection");
    let path = app::outbox::action_links::repo::create(
        &mut connection,
        mentor_id,
        app::outbox::action_links::LinkAction::ConfirmMet,
        meeting,
        version,
    )
    .await
    .expect("a link");
    drop(connection);
    assert!(pair.use_link(&path).await.done);
    let seen = pair.workspace(&pair.mentor).await;
    let held = seen
        .meetings
        .iter()
        .find(|m| m.id == meeting)
        .map(|m| m.status);
    assert_eq!(held, Some(MeetingStatus::Held));
}
