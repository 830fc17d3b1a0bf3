//! Delivers the outbox by SMTP, when an SMTP server is configured.
//!
//! Messages are written to the outbox by the app (in the same transaction as
//! what they announce); this task picks up what is due, every few seconds,
//! and records success or the error. A failed message is tried again after a
//! wait that doubles from a minute to a day (`app::outbox::backoff`, the time
//! kept in the outbox so a restart keeps it), then given up until a
//! coordinator sends it again.
use std::time::Duration;

use app::outbox::backoff::wait_after;
use app::outbox::full_text;
use app::outbox::repo::{mark_failed, mark_sent, pending, PendingEmail};
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::SqlitePool;

const BATCH: i64 = 20;
const POLL_EVERY: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("invalid SMTP URL: {0}")]
    SmtpUrl(#[from] lettre::transport::smtp::Error),
    #[error("invalid sender address {0:?}")]
    Sender(String),
}

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, MailerError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)?.build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|_| MailerError::Sender(from.to_owned()))?;
        Ok(Mailer { transport, from })
    }

    /// Runs until the process stops.
    pub async fn run(self, pool: SqlitePool) {
        loop {
            let delivered = self.deliver_pending(&pool).await;
            if let Err(error) = &delivered {
                tracing::error!(%error, "cannot read the outbox");
            }
            crate::observability::prometheus::record_background_run(
                "email_delivery",
                delivered.is_ok(),
            );
            tokio::time::sleep(POLL_EVERY).await;
        }
    }

    /// Sends what is due now, once; `run` calls it every few seconds.
    pub async fn deliver_pending(&self, pool: &SqlitePool) -> Result<(), sqlx::Error> {
        self.deliver_due(pool, chrono::Utc::now()).await
    }

    /// Sends what is due at `now`; a failure sets the next attempt, or gives
    /// the message up after its last.
    pub async fn deliver_due(
        &self,
        pool: &SqlitePool,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), sqlx::Error> {
        for email in pending(pool, now, BATCH).await? {
            match self.send(&email).await {
                Ok(()) => {
                    tracing::info!(outbox_id = email.id, "email delivered");
                    mark_sent(pool, email.id).await?;
                }
                Err(error) => {
                    let attempt = email.attempts + 1;
                    let retry_at = wait_after(attempt).map(|wait| now + wait);
                    match retry_at {
                        Some(at) => tracing::warn!(
                            outbox_id = email.id,
                            attempt,
                            %error,
                            retry_at = %at,
                            "email not delivered: tried again later"
                        ),
                        None => tracing::error!(
                            outbox_id = email.id,
                            attempt,
                            %error,
                            "email not delivered after its last attempt: given up"
                        ),
                    }
                    mark_failed(pool, email.id, &error, retry_at, now).await?;
                }
            }
        }
        Ok(())
    }

    async fn send(&self, email: &PendingEmail) -> Result<(), String> {
        let to = email
            .recipient
            .parse::<Mailbox>()
            .map_err(|error| format!("recipient: {error}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(full_text(&email.body, email.action_url.as_deref()))
            .map_err(|error| format!("message: {error}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|error| error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked_at_start() {
        assert!(Mailer::new("smtp://localhost:2525", "Mentorat <no-reply@example.org>").is_ok());
        assert!(matches!(
            Mailer::new("smtp://localhost:2525", "not an address"),
            Err(MailerError::Sender(_))
        ));
        assert!(matches!(
            Mailer::new("ftp://nowhere", "Mentorat <no-reply@example.org>"),
            Err(MailerError::SmtpUrl(_))
        ));
    }
}
