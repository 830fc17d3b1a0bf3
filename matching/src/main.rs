//! The engine's command line (format of the files: matching/README.md):
//! - `matching solve cohort.json`: prints the optimal draft as JSON;
//! - `matching matrix cohort.json out.bin`: writes the capacity score matrix
//!   another solver can read (the benchmark's scipy side);
//! - `matching time cohort.json`: solves, then ranks the mentors of a few
//!   mentees, and prints what it found with how long each took and the
//!   process's peak memory.
use std::process::ExitCode;
use std::time::Instant;

use matching::{matrix::ScoreMatrix, Cohort};

const USAGE: &str = "usage: matching solve <cohort.json>
       matching matrix <cohort.json> <out.bin>
       matching time <cohort.json>
(formats: matching/README.md)";

fn read(path: &str) -> Result<Cohort, String> {
    let text =
        std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))?;
    serde_json::from_str(&text).map_err(|error| format!("{path} is not a cohort: {error}"))
}

fn input_error(error: matching::InputError) -> String {
    serde_json::to_string(&error).unwrap_or_else(|_| format!("{error:?}"))
}

fn solve(path: &str) -> Result<String, String> {
    let assignment = matching::solve(&read(path)?).map_err(input_error)?;
    serde_json::to_string_pretty(&assignment)
        .map_err(|error| format!("cannot write the answer: {error}"))
}

fn matrix(path: &str, out: &str) -> Result<String, String> {
    let matrix = ScoreMatrix::new(&read(path)?).map_err(input_error)?;
    std::fs::write(out, matrix.to_bytes())
        .map_err(|error| format!("cannot write {out}: {error}"))?;
    Ok(format!(
        "{} rows × {} columns written to {out}",
        matrix.rows.len(),
        matrix.free.len()
    ))
}

/// The process's peak resident memory so far, in megabytes, where the system
/// says (`VmHWM` in Linux's `/proc/self/status`); `None` elsewhere.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes / 1024.0)
}

/// Times the whole solve (scoring included), and the ranking of a mentee's
/// mentors for a few mentees spread over the cohort (the worst is reported).
fn time(path: &str) -> Result<String, String> {
    let cohort = read(path)?;
    let started = Instant::now();
    let assignment = matching::solve(&cohort).map_err(input_error)?;
    let solve_ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut suggest_ms: f64 = 0.0;
    let step = (cohort.mentees.len() / 20).max(1);
    for mentee in cohort.mentees.iter().step_by(step) {
        let started = Instant::now();
        let ranked = matching::suggest::ranked(&cohort, &mentee.id).map_err(input_error)?;
        suggest_ms = suggest_ms.max(started.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(ranked);
    }
    Ok(serde_json::json!({
        "mentees": cohort.mentees.len(),
        "mentors": cohort.mentors.len(),
        "matched": assignment.matched,
        "total_score": assignment.total_score,
        "solve_ms": solve_ms,
        "suggest_worst_ms": suggest_ms,
        "peak_rss_mb": peak_rss_mb(),
    })
    .to_string())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["solve", path] => solve(path),
        ["matrix", path, out] => matrix(path, out),
        ["time", path] => time(path),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(output) => {
            println!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}
