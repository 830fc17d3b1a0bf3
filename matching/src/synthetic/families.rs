//! The families of synthetic cohorts other than `independent` (see
//! `Family`). Each starts from the same kinds of profiles and changes what
//! shapes the preferences it is about.
use super::*;

/// A latent quality, 0 to 100.
fn quality(random: &mut Seeded) -> u64 {
    random.below(101)
}

/// The first `count` codes of the order of popularity (`d0`, `d1`, …).
fn first_codes(prefix: &str, count: u64) -> Vec<String> {
    (0..count).map(|code| format!("{prefix}{code}")).collect()
}

/// `count` distinct codes drawn evenly among the first `among`.
fn some_of_first(random: &mut Seeded, prefix: &str, among: u64, count: u64) -> Vec<String> {
    let mut picked: Vec<String> = Vec::new();
    while (picked.len() as u64) < count.min(among) {
        let code = format!("{prefix}{}", random.below(among));
        if !picked.contains(&code) {
            picked.push(code);
        }
    }
    picked
}

/// `count` half-days drawn among the first `among` of the week.
fn some_half_days(random: &mut Seeded, among: u64, count: u64) -> u32 {
    let mut bits = 0_u32;
    for _ in 0..count {
        bits |= 1 << random.below(among.clamp(1, 21));
    }
    bits
}

/// Everyone ranks alike. A mentor of quality q covers the first domains,
/// skills and half-days of the order of popularity, more of them the higher q
/// (nested sets: a better mentor covers all a lesser one does), and takes
/// either modality from the middle up. A mentee of quality p needs codes among
/// the most popular, fewer of them the higher p. Everyone is fluent in French.
pub(super) fn correlated(mentee_count: u64, mentor_count: u64, seed: u64) -> Cohort {
    let mut random = Seeded(seed);
    let french = || vec![language("fr", Level::Fluent)];
    let mentees = (0..mentee_count)
        .map(|index| {
            let hard = 100 - quality(&mut random);
            let domains = 1 + random.below(2);
            let needs = 1 + random.below(4);
            Mentee {
                id: format!("mentee-{index}"),
                domains: some_of_first(&mut random, "d", 1 + hard * (DOMAINS - 1) / 100, domains),
                needs: some_of_first(&mut random, "s", 1 + hard * (SKILLS - 1) / 100, needs),
                languages: french(),
                modality: if random.chance(50) {
                    Modality::Video
                } else {
                    Modality::Either
                },
                availability: some_half_days(&mut random, 3 + hard * 18 / 100, 3),
            }
        })
        .collect();
    let mentors = (0..mentor_count)
        .map(|index| {
            let q = quality(&mut random);
            Mentor {
                id: format!("mentor-{index}"),
                domains: first_codes("d", 1 + q * (DOMAINS - 1) / 100),
                skills: first_codes("s", 1 + q * (SKILLS - 1) / 100),
                languages: french(),
                modality: if q >= 50 {
                    Modality::Either
                } else {
                    Modality::InPerson
                },
                availability: (1_u32 << (1 + q * 20 / 100)) - 1,
                capacity: 1 + random.below(5) as u32,
                load: 0,
                paused: random.below(20) == 0,
            }
        })
        .collect();
    plain_cohort(mentees, mentors)
}

/// Independent profiles, but everyone speaks French (one in ten at a
/// working level) and nothing else: no pair is excluded by language.
pub(super) fn dominant_language(mentee_count: u64, mentor_count: u64, seed: u64) -> Cohort {
    let mut cohort = cohort(mentee_count, mentor_count, seed);
    let mut random = Seeded(seed ^ 0x5EED);
    let mut french = || {
        let level = if random.chance(10) {
            Level::Working
        } else {
            Level::Fluent
        };
        vec![language("fr", level)]
    };
    for mentee in &mut cohort.mentees {
        mentee.languages = french();
    }
    for mentor in &mut cohort.mentors {
        mentor.languages = french();
    }
    cohort
}

/// Independent profiles, none paused, with about `factor` places per mentee
/// in all: capacities spread evenly around `factor × mentees / mentors`.
pub(super) fn with_places(mentee_count: u64, mentor_count: u64, seed: u64, factor: u64) -> Cohort {
    let mut cohort = cohort(mentee_count, mentor_count, seed);
    let mut random = Seeded(seed ^ 0xCA9A);
    let mean = (factor * mentee_count / mentor_count.max(1)).max(1);
    for mentor in &mut cohort.mentors {
        mentor.capacity = 1 + random.below(2 * mean - 1) as u32;
        mentor.paused = false;
    }
    cohort
}

const MANY_LANGUAGES: [&str; 8] = ["fr", "en", "es", "ar", "ht", "zh", "pt", "vi"];

/// One of eight languages, one person in four a second one.
fn one_of_many_languages(random: &mut Seeded) -> Vec<Language> {
    let mut spoken = vec![language(
        MANY_LANGUAGES[random.below(8) as usize],
        Level::Fluent,
    )];
    if random.chance(25) {
        let other = MANY_LANGUAGES[random.below(8) as usize];
        if spoken.iter().all(|known| known.code != other) {
            spoken.push(language(other, Level::Working));
        }
    }
    spoken
}

fn strict_modality(random: &mut Seeded) -> Modality {
    match random.below(10) {
        0..=3 => Modality::InPerson,
        4..=7 => Modality::Video,
        _ => Modality::Either,
    }
}

/// Most pairs excluded: eight languages, compatible modality required (few
/// take either), a minimum score of 40, three forbidden mentors per mentee.
pub(super) fn infeasible(mentee_count: u64, mentor_count: u64, seed: u64) -> Cohort {
    let mut cohort = cohort(mentee_count, mentor_count, seed);
    let mut random = Seeded(seed ^ 0x1BFE);
    for mentee in &mut cohort.mentees {
        mentee.languages = one_of_many_languages(&mut random);
        mentee.modality = strict_modality(&mut random);
    }
    for mentor in &mut cohort.mentors {
        mentor.languages = one_of_many_languages(&mut random);
        mentor.modality = strict_modality(&mut random);
    }
    cohort.criteria = Criteria {
        require_compatible_modality: true,
        min_score: 40,
    };
    if mentor_count > 0 {
        for mentee in &cohort.mentees {
            let mut picked: Vec<u64> = Vec::with_capacity(3);
            for _ in 0..3 {
                let mentor = random.below(mentor_count);
                if !picked.contains(&mentor) {
                    picked.push(mentor);
                    cohort.forbidden.push(PairRef {
                        mentee: mentee.id.clone(),
                        mentor: cohort.mentors[mentor as usize].id.clone(),
                    });
                }
            }
        }
    }
    cohort
}

/// A handful of distinct scores: three domains, three skills, two weekly
/// patterns of half-days, everyone fluent in French and taking either modality.
pub(super) fn ties(mentee_count: u64, mentor_count: u64, seed: u64) -> Cohort {
    let mut random = Seeded(seed);
    let patterns = [0b000_000_111_u32, 0b111_000_000];
    let french = || vec![language("fr", Level::Fluent)];
    let mentees = (0..mentee_count)
        .map(|index| Mentee {
            id: format!("mentee-{index}"),
            domains: some_of_first(&mut random, "d", 3, 1),
            needs: some_of_first(&mut random, "s", 3, 1),
            languages: french(),
            modality: Modality::Either,
            availability: patterns[random.below(2) as usize],
        })
        .collect();
    let mentors = (0..mentor_count)
        .map(|index| {
            let skills = 1 + random.below(2);
            Mentor {
                id: format!("mentor-{index}"),
                domains: some_of_first(&mut random, "d", 3, 1),
                skills: some_of_first(&mut random, "s", 3, skills),
                languages: french(),
                modality: Modality::Either,
                availability: patterns[random.below(2) as usize],
                capacity: 1 + random.below(5) as u32,
                load: 0,
                paused: random.below(20) == 0,
            }
        })
        .collect();
    plain_cohort(mentees, mentors)
}
