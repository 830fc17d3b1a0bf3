//! A person's own data (Law 25, issue 20): what they consented to and
//! withdrawing an optional consent (item 1), their data in one download
//! (item 2), and who read it (item 5), all from "my account"
//! (`/account/privacy`); and consenting again after a material change of the
//! notice (`/consent`, where signing in leads while it is due).
use serde::{Deserialize, Serialize};

use crate::access_log::PersonalDataRead;
use crate::consent::ConsentRecord;

pub mod api;
#[cfg(feature = "ssr")]
pub mod data_map;
#[cfg(feature = "ssr")]
pub mod download;
#[cfg(feature = "ssr")]
pub mod erase;
#[cfg(feature = "ssr")]
pub mod erase_map;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

/// Minutes a download's link works, once.
pub const DOWNLOAD_MINUTES: i64 = 60;

/// Where a download's link goes: `/account/data/{token}`.
pub const DOWNLOAD_PATH: &str = "/account/data";

/// "My account → privacy": consents and reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPrivacy {
    /// Every consent they gave, newest first.
    pub consents: Vec<ConsentRecord>,
    /// The reads of their data by others, newest first.
    pub reads: Vec<PersonalDataRead>,
    /// The privacy notice's latest version.
    pub notice_version: i64,
    /// Whether they may ask for deletion here, and whether they did.
    pub deletion: DeletionState,
}

/// Where a person stands with deletion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeletionState {
    /// A coordinator's account: another coordinator changes its role first.
    NotHere,
    /// They may ask.
    MayAsk,
    /// They asked on this day (UTC text); the privacy officer confirms.
    Pending { since: String },
}

/// What the consent page shows: the version to consent to and what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRenewal {
    /// The version due, if any (none: nothing to do, the page says so).
    pub due: Option<i64>,
    /// What changed, in each language (may be empty).
    pub changes_fr: String,
    pub changes_en: String,
    /// The notice itself, in each language.
    pub body_fr: String,
    pub body_en: String,
}
