//! The coordinator's management of the taxonomy and of cohorts. Coordinators only.
use leptos::prelude::*;

use super::{CohortMembers, CohortSummary, TaxonomyOverview};
use crate::error::AppError;

#[cfg(feature = "ssr")]
fn invalid(field: &str, problem: crate::error::InputProblem) -> AppError {
    AppError::InvalidInput {
        field: field.to_owned(),
        problem,
    }
}

/// Both lists of the taxonomy, with inactive entries and their uses.
#[server(endpoint = "taxonomy")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_taxonomy() -> Result<TaxonomyOverview, AppError> {
    use super::{repo, TaxonomyKind};
    use crate::accounts::{session::authorize_role, Role};

    authorize_role(Role::Coordinator).await?;
    let pool = crate::server_context::pool()?;
    Ok(TaxonomyOverview {
        domains: repo::list_taxonomy(&pool, TaxonomyKind::Domain).await?,
        skills: repo::list_taxonomy(&pool, TaxonomyKind::Skill).await?,
    })
}

/// Adds a domain or a skill (`code` empty) or changes its labels. A label left
/// empty is stored as missing, and shown as missing.
#[server(endpoint = "save_taxonomy_entry")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn save_taxonomy_entry(
    kind: String,
    code: String,
    label_fr: String,
    label_en: String,
) -> Result<(), AppError> {
    use super::{code_from_label, repo, Bilingual, TaxonomyKind};
    use crate::accounts::{session::authorize_role, Role};
    use crate::error::{FieldErrors, InputProblem};
    use crate::input::{parse_optional_text, SHORT_TEXT_MAX_CHARS};

    authorize_role(Role::Coordinator).await?;
    let kind =
        TaxonomyKind::parse(&kind).ok_or_else(|| invalid("kind", InputProblem::InvalidChoice))?;
    let mut errors = FieldErrors::new();
    let fr = errors.check(parse_optional_text(
        "label_fr",
        &label_fr,
        SHORT_TEXT_MAX_CHARS,
    ));
    let en = errors.check(parse_optional_text(
        "label_en",
        &label_en,
        SHORT_TEXT_MAX_CHARS,
    ));
    errors.finish()?;
    let label = Bilingual {
        fr: fr.flatten(),
        en: en.flatten(),
    };
    if label.fr.is_none() && label.en.is_none() {
        return Err(invalid("label_fr", InputProblem::OneLabelRequired));
    }
    let pool = crate::server_context::pool()?;
    let code = code.trim();
    if code.is_empty() {
        let base = code_from_label(
            label
                .fr
                .as_deref()
                .or(label.en.as_deref())
                .unwrap_or_default(),
        );
        let base = if base.is_empty() {
            kind.as_str().to_owned()
        } else {
            base
        };
        // A label close to an existing one gets the next free code.
        for attempt in 1..=50 {
            let candidate = if attempt == 1 {
                base.clone()
            } else {
                format!("{base}-{attempt}")
            };
            if repo::insert_taxonomy_entry(&pool, kind, &candidate, &label).await? {
                return Ok(());
            }
        }
        Err(invalid("label_fr", InputProblem::InvalidChoice))
    } else if repo::update_taxonomy_labels(&pool, kind, code, &label).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Stops offering an entry in forms, or offers it again. Profiles that chose
/// it keep it.
#[server(endpoint = "set_taxonomy_entry_active")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn set_taxonomy_entry_active(
    kind: String,
    code: String,
    active: bool,
) -> Result<(), AppError> {
    use super::{repo, TaxonomyKind};
    use crate::accounts::{session::authorize_role, Role};
    use crate::error::InputProblem;

    authorize_role(Role::Coordinator).await?;
    let kind =
        TaxonomyKind::parse(&kind).ok_or_else(|| invalid("kind", InputProblem::InvalidChoice))?;
    let pool = crate::server_context::pool()?;
    if repo::set_taxonomy_active(&pool, kind, code.trim(), active).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Every cohort with its counts; the current one is marked.
#[server(endpoint = "cohort_summaries")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn list_cohort_summaries() -> Result<Vec<CohortSummary>, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::program_time::program_today;
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    Ok(super::repo::cohort_summaries(&pool()?, program_today()).await?)
}

/// Creates a cohort (`code` empty) or changes one: bilingual name, dates, open or closed.
#[server(endpoint = "save_cohort")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn save_cohort(
    code: String,
    name_fr: String,
    name_en: String,
    starts_on: String,
    ends_on: String,
    is_open: Option<String>,
) -> Result<String, AppError> {
    use super::{code_from_label, repo, Bilingual, Cohort};
    use crate::accounts::{session::authorize_role, Role};
    use crate::error::{FieldErrors, InputProblem};
    use crate::input::{parse_optional_date, parse_required_text};

    authorize_role(Role::Coordinator).await?;
    let mut errors = FieldErrors::new();
    let fr = errors.check(parse_required_text("name_fr", &name_fr, 100));
    let en = errors.check(parse_required_text("name_en", &name_en, 100));
    let mut date = |field: &str, raw: &str| match errors.check(parse_optional_date(field, raw)) {
        Some(Some(day)) => Some(day),
        Some(None) => {
            errors.push(field, InputProblem::Required);
            None
        }
        None => None,
    };
    let starts = date("starts_on", &starts_on);
    let ends = date("ends_on", &ends_on);
    if let (Some(starts), Some(ends)) = (starts, ends) {
        if ends <= starts {
            errors.push("ends_on", InputProblem::EndBeforeStart);
        }
    }
    let (fr, en, starts_on, ends_on) = errors.finish_with(|| Some((fr?, en?, starts?, ends?)))?;
    let pool = crate::server_context::pool()?;
    let mut cohort = Cohort {
        code: code.trim().to_owned(),
        name: Bilingual {
            fr: Some(fr),
            en: Some(en),
        },
        starts_on,
        ends_on,
        is_open: is_open.is_some_and(|value| !value.is_empty()),
        concluded_on: None,
    };
    if !cohort.code.is_empty() {
        return if repo::update_cohort(&pool, &cohort).await? {
            Ok(cohort.code)
        } else {
            Err(AppError::NotFound)
        };
    }
    let base = code_from_label(cohort.name.fr.as_deref().unwrap_or_default());
    let base = if base.is_empty() {
        "cohort".to_owned()
    } else {
        base
    };
    for attempt in 1..=50 {
        cohort.code = if attempt == 1 {
            base.clone()
        } else {
            format!("{base}-{attempt}")
        };
        if repo::insert_cohort(&pool, &cohort).await? {
            return Ok(cohort.code);
        }
    }
    Err(invalid("name_fr", InputProblem::InvalidChoice))
}

/// A cohort with every mentor and mentee, placed in it or not.
#[server(endpoint = "cohort_members")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_cohort_members(code: String) -> Result<CohortMembers, AppError> {
    use crate::accounts::{session::authorize_role, Role};

    authorize_role(Role::Coordinator).await?;
    super::repo::cohort_members(&crate::server_context::pool()?, code.trim())
        .await?
        .ok_or(AppError::NotFound)
}

/// Places the ticked people in the cohort (`place` true) or takes them out of it.
#[server(endpoint = "place_in_cohort")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn place_in_cohort(
    code: String,
    place: bool,
    profiles: Option<Vec<i64>>,
) -> Result<u64, AppError> {
    use super::repo;
    use crate::accounts::{session::authorize_role, Role};
    use crate::error::InputProblem;

    authorize_role(Role::Coordinator).await?;
    let profiles = profiles.unwrap_or_default();
    if profiles.is_empty() {
        return Err(invalid("profiles", InputProblem::ChooseAtLeastOne));
    }
    let pool = crate::server_context::pool()?;
    let code = code.trim();
    if repo::find_cohort(&pool, code).await?.is_none() {
        return Err(AppError::NotFound);
    }
    Ok(if place {
        repo::place_in_cohort(&pool, code, &profiles).await?
    } else {
        repo::remove_from_cohort(&pool, code, &profiles).await?
    })
}
