//! The email outbox: every message the program sends, in the recipient's language.
//!
//! Messages are stored first, then delivered by the server's mailer when SMTP is
//! configured (otherwise only logged). Coordinators read them on the outbox page.

pub mod action_links;
pub mod backoff;
#[cfg(feature = "ssr")]
pub mod compose;
#[cfg(feature = "ssr")]
pub mod digest;
#[cfg(feature = "ssr")]
pub mod repo;

use serde::{Deserialize, Serialize};

crate::stored_enum! {
    /// What a message is about.
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
        /// To the coordination: one of the two declined a proposal (with why).
        PairDeclined,
        /// To the coordination and to the pair's two people: both accepted.
        PairActivated,
        /// To the two people: the coordination withdrew the proposal.
        PairWithdrawn,
        /// To the two people: the coordination ended the pair (never with its
        /// reason, which is the coordination's own).
        PairEnded,
        /// To the coordination: one of the two answered the fit check "not a fit".
        NotAFit,
        /// To the other person: a meeting was cancelled.
        MeetingCancelled,
        /// To the person who proposed a goal or a meeting: the other asks a change.
        ChangeRequested,
        /// To the mentor: the mentee acknowledged (or answered) their feedback.
        FeedbackAcknowledged,
        /// The notices held for a person who chose a weekly digest.
        WeeklyDigest,
        /// A coordinator's reminder about something waiting (an attention item).
        Nudge,
        /// To the coordination: one of the two asks to end their pair (with why).
        EndRequested,
        /// To the other person: a message arrived (never its words).
        MessageReceived,
        /// To the coordination: a message was reported to her (never its words).
        MessageReported,
        /// To a mentor carried over to a new cohort: confirm your capacity
        /// and availability for it (the link asks to sign in).
        CohortInvitation,
        /// To a person of a cohort: a questionnaire (evaluation or pulse) waits for them.
        QuestionnaireSent,
        /// The one reminder of a questionnaire not sent a week later.
        QuestionnaireReminder,
        /// To a student who registered: the link that creates the account.
        RegistrationConfirmation,
        /// To the owner of an account: someone tried to register with the
        /// address (the link goes to the sign-in page).
        RegistrationNotice,
    }
}

impl EmailKind {
    pub const ALL: [EmailKind; 28] = [
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
        EmailKind::PairDeclined,
        EmailKind::PairActivated,
        EmailKind::PairWithdrawn,
        EmailKind::PairEnded,
        EmailKind::NotAFit,
        EmailKind::MeetingCancelled,
        EmailKind::ChangeRequested,
        EmailKind::FeedbackAcknowledged,
        EmailKind::WeeklyDigest,
        EmailKind::Nudge,
        EmailKind::EndRequested,
        EmailKind::MessageReceived,
        EmailKind::MessageReported,
        EmailKind::CohortInvitation,
        EmailKind::QuestionnaireSent,
        EmailKind::QuestionnaireReminder,
        EmailKind::RegistrationConfirmation,
        EmailKind::RegistrationNotice,
    ];

    /// A link that gives access to an existing account: only its owner may ever
    /// see it (a coordinator reading it could take the account over).
    pub fn link_is_private(self) -> bool {
        // An applicant's link lets its holder withdraw the application. A
        // proposal (and most messages about a pair) links to the recipient's
        // area, which asks them to sign in. A meeting planned, feedback
        // received and a nudge may carry an action link that answers without
        // signing in (`email_links`): private.
        // A kind not listed here is private: a new kind is safe by default.
        !matches!(
            self,
            EmailKind::Invitation
                | EmailKind::PairProposed
                | EmailKind::AgreementRequested
                | EmailKind::MeetingReminder
                | EmailKind::PairDeclined
                | EmailKind::PairActivated
                | EmailKind::PairWithdrawn
                | EmailKind::PairEnded
                | EmailKind::NotAFit
                | EmailKind::MeetingCancelled
                | EmailKind::ChangeRequested
                | EmailKind::FeedbackAcknowledged
                | EmailKind::WeeklyDigest
                | EmailKind::EndRequested
                | EmailKind::MessageReceived
                | EmailKind::MessageReported
                | EmailKind::CohortInvitation
                // A questionnaire's page asks its author to sign in.
                | EmailKind::QuestionnaireSent
                | EmailKind::QuestionnaireReminder
                // The sign-in page.
                | EmailKind::RegistrationNotice
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
    /// Attempts made so far.
    pub attempts: i64,
    /// When a failed message is tried again (`backoff`).
    pub next_attempt_at: Option<String>,
    /// When it was given up after its last attempt.
    pub failed_at: Option<String>,
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
        for kind in EmailKind::ALL {
            assert_eq!(EmailKind::parse(kind.as_str()), Some(kind));
        }
        assert!(!EmailKind::PairEnded.link_is_private());
        assert!(!EmailKind::WeeklyDigest.link_is_private());
        assert!(EmailKind::PasswordReset.link_is_private());
        assert!(EmailKind::MeetingPlanned.link_is_private());
        assert!(EmailKind::FeedbackReceived.link_is_private());
        assert!(EmailKind::Nudge.link_is_private());
        assert!(EmailKind::ApplicationDeclined.link_is_private());
        assert!(!EmailKind::Invitation.link_is_private());
        assert!(EmailKind::RegistrationConfirmation.link_is_private());
        assert!(!EmailKind::RegistrationNotice.link_is_private());
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
