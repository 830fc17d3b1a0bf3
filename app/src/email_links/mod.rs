//! The page an action link opens (`/act/<token>`): what the link will do and
//! one button; the click acts once, as the person it was sent to. The links
//! themselves (what they do, when they stop working, how they are stored) are
//! made with the emails, in `outbox::action_links`.
use serde::{Deserialize, Serialize};

use crate::outbox::action_links::{LinkAction, LinkProblem};

pub mod api;
pub mod ui;

/// What a link's page shows: what it does and about what, or why it no
/// longer works, and where the workspace is (to sign in instead).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkSummary {
    pub action: LinkAction,
    pub partner_name: String,
    /// The meeting's program time, or the feedback's.
    pub when: String,
    pub problem: Option<LinkProblem>,
    /// Where the same answer is given after signing in.
    pub workspace_path: String,
    /// Set once the link was just used: it is done.
    pub done: bool,
}
