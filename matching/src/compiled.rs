//! The cohort compiled for speed: codes interned into bit sets, each person's
//! languages into a profile whose best common level with every other profile is
//! computed once, and each mentee's points per number of shared codes into a
//! table, so that scoring a pair is a few bit counts and lookups. It gives the
//! same score and the same obstacle as `score` and `solve::obstacle` (a property
//! test checks both on random cohorts).
use std::collections::HashMap;

use crate::model::{Cohort, Criteria, Language, Level, Modality, Obstacle, Weights};
use crate::score::{language_points, share, ENOUGH_COMMON_HALF_DAYS};

/// Codes turned into bit positions.
#[derive(Default)]
struct Interner<'a> {
    codes: HashMap<&'a str, usize>,
}

impl<'a> Interner<'a> {
    fn add(&mut self, code: &'a str) {
        let next = self.codes.len();
        self.codes.entry(code).or_insert(next);
    }

    fn words(&self) -> usize {
        self.codes.len().div_ceil(64).max(1)
    }

    /// The bit set of codes already added.
    fn bits(&self, codes: &[String]) -> Vec<u64> {
        let mut bits = vec![0_u64; self.words()];
        for id in codes
            .iter()
            .filter_map(|code| self.codes.get(code.as_str()))
        {
            bits[id / 64] |= 1 << (id % 64);
        }
        bits
    }
}

/// Distinct language lists, numbered.
#[derive(Default)]
struct LanguageProfiles<'a> {
    numbers: HashMap<Vec<(&'a str, Level)>, usize>,
    lists: Vec<&'a [Language]>,
}

impl<'a> LanguageProfiles<'a> {
    fn number(&mut self, languages: &'a [Language]) -> usize {
        let key: Vec<(&str, Level)> = languages
            .iter()
            .map(|language| (language.code.as_str(), language.level))
            .collect();
        let next = self.lists.len();
        *self.numbers.entry(key).or_insert_with(|| {
            self.lists.push(languages);
            next
        })
    }
}

/// The lower level of the best language both speak, as `best_common_language`.
fn best_level(mentee: &[Language], mentor: &[Language]) -> Option<Level> {
    crate::score::best_common_language(mentee, mentor).map(|(_, level)| level)
}

fn count(bits: &[u64]) -> usize {
    bits.iter().map(|word| word.count_ones() as usize).sum()
}

fn common(wanted: &[u64], offered: &[u64]) -> usize {
    wanted
        .iter()
        .zip(offered)
        .map(|(a, b)| (a & b).count_ones() as usize)
        .sum()
}

/// One person as the scoring needs them.
#[derive(Debug, Clone)]
struct Person {
    domains: Vec<u64>,
    /// A mentee's needs, a mentor's skills.
    skills: Vec<u64>,
    languages: usize,
    modality: Modality,
    availability: u32,
    /// A mentee's points for 0, 1, 2… shared domains and needs.
    domain_points: Vec<u32>,
    skill_points: Vec<u32>,
}

pub struct Compiled {
    mentees: Vec<Person>,
    mentors: Vec<Person>,
    /// Best common level, by mentee language profile × mentor language profile.
    levels: Vec<Option<Level>>,
    mentor_profiles: usize,
    availability_points: [u32; 22],
    weights: Weights,
    criteria: Criteria,
}

impl Compiled {
    pub fn new(cohort: &Cohort) -> Compiled {
        let (mut domains, mut skills) = (Interner::default(), Interner::default());
        // First every code gets its bit, so that every set has the same width.
        for mentee in &cohort.mentees {
            mentee.domains.iter().for_each(|code| domains.add(code));
            mentee.needs.iter().for_each(|code| skills.add(code));
        }
        for mentor in &cohort.mentors {
            mentor.domains.iter().for_each(|code| domains.add(code));
            mentor.skills.iter().for_each(|code| skills.add(code));
        }
        let (mut mentee_languages, mut mentor_languages) =
            (LanguageProfiles::default(), LanguageProfiles::default());
        let weights = cohort.weights;
        let points = |weight: u32, bits: &[u64]| -> Vec<u32> {
            let of = count(bits);
            (0..=of).map(|shared| share(weight, shared, of)).collect()
        };
        let mentees: Vec<Person> = cohort
            .mentees
            .iter()
            .map(|mentee| {
                let (domain_bits, skill_bits) =
                    (domains.bits(&mentee.domains), skills.bits(&mentee.needs));
                Person {
                    domain_points: points(weights.domain, &domain_bits),
                    skill_points: points(weights.skills, &skill_bits),
                    domains: domain_bits,
                    skills: skill_bits,
                    languages: mentee_languages.number(&mentee.languages),
                    modality: mentee.modality,
                    availability: mentee.availability,
                }
            })
            .collect();
        let mentors: Vec<Person> = cohort
            .mentors
            .iter()
            .map(|mentor| Person {
                domains: domains.bits(&mentor.domains),
                skills: skills.bits(&mentor.skills),
                languages: mentor_languages.number(&mentor.languages),
                modality: mentor.modality,
                availability: mentor.availability,
                domain_points: Vec::new(),
                skill_points: Vec::new(),
            })
            .collect();
        let mut levels =
            Vec::with_capacity(mentee_languages.lists.len() * mentor_languages.lists.len());
        for wanted in &mentee_languages.lists {
            for offered in &mentor_languages.lists {
                levels.push(best_level(wanted, offered));
            }
        }
        let mut availability_points = [0; 22];
        for (common, points) in availability_points.iter_mut().enumerate() {
            *points = share(
                weights.availability,
                common.min(ENOUGH_COMMON_HALF_DAYS as usize),
                ENOUGH_COMMON_HALF_DAYS as usize,
            );
        }
        Compiled {
            mentees,
            mentors,
            levels,
            mentor_profiles: mentor_languages.lists.len(),
            availability_points,
            weights,
            criteria: cohort.criteria,
        }
    }

    fn level(&self, mentee: &Person, mentor: &Person) -> Option<Level> {
        self.levels[mentee.languages * self.mentor_profiles + mentor.languages]
    }

    fn score_of(&self, wanted: &Person, offered: &Person) -> u32 {
        let domains = common(&wanted.domains, &offered.domains);
        let skills = common(&wanted.skills, &offered.skills);
        let half_days = (wanted.availability & offered.availability).count_ones() as usize;
        wanted.domain_points[domains]
            + wanted.skill_points[skills]
            + language_points(self.weights.language, self.level(wanted, offered))
            + if wanted.modality.compatible(offered.modality) {
                self.weights.modality
            } else {
                0
            }
            + self.availability_points[half_days.min(21)]
    }

    /// The pair's score, as `score::breakdown(..).score`.
    pub fn score(&self, mentee: usize, mentor: usize) -> u32 {
        self.score_of(&self.mentees[mentee], &self.mentors[mentor])
    }

    /// The pair's score if nothing but capacity stands in its way, else the
    /// obstacle, as `solve::obstacle`; `paused` and `forbidden` come from the
    /// caller, which knows them.
    pub fn check(
        &self,
        mentee: usize,
        mentor: usize,
        paused: bool,
        forbidden: bool,
    ) -> Result<u32, Obstacle> {
        let (wanted, offered) = (&self.mentees[mentee], &self.mentors[mentor]);
        if self
            .level(wanted, offered)
            .is_none_or(|level| level < Level::Working)
        {
            return Err(Obstacle::NoCommonLanguage);
        }
        if paused {
            return Err(Obstacle::MentorPaused);
        }
        if forbidden {
            return Err(Obstacle::Forbidden);
        }
        if self.criteria.require_compatible_modality
            && !wanted.modality.compatible(offered.modality)
        {
            return Err(Obstacle::ModalityIncompatible);
        }
        let score = self.score_of(wanted, offered);
        if score < self.criteria.min_score {
            return Err(Obstacle::BelowMinScore);
        }
        Ok(score)
    }

    pub fn obstacle(
        &self,
        mentee: usize,
        mentor: usize,
        paused: bool,
        forbidden: bool,
    ) -> Option<Obstacle> {
        self.check(mentee, mentor, paused, forbidden).err()
    }
}
