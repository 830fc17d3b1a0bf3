//! Following the program: the coordinator's dashboard of a cohort (figures and
//! charts), what needs attention, nudges, the pairs table and a participant's
//! page. Everything here is the coordinator's only.
use serde::{Deserialize, Serialize};

pub mod api;
pub mod attention;
pub mod attention_ui;
pub mod exports;
pub mod figures_ui;
#[cfg(feature = "ssr")]
pub mod nudge;
pub mod pair_follow_up;
pub mod pairs_table;
pub mod pairs_table_ui;
pub mod participant;
pub mod participant_ui;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

use crate::catalog::Cohort;
use attention::{AttentionItem, Thresholds};

/// How many weeks of meetings the dashboard charts.
pub const MEETING_WEEKS: usize = 8;

/// A cohort's figures, as a coordinator reports them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// The program's applications by status (`submitted`, `info_requested`,
    /// `accepted`, `declined`, `withdrawn`): they are not tied to a cohort.
    pub applications: Vec<(String, i64)>,
    pub mentees_waiting: i64,
    pub pairs_proposed: i64,
    pub pairs_active: i64,
    /// Ended early.
    pub pairs_ended: i64,
    /// Carried through to their cohort's closing.
    pub pairs_completed: i64,
    pub mentors: i64,
    pub places_used: i64,
    pub places_free: i64,
    /// Held meetings per week, oldest first: the week's Monday (YYYY-MM-DD) and the count.
    pub meetings_per_week: Vec<(String, i64)>,
    pub goals_agreed: i64,
    pub goals_achieved: i64,
    pub goals_overdue: i64,
    pub feedback_given: i64,
    pub feedback_acknowledged: i64,
    pub fit_good: i64,
    pub fit_not_sure: i64,
    pub fit_not_a_fit: i64,
}

/// What the coordinator decided about an item, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionView {
    pub handled: bool,
    /// The snooze's end (YYYY-MM-DD).
    pub until: Option<String>,
    pub note: Option<String>,
    /// Program time.
    pub decided_at: String,
    pub level: u32,
}

/// An attention item with what the coordinator did about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttentionRow {
    pub item: AttentionItem,
    pub decision: Option<DecisionView>,
    /// Program time of the last nudge from this item.
    pub last_nudge: Option<String>,
    /// When a nudge was sent too recently: the day one may be sent again.
    pub nudge_again_on: Option<String>,
}

/// The dashboard of one cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramDashboard {
    /// The reader's name, for the greeting.
    pub coordinator_name: String,
    pub cohorts: Vec<Cohort>,
    /// None when the program has no cohort yet.
    pub cohort: Option<Cohort>,
    pub figures: Figures,
    /// Most urgent first.
    pub attention: Vec<AttentionRow>,
    /// Snoozed or handled, and not worse since.
    pub set_aside: Vec<AttentionRow>,
    pub thresholds: Thresholds,
    /// Emails given up after their last attempt: first thing on the page.
    pub undelivered_emails: i64,
}

/// Days → weeks, rounded down, for sentences.
pub fn whole_weeks(days: i64) -> i64 {
    days.div_euclid(7)
}
