//! A mentor's dashboard reads all their pairs at once (each kind of row in
//! one query): every pair must still get its own rows and nothing of
//! another's.
use super::*;
use app::messages::api::SendMessage;
use app::workspace::MyWorkspaces;

#[tokio::test]
async fn a_dashboard_of_several_pairs_gives_each_pair_its_own_workspace() {
    let pair = Pair::new().await;
    let app = &pair.app;
    let mentor_profile: i64 =
        sqlx::query_scalar("SELECT mentor_profile_id FROM pairs WHERE id = ?")
            .bind(pair.id)
            .fetch_one(&app.pool)
            .await
            .expect("the mentor's profile");
    let lucas: i64 = sqlx::query_scalar(
        "SELECT p.id FROM profiles p JOIN accounts a ON a.id = p.account_id \
         WHERE a.email = 'lucas@pair.example'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("Lucas's profile");
    let second = app.insert_pair("hiver-2025", lucas, mentor_profile).await;
    app.activate_pair(second).await;
    // The first pair gets goals, meetings, feedback and a message; in the
    // second, Lucas writes twice and his mentor has read nothing.
    app.insert_workspace(pair.id).await;
    for body in ["Bonjour Marc", "Une question"] {
        pair.call(
            &pair.stranger,
            SendMessage::PATH,
            &[("pair_id", &second.to_string()), ("body", body)],
        )
        .await
        .assert_status(StatusCode::OK);
    }

    let mine: MyWorkspaces = pair
        .call(&pair.mentor, GetMyWorkspaces::PATH, &[])
        .await
        .json();
    let ids: Vec<i64> = mine.workspaces.iter().map(|w| w.pair_id).collect();
    assert_eq!(
        ids,
        vec![pair.id, second],
        "in the order they became active"
    );
    for workspace in &mine.workspaces {
        let alone: Workspace = pair
            .call(
                &pair.mentor,
                GetWorkspace::PATH,
                &[("pair_id", &workspace.pair_id.to_string())],
            )
            .await
            .json();
        assert_eq!(workspace, &alone, "pair {}", workspace.pair_id);
    }
    let (first, other) = (&mine.workspaces[0], &mine.workspaces[1]);
    assert_eq!(first.partner_name, "Person emily@pair.example");
    assert_eq!(
        (
            first.goals.len(),
            first.meetings.len(),
            first.feedback.len()
        ),
        (1, 1, 1)
    );
    assert_eq!(
        first.unread_messages, 0,
        "the only message is the mentor's own"
    );
    assert_eq!(other.partner_name, "Person lucas@pair.example");
    assert!(other.goals.is_empty() && other.meetings.is_empty() && other.feedback.is_empty());
    assert_eq!(other.unread_messages, 2);
    assert_eq!(other.thread.messages.len(), 2);
    assert!(other.thread.messages.iter().all(|message| !message.mine));
    assert_eq!(mine.capacity, Some((2, 3)));
}
