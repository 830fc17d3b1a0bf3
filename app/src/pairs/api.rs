//! Server functions of pairs: each person answers their own proposals; the
//! coordinator withdraws a proposal or ends a pair. Proposing is the board's
//! (`board::api`), through `propose` below.
use leptos::prelude::*;

use crate::error::AppError;
use crate::pairs::MyPair;

/// The pairs that concern the caller (a mentor or a mentee), open ones first.
#[server(endpoint = "get_my_pairs")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_my_pairs() -> Result<Vec<MyPair>, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    let authorized = authorize(Access::OwnProfile).await?;
    let account_id = authorized.account()?.id;
    let pool = pool()?;
    let profile_id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM profiles WHERE account_id = ?")
            .bind(account_id)
            .fetch_optional(&pool)
            .await?;
    match profile_id {
        Some(profile_id) => Ok(crate::pairs::repo::pairs_of_profile(&pool, profile_id).await?),
        None => Ok(Vec::new()),
    }
}

/// The caller's answer to a proposal: `accepted`, or `declined` with a reason
/// that the caller and the coordination read (never the other person).
/// When both have accepted the pair becomes active, in the same transaction
/// that checks the mentor still has room among active pairs.
#[server(endpoint = "answer_pair")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn answer_pair(id: i64, answer: String, reason: Option<String>) -> Result<(), AppError> {
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::pairs::{repo, Answer, PairStatus, Side};
    use crate::program_time::utc_now_text;
    use crate::server_context::{pool, server_settings};

    let pool = pool()?;
    let (pair, side, caller_id) = pair_of_caller(&pool, id).await?;
    let (answer, reason) = read_answer(&answer, reason.as_deref())?;
    if pair.known_status()? != PairStatus::Proposed {
        return Err(AppError::Conflict);
    }
    let now = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    if !repo::record_answer(&mut transaction, id, side, answer, reason.as_deref(), &now).await? {
        return Err(AppError::Conflict);
    }
    // Read the other answer inside the transaction, after ours is written:
    // when both people accept at the same moment, the second to write sees
    // the first's answer and makes the pair active.
    let both_accepted =
        answer == Answer::Accepted && repo::both_accepted(&mut transaction, id).await?;
    // A mentor on pause takes no new pair: not by accepting, nor by the
    // mentee's acceptance making it active (they lift the pause first).
    let today = crate::program_time::program_today();
    if answer == Answer::Accepted
        && (side == Side::Mentor || both_accepted)
        && repo::mentor_paused(&mut transaction, id, today).await?
    {
        return Err(AppError::InvalidInput {
            field: "answer".into(),
            problem: InputProblem::MentorPaused,
        });
    }
    if both_accepted && !repo::activate(&mut transaction, id, &now).await? {
        // Both said yes, but the mentor's places are all taken by active pairs
        // (their capacity went down, or another pair became active first).
        return Err(AppError::MentorFull);
    }
    let public_url = server_settings()?.public_url;
    let told = Told {
        side,
        answer,
        reason: reason.as_deref(),
        both_accepted,
    };
    tell_of_answer(&mut transaction, &pair, &told, &public_url).await?;
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::PairAnswered,
        Some(caller_id),
        None,
        Some(&format!("{id}: {}", answer.as_str())),
    )
    .await;
    Ok(())
}

/// The caller as one of the two people of pair `pair_id`, with their side
/// and account: 401 when signed out, 404 for an unknown pair, 403 for anyone
/// else (the coordinator too).
#[cfg(feature = "ssr")]
pub async fn pair_of_caller(
    pool: &sqlx::SqlitePool,
    pair_id: i64,
) -> Result<(crate::pairs::repo::PairRecord, crate::pairs::Side, i64), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::pairs::Side;

    let caller = authorize(Access::SignedIn).await?;
    let account_id = caller.account()?.id;
    let pair = crate::pairs::repo::find_pair(pool, pair_id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(Access::PairWorkspace {
        mentor_id: pair.mentor_account_id,
        mentee_id: pair.mentee_account_id,
    })
    .await?;
    let side = if account_id == pair.mentor_account_id {
        Side::Mentor
    } else {
        Side::Mentee
    };
    Ok((pair, side, account_id))
}

/// An answer to a proposal and what it brought about.
#[cfg(feature = "ssr")]
struct Told<'a> {
    side: crate::pairs::Side,
    answer: crate::pairs::Answer,
    reason: Option<&'a str>,
    both_accepted: bool,
}

/// The answer and its reason from the form. Only a decline keeps a reason
/// (the column is read as the decliner's), and needs one; words sent with an
/// acceptance are not stored.
#[cfg(feature = "ssr")]
fn read_answer(
    answer: &str,
    reason: Option<&str>,
) -> Result<(crate::pairs::Answer, Option<String>), AppError> {
    use crate::error::InputProblem;
    use crate::input::{parse_optional_text, LONG_TEXT_MAX_CHARS};
    use crate::pairs::Answer;

    let answer = Answer::parse(answer).ok_or(AppError::InvalidInput {
        field: "answer".into(),
        problem: InputProblem::InvalidChoice,
    })?;
    let reason = parse_optional_text("reason", reason.unwrap_or_default(), LONG_TEXT_MAX_CHARS)?;
    let reason = match answer {
        Answer::Declined => Some(reason.ok_or(AppError::InvalidInput {
            field: "reason".into(),
            problem: InputProblem::Required,
        })?),
        Answer::Accepted => None,
    };
    Ok((answer, reason))
}

/// Tells the coordination of a decline (with its reason), and everyone of a
/// pair both accepted.
#[cfg(feature = "ssr")]
async fn tell_of_answer(
    transaction: &mut sqlx::SqliteConnection,
    pair: &crate::pairs::repo::PairRecord,
    told: &Told<'_>,
    public_url: &str,
) -> Result<(), AppError> {
    use crate::outbox::repo::notify_coordinators;
    use crate::outbox::{compose, EmailKind};
    use crate::pairs::{Answer, Side};

    let pair_page = format!("{public_url}/coordinator/pairs/{}", pair.id);
    let (who, partner) = match told.side {
        Side::Mentor => (&pair.mentor_name, &pair.mentee_name),
        Side::Mentee => (&pair.mentee_name, &pair.mentor_name),
    };
    if let (Answer::Declined, Some(reason)) = (told.answer, told.reason) {
        notify_coordinators(
            &mut *transaction,
            EmailKind::PairDeclined,
            |locale, name| compose::coordinator_pair_declined(locale, name, who, partner, reason),
            &pair_page,
        )
        .await?;
    }
    if told.both_accepted {
        notify_coordinators(
            &mut *transaction,
            EmailKind::PairActivated,
            |locale, name| {
                compose::coordinator_pair_activated(
                    locale,
                    name,
                    &pair.mentor_name,
                    &pair.mentee_name,
                )
            },
            &pair_page,
        )
        .await?;
        tell_both(
            &mut *transaction,
            pair,
            EmailKind::PairActivated,
            compose::pair_activated,
            public_url,
        )
        .await?;
    }
    Ok(())
}

/// Withdraws a proposal nobody needs to answer any more (the board's undo).
#[server(endpoint = "withdraw_pair")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn withdraw_pair(id: i64) -> Result<(), AppError> {
    use crate::pairs::PairStatus;
    close_pair(id, &[PairStatus::Proposed], PairStatus::Withdrawn, None).await
}

/// Ends a proposed or active pair, with the reason: the coordination's
/// alone (never sent to the mentor or the mentee).
#[server(endpoint = "end_pair")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn end_pair(id: i64, reason: String) -> Result<(), AppError> {
    use crate::input::{parse_required_text, LONG_TEXT_MAX_CHARS};
    use crate::pairs::PairStatus;

    let reason = parse_required_text("reason", &reason, LONG_TEXT_MAX_CHARS)?;
    close_pair(id, &PairStatus::OPEN, PairStatus::Ended, Some(&reason)).await
}

#[cfg(feature = "ssr")]
async fn close_pair(
    id: i64,
    from: &[crate::pairs::PairStatus],
    to: crate::pairs::PairStatus,
    reason: Option<&str>,
) -> Result<(), AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::outbox::{compose, EmailKind};
    use crate::program_time::utc_now_text;

    use crate::server_context::{pool, server_settings};

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator_id = authorized.account()?.id;
    let pool = pool()?;
    let pair = crate::pairs::repo::find_pair(&pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let public_url = server_settings()?.public_url;
    let now = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    if !crate::pairs::repo::close(&mut transaction, id, from, to, reason, coordinator_id, &now)
        .await?
    {
        return Err(AppError::Conflict);
    }
    // The two people are told, each in their language; never the end's
    // reason, which is for the coordination only.
    if to == crate::pairs::PairStatus::Ended {
        tell_both(
            &mut transaction,
            &pair,
            EmailKind::PairEnded,
            compose::pair_ended,
            &public_url,
        )
        .await?;
    } else {
        tell_both(
            &mut transaction,
            &pair,
            EmailKind::PairWithdrawn,
            compose::pair_withdrawn,
            &public_url,
        )
        .await?;
    }
    transaction.commit().await?;
    let event = if to == crate::pairs::PairStatus::Ended {
        AuditEvent::PairEnded
    } else {
        AuditEvent::PairWithdrawn
    };
    record_by_caller(
        &pool,
        event,
        Some(coordinator_id),
        None,
        Some(&id.to_string()),
    )
    .await;
    Ok(())
}

/// Tells each of a pair's two people, in their language, about the other:
/// `compose(locale, name, partner)`, linking to their area.
#[cfg(feature = "ssr")]
async fn tell_both(
    connection: &mut sqlx::SqliteConnection,
    pair: &crate::pairs::repo::PairRecord,
    kind: crate::outbox::EmailKind,
    compose: impl Fn(&str, &str, &str) -> crate::outbox::compose::ComposedEmail,
    public_url: &str,
) -> Result<(), AppError> {
    use crate::outbox::repo::{notify, NewEmail};

    for (name, email, locale, partner, area) in [
        (
            &pair.mentee_name,
            &pair.mentee_email,
            &pair.mentee_locale,
            &pair.mentor_name,
            "mentee",
        ),
        (
            &pair.mentor_name,
            &pair.mentor_email,
            &pair.mentor_locale,
            &pair.mentee_name,
            "mentor",
        ),
    ] {
        let composed = compose(locale, name, partner);
        notify(
            connection,
            &NewEmail {
                kind,
                recipient: email,
                locale,
                subject: &composed.subject,
                body: &composed.body,
                action_url: Some(&format!("{public_url}/{area}")),
            },
            None,
        )
        .await?;
    }
    Ok(())
}

/// A proposal to make: who with whom, and the score the board showed.
#[cfg(feature = "ssr")]
pub struct Proposal {
    pub cohort_id: i64,
    pub mentee_profile_id: i64,
    pub mentor_profile_id: i64,
    pub score: u32,
}

/// Proposes a pair inside the caller's transaction and emails both people,
/// each in their language. `MentorFull` when the mentor has no place left,
/// `Conflict` when the mentee already has an open pair. A mentee back on the
/// board after a "not a fit" answer still has that pair open: it is ended
/// first (its two people are told), and its id is returned with the new one.
#[cfg(feature = "ssr")]
pub async fn propose(
    connection: &mut sqlx::SqliteConnection,
    proposal: &Proposal,
    coordinator_id: i64,
    now: &str,
    public_url: &str,
) -> Result<(i64, Option<i64>), AppError> {
    use crate::outbox::repo::enqueue_composed;
    use crate::outbox::{compose, EmailKind};

    let ended = end_unfit_pair(
        connection,
        proposal.mentee_profile_id,
        coordinator_id,
        now,
        public_url,
    )
    .await?;
    let id = match crate::pairs::repo::insert_proposal(
        connection,
        proposal.cohort_id,
        proposal.mentee_profile_id,
        proposal.mentor_profile_id,
        proposal.score,
        coordinator_id,
        now,
    )
    .await
    {
        Ok(Some(id)) => id,
        Ok(None) => return Err(AppError::MentorFull),
        Err(error) if crate::pairs::repo::is_duplicate(&error) => return Err(AppError::Conflict),
        Err(error) => return Err(error.into()),
    };
    let people: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT p.role, a.display_name, a.email, a.locale FROM profiles p \
         JOIN accounts a ON a.id = p.account_id WHERE p.id IN (?, ?)",
    )
    .bind(proposal.mentee_profile_id)
    .bind(proposal.mentor_profile_id)
    .fetch_all(&mut *connection)
    .await?;
    for (role, name, email, locale) in &people {
        let Some((_, partner, _, _)) = people.iter().find(|(other, ..)| other != role) else {
            continue;
        };
        let composed = compose::pair_proposed(locale, name, partner, proposal.score);
        let area = if role == "mentor" { "mentor" } else { "mentee" };
        enqueue_composed(
            connection,
            EmailKind::PairProposed,
            email,
            locale,
            &composed,
            Some(&format!("{public_url}/{area}")),
        )
        .await?;
    }
    Ok((id, ended))
}

/// Ends the mentee's open pair that one of the two answered "not a fit", if
/// any, with a reason in the coordinator's language, and tells both people.
#[cfg(feature = "ssr")]
async fn end_unfit_pair(
    connection: &mut sqlx::SqliteConnection,
    mentee_profile_id: i64,
    coordinator_id: i64,
    now: &str,
    public_url: &str,
) -> Result<Option<i64>, AppError> {
    use crate::outbox::{compose, EmailKind};
    use crate::pairs::PairStatus;

    let Some(unfit) =
        crate::pairs::repo::unfit_open_pair(&mut *connection, mentee_profile_id).await?
    else {
        return Ok(None);
    };
    let locale: Option<String> = sqlx::query_scalar("SELECT locale FROM accounts WHERE id = ?")
        .bind(coordinator_id)
        .fetch_optional(&mut *connection)
        .await?;
    let locale = locale
        .as_deref()
        .and_then(crate::locale::parse_locale)
        .unwrap_or(crate::i18n::Locale::fr);
    let reason = crate::i18n::td_string!(locale, pairs.rematched_reason).to_string();
    let closed = crate::pairs::repo::close(
        &mut *connection,
        unfit.id,
        &PairStatus::OPEN,
        PairStatus::Ended,
        Some(&reason),
        coordinator_id,
        now,
    )
    .await?;
    if !closed {
        return Err(AppError::Conflict);
    }
    tell_both(
        connection,
        &unfit,
        EmailKind::PairEnded,
        compose::pair_ended,
        public_url,
    )
    .await?;
    Ok(Some(unfit.id))
}
