//! The day-before reminder: each planned meeting, agreed by both, of an active pair starting
//! within the next 24 hours gets one email to each of its two people, in their
//! language, once.
use chrono::{DateTime, Duration, Utc};
use sqlx::SqlitePool;

use super::repo::{due_reminders, mark_reminded};
use crate::outbox::compose::meeting_reminder;
use crate::outbox::repo::enqueue_composed;
use crate::outbox::EmailKind;
use crate::program_time::program_time;
use crate::program_time::utc_text;

/// Queues the reminders due at `now`; how many meetings were reminded.
pub async fn send_due_reminders(
    pool: &SqlitePool,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    let due = due_reminders(pool, &utc_text(now), &utc_text(now + Duration::hours(24))).await?;
    let mut sent = 0;
    for meeting in due {
        let when = program_time(&meeting.starts_at);
        let mut transaction = crate::write_transaction::begin_write(pool).await?;
        // Marked first, in the same transaction: a reminder goes out once.
        if !mark_reminded(&mut transaction, meeting.id, &utc_text(now)).await? {
            continue;
        }
        for (name, email, locale, partner, area) in [
            (
                &meeting.mentee_name,
                &meeting.mentee_email,
                &meeting.mentee_locale,
                &meeting.mentor_name,
                "mentee",
            ),
            (
                &meeting.mentor_name,
                &meeting.mentor_email,
                &meeting.mentor_locale,
                &meeting.mentee_name,
                "mentor",
            ),
        ] {
            let composed = meeting_reminder(locale, name, partner, &when);
            enqueue_composed(
                &mut transaction,
                EmailKind::MeetingReminder,
                email,
                locale,
                &composed,
                Some(&format!("{public_url}/{area}")),
            )
            .await?;
        }
        transaction.commit().await?;
        sent += 1;
    }
    Ok(sent)
}
