//! Writes a seeded synthetic cohort as JSON, for benchmarks and for checking the
//! engine against another solver:
//! `cargo run -p matching --release --example generate -- <mentees> <mentors> <seed>`.
//!
//! Spreads are meant to look like the program: mostly French speakers, a third
//! also in English, a few other languages; domains from a list of 27 with some far
//! more popular; capacities 1 to 5.
use matching::seeded::Seeded;
use matching::*;

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

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    let (mentee_count, mentor_count, seed) = match args.as_slice() {
        [mentees, mentors, seed] => (*mentees, *mentors, *seed),
        _ => {
            eprintln!("usage: generate <mentees> <mentors> <seed>");
            std::process::exit(2);
        }
    };
    let mut random = Seeded(seed);
    let mentees = (0..mentee_count)
        .map(|index| {
            let domains = 1 + random.below(2);
            let needs = 1 + random.below(4);
            Mentee {
                id: format!("mentee-{index}"),
                domains: codes(&mut random, "d", 27, domains),
                needs: codes(&mut random, "s", 20, needs),
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
                domains: codes(&mut random, "d", 27, domains),
                skills: codes(&mut random, "s", 20, skills),
                languages: languages(&mut random),
                modality: modality(&mut random),
                availability: availability(&mut random),
                capacity,
                load: 0,
                paused: random.below(20) == 0,
            }
        })
        .collect();
    let cohort = Cohort {
        mentees,
        mentors,
        weights: Weights::default(),
        criteria: Criteria::default(),
        locked: Vec::new(),
        forbidden: Vec::new(),
    };
    match serde_json::to_string(&cohort) {
        Ok(json) => println!("{json}"),
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    }
}
