//! Meetings in people's calendars: a meeting's `.ics` for its two people
//! only, and a private feed per person, shown once, replaceable and revocable.
use app::calendar::api::{CreateCalendarFeed, GetCalendarFeed, RevokeCalendarFeed};
use app::calendar::FeedState;
use app::meetings::api::SavePrivateNote;
use axum::http::{header, StatusCode};
use leptos::server_fn::ServerFn;

use super::Pair;
use crate::common::TestResponse;

/// `Marc → Emily`: an agreed goal and an agreed meeting with two objectives,
/// plus a private note that must never reach a calendar. The meeting's id.
async fn meeting_with_objectives(pair: &Pair) -> i64 {
    let goal = pair.agreed_goal("Find an internship").await;
    let goal_choice = format!("goal:{goal}");
    let meeting = pair
        .agreed_meeting(
            "2099-01-06",
            &[
                ("objectives[]", &goal_choice),
                ("free_objectives", "Review the cover letter"),
            ],
        )
        .await;
    let note = pair
        .call(
            &pair.mentor,
            SavePrivateNote::PATH,
            &[("id", &meeting.to_string()), ("body", "Secret worry")],
        )
        .await;
    note.assert_status(StatusCode::OK);
    meeting
}

async fn get(pair: &Pair, path: &str, cookie: Option<&str>) -> TestResponse {
    match cookie {
        Some(cookie) => pair.app.get_with_cookie(path, cookie).await,
        None => pair.app.get(path).await,
    }
}

fn header_of(response: &TestResponse, name: header::HeaderName) -> &str {
    response
        .headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

/// The file with its folded lines joined back.
fn unfolded(response: &TestResponse) -> String {
    response.body.replace("\r\n ", "")
}

#[tokio::test]
async fn a_meeting_downloads_as_ics_for_its_two_people_only() {
    let pair = Pair::new().await;
    let meeting = meeting_with_objectives(&pair).await;
    let path = format!("/meetings/{meeting}.ics");

    // The mentee (English): Montréal 14:00 in January is 19:00 UTC.
    let file = get(&pair, &path, Some(&pair.mentee)).await;
    file.assert_status(StatusCode::OK);
    assert!(header_of(&file, header::CONTENT_TYPE).starts_with("text/calendar"));
    assert!(header_of(&file, header::CONTENT_DISPOSITION).starts_with("attachment"));
    assert_eq!(header_of(&file, header::CACHE_CONTROL), "private, no-store");
    let text = unfolded(&file);
    for line in [
        "DTSTART:20990106T190000Z",
        "DTEND:20990106T203000Z",
        "STATUS:CONFIRMED",
        "SUMMARY:Mentorat: meeting with Person marc@pair.example",
        "LOCATION:Café Olimpico\\, 124 rue St-Viateur",
    ] {
        assert!(
            text.contains(&format!("\r\n{line}\r\n")),
            "{line} in {text}"
        );
    }
    assert!(text.contains("Find an internship"), "{text}");
    assert!(text.contains("Review the cover letter"), "{text}");
    assert!(!text.contains("Secret worry"), "private notes stay out");

    // The mentor reads it in French, and the same event (same UID).
    let mentor_file = get(&pair, &path, Some(&pair.mentor)).await;
    mentor_file.assert_status(StatusCode::OK);
    let mentor_text = unfolded(&mentor_file);
    assert!(mentor_text.contains("SUMMARY:Mentorat : rencontre avec Person emily@pair.example"));
    assert!(
        !mentor_text.contains("Secret worry"),
        "not even for the mentor"
    );
    let uid = |text: &str| {
        text.lines()
            .find(|line| line.starts_with("UID:"))
            .map(str::to_owned)
    };
    assert_eq!(uid(&text), uid(&mentor_text));

    // Anyone else: refused, in their language; the coordinator too.
    for cookie in [&pair.stranger, &pair.coordinator] {
        let refused = get(&pair, &path, Some(cookie)).await;
        refused.assert_status(StatusCode::FORBIDDEN);
        assert!(!refused.body.contains("VEVENT"));
    }
    let stranger = get(&pair, &path, Some(&pair.stranger)).await;
    assert_eq!(stranger.body, "Cette rencontre ne vous concerne pas.");
    // Signed out: sent to sign in (then to their own page, with the meeting).
    let signed_out = get(&pair, &path, None).await;
    signed_out.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(header_of(&signed_out, header::LOCATION), "/login");
    for unknown in ["/meetings/999999.ics", "/meetings/abc.ics", "/meetings/12"] {
        let missing = get(&pair, unknown, Some(&pair.mentee)).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{unknown}");
    }
}

/// The link the server function returned, and its token.
fn link_and_token(response: &TestResponse) -> (String, String) {
    response.assert_status(StatusCode::OK);
    let link: String = response.json();
    let token = link
        .split("/calendar/")
        .nth(1)
        .and_then(|file| file.strip_suffix(".ics"))
        .expect("the link names a token")
        .to_owned();
    (link, token)
}

#[tokio::test]
async fn a_private_feed_shows_ones_meetings_until_replaced_or_turned_off() {
    let pair = Pair::new().await;
    let meeting = meeting_with_objectives(&pair).await;
    let state = |cookie: String| {
        let pair = &pair;
        async move {
            let response = pair.call(&cookie, GetCalendarFeed::PATH, &[]).await;
            response.assert_status(StatusCode::OK);
            let feed: FeedState = response.json();
            (feed, response)
        }
    };
    let (none, _) = state(pair.mentee.clone()).await;
    assert_eq!(none.created, None);

    let made = pair.call(&pair.mentee, CreateCalendarFeed::PATH, &[]).await;
    let (link, token) = link_and_token(&made);
    assert!(link.ends_with(&format!("/calendar/{token}.ics")));
    // Only the token's hash is stored.
    let stored: String = sqlx::query_scalar("SELECT token_hash FROM calendar_feeds")
        .fetch_one(&pair.app.pool)
        .await
        .expect("one feed");
    assert!(!stored.contains(&token));

    // A calendar app (no cookie) reads the mentee's meetings, in English.
    let feed_path = format!("/calendar/{token}.ics");
    let feed = get(&pair, &feed_path, None).await;
    feed.assert_status(StatusCode::OK);
    assert!(header_of(&feed, header::CONTENT_TYPE).starts_with("text/calendar"));
    let text = unfolded(&feed);
    assert!(
        text.contains("X-WR-CALNAME:Mentorat — my meetings"),
        "{text}"
    );
    assert!(text.contains(&format!("UID:meeting-{meeting}@")), "{text}");
    assert!(!text.contains("Secret worry"));

    // The page shows the link once after a form posted without JavaScript
    // (the cookie the answer set), and only to its owner.
    let with_cookie = |cookie: &str| format!("{cookie}; mentorat_new_feed={token}");
    let (shown, response) = state(with_cookie(&pair.mentee)).await;
    assert_eq!(shown.new_link, Some(link.clone()));
    assert!(shown.created.is_some());
    assert!(header_of(&response, header::SET_COOKIE).contains("mentorat_new_feed=; "));
    let (not_theirs, _) = state(with_cookie(&pair.mentor)).await;
    assert_eq!(not_theirs.new_link, None);
    let (later, _) = state(pair.mentee.clone()).await;
    assert_eq!(later.new_link, None);

    // Someone else's feed holds only their own meetings.
    let (_, stranger_token) = link_and_token(
        &pair
            .call(&pair.stranger, CreateCalendarFeed::PATH, &[])
            .await,
    );
    let stranger_feed = get(&pair, &format!("/calendar/{stranger_token}.ics"), None).await;
    stranger_feed.assert_status(StatusCode::OK);
    assert!(!stranger_feed.body.contains("VEVENT"));

    // Replacing: the old link stops at once, the new one works.
    let (_, new_token) =
        link_and_token(&pair.call(&pair.mentee, CreateCalendarFeed::PATH, &[]).await);
    assert_ne!(new_token, token);
    assert_eq!(
        get(&pair, &feed_path, None).await.status,
        StatusCode::NOT_FOUND
    );
    let new_path = format!("/calendar/{new_token}.ics");
    assert_eq!(get(&pair, &new_path, None).await.status, StatusCode::OK);

    // Turning it off: gone, and the page says so.
    let revoked = pair.call(&pair.mentee, RevokeCalendarFeed::PATH, &[]).await;
    revoked.assert_status(StatusCode::OK);
    let gone = get(&pair, &new_path, None).await;
    gone.assert_status(StatusCode::NOT_FOUND);
    assert!(!gone.body.contains("VEVENT"));
    let (off, _) = state(pair.mentee.clone()).await;
    assert_eq!(off.created, None);
    // Coordinators have no meetings, hence no feed.
    let coordinator = pair
        .call(&pair.coordinator, CreateCalendarFeed::PATH, &[])
        .await;
    coordinator.assert_status(StatusCode::FORBIDDEN);
}

/// The account id behind a pair's test address.
async fn account_id(pair: &Pair, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM accounts WHERE email = ?")
        .bind(email)
        .fetch_one(&pair.app.pool)
        .await
        .expect("the account")
}

#[tokio::test]
async fn a_role_change_or_a_disabled_account_takes_the_pair_away_everywhere_at_once() {
    let pair = Pair::new().await;
    let meeting = meeting_with_objectives(&pair).await;
    let (_, token) = link_and_token(&pair.call(&pair.mentee, CreateCalendarFeed::PATH, &[]).await);
    let feed_path = format!("/calendar/{token}.ics");
    let ics_path = format!("/meetings/{meeting}.ics");
    assert!(get(&pair, &feed_path, None).await.body.contains("VEVENT"));
    get(&pair, &ics_path, Some(&pair.mentee))
        .await
        .assert_status(StatusCode::OK);
    let workspace = format!("/pairs/{}", pair.id);
    let page = get(&pair, &workspace, Some(&pair.mentee)).await;
    page.assert_status(StatusCode::OK);

    // The mentee becomes a mentor: her session ends (it proves the old role),
    // and her feed no longer holds the pair she was the mentee of.
    let emily = account_id(&pair, "emily@pair.example").await;
    let changed = pair
        .call(
            &pair.coordinator,
            app::people::api::ChangeAccountRole::PATH,
            &[
                ("account_id", &emily.to_string()),
                ("role", "mentor"),
                ("diploma_level", "doctorate"),
                ("is_employed", "yes"),
                ("works_in_research", "no"),
            ],
        )
        .await;
    changed.assert_status(StatusCode::OK);
    let feed = get(&pair, &feed_path, None).await;
    assert!(
        !feed.body.contains("VEVENT"),
        "the pair left the feed: {}",
        feed.body
    );
    let ics = get(&pair, &ics_path, Some(&pair.mentee)).await;
    assert_eq!(
        ics.status,
        StatusCode::SEE_OTHER,
        "signed out: {}",
        ics.body
    );
    let page = get(&pair, &workspace, Some(&pair.mentee)).await;
    assert_eq!(page.status, StatusCode::FOUND, "{}", page.body);

    // The mentor's account is disabled: his feed stops, his session ends.
    let (_, mentor_token) =
        link_and_token(&pair.call(&pair.mentor, CreateCalendarFeed::PATH, &[]).await);
    let mentor_feed = format!("/calendar/{mentor_token}.ics");
    assert!(get(&pair, &mentor_feed, None).await.body.contains("VEVENT"));
    let marc = account_id(&pair, "marc@pair.example").await;
    pair.call(
        &pair.coordinator,
        app::people::api::SetAccountDisabled::PATH,
        &[("account_id", &marc.to_string()), ("disabled", "true")],
    )
    .await
    .assert_status(StatusCode::OK);
    assert_eq!(
        get(&pair, &mentor_feed, None).await.status,
        StatusCode::NOT_FOUND
    );
    let ics = get(&pair, &ics_path, Some(&pair.mentor)).await;
    assert_eq!(ics.status, StatusCode::SEE_OTHER, "{}", ics.body);
}
