//! Pairs that end well: either person asks the coordination to end the pair
//! (the reason is the coordination's alone); an ended pair stays readable by
//! its two people, read-only, from their "past pairs"; a mentor's capacity
//! never drops below their open pairs; a paused mentor takes no new pair.
use super::*;
use app::pairs::api::{AnswerPair, EndPair};
use app::pairs::PairStatus;
use app::profiles::api::SaveMyProfile;
use app::workspace::ending_api::RequestPairEnd;
use app::workspace::MyWorkspaces;

const REASON: &str = "Our schedules no longer match at all";

#[tokio::test]
async fn asking_to_end_reaches_the_coordination_alone_and_once() {
    let pair = Pair::new().await;
    let pair_id = pair.id.to_string();
    let empty = pair
        .call(
            &pair.mentee,
            RequestPairEnd::PATH,
            &[("pair_id", &pair_id), ("reason", " ")],
        )
        .await;
    empty.assert_status(StatusCode::BAD_REQUEST);
    for cookie in [&pair.coordinator, &pair.stranger] {
        let refused = pair
            .call(
                cookie,
                RequestPairEnd::PATH,
                &[("pair_id", &pair_id), ("reason", REASON)],
            )
            .await;
        refused.assert_status(StatusCode::FORBIDDEN);
    }
    let asked = pair
        .call(
            &pair.mentee,
            RequestPairEnd::PATH,
            &[("pair_id", &pair_id), ("reason", REASON)],
        )
        .await;
    asked.assert_status(StatusCode::OK);
    // Once per pair.
    let again = pair
        .call(
            &pair.mentor,
            RequestPairEnd::PATH,
            &[("pair_id", &pair_id), ("reason", REASON)],
        )
        .await;
    again.assert_status(StatusCode::CONFLICT);
    // The coordination is emailed the reason; the mentor is not emailed.
    let emails: Vec<(String, String)> =
        sqlx::query_as("SELECT recipient, body FROM outbox WHERE kind = 'end_requested'")
            .fetch_all(&pair.app.pool)
            .await
            .expect("the outbox is readable");
    assert_eq!(emails.len(), 1, "{emails:?}");
    assert_eq!(emails[0].0, "claire@pair.example");
    assert!(emails[0].1.contains(REASON));
    // The mentee reads that she asked; the mentor reads nothing of it.
    let hers = pair.workspace(&pair.mentee).await;
    assert!(hers.my_end_request.is_some(), "{:?}", hers.my_end_request);
    let his = pair.workspace(&pair.mentor).await;
    assert_eq!(his.my_end_request, None);
    // Neither body, as sent, holds the reason.
    for cookie in [&pair.mentor, &pair.mentee] {
        let json = pair.workspace_response(cookie).await.body;
        assert!(!json.contains(REASON), "the reason leaked into {json}");
        let page = pair
            .app
            .get_with_cookie(&format!("/pairs/{}", pair.id), cookie)
            .await;
        assert!(
            !page.body.contains(REASON),
            "the reason leaked into the page"
        );
    }
    // The coordinator's pair page reads it.
    let follow_up = pair
        .call(
            &pair.coordinator,
            app::reports::pair_follow_up::GetPairFollowUp::PATH,
            &[("pair_id", &pair_id)],
        )
        .await;
    follow_up.assert_status(StatusCode::OK);
    assert!(follow_up.body.contains(REASON), "{}", follow_up.body);
}

#[tokio::test]
async fn an_ended_pair_stays_readable_by_its_two_people_and_takes_no_more_changes() {
    let pair = Pair::new().await;
    let goal_id = pair.agreed_goal("Find an internship").await;
    let meeting_id = pair
        .agreed_meeting("2099-03-02", &[("free_objectives", "Review the CV")])
        .await;
    let noted = pair
        .call(
            &pair.mentor,
            SavePrivateNote::PATH,
            &[
                ("id", &meeting_id.to_string()),
                ("body", "Shy at first; ask about her lab"),
            ],
        )
        .await;
    noted.assert_status(StatusCode::OK);
    let ended = pair
        .call(
            &pair.coordinator,
            EndPair::PATH,
            &[("id", &pair.id.to_string()), ("reason", "Moved away")],
        )
        .await;
    ended.assert_status(StatusCode::OK);

    for cookie in [&pair.mentor, &pair.mentee] {
        // The workspace is still read, marked ended.
        let workspace = pair.workspace(cookie).await;
        assert_eq!(workspace.status, PairStatus::Ended);
        assert!(workspace.closed_on.is_some());
        assert_eq!(goal(&workspace, goal_id).title, "Find an internship");
        // It is listed among the past pairs, not the active ones.
        let mine: MyWorkspaces = pair.call(cookie, GetMyWorkspaces::PATH, &[]).await.json();
        assert_eq!(mine.workspaces.len(), 0);
        assert_eq!(mine.past[0].pair_id, pair.id);
        // Nothing can be written any more.
        let refused = pair
            .call(
                cookie,
                ProposeGoal::PATH,
                &[
                    ("pair_id", &pair.id.to_string()),
                    ("title", "Later"),
                    ("description", ""),
                    ("success_criterion", "Something"),
                    ("target_date", ""),
                    ("milestones", ""),
                ],
            )
            .await;
        refused.assert_status(StatusCode::CONFLICT);
        // The page shows the history with every form gone.
        let page = pair
            .app
            .get_with_cookie(&format!("/pairs/{}", pair.id), cookie)
            .await;
        page.assert_status(StatusCode::OK);
        assert!(page.body.contains("Find an internship"));
        // Dates in the reader's words (the page is in French by default).
        assert!(
            page.body.contains("Lundi 2 mars 2099 à 14 h"),
            "no French date"
        );
        assert!(page.body.contains("ended-banner"), "no ended banner");
        // (The header's sign-out and language forms are the site's.)
        let workspace = page
            .body
            .split_once("class=\"workspace\"")
            .map(|(_, rest)| rest)
            .expect("the workspace is on the page");
        assert!(
            !workspace.contains("<form"),
            "a form is still on the ended pair's workspace"
        );
    }
    // The mentor still reads their private note; the mentee never does (not
    // in the body as sent).
    let his = pair.workspace(&pair.mentor).await;
    assert!(his.meetings.iter().any(|meeting| meeting
        .private_note
        .as_deref()
        .is_some_and(|note| note.contains("ask about her lab"))));
    let hers = pair.workspace_response(&pair.mentee).await.body;
    assert!(!hers.contains("ask about her lab"));
    // The mentee's page says it ended, not that it has not started.
    let mentee_page = pair.app.get_with_cookie("/mentee", &pair.mentee).await;
    assert!(
        mentee_page.body.contains("past-pair"),
        "no past pair listed"
    );
    assert!(!mentee_page.body.contains("not started yet"));
    assert!(!mentee_page.body.contains("pas encore commencé"));
    // Strangers still read nothing.
    let stranger = pair
        .call(
            &pair.stranger,
            GetWorkspace::PATH,
            &[("pair_id", &pair.id.to_string())],
        )
        .await;
    stranger.assert_status(StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn capacity_stays_above_open_pairs_and_a_paused_mentor_takes_no_new_pair() {
    let pair = Pair::new().await;
    let mentor_profile: i64 =
        sqlx::query_scalar("SELECT mentor_profile_id FROM pairs WHERE id = ?")
            .bind(pair.id)
            .fetch_one(&pair.app.pool)
            .await
            .expect("the pair's mentor");
    let lucas_profile: i64 = sqlx::query_scalar(
        "SELECT p.id FROM profiles p JOIN accounts a ON a.id = p.account_id \
         WHERE a.email = 'lucas@pair.example'",
    )
    .fetch_one(&pair.app.pool)
    .await
    .expect("Lucas's profile");
    let proposal = pair
        .app
        .insert_pair("hiver-2025", lucas_profile, mentor_profile)
        .await;
    let save = |capacity: &'static str, paused_until: &'static str| {
        let fields = [
            ("languages[fr]", "fluent"),
            ("capacity", capacity),
            ("paused_until", paused_until),
        ];
        let pair = &pair;
        async move { pair.call(&pair.mentor, SaveMyProfile::PATH, &fields).await }
    };
    // Two open pairs (one active, one proposed): 1 is refused, 2 is fine.
    let below = save("1", "").await;
    below.assert_status(StatusCode::BAD_REQUEST);
    assert!(below.body.contains("BelowOpenPairs"), "{}", below.body);
    let enough = save("2", "").await;
    enough.assert_status(StatusCode::OK);
    // On pause, the mentor cannot accept the proposal.
    let paused = save("2", "2099-01-01").await;
    paused.assert_status(StatusCode::OK);
    let accept = pair
        .call(
            &pair.mentor,
            AnswerPair::PATH,
            &[("id", &proposal.to_string()), ("answer", "accepted")],
        )
        .await;
    accept.assert_status(StatusCode::BAD_REQUEST);
    assert!(accept.body.contains("MentorPaused"), "{}", accept.body);
    let answer: Option<String> = sqlx::query_scalar("SELECT mentor_answer FROM pairs WHERE id = ?")
        .bind(proposal)
        .fetch_one(&pair.app.pool)
        .await
        .expect("the proposal");
    assert_eq!(answer, None, "the refused acceptance was stored");
    // Back from pause: accepted.
    let back = save("2", "").await;
    back.assert_status(StatusCode::OK);
    let accept = pair
        .call(
            &pair.mentor,
            AnswerPair::PATH,
            &[("id", &proposal.to_string()), ("answer", "accepted")],
        )
        .await;
    accept.assert_status(StatusCode::OK);
}
