//! Accounts, roles, sessions and access control.
//!
//! Shared types and validation live here (compiled for the server and the browser);
//! the authorization [`policy`] and the login [`throttle`] are plain Rust; SQL and
//! sessions are server-only.
pub mod devices;
pub mod mfa;
pub mod password_rules;
pub mod policy;
pub mod rate_limit;
pub mod throttle;

#[cfg(feature = "ssr")]
pub mod known_device;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod tokens;

use serde::{Deserialize, Serialize};

crate::stored_enum! {
    /// What a person does in the program. One account, one role.
    #[derive(Hash)]
    pub enum Role {
        Coordinator,
        Mentor,
        Mentee,
    }
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Coordinator, Role::Mentor, Role::Mentee];

    /// Where this role lands after signing in.
    pub fn home_path(self) -> &'static str {
        match self {
            Role::Coordinator => "/coordinator",
            Role::Mentor => "/mentor",
            Role::Mentee => "/mentee",
        }
    }
}

/// The signed-in person as pages see them. Never carries the password hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// "fr" or "en".
    pub locale: String,
    /// In charge of the protection of personal information: the privacy
    /// pages are in their menu.
    #[serde(default)]
    pub is_privacy_officer: bool,
}

/// One person in the coordinator's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub locale: String,
    pub is_disabled: bool,
    pub created_at: String,
}

/// An invitation not used yet, as the coordinator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub expires_at: String,
    pub is_expired: bool,
}

/// The coordinator's people page: accounts, open invitations, the registration switch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleOverview {
    pub people: Vec<PersonSummary>,
    pub invitations: Vec<PendingInvitation>,
    pub registration_open: bool,
    /// The coordinator looking at the page: they cannot disable or demote themselves.
    pub viewer_id: i64,
    /// Whether the program requires two-step sign-in of every coordinator.
    pub mfa_required: bool,
    /// The accounts whose two-step sign-in is on.
    pub with_mfa: Vec<i64>,
}

/// What the invitation page shows before the invitee sets a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationSummary {
    pub email: String,
    pub display_name: String,
    pub role: Role,
}

/// How a person receives the notices that can wait (`outbox::digest::may_wait`):
/// each at once, or gathered in one email a week. Urgent ones always go at once.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
pub enum NotificationDelivery {
    #[default]
    Immediate,
    WeeklyDigest,
}

impl NotificationDelivery {
    pub const ALL: [NotificationDelivery; 2] = [
        NotificationDelivery::Immediate,
        NotificationDelivery::WeeklyDigest,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(value: &str) -> Option<NotificationDelivery> {
        value.trim().parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_stored_value() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
    }

    #[test]
    fn delivery_choices_round_trip_through_their_stored_value() {
        for delivery in NotificationDelivery::ALL {
            assert_eq!(
                NotificationDelivery::parse(delivery.as_str()),
                Some(delivery)
            );
        }
        assert_eq!(NotificationDelivery::parse("daily"), None);
    }
}
