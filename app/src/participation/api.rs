//! Server functions of cohort membership: the coordinator's carry-over, and
//! a mentor's answer to it (their own membership only).
use leptos::prelude::*;

use super::{CarryOver, CohortInvitation, MembershipStatus};
use crate::catalog::Cohort;
use crate::error::AppError;

/// The carry-over page of the cohort `code`: the mentors of `from` (by
/// default the latest cohort that starts before it) and those already asked.
#[server(endpoint = "carry_over")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_carry_over(code: String, from: Option<String>) -> Result<CarryOver, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let code = code.trim();
    let cohort = crate::catalog::repo::find_cohort(&pool, code)
        .await?
        .ok_or(AppError::NotFound)?;
    let target = crate::board::repo::cohort_id(&pool, code)
        .await?
        .ok_or(AppError::NotFound)?;
    let sources = super::repo::sources(&pool, code).await?;
    let from = match from
        .as_deref()
        .map(str::trim)
        .filter(|from| !from.is_empty())
    {
        Some(chosen) => sources
            .iter()
            .find(|source| source.code == chosen)
            .map(|source| source.code.clone()),
        None => sources
            .iter()
            .find(|source| source.starts_on < cohort.starts_on)
            .or(sources.first())
            .map(|source| source.code.clone()),
    };
    let candidates = match &from {
        Some(from) => match crate::board::repo::cohort_id(&pool, from).await? {
            Some(source) => super::repo::candidates(&pool, target, source).await?,
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    Ok(CarryOver {
        asked: super::repo::asked(&pool, target).await?,
        cohort,
        sources,
        from,
        candidates,
    })
}

/// Asks the ticked mentors of `from` to take part in the cohort `code`: each
/// gets an email, in their language, with the link to confirm their capacity
/// and availability for it (or decline). Mentors already asked or placed
/// there are left alone. Answers how many were asked. Refused once the
/// cohort is concluded.
#[server(endpoint = "carry_mentors_over")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn carry_mentors_over(
    code: String,
    from: String,
    profiles: Option<Vec<i64>>,
) -> Result<u64, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::audit::{repo::record_by_caller, AuditEvent};
    use crate::error::InputProblem;
    use crate::outbox::EmailKind;
    use crate::server_context::{pool, server_settings};

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator = authorized.account()?.id;
    let profiles = profiles.unwrap_or_default();
    if profiles.is_empty() {
        return Err(AppError::InvalidInput {
            field: "profiles".to_owned(),
            problem: InputProblem::ChooseAtLeastOne,
        });
    }
    let pool = pool()?;
    let (code, from) = (code.trim(), from.trim());
    let cohort = crate::catalog::repo::find_cohort(&pool, code)
        .await?
        .ok_or(AppError::NotFound)?;
    let target = crate::catalog::repo::joinable_cohort_id(&pool, code)
        .await?
        .ok_or(AppError::CohortConcluded)?;
    let source = crate::board::repo::cohort_id(&pool, from)
        .await?
        .filter(|source| *source != target)
        .ok_or(AppError::InvalidInput {
            field: "from".to_owned(),
            problem: InputProblem::InvalidChoice,
        })?;
    let link = format!(
        "{}/mentor/cohorts/{}",
        server_settings()?.public_url,
        crate::components::access::encode_query_value(code)
    );
    let now = crate::program_time::utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let asked = super::repo::invite(
        &mut transaction,
        target,
        source,
        &profiles,
        coordinator,
        &now,
    )
    .await?;
    for mentor in &asked {
        let locale = crate::locale::parse_locale(&mentor.locale).unwrap_or(crate::i18n::Locale::fr);
        let name = cohort.name.get(locale).unwrap_or(code);
        let email =
            crate::outbox::compose::cohort_invitation(&mentor.locale, &mentor.display_name, name);
        crate::outbox::repo::enqueue_composed(
            &mut transaction,
            EmailKind::CohortInvitation,
            &mentor.email,
            &mentor.locale,
            &email,
            Some(&link),
        )
        .await?;
    }
    transaction.commit().await?;
    let count = asked.len() as u64;
    let detail = format!("{from} → {code}: {count}");
    record_by_caller(
        &pool,
        AuditEvent::MentorsCarriedOver,
        Some(coordinator),
        None,
        Some(&detail),
    )
    .await;
    Ok(count)
}

/// A mentor's invitation to (or membership of) the cohort `code`: theirs
/// only; `NotFound` when they were not asked there.
#[server(endpoint = "cohort_invitation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_cohort_invitation(code: String) -> Result<CohortInvitation, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Mentor).await?;
    let account = authorized.account()?.id;
    super::repo::invitation(&pool()?, account, code.trim())
        .await?
        .ok_or(AppError::NotFound)
}

/// The cohorts a mentor is asked to confirm for and has not answered.
#[server(endpoint = "waiting_cohort_invitations")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_waiting_invitations() -> Result<Vec<Cohort>, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Mentor).await?;
    let account = authorized.account()?.id;
    Ok(super::repo::waiting_invitations(&pool()?, account).await?)
}

/// A mentor's answer for the cohort `code`: `confirm` with their capacity
/// (never below their open pairs) and availability, or `decline`. They may
/// change it while the cohort is not concluded. Answers the new status.
#[server(endpoint = "answer_cohort_invitation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn answer_cohort_invitation(
    code: String,
    answer: String,
    capacity: String,
    availability: Option<Vec<String>>,
) -> Result<MembershipStatus, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::audit::{repo::record_by_caller, AuditEvent};
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Mentor).await?;
    let account = authorized.account()?.id;
    let pool = pool()?;
    let code = code.trim();
    let current = super::repo::invitation(&pool, account, code)
        .await?
        .ok_or(AppError::NotFound)?;
    if current.cohort.concluded_on.is_some() {
        return Err(AppError::CohortConcluded);
    }
    let checked = super::check_answer(
        &answer,
        &capacity,
        &availability.unwrap_or_default(),
        current.open_pairs,
    )?;
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let now = crate::program_time::utc_now_text();
    if !super::repo::answer(&mut transaction, account, code, checked, &now).await? {
        return Err(AppError::CohortConcluded);
    }
    transaction.commit().await?;
    let status = match checked {
        super::InvitationAnswer::Confirm { .. } => MembershipStatus::Confirmed,
        super::InvitationAnswer::Decline => MembershipStatus::Declined,
    };
    let detail = format!("{code}: {}", status.as_str());
    record_by_caller(
        &pool,
        AuditEvent::CohortParticipationAnswered,
        Some(account),
        Some(&account.to_string()),
        Some(&detail),
    )
    .await;
    Ok(status)
}
