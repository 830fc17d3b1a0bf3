//! Mentorat's matching engine: the explained score of a (mentee, mentor) pair,
//! and the optimal assignment of a whole cohort under its constraints.
//!
//! Plain Rust, no web and no database: the app feeds it profiles, the command
//! line feeds it a JSON file (format in `matching/README.md`).
mod candidates;
pub mod compiled;
pub mod flow;
pub mod matrix;
pub mod model;
pub mod score;
pub mod seeded;
pub mod solve;
pub mod suggest;
pub mod synthetic;

pub use model::*;
pub use score::breakdown;
pub use solve::solve;
