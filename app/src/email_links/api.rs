//! Server functions of action links: public (the token is the credential),
//! and reading one never acts.
use leptos::prelude::*;

use crate::email_links::LinkSummary;
use crate::error::AppError;

/// What a link would do, or why it no longer works. Never acts.
#[server(endpoint = "get_action_link")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_action_link(token: String) -> Result<LinkSummary, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    // Public: the token is the credential (and is never logged).
    authorize(Access::Anyone).await?;
    let pool = pool()?;
    let link = crate::outbox::action_links::repo::find(&pool, &token)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    describe(&pool, &link).await
}

/// Takes the link's action, once, as the link's person; says what happened.
/// A link no longer valid answers with its problem and changes nothing.
#[server(endpoint = "use_action_link")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn use_action_link(token: String) -> Result<LinkSummary, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::outbox::action_links::LinkProblem;
    use crate::program_time::utc_now_text;
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    let pool = pool()?;
    let link = crate::outbox::action_links::repo::find(&pool, &token)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    let mut summary = describe(&pool, &link).await?;
    if summary.problem.is_some() {
        return Ok(summary);
    }
    let now = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    // Used first, under the write lock: two clicks at once act once.
    if !crate::outbox::action_links::repo::mark_used(&mut transaction, link.id, &now).await? {
        summary.problem = Some(LinkProblem::Used);
        return Ok(summary);
    }
    match perform(&mut transaction, &pool, &link, &now).await {
        Ok(()) => {
            transaction.commit().await?;
            let detail = format!("{} {}", link.action, link.object_id);
            record_by_caller(
                &pool,
                AuditEvent::EmailActionUsed,
                Some(link.account_id),
                None,
                Some(&detail),
            )
            .await;
            summary.done = true;
            Ok(summary)
        }
        // Someone changed it between the page and the click: nothing is done.
        Err(
            AppError::StaleVersion
            | AppError::Conflict
            | AppError::OwnProposal
            | AppError::NotAgreed,
        ) => {
            summary.problem = Some(LinkProblem::Stale);
            Ok(summary)
        }
        Err(other) => Err(other),
    }
}

/// The object a link is about, as it stands now.
#[cfg(feature = "ssr")]
struct Target {
    pair_id: i64,
    when: String,
    anchor: String,
    /// The meeting itself, or whether the feedback was acknowledged.
    state: TargetState,
}

#[cfg(feature = "ssr")]
enum TargetState {
    Meeting(Box<crate::meetings::repo::MeetingRow>),
    Feedback { acknowledged: bool },
}

#[cfg(feature = "ssr")]
impl Target {
    /// The version the link must name to act: `None` when this action can
    /// no longer be taken on it by `side` (answered, cancelled, not started…).
    fn version_for(
        &self,
        action: crate::outbox::action_links::LinkAction,
        side: crate::pairs::Side,
    ) -> Result<Option<i64>, crate::stored::UnknownStoredValue> {
        use crate::meetings::MeetingStatus;
        use crate::outbox::action_links::LinkAction;

        Ok(match (&self.state, action) {
            (TargetState::Meeting(meeting), LinkAction::AgreeMeeting) => (meeting.status()?
                == MeetingStatus::Planned
                && meeting.agreement()?.waiting_for() == Some(side))
            .then_some(meeting.version),
            (TargetState::Meeting(meeting), LinkAction::ConfirmMet) => (meeting.status()?
                == MeetingStatus::Planned
                && meeting.agreement()?.is_agreed()
                && meeting.starts_at <= crate::program_time::utc_now_text())
            .then_some(meeting.version),
            (TargetState::Feedback { acknowledged }, LinkAction::AcknowledgeFeedback) => {
                (!acknowledged).then_some(0)
            }
            _ => None,
        })
    }
}

#[cfg(feature = "ssr")]
async fn target(
    pool: &sqlx::SqlitePool,
    link: &crate::outbox::action_links::repo::LinkRow,
    action: crate::outbox::action_links::LinkAction,
) -> Result<Target, AppError> {
    use crate::outbox::action_links::LinkAction;
    use crate::program_time::program_time;

    match action {
        LinkAction::AgreeMeeting | LinkAction::ConfirmMet => {
            let meeting = crate::meetings::repo::find_meeting(pool, link.object_id)
                .await?
                .ok_or(AppError::LinkInvalid)?;
            Ok(Target {
                pair_id: meeting.pair_id,
                when: program_time(&meeting.starts_at),
                anchor: format!("?section=meetings#meeting-{}", meeting.id),
                state: TargetState::Meeting(Box::new(meeting)),
            })
        }
        LinkAction::AcknowledgeFeedback => {
            let (pair_id, created_at, acknowledged): (i64, String, bool) = sqlx::query_as(
                "SELECT pair_id, created_at, acknowledged_at IS NOT NULL FROM feedback WHERE id = ?",
            )
            .bind(link.object_id)
            .fetch_optional(pool)
            .await?
            .ok_or(AppError::LinkInvalid)?;
            Ok(Target {
                pair_id,
                when: program_time(&created_at),
                anchor: format!("?section=feedback#feedback-{}", link.object_id),
                state: TargetState::Feedback { acknowledged },
            })
        }
    }
}

#[cfg(feature = "ssr")]
async fn describe(
    pool: &sqlx::SqlitePool,
    link: &crate::outbox::action_links::repo::LinkRow,
) -> Result<LinkSummary, AppError> {
    use crate::outbox::action_links::{check, LinkAction, LinkFacts, LinkProblem};
    use crate::pairs::PairStatus;

    let action: LinkAction = crate::stored::decode("action_links", "action", &link.action)?;
    let target = target(pool, link, action).await?;
    let member = crate::joint::member::member_as(pool, target.pair_id, link.account_id)
        .await
        .map_err(|_| AppError::LinkInvalid)?;
    let active = member.pair.known_status()? == PairStatus::Active;
    let expires_at = chrono::DateTime::parse_from_rfc3339(&link.expires_at)
        .map(|time| time.with_timezone(&chrono::Utc))
        .map_err(|_| AppError::LinkInvalid)?;
    let facts = LinkFacts {
        expires_at,
        used: link.used_at.is_some(),
        version: link.object_version,
    };
    // Not answerable any more (or the pair ended): as if changed since.
    let current = target
        .version_for(action, member.side)?
        .filter(|_| active)
        .unwrap_or(-1);
    let problem: Option<LinkProblem> = check(&facts, current, chrono::Utc::now()).err();
    Ok(LinkSummary {
        action,
        partner_name: member.partner().0.to_owned(),
        when: target.when,
        problem,
        workspace_path: format!("/pairs/{}{}", target.pair_id, target.anchor),
        done: false,
    })
}

#[cfg(feature = "ssr")]
async fn perform(
    transaction: &mut sqlx::SqliteConnection,
    pool: &sqlx::SqlitePool,
    link: &crate::outbox::action_links::repo::LinkRow,
    now: &str,
) -> Result<(), AppError> {
    use crate::outbox::action_links::LinkAction;
    use crate::pairs::Side;
    use crate::server_context::server_settings;

    let action: LinkAction = crate::stored::decode("action_links", "action", &link.action)?;
    match action {
        LinkAction::AgreeMeeting | LinkAction::ConfirmMet => {
            let meeting = crate::meetings::repo::find_meeting(pool, link.object_id)
                .await?
                .ok_or(AppError::LinkInvalid)?;
            let member =
                crate::joint::member::member_as(pool, meeting.pair_id, link.account_id).await?;
            member.require_active()?;
            if action == LinkAction::AgreeMeeting {
                crate::meetings::api::agree_in(
                    transaction,
                    &member,
                    link.object_id,
                    link.object_version,
                    now,
                )
                .await
            } else {
                crate::meetings::api::confirm_held_in(
                    transaction,
                    &member,
                    link.object_id,
                    link.object_version,
                    now,
                )
                .await
            }
        }
        LinkAction::AcknowledgeFeedback => {
            let pair_id = crate::feedback::repo::pair_of_feedback(pool, link.object_id)
                .await?
                .ok_or(AppError::LinkInvalid)?;
            let member = crate::joint::member::member_as(pool, pair_id, link.account_id).await?;
            member.require_active()?;
            if member.side != Side::Mentee
                || crate::feedback::repo::is_acknowledged(transaction, link.object_id).await?
            {
                return Err(AppError::Conflict);
            }
            let public_url = server_settings()?.public_url;
            crate::feedback::api::acknowledge_in(
                transaction,
                &member,
                link.object_id,
                None,
                &public_url,
            )
            .await
        }
    }
}
