//! The server's background tasks, each on its own clock: expired sessions
//! deleted hourly, the retention rules applied daily, meeting reminders
//! queued every ten minutes, weekly digests looked for every half hour (each
//! goes out on the first look after Monday 8:00, Montréal time), daily
//! backups when a folder is set, and the outbox delivered when SMTP is set.
//! Each run is counted for `/metrics` (`mentorat_background_runs_total`).
use std::future::Future;
use std::time::Duration;

use sqlx::SqlitePool;
use tower_sessions::ExpiredDeletion as _;

use crate::observability::prometheus::record_background_run;
use crate::{mailer, Config};

const MINUTE: Duration = Duration::from_secs(60);

/// Starts every task (within the running tokio runtime).
pub fn spawn_all(
    config: &Config,
    pool: &SqlitePool,
    public_url: String,
) -> Result<(), mailer::MailerError> {
    every("weekly_digests", 30 * MINUTE, {
        let (pool, url) = (pool.clone(), public_url.clone());
        move || weekly_digests(pool.clone(), url.clone())
    });
    every("questionnaires", 60 * MINUTE, {
        let (pool, url) = (pool.clone(), public_url.clone());
        move || questionnaires(pool.clone(), url.clone())
    });
    every("meeting_reminders", 10 * MINUTE, {
        let (pool, url) = (pool.clone(), public_url);
        move || meeting_reminders(pool.clone(), url.clone())
    });
    every("retention", 60 * MINUTE, {
        let pool = pool.clone();
        move || retention(pool.clone())
    });
    if let Some(folder) = config.backup_dir.clone() {
        let (pool, keep) = (pool.clone(), config.backup_keep);
        // Hourly look; a backup when the newest is a day old (a restart
        // neither skips nor repeats a day: the files' names say when).
        every("backup", 60 * MINUTE, move || {
            backup(pool.clone(), folder.clone(), keep)
        });
    }
    let store = tower_sessions_sqlx_store::SqliteStore::new(pool.clone());
    tokio::spawn(async move {
        if let Err(error) = store.continuously_delete_expired(60 * MINUTE).await {
            tracing::error!(%error, "expired-session cleanup stopped");
        }
    });
    match &config.smtp_url {
        Some(url) => {
            let mailer = mailer::Mailer::new(url, &config.mail_from)?;
            tokio::spawn(mailer.run(pool.clone()));
            tracing::info!("emails are delivered by SMTP");
        }
        None => tracing::info!(
            "no SMTP server configured (MENTORAT_SMTP_URL): emails stay in the outbox"
        ),
    }
    Ok(())
}

/// Runs `run` now, then every `period`, counting each outcome (`run` logs
/// its own errors: it knows what failed).
fn every<F, R>(task: &'static str, period: Duration, run: F)
where
    F: Fn() -> R + Send + 'static,
    R: Future<Output = bool> + Send,
{
    tokio::spawn(async move {
        let mut clock = tokio::time::interval(period);
        loop {
            clock.tick().await;
            record_background_run(task, run().await);
        }
    });
}

async fn weekly_digests(pool: SqlitePool, public_url: String) -> bool {
    match app::outbox::digest::send_due_digests(&pool, &public_url, chrono::Utc::now()).await {
        Ok(0) => true,
        Ok(sent) => {
            tracing::info!(sent, "weekly digests queued");
            true
        }
        Err(error) => {
            tracing::error!(%error, "weekly digests failed");
            false
        }
    }
}

/// Hourly: a pulse is due on a day, a reminder a week after a sending.
async fn questionnaires(pool: SqlitePool, public_url: String) -> bool {
    use app::evaluations::sending;
    let now = chrono::Utc::now();
    let pulses = match sending::send_due_pulses(&pool, &public_url, now).await {
        Ok(cohorts) => {
            if cohorts > 0 {
                tracing::info!(cohorts, "mid-cohort pulses queued");
            }
            true
        }
        Err(error) => {
            tracing::error!(%error, "mid-cohort pulses failed");
            false
        }
    };
    let reminders = match sending::send_due_reminders(&pool, &public_url, now).await {
        Ok(sendings) => {
            if sendings > 0 {
                tracing::info!(sendings, "questionnaire reminders queued");
            }
            true
        }
        Err(error) => {
            tracing::error!(%error, "questionnaire reminders failed");
            false
        }
    };
    pulses && reminders
}

async fn meeting_reminders(pool: SqlitePool, public_url: String) -> bool {
    match app::meetings::reminders::send_due_reminders(&pool, &public_url, chrono::Utc::now()).await
    {
        Ok(0) => true,
        Ok(sent) => {
            tracing::info!(sent, "meeting reminders queued");
            true
        }
        Err(error) => {
            tracing::error!(%error, "meeting reminders failed");
            false
        }
    }
}

/// Hourly look; the rules run once a day (the last run is kept, so a
/// restart neither skips nor repeats a day). Unconfirmed registrations
/// (they keep a password hash) go within an hour of their link's end,
/// unused devices after their days.
async fn retention(pool: SqlitePool) -> bool {
    let now = chrono::Utc::now();
    let rules = match app::erasure::retention::run_when_due(&pool, now).await {
        Ok(None) => true,
        Ok(Some(done)) => {
            tracing::info!(removed = done.total(), "retention rules applied");
            true
        }
        Err(error) => {
            tracing::error!(%error, "retention rules failed");
            false
        }
    };
    let registrations = match app::accounts::repo::delete_expired_registrations(&pool, now).await {
        Ok(removed) => {
            if removed > 0 {
                tracing::info!(removed, "expired registrations removed");
            }
            true
        }
        Err(error) => {
            tracing::error!(%error, "expired registrations not removed");
            false
        }
    };
    let unused_since = now - chrono::Duration::days(app::accounts::known_device::DEVICE_DAYS);
    let devices = match app::accounts::repo::delete_unused_devices(&pool, unused_since).await {
        Ok(removed) => {
            if removed > 0 {
                tracing::info!(removed, "unused devices forgotten");
            }
            true
        }
        Err(error) => {
            tracing::error!(%error, "unused devices not forgotten");
            false
        }
    };
    rules && registrations && devices
}

async fn backup(pool: SqlitePool, folder: std::path::PathBuf, keep: usize) -> bool {
    match crate::backup::scheduled(&pool, &folder, keep, chrono::Utc::now()).await {
        Ok(None) => true,
        Ok(Some(made)) => {
            tracing::info!(
                file = %made.path.display(),
                bytes = made.bytes,
                "scheduled backup made and checked"
            );
            true
        }
        Err(error) => {
            tracing::error!(%error, "scheduled backup failed");
            false
        }
    }
}
