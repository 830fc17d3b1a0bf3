//! A change to an agreed goal, set jointly like the goal itself: marking it
//! achieved or dropped, reopening it, or adding a milestone is proposed by
//! one side and applied only when the other side agrees. One change waits at
//! a time; the other side may decline it and the proposer may withdraw it.
//! Pure rules; the server functions decide with them on the goal as it stands
//! inside the writing transaction.
use serde::{Deserialize, Serialize};

use super::GoalStatus;
use crate::pairs::Side;

/// What is proposed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChangeKind {
    /// Achieved, dropped, or reopened (`InProgress`).
    Status(GoalStatus),
    /// A new milestone, with its due date (`YYYY-MM-DD`).
    Milestone { title: String, due: Option<String> },
}

impl ChangeKind {
    /// The stored `pending_change` value.
    pub fn as_str(&self) -> &'static str {
        match self {
            ChangeKind::Status(status) => status.as_str(),
            ChangeKind::Milestone { .. } => "milestone",
        }
    }

    /// From the stored columns; `None` when nothing (readable) waits.
    pub fn parse(value: &str, title: Option<&str>, due: Option<&str>) -> Option<ChangeKind> {
        match value {
            "milestone" => Some(ChangeKind::Milestone {
                title: title?.to_owned(),
                due: due.map(str::to_owned),
            }),
            other => GoalStatus::parse(other).map(ChangeKind::Status),
        }
    }
}

/// A change waiting for the other side's answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PendingChange {
    pub side: Side,
    pub kind: ChangeKind,
    /// The meeting's next step this milestone comes from, linked once agreed.
    #[serde(default)]
    pub step_id: Option<i64>,
}

/// The goal as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalState<'a> {
    pub agreed: bool,
    pub status: GoalStatus,
    pub pending: Option<&'a PendingChange>,
}

/// The answer to a waiting change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeAnswer {
    /// The other side agrees: the change is applied.
    Agree,
    /// The other side says no.
    Decline,
    /// The proposer takes it back.
    Withdraw,
}

impl ChangeAnswer {
    pub fn parse(value: &str) -> Option<ChangeAnswer> {
        match value {
            "agree" => Some(ChangeAnswer::Agree),
            "decline" => Some(ChangeAnswer::Decline),
            "withdraw" => Some(ChangeAnswer::Withdraw),
            _ => None,
        }
    }
}

/// Why a proposal or an answer is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeRefusal {
    /// The goal itself is not agreed yet.
    NotAgreed,
    /// Another change already waits, or the goal already has that status.
    NotPossible,
    /// Agreeing to or declining one's own proposal, or withdrawing the
    /// other side's.
    WrongSide,
    /// Nothing waits for an answer.
    NothingWaiting,
}

impl From<ChangeRefusal> for crate::error::AppError {
    fn from(refusal: ChangeRefusal) -> Self {
        match refusal {
            ChangeRefusal::NotAgreed => crate::error::AppError::NotAgreed,
            ChangeRefusal::WrongSide => crate::error::AppError::OwnProposal,
            ChangeRefusal::NotPossible | ChangeRefusal::NothingWaiting => {
                crate::error::AppError::Conflict
            }
        }
    }
}

/// May `kind` be proposed on this goal? Only on an agreed goal with nothing
/// else waiting; a status only when it changes something (achieved or
/// dropped from in progress, reopened from either).
pub fn may_propose(goal: &GoalState, kind: &ChangeKind) -> Result<(), ChangeRefusal> {
    if !goal.agreed {
        return Err(ChangeRefusal::NotAgreed);
    }
    if goal.pending.is_some() {
        return Err(ChangeRefusal::NotPossible);
    }
    match kind {
        ChangeKind::Status(status) if *status == goal.status => Err(ChangeRefusal::NotPossible),
        ChangeKind::Status(GoalStatus::Achieved | GoalStatus::Dropped)
            if goal.status != GoalStatus::InProgress =>
        {
            Err(ChangeRefusal::NotPossible)
        }
        ChangeKind::Milestone { .. } if goal.status != GoalStatus::InProgress => {
            Err(ChangeRefusal::NotPossible)
        }
        _ => Ok(()),
    }
}

/// The change `actor` may answer with `answer`: agree and decline are the
/// other side's, withdrawing the proposer's.
pub fn answerable<'a>(
    goal: &GoalState<'a>,
    actor: Side,
    answer: ChangeAnswer,
) -> Result<&'a PendingChange, ChangeRefusal> {
    let pending = goal.pending.ok_or(ChangeRefusal::NothingWaiting)?;
    let proposer = pending.side == actor;
    match (answer, proposer) {
        (ChangeAnswer::Withdraw, true) | (ChangeAnswer::Agree | ChangeAnswer::Decline, false) => {
            Ok(pending)
        }
        _ => Err(ChangeRefusal::WrongSide),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn achieved_by(side: Side) -> PendingChange {
        PendingChange {
            side,
            kind: ChangeKind::Status(GoalStatus::Achieved),
            step_id: None,
        }
    }

    fn open_goal(pending: Option<&PendingChange>) -> GoalState<'_> {
        GoalState {
            agreed: true,
            status: GoalStatus::InProgress,
            pending,
        }
    }

    #[test]
    fn a_change_is_proposed_only_on_an_agreed_goal_with_nothing_else_waiting() {
        let achieve = ChangeKind::Status(GoalStatus::Achieved);
        assert_eq!(may_propose(&open_goal(None), &achieve), Ok(()));
        let not_agreed = GoalState {
            agreed: false,
            ..open_goal(None)
        };
        assert_eq!(
            may_propose(&not_agreed, &achieve),
            Err(ChangeRefusal::NotAgreed)
        );
        let waiting = achieved_by(Side::Mentor);
        assert_eq!(
            may_propose(
                &open_goal(Some(&waiting)),
                &ChangeKind::Status(GoalStatus::Dropped)
            ),
            Err(ChangeRefusal::NotPossible)
        );
    }

    #[test]
    fn a_status_proposal_must_change_something() {
        let reopen = ChangeKind::Status(GoalStatus::InProgress);
        assert_eq!(
            may_propose(&open_goal(None), &reopen),
            Err(ChangeRefusal::NotPossible)
        );
        let achieved = GoalState {
            status: GoalStatus::Achieved,
            ..open_goal(None)
        };
        assert_eq!(may_propose(&achieved, &reopen), Ok(()));
        assert_eq!(
            may_propose(&achieved, &ChangeKind::Status(GoalStatus::Dropped)),
            Err(ChangeRefusal::NotPossible)
        );
        let milestone = ChangeKind::Milestone {
            title: "Mock interview".into(),
            due: None,
        };
        assert_eq!(may_propose(&open_goal(None), &milestone), Ok(()));
        assert_eq!(
            may_propose(&achieved, &milestone),
            Err(ChangeRefusal::NotPossible)
        );
    }

    #[test]
    fn the_other_side_answers_and_the_proposer_may_only_withdraw() {
        let waiting = achieved_by(Side::Mentee);
        let goal = open_goal(Some(&waiting));
        assert_eq!(
            answerable(&goal, Side::Mentor, ChangeAnswer::Agree),
            Ok(&waiting)
        );
        assert_eq!(
            answerable(&goal, Side::Mentor, ChangeAnswer::Decline),
            Ok(&waiting)
        );
        assert_eq!(
            answerable(&goal, Side::Mentee, ChangeAnswer::Agree),
            Err(ChangeRefusal::WrongSide)
        );
        assert_eq!(
            answerable(&goal, Side::Mentor, ChangeAnswer::Withdraw),
            Err(ChangeRefusal::WrongSide)
        );
        assert_eq!(
            answerable(&goal, Side::Mentee, ChangeAnswer::Withdraw),
            Ok(&waiting)
        );
        assert_eq!(
            answerable(&open_goal(None), Side::Mentor, ChangeAnswer::Agree),
            Err(ChangeRefusal::NothingWaiting)
        );
    }

    #[test]
    fn the_stored_columns_round_trip() {
        for kind in [
            ChangeKind::Status(GoalStatus::Dropped),
            ChangeKind::Milestone {
                title: "Mock interview".into(),
                due: Some("2027-01-15".into()),
            },
        ] {
            let (title, due) = match &kind {
                ChangeKind::Milestone { title, due } => (Some(title.as_str()), due.as_deref()),
                ChangeKind::Status(_) => (None, None),
            };
            assert_eq!(ChangeKind::parse(kind.as_str(), title, due), Some(kind));
        }
        assert_eq!(ChangeKind::parse("milestone", None, None), None);
        assert_eq!(ChangeAnswer::parse("agree"), Some(ChangeAnswer::Agree));
        assert_eq!(ChangeAnswer::parse("yes"), None);
    }
}
