//! Nudges: a short, kind email to the people an attention item concerns, at
//! most one per item in the cohort's interval.
// A form's fields are its server function's arguments (Leptos's convention).
#![allow(clippy::too_many_arguments)]
#[allow(unused_imports)]
use super::*;

/// Sends the people an item concerns a short, kind email in their language,
/// with the coordinator's optional personal line; at most one per item in the
/// cohort's nudge interval.
#[server(endpoint = "send_nudge")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn send_nudge(
    cohort: String,
    key: String,
    personal_line: Option<String>,
) -> Result<(), AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::input::parse_optional_text;
    use crate::program_time::utc_now_text;

    use crate::server_context::{pool, server_settings};

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator_id = authorized.account()?.id;
    let personal_line = parse_optional_text(
        "personal_line",
        personal_line.as_deref().unwrap_or_default(),
        crate::reports::nudge::PERSONAL_LINE_MAX_CHARS,
    )?;
    let pool = pool()?;
    let (cohort_id, item, thresholds) = nudgeable_item(&pool, cohort, &key).await?;
    let public_url = server_settings()?.public_url;
    let now = utc_now_text();
    let sending = NudgeSending {
        item: &item,
        cohort_id,
        personal_line: personal_line.as_deref(),
        public_url: &public_url,
        sent_by: coordinator_id,
        sent_at: &now,
    };
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    // Write first, then check: the transaction holds the write lock from its
    // first statement, so two nudges sent at once are decided one after the other.
    let mut ours = Vec::new();
    for person in item.nudge_recipients() {
        ours.push(enqueue_nudge(&mut transaction, &sending, person).await?);
    }
    let interval = thresholds.nudge_interval_days;
    if let Some(again_on) =
        too_soon_after_earlier(&mut transaction, &item.key, &ours, interval).await?
    {
        transaction.rollback().await?;
        return Err(AppError::TooSoon { again_on });
    }
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::NudgeSent,
        Some(coordinator_id),
        None,
        Some(&item.key),
    )
    .await;
    Ok(())
}

/// The item of key `key` in a cohort (chosen by code) as it stands today, if
/// a nudge can go to someone about it; with the cohort's id and thresholds.
#[cfg(feature = "ssr")]
async fn nudgeable_item(
    pool: &sqlx::SqlitePool,
    cohort: String,
    key: &str,
) -> Result<
    (
        i64,
        crate::reports::attention::AttentionItem,
        crate::reports::attention::Thresholds,
    ),
    AppError,
> {
    let (_, chosen) = chosen_cohort(pool, Some(cohort)).await?;
    let (cohort_id, _) = chosen.ok_or(AppError::NotFound)?;
    let (_, items, thresholds) = current_items(pool, cohort_id).await?;
    let item = items
        .into_iter()
        .find(|item| item.key == key)
        .ok_or(AppError::Conflict)?;
    if item.nudge_recipients().is_empty() {
        // The coordinator acts herself on this kind of item.
        return Err(AppError::Conflict);
    }
    Ok((cohort_id, item, thresholds))
}

/// What every email of one nudge shares.
#[cfg(feature = "ssr")]
struct NudgeSending<'a> {
    item: &'a crate::reports::attention::AttentionItem,
    cohort_id: i64,
    personal_line: Option<&'a str>,
    public_url: &'a str,
    sent_by: i64,
    /// UTC text.
    sent_at: &'a str,
}

/// Queues a nudge's email to one person in their language and records the
/// nudge; gives the email's outbox id.
#[cfg(feature = "ssr")]
async fn enqueue_nudge(
    connection: &mut sqlx::SqliteConnection,
    sending: &NudgeSending<'_>,
    person: &crate::reports::attention::Person,
) -> Result<i64, AppError> {
    use crate::outbox::repo::enqueue_composed;
    use crate::outbox::EmailKind;
    use crate::reports::repo::NewNudge;

    let item = sending.item;
    let (email, locale): (String, String) =
        sqlx::query_as("SELECT email, locale FROM accounts WHERE id = ?")
            .bind(person.account_id)
            .fetch_one(&mut *connection)
            .await?;
    let composed = crate::reports::nudge::compose(&locale, item, person, sending.personal_line);
    let area = if item
        .pair
        .as_ref()
        .is_some_and(|pair| pair.mentee.account_id == person.account_id)
    {
        "mentee"
    } else {
        "mentor"
    };
    // A nudge about a small answer carries the link that gives it
    // without signing in ("we met", "I read the feedback").
    let link = answer_link(&mut *connection, &item.key, person.account_id, area).await?;
    let public_url = sending.public_url;
    let action_url = match link {
        Some(path) => format!("{public_url}{path}"),
        None => format!("{public_url}/{area}"),
    };
    let outbox_id = enqueue_composed(
        &mut *connection,
        EmailKind::Nudge,
        &email,
        &locale,
        &composed,
        Some(&action_url),
    )
    .await?;
    crate::reports::repo::record_nudge(
        &mut *connection,
        &NewNudge {
            item_key: &item.key,
            cohort_id: sending.cohort_id,
            pair_id: item.pair.as_ref().map(|pair| pair.pair_id),
            recipient_id: person.account_id,
            personal_line: sending.personal_line,
            outbox_id,
            sent_by: sending.sent_by,
            sent_at: sending.sent_at,
        },
    )
    .await?;
    Ok(outbox_id)
}

/// When a nudge about `key` other than `ours` (outbox ids) was sent within
/// the interval: the day one may be sent again.
#[cfg(feature = "ssr")]
async fn too_soon_after_earlier(
    connection: &mut sqlx::SqliteConnection,
    key: &str,
    ours: &[i64],
    interval_days: i64,
) -> Result<Option<String>, AppError> {
    use crate::program_time::{program_date, program_today};
    use crate::reports::attention::{next_nudge_on, nudge_allowed};

    let earlier: Option<String> = sqlx::query_scalar(&format!(
        "SELECT MAX(sent_at) FROM nudges WHERE item_key = ? AND outbox_id NOT IN ({})",
        ours.iter()
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    ))
    .bind(key)
    .fetch_one(&mut *connection)
    .await?;
    let today = program_today();
    Ok(earlier
        .as_deref()
        .and_then(program_date)
        .filter(|last| !nudge_allowed(Some(*last), today, interval_days))
        .map(|last| next_nudge_on(last, interval_days).to_string()))
}
