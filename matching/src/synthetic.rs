//! Seeded synthetic cohorts, for the benchmark, the large demo and checking the
//! engine against another solver. The default family, `independent`, is meant
//! to look like the program: mostly French speakers, a third also in English, a
//! few other languages; domains (`d0`…`d26`) and skills (`s0`…`s19`) with some
//! far more popular than others; capacities 1 to 5; one mentor in twenty
//! paused. The other families (`families.rs`) shape the profiles so that the
//! preferences take the structures that make a solver work hardest: everyone
//! ranking alike, one language for all, few or many places, most pairs
//! excluded, scores that tie.
use crate::model::*;
use crate::seeded::Seeded;

mod families;

/// How many domain and skill codes the generator draws from.
pub const DOMAINS: u64 = 27;
pub const SKILLS: u64 = 20;

/// A shape of cohort. Same family, sizes and seed: same cohort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Profiles drawn independently (today's program).
    Independent,
    /// Everyone ranks alike: mentors cover nested sets of the popular codes
    /// and half-days (a mentor's quality), mentees need more or less popular
    /// ones (a mentee's quality); the score is about one part plus the other.
    Correlated,
    /// Everyone speaks French, nobody anything else.
    DominantLanguage,
    /// As many places in all as mentees, none paused.
    Tight,
    /// Three times as many places as mentees.
    Loose,
    /// Most pairs excluded: eight languages, modality required, a minimum
    /// score, forbidden pairs.
    Infeasible,
    /// Few codes, few half-day patterns, one language: a handful of distinct
    /// scores, so most pairs tie.
    Ties,
}

impl Family {
    pub const ALL: [Family; 7] = [
        Family::Independent,
        Family::Correlated,
        Family::DominantLanguage,
        Family::Tight,
        Family::Loose,
        Family::Infeasible,
        Family::Ties,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Family::Independent => "independent",
            Family::Correlated => "correlated",
            Family::DominantLanguage => "dominant-language",
            Family::Tight => "tight",
            Family::Loose => "loose",
            Family::Infeasible => "infeasible",
            Family::Ties => "ties",
        }
    }

    pub fn parse(name: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|family| family.name() == name)
    }
}

fn codes(random: &mut Seeded, prefix: &str, universe: u64, count: u64) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    while (codes.len() as u64) < count.min(universe) {
        let code = format!("{prefix}{}", random.skewed(universe));
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

fn language(code: &str, level: Level) -> Language {
    Language {
        code: code.into(),
        level,
    }
}

fn languages(random: &mut Seeded) -> Vec<Language> {
    let mut spoken = Vec::new();
    let roll = random.below(100);
    if roll < 85 {
        let level = if roll < 75 {
            Level::Fluent
        } else {
            Level::Working
        };
        spoken.push(language("fr", level));
    }
    if roll >= 60 || random.below(3) == 0 {
        let level = if random.below(2) == 0 {
            Level::Fluent
        } else {
            Level::Working
        };
        spoken.push(language("en", level));
    }
    if random.below(8) == 0 {
        let other = ["es", "ar", "ht", "zh", "pt", "vi"][random.below(6) as usize];
        spoken.push(language(other, Level::Fluent));
    }
    spoken
}

fn modality(random: &mut Seeded) -> Modality {
    match random.below(10) {
        0..=4 => Modality::Either,
        5..=7 => Modality::Video,
        _ => Modality::InPerson,
    }
}

fn availability(random: &mut Seeded) -> u32 {
    let mut bits = 0;
    for _ in 0..(2 + random.below(6)) {
        bits |= 1 << random.below(21);
    }
    bits
}

fn independent_mentee(random: &mut Seeded, index: u64) -> Mentee {
    let domains = 1 + random.below(2);
    let needs = 1 + random.below(4);
    Mentee {
        id: format!("mentee-{index}"),
        domains: codes(random, "d", DOMAINS, domains),
        needs: codes(random, "s", SKILLS, needs),
        languages: languages(random),
        modality: modality(random),
        availability: availability(random),
    }
}

fn independent_mentor(random: &mut Seeded, index: u64) -> Mentor {
    let domains = 1 + random.below(3);
    let skills = 2 + random.below(5);
    let capacity = 1 + random.below(5) as u32;
    Mentor {
        id: format!("mentor-{index}"),
        domains: codes(random, "d", DOMAINS, domains),
        skills: codes(random, "s", SKILLS, skills),
        languages: languages(random),
        modality: modality(random),
        availability: availability(random),
        capacity,
        load: 0,
        paused: random.below(20) == 0,
    }
}

fn plain_cohort(mentees: Vec<Mentee>, mentors: Vec<Mentor>) -> Cohort {
    Cohort {
        mentees,
        mentors,
        weights: Weights::default(),
        criteria: Criteria::default(),
        locked: Vec::new(),
        forbidden: Vec::new(),
    }
}

/// A cohort of `mentee_count` mentees and `mentor_count` mentors of the
/// `independent` family; the same seed gives the same cohort.
pub fn cohort(mentee_count: u64, mentor_count: u64, seed: u64) -> Cohort {
    let mut random = Seeded(seed);
    let mentees = (0..mentee_count)
        .map(|index| independent_mentee(&mut random, index))
        .collect();
    let mentors = (0..mentor_count)
        .map(|index| independent_mentor(&mut random, index))
        .collect();
    plain_cohort(mentees, mentors)
}

/// A cohort of this family; the same family, sizes and seed give the same cohort.
pub fn family_cohort(family: Family, mentee_count: u64, mentor_count: u64, seed: u64) -> Cohort {
    match family {
        Family::Independent => cohort(mentee_count, mentor_count, seed),
        Family::Correlated => families::correlated(mentee_count, mentor_count, seed),
        Family::DominantLanguage => families::dominant_language(mentee_count, mentor_count, seed),
        Family::Tight => families::with_places(mentee_count, mentor_count, seed, 1),
        Family::Loose => families::with_places(mentee_count, mentor_count, seed, 3),
        Family::Infeasible => families::infeasible(mentee_count, mentor_count, seed),
        Family::Ties => families::ties(mentee_count, mentor_count, seed),
    }
}
