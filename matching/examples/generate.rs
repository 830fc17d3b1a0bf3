//! Writes a seeded synthetic cohort as JSON (`matching::synthetic`), for
//! benchmarks and for checking the engine against another solver:
//! `cargo run -p matching --release --example generate -- <mentees> <mentors> <seed> [family]`
//! (families: independent, the default; correlated, dominant-language, tight,
//! loose, infeasible, ties).
use matching::synthetic::Family;

const USAGE: &str = "usage: generate <mentees> <mentors> <seed> [family]";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let numbers: Vec<u64> = args
        .iter()
        .take(3)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    let family = match args.get(3) {
        None => Some(Family::Independent),
        Some(name) => Family::parse(name),
    };
    let (mentee_count, mentor_count, seed, family) = match (numbers.as_slice(), family) {
        ([mentees, mentors, seed], Some(family)) if args.len() <= 4 => {
            (*mentees, *mentors, *seed, family)
        }
        _ => {
            let names: Vec<&str> = Family::ALL.iter().map(|family| family.name()).collect();
            eprintln!("{USAGE}\nfamilies: {}", names.join(", "));
            std::process::exit(2);
        }
    };
    let cohort = matching::synthetic::family_cohort(family, mentee_count, mentor_count, seed);
    match serde_json::to_string(&cohort) {
        Ok(json) => println!("{json}"),
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    }
}
