//! Seeded synthetic cohorts, for the benchmark, the large demo and checking the
//! engine against another solver. Spreads are meant to look like the program:
//! mostly French speakers, a third also in English, a few other languages;
//! domains (`d0`…`d26`) and skills (`s0`…`s19`) with some far more popular than
//! others; capacities 1 to 5; one mentor in twenty paused.
use crate::model::*;
use crate::seeded::Seeded;

/// How many domain and skill codes the generator draws from.
pub const DOMAINS: u64 = 27;
pub const SKILLS: u64 = 20;

fn codes(random: &mut Seeded, prefix: &str, universe: u64, count: u64) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    while (codes.len() as u64) < count {
        let code = format!("{prefix}{}", random.skewed(universe));
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

fn languages(random: &mut Seeded) -> Vec<Language> {
    let mut spoken = Vec::new();
    let roll = random.below(100);
    if roll < 85 {
        spoken.push(Language {
            code: "fr".into(),
            level: if roll < 75 {
                Level::Fluent
            } else {
                Level::Working
            },
        });
    }
    if roll >= 60 || random.below(3) == 0 {
        spoken.push(Language {
            code: "en".into(),
            level: if random.below(2) == 0 {
                Level::Fluent
            } else {
                Level::Working
            },
        });
    }
    if random.below(8) == 0 {
        let other = ["es", "ar", "ht", "zh", "pt", "vi"][random.below(6) as usize];
        spoken.push(Language {
            code: other.into(),
            level: Level::Fluent,
        });
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

/// A cohort of `mentee_count` mentees and `mentor_count` mentors; the same seed
/// gives the same cohort.
pub fn cohort(mentee_count: u64, mentor_count: u64, seed: u64) -> Cohort {
    let mut random = Seeded(seed);
    let mentees = (0..mentee_count)
        .map(|index| {
            let domains = 1 + random.below(2);
            let needs = 1 + random.below(4);
            Mentee {
                id: format!("mentee-{index}"),
                domains: codes(&mut random, "d", DOMAINS, domains),
                needs: codes(&mut random, "s", SKILLS, needs),
                languages: languages(&mut random),
                modality: modality(&mut random),
                availability: availability(&mut random),
            }
        })
        .collect();
    let mentors = (0..mentor_count)
        .map(|index| {
            let domains = 1 + random.below(3);
            let skills = 2 + random.below(5);
            let capacity = 1 + random.below(5) as u32;
            Mentor {
                id: format!("mentor-{index}"),
                domains: codes(&mut random, "d", DOMAINS, domains),
                skills: codes(&mut random, "s", SKILLS, skills),
                languages: languages(&mut random),
                modality: modality(&mut random),
                availability: availability(&mut random),
                capacity,
                load: 0,
                paused: random.below(20) == 0,
            }
        })
        .collect();
    Cohort {
        mentees,
        mentors,
        weights: Weights::default(),
        criteria: Criteria::default(),
        locked: Vec::new(),
        forbidden: Vec::new(),
    }
}
