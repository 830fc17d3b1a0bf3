//! The board's lists drawn from a cohort's people as loaded: the waiting
//! mentees a search keeps, the mentors by free places, one mentee's
//! mentors ranked, and the pairs the coordinator proposes, checked. Pure: no database, no request.
use std::collections::HashMap;

use super::repo::{engine_mentee, CohortPeople, Person};
use super::{
    BoardMentee, BoardMentor, ConstraintKind, DraftPair, RankedMentee, RankedMentor,
    SelectedMentee, SelectedMentor, SUGGESTIONS,
};
use crate::error::{AppError, InputProblem};
use crate::pairs::api::Proposal;

/// What the coordinator searches the waiting mentees by (empty: any).
pub struct MenteeSearch {
    /// Lower case, trimmed.
    pub needle: String,
    pub domain: String,
    pub language: String,
}

impl MenteeSearch {
    pub fn new(q: Option<String>, domain: Option<String>, language: Option<String>) -> Self {
        Self {
            needle: q.unwrap_or_default().trim().to_lowercase(),
            domain: domain.unwrap_or_default(),
            language: language.unwrap_or_default(),
        }
    }

    fn keeps(&self, mentee: &Person) -> bool {
        (self.needle.is_empty() || mentee.name.to_lowercase().contains(&self.needle))
            && (self.domain.is_empty() || mentee.domains.contains(&self.domain))
            && (self.language.is_empty()
                || mentee
                    .languages
                    .iter()
                    .any(|spoken| spoken.code == self.language))
    }
}

/// What the coordinator searches the mentors by (empty: any).
pub struct MentorSearch {
    /// Lower case, trimmed: part of a name.
    pub needle: String,
    pub domain: String,
    pub language: String,
    /// Only mentors with a free place (not paused, below their capacity).
    pub with_room: bool,
}

impl MentorSearch {
    pub fn new(
        q: Option<String>,
        domain: Option<String>,
        language: Option<String>,
        with_room: Option<bool>,
    ) -> Self {
        Self {
            needle: q.unwrap_or_default().trim().to_lowercase(),
            domain: domain.unwrap_or_default(),
            language: language.unwrap_or_default(),
            with_room: with_room.unwrap_or_default(),
        }
    }

    fn keeps(&self, mentor: &BoardMentor) -> bool {
        (self.needle.is_empty() || mentor.name.to_lowercase().contains(&self.needle))
            && (self.domain.is_empty() || mentor.domains.contains(&self.domain))
            && (self.language.is_empty()
                || mentor
                    .languages
                    .iter()
                    .any(|spoken| spoken.code == self.language))
            && (!self.with_room || mentor.free() > 0)
    }
}

impl CohortPeople {
    fn as_row(&self, person: &Person) -> BoardMentee {
        BoardMentee {
            profile_id: person.profile_id,
            name: person.name.clone(),
            domains: person.domains.clone(),
            languages: person.languages.clone(),
            previous: self
                .previous
                .get(&person.profile_id)
                .cloned()
                .unwrap_or_default(),
        }
    }

    /// The mentees without an open pair (or back after a "not a fit"
    /// answer) that `search` keeps.
    pub fn waiting(&self, search: &MenteeSearch) -> Vec<BoardMentee> {
        self.mentees
            .iter()
            .filter(|mentee| !self.paired.contains(&mentee.profile_id))
            .filter(|mentee| search.keeps(mentee))
            .map(|mentee| self.as_row(mentee))
            .collect()
    }

    fn mentor_row(&self, mentor: &Person) -> BoardMentor {
        BoardMentor {
            profile_id: mentor.profile_id,
            name: mentor.name.clone(),
            domains: mentor.domains.clone(),
            skills: mentor.skills.clone(),
            languages: mentor.languages.clone(),
            sector: mentor.sector.clone(),
            capacity: mentor.capacity.unwrap_or(0),
            used: self.used.get(&mentor.profile_id).copied().unwrap_or(0),
            paused: mentor.paused,
        }
    }

    /// The mentors `search` keeps, most free places first; names break ties
    /// (the list came sorted by name).
    pub fn mentors_by_room(&self, search: &MentorSearch) -> Vec<BoardMentor> {
        let mut mentors: Vec<BoardMentor> = self
            .mentors
            .iter()
            .map(|mentor| self.mentor_row(mentor))
            .filter(|mentor| search.keeps(mentor))
            .collect();
        mentors.sort_by_key(|mentor| std::cmp::Reverse(mentor.free()));
        mentors
    }

    /// One mentor (404 when not of this cohort) with the waiting mentees who
    /// suit them best: those they may be paired with first, then by score,
    /// each score explained as the engine counts it.
    pub fn selected_mentor(&self, mentor_id: i64) -> Result<SelectedMentor, AppError> {
        let person = self
            .mentors
            .iter()
            .find(|person| person.profile_id == mentor_id)
            .ok_or(AppError::NotFound)?;
        let engine = self.engine_cohort(None);
        let offered = self.engine_mentor(person);
        let names = self.names();
        let mut ranked: Vec<RankedMentee> = engine
            .mentees
            .iter()
            .filter_map(|wanted| {
                let profile_id: i64 = wanted.id.parse().ok()?;
                let breakdown = matching::breakdown(wanted, &offered, &engine.weights);
                let score = breakdown.score;
                let forbidden = self.constraint(profile_id, mentor_id)
                    == Some(ConstraintKind::Forbidden)
                    || self.was_paired_before(profile_id, mentor_id);
                Some(RankedMentee {
                    profile_id,
                    name: (*names.get(&profile_id)?).to_owned(),
                    obstacle: matching::solve::obstacle(
                        wanted,
                        &offered,
                        &engine,
                        forbidden,
                        || score,
                    ),
                    breakdown,
                    ends_pair_with: self.ends_a_pair(profile_id).map(str::to_owned),
                })
            })
            .collect();
        ranked.sort_by(|a, b| {
            (a.obstacle.is_some(), std::cmp::Reverse(a.breakdown.score))
                .cmp(&(b.obstacle.is_some(), std::cmp::Reverse(b.breakdown.score)))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        ranked.truncate(SUGGESTIONS);
        Ok(SelectedMentor {
            mentor: self.mentor_row(person),
            ranked,
        })
    }

    /// One mentee (404 when not of this cohort) with their best mentors,
    /// ranked as if waiting, even when already paired (to compare).
    pub fn selected(&self, mentee_id: i64) -> Result<SelectedMentee, AppError> {
        let person = self
            .mentees
            .iter()
            .find(|person| person.profile_id == mentee_id)
            .ok_or(AppError::NotFound)?;
        let engine = self.engine_cohort(Some(mentee_id));
        let names = self.names();
        let ranked = matching::suggest::ranked(&engine, &mentee_id.to_string())
            .map_err(|error| AppError::internal(format!("ranking refused its input: {error:?}")))?
            .into_iter()
            .take(SUGGESTIONS)
            .filter_map(|suggestion| {
                let profile_id: i64 = suggestion.mentor.parse().ok()?;
                Some(RankedMentor {
                    profile_id,
                    name: (*names.get(&profile_id)?).to_owned(),
                    constraint: self.constraint(mentee_id, profile_id),
                    suggestion,
                })
            })
            .collect();
        Ok(SelectedMentee {
            mentee: self.as_row(person),
            ranked,
            has_open_pair: self.paired.contains(&mentee_id),
        })
    }

    /// The pairs to propose (`mentee-mentor` profile ids), each checked: both
    /// of this cohort (404), the mentee without an open pair (409), the pair
    /// allowed and within the mentor's places (422). All or none.
    pub fn proposals(
        &self,
        cohort_id: i64,
        keys: &[(i64, i64)],
    ) -> Result<Vec<Proposal>, AppError> {
        let (mentees, mentors) = super::repo::roles(self);
        let engine = self.engine_cohort(None);
        let engine_mentees: HashMap<String, &matching::Mentee> = engine
            .mentees
            .iter()
            .map(|mentee| (mentee.id.clone(), mentee))
            .collect();
        let engine_mentors: HashMap<String, &matching::Mentor> = engine
            .mentors
            .iter()
            .map(|mentor| (mentor.id.clone(), mentor))
            .collect();
        let mut proposals = Vec::with_capacity(keys.len());
        for &(mentee, mentor) in keys {
            if !mentees.contains(&mentee) || !mentors.contains(&mentor) {
                return Err(AppError::NotFound);
            }
            if self.paired.contains(&mentee) {
                return Err(AppError::Conflict);
            }
            let (Some(wanted), Some(offered)) = (
                engine_mentees.get(&mentee.to_string()),
                engine_mentors.get(&mentor.to_string()),
            ) else {
                return Err(AppError::NotFound);
            };
            let forbidden = self.constraint(mentee, mentor) == Some(ConstraintKind::Forbidden)
                || self.was_paired_before(mentee, mentor);
            let score = matching::breakdown(wanted, offered, &engine.weights).score;
            if matching::solve::obstacle(wanted, offered, &engine, forbidden, || score).is_some() {
                return Err(AppError::InvalidInput {
                    field: "pair".into(),
                    problem: InputProblem::PairNotAllowed,
                });
            }
            proposals.push(Proposal {
                cohort_id,
                mentee_profile_id: mentee,
                mentor_profile_id: mentor,
                score,
            });
        }
        Ok(proposals)
    }

    /// A pair of a draft, named and explained as it stands now: both must be
    /// of this cohort.
    pub fn draft_pair(&self, mentee_id: i64, mentor_id: i64) -> Option<DraftPair> {
        let mentee = self
            .mentees
            .iter()
            .find(|person| person.profile_id == mentee_id)?;
        let mentor = self
            .mentors
            .iter()
            .find(|person| person.profile_id == mentor_id)?;
        let breakdown = matching::breakdown(
            &engine_mentee(mentee),
            &self.engine_mentor(mentor),
            &self.settings.weights,
        );
        Some(DraftPair {
            mentee_profile_id: mentee_id,
            mentee_name: mentee.name.clone(),
            mentor_profile_id: mentor_id,
            mentor_name: mentor.name.clone(),
            locked: self.constraint(mentee_id, mentor_id) == Some(ConstraintKind::Locked),
            breakdown,
            ends_pair_with: self.ends_a_pair(mentee_id).map(str::to_owned),
        })
    }

    /// The mentor of the mentee's open pair answered "not a fit", which a
    /// new proposal for this mentee ends.
    pub fn ends_a_pair(&self, mentee_id: i64) -> Option<&str> {
        self.previous
            .get(&mentee_id)?
            .iter()
            .find(|pairing| pairing.still_open)
            .map(|pairing| pairing.mentor_name.as_str())
    }

    /// The coordinator's lock or exclusion on this mentee and mentor.
    fn constraint(&self, mentee_id: i64, mentor_id: i64) -> Option<ConstraintKind> {
        self.constraints
            .iter()
            .find(|(mentee, mentor, _)| *mentee == mentee_id && *mentor == mentor_id)
            .map(|(_, _, kind)| *kind)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::super::{PreviousPairing, RematchReason};
    use super::*;
    use crate::profiles::{LanguageLevel, SpokenLanguage};

    fn person(profile_id: i64, name: &str) -> Person {
        Person {
            profile_id,
            name: name.to_owned(),
            modality: None,
            availability: 0,
            capacity: Some(2),
            paused: false,
            domains: vec!["nursing".to_owned()],
            skills: Vec::new(),
            languages: vec![SpokenLanguage {
                code: "fr".to_owned(),
                level: LanguageLevel::Fluent,
            }],
            sector: None,
            locale: "fr".to_owned(),
        }
    }

    /// Amina (1) answered "not a fit" with Marc (10), still open; Bruno (2)
    /// ended early with Marc; Chloé (3) is Nadia's (11) mentee, all well.
    fn cohort() -> CohortPeople {
        let earlier = |still_open: bool, reason: RematchReason| PreviousPairing {
            mentor_profile_id: 10,
            mentor_name: "Marc".to_owned(),
            reason,
            since: "2026-11-20T10:00:00Z".to_owned(),
            still_open,
        };
        let previous = HashMap::from([
            (1, vec![earlier(true, RematchReason::NotAFit)]),
            (2, vec![earlier(false, RematchReason::EndedEarly)]),
        ]);
        let mut paired = HashSet::from([1, 3]);
        paired.retain(|mentee| {
            !previous
                .get(mentee)
                .is_some_and(|p| super::super::waits_again(p))
        });
        CohortPeople {
            cohort_id: 1,
            mentees: vec![person(1, "Amina"), person(2, "Bruno"), person(3, "Chloé")],
            mentors: vec![person(10, "Marc"), person(11, "Nadia")],
            used: HashMap::from([(10, 1), (11, 1)]),
            paired,
            // A lock the coordinator left on an earlier pairing does not bring it back.
            constraints: vec![(2, 10, ConstraintKind::Locked)],
            previous,
            settings: Default::default(),
        }
    }

    #[test]
    fn a_mentee_back_after_not_a_fit_waits_and_earlier_pairings_are_excluded() {
        let people = cohort();
        let waiting: Vec<i64> = people
            .waiting(&MenteeSearch::new(None, None, None))
            .iter()
            .map(|mentee| mentee.profile_id)
            .collect();
        assert_eq!(waiting, [1, 2], "Chloé is paired; Amina waits again");
        let engine = people.engine_cohort(None);
        let excluded: Vec<(&str, &str)> = engine
            .forbidden
            .iter()
            .map(|pair| (pair.mentee.as_str(), pair.mentor.as_str()))
            .collect();
        assert!(excluded.contains(&("1", "10")) && excluded.contains(&("2", "10")));
        assert!(engine.locked.is_empty(), "{:?}", engine.locked);
        assert_eq!(people.ends_a_pair(1), Some("Marc"));
        assert_eq!(people.ends_a_pair(2), None);
        assert!(people.proposals(1, &[(1, 10)]).is_err());
        assert!(people.proposals(1, &[(1, 11)]).is_ok());
    }

    #[test]
    fn mentors_are_searched_and_a_selected_mentor_ranks_the_waiting_mentees() {
        let mut people = cohort();
        people.mentors[1].capacity = Some(1);
        let names = |search: MentorSearch| -> Vec<String> {
            people
                .mentors_by_room(&search)
                .into_iter()
                .map(|mentor| mentor.name)
                .collect()
        };
        assert_eq!(
            names(MentorSearch::new(None, None, None, None)),
            ["Marc", "Nadia"]
        );
        assert_eq!(
            names(MentorSearch::new(Some(" NAD ".into()), None, None, None)),
            ["Nadia"]
        );
        assert_eq!(
            names(MentorSearch::new(None, None, None, Some(true))),
            ["Marc"],
            "Nadia is full"
        );
        assert!(names(MentorSearch::new(None, None, Some("en".into()), None)).is_empty());
        assert_eq!(
            names(MentorSearch::new(
                None,
                Some("nursing".into()),
                Some("fr".into()),
                None
            )),
            ["Marc", "Nadia"]
        );

        // Marc: both waiting mentees were paired with him before.
        let marc = people
            .selected_mentor(10)
            .unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(marc.ranked.len(), 2);
        assert!(marc
            .ranked
            .iter()
            .all(|ranked| ranked.obstacle == Some(matching::Obstacle::Forbidden)));
        // Nadia: both may be proposed; Amina's open pair would end.
        let nadia = people
            .selected_mentor(11)
            .unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(nadia.mentor.free(), 0);
        let amina = nadia.ranked.iter().find(|ranked| ranked.profile_id == 1);
        assert_eq!(
            amina.map(|ranked| (ranked.obstacle, ranked.ends_pair_with.as_deref())),
            Some((None, Some("Marc")))
        );
        assert!(matches!(people.selected_mentor(1), Err(AppError::NotFound)));
    }
}
