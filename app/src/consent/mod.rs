//! Consents (Law 25, issue 20 item 1): each consent a person gives names the
//! version of the privacy notice they read, where they gave it and for what
//! purpose. Taking part in the program is the one required purpose; the
//! others are optional and may be withdrawn at any time, which undoes what
//! they allowed (a published testimonial comes off the home page, notices
//! stop waiting for the weekly digest).
//!
//! A material change of the notice asks for the required consent again at the
//! person's next sign-in ([`renewal_due`]).
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

crate::stored_enum! {
    /// What a consent allows.
    #[derive(Hash)]
    pub enum ConsentPurpose {
        /// Taking part in the program: the account, the profile, the pairs
        /// and their records, as the notice describes. Required.
        Program,
        /// Showing a testimonial they wrote on the home page, once approved.
        TestimonialPublication,
        /// Keeping the notices that can wait, to send them in one weekly email.
        WeeklyDigest,
    }
}

impl ConsentPurpose {
    pub const ALL: [ConsentPurpose; 3] = [
        ConsentPurpose::Program,
        ConsentPurpose::TestimonialPublication,
        ConsentPurpose::WeeklyDigest,
    ];

    /// Whether a person may withdraw it and keep taking part.
    pub fn is_optional(self) -> bool {
        !matches!(self, ConsentPurpose::Program)
    }
}

crate::stored_enum! {
    /// Where a consent was given.
    #[derive(Hash)]
    pub enum ConsentContext {
        /// A student registering.
        Registration,
        /// A candidate mentor applying (before they have an account).
        Application,
        /// Someone accepting an invitation.
        Invitation,
        /// An account made by the program (the first coordinator, demo data).
        AccountCreated,
        /// Consenting again to a new version of the notice at sign-in.
        Renewal,
        /// A choice made in the app (writing a testimonial, the weekly digest).
        Choice,
    }
}

/// One consent as its person sees it in "my account".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub id: i64,
    pub purpose: ConsentPurpose,
    pub notice_version: i64,
    pub context: ConsentContext,
    /// Stored UTC text.
    pub given_at: String,
    /// Stored UTC text, once withdrawn.
    pub withdrawn_at: Option<String>,
}

impl ConsentRecord {
    /// Given and not withdrawn.
    pub fn in_force(&self) -> bool {
        self.withdrawn_at.is_none()
    }

    /// Whether its person may withdraw it now.
    pub fn may_withdraw(&self) -> bool {
        self.in_force() && self.purpose.is_optional()
    }
}

/// The version a person must consent to again, if any: the latest material
/// version of the notice when their required consent in force names an
/// earlier one (or when they have none in force).
pub fn renewal_due(consents: &[ConsentRecord], latest_material_version: i64) -> Option<i64> {
    let consented = consents
        .iter()
        .filter(|consent| consent.purpose == ConsentPurpose::Program && consent.in_force())
        .map(|consent| consent.notice_version)
        .max();
    match consented {
        Some(version) if version >= latest_material_version => None,
        _ => Some(latest_material_version),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consent(purpose: ConsentPurpose, version: i64, withdrawn: bool) -> ConsentRecord {
        ConsentRecord {
            id: 1,
            purpose,
            notice_version: version,
            context: ConsentContext::Registration,
            given_at: "2026-01-01T00:00:00Z".to_owned(),
            withdrawn_at: withdrawn.then(|| "2026-02-01T00:00:00Z".to_owned()),
        }
    }

    #[test]
    fn the_program_consent_alone_is_required() {
        assert!(!ConsentPurpose::Program.is_optional());
        assert!(ConsentPurpose::TestimonialPublication.is_optional());
        assert!(ConsentPurpose::WeeklyDigest.is_optional());
        assert!(!consent(ConsentPurpose::Program, 1, false).may_withdraw());
        assert!(consent(ConsentPurpose::WeeklyDigest, 1, false).may_withdraw());
        assert!(!consent(ConsentPurpose::WeeklyDigest, 1, true).may_withdraw());
    }

    #[test]
    fn a_material_version_after_the_consent_asks_again() {
        let given = [consent(ConsentPurpose::Program, 1, false)];
        assert_eq!(renewal_due(&given, 1), None);
        assert_eq!(renewal_due(&given, 2), Some(2));
        let renewed = [
            consent(ConsentPurpose::Program, 1, false),
            consent(ConsentPurpose::Program, 2, false),
        ];
        assert_eq!(renewal_due(&renewed, 2), None);
    }

    #[test]
    fn an_optional_consent_to_the_new_version_does_not_count() {
        let given = [
            consent(ConsentPurpose::Program, 1, false),
            consent(ConsentPurpose::WeeklyDigest, 3, false),
        ];
        assert_eq!(renewal_due(&given, 3), Some(3));
    }

    #[test]
    fn nobody_without_a_consent_in_force_escapes_it() {
        assert_eq!(renewal_due(&[], 1), Some(1));
        assert_eq!(
            renewal_due(&[consent(ConsentPurpose::Program, 5, true)], 1),
            Some(1)
        );
    }
}
