//! The audit log of security events: what is recorded, and how. Coordinators
//! read it on the audit page (`journals`).

#[cfg(feature = "ssr")]
pub mod repo;

use serde::{Deserialize, Serialize};

/// What happened. Stored by name; each has a localized label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditEvent {
    LoginSucceeded,
    LoginFailed,
    LoginThrottled,
    LoggedOut,
    MenteeRegistered,
    InvitationSent,
    InvitationAccepted,
    PasswordResetRequested,
    PasswordReset,
    PasswordChanged,
    RoleChanged,
    AccountDisabled,
    AccountEnabled,
    RegistrationOpened,
    RegistrationClosed,
    CoordinatorCreated,
    ApplicationSubmitted,
    ApplicationAccepted,
    ApplicationDeclined,
    ApplicationInfoRequested,
    ApplicationWithdrawn,
    ProfileUpdated,
    PairProposed,
    PairAnswered,
    PairWithdrawn,
    PairEnded,
    MatchingSettingsChanged,
    NudgeSent,
    ParticipantViewed,
    /// A coordinator downloaded an export (detail: cohort code and kind).
    DataExported,
    /// One of a pair's two people asked to end it (detail: the pair).
    PairEndRequested,
    /// A pair's member reported a message to the coordination (detail: pair, message).
    MessageReported,
    /// A person answered from an email's link, without signing in (detail:
    /// the action and its object).
    EmailActionUsed,
}

impl AuditEvent {
    pub const ALL: [AuditEvent; 33] = [
        AuditEvent::LoginSucceeded,
        AuditEvent::LoginFailed,
        AuditEvent::LoginThrottled,
        AuditEvent::LoggedOut,
        AuditEvent::MenteeRegistered,
        AuditEvent::InvitationSent,
        AuditEvent::InvitationAccepted,
        AuditEvent::PasswordResetRequested,
        AuditEvent::PasswordReset,
        AuditEvent::PasswordChanged,
        AuditEvent::RoleChanged,
        AuditEvent::AccountDisabled,
        AuditEvent::AccountEnabled,
        AuditEvent::RegistrationOpened,
        AuditEvent::RegistrationClosed,
        AuditEvent::CoordinatorCreated,
        AuditEvent::ApplicationSubmitted,
        AuditEvent::ApplicationAccepted,
        AuditEvent::ApplicationDeclined,
        AuditEvent::ApplicationInfoRequested,
        AuditEvent::ApplicationWithdrawn,
        AuditEvent::ProfileUpdated,
        AuditEvent::PairProposed,
        AuditEvent::PairAnswered,
        AuditEvent::PairWithdrawn,
        AuditEvent::PairEnded,
        AuditEvent::MatchingSettingsChanged,
        AuditEvent::NudgeSent,
        AuditEvent::ParticipantViewed,
        AuditEvent::DataExported,
        AuditEvent::PairEndRequested,
        AuditEvent::MessageReported,
        AuditEvent::EmailActionUsed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditEvent::LoginSucceeded => "login_succeeded",
            AuditEvent::LoginFailed => "login_failed",
            AuditEvent::LoginThrottled => "login_throttled",
            AuditEvent::LoggedOut => "logged_out",
            AuditEvent::MenteeRegistered => "mentee_registered",
            AuditEvent::InvitationSent => "invitation_sent",
            AuditEvent::InvitationAccepted => "invitation_accepted",
            AuditEvent::PasswordResetRequested => "password_reset_requested",
            AuditEvent::PasswordReset => "password_reset",
            AuditEvent::PasswordChanged => "password_changed",
            AuditEvent::RoleChanged => "role_changed",
            AuditEvent::AccountDisabled => "account_disabled",
            AuditEvent::AccountEnabled => "account_enabled",
            AuditEvent::RegistrationOpened => "registration_opened",
            AuditEvent::RegistrationClosed => "registration_closed",
            AuditEvent::CoordinatorCreated => "coordinator_created",
            AuditEvent::ApplicationSubmitted => "application_submitted",
            AuditEvent::ApplicationAccepted => "application_accepted",
            AuditEvent::ApplicationDeclined => "application_declined",
            AuditEvent::ApplicationInfoRequested => "application_info_requested",
            AuditEvent::ApplicationWithdrawn => "application_withdrawn",
            AuditEvent::ProfileUpdated => "profile_updated",
            AuditEvent::PairProposed => "pair_proposed",
            AuditEvent::PairAnswered => "pair_answered",
            AuditEvent::PairWithdrawn => "pair_withdrawn",
            AuditEvent::PairEnded => "pair_ended",
            AuditEvent::MatchingSettingsChanged => "matching_settings_changed",
            AuditEvent::NudgeSent => "nudge_sent",
            AuditEvent::ParticipantViewed => "participant_viewed",
            AuditEvent::DataExported => "data_exported",
            AuditEvent::PairEndRequested => "pair_end_requested",
            AuditEvent::MessageReported => "message_reported",
            AuditEvent::EmailActionUsed => "email_action_used",
        }
    }

    pub fn parse(value: &str) -> Option<AuditEvent> {
        AuditEvent::ALL
            .into_iter()
            .find(|event| event.as_str() == value)
    }

    /// Events a coordinator should notice at a glance.
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            AuditEvent::LoginFailed | AuditEvent::LoginThrottled | AuditEvent::AccountDisabled
        )
    }
}

/// One line of the audit log as the coordinator reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    /// `None` for an event name this version does not know (kept, shown raw).
    pub event: Option<AuditEvent>,
    pub event_name: String,
    pub actor: Option<String>,
    pub subject: Option<String>,
    pub client: Option<String>,
    pub detail: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_has_a_distinct_stored_name() {
        for event in AuditEvent::ALL {
            assert_eq!(AuditEvent::parse(event.as_str()), Some(event));
        }
        let mut names: Vec<&str> = AuditEvent::ALL.iter().map(|e| e.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), AuditEvent::ALL.len());
    }
}
