//! Messages: a short thread per pair, text only, newest last, between its two
//! people. Each may show the other their email address or a phone number.
//! The coordination never reads the thread; a person may report one message
//! of the other's to her, and she then reads that message alone (the report
//! is audited). Once the pair is no longer active the thread is read-only.
use serde::{Deserialize, Serialize};

pub mod api;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

/// Longest message, in characters.
pub const MESSAGE_MAX_CHARS: usize = 2000;
pub use crate::input::{parse_phone, PHONE_MAX_CHARS};

/// One message as one of the two people reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: i64,
    /// Written by the reader.
    pub mine: bool,
    pub body: String,
    /// Program time (`YYYY-MM-DD HH:MM`).
    pub sent: String,
    /// Reported to the coordination (shown to the reporter only).
    pub reported: bool,
}

/// What one person shows the other.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A pair's thread for one of its two people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thread {
    pub pair_id: i64,
    pub partner_name: String,
    /// Oldest first: the newest is last.
    pub messages: Vec<Message>,
    /// False once the pair is no longer active.
    pub writable: bool,
    /// What the other person chose to show the reader.
    pub partner_contact: Contact,
    /// What the reader shows the other person.
    pub my_sharing: Contact,
}

/// A reported message, as the coordination reads it: that message alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedMessage {
    pub id: i64,
    pub author_name: String,
    pub body: String,
    pub sent: String,
    pub reported: String,
    pub note: Option<String>,
}

/// The messages `reader` has not read: the other side's, newer than the
/// last one they read.
pub fn unread(messages: &[(i64, bool)], last_read: Option<i64>) -> usize {
    messages
        .iter()
        .filter(|(id, mine)| !mine && last_read.is_none_or(|last| *id > last))
        .count()
}

/// A message may be reported by the person it was sent to, once.
pub fn may_report(mine: bool, already_reported: bool) -> bool {
    !mine && !already_reported
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_other_sides_newer_messages_are_unread() {
        let thread = [(1, false), (2, true), (3, false), (4, false)];
        assert_eq!(unread(&thread, None), 3);
        assert_eq!(unread(&thread, Some(3)), 1);
        assert_eq!(unread(&thread, Some(4)), 0);
        assert_eq!(unread(&[(5, true)], None), 0);
    }

    #[test]
    fn a_message_is_reported_by_its_reader_once() {
        assert!(may_report(false, false));
        assert!(!may_report(true, false));
        assert!(!may_report(false, true));
    }

    #[test]
    fn phone_numbers_are_checked_loosely() {
        assert_eq!(parse_phone(" 514 555-0199 "), Some("514 555-0199".into()));
        assert_eq!(
            parse_phone("+1 (438) 555.0100"),
            Some("+1 (438) 555.0100".into())
        );
        assert_eq!(parse_phone("555"), None);
        assert_eq!(parse_phone("call me maybe 5145550199"), None);
        assert_eq!(parse_phone(""), None);
    }
}
