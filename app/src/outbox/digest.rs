//! The weekly digest: which notices may wait for it, when it is due, and the
//! task that queues it.
//!
//! A person chooses in their account between receiving every notice at once
//! (the default) and a weekly digest. Only notices that can wait are held for
//! the digest; the rest go at once whatever the choice:
//!
//! | can wait (non-urgent)                      | goes at once (urgent)                         |
//! |--------------------------------------------|-----------------------------------------------|
//! | a goal waits for their agreement           | a pair proposed (an answer is awaited)        |
//! | feedback received, acknowledged, answered  | a meeting planned or changed (to agree first) |
//! | a pair became active                       | the day-before meeting reminder               |
//! | a change asked to a goal                   | a pair withdrawn or ended                     |
//! | a meeting cancelled or a change asked to   | to the coordination: a proposal declined, a   |
//! | it, when the meeting is after next digest  | "not a fit" (someone must act)                |
//! |                                            | a meeting cancelled or a change asked to it   |
//! |                                            | when it comes before the next digest          |
//! |                                            | invitations, password resets, applications    |
//!
//! The digest goes out on Mondays from 8:00, Montréal time: a held notice is
//! in the first digest after it was held, and in one digest only (it is
//! deleted in the transaction that queues the digest).
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::America::Toronto;
use sqlx::SqlitePool;

use super::EmailKind;

/// The day and hour (Montréal time) from which the weekly digest goes out.
pub const DIGEST_WEEKDAY: chrono::Weekday = chrono::Weekday::Mon;
pub const DIGEST_HOUR: u32 = 8;

/// Whether a notice of `kind` may wait for the recipient's weekly digest, at
/// `now`. `about_meeting`: the start of the meeting the notice is about, if
/// any: a notice about a meeting that comes before the next digest never waits.
pub fn may_wait(kind: EmailKind, about_meeting: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    match kind {
        EmailKind::AgreementRequested
        | EmailKind::FeedbackReceived
        | EmailKind::FeedbackAcknowledged
        | EmailKind::MessageReceived
        | EmailKind::PairActivated => true,
        // A change asked to a goal (no meeting) can wait; to a meeting, only
        // if the meeting comes after the next digest.
        EmailKind::ChangeRequested => {
            about_meeting.is_none_or(|starts| starts >= next_digest_slot(now))
        }
        EmailKind::MeetingCancelled => {
            about_meeting.is_some_and(|starts| starts >= next_digest_slot(now))
        }
        EmailKind::Invitation
        | EmailKind::PasswordReset
        | EmailKind::ApplicationReceived
        | EmailKind::ApplicationInfoRequested
        | EmailKind::ApplicationDeclined
        | EmailKind::PairProposed
        | EmailKind::MeetingPlanned
        | EmailKind::MeetingReminder
        | EmailKind::PairDeclined
        | EmailKind::PairWithdrawn
        | EmailKind::PairEnded
        | EmailKind::NotAFit
        | EmailKind::WeeklyDigest
        // A coordinator's nudge is sent when she clicks: a digest would defeat it.
        | EmailKind::Nudge
        | EmailKind::EndRequested
        | EmailKind::MessageReported
        | EmailKind::CohortInvitation
        // A questionnaire and its reminder go when due: a digest would delay them.
        | EmailKind::QuestionnaireSent
        | EmailKind::QuestionnaireReminder
        // The way into an account waits for nothing.
        | EmailKind::RegistrationConfirmation
        | EmailKind::RegistrationNotice => false,
    }
}

/// A day's digest moment (8:00 in Montréal) in UTC.
fn digest_moment(day: NaiveDate) -> DateTime<Utc> {
    let local = day.and_time(chrono::NaiveTime::MIN) + Duration::hours(i64::from(DIGEST_HOUR));
    // 8:00 exists every day (clocks change at 2:00 or 3:00); should a rule
    // ever make it ambiguous or missing, the UTC reading is close enough.
    match Toronto.from_local_datetime(&local).earliest() {
        Some(time) => time.with_timezone(&Utc),
        None => local.and_utc(),
    }
}

/// The day of the latest digest moment at or before `now`.
fn latest_digest_day(now: DateTime<Utc>) -> NaiveDate {
    let today = now.with_timezone(&Toronto).date_naive();
    let since =
        (7 + today.weekday().num_days_from_monday() - DIGEST_WEEKDAY.num_days_from_monday()) % 7;
    let day = today - Duration::days(i64::from(since));
    if digest_moment(day) <= now {
        day
    } else {
        day - Duration::days(7)
    }
}

/// The latest digest moment at or before `now`.
pub fn latest_digest_slot(now: DateTime<Utc>) -> DateTime<Utc> {
    digest_moment(latest_digest_day(now))
}

/// The first digest moment after `now`.
pub fn next_digest_slot(now: DateTime<Utc>) -> DateTime<Utc> {
    digest_moment(latest_digest_day(now) + Duration::days(7))
}

/// Whether a person's digest is due at `now`, their oldest waiting notice
/// held at `oldest_held`: a digest moment passed since it was held.
pub fn digest_is_due(oldest_held: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    oldest_held < latest_digest_slot(now)
}

/// The body of a held notice without its greeting (its first paragraph),
/// as it appears in the digest.
pub fn without_greeting(body: &str) -> &str {
    body.split_once("\n\n").map_or(body, |(_, rest)| rest)
}

/// Queues the weekly digests due at `now`, one per person with held notices
/// (disabled accounts excepted); how many were queued. Safe to run as often
/// as one likes: a digest takes its notices away in its own transaction.
pub async fn send_due_digests(
    pool: &SqlitePool,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    use super::compose::{weekly_digest, DigestItem};
    use super::repo::{enqueue_composed, held_notices_of, release_held, waiting_digests};
    use crate::accounts::Role;
    use crate::program_time::program_time;

    let mut queued = 0;
    for person in waiting_digests(pool).await? {
        let Ok(oldest) = DateTime::parse_from_rfc3339(&person.oldest_held) else {
            tracing::warn!(
                account = person.account_id,
                "held notice with an unreadable time"
            );
            continue;
        };
        if !digest_is_due(oldest.with_timezone(&Utc), now) {
            continue;
        }
        let mut transaction = crate::write_transaction::begin_write(pool).await?;
        let held = held_notices_of(&mut transaction, person.account_id).await?;
        if held.is_empty() {
            continue;
        }
        let items: Vec<DigestItem> = held
            .iter()
            .map(|notice| DigestItem {
                subject: &notice.subject,
                when: program_time(&notice.created_at),
                text: without_greeting(&notice.body),
            })
            .collect();
        let composed = weekly_digest(&person.locale, &person.display_name, &items);
        let area = match Role::parse(&person.role) {
            Some(Role::Coordinator) => "coordinator",
            Some(Role::Mentor) => "mentor",
            _ => "mentee",
        };
        enqueue_composed(
            &mut transaction,
            EmailKind::WeeklyDigest,
            &person.email,
            &person.locale,
            &composed,
            Some(&format!("{public_url}/{area}")),
        )
        .await?;
        let ids: Vec<i64> = held.iter().map(|notice| notice.id).collect();
        // Another run took them meanwhile: this digest would repeat them.
        if !release_held(&mut transaction, &ids).await? {
            continue;
        }
        transaction.commit().await?;
        queued += 1;
    }
    Ok(queued)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("a test time")
            .with_timezone(&Utc)
    }

    #[test]
    fn the_digest_moment_is_monday_eight_in_montreal_summer_and_winter() {
        // Wednesday 2026-12-02 (EST, UTC-5): the latest is Monday 2026-11-30 8:00.
        let wednesday = utc("2026-12-02T15:00:00Z");
        assert_eq!(latest_digest_slot(wednesday), utc("2026-11-30T13:00:00Z"));
        assert_eq!(next_digest_slot(wednesday), utc("2026-12-07T13:00:00Z"));
        // Monday 7:59 is still last week's; 8:00 is this week's.
        assert_eq!(
            latest_digest_slot(utc("2026-11-30T12:59:00Z")),
            utc("2026-11-23T13:00:00Z")
        );
        assert_eq!(
            latest_digest_slot(utc("2026-11-30T13:00:00Z")),
            utc("2026-11-30T13:00:00Z")
        );
        // In summer (EDT, UTC-4).
        assert_eq!(
            latest_digest_slot(utc("2026-07-08T12:00:00Z")),
            utc("2026-07-06T12:00:00Z")
        );
        // Across the spring change (Sunday 2027-03-14): next Monday 8:00 EDT.
        assert_eq!(
            next_digest_slot(utc("2027-03-10T12:00:00Z")),
            utc("2027-03-15T12:00:00Z")
        );
    }

    #[test]
    fn a_held_notice_is_due_from_the_first_monday_after_it() {
        let held = utc("2026-12-02T15:00:00Z"); // a Wednesday
        assert!(!digest_is_due(held, utc("2026-12-04T15:00:00Z")));
        assert!(!digest_is_due(held, utc("2026-12-07T12:59:00Z")));
        assert!(digest_is_due(held, utc("2026-12-07T13:00:00Z")));
        assert!(digest_is_due(held, utc("2026-12-09T13:00:00Z")));
        // Held on Monday after the moment: the next Monday.
        let monday_noon = utc("2026-12-07T17:00:00Z");
        assert!(!digest_is_due(monday_noon, utc("2026-12-07T18:00:00Z")));
        assert!(digest_is_due(monday_noon, utc("2026-12-14T13:00:00Z")));
    }

    #[test]
    fn urgent_notices_never_wait_and_meetings_wait_only_if_after_the_next_digest() {
        let now = utc("2026-12-02T15:00:00Z"); // next digest: 2026-12-07 13:00 UTC
        let soon = Some(utc("2026-12-04T18:00:00Z"));
        let later = Some(utc("2026-12-20T18:00:00Z"));
        for kind in [
            EmailKind::AgreementRequested,
            EmailKind::FeedbackReceived,
            EmailKind::FeedbackAcknowledged,
            EmailKind::PairActivated,
        ] {
            assert!(may_wait(kind, None, now), "{kind:?}");
        }
        for kind in [
            EmailKind::PairProposed,
            EmailKind::MeetingPlanned,
            EmailKind::MeetingReminder,
            EmailKind::PairWithdrawn,
            EmailKind::PairEnded,
            EmailKind::PairDeclined,
            EmailKind::NotAFit,
            EmailKind::PasswordReset,
            EmailKind::Invitation,
            EmailKind::WeeklyDigest,
        ] {
            assert!(!may_wait(kind, later, now), "{kind:?}");
        }
        assert!(!may_wait(EmailKind::MeetingCancelled, soon, now));
        assert!(may_wait(EmailKind::MeetingCancelled, later, now));
        assert!(!may_wait(EmailKind::MeetingCancelled, None, now));
        assert!(may_wait(EmailKind::ChangeRequested, None, now)); // a goal
        assert!(!may_wait(EmailKind::ChangeRequested, soon, now));
        assert!(may_wait(EmailKind::ChangeRequested, later, now));
    }

    #[test]
    fn a_digest_item_drops_the_greeting() {
        assert_eq!(
            without_greeting("Bonjour Marc,\n\nEmily a répondu.\n\nConnectez-vous."),
            "Emily a répondu.\n\nConnectez-vous."
        );
        assert_eq!(without_greeting("Une ligne"), "Une ligne");
    }
}
