//! Pairs: a mentor and a mentee the coordinator proposed together. Each of the
//! two accepts or declines; the pair is active when both accept. Proposed and
//! active pairs count against the mentor's capacity.
use serde::{Deserialize, Serialize};

pub mod api;
pub mod partner;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

crate::stored_enum! {
    #[derive(Hash)]
    pub enum PairStatus {
        Proposed,
        Active,
        Declined,
        Withdrawn,
        /// Ended early, with a reason.
        Ended,
        /// Open when its cohort closed: carried through to the end.
        Completed,
    }
}

impl PairStatus {
    pub const OPEN: [PairStatus; 2] = [PairStatus::Proposed, PairStatus::Active];

    /// Proposed or active: the mentee is taken and the mentor's place is used.
    pub fn is_open(self) -> bool {
        Self::OPEN.contains(&self)
    }
}

crate::stored_enum! {
    /// One person's answer to a proposal.
    #[derive(Hash)]
    pub enum Answer {
        Accepted,
        Declined,
    }
}

/// Which of the two a person is in a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    Mentor,
    Mentee,
}

/// What a proposal becomes once both answers so far are known: declined as soon
/// as one declines, active when both accept, proposed while one is awaited.
pub fn status_after(mentee: Option<Answer>, mentor: Option<Answer>) -> PairStatus {
    match (mentee, mentor) {
        (Some(Answer::Declined), _) | (_, Some(Answer::Declined)) => PairStatus::Declined,
        (Some(Answer::Accepted), Some(Answer::Accepted)) => PairStatus::Active,
        _ => PairStatus::Proposed,
    }
}

/// A pair as one of its two people sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPair {
    pub id: i64,
    pub status: PairStatus,
    pub side: Side,
    pub partner_name: String,
    pub my_answer: Option<Answer>,
    pub partner_answer: Option<Answer>,
    /// Why this person declined, when they did: it is read by them and the
    /// coordination. The other person's decline reason and the coordination's
    /// end reason are never sent here.
    pub my_reason: Option<String>,
    pub proposed_at: String,
    /// Who the other person is, to decide on the proposal (proposed and
    /// active pairs only).
    pub partner: Option<partner::PartnerProfile>,
}

/// A pair as the coordinator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairRow {
    pub id: i64,
    pub mentee_profile_id: i64,
    pub mentee_name: String,
    pub mentor_profile_id: i64,
    pub mentor_name: String,
    pub status: PairStatus,
    pub score: i64,
    pub mentee_answer: Option<Answer>,
    pub mentor_answer: Option<Answer>,
    /// Why it was declined (the side whose answer says so) or ended: the
    /// coordination's to read.
    pub reason: Option<String>,
    pub proposed_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_active_only_when_both_accept_and_declined_as_soon_as_one_declines() {
        use Answer::*;
        assert_eq!(status_after(None, None), PairStatus::Proposed);
        assert_eq!(status_after(Some(Accepted), None), PairStatus::Proposed);
        assert_eq!(status_after(None, Some(Accepted)), PairStatus::Proposed);
        assert_eq!(
            status_after(Some(Accepted), Some(Accepted)),
            PairStatus::Active
        );
        assert_eq!(status_after(Some(Declined), None), PairStatus::Declined);
        assert_eq!(
            status_after(Some(Accepted), Some(Declined)),
            PairStatus::Declined
        );
    }

    #[test]
    fn statuses_and_answers_round_trip() {
        for status in [
            PairStatus::Proposed,
            PairStatus::Active,
            PairStatus::Declined,
            PairStatus::Withdrawn,
            PairStatus::Ended,
            PairStatus::Completed,
        ] {
            assert_eq!(PairStatus::parse(status.as_str()), Some(status));
        }
        assert!(PairStatus::Active.is_open() && !PairStatus::Ended.is_open());
        assert!(!PairStatus::Completed.is_open());
        assert_eq!(Answer::parse("accepted"), Some(Answer::Accepted));
        assert_eq!(Answer::parse("maybe"), None);
    }
}
