//! The email outbox: every message the program sends, in the recipient's language.
//!
//! Messages are stored first, then delivered by the server's mailer when SMTP is
//! configured (otherwise only logged). Coordinators read them on the outbox page.
pub mod api;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod compose;
#[cfg(feature = "ssr")]
pub mod repo;

use serde::{Deserialize, Serialize};

/// What a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmailKind {
    Invitation,
    PasswordReset,
    ApplicationReceived,
    ApplicationInfoRequested,
    ApplicationDeclined,
    PairProposed,
    /// A goal or a meeting waits for the recipient's agreement.
    AgreementRequested,
    /// A meeting was planned or changed.
    MeetingPlanned,
    FeedbackReceived,
    /// The day before a meeting.
    MeetingReminder,
    /// A coordinator's reminder about something waiting (an attention item).
    Nudge,
}

impl EmailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EmailKind::Invitation => "invitation",
            EmailKind::PasswordReset => "password_reset",
            EmailKind::ApplicationReceived => "application_received",
            EmailKind::ApplicationInfoRequested => "application_info_requested",
            EmailKind::ApplicationDeclined => "application_declined",
            EmailKind::PairProposed => "pair_proposed",
            EmailKind::AgreementRequested => "agreement_requested",
            EmailKind::MeetingPlanned => "meeting_planned",
            EmailKind::FeedbackReceived => "feedback_received",
            EmailKind::MeetingReminder => "meeting_reminder",
            EmailKind::Nudge => "nudge",
        }
    }

    pub fn parse(value: &str) -> Option<EmailKind> {
        [
            EmailKind::Invitation,
            EmailKind::PasswordReset,
            EmailKind::ApplicationReceived,
            EmailKind::ApplicationInfoRequested,
            EmailKind::ApplicationDeclined,
            EmailKind::PairProposed,
            EmailKind::AgreementRequested,
            EmailKind::MeetingPlanned,
            EmailKind::FeedbackReceived,
            EmailKind::MeetingReminder,
            EmailKind::Nudge,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == value)
    }

    /// A link that gives access to an existing account: only its owner may ever
    /// see it (a coordinator reading it could take the account over).
    pub fn link_is_private(self) -> bool {
        // An applicant's link lets its holder withdraw the application. A
        // proposal (and every message about a pair's workspace) links to the
        // recipient's area, which asks them to sign in.
        !matches!(
            self,
            EmailKind::Invitation
                | EmailKind::PairProposed
                | EmailKind::AgreementRequested
                | EmailKind::MeetingPlanned
                | EmailKind::FeedbackReceived
                | EmailKind::MeetingReminder
                | EmailKind::Nudge
        )
    }
}

/// A message as the coordinator reads it on the outbox page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: i64,
    pub kind: Option<EmailKind>,
    pub recipient: String,
    pub locale: String,
    pub subject: String,
    pub body: String,
    /// The message's link; always withheld for a private link (password reset).
    pub action_url: Option<String>,
    pub link_withheld: bool,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub last_error: Option<String>,
}

/// The outbox page: messages and whether an SMTP server delivers them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxOverview {
    pub messages: Vec<OutboxMessage>,
    pub smtp_configured: bool,
}

/// The text of the email as sent: the body, then the link on its own line.
pub fn full_text(body: &str, action_url: Option<&str>) -> String {
    match action_url {
        Some(url) => format!("{body}\n\n{url}\n"),
        None => format!("{body}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_only_reset_links_are_private() {
        for kind in [
            EmailKind::Invitation,
            EmailKind::PasswordReset,
            EmailKind::ApplicationReceived,
            EmailKind::ApplicationInfoRequested,
            EmailKind::ApplicationDeclined,
            EmailKind::PairProposed,
        ] {
            assert_eq!(EmailKind::parse(kind.as_str()), Some(kind));
        }
        assert!(EmailKind::PasswordReset.link_is_private());
        assert!(EmailKind::ApplicationDeclined.link_is_private());
        assert!(!EmailKind::Invitation.link_is_private());
    }

    #[test]
    fn the_link_goes_on_its_own_line() {
        assert_eq!(
            full_text("Bonjour", Some("https://x/y")),
            "Bonjour\n\nhttps://x/y\n"
        );
        assert_eq!(full_text("Bonjour", None), "Bonjour\n");
    }
}
