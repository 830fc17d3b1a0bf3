//! Meetings in people's own calendars: an `.ics` file per meeting, for the
//! pair's two people only (their session decides), and a private feed URL
//! per person that calendar apps poll. The feed's token is shown once, stored
//! only as its hash, and can be replaced or turned off at any time. Neither
//! holds notes of any kind: times, place, objectives and the other person's
//! name only.
use serde::{Deserialize, Serialize};

pub mod api;
pub mod ics;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

/// The meeting id in a file name such as `12.ics`.
pub fn meeting_id_of_file(file: &str) -> Option<i64> {
    file.strip_suffix(".ics")?
        .parse()
        .ok()
        .filter(|id: &i64| *id > 0)
}

/// The token in a feed's file name (`<token>.ics`).
pub fn token_of_file(file: &str) -> Option<&str> {
    file.strip_suffix(".ics")
        .filter(|token| !token.is_empty() && token.len() <= 128)
}

/// Past meetings older than this are left out of a feed.
pub const FEED_HISTORY_DAYS: i64 = 90;

/// A person's feed, as they see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedState {
    /// When the current link was made (program time), if there is one.
    pub created: Option<String>,
    /// The link itself, only right after it was made (it is not stored).
    pub new_link: Option<String>,
}

/// The same link for calendar apps that subscribe through `webcal://`.
pub fn webcal_link(link: &str) -> String {
    match link.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => link.to_owned(),
    }
}

#[cfg(feature = "ssr")]
mod files;
#[cfg(feature = "ssr")]
pub use files::{feed_file, meeting_file, refusal_text};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::meeting_file_path;

    #[test]
    fn file_names_give_back_their_meeting_or_token() {
        assert_eq!(meeting_id_of_file(&meeting_file_path(12)[10..]), Some(12));
        assert_eq!(meeting_id_of_file("12"), None);
        assert_eq!(meeting_id_of_file("-3.ics"), None);
        assert_eq!(meeting_id_of_file("x.ics"), None);
        assert_eq!(token_of_file("abc_DEF-1.ics"), Some("abc_DEF-1"));
        assert_eq!(token_of_file(".ics"), None);
        assert_eq!(token_of_file("abc"), None);
    }

    #[test]
    fn feeds_can_be_subscribed_to_through_webcal() {
        assert_eq!(
            webcal_link("https://mentorat.example/calendar/t.ics"),
            "webcal://mentorat.example/calendar/t.ics"
        );
    }
}
