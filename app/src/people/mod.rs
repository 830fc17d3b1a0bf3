//! The program's people in person: coming in (sign-in, registration,
//! invitations, password reset), one's own account, and the coordinator's list
//! of people. Who someone is and what they may do (roles, sessions, the access
//! policy) is `accounts`, below every feature.
pub mod api;
pub mod import;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;
