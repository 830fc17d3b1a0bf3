//! Server functions of messages: the pair's two people only (never the
//! coordination, who reads a reported message on the pair's page alone).
use leptos::prelude::*;

use super::Thread;
use crate::error::AppError;

/// The pair's thread for one of its two people; with `mark_read` (the
/// thread is on screen) it is marked read.
#[server(endpoint = "get_thread")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_thread(pair_id: i64, mark_read: Option<bool>) -> Result<Thread, AppError> {
    use crate::server_context::pool;

    let pool = pool()?;
    let member = crate::joint::member::pair_member(&pool, pair_id).await?;
    load_thread(&pool, &member, mark_read.unwrap_or(false)).await
}

/// The thread of `member`'s pair as they read it; marked read when
/// `mark_read` (it is on their screen).
#[cfg(feature = "ssr")]
pub async fn load_thread(
    pool: &sqlx::SqlitePool,
    member: &crate::joint::member::Member,
    mark_read: bool,
) -> Result<Thread, AppError> {
    let mut threads = load_threads(pool, std::slice::from_ref(member), mark_read).await?;
    threads.pop().ok_or(AppError::NotFound)
}

/// `load_thread` for several pairs of one person, in their order (each
/// kind of row read once for all of them).
#[cfg(feature = "ssr")]
pub async fn load_threads(
    pool: &sqlx::SqlitePool,
    members: &[crate::joint::member::Member],
    mark_read: bool,
) -> Result<Vec<Thread>, AppError> {
    use super::repo;
    use crate::pairs::{PairStatus, Side};

    let ids: Vec<i64> = members.iter().map(|member| member.pair.id).collect();
    let sharing = repo::Sharing::of_pairs(pool, &ids).await?;
    // Whether a message is the reader's own depends on their side.
    let mut messages = std::collections::BTreeMap::new();
    for (side, on_side) in crate::joint::member::pair_ids_by_side(members) {
        messages.extend(repo::messages_of_pairs(pool, &on_side, side).await?);
    }
    let mut threads = Vec::with_capacity(members.len());
    for member in members {
        let pair_id = member.pair.id;
        let messages = messages.remove(&pair_id).unwrap_or_default();
        if let Some(last) = messages.last().filter(|_| mark_read) {
            let mut connection = pool.acquire().await?;
            repo::mark_read(&mut connection, pair_id, member.side, last.id).await?;
        }
        let (mentor, mentee) = sharing.of_pair(
            pair_id,
            &member.pair.mentor_email,
            &member.pair.mentee_email,
        );
        let (mine, theirs) = match member.side {
            Side::Mentor => (mentor, mentee),
            Side::Mentee => (mentee, mentor),
        };
        threads.push(Thread {
            pair_id,
            partner_name: member.partner().0.to_owned(),
            messages,
            writable: member.pair.known_status()? == PairStatus::Active,
            partner_contact: theirs,
            my_sharing: mine,
        });
    }
    Ok(threads)
}

/// Sends a message to the other person (text only), who is emailed that one
/// arrived (never its words), or finds it in their digest.
#[server(endpoint = "send_message")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn send_message(pair_id: i64, body: String) -> Result<i64, AppError> {
    use crate::input::parse_required_text;
    use crate::joint::member::{active_pair_member, Who};
    use crate::outbox::{compose, EmailKind};
    use crate::program_time::utc_now_text;
    use crate::server_context::{pool, server_settings};

    let pool = pool()?;
    let member = active_pair_member(&pool, pair_id, Who::Either).await?;
    let body = parse_required_text("body", &body, super::MESSAGE_MAX_CHARS)?;
    let public_url = server_settings()?.public_url;
    let now = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let id =
        super::repo::insert_message(&mut transaction, pair_id, member.side, &body, &now).await?;
    member
        .notify_partner(
            &mut transaction,
            EmailKind::MessageReceived,
            compose::message_received,
            &public_url,
        )
        .await?;
    transaction.commit().await?;
    Ok(id)
}

/// Reports one of the other person's messages to the coordination, with an
/// optional note: she then reads that message alone. Audited.
#[server(endpoint = "report_message")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn report_message(id: i64, note: String) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::input::parse_optional_text;
    use crate::outbox::repo::notify_coordinators;
    use crate::outbox::{compose, EmailKind};
    use crate::program_time::utc_now_text;

    use crate::server_context::{pool, server_settings};

    authorize(Access::SignedIn).await?;
    let pool = pool()?;
    let (pair_id, author_side, reported) = super::repo::find_message(&pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let member = crate::joint::member::pair_member(&pool, pair_id).await?;
    let note = parse_optional_text("note", &note, super::MESSAGE_MAX_CHARS)?;
    if !super::may_report(author_side == member.side.as_str(), reported) {
        return Err(AppError::Conflict);
    }
    let public_url = server_settings()?.public_url;
    let now = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    if !super::repo::report(&mut transaction, id, note.as_deref(), &now).await? {
        return Err(AppError::Conflict);
    }
    let reporter = member.name().to_owned();
    notify_coordinators(
        &mut transaction,
        EmailKind::MessageReported,
        |locale, name| compose::coordinator_message_reported(locale, name, &reporter),
        &format!("{public_url}/coordinator/pairs/{pair_id}"),
    )
    .await?;
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::MessageReported,
        Some(member.account_id),
        None,
        Some(&format!("pair {pair_id}, message {id}")),
    )
    .await;
    Ok(())
}

/// What the caller shows the other person: their email address (`on`) and a
/// phone number (empty: none).
#[server(endpoint = "save_contact_sharing")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_contact_sharing(
    pair_id: i64,
    share_email: Option<String>,
    phone: String,
) -> Result<(), AppError> {
    use crate::error::InputProblem;
    use crate::joint::member::{active_pair_member, Who};
    use crate::server_context::pool;

    let pool = pool()?;
    let member = active_pair_member(&pool, pair_id, Who::Either).await?;
    let phone = match phone.trim() {
        "" => None,
        typed => Some(super::parse_phone(typed).ok_or(AppError::InvalidInput {
            field: "phone".into(),
            problem: InputProblem::InvalidPhone,
        })?),
    };
    super::repo::save_sharing(
        &pool,
        pair_id,
        member.side,
        share_email.is_some_and(|value| value == "on"),
        phone.as_deref(),
    )
    .await?;
    Ok(())
}
