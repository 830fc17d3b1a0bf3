//! The notices of a pair's life: who receives each one, in which language,
//! what the two people are never told (the coordinator's end reason), and the
//! weekly digest for those who chose it (urgent notices still go at once).
use app::accounts::Role;
use app::feedback::api::{AcknowledgeFeedback, AnswerFitCheck, GiveFeedback};
use app::goals::api::RequestGoalChange;
use app::meetings::api::{LogMeeting, PlanMeeting, RequestMeetingChange};
use app::pairs::api::{AnswerPair, EndPair, WithdrawPair};
use app::people::api::UpdateMyAccount;
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

use super::{Pair, PASSWORD};

/// One outbox message: recipient, locale, subject, body.
type Sent = (String, String, String, String);

impl Pair {
    async fn sent(&self, kind: &str) -> Vec<Sent> {
        sqlx::query_as(
            "SELECT recipient, locale, subject, body FROM outbox WHERE kind = ? \
             ORDER BY recipient, id",
        )
        .bind(kind)
        .fetch_all(&self.app.pool)
        .await
        .expect("the outbox is readable")
    }

    fn recipients(sent: &[Sent]) -> Vec<(&str, &str)> {
        sent.iter()
            .map(|(recipient, locale, ..)| (recipient.as_str(), locale.as_str()))
            .collect()
    }

    async fn set_locale(&self, email: &str, locale: &str) {
        sqlx::query("UPDATE accounts SET locale = ? WHERE email = ?")
            .bind(locale)
            .bind(email)
            .execute(&self.app.pool)
            .await
            .expect("the locale is stored");
    }

    /// A second coordinator reading English, and a disabled one who hears nothing.
    async fn more_coordinators(&self) {
        self.app
            .create_account(Role::Coordinator, "olivia@pair.example", PASSWORD)
            .await;
        self.set_locale("olivia@pair.example", "en").await;
        let gone = self
            .app
            .create_account(Role::Coordinator, "gone@pair.example", PASSWORD)
            .await;
        sqlx::query("UPDATE accounts SET is_disabled = 1 WHERE id = ?")
            .bind(gone)
            .execute(&self.app.pool)
            .await
            .expect("the account is disabled");
    }

    /// A proposal between Lucas (the other mentee) and Marc; its id.
    async fn lucas_proposal(&self) -> i64 {
        let profile = |email: &'static str| {
            let pool = self.app.pool.clone();
            async move {
                sqlx::query_scalar::<_, i64>(
                    "SELECT p.id FROM profiles p JOIN accounts a ON a.id = p.account_id \
                     WHERE a.email = ?",
                )
                .bind(email)
                .fetch_one(&pool)
                .await
                .expect("the profile")
            }
        };
        let mentee = profile("lucas@pair.example").await;
        let mentor = profile("marc@pair.example").await;
        self.app.insert_pair("hiver-2025", mentee, mentor).await
    }

    async fn answer(&self, cookie: &str, pair: i64, answer: &str, reason: &str) {
        let answered = self
            .call(
                cookie,
                AnswerPair::PATH,
                &[
                    ("id", &pair.to_string()),
                    ("answer", answer),
                    ("reason", reason),
                ],
            )
            .await;
        answered.assert_status(StatusCode::OK);
    }

    /// Marc gives Emily feedback; its id.
    async fn feedback(&self) -> i64 {
        let given = self
            .call(
                &self.mentor,
                GiveFeedback::PATH,
                &[
                    ("pair_id", &self.id.to_string()),
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
        given.body.trim().parse().expect("the feedback's id")
    }

    async fn acknowledge(&self, feedback: i64, response: &str) {
        let acknowledged = self
            .call(
                &self.mentee,
                AcknowledgeFeedback::PATH,
                &[("id", &feedback.to_string()), ("response", response)],
            )
            .await;
        acknowledged.assert_status(StatusCode::OK);
    }

    async fn log(&self, meeting: i64, version: &str, outcome: &str) {
        let logged = self
            .call(
                &self.mentee,
                LogMeeting::PATH,
                &[
                    ("id", &meeting.to_string()),
                    ("version", version),
                    ("outcome", outcome),
                    ("shared_notes", ""),
                    ("next_steps", ""),
                ],
            )
            .await;
        logged.assert_status(StatusCode::OK);
    }

    async fn end(&self, reason: &str) {
        let ended = self
            .call(
                &self.coordinator,
                EndPair::PATH,
                &[("id", &self.id.to_string()), ("reason", reason)],
            )
            .await;
        ended.assert_status(StatusCode::OK);
    }
}

#[tokio::test]
async fn a_declined_proposal_tells_every_active_coordinator_who_declined_and_why() {
    let pair = Pair::new().await;
    pair.more_coordinators().await;
    let proposal = pair.lucas_proposal().await;
    pair.answer(
        &pair.stranger,
        proposal,
        "declined",
        "Horaires incompatibles",
    )
    .await;
    let told = pair.sent("pair_declined").await;
    assert_eq!(
        Pair::recipients(&told),
        [("claire@pair.example", "fr"), ("olivia@pair.example", "en")]
    );
    assert!(told[0].2.contains("déclinée"), "{:?}", told[0]);
    assert!(told[1].2.contains("declined"), "{:?}", told[1]);
    for (_, _, _, body) in &told {
        assert!(body.contains("Person lucas@pair.example"), "{body}");
        assert!(body.contains("Horaires incompatibles"), "{body}");
    }
    assert!(pair.sent("pair_activated").await.is_empty());
}

#[tokio::test]
async fn an_active_pair_tells_both_people_and_the_coordination_each_in_their_language() {
    let pair = Pair::new().await;
    pair.set_locale("lucas@pair.example", "en").await;
    let proposal = pair.lucas_proposal().await;
    pair.answer(&pair.mentor, proposal, "accepted", "").await;
    assert!(pair.sent("pair_activated").await.is_empty());
    pair.answer(&pair.stranger, proposal, "accepted", "").await;
    let told = pair.sent("pair_activated").await;
    assert_eq!(
        Pair::recipients(&told),
        [
            ("claire@pair.example", "fr"),
            ("lucas@pair.example", "en"),
            ("marc@pair.example", "fr"),
        ]
    );
    assert!(
        told[0].3.contains("Person marc@pair.example"),
        "{:?}",
        told[0]
    );
    assert!(
        told[0].3.contains("Person lucas@pair.example"),
        "{:?}",
        told[0]
    );
    assert_eq!(told[1].2, "Your mentoring pair is starting");
    assert!(
        told[1].3.contains("Person marc@pair.example"),
        "{:?}",
        told[1]
    );
    assert_eq!(told[2].2, "Votre jumelage commence");
}

#[tokio::test]
async fn an_ended_pair_tells_both_people_never_the_coordinators_reason() {
    let pair = Pair::new().await;
    let reason = "Conflit confidentiel signalé par la mentorée";
    pair.end(reason).await;
    let told = pair.sent("pair_ended").await;
    assert_eq!(
        Pair::recipients(&told),
        [("emily@pair.example", "en"), ("marc@pair.example", "fr")]
    );
    assert_eq!(told[0].2, "Your mentoring pair is ending");
    assert_eq!(told[1].2, "Votre jumelage prend fin");
    for (_, _, subject, body) in &told {
        assert!(
            !body.contains(reason) && !subject.contains(reason),
            "{body}"
        );
        assert!(!body.contains("Conflit"), "{body}");
    }

    // A withdrawn proposal: both are told too.
    let proposal = pair.lucas_proposal().await;
    let withdrawn = pair
        .call(
            &pair.coordinator,
            WithdrawPair::PATH,
            &[("id", &proposal.to_string())],
        )
        .await;
    withdrawn.assert_status(StatusCode::OK);
    assert_eq!(
        Pair::recipients(&pair.sent("pair_withdrawn").await),
        [("lucas@pair.example", "fr"), ("marc@pair.example", "fr")]
    );
}

#[tokio::test]
async fn a_cancelled_meeting_tells_the_other_person_once() {
    let pair = Pair::new().await;
    let meeting = pair
        .agreed_meeting("2099-01-06", &[("free_objectives", "CV")])
        .await;
    pair.log(meeting, "2", "cancelled").await;
    let told = pair.sent("meeting_cancelled").await;
    assert_eq!(Pair::recipients(&told), [("marc@pair.example", "fr")]);
    assert!(
        told[0].3.contains("Person emily@pair.example"),
        "{:?}",
        told[0]
    );
    // In the reader's words, in Montréal time.
    assert!(
        told[0].3.contains("mardi 6 janvier 2099 à 14 h"),
        "{:?}",
        told[0]
    );
    // Rewriting the notes of a cancelled meeting is no news.
    pair.log(meeting, "3", "cancelled").await;
    assert_eq!(pair.sent("meeting_cancelled").await.len(), 1);
}

#[tokio::test]
async fn a_change_asked_tells_the_person_who_must_rewrite() {
    let pair = Pair::new().await;
    let goal = pair.propose_goal(&pair.mentee, "Find an internship").await;
    let asked = pair
        .call(
            &pair.mentor,
            RequestGoalChange::PATH,
            &[
                ("id", &goal.to_string()),
                ("version", "1"),
                ("comment", "Say which field"),
            ],
        )
        .await;
    asked.assert_status(StatusCode::OK);
    let told = pair.sent("change_requested").await;
    assert_eq!(Pair::recipients(&told), [("emily@pair.example", "en")]);
    assert_eq!(told[0].2, "A change is asked to your goal");
    assert!(told[0].3.contains("Find an internship"), "{:?}", told[0]);
    // What is asked stays in the workspace.
    assert!(!told[0].3.contains("Say which field"), "{:?}", told[0]);

    let planned = pair
        .call(
            &pair.mentor,
            PlanMeeting::PATH,
            &[
                ("pair_id", &pair.id.to_string()),
                ("date", "2099-01-06"),
                ("time", "14:00"),
                ("duration_minutes", "60"),
                ("modality", "video"),
                ("location", ""),
                ("free_objectives", "CV"),
            ],
        )
        .await;
    planned.assert_status(StatusCode::OK);
    let meeting = planned.body.trim().to_owned();
    let asked = pair
        .call(
            &pair.mentee,
            RequestMeetingChange::PATH,
            &[
                ("id", &meeting),
                ("version", "1"),
                ("comment", "Later in the day"),
            ],
        )
        .await;
    asked.assert_status(StatusCode::OK);
    let told = pair.sent("change_requested").await;
    assert_eq!(
        Pair::recipients(&told),
        [("emily@pair.example", "en"), ("marc@pair.example", "fr")]
    );
    assert_eq!(told[1].2, "Un changement est demandé à votre rencontre");
    // The existing "waiting for your agreement" notice is not repeated.
    assert_eq!(pair.sent("agreement_requested").await.len(), 1);
}

#[tokio::test]
async fn the_mentor_hears_when_feedback_is_acknowledged_and_when_it_is_answered() {
    let pair = Pair::new().await;
    pair.set_locale("marc@pair.example", "en").await;
    let feedback = pair.feedback().await;
    pair.acknowledge(feedback, "").await;
    let told = pair.sent("feedback_acknowledged").await;
    assert_eq!(Pair::recipients(&told), [("marc@pair.example", "en")]);
    assert_eq!(told[0].2, "Your feedback was read");
    // Acknowledging again says nothing new; an answer does (not its words).
    pair.acknowledge(feedback, "").await;
    assert_eq!(pair.sent("feedback_acknowledged").await.len(), 1);
    pair.acknowledge(feedback, "Thanks, on it").await;
    let told = pair.sent("feedback_acknowledged").await;
    assert_eq!(told.len(), 2);
    assert_eq!(told[1].2, "A reply to your feedback");
    assert!(!told[1].3.contains("Thanks, on it"), "{:?}", told[1]);
}

#[tokio::test]
async fn not_a_fit_tells_the_coordination_once() {
    let pair = Pair::new().await;
    pair.more_coordinators().await;
    sqlx::query(
        "INSERT INTO meetings (pair_id, starts_at, duration_minutes, modality, agreement, \
         agreement_side, status, created_at, updated_at) VALUES (?, '2026-01-05T19:00:00Z', 60, \
         'video', 'agreed', 'mentor', 'held', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    .bind(pair.id)
    .execute(&pair.app.pool)
    .await
    .expect("a meeting was held");
    let answer = |answer: &'static str| {
        let pair = &pair;
        async move {
            let answered = pair
                .call(
                    &pair.mentee,
                    AnswerFitCheck::PATH,
                    &[("pair_id", &pair.id.to_string()), ("answer", answer)],
                )
                .await;
            answered.assert_status(StatusCode::OK);
        }
    };
    answer("good_fit").await;
    assert!(pair.sent("not_a_fit").await.is_empty());
    answer("not_a_fit").await;
    answer("not_a_fit").await;
    let told = pair.sent("not_a_fit").await;
    assert_eq!(
        Pair::recipients(&told),
        [("claire@pair.example", "fr"), ("olivia@pair.example", "en")]
    );
    assert!(
        told[1].3.contains("Person emily@pair.example"),
        "{:?}",
        told[1]
    );
    assert!(told[1].3.contains("not a fit"), "{:?}", told[1]);
}

#[tokio::test]
async fn a_weekly_digest_gathers_what_can_wait_and_urgent_notices_still_go_at_once() {
    let pair = Pair::new().await;
    let chose = pair
        .call(
            &pair.mentor,
            UpdateMyAccount::PATH,
            &[
                ("display_name", "Marc"),
                ("locale", "fr"),
                ("notification_delivery", "weekly_digest"),
            ],
        )
        .await;
    chose.assert_status(StatusCode::OK);
    let unknown = pair
        .call(
            &pair.mentor,
            UpdateMyAccount::PATH,
            &[
                ("display_name", "Marc"),
                ("locale", "fr"),
                ("notification_delivery", "daily"),
            ],
        )
        .await;
    unknown.assert_status(StatusCode::BAD_REQUEST);

    // Non-urgent: held, not sent.
    let feedback = pair.feedback().await;
    pair.acknowledge(feedback, "").await;
    // A meeting far off, cancelled: it can wait too.
    let meeting = pair
        .agreed_meeting("2099-01-06", &[("free_objectives", "CV")])
        .await;
    pair.log(meeting, "2", "cancelled").await;
    assert!(pair.sent("feedback_acknowledged").await.is_empty());
    assert!(pair.sent("meeting_cancelled").await.is_empty());
    // The mentee did not choose the digest: her notice went at once.
    assert_eq!(pair.sent("feedback_received").await.len(), 1);

    // Held on a Wednesday; the digest goes out from Monday 8:00 in Montréal.
    sqlx::query("UPDATE held_notices SET created_at = '2026-12-02T15:00:00Z'")
        .execute(&pair.app.pool)
        .await
        .expect("the notices' time is set");
    let run = |now: &'static str| {
        let pool = pair.app.pool.clone();
        async move {
            let now = chrono::DateTime::parse_from_rfc3339(now)
                .expect("a time")
                .with_timezone(&chrono::Utc);
            app::outbox::digest::send_due_digests(&pool, "https://mentorat.example", now)
                .await
                .expect("the digests run")
        }
    };
    assert_eq!(run("2026-12-04T15:00:00Z").await, 0);
    assert_eq!(run("2026-12-07T12:59:00Z").await, 0);
    assert_eq!(run("2026-12-07T13:30:00Z").await, 1);
    assert_eq!(run("2026-12-07T14:00:00Z").await, 0);
    let digests = pair.sent("weekly_digest").await;
    assert_eq!(Pair::recipients(&digests), [("marc@pair.example", "fr")]);
    let (_, _, subject, body) = &digests[0];
    assert_eq!(subject, "Votre résumé de la semaine — Mentorat");
    assert!(body.starts_with("Bonjour Marc,"), "{body}");
    assert!(body.contains("Votre rétroaction a été lue"), "{body}");
    assert!(
        body.contains("a accusé réception de votre rétroaction"),
        "{body}"
    );
    assert!(body.contains("Une rencontre est annulée"), "{body}");
    // Each notice once, without its own greeting.
    assert_eq!(body.matches("Bonjour").count(), 1, "{body}");
    let held: i64 = sqlx::query_scalar("SELECT count(*) FROM held_notices")
        .fetch_one(&pair.app.pool)
        .await
        .expect("the held notices");
    assert_eq!(held, 0);

    // Urgent: the end of the pair goes at once, digest or not.
    pair.end("Déménagement").await;
    assert_eq!(
        Pair::recipients(&pair.sent("pair_ended").await),
        [("emily@pair.example", "en"), ("marc@pair.example", "fr")]
    );
}
