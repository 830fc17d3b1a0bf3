//! What the board reads: a cohort's people with their matching fields, loaded in
//! a handful of queries whatever the cohort's size, and turned into the
//! engine's cohort. Mentors who have not signed in yet (a pending profile) and
//! disabled accounts are left out: a proposal would reach nobody. A cohort's
//! people are its confirmed members (`cohort_members`): a mentor carried over
//! who has not confirmed yet, or declined, is not matched in it.
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sqlx::SqlitePool;

use super::{ConstraintKind, ConstraintRow, MatchingSettings, PreviousPairing, RematchReason};
use crate::profiles::{LanguageLevel, Modality, SpokenLanguage};

/// One mentor or mentee of the cohort.
#[derive(Debug, Clone)]
pub struct Person {
    pub profile_id: i64,
    pub name: String,
    pub modality: Option<Modality>,
    pub availability: u32,
    pub capacity: Option<u32>,
    pub paused: bool,
    pub domains: Vec<String>,
    /// A mentor's skills, a mentee's needs.
    pub skills: Vec<String>,
    pub languages: Vec<SpokenLanguage>,
    /// A mentor's sector, from their application.
    pub sector: Option<String>,
    /// The language their emails are written in.
    pub locale: String,
}

/// A cohort as the board and the engine need it.
#[derive(Debug, Clone)]
pub struct CohortPeople {
    pub cohort_id: i64,
    pub mentees: Vec<Person>,
    pub mentors: Vec<Person>,
    /// Open pairs (proposed or active, any cohort) per mentor profile.
    pub used: HashMap<i64, u32>,
    /// Mentees with an open pair, except those back on the board after a
    /// "not a fit" answer.
    pub paired: HashSet<i64>,
    pub constraints: Vec<(i64, i64, ConstraintKind)>,
    /// Each mentee's earlier pairings that did not work, newest first.
    pub previous: HashMap<i64, Vec<PreviousPairing>>,
    pub settings: MatchingSettings,
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    role: String,
    display_name: String,
    modality: Option<String>,
    availability: i64,
    capacity: Option<i64>,
    paused_until: Option<String>,
    sector: Option<String>,
    locale: String,
}

/// The id of the cohort of this code, and whether it is concluded.
pub async fn cohort_state(
    pool: &SqlitePool,
    code: &str,
) -> Result<Option<(i64, bool)>, sqlx::Error> {
    sqlx::query_as("SELECT id, closed_at IS NOT NULL FROM cohorts WHERE code = ?")
        .bind(code)
        .fetch_optional(pool)
        .await
}

pub async fn cohort_id(pool: &SqlitePool, code: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM cohorts WHERE code = ?")
        .bind(code)
        .fetch_optional(pool)
        .await
}

/// Codes per profile of the cohort, from one of the list tables.
async fn lists(
    pool: &SqlitePool,
    sql: &str,
    cohort_id: i64,
) -> Result<HashMap<i64, Vec<String>>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(sql).bind(cohort_id).fetch_all(pool).await?;
    let mut lists: HashMap<i64, Vec<String>> = HashMap::new();
    for (profile_id, code) in rows {
        lists.entry(profile_id).or_default().push(code);
    }
    Ok(lists)
}

/// Where the board's change counter stands (moved by triggers on every
/// change the board reads).
pub async fn board_generation(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT value FROM change_counters WHERE name = 'board'")
        .fetch_one(pool)
        .await
}

/// A cohort's people with everything the board and the engine read.
pub async fn load(
    pool: &SqlitePool,
    cohort_id: i64,
    today: NaiveDate,
) -> Result<CohortPeople, sqlx::Error> {
    let rows: Vec<PersonRow> = sqlx::query_as(
        "SELECT p.id, p.role, a.display_name, p.modality, p.availability, p.capacity, \
                p.paused_until, m.sector, a.locale \
         FROM profiles p JOIN accounts a ON a.id = p.account_id \
         JOIN cohort_members cm ON cm.profile_id = p.id AND cm.status = 'confirmed' \
         LEFT JOIN mentor_applications m ON m.id = p.application_id \
         WHERE cm.cohort_id = ? AND a.is_disabled = 0 \
         ORDER BY a.display_name COLLATE NOCASE, p.id",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await?;
    let mut domains = lists(
        pool,
        "SELECT x.profile_id, d.code FROM profile_domains x \
         JOIN domains d ON d.id = x.domain_id \
         JOIN cohort_members cm ON cm.profile_id = x.profile_id AND cm.status = 'confirmed' \
         WHERE cm.cohort_id = ? ORDER BY x.profile_id, d.position, d.code",
        cohort_id,
    )
    .await?;
    let mut skills = lists(
        pool,
        "SELECT x.profile_id, s.code FROM profile_skills x \
         JOIN skills s ON s.id = x.skill_id \
         JOIN cohort_members cm ON cm.profile_id = x.profile_id AND cm.status = 'confirmed' \
         WHERE cm.cohort_id = ? ORDER BY x.profile_id, s.position, s.code",
        cohort_id,
    )
    .await?;
    let mut languages = languages_by_profile(pool, cohort_id).await?;

    let (mut mentees, mut mentors) = (Vec::new(), Vec::new());
    for row in rows {
        let paused = row
            .paused_until
            .as_deref()
            .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
            .is_some_and(|until| until >= today);
        let person = Person {
            profile_id: row.id,
            name: row.display_name,
            modality: crate::stored::decode_optional(
                "profiles",
                "modality",
                row.modality.as_deref(),
            )?,
            availability: u32::try_from(row.availability).unwrap_or(0),
            capacity: row
                .capacity
                .and_then(|capacity| u32::try_from(capacity).ok()),
            paused,
            domains: domains.remove(&row.id).unwrap_or_default(),
            skills: skills.remove(&row.id).unwrap_or_default(),
            languages: languages.remove(&row.id).unwrap_or_default(),
            sector: row.sector,
            locale: row.locale,
        };
        if row.role == "mentor" {
            mentors.push(person);
        } else {
            mentees.push(person);
        }
    }

    let (used, mut paired) = open_pairs(pool).await?;
    let previous = previous_pairings(pool, cohort_id).await?;
    paired.retain(|mentee| {
        !previous
            .get(mentee)
            .is_some_and(|earlier| super::waits_again(earlier))
    });
    let constraints = constraints(pool, cohort_id).await?;
    Ok(CohortPeople {
        cohort_id,
        mentees,
        mentors,
        used,
        paired,
        constraints,
        previous,
        settings: settings(pool, cohort_id).await?,
    })
}

/// Each profile's languages, in the order the forms list them.
async fn languages_by_profile(
    pool: &SqlitePool,
    cohort_id: i64,
) -> Result<HashMap<i64, Vec<SpokenLanguage>>, sqlx::Error> {
    let language_rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT x.profile_id, x.language, x.level FROM profile_languages x \
         JOIN cohort_members cm ON cm.profile_id = x.profile_id AND cm.status = 'confirmed' \
         WHERE cm.cohort_id = ? \
         ORDER BY x.profile_id, x.language",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await?;
    let mut languages: HashMap<i64, Vec<SpokenLanguage>> = HashMap::new();
    for (profile_id, code, level) in language_rows {
        // Matching without one of the languages would be another matching: an error.
        let level: LanguageLevel = crate::stored::decode("profile_languages", "level", &level)?;
        languages
            .entry(profile_id)
            .or_default()
            .push(SpokenLanguage { code, level });
    }
    for spoken in languages.values_mut() {
        spoken.sort_by_key(|language| {
            crate::profiles::choices::LANGUAGES
                .iter()
                .position(|code| *code == language.code)
        });
    }
    Ok(languages)
}

/// The places each mentor's open pairs use, and the mentees with an open pair.
async fn open_pairs(pool: &SqlitePool) -> Result<(HashMap<i64, u32>, HashSet<i64>), sqlx::Error> {
    let open: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT mentee_profile_id, mentor_profile_id FROM pairs \
         WHERE status IN ('proposed', 'active')",
    )
    .fetch_all(pool)
    .await?;
    let mut used: HashMap<i64, u32> = HashMap::new();
    let mut paired = HashSet::new();
    for (mentee, mentor) in open {
        *used.entry(mentor).or_default() += 1;
        paired.insert(mentee);
    }
    Ok((used, paired))
}

#[derive(sqlx::FromRow)]
struct PreviousRow {
    mentee_profile_id: i64,
    mentor_profile_id: i64,
    mentor_name: String,
    not_a_fit: bool,
    still_open: bool,
    since: String,
}

/// The cohort's pairings that did not work: ended early, or answered "not a
/// fit" by either side (whatever became of them since), per mentee.
async fn previous_pairings(
    pool: &SqlitePool,
    cohort_id: i64,
) -> Result<HashMap<i64, Vec<PreviousPairing>>, sqlx::Error> {
    let rows: Vec<PreviousRow> = sqlx::query_as(
        "SELECT p.mentee_profile_id, p.mentor_profile_id, a.display_name AS mentor_name, \
                f.answered_at IS NOT NULL AS not_a_fit, \
                p.status IN ('proposed', 'active') AS still_open, \
                COALESCE(f.answered_at, p.closed_at, p.proposed_at) AS since \
         FROM pairs p \
         JOIN profiles e ON e.id = p.mentee_profile_id \
         JOIN profiles r ON r.id = p.mentor_profile_id \
         JOIN accounts a ON a.id = r.account_id \
         LEFT JOIN (SELECT pair_id, MAX(answered_at) AS answered_at FROM fit_checks \
                    WHERE answer = 'not_a_fit' GROUP BY pair_id) f ON f.pair_id = p.id \
         JOIN cohort_members cm ON cm.profile_id = e.id AND cm.status = 'confirmed' \
         WHERE cm.cohort_id = ? AND (p.status = 'ended' OR f.answered_at IS NOT NULL) \
         ORDER BY since DESC, p.id DESC",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await?;
    let mut previous: HashMap<i64, Vec<PreviousPairing>> = HashMap::new();
    for row in rows {
        previous
            .entry(row.mentee_profile_id)
            .or_default()
            .push(PreviousPairing {
                mentor_profile_id: row.mentor_profile_id,
                mentor_name: row.mentor_name,
                reason: if row.not_a_fit {
                    RematchReason::NotAFit
                } else {
                    RematchReason::EndedEarly
                },
                since: row.since,
                still_open: row.still_open,
            });
    }
    Ok(previous)
}

/// The coordinator's locks and exclusions among the cohort's mentees.
async fn constraints(
    pool: &SqlitePool,
    cohort_id: i64,
) -> Result<Vec<(i64, i64, ConstraintKind)>, sqlx::Error> {
    let constraints: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT c.mentee_profile_id, c.mentor_profile_id, c.kind FROM pair_constraints c \
         JOIN cohort_members cm ON cm.profile_id = c.mentee_profile_id \
         WHERE cm.cohort_id = ? AND cm.status = 'confirmed'",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await?;
    // A constraint left out would let the engine propose a forbidden pair: an error.
    constraints
        .into_iter()
        .map(|(mentee, mentor, kind)| {
            Ok((
                mentee,
                mentor,
                crate::stored::decode("pair_constraints", "kind", &kind)?,
            ))
        })
        .collect()
}

fn engine_languages(spoken: &[SpokenLanguage]) -> Vec<matching::Language> {
    spoken
        .iter()
        .map(|language| matching::Language {
            code: language.code.clone(),
            level: match language.level {
                LanguageLevel::Basic => matching::Level::Basic,
                LanguageLevel::Working => matching::Level::Working,
                LanguageLevel::Fluent => matching::Level::Fluent,
            },
        })
        .collect()
}

pub(crate) fn engine_mentee(mentee: &Person) -> matching::Mentee {
    matching::Mentee {
        id: mentee.profile_id.to_string(),
        domains: mentee.domains.clone(),
        needs: mentee.skills.clone(),
        languages: engine_languages(&mentee.languages),
        modality: engine_modality(mentee.modality),
        availability: mentee.availability,
    }
}

fn engine_modality(modality: Option<Modality>) -> matching::Modality {
    match modality {
        Some(Modality::InPerson) => matching::Modality::InPerson,
        Some(Modality::Video) => matching::Modality::Video,
        // No preference given yet: any way suits.
        Some(Modality::Either) | None => matching::Modality::Either,
    }
}

impl CohortPeople {
    /// The engine's cohort: the mentees still waiting (`only`: just this one,
    /// waiting or not, to rank their mentors),
    /// every mentor with the places their open pairs use, the coordinator's
    /// locks that still fit and exclusions. Ids are profile ids.
    pub fn engine_cohort(&self, only: Option<i64>) -> matching::Cohort {
        let waiting = |mentee: &&Person| match only {
            Some(only) => only == mentee.profile_id,
            None => !self.paired.contains(&mentee.profile_id),
        };
        let mentees: Vec<matching::Mentee> = self
            .mentees
            .iter()
            .filter(waiting)
            .map(engine_mentee)
            .collect();
        let mentors: Vec<matching::Mentor> = self
            .mentors
            .iter()
            .map(|mentor| self.engine_mentor(mentor))
            .collect();
        let (locked, forbidden) = self.constraints_for_run(&mentees, &mentors);
        matching::Cohort {
            mentees,
            mentors,
            weights: self.settings.weights,
            criteria: self.settings.criteria,
            locked,
            forbidden,
        }
    }

    pub(crate) fn engine_mentor(&self, mentor: &Person) -> matching::Mentor {
        matching::Mentor {
            id: mentor.profile_id.to_string(),
            domains: mentor.domains.clone(),
            skills: mentor.skills.clone(),
            languages: engine_languages(&mentor.languages),
            modality: engine_modality(mentor.modality),
            availability: mentor.availability,
            capacity: mentor.capacity.unwrap_or(0),
            load: self.used.get(&mentor.profile_id).copied().unwrap_or(0),
            paused: mentor.paused,
        }
    }

    /// The locks and exclusions between people of the run. A lock the
    /// mentor has no room for any more is left out of the run (the board
    /// shows it; the coordinator decides).
    fn constraints_for_run(
        &self,
        mentees: &[matching::Mentee],
        mentors: &[matching::Mentor],
    ) -> (Vec<matching::PairRef>, Vec<matching::PairRef>) {
        let present: HashSet<&str> = mentees
            .iter()
            .map(|mentee| mentee.id.as_str())
            .chain(mentors.iter().map(|mentor| mentor.id.as_str()))
            .collect();
        let mut room: HashMap<&str, u32> = mentors
            .iter()
            .map(|mentor| {
                let free = if mentor.paused {
                    0
                } else {
                    mentor.capacity.saturating_sub(mentor.load)
                };
                (mentor.id.as_str(), free)
            })
            .collect();
        let (mut locked, mut forbidden) = (Vec::new(), Vec::new());
        // An earlier pairing that did not work is never proposed again.
        let earlier = self.previous.iter().flat_map(|(mentee, pairings)| {
            pairings.iter().map(move |pairing| {
                (
                    *mentee,
                    pairing.mentor_profile_id,
                    ConstraintKind::Forbidden,
                )
            })
        });
        let decided = self
            .constraints
            .iter()
            .copied()
            .filter(|(mentee, mentor, _)| !self.was_paired_before(*mentee, *mentor));
        for (mentee, mentor, kind) in earlier.chain(decided) {
            let pair = matching::PairRef {
                mentee: mentee.to_string(),
                mentor: mentor.to_string(),
            };
            if !present.contains(pair.mentee.as_str()) || !present.contains(pair.mentor.as_str()) {
                continue;
            }
            match kind {
                ConstraintKind::Forbidden => forbidden.push(pair),
                ConstraintKind::Locked => {
                    if let Some(free) = room.get_mut(pair.mentor.as_str()).filter(|free| **free > 0)
                    {
                        *free -= 1;
                        locked.push(pair);
                    }
                }
            }
        }
        (locked, forbidden)
    }

    pub fn names(&self) -> HashMap<i64, &str> {
        self.mentees
            .iter()
            .chain(self.mentors.iter())
            .map(|person| (person.profile_id, person.name.as_str()))
            .collect()
    }

    /// Whether these two were paired before without it working.
    pub fn was_paired_before(&self, mentee: i64, mentor: i64) -> bool {
        self.previous.get(&mentee).is_some_and(|pairings| {
            pairings
                .iter()
                .any(|pairing| pairing.mentor_profile_id == mentor)
        })
    }

    pub fn constraint_rows(&self) -> Vec<ConstraintRow> {
        let names = self.names();
        let mut rows: Vec<ConstraintRow> = self
            .constraints
            .iter()
            .filter_map(|(mentee, mentor, kind)| {
                Some(ConstraintRow {
                    mentee_profile_id: *mentee,
                    mentee_name: (*names.get(mentee)?).to_owned(),
                    mentor_profile_id: *mentor,
                    mentor_name: (*names.get(mentor)?).to_owned(),
                    kind: *kind,
                })
            })
            .collect();
        rows.sort_by(|a, b| {
            a.mentee_name
                .to_lowercase()
                .cmp(&b.mentee_name.to_lowercase())
        });
        rows
    }
}

pub async fn settings(pool: &SqlitePool, cohort_id: i64) -> Result<MatchingSettings, sqlx::Error> {
    let row: Option<(i64, i64, i64, i64, i64, bool, i64)> = sqlx::query_as(
        "SELECT weight_domain, weight_skills, weight_language, weight_modality, \
                weight_availability, require_compatible_modality, min_score \
         FROM matching_settings WHERE cohort_id = ?",
    )
    .bind(cohort_id)
    .fetch_optional(pool)
    .await?;
    let whole = |value: i64| u32::try_from(value).unwrap_or(0);
    Ok(match row {
        Some((domain, skills, language, modality, availability, require, min_score)) => {
            MatchingSettings {
                weights: matching::Weights {
                    domain: whole(domain),
                    skills: whole(skills),
                    language: whole(language),
                    modality: whole(modality),
                    availability: whole(availability),
                },
                criteria: matching::Criteria {
                    require_compatible_modality: require,
                    min_score: whole(min_score),
                },
            }
        }
        None => MatchingSettings::default(),
    })
}

pub async fn save_settings(
    pool: &SqlitePool,
    cohort_id: i64,
    settings: &MatchingSettings,
    now: &str,
) -> Result<(), sqlx::Error> {
    let weights = settings.weights;
    sqlx::query(
        "INSERT INTO matching_settings (cohort_id, weight_domain, weight_skills, weight_language, \
             weight_modality, weight_availability, require_compatible_modality, min_score, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (cohort_id) DO UPDATE SET weight_domain = excluded.weight_domain, \
             weight_skills = excluded.weight_skills, weight_language = excluded.weight_language, \
             weight_modality = excluded.weight_modality, \
             weight_availability = excluded.weight_availability, \
             require_compatible_modality = excluded.require_compatible_modality, \
             min_score = excluded.min_score, updated_at = excluded.updated_at",
    )
    .bind(cohort_id)
    .bind(i64::from(weights.domain))
    .bind(i64::from(weights.skills))
    .bind(i64::from(weights.language))
    .bind(i64::from(weights.modality))
    .bind(i64::from(weights.availability))
    .bind(settings.criteria.require_compatible_modality)
    .bind(i64::from(settings.criteria.min_score))
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// Sets the coordinator's decision about a pair (replacing another one), or
/// clears it (`None`). A second lock for the same mentee replaces the first.
pub async fn set_constraint(
    pool: &SqlitePool,
    mentee: i64,
    mentor: i64,
    kind: Option<ConstraintKind>,
    by: i64,
    now: &str,
) -> Result<(), sqlx::Error> {
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    sqlx::query(
        "DELETE FROM pair_constraints WHERE mentee_profile_id = ? AND mentor_profile_id = ?",
    )
    .bind(mentee)
    .bind(mentor)
    .execute(&mut *transaction)
    .await?;
    if let Some(kind) = kind {
        if kind == ConstraintKind::Locked {
            sqlx::query(
                "DELETE FROM pair_constraints WHERE mentee_profile_id = ? AND kind = 'locked'",
            )
            .bind(mentee)
            .execute(&mut *transaction)
            .await?;
        }
        sqlx::query(
            "INSERT INTO pair_constraints (mentee_profile_id, mentor_profile_id, kind, created_by, created_at) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(mentee)
        .bind(mentor)
        .bind(kind.as_str())
        .bind(by)
        .bind(now)
        .execute(&mut *transaction)
        .await?;
    }
    transaction.commit().await
}

/// Mentees' and mentors' profile ids of a cohort, by role (to check a request
/// names people of the cohort it says).
pub fn roles(people: &CohortPeople) -> (HashSet<i64>, HashSet<i64>) {
    (
        people
            .mentees
            .iter()
            .map(|person| person.profile_id)
            .collect(),
        people
            .mentors
            .iter()
            .map(|person| person.profile_id)
            .collect(),
    )
}
