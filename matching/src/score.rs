//! The score of a (mentee, mentor) pair: a weighted sum of named parts, each
//! with its points and its reason, the parts adding up to the score.
use crate::model::{Breakdown, Language, Level, Mentee, Mentor, Part, PartName, Reason, Weights};

/// Common half-days from which availability counts in full.
pub const ENOUGH_COMMON_HALF_DAYS: u32 = 3;

/// `weight × numerator / denominator`, rounded to the nearest point (halves up).
/// Computed in 128 bits, where no weight and no count can overflow.
pub(crate) fn share(weight: u32, numerator: usize, denominator: usize) -> u32 {
    if denominator == 0 {
        return 0;
    }
    let (weight, numerator, denominator) =
        (u128::from(weight), numerator as u128, denominator as u128);
    u32::try_from((2 * weight * numerator + denominator) / (2 * denominator)).unwrap_or(u32::MAX)
}

/// Each code once, in the order first given (a list naming a code twice counts it once).
fn distinct(codes: &[String]) -> Vec<&String> {
    let mut distinct: Vec<&String> = Vec::with_capacity(codes.len());
    for code in codes {
        if !distinct.contains(&code) {
            distinct.push(code);
        }
    }
    distinct
}

/// The wanted codes that are offered, and how many codes were wanted.
fn shared(wanted: &[String], offered: &[String]) -> (Vec<String>, usize) {
    let wanted = distinct(wanted);
    let of = wanted.len();
    let shared = wanted
        .into_iter()
        .filter(|code| offered.contains(code))
        .cloned()
        .collect();
    (shared, of)
}

/// The language part: in full for a fluent conversation, half for a working one.
pub(crate) fn language_points(weight: u32, level: Option<Level>) -> u32 {
    match level {
        Some(Level::Fluent) => weight,
        Some(Level::Working) => share(weight, 1, 2),
        Some(Level::Basic) | None => 0,
    }
}

/// The best language both speak, by the lower of the two levels (ties: the
/// mentee's order, which puts their first language first).
pub fn best_common_language(mentee: &[Language], mentor: &[Language]) -> Option<(String, Level)> {
    let mut best: Option<(String, Level)> = None;
    for wanted in mentee {
        if let Some(offered) = mentor.iter().find(|language| language.code == wanted.code) {
            let level = wanted.level.min(offered.level);
            if best
                .as_ref()
                .is_none_or(|(_, best_level)| level > *best_level)
            {
                best = Some((wanted.code.clone(), level));
            }
        }
    }
    best
}

/// A language both can hold a mentoring conversation in (working level or better).
pub fn shares_a_language(mentee: &[Language], mentor: &[Language]) -> bool {
    best_common_language(mentee, mentor).is_some_and(|(_, level)| level >= Level::Working)
}

pub fn breakdown(mentee: &Mentee, mentor: &Mentor, weights: &Weights) -> Breakdown {
    let (domains, domains_of) = shared(&mentee.domains, &mentor.domains);
    let (skills, needs_of) = shared(&mentee.needs, &mentor.skills);
    let language = best_common_language(&mentee.languages, &mentor.languages);
    let compatible = mentee.modality.compatible(mentor.modality);
    let common = (mentee.availability & mentor.availability).count_ones();

    let language_points =
        language_points(weights.language, language.as_ref().map(|(_, level)| *level));
    let parts = vec![
        Part {
            name: PartName::Domain,
            points: share(weights.domain, domains.len(), domains_of),
            max: weights.domain,
            reason: Reason::Domains {
                of: domains_of,
                shared: domains,
            },
        },
        Part {
            name: PartName::Skills,
            points: share(weights.skills, skills.len(), needs_of),
            max: weights.skills,
            reason: Reason::Skills {
                of: needs_of,
                shared: skills,
            },
        },
        Part {
            name: PartName::Language,
            points: language_points,
            max: weights.language,
            reason: match language {
                Some((code, level)) => Reason::Language { code, level },
                None => Reason::Language {
                    code: String::new(),
                    level: Level::Basic,
                },
            },
        },
        Part {
            name: PartName::Modality,
            points: if compatible { weights.modality } else { 0 },
            max: weights.modality,
            reason: Reason::Modality { compatible },
        },
        Part {
            name: PartName::Availability,
            points: share(
                weights.availability,
                common.min(ENOUGH_COMMON_HALF_DAYS) as usize,
                ENOUGH_COMMON_HALF_DAYS as usize,
            ),
            max: weights.availability,
            reason: Reason::Availability {
                common_half_days: common,
            },
        },
    ];
    Breakdown {
        // Weights that total 100 keep it at most 100; others (which `solve`
        // refuses) saturate rather than wrap.
        score: parts
            .iter()
            .fold(0_u32, |score, part| score.saturating_add(part.points)),
        parts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Modality;

    fn language(code: &str, level: Level) -> Language {
        Language {
            code: code.to_owned(),
            level,
        }
    }

    fn mentee() -> Mentee {
        Mentee {
            id: "amina".into(),
            domains: vec!["nursing".into(), "public-health".into()],
            needs: vec!["interviews".into(), "internship".into(), "ethics".into()],
            languages: vec![
                language("fr", Level::Fluent),
                language("en", Level::Working),
            ],
            modality: Modality::Video,
            availability: 0b111,
        }
    }

    fn mentor() -> Mentor {
        Mentor {
            id: "marc".into(),
            domains: vec!["nursing".into()],
            skills: vec!["interviews".into(), "ethics".into()],
            languages: vec![language("en", Level::Fluent)],
            modality: Modality::Either,
            availability: 0b011,
            capacity: 2,
            load: 0,
            paused: false,
        }
    }

    #[test]
    fn each_part_counts_its_share_and_says_why() {
        let result = breakdown(&mentee(), &mentor(), &Weights::default());
        let points: Vec<(PartName, u32)> = result
            .parts
            .iter()
            .map(|part| (part.name, part.points))
            .collect();
        assert_eq!(
            points,
            vec![
                (PartName::Domain, 15),       // 1 of 2 domains × 30
                (PartName::Skills, 20),       // 2 of 3 needs × 30
                (PartName::Language, 8),      // English at working level: half of 15, rounded
                (PartName::Modality, 10),     // video meets either
                (PartName::Availability, 10), // 2 of 3 half-days × 15
            ]
        );
        assert_eq!(result.score, 63);
        assert_eq!(
            result.parts[2].reason,
            Reason::Language {
                code: "en".into(),
                level: Level::Working
            }
        );
    }

    #[test]
    fn a_perfect_pair_scores_100_and_a_basic_language_is_not_shared() {
        let mut mentor = mentor();
        mentor.domains = mentee().domains;
        mentor.skills = mentee().needs;
        mentor.languages = vec![language("fr", Level::Fluent)];
        mentor.availability = 0b111;
        assert_eq!(
            breakdown(&mentee(), &mentor, &Weights::default()).score,
            100
        );

        assert!(!shares_a_language(
            &[language("fr", Level::Basic)],
            &[language("fr", Level::Fluent)]
        ));
        assert!(shares_a_language(
            &[language("es", Level::Working)],
            &[language("es", Level::Working)]
        ));
    }
}
