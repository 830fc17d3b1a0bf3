//! `matching solve cohort.json`: reads a cohort, prints the optimal draft as JSON.
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = match args.as_slice() {
        [command, path] if command == "solve" => path,
        _ => {
            eprintln!("usage: matching solve <cohort.json>   (format: matching/README.md)");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            return ExitCode::from(1);
        }
    };
    let cohort: matching::Cohort = match serde_json::from_str(&text) {
        Ok(cohort) => cohort,
        Err(error) => {
            eprintln!("{path} is not a cohort: {error}");
            return ExitCode::from(1);
        }
    };
    match matching::solve(&cohort) {
        Ok(assignment) => match serde_json::to_string_pretty(&assignment) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("cannot write the answer: {error}");
                ExitCode::from(1)
            }
        },
        Err(error) => {
            eprintln!("{}", serde_json::to_string(&error).unwrap_or_default());
            ExitCode::from(1)
        }
    }
}
