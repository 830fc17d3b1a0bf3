//! Server functions of one's own privacy: consents, reads, the download,
//! consenting again; and the log of every read for the privacy officer.
use leptos::prelude::*;

use super::{ConsentRenewal, MyPrivacy};
use crate::access_log::PersonalDataRead;
use crate::error::AppError;

/// One's consents and the reads of one's data.
#[server(endpoint = "my_privacy")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_my_privacy() -> Result<MyPrivacy, AppError> {
    use super::DeletionState;
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    let mut connection = pool.acquire().await?;
    let notice_version = crate::consent::repo::latest_notice_version(&mut connection).await?;
    drop(connection);
    let deletion = if account.role() == crate::accounts::Role::Coordinator {
        DeletionState::NotHere
    } else {
        match super::repo::pending_deletion(&pool, account.id).await? {
            Some(since) => DeletionState::Pending { since },
            None => DeletionState::MayAsk,
        }
    };
    Ok(MyPrivacy {
        consents: crate::consent::repo::for_account(&pool, account.id).await?,
        reads: crate::access_log::repo::reads_about(&pool, account.id).await?,
        notice_version,
        deletion,
    })
}

/// Asks for the deletion of one's data (a mentor or a mentee, once they
/// ticked that they understand what it does): the privacy officer confirms
/// it. Asking again while a request waits is refused (409).
#[server(endpoint = "ask_for_deletion")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn ask_for_deletion(understood: Option<String>) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::error::InputProblem;
    use crate::input::require_checked;
    use crate::server_context::pool;

    let authorized = authorize(Access::OwnProfile).await?;
    let account = authorized.account()?;
    require_checked(
        "understood",
        understood.as_deref(),
        InputProblem::ConfirmRequired,
    )?;
    let pool = pool()?;
    let role = account.role().as_str();
    if !super::repo::ask_deletion(&pool, account.id, role, chrono::Utc::now()).await? {
        return Err(AppError::Conflict);
    }
    record_by_caller(
        &pool,
        AuditEvent::DeletionRequested,
        Some(account.id),
        Some(&account.id.to_string()),
        None,
    )
    .await;
    Ok(())
}

/// Takes back one's waiting request for deletion.
#[server(endpoint = "cancel_deletion_request")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn cancel_deletion_request() -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::server_context::pool;

    let authorized = authorize(Access::OwnProfile).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    if !super::repo::cancel_deletion(&pool, account.id, chrono::Utc::now()).await? {
        return Err(AppError::NotFound);
    }
    record_by_caller(
        &pool,
        AuditEvent::DeletionCancelled,
        Some(account.id),
        Some(&account.id.to_string()),
        None,
    )
    .await;
    Ok(())
}

/// Withdraws one of one's optional consents, and undoes what it allowed in
/// the same transaction: a testimonial comes off the home page; notices
/// stop waiting for the weekly digest (they go at once). The consent to take
/// part cannot be withdrawn here (asking for deletion is how one leaves).
#[server(endpoint = "withdraw_consent")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn withdraw_consent(purpose: String) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::consent::ConsentPurpose;
    use crate::error::InputProblem;
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    let purpose = ConsentPurpose::parse(purpose.trim())
        .filter(|purpose| purpose.is_optional())
        .ok_or(AppError::InvalidInput {
            field: "purpose".to_owned(),
            problem: InputProblem::InvalidChoice,
        })?;
    let pool = pool()?;
    let now = chrono::Utc::now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    if !crate::consent::repo::withdraw(&mut transaction, account.id, purpose, now).await? {
        return Err(AppError::NotFound);
    }
    match purpose {
        ConsentPurpose::TestimonialPublication => {
            crate::testimonials::repo::withdraw(&mut transaction, account.id).await?;
        }
        ConsentPurpose::WeeklyDigest => {
            sqlx::query(
                "UPDATE accounts SET notification_delivery = 'immediate', \
                 updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
            )
            .bind(account.id)
            .execute(&mut *transaction)
            .await?;
        }
        ConsentPurpose::Program => return Err(AppError::Forbidden),
    }
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::ConsentWithdrawn,
        Some(account.id),
        Some(&account.id.to_string()),
        Some(purpose.as_str()),
    )
    .await;
    Ok(())
}

/// Whether one must consent again to the notice, and what changed.
#[server(endpoint = "consent_renewal")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_consent_renewal() -> Result<ConsentRenewal, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    let due = crate::consent::repo::renewal_due(&pool, account.id).await?;
    let (changes_fr, changes_en): (String, String) = match due {
        Some(version) => {
            sqlx::query_as("SELECT changes_fr, changes_en FROM privacy_notices WHERE version = ?")
                .bind(version)
                .fetch_optional(&pool)
                .await?
                .unwrap_or_default()
        }
        None => Default::default(),
    };
    // What they consent to is the latest version (a correction may follow
    // the material change).
    let (body_fr, body_en): (String, String) = sqlx::query_as(
        "SELECT body_fr, body_en FROM privacy_notices ORDER BY version DESC LIMIT 1",
    )
    .fetch_optional(&pool)
    .await?
    .unwrap_or_default();
    Ok(ConsentRenewal {
        due,
        changes_fr,
        changes_en,
        body_fr,
        body_en,
    })
}

/// Consents to the latest notice, then goes on to `next` (a local path) or
/// one's area.
#[server(endpoint = "renew_consent")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn renew_consent(consent: Option<String>, next: String) -> Result<(), AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::consent::{repo::ConsentHolder, ConsentContext, ConsentPurpose};
    use crate::error::InputProblem;
    use crate::input::require_checked;
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    require_checked("consent", consent.as_deref(), InputProblem::ConsentRequired)?;
    let pool = pool()?;
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    crate::consent::repo::give(
        &mut transaction,
        ConsentHolder::Account(account.id),
        ConsentPurpose::Program,
        ConsentContext::Renewal,
        chrono::Utc::now(),
    )
    .await?;
    let version = crate::consent::repo::latest_notice_version(&mut transaction).await?;
    transaction.commit().await?;
    record_by_caller(
        &pool,
        AuditEvent::ConsentRenewed,
        Some(account.id),
        Some(&account.id.to_string()),
        Some(&version.to_string()),
    )
    .await;
    let destination = if next.trim().is_empty() {
        account.role().home_path().to_owned()
    } else {
        crate::locale::safe_return_path(next.trim())
    };
    leptos_axum::redirect(&destination);
    Ok(())
}

/// Makes a link to one's data that works once, for an hour, for oneself
/// only, and goes to it (a form's post downloads the file at once); answers
/// the link's address.
#[server(endpoint = "prepare_data_download")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn prepare_data_download() -> Result<String, AppError> {
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::server_context::pool;

    let authorized = authorize(Access::SignedIn).await?;
    let account = authorized.account()?;
    let (token, hash) = crate::accounts::tokens::new_token();
    super::repo::create_download(&pool()?, account.id, &hash, chrono::Utc::now()).await?;
    let link = format!("{}/{token}", super::DOWNLOAD_PATH);
    leptos_axum::redirect(&link);
    Ok(link)
}

/// The log of every read of personal data, as the privacy officer narrows
/// it (reader, subject, what, days); at most a page, and whether more matched.
#[server(endpoint = "personal_data_reads")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_personal_data_reads(
    reader: String,
    subject: String,
    what: String,
    from: String,
    to: String,
) -> Result<(Vec<PersonalDataRead>, bool), AppError> {
    use crate::access_log::{ReadFilter, ReadWhat};
    use crate::accounts::policy::Access;
    use crate::accounts::session::authorize;
    use crate::error::{FieldErrors, InputProblem};
    use crate::server_context::pool;

    authorize(Access::PrivacyOfficer).await?;
    let mut errors = FieldErrors::new();
    let what = match what.trim() {
        "" => None,
        value => {
            let parsed = ReadWhat::parse(value);
            if parsed.is_none() {
                errors.push("what", InputProblem::InvalidChoice);
            }
            parsed
        }
    };
    let mut day = |field: &str, value: &str| match value.trim() {
        "" => None,
        value => {
            let parsed = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
            if parsed.is_none() {
                errors.push(field, InputProblem::InvalidDate);
            }
            parsed
        }
    };
    let from = day("from", &from);
    let to = day("to", &to);
    errors.finish_with(|| Some(()))?;
    let filter = ReadFilter {
        reader: reader.chars().take(200).collect(),
        subject: subject.chars().take(200).collect(),
        what,
        from,
        to,
    };
    Ok(crate::access_log::repo::reads(&pool()?, &filter).await?)
}
