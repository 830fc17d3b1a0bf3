//! Constructive feedback, from the mentor to the mentee: strengths observed,
//! one thing to improve, concrete observations and a suggested next step,
//! after a meeting or at any time, optionally tied to a goal with a progress
//! update. The mentee acknowledges it and may respond. After the first meeting
//! held, each says how the pair fits: the coordination reads both answers and
//! their comments; each person reads only their own (`MyFitCheck`).
use serde::{Deserialize, Serialize};

pub mod api;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

/// Longest text of each feedback part.
pub const PART_MAX_CHARS: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub id: i64,
    /// Program time.
    pub written: String,
    /// The meeting it follows: id and its start (program time).
    pub meeting: Option<(i64, String)>,
    /// The goal it concerns: id and title.
    pub goal: Option<(i64, String)>,
    pub goal_progress: Option<u8>,
    pub strengths: String,
    pub to_improve: String,
    pub observations: String,
    pub next_step: String,
    pub acknowledged: bool,
    pub response: Option<String>,
}

crate::stored_enum! {
    /// How a person feels the pair fits, after the first meeting.
    #[derive(Hash)]
    pub enum FitAnswer {
        GoodFit,
        NotSure,
        NotAFit,
    }
}

impl FitAnswer {
    pub const ALL: [FitAnswer; 3] = [FitAnswer::GoodFit, FitAnswer::NotSure, FitAnswer::NotAFit];
}

/// One side's fit check: the answer and the word left for the coordination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FitResponse {
    pub answer: FitAnswer,
    pub comment: Option<String>,
}

/// Both sides' fit checks, as far as given: the coordination's alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FitCheck {
    pub mentor: Option<FitResponse>,
    pub mentee: Option<FitResponse>,
    /// Asked once a first meeting was held.
    pub due: bool,
}

/// The fit check as one of the pair's two people reads it: their own answer
/// and comment, and nothing of the other side's (the type has no room for it,
/// so it can never be sent to them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyFitCheck {
    /// Asked once a first meeting was held.
    pub due: bool,
    pub mine: Option<FitResponse>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_answers_round_trip() {
        for answer in FitAnswer::ALL {
            assert_eq!(FitAnswer::parse(answer.as_str()), Some(answer));
        }
        assert_eq!(FitAnswer::parse("great"), None);
    }
}
