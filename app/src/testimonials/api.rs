//! Server functions of testimonials: the author's (write, change, withdraw:
//! a mentor or a mentee with a completed pair, on their own only), the
//! coordinator's (read all, approve, decline), and the home page's (public:
//! the approved ones, signed as their authors chose).
use leptos::prelude::*;

use super::{MyTestimonial, PublicTestimonial, Testimonial};
use crate::error::AppError;

/// One's own testimonial, and whether one may write one.
#[server(endpoint = "my_testimonial")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_my_testimonial() -> Result<MyTestimonial, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    let authorized = authorize(Access::OwnProfile).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    Ok(MyTestimonial {
        may_write: super::repo::may_write(&pool, account.id).await?,
        display_name: account.display_name.clone(),
        locale: account.locale.clone(),
        current: super::repo::of_account(&pool, account.id).await?,
    })
}

/// Writes or changes one's testimonial (it waits for approval again):
/// refused (`NotYet`) before one of one's pairs is completed.
#[server(endpoint = "save_testimonial")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_testimonial(
    body: String,
    language: String,
    signature: String,
) -> Result<(), AppError> {
    use super::{Signature, BODY_MAX_CHARS};
    use crate::accounts::{policy::Access, session::authorize};
    use crate::error::{FieldErrors, InputProblem};
    use crate::input::{parse_locale_choice, parse_required_text};
    use crate::server_context::pool;

    let authorized = authorize(Access::OwnProfile).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    if !super::repo::may_write(&pool, account.id).await? {
        return Err(AppError::InvalidInput {
            field: "testimonial".to_owned(),
            problem: InputProblem::NotYet,
        });
    }
    let mut errors = FieldErrors::new();
    let body = errors.check(parse_required_text("body", &body, BODY_MAX_CHARS));
    let language = errors.check(parse_locale_choice("language", &language));
    let signature = Signature::parse(signature.trim());
    if signature.is_none() {
        errors.push("signature", InputProblem::InvalidChoice);
    }
    let (body, language, signature) =
        errors.finish_with(|| Some((body?, language?, signature?)))?;
    // Writing one is consenting to its publication, once approved: the
    // consent is recorded with it (and withdrawn with it, or alone from
    // "my account").
    let now = chrono::Utc::now();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    super::repo::save(
        &mut transaction,
        account.id,
        &body,
        language,
        signature,
        &crate::program_time::utc_text(now),
    )
    .await?;
    crate::consent::repo::give(
        &mut transaction,
        crate::consent::repo::ConsentHolder::Account(account.id),
        crate::consent::ConsentPurpose::TestimonialPublication,
        crate::consent::ConsentContext::Choice,
        now,
    )
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// Takes one's testimonial back: off the home page at once.
#[server(endpoint = "withdraw_testimonial")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn withdraw_testimonial() -> Result<(), AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    let authorized = authorize(Access::OwnProfile).await?;
    let account = authorized.account()?;
    let mut transaction = crate::write_transaction::begin_write(&pool()?).await?;
    if !super::repo::withdraw(&mut transaction, account.id).await? {
        return Err(AppError::NotFound);
    }
    crate::consent::repo::withdraw(
        &mut transaction,
        account.id,
        crate::consent::ConsentPurpose::TestimonialPublication,
        chrono::Utc::now(),
    )
    .await?;
    transaction.commit().await?;
    Ok(())
}

/// Every testimonial not withdrawn, for the coordinator to decide on.
#[server(endpoint = "testimonials")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_testimonials() -> Result<Vec<Testimonial>, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    Ok(super::repo::for_coordinator(&pool()?).await?)
}

/// Approves (`approve`) or declines (`decline`) a testimonial as read
/// (`version`); an approved one may be declined later. Refused (409) once
/// its author withdrew it, or changed it since the coordinator read it.
#[server(endpoint = "decide_testimonial")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn decide_testimonial(
    id: i64,
    decision: String,
    version: String,
) -> Result<(), AppError> {
    use super::TestimonialStatus;
    use crate::accounts::{session::authorize_role, Role};
    use crate::error::InputProblem;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator = authorized.account()?.id;
    let status = match decision.trim() {
        "approve" => TestimonialStatus::Approved,
        "decline" => TestimonialStatus::Declined,
        _ => {
            return Err(AppError::InvalidInput {
                field: "decision".to_owned(),
                problem: InputProblem::InvalidChoice,
            })
        }
    };
    let decided = super::repo::decide(
        &pool()?,
        id,
        &version,
        status,
        coordinator,
        &crate::program_time::utc_now_text(),
    )
    .await?;
    if !decided {
        return Err(AppError::Conflict);
    }
    Ok(())
}

/// The approved testimonials, as the home page shows them. Public.
#[server(endpoint = "published_testimonials")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_published_testimonials() -> Result<Vec<PublicTestimonial>, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;
    Ok(super::repo::published(&pool()?).await?)
}
