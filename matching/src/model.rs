//! What the engine reads (a cohort) and what it answers (a draft assignment).
//! The JSON format of both is documented in `matching/README.md`.
use serde::{Deserialize, Serialize};

/// How well someone speaks a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Basic,
    Working,
    Fluent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    pub code: String,
    pub level: Level,
}

/// Where meetings can happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    InPerson,
    Video,
    Either,
}

impl Modality {
    /// Two people can meet: same modality, or one of them takes either.
    pub fn compatible(self, other: Modality) -> bool {
        self == other || self == Modality::Either || other == Modality::Either
    }
}

/// A mentee to match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentee {
    pub id: String,
    #[serde(default)]
    pub domains: Vec<String>,
    /// Skills the mentee wants to learn.
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub languages: Vec<Language>,
    pub modality: Modality,
    /// Weekly half-days as a bit set: bit `day * 3 + slot` (Monday = 0, morning = 0).
    #[serde(default)]
    pub availability: u32,
}

/// A mentor who may take mentees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentor {
    pub id: String,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub languages: Vec<Language>,
    pub modality: Modality,
    #[serde(default)]
    pub availability: u32,
    /// How many mentees at once, in all.
    pub capacity: u32,
    /// Active and proposed pairs outside this run, already counting against capacity.
    #[serde(default)]
    pub load: u32,
    /// A paused mentor takes no new mentee.
    #[serde(default)]
    pub paused: bool,
}

/// The weight of each part of the score; they must add up to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weights {
    pub domain: u32,
    pub skills: u32,
    pub language: u32,
    pub modality: u32,
    pub availability: u32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            domain: 30,
            skills: 30,
            language: 15,
            modality: 10,
            availability: 15,
        }
    }
}

impl Weights {
    /// The exact sum of the weights: added in 64 bits, so that weights near
    /// `u32::MAX` cannot wrap around to a sum that looks like 100.
    pub fn total(&self) -> u64 {
        [
            self.domain,
            self.skills,
            self.language,
            self.modality,
            self.availability,
        ]
        .iter()
        .map(|weight| u64::from(*weight))
        .sum()
    }
}

/// Constraints the coordinator may switch on, beyond the ones that always hold
/// (a common language, capacity, pauses, forbidden and locked pairs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criteria {
    /// Only pairs whose modalities are compatible.
    #[serde(default)]
    pub require_compatible_modality: bool,
    /// Only pairs scoring at least this much.
    #[serde(default)]
    pub min_score: u32,
}

/// A (mentee, mentor) pair named by their ids.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PairRef {
    pub mentee: String,
    pub mentor: String,
}

/// Everything a run needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort {
    pub mentees: Vec<Mentee>,
    pub mentors: Vec<Mentor>,
    #[serde(default)]
    pub weights: Weights,
    #[serde(default)]
    pub criteria: Criteria,
    /// Pairs the coordinator locked: kept as they are, whatever their score.
    #[serde(default)]
    pub locked: Vec<PairRef>,
    /// Pairs the coordinator forbade.
    #[serde(default)]
    pub forbidden: Vec<PairRef>,
}

/// Which part of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartName {
    Domain,
    Skills,
    Language,
    Modality,
    Availability,
}

/// One part of a score: its points out of its weight, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub name: PartName,
    pub points: u32,
    pub max: u32,
    pub reason: Reason,
}

/// Why a part scored what it did, in data the interface puts into words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// The mentee's domains the mentor covers, out of how many the mentee has.
    Domains {
        shared: Vec<String>,
        of: usize,
    },
    /// The mentee's needs the mentor offers, out of how many needs.
    Skills {
        shared: Vec<String>,
        of: usize,
    },
    /// The best language both speak, and the lower of their two levels.
    Language {
        code: String,
        level: Level,
    },
    Modality {
        compatible: bool,
    },
    /// Half-days both are usually free.
    Availability {
        common_half_days: u32,
    },
}

/// A pair's score and its parts; the parts always add up to the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    pub score: u32,
    pub parts: Vec<Part>,
}

/// Why a pair may not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Obstacle {
    NoCommonLanguage,
    MentorPaused,
    Forbidden,
    ModalityIncompatible,
    BelowMinScore,
}

/// A pair of the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedPair {
    pub mentee: String,
    pub mentor: String,
    pub locked: bool,
    pub breakdown: Breakdown,
}

/// Why a mentee stays unmatched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UnmatchedReason {
    /// The cohort has no mentor at all (yet): its first days, when mentees
    /// wait before any mentor has joined.
    NoMentorInCohort,
    /// No mentor of the cohort shares a language with the mentee.
    NoMentorSharesLanguage,
    /// Some mentors share a language, but each pair is excluded: how many for each obstacle.
    NoCompatibleMentor { obstacles: Vec<(Obstacle, usize)> },
    /// Every compatible mentor is full (in this draft): how many there are.
    CompatibleMentorsFull { compatible: usize },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmatched {
    pub mentee: String,
    pub reason: UnmatchedReason,
}

/// The draft: every pair with its breakdown, the unmatched with their reason, totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub pairs: Vec<ProposedPair>,
    pub unmatched: Vec<Unmatched>,
    pub matched: usize,
    pub total_score: u64,
}

/// A cohort the engine cannot read as asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InputError {
    WeightsMustTotal100 {
        total: u64,
    },
    DuplicateId {
        id: String,
    },
    UnknownId {
        id: String,
    },
    /// A mentee locked with two mentors, or a mentor locked beyond capacity.
    ImpossibleLocks {
        id: String,
    },
}
