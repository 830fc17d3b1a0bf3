//! Goals: set jointly by a mentee and their mentor. Either side proposes one
//! (title, description, success criterion, target date, milestones); the other
//! agrees or asks for a change. Only agreed goals count in progress, which
//! comes from the milestones done, or from the mentor's latest assessment when
//! it is newer. Every change is dated in the goal's history.
use serde::{Deserialize, Serialize};

use crate::joint::agreement::Agreement;
use crate::pairs::Side;

pub mod api;
pub mod changes;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

/// Longest title of a goal or a milestone.
pub const TITLE_MAX_CHARS: usize = 200;
/// At most this many milestones are written with a proposal.
pub const MILESTONES_MAX: usize = 12;

crate::stored_enum! {
    #[derive(Hash)]
    pub enum GoalStatus {
        InProgress,
        Achieved,
        Dropped,
    }
}

crate::stored_enum! {
    /// What a goal's history records.
    #[derive(Hash, strum::VariantArray)]
    pub enum GoalEventKind {
        Proposed,
        Revised,
        Agreed,
        ChangesRequested,
        MilestoneDone,
        MilestoneUndone,
        MilestoneAdded,
        Assessed,
        Achieved,
        Dropped,
        Reopened,
        AchieveProposed,
        DropProposed,
        ReopenProposed,
        MilestoneProposed,
        ChangeDeclined,
        ChangeWithdrawn,
    }
}

impl GoalEventKind {
    /// The history entry a status change writes.
    pub fn for_status(status: GoalStatus) -> GoalEventKind {
        match status {
            GoalStatus::InProgress => GoalEventKind::Reopened,
            GoalStatus::Achieved => GoalEventKind::Achieved,
            GoalStatus::Dropped => GoalEventKind::Dropped,
        }
    }

    /// The history entry proposing a change writes.
    pub fn proposing(kind: &changes::ChangeKind) -> GoalEventKind {
        match kind {
            changes::ChangeKind::Status(GoalStatus::InProgress) => GoalEventKind::ReopenProposed,
            changes::ChangeKind::Status(GoalStatus::Achieved) => GoalEventKind::AchieveProposed,
            changes::ChangeKind::Status(GoalStatus::Dropped) => GoalEventKind::DropProposed,
            changes::ChangeKind::Milestone { .. } => GoalEventKind::MilestoneProposed,
        }
    }
}

/// Where a goal's progress comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProgressSource {
    /// Not agreed yet: it does not count.
    NotCounted,
    Milestones,
    /// The mentor's assessment, newer than the last milestone change.
    Assessment,
    /// Achieved: 100 %.
    Achieved,
    /// Neither milestones nor an assessment yet.
    NothingYet,
}

/// What progress is computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressFacts<'a> {
    pub agreed: bool,
    pub status: GoalStatus,
    pub milestones_done: usize,
    pub milestones: usize,
    /// The mentor's latest assessment (percent) and when (UTC text).
    pub assessment: Option<(u8, &'a str)>,
    /// When a milestone was last ticked, unticked or added (UTC text).
    pub milestones_changed_at: Option<&'a str>,
}

/// A goal's progress in percent, and where it comes from.
pub fn progress(facts: &ProgressFacts) -> (u8, ProgressSource) {
    if !facts.agreed {
        return (0, ProgressSource::NotCounted);
    }
    if facts.status == GoalStatus::Achieved {
        return (100, ProgressSource::Achieved);
    }
    // Stored times share one format (`utc_text`), so they compare as text.
    let assessment_is_newer = match (facts.assessment, facts.milestones_changed_at) {
        (Some(_), None) => true,
        (Some((_, assessed_at)), Some(changed_at)) => assessed_at >= changed_at,
        (None, _) => false,
    };
    match facts.assessment {
        Some((percent, _)) if assessment_is_newer || facts.milestones == 0 => {
            (percent.min(100), ProgressSource::Assessment)
        }
        _ if facts.milestones > 0 => {
            let percent = facts.milestones_done.min(facts.milestones) * 100 / facts.milestones;
            (percent as u8, ProgressSource::Milestones)
        }
        _ => (0, ProgressSource::NothingYet),
    }
}

/// The pair's overall progress: the mean of its agreed goals that are not
/// dropped; `None` when there is none.
pub fn overall_progress(goals: &[Goal]) -> Option<u8> {
    let counted: Vec<u32> = goals
        .iter()
        .filter(|goal| goal.agreement.is_agreed() && goal.status != GoalStatus::Dropped)
        .map(|goal| u32::from(goal.progress))
        .collect();
    let count = u32::try_from(counted.len())
        .ok()
        .filter(|count| *count > 0)?;
    Some((counted.iter().sum::<u32>() / count) as u8)
}

/// Milestones written one per line: blank lines dropped, each trimmed.
pub fn milestone_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: i64,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub due_date: Option<String>,
    pub done: bool,
    /// Due before today and not done.
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalEvent {
    /// Program time (`2026-11-27 08:09`).
    pub at: String,
    pub side: Side,
    pub kind: GoalEventKind,
    pub detail: Option<String>,
}

/// A goal as the pair's two people see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: i64,
    pub title: String,
    pub description: Option<String>,
    pub success_criterion: String,
    /// `YYYY-MM-DD`.
    pub target_date: Option<String>,
    pub agreement: Agreement,
    /// The comment of whoever asked for a change.
    pub change_comment: Option<String>,
    pub status: GoalStatus,
    pub progress: u8,
    pub progress_source: ProgressSource,
    pub assessment_comment: Option<String>,
    /// A change to the agreed goal waiting for the other side's answer.
    pub pending: Option<changes::PendingChange>,
    /// The mentee's needs (skill code, label) this goal answers.
    pub needs: Vec<(String, crate::catalog::Bilingual)>,
    pub milestones: Vec<Milestone>,
    /// Newest first.
    pub history: Vec<GoalEvent>,
    /// Sent back with every change: a change made on an older version is refused.
    pub version: i64,
}

impl Goal {
    /// Open: agreed or being agreed, not achieved or dropped.
    pub fn is_open(&self) -> bool {
        self.status == GoalStatus::InProgress
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>() -> ProgressFacts<'a> {
        ProgressFacts {
            agreed: true,
            status: GoalStatus::InProgress,
            milestones_done: 1,
            milestones: 4,
            assessment: None,
            milestones_changed_at: Some("2026-11-20T10:00:00Z"),
        }
    }

    #[test]
    fn progress_comes_from_milestones_done() {
        assert_eq!(progress(&facts()), (25, ProgressSource::Milestones));
        let none_done = ProgressFacts {
            milestones_done: 0,
            ..facts()
        };
        assert_eq!(progress(&none_done), (0, ProgressSource::Milestones));
    }

    #[test]
    fn a_newer_assessment_wins_and_a_newer_milestone_takes_over_again() {
        let assessed = ProgressFacts {
            assessment: Some((60, "2026-11-21T09:00:00Z")),
            ..facts()
        };
        assert_eq!(progress(&assessed), (60, ProgressSource::Assessment));
        let ticked_since = ProgressFacts {
            milestones_done: 3,
            milestones_changed_at: Some("2026-11-22T09:00:00Z"),
            ..assessed
        };
        assert_eq!(progress(&ticked_since), (75, ProgressSource::Milestones));
        let no_milestones = ProgressFacts {
            milestones: 0,
            milestones_done: 0,
            milestones_changed_at: None,
            assessment: Some((40, "2026-11-21T09:00:00Z")),
            ..facts()
        };
        assert_eq!(progress(&no_milestones), (40, ProgressSource::Assessment));
    }

    #[test]
    fn only_agreed_goals_count_and_achieved_is_complete() {
        let proposed = ProgressFacts {
            agreed: false,
            ..facts()
        };
        assert_eq!(progress(&proposed), (0, ProgressSource::NotCounted));
        let achieved = ProgressFacts {
            status: GoalStatus::Achieved,
            ..facts()
        };
        assert_eq!(progress(&achieved), (100, ProgressSource::Achieved));
        let empty = ProgressFacts {
            milestones: 0,
            milestones_done: 0,
            milestones_changed_at: None,
            ..facts()
        };
        assert_eq!(progress(&empty), (0, ProgressSource::NothingYet));
    }

    fn goal(agreement: Agreement, status: GoalStatus, progress: u8) -> Goal {
        Goal {
            id: 1,
            title: "t".into(),
            description: None,
            success_criterion: "c".into(),
            target_date: None,
            agreement,
            change_comment: None,
            status,
            progress,
            progress_source: ProgressSource::Milestones,
            assessment_comment: None,
            pending: None,
            needs: Vec::new(),
            milestones: Vec::new(),
            history: Vec::new(),
            version: 1,
        }
    }

    #[test]
    fn overall_progress_averages_agreed_goals_not_dropped() {
        let goals = [
            goal(Agreement::Agreed, GoalStatus::InProgress, 50),
            goal(Agreement::Agreed, GoalStatus::Achieved, 100),
            goal(Agreement::Agreed, GoalStatus::Dropped, 0),
            goal(
                Agreement::Proposed { side: Side::Mentee },
                GoalStatus::InProgress,
                0,
            ),
        ];
        assert_eq!(overall_progress(&goals), Some(75));
        assert_eq!(overall_progress(&goals[2..]), None);
    }

    #[test]
    fn milestones_are_one_per_line_and_kinds_round_trip() {
        assert_eq!(
            milestone_lines("  Draft a CV \n\n Send three applications\n"),
            vec![
                "Draft a CV".to_owned(),
                "Send three applications".to_owned()
            ]
        );
        for &kind in <GoalEventKind as strum::VariantArray>::VARIANTS {
            assert_eq!(GoalEventKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(GoalStatus::parse("achieved"), Some(GoalStatus::Achieved));
        assert_eq!(GoalStatus::parse("done"), None);
    }
}
