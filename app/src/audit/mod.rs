//! The audit log of security events: what is recorded, and how. Coordinators
//! read it on the audit page (`journals`).

#[cfg(feature = "ssr")]
pub mod repo;

use serde::{Deserialize, Serialize};

crate::stored_enum! {
    /// What happened. Stored by name; each has a localized label.
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
        /// A coordinator opened a participant's page. Recorded until issue 20;
        /// such reads now go to the log of reads (`access_log`).
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
        /// A coordinator concluded a cohort (detail: its code and what changed).
        CohortConcluded,
        /// A coordinator recorded a mentor's eligibility answers to invite or
        /// promote them without an application (subject: the address;
        /// detail: how, and the three answers).
        MentorEligibilityRecorded,
        /// A coordinator sent the invitations of an imported list (detail:
        /// the cohort and how many).
        MenteesImported,
        /// A coordinator asked mentors of a cohort to take part in another
        /// (detail: from → to, and how many).
        MentorsCarriedOver,
        /// A mentor confirmed or declined taking part in a cohort (subject:
        /// their account; detail: the cohort and the answer).
        CohortParticipationAnswered,
        /// A questionnaire went to a cohort: the evaluation when it was
        /// concluded, the pulse at its middle (detail: cohort, kind, how many).
        QuestionnaireSent,
        /// A coordinator changed a questionnaire's questions (detail: which
        /// questionnaire, what, which question).
        QuestionnaireEdited,
        /// A coordinator read one person's questionnaire answers (subject: their
        /// account id; detail: the cohort and the questionnaire). Recorded
        /// until issue 20; such reads now go to the log of reads (`access_log`).
        QuestionnaireAnswersViewed,
        /// A person withdrew an optional consent (detail: its purpose).
        ConsentWithdrawn,
        /// A person consented to a new version of the privacy notice
        /// (detail: the version).
        ConsentRenewed,
        /// A person downloaded their data (detail: its size).
        PersonalDataDownloaded,
        /// The privacy officer named the person in charge shown on the
        /// privacy page (subject: the address shown).
        PersonInChargeNamed,
        /// The privacy officer handed the charge to another coordinator
        /// (subject: the new officer's address; detail: from → to).
        PrivacyOfficerChanged,
        /// The privacy officer published a new version of the privacy
        /// notice (detail: the version, and whether the change is material).
        PrivacyNoticePublished,
        /// The privacy officer recorded a confidentiality incident (detail:
        /// its number and the risk assessed; never what it concerns).
        ConfidentialityIncidentRecorded,
        /// The privacy officer changed an incident of the register (detail:
        /// its number and the risk assessed).
        ConfidentialityIncidentEdited,
        /// A person asked for the deletion of their data (subject: their account id).
        DeletionRequested,
        /// A person took back their request for deletion (subject: their account id).
        DeletionCancelled,
        /// A coordinator confirmed a request and the person's data was erased
        /// (subject: the emptied account's id; detail: the register's number).
        PersonErased,
        /// The retention rules ran (detail: how many of each kind were removed).
        RetentionApplied,
        /// A coordinator changed the retention periods (detail: the four periods).
        RetentionChanged,
        /// A signed-in person typed a wrong current password to change it
        /// (subject: their address; counted with the sign-in failures).
        CurrentPasswordFailed,
        /// A signed-in person's check of their current password was refused
        /// without being made: too many failures (subject: their address).
        CurrentPasswordThrottled,
        /// A person ended one or all other of their sessions from "my
        /// sessions" (detail: how many).
        SessionsEnded,
        /// A person turned two-step sign-in on (confirmed their app's first code).
        MfaEnabled,
        /// A person turned their two-step sign-in off (with a code).
        MfaDisabled,
        /// A coordinator reset another person's two-step sign-in, confirming
        /// with their own code (subject: the person's account id).
        MfaReset,
        /// A coordinator turned the requirement for coordinators on or off (detail: on/off).
        MfaRequirementChanged,
        /// A recovery code opened a sign-in (detail: how many are left).
        RecoveryCodeUsed,
        /// A wrong code at the second step of a sign-in (subject: the address).
        SecondStepFailed,
    }
}

impl AuditEvent {
    pub const ALL: [AuditEvent; 63] = [
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
        AuditEvent::CohortConcluded,
        AuditEvent::MentorEligibilityRecorded,
        AuditEvent::MenteesImported,
        AuditEvent::MentorsCarriedOver,
        AuditEvent::CohortParticipationAnswered,
        AuditEvent::QuestionnaireSent,
        AuditEvent::QuestionnaireEdited,
        AuditEvent::QuestionnaireAnswersViewed,
        AuditEvent::ConsentWithdrawn,
        AuditEvent::ConsentRenewed,
        AuditEvent::PersonalDataDownloaded,
        AuditEvent::PersonInChargeNamed,
        AuditEvent::PrivacyOfficerChanged,
        AuditEvent::PrivacyNoticePublished,
        AuditEvent::ConfidentialityIncidentRecorded,
        AuditEvent::ConfidentialityIncidentEdited,
        AuditEvent::DeletionRequested,
        AuditEvent::DeletionCancelled,
        AuditEvent::PersonErased,
        AuditEvent::RetentionApplied,
        AuditEvent::RetentionChanged,
        AuditEvent::CurrentPasswordFailed,
        AuditEvent::CurrentPasswordThrottled,
        AuditEvent::SessionsEnded,
        AuditEvent::MfaEnabled,
        AuditEvent::MfaDisabled,
        AuditEvent::MfaReset,
        AuditEvent::MfaRequirementChanged,
        AuditEvent::RecoveryCodeUsed,
        AuditEvent::SecondStepFailed,
    ];

    /// Events a coordinator should notice at a glance.
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            AuditEvent::LoginFailed
                | AuditEvent::LoginThrottled
                | AuditEvent::AccountDisabled
                | AuditEvent::CurrentPasswordFailed
                | AuditEvent::CurrentPasswordThrottled
                | AuditEvent::MfaDisabled
                | AuditEvent::MfaReset
                | AuditEvent::SecondStepFailed
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
    /// How many times it happened from that client within the minute (a
    /// flood of refused sign-ins is one row); 1 for every other event.
    pub repeats: i64,
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
