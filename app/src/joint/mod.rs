//! Joint agreement, shared by goals and meetings: where an item stands
//! (`agreement`: proposed by one side, agreed by both, or asked to change),
//! the stored version every answer must name (`version`: a stale answer is
//! refused, the change is written once), who may act on a pair's items
//! (`member`), and the badge that says it (`ui`).
use leptos::prelude::*;

pub mod agreement;
#[cfg(feature = "ssr")]
pub mod member;
pub mod ui;
#[cfg(feature = "ssr")]
mod version;
#[cfg(feature = "ssr")]
pub use version::*;

/// Whether the workspace on screen takes changes: only while its pair is
/// active. An ended pair's workspace is read with every form gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Writable(pub bool);

/// The `Writable` the workspace provides (true outside one).
pub fn workspace_writable() -> bool {
    use_context::<Writable>().is_none_or(|writable| writable.0)
}
