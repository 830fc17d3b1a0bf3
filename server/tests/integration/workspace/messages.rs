//! Messages between a pair's two people: newest last, unread counts, an email
//! (never the words) unless the reader chose the digest, contact details
//! shown only by choice, the coordination reading a reported message alone,
//! and a thread that ends read-only with the pair.
use super::*;
use app::messages::api::{GetThread, ReportMessage, SaveContactSharing, SendMessage};
use app::messages::Thread;
use app::pairs::api::EndPair;

const FIRST: &str = "Hello Marc, could we meet next Tuesday?";
const REPLY: &str = "Bonjour Emily, mardi 17 h au café, ça vous va ?";
const RUDE: &str = "This message is reported to the coordination";

async fn report(pair: &Pair, cookie: &str, id: &str) -> TestResponse {
    pair.call(
        cookie,
        ReportMessage::PATH,
        &[("id", id), ("note", "Please look at this")],
    )
    .await
}

async fn share(pair: &Pair, phone: &str) -> TestResponse {
    pair.call(
        &pair.mentee,
        SaveContactSharing::PATH,
        &[
            ("pair_id", &pair.id.to_string()),
            ("share_email", "on"),
            ("phone", phone),
        ],
    )
    .await
}

impl Pair {
    async fn send(&self, cookie: &str, body: &str) -> TestResponse {
        self.call(
            cookie,
            SendMessage::PATH,
            &[("pair_id", &self.id.to_string()), ("body", body)],
        )
        .await
    }

    async fn thread(&self, cookie: &str) -> Thread {
        let response = self
            .call(
                cookie,
                GetThread::PATH,
                &[("pair_id", &self.id.to_string()), ("mark_read", "true")],
            )
            .await;
        response.assert_status(StatusCode::OK);
        response.json()
    }
}

#[tokio::test]
async fn two_messages_exchanged_newest_last_with_unread_counts_and_a_wordless_email() {
    let pair = Pair::new().await;
    let sent = pair.send(&pair.mentee, FIRST).await;
    sent.assert_status(StatusCode::OK);
    // The mentor has one unread message, on his workspace (and dashboard).
    assert_eq!(pair.workspace(&pair.mentor).await.unread_messages, 1);
    assert_eq!(pair.workspace(&pair.mentee).await.unread_messages, 0);
    // He is emailed, in French, without the words.
    let emails: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT recipient, subject, body FROM outbox WHERE kind = 'message_received'",
    )
    .fetch_all(&pair.app.pool)
    .await
    .expect("the outbox is readable");
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].0, "marc@pair.example");
    assert!(emails[0].1.contains("Nouveau message"), "{}", emails[0].1);
    assert!(
        !emails[0].2.contains("Tuesday"),
        "the words are in the email"
    );
    // Loading the thread off screen leaves it unread; reading it marks it
    // read; he answers.
    let off_screen = pair
        .call(
            &pair.mentor,
            GetThread::PATH,
            &[("pair_id", &pair.id.to_string())],
        )
        .await;
    off_screen.assert_status(StatusCode::OK);
    assert_eq!(pair.workspace(&pair.mentor).await.unread_messages, 1);
    let thread = pair.thread(&pair.mentor).await;
    assert_eq!(thread.messages[0].body, FIRST);
    assert!(!thread.messages[0].mine);
    assert_eq!(pair.workspace(&pair.mentor).await.unread_messages, 0);
    assert_eq!(pair.send(&pair.mentor, REPLY).await.status, StatusCode::OK);
    let hers = pair.thread(&pair.mentee).await;
    let bodies: Vec<&str> = hers.messages.iter().map(|m| m.body.as_str()).collect();
    assert_eq!(bodies, [FIRST, REPLY], "oldest first, the newest last");
    assert!(!hers.messages[1].mine);
    // An empty message is refused with its field.
    let empty = pair.send(&pair.mentee, "   ").await;
    empty.assert_status(StatusCode::BAD_REQUEST);
    assert!(empty.body.contains("body"));
}

#[tokio::test]
async fn nobody_else_reads_or_writes_the_thread_and_the_digest_holds_the_notice() {
    let pair = Pair::new().await;
    sqlx::query("UPDATE accounts SET notification_delivery = 'weekly_digest' WHERE email = ?")
        .bind("marc@pair.example")
        .execute(&pair.app.pool)
        .await
        .expect("the mentor chooses the digest");
    assert_eq!(pair.send(&pair.mentee, FIRST).await.status, StatusCode::OK);
    let immediate: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'message_received'")
            .fetch_one(&pair.app.pool)
            .await
            .expect("count");
    assert_eq!(immediate, 0, "the mentor chose the digest");
    let held: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM held_notices WHERE kind = 'message_received'")
            .fetch_one(&pair.app.pool)
            .await
            .expect("count");
    assert_eq!(held, 1);
    for cookie in [&pair.coordinator, &pair.stranger] {
        let read = pair
            .call(
                cookie,
                GetThread::PATH,
                &[("pair_id", &pair.id.to_string())],
            )
            .await;
        read.assert_status(StatusCode::FORBIDDEN);
        assert_eq!(pair.send(cookie, "Hi").await.status, StatusCode::FORBIDDEN);
    }
    // Neither the coordinator's overview nor her pair page carries the words.
    for path in [
        format!("/coordinator/pairs/{}", pair.id),
        "/coordinator".to_owned(),
    ] {
        let page = pair.app.get_with_cookie(&path, &pair.coordinator).await;
        assert!(
            !page.body.contains("next Tuesday"),
            "{path} shows a message"
        );
    }
    let outbox: Vec<String> = sqlx::query_scalar("SELECT body FROM outbox")
        .fetch_all(&pair.app.pool)
        .await
        .expect("bodies");
    assert!(outbox.iter().all(|body| !body.contains("next Tuesday")));
}

#[tokio::test]
async fn a_reported_message_alone_reaches_the_coordination_and_is_audited() {
    let pair = Pair::new().await;
    pair.send(&pair.mentee, FIRST).await;
    pair.send(&pair.mentee, RUDE).await;
    let thread = pair.thread(&pair.mentor).await;
    let rude_id = thread.messages[1].id.to_string();
    let mine_id = {
        pair.send(&pair.mentor, REPLY).await;
        pair.thread(&pair.mentor).await.messages[2].id.to_string()
    };
    // Not one's own message, and only the pair's people.
    assert_eq!(
        report(&pair, &pair.mentor, &mine_id).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        report(&pair, &pair.stranger, &rude_id).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        report(&pair, &pair.coordinator, &rude_id).await.status,
        StatusCode::FORBIDDEN
    );
    let reported = report(&pair, &pair.mentor, &rude_id).await;
    reported.assert_status(StatusCode::OK);
    assert_eq!(
        report(&pair, &pair.mentor, &rude_id).await.status,
        StatusCode::CONFLICT
    );
    // The coordinator reads that message, with the note, and no other.
    let follow_up = pair
        .call(
            &pair.coordinator,
            app::reports::pair_follow_up::GetPairFollowUp::PATH,
            &[("pair_id", &pair.id.to_string())],
        )
        .await;
    assert!(follow_up.body.contains(RUDE), "{}", follow_up.body);
    assert!(follow_up.body.contains("Please look at this"));
    assert!(!follow_up.body.contains("next Tuesday"));
    assert!(!follow_up.body.contains(REPLY));
    let page = pair
        .app
        .get_with_cookie(
            &format!("/coordinator/pairs/{}", pair.id),
            &pair.coordinator,
        )
        .await;
    assert!(page.body.contains(RUDE));
    assert!(!page.body.contains("next Tuesday"));
    // The report is audited, and the coordination emailed (without the words).
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE event = 'message_reported'")
            .fetch_one(&pair.app.pool)
            .await
            .expect("count");
    assert_eq!(audited, 1);
    let email: String =
        sqlx::query_scalar("SELECT body FROM outbox WHERE kind = 'message_reported'")
            .fetch_one(&pair.app.pool)
            .await
            .expect("the coordination is told");
    assert!(!email.contains(RUDE));
    // The reporter sees it reported; its author is not told.
    assert!(pair.thread(&pair.mentor).await.messages[1].reported);
    assert!(!pair.thread(&pair.mentee).await.messages[1].reported);
}

#[tokio::test]
async fn contact_details_are_shown_only_by_choice_and_the_thread_ends_read_only() {
    let pair = Pair::new().await;
    let partner = pair.thread(&pair.mentor).await.partner_contact;
    assert_eq!(partner.email, None);
    assert_eq!(partner.phone, None);
    let wrong = share(&pair, "call me").await;
    wrong.assert_status(StatusCode::BAD_REQUEST);
    assert!(wrong.body.contains("InvalidPhone"));
    assert_eq!(share(&pair, "514 555-0199").await.status, StatusCode::OK);
    let partner = pair.thread(&pair.mentor).await.partner_contact;
    assert_eq!(partner.email.as_deref(), Some("emily@pair.example"));
    assert_eq!(partner.phone.as_deref(), Some("514 555-0199"));
    // The mentee's own view does not show the mentor's (he shared nothing).
    assert_eq!(pair.thread(&pair.mentee).await.partner_contact.email, None);
    // The pair ends: the thread is still read, and no longer written.
    pair.send(&pair.mentee, FIRST).await;
    let ended = pair
        .call(
            &pair.coordinator,
            EndPair::PATH,
            &[("id", &pair.id.to_string()), ("reason", "Moved away")],
        )
        .await;
    ended.assert_status(StatusCode::OK);
    let thread = pair.thread(&pair.mentor).await;
    assert!(!thread.writable);
    assert_eq!(thread.messages[0].body, FIRST);
    assert_eq!(
        pair.send(&pair.mentor, REPLY).await.status,
        StatusCode::CONFLICT
    );
}
