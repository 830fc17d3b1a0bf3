//! A mentor's or a mentee's own profile. Each reaches only their own: the
//! account comes from the session, never from the request.
// A form's fields are its server function's arguments (Leptos's convention),
// and these forms are long.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::ProfilePage;
use crate::error::AppError;

/// The signed-in person's profile, with the lists to choose from.
#[server(endpoint = "my_profile")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_my_profile() -> Result<ProfilePage, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::program_time::program_today;
    use crate::server_context::pool;

    let authorized = authorize(Access::OwnProfile).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    let is_mentor = account.role() == crate::accounts::Role::Mentor;
    let profile = match super::repo::load_profile(&pool, account.id).await? {
        Some(profile) if profile.mentor.is_some() == is_mentor => profile,
        // An account made before profiles existed, or outside the ways in that
        // make one: repaired once, here, rather than written on every visit.
        _ => {
            let cohort_id = super::repo::current_cohort_id(&pool, program_today()).await?;
            let mut connection = pool.acquire().await?;
            super::repo::ensure_profile(
                &mut connection,
                account.id,
                &account.email,
                account.role(),
                cohort_id,
            )
            .await?;
            drop(connection);
            super::repo::load_profile(&pool, account.id)
                .await?
                .ok_or(AppError::NotFound)?
        }
    };
    let choices = crate::catalog::repo::choices_keeping(
        &pool,
        &profile.fields.domains,
        &profile.fields.skills,
    )
    .await?;
    Ok(ProfilePage { profile, choices })
}

/// Saves the signed-in person's profile. Every field may be left for later
/// (the page shows what is missing) but none may be wrong; a mentor's capacity
/// is required. Fields of the other role are ignored.
#[server(endpoint = "save_my_profile")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_my_profile(
    domains: Option<Vec<String>>,
    skills: Option<Vec<String>>,
    languages: Option<std::collections::BTreeMap<String, String>>,
    modality: Option<String>,
    availability: Option<Vec<String>>,
    capacity: Option<String>,
    paused_until: Option<String>,
    program_of_study: Option<String>,
    institution: Option<String>,
    study_year: Option<String>,
    needs_note: Option<String>,
) -> Result<(), AppError> {
    use super::repo::{save_own_profile, OwnSettings};
    use super::{parse_matching_fields, MatchingInput, Requirement};
    use crate::accounts::{policy::Access, session::authorize, Role};
    use crate::error::FieldErrors;
    use crate::server_context::pool;

    let authorized = authorize(Access::OwnProfile).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    let choices = choices_kept_for(&pool, account.id).await?;
    let mut errors = FieldErrors::new();
    let input = MatchingInput {
        domains: domains.unwrap_or_default(),
        skills: skills.unwrap_or_default(),
        languages: languages.unwrap_or_default(),
        modality: modality.unwrap_or_default(),
        availability: availability.unwrap_or_default(),
    };
    let fields = parse_matching_fields(&input, &choices, Requirement::Draft, &mut errors);
    let text = |value: Option<String>| value.unwrap_or_default();
    let saved = if account.role() == Role::Mentor {
        let (capacity, paused_until) = (text(capacity), text(paused_until));
        let settings =
            check_mentor_settings(&pool, account.id, &capacity, &paused_until, errors).await?;
        save_own_profile(&pool, account.id, OwnSettings::Mentor(&settings), &fields).await?
    } else {
        let studies = check_mentee_studies(
            &MenteeStudiesInput {
                program_of_study: text(program_of_study),
                institution: text(institution),
                study_year: text(study_year),
                needs_note: text(needs_note),
            },
            errors,
        )?;
        save_own_profile(&pool, account.id, OwnSettings::Mentee(&studies), &fields).await?
    };
    if saved {
        let subject = account.id.to_string();
        crate::audit::repo::record_by_caller(
            &pool,
            crate::audit::AuditEvent::ProfileUpdated,
            Some(account.id),
            Some(&subject),
            None,
        )
        .await;
        Ok(())
    } else {
        // The page loads the profile first; without it there is nothing to save.
        Err(AppError::NotFound)
    }
}

/// The taxonomy entries a profile may choose from: the current ones, plus the
/// withdrawn ones this account's profile already has (they stay valid for it).
/// `NotFound` when the account has no profile.
#[cfg(feature = "ssr")]
async fn choices_kept_for(
    pool: &sqlx::SqlitePool,
    account_id: i64,
) -> Result<crate::catalog::ProfileChoices, AppError> {
    let current = super::repo::load_profile(pool, account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let choices = crate::catalog::repo::choices_keeping(
        pool,
        &current.fields.domains,
        &current.fields.skills,
    )
    .await?;
    Ok(choices)
}

/// Checks a mentor's capacity (required, never below their open pairs) and
/// pause date, then ends the form's check: every problem in `errors`, the
/// matching fields' included, comes back at once.
#[cfg(feature = "ssr")]
async fn check_mentor_settings(
    pool: &sqlx::SqlitePool,
    account_id: i64,
    capacity: &str,
    paused_until: &str,
    mut errors: crate::error::FieldErrors,
) -> Result<super::MentorSettings, AppError> {
    use crate::error::InputProblem;
    use crate::input::{parse_optional_date, parse_optional_number};

    let capacity = match errors.check(parse_optional_number(
        "capacity",
        capacity,
        1,
        super::CAPACITY_MAX,
    )) {
        Some(Some(capacity)) => Some(capacity),
        Some(None) => {
            errors.push("capacity", InputProblem::Required);
            None
        }
        None => None,
    };
    // Never below the pairs already open: they keep their places.
    if let Some(capacity) = capacity {
        if capacity < open_pairs_of_mentor(pool, account_id).await? {
            errors.push("capacity", InputProblem::BelowOpenPairs);
        }
    }
    let paused_until = errors
        .check(parse_optional_date("paused_until", paused_until))
        .flatten();
    errors.finish()?;
    Ok(super::MentorSettings {
        capacity: capacity.unwrap_or(super::repo::DEFAULT_CAPACITY),
        paused_until,
    })
}

/// How many pairs of this mentor (by account) are proposed or active.
#[cfg(feature = "ssr")]
async fn open_pairs_of_mentor(pool: &sqlx::SqlitePool, account_id: i64) -> Result<i64, AppError> {
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM pairs p JOIN profiles r ON r.id = p.mentor_profile_id \
         WHERE r.account_id = ? AND p.status IN ('proposed', 'active')",
    )
    .bind(account_id)
    .fetch_one(pool)
    .await?;
    Ok(open)
}

/// A mentee's study fields as the form sent them (empty when left out).
#[cfg(feature = "ssr")]
struct MenteeStudiesInput {
    program_of_study: String,
    institution: String,
    study_year: String,
    needs_note: String,
}

/// Checks a mentee's studies (each optional), then ends the form's check:
/// every problem in `errors`, the matching fields' included, comes back at once.
#[cfg(feature = "ssr")]
fn check_mentee_studies(
    input: &MenteeStudiesInput,
    mut errors: crate::error::FieldErrors,
) -> Result<super::MenteeStudies, AppError> {
    use crate::input::{
        parse_optional_number, parse_optional_text, LONG_TEXT_MAX_CHARS, SHORT_TEXT_MAX_CHARS,
    };

    let program_of_study = errors.check(parse_optional_text(
        "program_of_study",
        &input.program_of_study,
        SHORT_TEXT_MAX_CHARS,
    ));
    let institution = errors.check(parse_optional_text(
        "institution",
        &input.institution,
        SHORT_TEXT_MAX_CHARS,
    ));
    let study_year = errors.check(parse_optional_number(
        "study_year",
        &input.study_year,
        1,
        10,
    ));
    let needs_note = errors.check(parse_optional_text(
        "needs_note",
        &input.needs_note,
        LONG_TEXT_MAX_CHARS,
    ));
    errors.finish()?;
    Ok(super::MenteeStudies {
        program_of_study: program_of_study.flatten(),
        institution: institution.flatten(),
        study_year: study_year.flatten(),
        needs_note: needs_note.flatten(),
    })
}
