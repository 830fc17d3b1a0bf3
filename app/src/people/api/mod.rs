//! Server functions of accounts. Each starts with `authorize(..)`: the policy
//! decides, and a refused call changes nothing.
#[cfg(feature = "ssr")]
mod attempts;
mod import;
mod mfa;
mod my_account;
mod my_sessions;
mod people;
mod registration;
mod sign_in;
mod ways_in;

pub use import::*;
pub use mfa::*;
pub use my_account::*;
pub use my_sessions::*;
pub use people::*;
pub use registration::*;
pub use sign_in::*;
pub use ways_in::*;

/// How long an invitation link works.
pub const INVITATION_VALID_DAYS: i64 = 14;
/// How long a registration's confirmation link works.
pub const REGISTRATION_VALID_HOURS: i64 = 24;
/// At most this many registration emails (links or notices) per address per
/// hour: the form cannot be used to flood someone's inbox.
pub const REGISTRATIONS_PER_HOUR: i64 = 3;
/// How long a password reset link works.
pub const RESET_VALID_MINUTES: i64 = 60;
/// At most this many reset emails per account per hour: the form cannot be used
/// to flood someone's inbox.
pub const RESETS_PER_HOUR: i64 = 3;
