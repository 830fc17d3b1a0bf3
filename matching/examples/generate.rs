//! Writes a seeded synthetic cohort as JSON (`matching::synthetic`), for
//! benchmarks and for checking the engine against another solver:
//! `cargo run -p matching --release --example generate -- <mentees> <mentors> <seed>`.

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
    let cohort = matching::synthetic::cohort(mentee_count, mentor_count, seed);
    match serde_json::to_string(&cohort) {
        Ok(json) => println!("{json}"),
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    }
}
