//! Joint setting: a goal or a meeting plan is proposed by one side and counts
//! only once the other side agrees. The other side may instead ask for a
//! change, with a comment; whoever then rewrites it proposes it anew. Pure
//! rules, used by goals and meetings alike.
use serde::{Deserialize, Serialize};

use crate::pairs::Side;

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Mentor => "mentor",
            Side::Mentee => "mentee",
        }
    }

    pub fn parse(value: &str) -> Option<Side> {
        match value {
            "mentor" => Some(Side::Mentor),
            "mentee" => Some(Side::Mentee),
            _ => None,
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Mentor => Side::Mentee,
            Side::Mentee => Side::Mentor,
        }
    }
}

/// Where a jointly set item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Agreement {
    /// Written by `side`, waiting for the other side.
    Proposed { side: Side },
    /// Both sides agree.
    Agreed,
    /// `side` asked for a change; the other side is to rewrite it.
    ChangesRequested { side: Side },
}

/// What one side does to a jointly set item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JointStep {
    Agree,
    RequestChange,
    /// Writes it (again): a new proposal by this side, whatever stood before.
    Rewrite,
}

/// Why a step is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JointRefusal {
    /// Agreeing to, or asking to change, one's own proposal.
    OwnProposal,
    /// Nothing is waiting for an answer (already agreed, or a change is asked).
    NotWaiting,
}

impl From<JointRefusal> for crate::error::AppError {
    fn from(refusal: JointRefusal) -> Self {
        match refusal {
            JointRefusal::OwnProposal => crate::error::AppError::OwnProposal,
            JointRefusal::NotWaiting => crate::error::AppError::Conflict,
        }
    }
}

impl Agreement {
    /// `proposed` / `agreed` / `changes_requested`, with the side stored apart.
    pub fn as_str(self) -> &'static str {
        match self {
            Agreement::Proposed { .. } => "proposed",
            Agreement::Agreed => "agreed",
            Agreement::ChangesRequested { .. } => "changes_requested",
        }
    }

    /// From the stored pair of columns (`agreement`, `agreement_side`).
    pub fn parse(value: &str, side: Side) -> Option<Agreement> {
        match value {
            "proposed" => Some(Agreement::Proposed { side }),
            "agreed" => Some(Agreement::Agreed),
            "changes_requested" => Some(Agreement::ChangesRequested { side }),
            _ => None,
        }
    }

    /// From the stored columns of `table` as read (`agreement`,
    /// `agreement_side`): an unknown value of either is an error.
    #[cfg(feature = "ssr")]
    pub fn stored(
        table: &'static str,
        agreement: &str,
        agreement_side: &str,
    ) -> Result<Agreement, crate::stored::UnknownStoredValue> {
        let side = crate::stored::known(
            Side::parse(agreement_side),
            table,
            "agreement_side",
            agreement_side,
        )?;
        crate::stored::known(
            Agreement::parse(agreement, side),
            table,
            "agreement",
            agreement,
        )
    }

    /// The side stored with it: the proposer, or who asked for a change. An
    /// agreed item keeps `last` (who wrote it), which no rule reads.
    pub fn side_or(self, last: Side) -> Side {
        match self {
            Agreement::Proposed { side } | Agreement::ChangesRequested { side } => side,
            Agreement::Agreed => last,
        }
    }

    /// Who is to act next: the other side of a proposal, the proposer after a
    /// change is asked; nobody once agreed.
    pub fn waiting_for(self) -> Option<Side> {
        match self {
            Agreement::Proposed { side } | Agreement::ChangesRequested { side } => {
                Some(side.other())
            }
            Agreement::Agreed => None,
        }
    }

    pub fn is_agreed(self) -> bool {
        self == Agreement::Agreed
    }

    /// The state after `actor` takes `step`.
    pub fn after(self, step: JointStep, actor: Side) -> Result<Agreement, JointRefusal> {
        match (step, self) {
            (JointStep::Rewrite, _) => Ok(Agreement::Proposed { side: actor }),
            (JointStep::Agree | JointStep::RequestChange, Agreement::Proposed { side })
                if side == actor =>
            {
                Err(JointRefusal::OwnProposal)
            }
            (JointStep::Agree, Agreement::Proposed { .. }) => Ok(Agreement::Agreed),
            (JointStep::RequestChange, Agreement::Proposed { .. }) => {
                Ok(Agreement::ChangesRequested { side: actor })
            }
            (JointStep::Agree | JointStep::RequestChange, _) => Err(JointRefusal::NotWaiting),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_other_side_agrees_or_asks_for_a_change() {
        let proposed = Agreement::Proposed { side: Side::Mentee };
        assert_eq!(proposed.waiting_for(), Some(Side::Mentor));
        assert_eq!(
            proposed.after(JointStep::Agree, Side::Mentee),
            Err(JointRefusal::OwnProposal)
        );
        assert_eq!(
            proposed.after(JointStep::RequestChange, Side::Mentee),
            Err(JointRefusal::OwnProposal)
        );
        assert_eq!(
            proposed.after(JointStep::Agree, Side::Mentor),
            Ok(Agreement::Agreed)
        );
        assert_eq!(
            proposed.after(JointStep::RequestChange, Side::Mentor),
            Ok(Agreement::ChangesRequested { side: Side::Mentor })
        );
    }

    #[test]
    fn a_change_asked_goes_back_to_the_proposer_and_a_rewrite_is_a_new_proposal() {
        let asked = Agreement::ChangesRequested { side: Side::Mentor };
        assert_eq!(asked.waiting_for(), Some(Side::Mentee));
        assert_eq!(
            asked.after(JointStep::Agree, Side::Mentee),
            Err(JointRefusal::NotWaiting)
        );
        assert_eq!(
            asked.after(JointStep::Rewrite, Side::Mentee),
            Ok(Agreement::Proposed { side: Side::Mentee })
        );
        // Rewriting an agreed item asks the other side again.
        assert_eq!(
            Agreement::Agreed.after(JointStep::Rewrite, Side::Mentor),
            Ok(Agreement::Proposed { side: Side::Mentor })
        );
        assert_eq!(
            Agreement::Agreed.after(JointStep::Agree, Side::Mentee),
            Err(JointRefusal::NotWaiting)
        );
        assert_eq!(Agreement::Agreed.waiting_for(), None);
    }

    #[test]
    fn the_stored_columns_round_trip() {
        for agreement in [
            Agreement::Proposed { side: Side::Mentor },
            Agreement::Agreed,
            Agreement::ChangesRequested { side: Side::Mentee },
        ] {
            let side = agreement.side_or(Side::Mentor);
            assert_eq!(Agreement::parse(agreement.as_str(), side), Some(agreement));
        }
        assert_eq!(Side::parse("mentee"), Some(Side::Mentee));
        assert_eq!(Side::parse("coordinator"), None);
    }
}
