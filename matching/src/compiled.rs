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
    /// The vector loop's form of the points, when it applies.
    lines: Option<Lines>,
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
        let mut compiled = Compiled {
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
            lines: None,
        };
        compiled.lines = Lines::new(&compiled);
        compiled
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
    /// (`forbidden`: sorted mentor indices) or any rule excludes it. For many
    /// rows, `scorer` keeps what rows share from one to the next.
    pub fn row_costs(
        &self,
        mentee: usize,
        free: &[u32],
        forbidden: &[usize],
        unavailable: u8,
        out: &mut [u8],
    ) {
        self.scorer()
            .row_costs(mentee, free, forbidden, unavailable, out);
    }

    /// Scores rows of pairs, keeping each kind of mentee's language and
    /// modality points per mentor from one row to the next.
    pub fn scorer(&self) -> RowScorer<'_> {
        RowScorer {
            compiled: self,
            bases: HashMap::new(),
            kept: 0,
            scratch: Vec::new(),
        }
    }

    /// The scalar loop: any number of codes, any weights.
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

    /// This kind of mentee's language and modality points with every mentor
    /// (`EXCLUDED` where the language or the modality rules the pair out).
    fn base_points(&self, profile: u32, modality: Modality, into: &mut Vec<u8>) {
        let level_row = &self.levels[profile as usize * self.mentor_profiles..];
        into.clear();
        into.extend(
            self.mentors
                .languages
                .iter()
                .zip(&self.mentors.modality)
                .map(|(language, mentor_modality)| {
                    let level = level_row[*language as usize];
                    let compatible = modality.compatible(*mentor_modality);
                    if level.is_none_or(|level| level < Level::Working)
                        || (!compatible && self.criteria.require_compatible_modality)
                    {
                        return EXCLUDED;
                    }
                    let points = self.language_points[level_index(level)]
                        + if compatible { self.weights.modality } else { 0 };
                    // Under 100 whenever the lines exist (weights total 100).
                    u8::try_from(points).unwrap_or(EXCLUDED)
                }),
        );
    }
}

/// Marks a pair the language or modality rules exclude, in a row of base points.
const EXCLUDED: u8 = u8::MAX;

/// At most this many bytes of base points kept per scorer (each kind of
/// mentee, one byte per mentor); beyond it they are computed per row.
const KEPT_BASES: usize = 32 << 20;

/// Points for `shared` codes out of some number, as
/// `(shared × multiplier + 2^15) >> 16` in 32 bits: no table, so that a row
/// of pairs is computed lane by lane in vector registers.
#[derive(Clone, Copy, Debug, Default)]
struct Linear {
    multiplier: u32,
    offset: u32,
}

impl Linear {
    /// `share(weight, shared, of)` for every `shared` up to `of`, if this
    /// form gives it exactly (checked here, for each of them). It does for
    /// weights up to 100 and `of` up to 64: `weight × shared / of + 1/2` is a
    /// multiple of `1 / (2 of)`, and the multiplier, rounded up, errs by less
    /// than `shared / 2^16`, under that step.
    fn new(weight: u32, of: usize) -> Option<Linear> {
        let line = if of == 0 {
            Linear::default()
        } else {
            if weight > 100 || of > 64 {
                return None;
            }
            Linear {
                multiplier: u32::try_from((u64::from(weight) << 16).div_ceil(of as u64)).ok()?,
                offset: 1 << 15,
            }
        };
        (0..=of)
            .all(|shared| line.points(shared as u32) == share(weight, shared, of))
            .then_some(line)
    }

    #[inline(always)]
    fn points(self, shared: u32) -> u32 {
        (shared * self.multiplier + self.offset) >> 16
    }
}

/// What the vector loop needs: one word of domains and of skills, and every
/// part's points as a `Linear` (weights totalling 100, so that a score fits a
/// byte). Absent otherwise, and the scalar loop does it.
struct Lines {
    /// By the mentee's number of distinct domains, and of needs.
    domain: Vec<Linear>,
    skill: Vec<Linear>,
    /// Of at most `ENOUGH_COMMON_HALF_DAYS` common half-days.
    availability: Linear,
}

impl Lines {
    fn new(compiled: &Compiled) -> Option<Lines> {
        let weights = compiled.weights;
        if compiled.domain_words != 1
            || compiled.skill_words != 1
            || weights.total() != 100
            || ENOUGH_COMMON_HALF_DAYS != 3
        {
            return None;
        }
        let lines = |weight: u32, width: usize| -> Option<Vec<Linear>> {
            (0..width).map(|of| Linear::new(weight, of)).collect()
        };
        Some(Lines {
            domain: lines(weights.domain, compiled.domain_width)?,
            skill: lines(weights.skills, compiled.skill_width)?,
            availability: Linear::new(weights.availability, 3)?,
        })
    }
}

/// Which compiled loop scores a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
    /// The scalar loop (any cohort).
    Scalar,
    /// The vector loop compiled for the baseline processor.
    Vector,
    /// The vector loop with AVX2 (x86-64).
    Avx2,
    /// The vector loop with AVX-512 and its vector bit count (x86-64).
    Avx512,
}

impl Kernel {
    /// The best this processor runs.
    pub fn best() -> Kernel {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512f")
                && std::arch::is_x86_feature_detected!("avx512bw")
                && std::arch::is_x86_feature_detected!("avx512vl")
                && std::arch::is_x86_feature_detected!("avx512vpopcntdq")
                && std::arch::is_x86_feature_detected!("popcnt")
            {
                return Kernel::Avx512;
            }
            if std::arch::is_x86_feature_detected!("avx2")
                && std::arch::is_x86_feature_detected!("popcnt")
            {
                return Kernel::Avx2;
            }
        }
        Kernel::Vector
    }

    /// Whether this processor runs it.
    pub fn runs_here(self) -> bool {
        match self {
            Kernel::Scalar | Kernel::Vector => true,
            Kernel::Avx2 => matches!(Kernel::best(), Kernel::Avx2 | Kernel::Avx512),
            Kernel::Avx512 => Kernel::best() == Kernel::Avx512,
        }
    }
}

/// Rows of pairs scored one after the other (see `Compiled::scorer`).
pub struct RowScorer<'a> {
    compiled: &'a Compiled,
    /// Base points by kind of mentee (language profile, modality).
    bases: HashMap<(u32, u8), Vec<u8>>,
    /// Bytes kept in `bases`.
    kept: usize,
    scratch: Vec<u8>,
}

impl RowScorer<'_> {
    /// As `Compiled::row_costs`, with the best loop this processor runs.
    pub fn row_costs(
        &mut self,
        mentee: usize,
        free: &[u32],
        forbidden: &[usize],
        unavailable: u8,
        out: &mut [u8],
    ) {
        self.row_costs_with(Kernel::best(), mentee, free, forbidden, unavailable, out);
    }

    /// As `row_costs`, with this loop (which this processor must run; the
    /// scalar loop does it otherwise). The tests try each.
    pub fn row_costs_with(
        &mut self,
        kernel: Kernel,
        mentee: usize,
        free: &[u32],
        forbidden: &[usize],
        unavailable: u8,
        out: &mut [u8],
    ) {
        let compiled = self.compiled;
        let Some(lines) = compiled.lines.as_ref().filter(|_| kernel != Kernel::Scalar) else {
            compiled.row_costs_scalar(mentee, free, forbidden, unavailable, out);
            return;
        };
        let mentees = &compiled.mentees;
        let (profile, modality) = (mentees.languages[mentee], mentees.modality[mentee]);
        let key = (profile, modality as u8);
        let base: &[u8] = if self.bases.contains_key(&key) || self.kept + out.len() <= KEPT_BASES {
            let kept = &mut self.kept;
            self.bases.entry(key).or_insert_with(|| {
                let mut base = Vec::new();
                compiled.base_points(profile, modality, &mut base);
                *kept += base.len();
                base
            })
        } else {
            compiled.base_points(profile, modality, &mut self.scratch);
            &self.scratch
        };
        let row = VectorRow {
            base,
            domains: &compiled.mentors.domains,
            skills: &compiled.mentors.skills,
            availability: &compiled.mentors.availability,
            free,
            wanted: (
                mentees.domains[mentee],
                mentees.skills[mentee],
                mentees.availability[mentee],
            ),
            lines: (
                lines.domain[mentees.domain_count[mentee] as usize],
                lines.skill[mentees.skill_count[mentee] as usize],
                lines.availability,
            ),
            min_score: compiled.criteria.min_score,
            unavailable,
        };
        match kernel {
            // SAFETY (both): `runs_here` has just found the processor has
            // the instructions the function is compiled for.
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx512 if kernel.runs_here() => unsafe { row.costs_avx512(out) },
            #[cfg(target_arch = "x86_64")]
            Kernel::Avx2 if kernel.runs_here() => unsafe { row.costs_avx2(out) },
            _ => row.costs(out),
        }
        for mentor in forbidden {
            if let Some(cell) = out.get_mut(*mentor) {
                *cell = unavailable;
            }
        }
    }
}

/// A row for the vector loop: the mentors' fields side by side, the
/// mentee's looked up once.
struct VectorRow<'a> {
    base: &'a [u8],
    domains: &'a [u64],
    skills: &'a [u64],
    availability: &'a [u32],
    free: &'a [u32],
    wanted: (u64, u64, u32),
    lines: (Linear, Linear, Linear),
    min_score: u32,
    unavailable: u8,
}

impl VectorRow<'_> {
    /// Every cell the same few operations, no branch and no table: the
    /// compiler makes it a vector loop.
    #[inline(always)]
    fn costs(&self, out: &mut [u8]) {
        let n = out.len();
        let (base, domains, skills, availability, free) = (
            &self.base[..n],
            &self.domains[..n],
            &self.skills[..n],
            &self.availability[..n],
            &self.free[..n],
        );
        let (wanted_domains, wanted_skills, wanted_days) = self.wanted;
        let (domain, skill, days) = self.lines;
        let (min_score, unavailable) = (self.min_score, self.unavailable);
        for mentor in 0..n {
            let points = u32::from(base[mentor]);
            let score = points
                + domain.points((wanted_domains & domains[mentor]).count_ones())
                + skill.points((wanted_skills & skills[mentor]).count_ones())
                + days.points((wanted_days & availability[mentor]).count_ones().min(3));
            let allowed =
                (points != u32::from(EXCLUDED)) & (free[mentor] != 0) & (score >= min_score);
            out[mentor] = if allowed {
                100_u32.wrapping_sub(score) as u8
            } else {
                unavailable
            };
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512vpopcntdq,popcnt")]
    fn costs_avx512(&self, out: &mut [u8]) {
        self.costs(out);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,popcnt")]
    fn costs_avx2(&self, out: &mut [u8]) {
        self.costs(out);
    }
}

impl Compiled {
    /// The scalar loop, with the processor's bit count instruction when it
    /// has one (the baseline x86-64 target lacks it: counting bits by hand
    /// takes a dozen instructions, three times per pair).
    fn row_costs_scalar(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seeded::Seeded;
    use crate::synthetic::{family_cohort, Family};

    #[test]
    fn the_lines_give_the_share_tables_exactly() {
        for weight in 0..=100 {
            for of in 0..=64 {
                let line = Linear::new(weight, of).expect("a line for weights up to 100");
                for shared in 0..=of {
                    assert_eq!(line.points(shared as u32), share(weight, shared, of));
                }
            }
        }
    }

    /// Every loop this processor runs gives the cost `check` gives, pair by
    /// pair, on every family, with rules and minimum scores drawn at random.
    #[test]
    fn every_loop_scores_and_excludes_as_check() {
        let mut random = Seeded(5);
        for family in Family::ALL {
            for seed in 0..6 {
                let mut cohort = family_cohort(family, 30, 70, seed);
                if seed % 2 == 1 {
                    cohort.criteria.min_score = random.below(70) as u32;
                    cohort.criteria.require_compatible_modality = random.chance(50);
                }
                let compiled = Compiled::new(&cohort);
                assert!(
                    compiled.lines.is_some(),
                    "{family:?}: the vector loop applies"
                );
                let free: Vec<u32> = (0..cohort.mentors.len())
                    .map(|_| u32::from(random.chance(80)))
                    .collect();
                for kernel in [Kernel::Scalar, Kernel::Vector, Kernel::Avx2, Kernel::Avx512] {
                    if !kernel.runs_here() {
                        continue;
                    }
                    // One scorer for all rows: kept base points are reused.
                    let mut scorer = compiled.scorer();
                    for mentee in 0..cohort.mentees.len() {
                        let forbidden: Vec<usize> = (0..cohort.mentors.len())
                            .filter(|_| random.chance(10))
                            .collect();
                        let mut row = vec![0; cohort.mentors.len()];
                        scorer.row_costs_with(kernel, mentee, &free, &forbidden, 254, &mut row);
                        for (mentor, cost) in row.iter().enumerate() {
                            let expected = match compiled.check(
                                mentee,
                                mentor,
                                free[mentor] == 0,
                                forbidden.contains(&mentor),
                            ) {
                                Ok(score) => 100 - score as u8,
                                Err(_) => 254,
                            };
                            assert_eq!(*cost, expected, "{family:?} {kernel:?} {mentee} {mentor}");
                        }
                    }
                }
            }
        }
    }
}
