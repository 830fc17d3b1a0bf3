//! The cohort compiled for speed: codes interned into bit sets, each person's
//! languages into a profile whose best common level with every other profile is
//! computed once, points per number of shared codes into tables, and everything
//! in flat arrays (one per field, people side by side), so that scoring a row of
//! pairs is a few bit counts and lookups over memory read in order. It gives the
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

    /// Appends the bit set of these codes (already added) to `into`; answers
    /// how many distinct codes it holds.
    fn push_bits(&self, codes: &[String], into: &mut Vec<u64>) -> usize {
        let start = into.len();
        into.resize(start + self.words(), 0);
        for id in codes
            .iter()
            .filter_map(|code| self.codes.get(code.as_str()))
        {
            into[start + id / 64] |= 1 << (id % 64);
        }
        into[start..]
            .iter()
            .map(|word| word.count_ones() as usize)
            .sum()
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

fn common(wanted: &[u64], offered: &[u64]) -> usize {
    wanted
        .iter()
        .zip(offered)
        .map(|(a, b)| (a & b).count_ones() as usize)
        .sum()
}

/// One side (mentees or mentors), a field per array.
#[derive(Default)]
struct Side {
    /// `words` per person.
    domains: Vec<u64>,
    /// A mentee's needs, a mentor's skills.
    skills: Vec<u64>,
    /// How many distinct domains and skills each has.
    domain_count: Vec<u32>,
    skill_count: Vec<u32>,
    languages: Vec<u32>,
    modality: Vec<Modality>,
    availability: Vec<u32>,
}

/// `share(weight, shared, of)` for every `of` and `shared` up to `most`.
fn share_table(weight: u32, most: usize) -> Vec<u32> {
    let mut table = Vec::with_capacity((most + 1) * (most + 1));
    for of in 0..=most {
        for shared in 0..=most {
            table.push(share(weight, shared.min(of), of));
        }
    }
    table
}

pub struct Compiled {
    mentees: Side,
    mentors: Side,
    domain_words: usize,
    skill_words: usize,
    /// Points by (codes the mentee has, codes shared), row-major, `most + 1` wide.
    domain_points: Vec<u32>,
    domain_width: usize,
    skill_points: Vec<u32>,
    skill_width: usize,
    /// Best common level, by mentee language profile × mentor language profile.
    levels: Vec<Option<Level>>,
    mentor_profiles: usize,
    availability_points: [u32; 22],
    /// Language points for no common language, basic, working, fluent.
    language_points: [u32; 4],
    weights: Weights,
    criteria: Criteria,
}

/// One side's people, field by field.
fn side<'a>(
    people: impl Iterator<Item = (&'a [String], &'a [String], &'a [Language], Modality, u32)>,
    (domains, skills): (&Interner, &Interner),
    profiles: &mut LanguageProfiles<'a>,
) -> Side {
    let mut side = Side::default();
    for (person_domains, person_skills, spoken, modality, availability) in people {
        side.domain_count
            .push(domains.push_bits(person_domains, &mut side.domains) as u32);
        side.skill_count
            .push(skills.push_bits(person_skills, &mut side.skills) as u32);
        side.languages.push(profiles.number(spoken) as u32);
        side.modality.push(modality);
        side.availability.push(availability);
    }
    side
}

/// Every code of the cohort gets its bit, domains and skills apart, before
/// any set is made, so that every set has the same width.
fn intern_codes(cohort: &Cohort) -> (Interner<'_>, Interner<'_>) {
    let (mut domains, mut skills) = (Interner::default(), Interner::default());
    for mentee in &cohort.mentees {
        mentee.domains.iter().for_each(|code| domains.add(code));
        mentee.needs.iter().for_each(|code| skills.add(code));
    }
    for mentor in &cohort.mentors {
        mentor.domains.iter().for_each(|code| domains.add(code));
        mentor.skills.iter().for_each(|code| skills.add(code));
    }
    (domains, skills)
}

/// The best common level of every mentee language profile with every mentor
/// one, row-major (a row per mentee profile).
fn level_table(mentees: &LanguageProfiles, mentors: &LanguageProfiles) -> Vec<Option<Level>> {
    let mut levels = Vec::with_capacity(mentees.lists.len() * mentors.lists.len());
    for wanted in &mentees.lists {
        for offered in &mentors.lists {
            levels.push(best_level(wanted, offered));
        }
    }
    levels
}

/// Availability points by number of common half-days (0 to 21).
fn availability_table(weight: u32) -> [u32; 22] {
    let mut availability_points = [0; 22];
    for (common, points) in availability_points.iter_mut().enumerate() {
        *points = share(
            weight,
            common.min(ENOUGH_COMMON_HALF_DAYS as usize),
            ENOUGH_COMMON_HALF_DAYS as usize,
        );
    }
    availability_points
}

/// Language points for no common language, basic, working, fluent (the
/// order of `level_index`).
fn language_table(weight: u32) -> [u32; 4] {
    [
        language_points(weight, None),
        language_points(weight, Some(Level::Basic)),
        language_points(weight, Some(Level::Working)),
        language_points(weight, Some(Level::Fluent)),
    ]
}

fn level_index(level: Option<Level>) -> usize {
    match level {
        None => 0,
        Some(Level::Basic) => 1,
        Some(Level::Working) => 2,
        Some(Level::Fluent) => 3,
    }
}

impl Compiled {
    pub fn new(cohort: &Cohort) -> Compiled {
        let (domains, skills) = intern_codes(cohort);
        let (mut mentee_languages, mut mentor_languages) =
            (LanguageProfiles::default(), LanguageProfiles::default());
        let mentees = side(
            cohort.mentees.iter().map(|mentee| {
                (
                    mentee.domains.as_slice(),
                    mentee.needs.as_slice(),
                    mentee.languages.as_slice(),
                    mentee.modality,
                    mentee.availability,
                )
            }),
            (&domains, &skills),
            &mut mentee_languages,
        );
        let mentors = side(
            cohort.mentors.iter().map(|mentor| {
                (
                    mentor.domains.as_slice(),
                    mentor.skills.as_slice(),
                    mentor.languages.as_slice(),
                    mentor.modality,
                    mentor.availability,
                )
            }),
            (&domains, &skills),
            &mut mentor_languages,
        );
        let levels = level_table(&mentee_languages, &mentor_languages);
        let weights = cohort.weights;
        let most = |counts: &[u32]| counts.iter().copied().max().unwrap_or(0) as usize;
        let (domain_most, skill_most) = (most(&mentees.domain_count), most(&mentees.skill_count));
        Compiled {
            domain_words: domains.words(),
            skill_words: skills.words(),
            domain_points: share_table(weights.domain, domain_most),
            domain_width: domain_most + 1,
            skill_points: share_table(weights.skills, skill_most),
            skill_width: skill_most + 1,
            mentor_profiles: mentor_languages.lists.len(),
            mentees,
            mentors,
            levels,
            availability_points: availability_table(weights.availability),
            language_points: language_table(weights.language),
            weights,
            criteria: cohort.criteria,
        }
    }

    fn level(&self, mentee: usize, mentor: usize) -> Option<Level> {
        self.levels[self.mentees.languages[mentee] as usize * self.mentor_profiles
            + self.mentors.languages[mentor] as usize]
    }

    /// The pair's score, as `score::breakdown(..).score`.
    pub fn score(&self, mentee: usize, mentor: usize) -> u32 {
        let (dw, sw) = (self.domain_words, self.skill_words);
        let domains = common(
            &self.mentees.domains[mentee * dw..(mentee + 1) * dw],
            &self.mentors.domains[mentor * dw..(mentor + 1) * dw],
        );
        let skills = common(
            &self.mentees.skills[mentee * sw..(mentee + 1) * sw],
            &self.mentors.skills[mentor * sw..(mentor + 1) * sw],
        );
        let half_days = (self.mentees.availability[mentee] & self.mentors.availability[mentor])
            .count_ones() as usize;
        let score = u64::from(
            self.domain_points
                [self.mentees.domain_count[mentee] as usize * self.domain_width + domains],
        ) + u64::from(
            self.skill_points
                [self.mentees.skill_count[mentee] as usize * self.skill_width + skills],
        ) + u64::from(self.language_points[level_index(self.level(mentee, mentor))])
            + if self.mentees.modality[mentee].compatible(self.mentors.modality[mentor]) {
                u64::from(self.weights.modality)
            } else {
                0
            }
            + u64::from(self.availability_points[half_days.min(21)]);
        // At most 100 with weights that total 100; saturates as `breakdown` does.
        u32::try_from(score).unwrap_or(u32::MAX)
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
        if self
            .level(mentee, mentor)
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
            && !self.mentees.modality[mentee].compatible(self.mentors.modality[mentor])
        {
            return Err(Obstacle::ModalityIncompatible);
        }
        let score = self.score(mentee, mentor);
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

    /// The cost (100 − score) of this mentee with every mentor, into `out`
    /// (one cell per mentor):
    /// `unavailable` where the mentor has no free place, the pair is forbidden
    /// (`forbidden`: sorted mentor indices) or any rule excludes it. The loop
    /// the whole solve waits on: one mentee's fields are read once, the
    /// mentors' in order.
    pub fn row_costs(
        &self,
        mentee: usize,
        free: &[u32],
        forbidden: &[usize],
        unavailable: u8,
        out: &mut [u8],
    ) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: the processor running this has just been found to have
            // the instruction the function is compiled for.
            unsafe { self.row_costs_with_popcnt(mentee, free, forbidden, unavailable, out) };
            return;
        }
        self.row_costs_portable(mentee, free, forbidden, unavailable, out);
    }

    /// `row_costs` with the processor's bit count instruction, which the
    /// baseline x86-64 target lacks (counting bits by hand takes a dozen
    /// instructions, three times per pair); twice as fast on this loop.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "popcnt")]
    fn row_costs_with_popcnt(
        &self,
        mentee: usize,
        free: &[u32],
        forbidden: &[usize],
        unavailable: u8,
        out: &mut [u8],
    ) {
        self.row_costs_portable(mentee, free, forbidden, unavailable, out);
    }

    #[inline(always)]
    fn row_costs_portable(
        &self,
        mentee: usize,
        free: &[u32],
        forbidden: &[usize],
        unavailable: u8,
        out: &mut [u8],
    ) {
        let (dw, sw) = (self.domain_words, self.skill_words);
        let wanted_domains = &self.mentees.domains[mentee * dw..(mentee + 1) * dw];
        let wanted_skills = &self.mentees.skills[mentee * sw..(mentee + 1) * sw];
        let row = Row {
            compiled: self,
            domain_row: &self.domain_points
                [self.mentees.domain_count[mentee] as usize * self.domain_width..],
            skill_row: &self.skill_points
                [self.mentees.skill_count[mentee] as usize * self.skill_width..],
            level_row: &self.levels
                [self.mentees.languages[mentee] as usize * self.mentor_profiles..],
            modality: self.mentees.modality[mentee],
            availability: self.mentees.availability[mentee],
            forbidden,
            unavailable,
        };
        let mentors = &self.mentors;
        // Plain loops, no closures: the bit counts must stay inside the
        // function compiled for the bit count instruction.
        if dw == 1 && sw == 1 {
            // Up to 64 domains and 64 skills (any real taxonomy): one word each,
            // read in step with the places.
            let (wanted_domains, wanted_skills) = (wanted_domains[0], wanted_skills[0]);
            let columns = free.iter().zip(mentors.domains.iter().zip(&mentors.skills));
            for (mentor, (cell, (places, (domains, skills)))) in
                out.iter_mut().zip(columns).enumerate()
            {
                *cell = if *places == 0 {
                    unavailable
                } else {
                    row.cost(
                        mentor,
                        (wanted_domains & domains).count_ones() as usize,
                        (wanted_skills & skills).count_ones() as usize,
                    )
                };
            }
        } else {
            for (mentor, (cell, places)) in out.iter_mut().zip(free).enumerate() {
                *cell = if *places == 0 {
                    unavailable
                } else {
                    row.cost(
                        mentor,
                        common(
                            wanted_domains,
                            &mentors.domains[mentor * dw..(mentor + 1) * dw],
                        ),
                        common(
                            wanted_skills,
                            &mentors.skills[mentor * sw..(mentor + 1) * sw],
                        ),
                    )
                };
            }
        }
    }
}

/// One mentee's side of a row of pairs, looked up once.
struct Row<'a> {
    compiled: &'a Compiled,
    /// Points by codes shared, for this mentee's number of codes.
    domain_row: &'a [u32],
    skill_row: &'a [u32],
    /// Best common level by mentor language profile.
    level_row: &'a [Option<Level>],
    modality: Modality,
    availability: u32,
    forbidden: &'a [usize],
    unavailable: u8,
}

impl Row<'_> {
    /// The pair's cost (100 − score), or `unavailable`.
    #[inline(always)]
    fn cost(&self, mentor: usize, domains: usize, skills: usize) -> u8 {
        let compiled = self.compiled;
        let mentors = &compiled.mentors;
        let level = self.level_row[mentors.languages[mentor] as usize];
        if level.is_none_or(|level| level < Level::Working) {
            return self.unavailable;
        }
        let compatible = self.modality.compatible(mentors.modality[mentor]);
        if !compatible && compiled.criteria.require_compatible_modality {
            return self.unavailable;
        }
        let half_days = (self.availability & mentors.availability[mentor]).count_ones() as usize;
        // Added in 64 bits: five parts of at most `u32::MAX` cannot wrap.
        let score = u64::from(self.domain_row[domains])
            + u64::from(self.skill_row[skills])
            + u64::from(compiled.language_points[level_index(level)])
            + if compatible {
                u64::from(compiled.weights.modality)
            } else {
                0
            }
            + u64::from(compiled.availability_points[half_days.min(21)]);
        if score < u64::from(compiled.criteria.min_score)
            || self.forbidden.binary_search(&mentor).is_ok()
        {
            return self.unavailable;
        }
        (100 - score.min(100)) as u8
    }
}
