//! The coordinator's matching board: a cohort's unmatched mentees and mentors
//! with room, one mentee's mentors ranked with the score broken into its parts,
//! the coordinator's locks and exclusions, and the optimal draft of the whole
//! cohort from the `matching` engine.
use serde::{Deserialize, Serialize};

use crate::catalog::Cohort;
use crate::catalog::ProfileChoices;
use crate::pairs::PairRow;
use crate::profiles::SpokenLanguage;

pub mod api;
#[cfg(feature = "ssr")]
pub mod cache;
#[cfg(feature = "ssr")]
pub mod drafts;
#[cfg(feature = "ssr")]
pub mod lists;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

/// How many people a list shows at once.
pub const PAGE_SIZE: usize = 20;
/// How many unmatched mentees a draft names (the rest are counted).
pub const UNMATCHED_SHOWN: usize = 200;
/// How many of a mentee's mentors the board ranks.
pub const SUGGESTIONS: usize = 8;

crate::stored_enum! {
    #[derive(Hash)]
    pub enum ConstraintKind {
        /// Kept in every draft.
        Locked,
        /// Never proposed.
        Forbidden,
    }
}

/// Why an earlier pairing sent its mentee back to the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RematchReason {
    /// One of the two answered the fit check "not a fit".
    NotAFit,
    /// The coordination ended the pair early.
    EndedEarly,
}

/// A mentee's earlier pairing that did not work: the board notes it and the
/// engine never proposes these two together again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PreviousPairing {
    pub mentor_profile_id: i64,
    pub mentor_name: String,
    pub reason: RematchReason,
    /// When it was ended or answered "not a fit" (UTC text).
    pub since: String,
    /// The pair is still open ("not a fit" answered, not ended yet):
    /// proposing another mentor ends it.
    pub still_open: bool,
}

/// Whether a mentee with these earlier pairings waits for a mentor again
/// although a pair is still open: one of the two answered "not a fit".
pub fn waits_again(previous: &[PreviousPairing]) -> bool {
    previous.iter().any(|pairing| pairing.still_open)
}

/// A mentee waiting for a mentor, as the list shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardMentee {
    pub profile_id: i64,
    pub name: String,
    pub domains: Vec<String>,
    pub languages: Vec<SpokenLanguage>,
    /// Earlier pairings that did not work, newest first.
    #[serde(default)]
    pub previous: Vec<PreviousPairing>,
}

/// A mentor and their places: capacity, used by open pairs, free; with what
/// the coordinator matches by (domains, skills, languages, sector).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardMentor {
    pub profile_id: i64,
    pub name: String,
    pub domains: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub languages: Vec<SpokenLanguage>,
    /// A sector code (`applications::SECTORS`), from their application.
    #[serde(default)]
    pub sector: Option<String>,
    pub capacity: u32,
    pub used: u32,
    pub paused: bool,
}

impl BoardMentor {
    pub fn free(&self) -> u32 {
        if self.paused {
            0
        } else {
            self.capacity.saturating_sub(self.used)
        }
    }
}

/// A mentor ranked for the selected mentee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankedMentor {
    pub profile_id: i64,
    pub name: String,
    pub suggestion: matching::suggest::Suggestion,
    pub constraint: Option<ConstraintKind>,
}

/// A waiting mentee ranked for the selected mentor, the score explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankedMentee {
    pub profile_id: i64,
    pub name: String,
    pub breakdown: matching::Breakdown,
    /// Why these two may not be paired, if they may not.
    pub obstacle: Option<matching::Obstacle>,
    /// The mentee's open pair answered "not a fit", which proposing ends.
    pub ends_pair_with: Option<String>,
}

/// The selected mentor and the waiting mentees who suit them best.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectedMentor {
    pub mentor: BoardMentor,
    pub ranked: Vec<RankedMentee>,
}

/// The selected mentee and their best mentors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectedMentee {
    pub mentee: BoardMentee,
    pub ranked: Vec<RankedMentor>,
    /// The mentee already has an open pair (proposed or active).
    pub has_open_pair: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConstraintRow {
    pub mentee_profile_id: i64,
    pub mentee_name: String,
    pub mentor_profile_id: i64,
    pub mentor_name: String,
    pub kind: ConstraintKind,
}

/// A cohort's weights and optional criteria.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchingSettings {
    pub weights: matching::Weights,
    pub criteria: matching::Criteria,
}

/// One page of a list, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
}

impl<T: Clone> Page<T> {
    /// Page `page` (from 1) of `all`; an out-of-range page shows the last one.
    pub fn of(all: &[T], page: usize) -> Page<T> {
        let pages = all.len().div_ceil(PAGE_SIZE).max(1);
        let page = page.clamp(1, pages);
        Page {
            items: all
                .iter()
                .skip((page - 1) * PAGE_SIZE)
                .take(PAGE_SIZE)
                .cloned()
                .collect(),
            total: all.len(),
            page,
            pages,
        }
    }
}

/// Everything the board shows for a cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardView {
    pub cohorts: Vec<Cohort>,
    pub cohort: Option<Cohort>,
    pub settings: MatchingSettings,
    pub choices: ProfileChoices,
    pub mentees: Page<BoardMentee>,
    pub mentors: Page<BoardMentor>,
    pub selected: Option<SelectedMentee>,
    /// The selected mentor (when no mentee is) and their best waiting mentees.
    #[serde(default)]
    pub selected_mentor: Option<SelectedMentor>,
    /// The cohort's kept draft, if one was run and not yet accepted or discarded.
    pub draft: Option<DraftView>,
    /// Proposed, recently declined (with the reason), and active pairs.
    pub pairs: Vec<PairRow>,
    pub constraints: Vec<ConstraintRow>,
}

/// A pair of the draft, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftPair {
    pub mentee_profile_id: i64,
    pub mentee_name: String,
    pub mentor_profile_id: i64,
    pub mentor_name: String,
    pub locked: bool,
    pub breakdown: matching::Breakdown,
    /// The mentor of the mentee's open pair that was answered "not a fit":
    /// proposing this pair ends that one.
    #[serde(default)]
    pub ends_pair_with: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftUnmatched {
    pub mentee_profile_id: i64,
    pub mentee_name: String,
    pub reason: matching::UnmatchedReason,
}

/// The optimal draft for the mentees still waiting, next to the current state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftView {
    /// The cohort's code.
    pub cohort: String,
    pub matched: usize,
    pub total_score: u64,
    /// The first page of pairs, explained; the others come on demand
    /// (the board's `shown` parameter), so that a draft of thousands stays light.
    pub pairs: Vec<DraftPair>,
    /// Every pair of the draft (`mentee-mentor`), in order: what accepting
    /// the whole draft proposes, and what the next pages ask for.
    pub keys: Vec<String>,
    /// The first `UNMATCHED_SHOWN` mentees left without a mentor, with why.
    pub unmatched: Vec<DraftUnmatched>,
    pub unmatched_count: usize,
    /// Open pairs (proposed or active) the draft keeps as they are.
    pub already_open: usize,
    /// Open pairs answered "not a fit" that accepting the draft ends, since
    /// their mentee has a new mentor in it: mentees who move.
    #[serde(default)]
    pub ends: usize,
    /// The emails accepting the draft sends, as their recipients will read
    /// them: both of the first pair's, and one in each other language.
    #[serde(default)]
    pub previews: Vec<EmailPreview>,
    pub settings: MatchingSettings,
}

/// An email as its recipient will read it, before it is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailPreview {
    pub recipient: String,
    /// `fr` or `en`.
    pub locale: String,
    pub subject: String,
    pub body: String,
}

impl DraftView {
    /// New pairs for mentees without one (those who move to another mentor aside).
    pub fn added(&self) -> usize {
        self.matched.saturating_sub(self.ends)
    }
}

impl DraftView {
    /// The average score of the draft's pairs, to one decimal.
    pub fn average(&self) -> f64 {
        if self.matched == 0 {
            return 0.0;
        }
        (self.total_score as f64 / self.matched as f64 * 10.0).round() / 10.0
    }
}

/// A `mentee-mentor` pair of profile ids, as the draft form sends it.
pub fn parse_pair_key(key: &str) -> Option<(i64, i64)> {
    let (mentee, mentor) = key.split_once('-')?;
    Some((mentee.parse().ok()?, mentor.parse().ok()?))
}

pub fn pair_key(mentee: i64, mentor: i64) -> String {
    format!("{mentee}-{mentor}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_clamp_and_count() {
        let all: Vec<usize> = (0..45).collect();
        let first = Page::of(&all, 1);
        assert_eq!((first.items.len(), first.pages, first.total), (20, 3, 45));
        let last = Page::of(&all, 9);
        assert_eq!((last.page, last.items), (3, (40..45).collect::<Vec<_>>()));
        let empty = Page::of(&Vec::<usize>::new(), 1);
        assert_eq!((empty.page, empty.pages, empty.items.len()), (1, 1, 0));
    }

    #[test]
    fn pair_keys_round_trip_and_refuse_garbage() {
        assert_eq!(parse_pair_key(&pair_key(12, 7)), Some((12, 7)));
        assert_eq!(parse_pair_key("12"), None);
        assert_eq!(parse_pair_key("a-7"), None);
    }

    #[test]
    fn the_average_has_one_decimal_and_an_empty_draft_averages_zero() {
        let mut draft = DraftView {
            cohort: "hiver-2025".into(),
            matched: 3,
            total_score: 200,
            pairs: Vec::new(),
            keys: Vec::new(),
            unmatched: Vec::new(),
            unmatched_count: 0,
            already_open: 0,
            ends: 0,
            previews: Vec::new(),
            settings: MatchingSettings::default(),
        };
        assert_eq!(draft.average(), 66.7);
        draft.matched = 0;
        assert_eq!(draft.average(), 0.0);
    }
}
