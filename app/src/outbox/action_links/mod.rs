//! Acting from the email: links that let a person give a small, low-risk
//! answer without signing in (agree to a meeting's objectives, confirm "we
//! met", acknowledge feedback). A link is a random token stored hashed, tied
//! to one person, one action and one version of one object; it expires after
//! `VALID_DAYS` and works once. Opening it shows what it will do and one
//! button (a GET never acts: mail scanners open links); a link whose object
//! changed since says the other person changed something. Anything else
//! still asks to sign in.
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

/// How long a link works.
pub const VALID_DAYS: i64 = 14;

crate::stored_enum! {
    /// What a link does.
    #[derive(Hash)]
    pub enum LinkAction {
        /// Agree to a meeting (its time, place and objectives) the other planned.
        AgreeMeeting,
        /// Say that an agreed meeting that has started took place.
        ConfirmMet,
        /// The mentee acknowledges feedback.
        AcknowledgeFeedback,
    }
}

/// Why a link no longer works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkProblem {
    /// Older than `VALID_DAYS`.
    Expired,
    /// It was used already.
    Used,
    /// The object changed since the email (the other person changed
    /// something, or it was answered in the workspace).
    Stale,
}

/// A stored link as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkFacts {
    pub expires_at: DateTime<Utc>,
    pub used: bool,
    pub version: i64,
}

/// Whether the link still works at `now`, the object being at
/// `current_version`. Used first (a link used once says so, even later),
/// then expired, then stale.
pub fn check(
    link: &LinkFacts,
    current_version: i64,
    now: DateTime<Utc>,
) -> Result<(), LinkProblem> {
    if link.used {
        Err(LinkProblem::Used)
    } else if now >= link.expires_at {
        Err(LinkProblem::Expired)
    } else if current_version != link.version {
        Err(LinkProblem::Stale)
    } else {
        Ok(())
    }
}

/// When a link made at `now` expires.
pub fn expiry(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::days(VALID_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|time| time.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn link(used: bool) -> LinkFacts {
        LinkFacts {
            expires_at: expiry(at("2026-12-01T10:00:00Z")),
            used,
            version: 3,
        }
    }

    #[test]
    fn a_link_works_once_until_it_expires_on_the_version_it_was_made_for() {
        let now = at("2026-12-02T10:00:00Z");
        assert_eq!(check(&link(false), 3, now), Ok(()));
        assert_eq!(check(&link(true), 3, now), Err(LinkProblem::Used));
        assert_eq!(check(&link(false), 4, now), Err(LinkProblem::Stale));
        let late = at("2026-12-15T10:00:00Z");
        assert_eq!(check(&link(false), 3, late), Err(LinkProblem::Expired));
        // A used link says so, even once expired or stale.
        assert_eq!(check(&link(true), 4, late), Err(LinkProblem::Used));
    }

    #[test]
    fn links_last_two_weeks_and_actions_round_trip() {
        let made = at("2026-12-01T10:00:00Z");
        assert_eq!(expiry(made), at("2026-12-15T10:00:00Z"));
        for action in [
            LinkAction::AgreeMeeting,
            LinkAction::ConfirmMet,
            LinkAction::AcknowledgeFeedback,
        ] {
            assert_eq!(LinkAction::parse(action.as_str()), Some(action));
        }
        assert_eq!(LinkAction::parse("end_pair"), None);
    }
}
