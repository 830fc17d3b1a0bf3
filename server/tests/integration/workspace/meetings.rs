//! Meetings: objectives agreed before, logged after, with private notes the
//! mentor alone reads and an overview for the coordinator without notes; and
//! the reminder the day before.
use super::*;

#[tokio::test]
async fn a_meeting_is_agreed_before_and_logged_after_with_notes_only_the_mentor_reads() {
    let pair = Pair::new().await;
    let goal_id = pair.agreed_goal("Find an internship").await;
    let plan = |date: &'static str| {
        let pair = &pair;
        async move {
            pair.call(
                &pair.mentor,
                PlanMeeting::PATH,
                &[
                    ("pair_id", &pair.id.to_string()),
                    ("date", date),
                    ("time", "14:00"),
                    ("duration_minutes", "60"),
                    ("modality", "video"),
                    ("location", "https://meet.example/x"),
                    ("objectives[]", &format!("goal:{goal_id}")),
                    ("free_objectives", "Review the cover letter"),
                ],
            )
            .await
        }
    };
    let past = plan("2020-01-06").await;
    past.assert_status(StatusCode::BAD_REQUEST);
    assert!(past.body.contains("InThePast"), "{}", past.body);
    let planned = plan("2099-01-06").await;
    planned.assert_status(StatusCode::OK);
    let meeting: i64 = planned.body.trim().parse().expect("the meeting's id");
    // The mentee is told, in English, with the time in Montréal.
    let told = pair.outbox("meeting_planned").await;
    assert_eq!(told.len(), 1);
    assert_eq!(
        (told[0].0.as_str(), told[0].1.as_str()),
        ("emily@pair.example", "en")
    );
    let body: String = sqlx::query_scalar("SELECT body FROM outbox WHERE kind = 'meeting_planned'")
        .fetch_one(&pair.app.pool)
        .await
        .expect("the message is stored");
    assert!(
        body.contains("Tuesday, January 6, 2099 at 2:00 PM"),
        "{body}"
    );

    let seen = pair.workspace(&pair.mentee).await;
    let objectives: Vec<&str> = seen.meetings[0]
        .objectives
        .iter()
        .map(|objective| objective.text.as_str())
        .collect();
    assert_eq!(
        objectives,
        ["Find an internship", "Review the cover letter"]
    );
    assert_eq!(seen.meetings[0].starts, "2099-01-06 14:00");

    // Not held before it happens, nor before the mentee agrees.
    let log = |cookie: &str, version: &'static str, outcome: &'static str| {
        let pair = &pair;
        let cookie = cookie.to_owned();
        async move {
            pair.call(
                &cookie,
                LogMeeting::PATH,
                &[
                    ("id", &meeting.to_string()),
                    ("version", version),
                    ("outcome", outcome),
                    ("shared_notes", "We reviewed the letter."),
                    ("next_steps", "Shorten the letter\nCall the career centre"),
                ],
            )
            .await
        }
    };
    assert!(log(&pair.mentor, "1", "held")
        .await
        .body
        .contains("NotAgreed"));
    let agreed = pair
        .call(
            &pair.mentee,
            AgreeMeeting::PATH,
            &[("id", &meeting.to_string()), ("version", "1")],
        )
        .await;
    agreed.assert_status(StatusCode::OK);
    assert!(log(&pair.mentor, "2", "held").await.body.contains("NotYet"));
    sqlx::query("UPDATE meetings SET starts_at = '2026-01-05T19:00:00Z' WHERE id = ?")
        .bind(meeting)
        .execute(&pair.app.pool)
        .await
        .expect("the meeting moves to the past");
    let held = log(&pair.mentee, "2", "held").await;
    held.assert_status(StatusCode::OK);

    // Private notes: the mentor writes them and alone reads them.
    let note = "Stressed about interviews";
    let by_mentee = pair
        .call(
            &pair.mentee,
            SavePrivateNote::PATH,
            &[("id", &meeting.to_string()), ("body", note)],
        )
        .await;
    by_mentee.assert_status(StatusCode::FORBIDDEN);
    let saved = pair
        .call(
            &pair.mentor,
            SavePrivateNote::PATH,
            &[("id", &meeting.to_string()), ("body", note)],
        )
        .await;
    saved.assert_status(StatusCode::OK);
    let mentor_view = pair.workspace(&pair.mentor).await;
    assert_eq!(mentor_view.meetings[0].private_note.as_deref(), Some(note));
    assert_eq!(mentor_view.meetings[0].status, MeetingStatus::Held);
    assert_eq!(mentor_view.meetings[0].next_steps.len(), 2);
    // What is sent to the mentee, as sent: the note is nowhere in it.
    let mentee_view = pair.workspace_response(&pair.mentee).await;
    assert_eq!(
        mentee_view.json::<Workspace>().meetings[0].private_note,
        None
    );
    assert!(!mentee_view.body.contains(note));

    // The coordinator follows the pair without any note.
    let overview = pair
        .call(
            &pair.coordinator,
            GetPairOverview::PATH,
            &[("pair_id", &pair.id.to_string())],
        )
        .await;
    overview.assert_status(StatusCode::OK);
    assert_eq!(overview.json::<PairOverview>().meetings_held, 1);
    assert!(!overview.body.contains(note) && !overview.body.contains("reviewed the letter"));
    let refused = pair
        .call(
            &pair.coordinator,
            GetWorkspace::PATH,
            &[("pair_id", &pair.id.to_string())],
        )
        .await;
    refused.assert_status(StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_day_before_a_meeting_both_people_are_reminded_once_in_their_language() {
    let pair = Pair::new().await;
    let now = chrono::Utc::now();
    // Only the first is due: the others are too far, cancelled, or not agreed.
    for (starts, status, agreement) in [
        (now + chrono::Duration::hours(20), "planned", "agreed"),
        (now + chrono::Duration::hours(50), "planned", "agreed"),
        (now + chrono::Duration::hours(10), "cancelled", "agreed"),
        (now + chrono::Duration::hours(12), "planned", "proposed"),
    ] {
        sqlx::query(
            "INSERT INTO meetings (pair_id, starts_at, duration_minutes, modality, agreement, \
             agreement_side, status, created_at, updated_at) VALUES (?, ?, 60, 'video', ?, \
             'mentor', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        )
        .bind(pair.id)
        .bind(app::program_time::utc_text(starts))
        .bind(agreement)
        .bind(status)
        .execute(&pair.app.pool)
        .await
        .expect("the meeting is stored");
    }
    let send = || {
        app::meetings::reminders::send_due_reminders(
            &pair.app.pool,
            "https://mentorat.example",
            now,
        )
    };
    assert_eq!(send().await.expect("reminders are queued"), 1);
    assert_eq!(send().await.expect("a second run finds nothing"), 0);
    let reminded = pair.outbox("meeting_reminder").await;
    let recipients: Vec<(&str, &str)> = reminded
        .iter()
        .map(|(recipient, locale, _)| (recipient.as_str(), locale.as_str()))
        .collect();
    assert_eq!(
        recipients,
        [("emily@pair.example", "en"), ("marc@pair.example", "fr")]
    );
    assert!(reminded[0].2.contains("Reminder"), "{:?}", reminded[0]);
    assert!(reminded[1].2.contains("Rappel"), "{:?}", reminded[1]);
}
