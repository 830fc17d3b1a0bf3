//! Acting on attention items: nudges (in the recipient's language, once per
//! interval), items that take none, snoozing and handling, and a pair that
//! is not a fit ended.
use super::*;

#[tokio::test]
async fn a_nudge_reaches_the_person_in_their_language_once_per_interval() {
    let demo = Demo::new().await;
    // The pair that never met: its mentor is nudged. Make them English-speaking.
    let dashboard = demo.dashboard().await;
    let row = dashboard
        .attention
        .iter()
        .find(|row| {
            matches!(
                row.item.detail,
                app::reports::attention::AttentionDetail::NoMeetingHeld {
                    ever_met: false,
                    ..
                }
            )
        })
        .expect("the pair that never met");
    let pair = row.item.pair.clone().expect("a pair item");
    sqlx::query("UPDATE accounts SET locale = 'en' WHERE id = ?")
        .bind(pair.mentor.account_id)
        .execute(&demo.app.pool)
        .await
        .expect("English");
    let nudge = |line: &'static str| {
        let key = row.item.key.clone();
        let demo = &demo;
        async move {
            demo.app
                .call(
                    SendNudge::PATH,
                    &form(&[
                        ("cohort", "hiver-2025"),
                        ("key", &key),
                        ("personal_line", line),
                    ]),
                    Some(&demo.coordinator),
                )
                .await
        }
    };
    let sent = nudge("Shall we find you a slot?").await;
    sent.assert_status(StatusCode::OK);
    let emails: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT o.recipient, o.locale, o.subject, o.body FROM outbox o WHERE o.kind = 'nudge'",
    )
    .fetch_all(&demo.app.pool)
    .await
    .expect("the outbox");
    assert_eq!(emails.len(), 1, "one person concerned: the mentor");
    let (recipient, locale, subject, body) = &emails[0];
    let mentor_email: String = sqlx::query_scalar("SELECT email FROM accounts WHERE id = ?")
        .bind(pair.mentor.account_id)
        .fetch_one(&demo.app.pool)
        .await
        .expect("the mentor's email");
    assert_eq!(recipient, &mentor_email);
    assert_eq!(locale, "en");
    assert_eq!(subject, "A gentle reminder from the mentoring team");
    assert!(body.contains(&pair.mentee.name), "{body}");
    assert!(body.contains("Shall we find you a slot?"), "{body}");
    // On the pair's history and on the item.
    let follow_up: PairFollowUp = demo
        .get(
            GetPairFollowUp::PATH,
            &[("pair_id", &pair.pair_id.to_string())],
        )
        .await;
    assert_eq!(follow_up.nudges.len(), 1);
    assert_eq!(follow_up.nudges[0].1, pair.mentor.name);
    let again = demo.dashboard().await;
    let same = again
        .attention
        .iter()
        .find(|other| other.item.key == row.item.key)
        .expect("still needs attention");
    assert!(same.last_nudge.is_some());
    assert!(same.nudge_again_on.is_some());
    // A second nudge within the interval is refused, and nothing is sent.
    let refused = nudge("").await;
    refused.assert_status(StatusCode::TOO_MANY_REQUESTS);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'nudge'")
        .fetch_one(&demo.app.pool)
        .await
        .expect("count");
    assert_eq!(count, 1);
    // The audit log keeps it.
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE event = 'nudge_sent'")
            .fetch_one(&demo.app.pool)
            .await
            .expect("count");
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn items_without_a_nudge_or_unknown_are_refused_and_mentors_cannot_nudge() {
    let demo = Demo::new().await;
    let dashboard = demo.dashboard().await;
    let fit = first_of(&dashboard, "fit");
    for key in [fit.item.key.as_str(), "proposal:pair:999999"] {
        let refused = demo
            .app
            .call(
                SendNudge::PATH,
                &form(&[
                    ("cohort", "hiver-2025"),
                    ("key", key),
                    ("personal_line", ""),
                ]),
                Some(&demo.coordinator),
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::CONFLICT,
            "{key}: {}",
            refused.body
        );
    }
    let mentor = demo.app.sign_in(MENTOR.0, MENTOR.1).await;
    let refused = demo
        .app
        .call(
            SendNudge::PATH,
            &form(&[
                ("cohort", "hiver-2025"),
                ("key", &dashboard.attention[1].item.key),
                ("personal_line", ""),
            ]),
            Some(&mentor),
        )
        .await;
    refused.assert_status(StatusCode::FORBIDDEN);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'nudge'")
        .fetch_one(&demo.app.pool)
        .await
        .expect("count");
    assert_eq!(count, 0);
}

#[tokio::test]
async fn a_handled_item_leaves_the_list_and_comes_back_when_it_worsens() {
    let demo = Demo::new().await;
    let key = demo.key_of("proposal").await;
    let decide = |decision: &'static str, days: &'static str| {
        let key = key.clone();
        let demo = &demo;
        async move {
            demo.app
                .call(
                    DecideAttentionItem::PATH,
                    &form(&[
                        ("cohort", "hiver-2025"),
                        ("key", &key),
                        ("decision", decision),
                        ("days", days),
                        ("note", "Appel prévu jeudi"),
                    ]),
                    Some(&demo.coordinator),
                )
                .await
        }
    };
    assert_eq!(decide("handled", "").await.status, StatusCode::OK);
    let dashboard = demo.dashboard().await;
    assert!(dashboard.attention.iter().all(|row| row.item.key != key));
    let aside = dashboard
        .set_aside
        .iter()
        .find(|row| row.item.key == key)
        .expect("set aside");
    let decision = aside.decision.clone().expect("its decision");
    assert!(decision.handled);
    assert_eq!(decision.note.as_deref(), Some("Appel prévu jeudi"));

    // Nine days unanswered: level 1 at 5 days a period, level 4 at 2 days a period.
    let worse = demo.save_thresholds("2", "14").await;
    worse.assert_status(StatusCode::OK);
    let dashboard = demo.dashboard().await;
    let back = dashboard
        .attention
        .iter()
        .find(|row| row.item.key == key)
        .expect("back in the list");
    assert!(back.decision.is_some(), "it says it came back");

    // A snooze hides it again; a threshold out of range is refused with its field.
    assert_eq!(decide("snoozed", "14").await.status, StatusCode::OK);
    assert!(demo
        .dashboard()
        .await
        .attention
        .iter()
        .all(|row| row.item.key != key));
    assert_eq!(
        decide("snoozed", "400").await.status,
        StatusCode::BAD_REQUEST
    );
    let refused = demo.save_thresholds("0", "many").await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert!(
        refused.body.contains("proposal_unanswered_days"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("mentee_waiting_days"),
        "{}",
        refused.body
    );
}

#[tokio::test]
async fn ending_a_pair_that_is_not_a_fit_puts_the_mentee_back_among_those_waiting() {
    let demo = Demo::new().await;
    let fit = first_of(&demo.dashboard().await, "fit").clone();
    let pair = fit.item.pair.clone().expect("about a pair");
    let follow_up: PairFollowUp = demo
        .get(
            GetPairFollowUp::PATH,
            &[("pair_id", &pair.pair_id.to_string())],
        )
        .await;
    assert!(follow_up.not_a_fit);
    let ended = demo
        .app
        .call(
            app::pairs::api::EndPair::PATH,
            &form(&[
                ("id", &pair.pair_id.to_string()),
                ("reason", "Attentes trop différentes, d’un commun accord."),
            ]),
            Some(&demo.coordinator),
        )
        .await;
    ended.assert_status(StatusCode::OK);
    // The coordination reads its own reason on the pair's page.
    let closed: PairFollowUp = demo
        .get(
            GetPairFollowUp::PATH,
            &[("pair_id", &pair.pair_id.to_string())],
        )
        .await;
    assert_eq!(
        closed.reason.as_deref(),
        Some("Attentes trop différentes, d’un commun accord.")
    );
    let after = demo.dashboard().await;
    assert_eq!(after.figures.pairs_active, 5);
    assert_eq!(after.figures.pairs_ended, 2);
    assert_eq!(after.figures.mentees_waiting, 34);
    assert!(
        after.attention.iter().all(|row| row
            .item
            .pair
            .as_ref()
            .is_none_or(|other| other.pair_id != pair.pair_id)),
        "an ended pair needs no more attention"
    );
    let board = demo
        .app
        .get_with_cookie(
            &format!(
                "/coordinator/matching?cohort=hiver-2025&q={}",
                pair.mentee.name.replace(' ', "+")
            ),
            &demo.coordinator,
        )
        .await;
    assert!(board.body.contains(&pair.mentee.name), "back on the board");
}
