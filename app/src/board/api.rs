//! Server functions of the matching board: the coordinator's only.
// A form's fields are its server function's arguments (Leptos's convention).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::{BoardView, DraftView};
use crate::error::AppError;

/// A cohort as the board reads it: its id, and its people as they stood at
/// the board's change counter `generation` on the program's day `today`.
#[cfg(feature = "ssr")]
struct LoadedCohort {
    id: i64,
    generation: i64,
    today: chrono::NaiveDate,
    people: std::sync::Arc<super::repo::CohortPeople>,
}

/// The cohort of this code, from the server's cache when it has one and
/// nothing changed since (see `board::cache`).
#[cfg(feature = "ssr")]
async fn cohort_for(pool: &sqlx::SqlitePool, code: &str) -> Result<LoadedCohort, AppError> {
    use crate::program_time::program_today;
    let id = super::repo::cohort_id(pool, code)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = program_today();
    let (generation, people) = match use_context::<super::cache::BoardCache>() {
        Some(cache) => cache.people(pool, id, today).await?,
        None => {
            // Read before loading, as the cache does.
            let generation = super::repo::board_generation(pool).await?;
            let people = super::repo::load(pool, id, today).await?;
            (generation, std::sync::Arc::new(people))
        }
    };
    Ok(LoadedCohort {
        id,
        generation,
        today,
        people,
    })
}

/// The id of the cohort of this code, for a change on its board: refused
/// once the cohort is concluded (it no longer matches).
#[cfg(feature = "ssr")]
async fn matchable_cohort_id(pool: &sqlx::SqlitePool, code: &str) -> Result<i64, AppError> {
    match super::repo::cohort_state(pool, code).await? {
        None => Err(AppError::NotFound),
        Some((_, true)) => Err(AppError::CohortConcluded),
        Some((id, false)) => Ok(id),
    }
}

/// The board of a cohort (the current one when none is named): the waiting
/// mentees (searched and filtered, one page), the mentors with their places
/// and what they match by (searched and filtered: `mq`, `mdomain`,
/// `mlanguage`, `free`), the selected mentee's best mentors or else the
/// selected mentor's best waiting mentees, the kept draft (its first `shown`
/// pairs explained), open pairs, locks and exclusions.
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
    shown: Option<usize>,
    mq: Option<String>,
    mdomain: Option<String>,
    mlanguage: Option<String>,
    free: Option<bool>,
    mentor: Option<i64>,
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
            selected_mentor: None,
            draft: None,
            pairs: Vec::new(),
            constraints: Vec::new(),
        });
    };
    let LoadedCohort {
        id: cohort_id,
        generation,
        today,
        people,
    } = cohort_for(&pool, &chosen.code).await?;
    let draft = super::drafts::current(&pool, cohort_id, &people, generation, today)
        .await?
        .map(|draft| draft.view(&chosen.code, &people, shown.unwrap_or(super::PAGE_SIZE)));

    let search = super::lists::MenteeSearch::new(q, domain, language);
    let waiting = people.waiting(&search);
    let mentors = people.mentors_by_room(&super::lists::MentorSearch::new(
        mq, mdomain, mlanguage, free,
    ));
    let selected = mentee
        .map(|mentee_id| people.selected(mentee_id))
        .transpose()?;
    // A mentee chosen is what the third column shows; else a mentor chosen.
    let selected_mentor = match (&selected, mentor) {
        (None, Some(mentor_id)) => Some(people.selected_mentor(mentor_id)?),
        _ => None,
    };
    Ok(BoardView {
        cohorts,
        cohort: Some(chosen),
        settings: people.settings,
        choices,
        mentees: Page::of(&waiting, page.unwrap_or(1)),
        mentors: Page::of(&mentors, mentor_page.unwrap_or(1)),
        selected,
        selected_mentor,
        draft,
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
/// weights, locks and exclusions, kept until accepted or discarded (a run
/// replaces it). Nothing is proposed: accepting it proposes.
#[server(endpoint = "run_matching")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn run_matching(cohort: String) -> Result<DraftView, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::program_time::utc_now_text;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator_id = authorized.account()?.id;
    let pool = pool()?;
    matchable_cohort_id(&pool, &cohort).await?;
    let LoadedCohort {
        id: cohort_id,
        generation,
        today,
        people,
    } = cohort_for(&pool, &cohort).await?;
    let kept = super::drafts::KeptDraft {
        generation,
        computed_on: today,
        draft: super::drafts::solve(&people).await?,
    };
    super::drafts::keep(&pool, cohort_id, &kept, coordinator_id, &utc_now_text()).await?;
    Ok(kept.draft.view(&cohort, &people, super::PAGE_SIZE))
}

/// Forgets the cohort's kept draft; nothing else changes. Answers whether
/// there was one.
#[server(endpoint = "discard_draft")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn discard_draft(cohort: String) -> Result<bool, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let cohort_id = super::repo::cohort_id(&pool, &cohort)
        .await?
        .ok_or(AppError::NotFound)?;
    super::drafts::forget(&pool, cohort_id).await
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
    matchable_cohort_id(&pool, cohort).await?;
    let loaded = cohort_for(&pool, cohort).await?;
    let proposals = loaded.people.proposals(loaded.id, keys)?;
    let now = utc_now_text();
    let public_url = server_settings()?.public_url.clone();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    let mut ended = Vec::new();
    for proposal in &proposals {
        let (_, unfit) = propose(
            &mut transaction,
            proposal,
            coordinator_id,
            &now,
            &public_url,
        )
        .await?;
        ended.extend(unfit);
    }
    transaction.commit().await?;
    for pair in ended {
        record_by_caller(
            &pool,
            AuditEvent::PairEnded,
            Some(coordinator_id),
            None,
            Some(&pair.to_string()),
        )
        .await;
    }
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

/// Proposes the draft's pairs as a whole (or those the coordinator kept);
/// the kept draft is forgotten.
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
    let proposed = propose_pairs(&cohort, &keys).await?;
    // Its pairs are proposals now (and emailed): the draft is done with. Were
    // forgetting it to fail, the next view would compute it again without them.
    let pool = crate::server_context::pool()?;
    let forgotten = match super::repo::cohort_id(&pool, &cohort).await {
        Ok(Some(cohort_id)) => super::drafts::forget(&pool, cohort_id).await.map(|_| ()),
        Ok(None) => Ok(()),
        Err(error) => Err(error.into()),
    };
    if let Err(error) = forgotten {
        tracing::warn!(?error, "an accepted draft could not be forgotten");
    }
    Ok(proposed)
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
    matchable_cohort_id(&pool, &cohort).await?;
    let people = cohort_for(&pool, &cohort).await?.people;
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
    let cohort_id = matchable_cohort_id(&pool, &cohort).await?;
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
