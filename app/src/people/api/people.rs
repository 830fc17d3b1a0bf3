//! The coordinator's administration of people: list, invite, disable, change role,
//! and the mentee self-registration switch. Coordinators only.
// A form's fields are its server function's arguments (Leptos's convention).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::accounts::PeopleOverview;
use crate::error::AppError;
use crate::people::import::JoinableCohorts;

/// Every account and pending invitation, and the cohorts people may be
/// invited into.
#[server(endpoint = "people")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_people() -> Result<(PeopleOverview, JoinableCohorts), AppError> {
    use crate::accounts::{repo, session::authorize_role, Role};
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let overview = PeopleOverview {
        people: repo::list_people(&pool).await?,
        invitations: repo::list_pending_invitations(&pool, chrono::Utc::now()).await?,
        registration_open: repo::registration_open(&pool).await?,
        viewer_id: authorized.account()?.id,
        mfa_required: repo::mfa_required_for_coordinators(&pool).await?,
        with_mfa: repo::accounts_with_mfa(&pool).await?,
    };
    let cohorts = JoinableCohorts::of(
        crate::catalog::repo::list_cohorts(&pool).await?,
        crate::program_time::program_today(),
    );
    Ok((overview, cohorts))
}

/// Invites a mentee, a mentor or a coordinator: a single-use link, valid 14
/// days, sent in the invitee's language through the outbox. A mentee or a
/// mentor joins the cohort chosen (the current one when none is). A mentor
/// invited without an application needs the seed's three eligibility
/// answers, which must meet the rule; they are recorded and audited.
/// Answers the address invited.
#[server(endpoint = "invite_person")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn invite_person(
    email: String,
    display_name: String,
    role: String,
    locale: String,
    cohort: Option<String>,
    diploma_level: Option<String>,
    is_employed: Option<String>,
    works_in_research: Option<String>,
) -> Result<String, AppError> {
    use crate::accounts::repo::{self, MentorWay};
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::input::*;

    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let inviter = authorized.account()?.clone();
    let pool = pool()?;
    let email = parse_email("email", &email)?;
    let display_name = parse_display_name("display_name", &display_name)?;
    let role = Role::parse(role.trim()).ok_or_else(|| AppError::InvalidInput {
        field: "role".to_owned(),
        problem: InputProblem::InvalidChoice,
    })?;
    let locale = parse_locale_choice("locale", &locale)?;
    let cohort_id = match (role, cohort.as_deref().map(str::trim)) {
        (Role::Coordinator, _) | (_, None | Some("")) => None,
        (_, Some(code)) => Some(
            crate::catalog::repo::joinable_cohort_id(&pool, code)
                .await?
                .ok_or_else(|| AppError::InvalidInput {
                    field: "cohort".to_owned(),
                    problem: InputProblem::InvalidChoice,
                })?,
        ),
    };
    let facts = match role {
        Role::Mentor => Some(crate::eligibility::recorded_facts(
            diploma_level.as_deref(),
            is_employed.as_deref(),
            works_in_research.as_deref(),
        )?),
        Role::Mentee | Role::Coordinator => None,
    };
    if repo::find_account_by_email(&pool, &email).await?.is_some() {
        return Err(AppError::InvalidInput {
            field: "email".to_owned(),
            problem: InputProblem::EmailTaken,
        });
    }
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    issue_invitation(
        &mut transaction,
        &inviter,
        &Invitee {
            email: &email,
            display_name: &display_name,
            role,
            locale,
            cohort_id,
        },
    )
    .await?;
    if let Some(facts) = facts {
        repo::insert_mentor_eligibility(
            &mut transaction,
            &email,
            MentorWay::Invitation,
            facts,
            inviter.id,
            chrono::Utc::now(),
        )
        .await?;
    }
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::InvitationSent,
        Some(inviter.id),
        Some(&email),
        Some(role.as_str()),
    )
    .await;
    if let Some(facts) = facts {
        record_eligibility(&pool, inviter.id, &email, MentorWay::Invitation, facts).await;
    }
    Ok(email)
}

/// Audits the eligibility answers recorded for a mentor.
#[cfg(feature = "ssr")]
async fn record_eligibility(
    pool: &sqlx::SqlitePool,
    actor: i64,
    email: &str,
    way: crate::accounts::repo::MentorWay,
    facts: crate::eligibility::EligibilityFacts,
) {
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;

    let detail = format!(
        "{}: diploma {}, employed {}, research {}",
        way.as_str(),
        facts.diploma.as_str(),
        if facts.is_employed { "yes" } else { "no" },
        if facts.works_in_research { "yes" } else { "no" },
    );
    record_by_caller(
        pool,
        AuditEvent::MentorEligibilityRecorded,
        Some(actor),
        Some(email),
        Some(&detail),
    )
    .await;
}

/// Who an invitation is for.
#[cfg(feature = "ssr")]
pub struct Invitee<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: crate::accounts::Role,
    pub locale: &'a str,
    /// The cohort the invitee's profile joins (`None`: the current one).
    pub cohort_id: Option<i64>,
}

/// Stores an invitation (single use, 14 days) and its email, in the invitee's
/// language, inside the caller's transaction. Used by the people page and by
/// the acceptance of a mentor's application.
#[cfg(feature = "ssr")]
pub async fn issue_invitation(
    connection: &mut sqlx::SqliteConnection,
    inviter: &crate::accounts::repo::AccountRow,
    invitee: &Invitee<'_>,
) -> Result<(), AppError> {
    use crate::accounts::repo::{self, NewInvitation};
    use crate::accounts::tokens::new_token;
    use crate::outbox::repo::enqueue_composed;
    use crate::outbox::{compose, EmailKind};
    use crate::people::api::INVITATION_VALID_DAYS;

    let settings = crate::server_context::server_settings()?;
    let (token, token_hash) = new_token();
    let now = chrono::Utc::now();
    let link = format!("{}/invitation/{token}", settings.public_url);
    let message = compose::invitation(
        invitee.locale,
        invitee.display_name,
        &inviter.display_name,
        invitee.role,
        INVITATION_VALID_DAYS,
    );
    repo::insert_invitation(
        &mut *connection,
        &NewInvitation {
            token_hash: &token_hash,
            email: invitee.email,
            display_name: invitee.display_name,
            role: invitee.role,
            locale: invitee.locale,
            invited_by: inviter.id,
            expires_at: now + chrono::Duration::days(INVITATION_VALID_DAYS),
            cohort_id: invitee.cohort_id,
        },
        now,
    )
    .await?;
    enqueue_composed(
        &mut *connection,
        EmailKind::Invitation,
        invitee.email,
        invitee.locale,
        &message,
        Some(&link),
    )
    .await?;
    Ok(())
}

/// Disables (or re-enables) an account: a disabled person is signed out
/// everywhere and cannot sign in. Not on oneself.
#[server(endpoint = "set_account_disabled")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn set_account_disabled(account_id: i64, disabled: bool) -> Result<(), AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::{repo, Role};
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;

    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let actor = authorized.account()?.id;
    if account_id == actor {
        return Err(AppError::InvalidInput {
            field: "account_id".to_owned(),
            problem: InputProblem::NotOnYourself,
        });
    }
    let pool = pool()?;
    let target = repo::find_account(&pool, account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // An erased account stays disabled: there is nobody left to enable.
    if !repo::set_disabled(&pool, account_id, disabled).await? {
        return Err(AppError::NotFound);
    }
    record_by_caller(
        &pool,
        if disabled {
            AuditEvent::AccountDisabled
        } else {
            AuditEvent::AccountEnabled
        },
        Some(actor),
        Some(&target.email),
        None,
    )
    .await;
    Ok(())
}

/// Gives an account another role. Not on oneself (a coordinator cannot demote
/// themselves and leave the program without one). Making someone a mentor
/// who was not accepted through an application needs the seed's three
/// eligibility answers, which must meet the rule; they are recorded and
/// audited.
#[server(endpoint = "change_account_role")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn change_account_role(
    account_id: i64,
    role: String,
    diploma_level: Option<String>,
    is_employed: Option<String>,
    works_in_research: Option<String>,
) -> Result<(), AppError> {
    use crate::accounts::repo::MentorWay;
    use crate::accounts::session::authorize_role;
    use crate::accounts::{repo, Role};
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;

    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let actor = authorized.account()?.id;
    let role = Role::parse(role.trim()).ok_or_else(|| AppError::InvalidInput {
        field: "role".to_owned(),
        problem: InputProblem::InvalidChoice,
    })?;
    if account_id == actor {
        return Err(AppError::InvalidInput {
            field: "role".to_owned(),
            problem: InputProblem::NotOnYourself,
        });
    }
    let pool = pool()?;
    let target = repo::find_account(&pool, account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if target.role() == role {
        return Ok(());
    }
    let facts =
        if role == Role::Mentor && !repo::has_accepted_application(&pool, &target.email).await? {
            Some(crate::eligibility::recorded_facts(
                diploma_level.as_deref(),
                is_employed.as_deref(),
                works_in_research.as_deref(),
            )?)
        } else {
            None
        };
    // The role, the profile that goes with it and the answers change together.
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    repo::set_role(&mut transaction, account_id, role).await?;
    if let Some(facts) = facts {
        repo::insert_mentor_eligibility(
            &mut transaction,
            &target.email,
            MentorWay::Promotion,
            facts,
            actor,
            chrono::Utc::now(),
        )
        .await?;
    }
    crate::profiles::repo::ensure_profile(&mut transaction, account_id, &target.email, role, None)
        .await?;
    transaction.commit().await?;
    let change = format!("{} → {}", target.role().as_str(), role.as_str());
    record_by_caller(
        &pool,
        AuditEvent::RoleChanged,
        Some(actor),
        Some(&target.email),
        Some(&change),
    )
    .await;
    if let Some(facts) = facts {
        record_eligibility(&pool, actor, &target.email, MentorWay::Promotion, facts).await;
    }
    Ok(())
}

/// Opens or closes mentee self-registration.
#[server(endpoint = "set_registration_open")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn set_registration_open(open: bool) -> Result<(), AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::{repo, Role};
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;

    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    repo::set_registration_open(&pool, open).await?;
    record_by_caller(
        &pool,
        if open {
            AuditEvent::RegistrationOpened
        } else {
            AuditEvent::RegistrationClosed
        },
        Some(authorized.account()?.id),
        None,
        None,
    )
    .await;
    Ok(())
}
