//! Server functions of the privacy officer's office: the public privacy
//! page's data (anyone), and everything else for the privacy officer alone
//! (`Access::PrivacyOfficer`): the person in charge, handing the charge,
//! publishing a new version of the notice, and the incident register. Every
//! change is written to the audit log.
// A form's fields are its server function's arguments (Leptos's convention),
// and an incident's form is long.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::{Incident, PrivacyNotice, PrivacyOffice, PrivacyPageData};
use crate::error::AppError;

/// Records a change made by the privacy officer.
#[cfg(feature = "ssr")]
async fn audit(
    pool: &sqlx::SqlitePool,
    event: crate::audit::AuditEvent,
    actor_id: i64,
    subject: Option<&str>,
    detail: &str,
) {
    crate::audit::repo::record_by_caller(pool, event, Some(actor_id), subject, Some(detail)).await;
}

/// The privacy page: the latest notice and the person in charge. Public.
#[server(endpoint = "privacy_page")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_privacy_page() -> Result<PrivacyPageData, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    let pool = pool()?;
    Ok(PrivacyPageData {
        notice: super::repo::latest_notice(&pool).await?,
        person_in_charge: super::repo::person_in_charge(&pool).await?,
    })
}

/// The privacy officer's page: the person in charge, the notice's version,
/// the register's counts, and who may take the charge.
#[server(endpoint = "privacy_office")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_privacy_office() -> Result<PrivacyOffice, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    let authorized = authorize(Access::PrivacyOfficer).await?;
    let officer = authorized.account()?.id;
    let pool = pool()?;
    let notice = super::repo::latest_notice(&pool).await?;
    let (incidents, incidents_to_notify) = super::repo::incident_counts(&pool).await?;
    Ok(PrivacyOffice {
        person_in_charge: super::repo::person_in_charge(&pool).await?,
        notice_version: notice.as_ref().map(|notice| notice.version),
        notice_published_at: notice.map(|notice| notice.published_at),
        incidents,
        incidents_to_notify,
        coordinators: super::repo::other_coordinators(&pool, officer).await?,
    })
}

/// Names the person in charge as the privacy page shows them.
#[server(endpoint = "save_person_in_charge")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_person_in_charge(
    name: String,
    title_fr: String,
    title_en: String,
    email: String,
    phone: String,
) -> Result<(), AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    let authorized = authorize(Access::PrivacyOfficer).await?;
    let officer = authorized.account()?.id;
    let person = super::check_person_in_charge(&name, &title_fr, &title_en, &email, &phone)?;
    let pool = pool()?;
    super::repo::save_person_in_charge(
        &pool,
        &person,
        officer,
        &crate::program_time::utc_now_text(),
    )
    .await?;
    audit(
        &pool,
        AuditEvent::PersonInChargeNamed,
        officer,
        Some(&person.email),
        "privacy page",
    )
    .await;
    Ok(())
}

/// Hands the charge of privacy officer to another active coordinator
/// (`account_id`): the caller no longer holds it afterwards.
#[server(endpoint = "hand_privacy_charge")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn hand_privacy_charge(account_id: String) -> Result<(), AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::server_context::pool;

    let authorized = authorize(Access::PrivacyOfficer).await?;
    let officer = authorized.account()?;
    let account_id: i64 = account_id
        .trim()
        .parse()
        .map_err(|_| AppError::InvalidInput {
            field: "account_id".to_owned(),
            problem: InputProblem::InvalidChoice,
        })?;
    let pool = pool()?;
    let new_officer = super::repo::hand_charge(&pool, officer.id, account_id).await?;
    let detail = format!("from {} to {new_officer}", officer.email);
    audit(
        &pool,
        AuditEvent::PrivacyOfficerChanged,
        officer.id,
        Some(&new_officer),
        &detail,
    )
    .await;
    // The privacy pages are no longer the caller's: back to the coordination.
    leptos_axum::redirect("/coordinator");
    Ok(())
}

/// The latest notice, to start the next version from.
#[server(endpoint = "privacy_notice_draft")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_notice_for_editing() -> Result<Option<PrivacyNotice>, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    authorize(Access::PrivacyOfficer).await?;
    super::repo::latest_notice(&pool()?).await
}

/// Publishes a new version of the notice after `based_on` (the version the
/// officer started from: `StaleVersion` when another was published since).
/// `is_material` (a ticked box) asks everyone to consent again at their
/// next sign-in. Answers the new version.
#[server(endpoint = "publish_privacy_notice")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn publish_privacy_notice(
    based_on: i64,
    body_fr: String,
    body_en: String,
    changes_fr: String,
    changes_en: String,
    is_material: Option<String>,
) -> Result<i64, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    let authorized = authorize(Access::PrivacyOfficer).await?;
    let officer = authorized.account()?.id;
    let is_material = is_material.is_some_and(|ticked| !ticked.is_empty());
    let draft = super::check_notice(&body_fr, &body_en, &changes_fr, &changes_en, is_material)?;
    let pool = pool()?;
    let version = super::repo::publish_notice(
        &pool,
        based_on,
        &draft,
        officer,
        &crate::program_time::utc_now_text(),
    )
    .await?;
    let detail = format!(
        "version {version}{}",
        if is_material { ", material change" } else { "" }
    );
    audit(
        &pool,
        AuditEvent::PrivacyNoticePublished,
        officer,
        None,
        &detail,
    )
    .await;
    Ok(version)
}

/// The register of confidentiality incidents, newest first.
#[server(endpoint = "confidentiality_incidents")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_incidents() -> Result<Vec<Incident>, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    authorize(Access::PrivacyOfficer).await?;
    super::repo::incidents(&pool()?).await
}

/// One incident of the register, to change it.
#[server(endpoint = "confidentiality_incident")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_incident(id: i64) -> Result<Incident, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    authorize(Access::PrivacyOfficer).await?;
    super::repo::incident(&pool()?, id).await
}

/// Records a confidentiality incident in the register; answers its id.
#[server(endpoint = "record_incident")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn record_incident(
    occurred_on: String,
    discovered_on: String,
    nature: String,
    information_concerned: String,
    people_concerned: String,
    people_count: String,
    // A radio group with nothing chosen sends no field at all.
    risk: Option<String>,
    risk_reasoning: String,
    measures: String,
    commission_notified_on: String,
    people_notified_on: String,
) -> Result<i64, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    let authorized = authorize(Access::PrivacyOfficer).await?;
    let officer = authorized.account()?.id;
    let form = super::IncidentForm {
        occurred_on: &occurred_on,
        discovered_on: &discovered_on,
        nature: &nature,
        information_concerned: &information_concerned,
        people_concerned: &people_concerned,
        people_count: &people_count,
        risk: risk.as_deref().unwrap_or_default(),
        risk_reasoning: &risk_reasoning,
        measures: &measures,
        commission_notified_on: &commission_notified_on,
        people_notified_on: &people_notified_on,
    };
    let fields = super::check_incident(&form, crate::program_time::program_today())?;
    let pool = pool()?;
    let id = super::repo::record_incident(
        &pool,
        &fields,
        officer,
        &crate::program_time::utc_now_text(),
    )
    .await?;
    let detail = format!("incident {id}, risk {}", fields.risk.as_str());
    audit(
        &pool,
        AuditEvent::ConfidentialityIncidentRecorded,
        officer,
        None,
        &detail,
    )
    .await;
    Ok(id)
}

/// Changes an incident as read at `revision` (`StaleVersion` when it was
/// changed since: nothing is overwritten).
#[server(endpoint = "edit_incident")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn edit_incident(
    id: i64,
    revision: i64,
    occurred_on: String,
    discovered_on: String,
    nature: String,
    information_concerned: String,
    people_concerned: String,
    people_count: String,
    // A radio group with nothing chosen sends no field at all.
    risk: Option<String>,
    risk_reasoning: String,
    measures: String,
    commission_notified_on: String,
    people_notified_on: String,
) -> Result<(), AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    let authorized = authorize(Access::PrivacyOfficer).await?;
    let officer = authorized.account()?.id;
    let form = super::IncidentForm {
        occurred_on: &occurred_on,
        discovered_on: &discovered_on,
        nature: &nature,
        information_concerned: &information_concerned,
        people_concerned: &people_concerned,
        people_count: &people_count,
        risk: risk.as_deref().unwrap_or_default(),
        risk_reasoning: &risk_reasoning,
        measures: &measures,
        commission_notified_on: &commission_notified_on,
        people_notified_on: &people_notified_on,
    };
    let fields = super::check_incident(&form, crate::program_time::program_today())?;
    let pool = pool()?;
    super::repo::edit_incident(
        &pool,
        id,
        revision,
        &fields,
        officer,
        &crate::program_time::utc_now_text(),
    )
    .await?;
    let detail = format!("incident {id}, risk {}", fields.risk.as_str());
    audit(
        &pool,
        AuditEvent::ConfidentialityIncidentEdited,
        officer,
        None,
        &detail,
    )
    .await;
    Ok(())
}
