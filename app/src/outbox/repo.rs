//! SQL for the outbox.
use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::{EmailKind, OutboxMessage};
use crate::accounts::NotificationDelivery;
use crate::program_time::program_time;

pub struct NewEmail<'a> {
    pub kind: EmailKind,
    pub recipient: &'a str,
    pub locale: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub action_url: Option<&'a str>,
}

/// Stores a composed message for one recipient (see `enqueue`): the one way
/// features send an email.
pub async fn enqueue_composed(
    connection: &mut SqliteConnection,
    kind: EmailKind,
    recipient: &str,
    locale: &str,
    message: &super::compose::ComposedEmail,
    action_url: Option<&str>,
) -> Result<i64, sqlx::Error> {
    let email = NewEmail {
        kind,
        recipient,
        locale,
        subject: &message.subject,
        body: &message.body,
        action_url,
    };
    enqueue(connection, &email).await
}

/// Stores a message for delivery. Logged, so that without SMTP the log shows it was "sent".
pub async fn enqueue(
    connection: &mut SqliteConnection,
    email: &NewEmail<'_>,
) -> Result<i64, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO outbox (kind, recipient, locale, subject, body, action_url) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(email.kind.as_str())
    .bind(email.recipient)
    .bind(email.locale)
    .bind(email.subject)
    .bind(email.body)
    .bind(email.action_url)
    .execute(&mut *connection)
    .await?;
    let id = result.last_insert_rowid();
    // No address nor subject at info level: the log is not a copy of the outbox.
    tracing::info!(outbox_id = id, kind = email.kind.as_str(), "email queued");
    Ok(id)
}

/// Where a notice went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivered {
    /// Queued as an email (its outbox id).
    Queued(i64),
    /// Held for the recipient's weekly digest.
    Held,
}

/// Sends a notice to a person: held for their weekly digest when they chose
/// one and the notice may wait (`digest::may_wait`; `about_meeting` is the
/// start of the meeting it is about), queued at once otherwise. Inside the
/// caller's transaction, like the change it tells of.
pub async fn notify(
    connection: &mut SqliteConnection,
    email: &NewEmail<'_>,
    about_meeting: Option<&str>,
) -> Result<Delivered, sqlx::Error> {
    let now = chrono::Utc::now();
    let meeting = about_meeting
        .and_then(|text| chrono::DateTime::parse_from_rfc3339(text).ok())
        .map(|time| time.with_timezone(&chrono::Utc));
    if super::digest::may_wait(email.kind, meeting, now) {
        let digest_reader: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM accounts WHERE email = ? COLLATE NOCASE \
             AND notification_delivery = ?",
        )
        .bind(email.recipient)
        .bind(NotificationDelivery::WeeklyDigest.as_str())
        .fetch_optional(&mut *connection)
        .await?;
        if let Some(account_id) = digest_reader {
            sqlx::query(
                "INSERT INTO held_notices (account_id, kind, subject, body, created_at) \
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(account_id)
            .bind(email.kind.as_str())
            .bind(email.subject)
            .bind(email.body)
            .bind(crate::program_time::utc_text(now))
            .execute(&mut *connection)
            .await?;
            tracing::info!(
                kind = email.kind.as_str(),
                account_id,
                "notice held for the weekly digest"
            );
            return Ok(Delivered::Held);
        }
    }
    Ok(Delivered::Queued(enqueue(connection, email).await?))
}

/// A coordinator who receives the coordination's notices.
#[derive(Debug, sqlx::FromRow)]
pub struct CoordinatorAddress {
    pub email: String,
    pub display_name: String,
    pub locale: String,
}

/// Every coordinator whose account is not disabled.
pub async fn coordinators(
    connection: &mut SqliteConnection,
) -> Result<Vec<CoordinatorAddress>, sqlx::Error> {
    sqlx::query_as(
        "SELECT email, display_name, locale FROM accounts \
         WHERE role = 'coordinator' AND is_disabled = 0 ORDER BY id",
    )
    .fetch_all(&mut *connection)
    .await
}

/// Tells every coordinator (accounts not disabled), each in their language:
/// `compose(locale, coordinator's name)`.
pub async fn notify_coordinators(
    connection: &mut SqliteConnection,
    kind: EmailKind,
    compose: impl Fn(&str, &str) -> super::compose::ComposedEmail,
    action_url: &str,
) -> Result<(), sqlx::Error> {
    for coordinator in coordinators(connection).await? {
        let composed = compose(&coordinator.locale, &coordinator.display_name);
        notify(
            connection,
            &NewEmail {
                kind,
                recipient: &coordinator.email,
                locale: &coordinator.locale,
                subject: &composed.subject,
                body: &composed.body,
                action_url: Some(action_url),
            },
            None,
        )
        .await?;
    }
    Ok(())
}

/// A person with notices waiting for their digest.
#[derive(Debug, sqlx::FromRow)]
pub struct WaitingDigest {
    pub account_id: i64,
    pub email: String,
    pub display_name: String,
    pub locale: String,
    pub role: String,
    pub oldest_held: String,
}

/// The people (accounts not disabled) with held notices, and since when.
pub async fn waiting_digests(pool: &SqlitePool) -> Result<Vec<WaitingDigest>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.id AS account_id, a.email, a.display_name, a.locale, a.role, \
                MIN(h.created_at) AS oldest_held \
         FROM held_notices h JOIN accounts a ON a.id = h.account_id \
         WHERE a.is_disabled = 0 GROUP BY a.id ORDER BY a.id",
    )
    .fetch_all(pool)
    .await
}

/// A notice held for a digest.
#[derive(Debug, sqlx::FromRow)]
pub struct HeldNotice {
    pub id: i64,
    pub subject: String,
    pub body: String,
    pub created_at: String,
}

pub async fn held_notices_of(
    connection: &mut SqliteConnection,
    account_id: i64,
) -> Result<Vec<HeldNotice>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, subject, body, created_at FROM held_notices \
         WHERE account_id = ? ORDER BY created_at, id",
    )
    .bind(account_id)
    .fetch_all(&mut *connection)
    .await
}

/// Removes notices now in a digest. False if some were already taken.
pub async fn release_held(
    connection: &mut SqliteConnection,
    ids: &[i64],
) -> Result<bool, sqlx::Error> {
    let mut released = 0;
    for id in ids {
        released += sqlx::query("DELETE FROM held_notices WHERE id = ?")
            .bind(id)
            .execute(&mut *connection)
            .await?
            .rows_affected();
    }
    Ok(released == ids.len() as u64)
}

#[derive(sqlx::FromRow)]
struct OutboxRow {
    id: i64,
    kind: String,
    recipient: String,
    locale: String,
    subject: String,
    body: String,
    action_url: Option<String>,
    created_at: String,
    sent_at: Option<String>,
    last_error: Option<String>,
    attempts: i64,
    next_attempt_at: Option<String>,
    failed_at: Option<String>,
    /// The reader sent the invitation to this recipient.
    own_invitation: bool,
}

/// Whether the outbox shows a message's link to its reader: never a private
/// link (it opens someone's account or answers in their name); an invitation's
/// only when no mail server delivers it (the coordinator hands it over) and
/// only to the coordinator who sent it; a registration's confirmation only
/// when no mail server delivers it (the coordination hands it to the student
/// who asked: without email, there is no other way in). Once the email is
/// sent, no link is left to show (`mark_sent` clears it).
fn link_shown(kind: Option<EmailKind>, smtp_configured: bool, own_invitation: bool) -> bool {
    match kind {
        Some(EmailKind::Invitation) => !smtp_configured && own_invitation,
        Some(EmailKind::RegistrationConfirmation) => !smtp_configured,
        Some(kind) => !kind.link_is_private(),
        None => false,
    }
}

/// How many emails of `kind` went to `recipient` since `since` (a door that
/// emails whoever types an address limits them per hour).
pub async fn count_sent_to(
    connection: &mut SqliteConnection,
    kind: EmailKind,
    recipient: &str,
    since: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE kind = ? AND recipient = ? COLLATE NOCASE \
         AND created_at > ?",
    )
    .bind(kind.as_str())
    .bind(recipient)
    .bind(crate::program_time::utc_text(since))
    .fetch_one(&mut *connection)
    .await
}

/// The latest messages first, as `reader_id` may see them (`link_shown`).
pub async fn latest(
    pool: &SqlitePool,
    limit: i64,
    reader_id: i64,
    smtp_configured: bool,
) -> Result<Vec<OutboxMessage>, sqlx::Error> {
    let rows: Vec<OutboxRow> = sqlx::query_as(
        "SELECT id, kind, recipient, locale, subject, body, action_url, created_at, sent_at, \
         last_error, attempts, next_attempt_at, failed_at, EXISTS (SELECT 1 FROM invitations i WHERE i.email = outbox.recipient \
         COLLATE NOCASE AND i.invited_by = ?) AS own_invitation \
         FROM outbox ORDER BY id DESC LIMIT ?",
    )
    .bind(reader_id)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let kind = EmailKind::parse(&row.kind);
            let withheld =
                row.action_url.is_some() && !link_shown(kind, smtp_configured, row.own_invitation);
            OutboxMessage {
                id: row.id,
                kind,
                recipient: row.recipient,
                locale: row.locale,
                subject: row.subject,
                body: row.body,
                action_url: if withheld { None } else { row.action_url },
                link_withheld: withheld,
                created_at: program_time(&row.created_at),
                sent_at: row.sent_at.as_deref().map(program_time),
                last_error: row.last_error,
                attempts: row.attempts,
                next_attempt_at: row.next_attempt_at.as_deref().map(program_time),
                failed_at: row.failed_at.as_deref().map(program_time),
            }
        })
        .collect())
}

/// A message waiting for SMTP delivery.
#[derive(Debug, sqlx::FromRow)]
pub struct PendingEmail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub action_url: Option<String>,
    pub attempts: i64,
}

/// Messages due for an attempt at `now`, oldest first: not sent, not given
/// up, and their next attempt's time come (`backoff`).
pub async fn pending(
    pool: &SqlitePool,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<PendingEmail>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, recipient, subject, body, action_url, attempts FROM outbox \
         WHERE sent_at IS NULL AND failed_at IS NULL \
         AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?",
    )
    .bind(crate::program_time::utc_text(now))
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Marks a message sent; its link is cleared (the email carries it now: a
/// working link is not kept in the database once it is of no use there).
pub async fn mark_sent(pool: &SqlitePool, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET sent_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), \
         attempts = attempts + 1, last_error = NULL, action_url = NULL WHERE id = ?",
    )
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Records a failed attempt: tried again at `retry_at`, or, when `None`,
/// given up at `now` (a coordinator may send it again).
pub async fn mark_failed(
    pool: &SqlitePool,
    id: i64,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let (next_attempt_at, failed_at) = match retry_at {
        Some(at) => (Some(crate::program_time::utc_text(at)), None),
        None => (None, Some(crate::program_time::utc_text(now))),
    };
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, \
         failed_at = ? WHERE id = ?",
    )
    .bind(error)
    .bind(next_attempt_at)
    .bind(failed_at)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Gives every message given up a new series of attempts, starting now;
/// how many.
pub async fn resend_failed(pool: &SqlitePool) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE outbox SET failed_at = NULL, next_attempt_at = NULL, attempts = 0 \
         WHERE failed_at IS NOT NULL AND sent_at IS NULL",
    )
    .execute(pool)
    .await?
    .rows_affected())
}

/// Messages given up (the coordinator's home shows them first).
pub async fn count_failed(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE failed_at IS NOT NULL AND sent_at IS NULL",
    )
    .fetch_one(pool)
    .await
}

pub async fn count_unsent(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT count(*) FROM outbox WHERE sent_at IS NULL")
        .fetch_one(pool)
        .await
}
