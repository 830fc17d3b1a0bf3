//! Server functions of the matching board: the coordinator's only.
// A form's fields are its server function's arguments (Leptos's convention).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::{BoardView, DraftView};
use crate::error::AppError;

/// The cohort's id and people, from the server's cache when it has one and
/// nothing changed since (see `board::cache`).
#[cfg(feature = "ssr")]
async fn cohort_for(
    pool: &sqlx::SqlitePool,
    code: &str,
) -> Result<(i64, std::sync::Arc<super::repo::CohortPeople>), AppError> {
    use crate::program_time::program_today;
    let id = super::repo::cohort_id(pool, code)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = program_today();
    let people = match use_context::<super::cache::BoardCache>() {
        Some(cache) => cache.people(pool, id, today).await?,
        None => std::sync::Arc::new(super::repo::load(pool, id, today).await?),
    };
    Ok((id, people))
}

/// The board of a cohort (the current one when none is named): the waiting
/// mentees (searched and filtered, one page), the mentors with their places,
/// the selected mentee's best mentors, open pairs, locks and exclusions.
#[server(endpoint = "get_board")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_board(
    cohort: Option<String>,
    q: Option<String>,
    domain: Option<String>,
    language: Option<String>,
    page: Option<usize>,
    mentor_page: Option<usize>,
    mentee: Option<i64>,
) -> Result<BoardView, AppError> {
    use super::{MatchingSettings, Page};
    use crate::accounts::{session::authorize_role, Role};
    use crate::catalog::{current_cohort, repo as catalog};
    use crate::program_time::program_today;
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let cohorts = catalog::list_cohorts(&pool).await?;
    let chosen = match cohort.filter(|code| !code.is_empty()) {
        Some(code) => Some(
            cohorts
                .iter()
                .find(|cohort| cohort.code == code)
                .cloned()
                .ok_or(AppError::NotFound)?,
        ),
        None => current_cohort(&cohorts, program_today()).cloned(),
    };
    let choices = catalog::all_choices(&pool).await?;
    let Some(chosen) = chosen else {
        return Ok(BoardView {
            cohorts,
            cohort: None,
            settings: MatchingSettings::default(),
            choices,
            mentees: Page::of(&[], 1),
            mentors: Page::of(&[], 1),
            selected: None,
            pairs: Vec::new(),
            constraints: Vec::new(),
        });
    };
    let (cohort_id, people) = cohort_for(&pool, &chosen.code).await?;

    let search = super::lists::MenteeSearch::new(q, domain, language);
    let waiting = people.waiting(&search);
    let mentors = people.mentors_by_room();
    let selected = mentee
        .map(|mentee_id| people.selected(mentee_id))
        .transpose()?;
    Ok(BoardView {
        cohorts,
        cohort: Some(chosen),
        settings: people.settings,
        choices,
        mentees: Page::of(&waiting, page.unwrap_or(1)),
        mentors: Page::of(&mentors, mentor_page.unwrap_or(1)),
        selected,
        pairs: crate::pairs::repo::board_pairs_of_cohort(
            &pool,
            cohort_id,
            &crate::program_time::utc_text(chrono::Utc::now() - chrono::Duration::days(30)),
        )
        .await?,
        constraints: people.constraint_rows(),
    })
}

/// The optimal draft for the cohort's waiting mentees, with the current
/// weights, locks and exclusions. Nothing is saved: accepting it proposes.
#[server(endpoint = "run_matching")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn run_matching(cohort: String) -> Result<DraftView, AppError> {
    use super::{DraftPair, DraftUnmatched};
    use crate::accounts::{session::authorize_role, Role};
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let (_, people) = cohort_for(&pool, &cohort).await?;
    let engine = people.engine_cohort(None);
    let (mentees, mentors) = (engine.mentees.len(), engine.mentors.len());
    let started = std::time::Instant::now();
    // Up to a tenth of a second on both cores at 5,000 × 1,000: off the
    // threads that serve requests.
    let solved = tokio::task::spawn_blocking(move || matching::solve(&engine))
        .await
        .map_err(|error| AppError::internal(format!("the engine stopped: {error}")))?;
    let assignment = solved
        .map_err(|error| AppError::internal(format!("the engine refused its input: {error:?}")))?;
    tracing::info!(
        mentees,
        mentors,
        matched = assignment.matched,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "optimal matching"
    );
    let names = people.names();
    let name = |id: &str| -> (i64, String) {
        let id: i64 = id.parse().unwrap_or_default();
        (
            id,
            names
                .get(&id)
                .map(|name| (*name).to_owned())
                .unwrap_or_default(),
        )
    };
    let keys = assignment
        .pairs
        .iter()
        .map(|pair| format!("{}-{}", pair.mentee, pair.mentor))
        .collect();
    let unmatched_count = assignment.unmatched.len();
    Ok(DraftView {
        cohort,
        matched: assignment.matched,
        total_score: assignment.total_score,
        pairs: assignment
            .pairs
            .into_iter()
            .take(super::PAGE_SIZE)
            .map(|pair| {
                let (mentee_profile_id, mentee_name) = name(&pair.mentee);
                let (mentor_profile_id, mentor_name) = name(&pair.mentor);
                DraftPair {
                    mentee_profile_id,
                    mentee_name,
                    mentor_profile_id,
                    mentor_name,
                    locked: pair.locked,
                    breakdown: pair.breakdown,
                }
            })
            .collect(),
        keys,
        unmatched: assignment
            .unmatched
            .into_iter()
            .take(super::UNMATCHED_SHOWN)
            .map(|unmatched| {
                let (mentee_profile_id, mentee_name) = name(&unmatched.mentee);
                DraftUnmatched {
                    mentee_profile_id,
                    mentee_name,
                    reason: unmatched.reason,
                }
            })
            .collect(),
        unmatched_count,
        already_open: people.paired.len(),
        settings: people.settings,
    })
}

/// A further page of a draft's pairs (at most a page of `mentee-mentor`
/// keys, as the draft listed them), named and explained as they stand now.
#[server(endpoint = "draft_pairs")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn draft_pairs(
    cohort: String,
    pairs: Option<Vec<String>>,
) -> Result<Vec<super::DraftPair>, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    let keys = parse_keys(pairs.unwrap_or_default())?;
    if keys.len() > super::PAGE_SIZE {
        return Err(AppError::InvalidInput {
            field: "pairs".into(),
            problem: crate::error::InputProblem::InvalidChoice,
        });
    }
    let pool = pool()?;
    let (_, people) = cohort_for(&pool, &cohort).await?;
    keys.iter()
        .map(|&(mentee, mentor)| people.draft_pair(mentee, mentor).ok_or(AppError::NotFound))
        .collect()
}

/// `mentee-mentor` keys from a form; a malformed one is refused.
#[cfg(feature = "ssr")]
fn parse_keys(pairs: Vec<String>) -> Result<Vec<(i64, i64)>, AppError> {
    pairs
        .iter()
        .map(|key| {
            super::parse_pair_key(key).ok_or(AppError::InvalidInput {
                field: "pairs".into(),
                problem: crate::error::InputProblem::InvalidChoice,
            })
        })
        .collect()
}

/// Proposes pairs of the cohort (`mentee-mentor` profile ids), all or none:
/// each must be allowed and fit its mentor's places, else nothing is proposed.
/// Both people of each pair are emailed. Answers how many were proposed.
#[cfg(feature = "ssr")]
async fn propose_pairs(cohort: &str, keys: &[(i64, i64)]) -> Result<usize, AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::pairs::api::propose;
    use crate::program_time::utc_now_text;
    use crate::server_context::{pool, server_settings};

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator_id = authorized.account()?.id;
    let pool = pool()?;
    let (cohort_id, people) = cohort_for(&pool, cohort).await?;
    let proposals = people.proposals(cohort_id, keys)?;
    let now = utc_now_text();
    let public_url = server_settings()?.public_url.clone();
    let mut transaction = pool.begin().await?;
    for proposal in &proposals {
        propose(
            &mut transaction,
            proposal,
            coordinator_id,
            &now,
            &public_url,
        )
        .await?;
    }
    transaction.commit().await?;
    for proposal in &proposals {
        record_by_caller(
            &pool,
            AuditEvent::PairProposed,
            Some(coordinator_id),
            None,
            Some(&super::pair_key(
                proposal.mentee_profile_id,
                proposal.mentor_profile_id,
            )),
        )
        .await;
    }
    Ok(proposals.len())
}

/// Proposes one pair from the board.
#[server(endpoint = "propose_pair")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn propose_pair(cohort: String, mentee: i64, mentor: i64) -> Result<usize, AppError> {
    propose_pairs(&cohort, &[(mentee, mentor)]).await
}

/// Proposes the draft's pairs as a whole (or those the coordinator kept).
#[server(endpoint = "accept_draft")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn accept_draft(cohort: String, pairs: Option<Vec<String>>) -> Result<usize, AppError> {
    let keys = parse_keys(pairs.unwrap_or_default())?;
    if keys.is_empty() {
        return Err(AppError::InvalidInput {
            field: "pairs".into(),
            problem: crate::error::InputProblem::ChooseAtLeastOne,
        });
    }
    propose_pairs(&cohort, &keys).await
}

/// Locks a pair into every draft, forbids it, or clears the decision (`none`).
#[server(endpoint = "set_pair_constraint")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn set_pair_constraint(
    cohort: String,
    mentee: i64,
    mentor: i64,
    kind: String,
) -> Result<(), AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::program_time::utc_now_text;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator_id = authorized.account()?.id;
    let kind = match kind.as_str() {
        "none" => None,
        other => Some(
            super::ConstraintKind::parse(other).ok_or(AppError::InvalidInput {
                field: "kind".into(),
                problem: crate::error::InputProblem::InvalidChoice,
            })?,
        ),
    };
    let pool = pool()?;
    let (_, people) = cohort_for(&pool, &cohort).await?;
    let (mentees, mentors) = super::repo::roles(&people);
    if !mentees.contains(&mentee) || !mentors.contains(&mentor) {
        return Err(AppError::NotFound);
    }
    let now = utc_now_text();
    super::repo::set_constraint(&pool, mentee, mentor, kind, coordinator_id, &now).await?;
    Ok(())
}

/// A cohort's weights (each 0–100, adding up to 100) and optional criteria.
#[server(endpoint = "save_matching_settings")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_matching_settings(
    cohort: String,
    domain: String,
    skills: String,
    language: String,
    modality: String,
    availability: String,
    require_compatible_modality: Option<String>,
    min_score: String,
) -> Result<(), AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::error::{FieldErrors, InputProblem};
    use crate::program_time::utc_now_text;

    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator_id = authorized.account()?.id;
    let mut errors = FieldErrors::default();
    let mut number = |field: &str, raw: &str| -> u32 {
        match raw.trim().parse::<u32>() {
            Ok(value) if value <= 100 => value,
            _ => {
                errors.push(field, InputProblem::OutOfRange);
                0
            }
        }
    };
    let weights = matching::Weights {
        domain: number("domain", &domain),
        skills: number("skills", &skills),
        language: number("language", &language),
        modality: number("modality", &modality),
        availability: number("availability", &availability),
    };
    let min_score = number("min_score", &min_score);
    if weights.total() != 100 {
        errors.push("weights", InputProblem::WeightsTotal);
    }
    errors.finish()?;
    let settings = super::MatchingSettings {
        weights,
        criteria: matching::Criteria {
            require_compatible_modality: require_compatible_modality.is_some(),
            min_score,
        },
    };
    let pool = pool()?;
    let cohort_id = super::repo::cohort_id(&pool, &cohort)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = utc_now_text();
    super::repo::save_settings(&pool, cohort_id, &settings, &now).await?;
    record_by_caller(
        &pool,
        AuditEvent::MatchingSettingsChanged,
        Some(coordinator_id),
        None,
        Some(&cohort),
    )
    .await;
    Ok(())
}
