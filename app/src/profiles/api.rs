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
    use super::*;
    use crate::accounts::{policy::Access, session::authorize, Role};
    use crate::error::{FieldErrors, InputProblem};
    use crate::input::*;
    use crate::server_context::pool;

    let authorized = authorize(Access::OwnProfile).await?;
    let account = authorized.account()?;
    let pool = pool()?;
    // Entries withdrawn from the taxonomy stay valid for a profile that has them.
    let current = super::repo::load_profile(&pool, account.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let choices = crate::catalog::repo::choices_keeping(
        &pool,
        &current.fields.domains,
        &current.fields.skills,
    )
    .await?;
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
        let capacity = match errors.check(parse_optional_number(
            "capacity",
            &text(capacity),
            1,
            CAPACITY_MAX,
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
            let open: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM pairs p JOIN profiles r ON r.id = p.mentor_profile_id \
                 WHERE r.account_id = ? AND p.status IN ('proposed', 'active')",
            )
            .bind(account.id)
            .fetch_one(&pool)
            .await?;
            if capacity < open {
                errors.push("capacity", InputProblem::BelowOpenPairs);
            }
        }
        let paused_until = errors
            .check(parse_optional_date("paused_until", &text(paused_until)))
            .flatten();
        errors.finish()?;
        let settings = MentorSettings {
            capacity: capacity.unwrap_or(super::repo::DEFAULT_CAPACITY),
            paused_until,
        };
        save_own_profile(&pool, account.id, OwnSettings::Mentor(&settings), &fields).await?
    } else {
        let program_of_study = errors.check(parse_optional_text(
            "program_of_study",
            &text(program_of_study),
            SHORT_TEXT_MAX_CHARS,
        ));
        let institution = errors.check(parse_optional_text(
            "institution",
            &text(institution),
            SHORT_TEXT_MAX_CHARS,
        ));
        let study_year = errors.check(parse_optional_number(
            "study_year",
            &text(study_year),
            1,
            10,
        ));
        let needs_note = errors.check(parse_optional_text(
            "needs_note",
            &text(needs_note),
            LONG_TEXT_MAX_CHARS,
        ));
        errors.finish()?;
        let studies = MenteeStudies {
            program_of_study: program_of_study.flatten(),
            institution: institution.flatten(),
            study_year: study_year.flatten(),
            needs_note: needs_note.flatten(),
        };
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
