//! The coordinator's decisions on an item (seen, snoozed, handled) and when a nudge may be sent again.
#[allow(unused_imports)]
use super::*;

/// What the coordinator decided about an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionKind {
    /// Hidden until that day (program time).
    Snoozed { until: NaiveDate },
    /// Done: hidden unless it gets worse.
    Handled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub kind: DecisionKind,
    /// The item's level when decided.
    pub level: u32,
}

/// Whether an item shows in the list despite a decision about it: always
/// without one; after one, once the item's level rose above the decided level,
/// or once a snooze has ended.
pub fn is_shown(item_level: u32, decision: Option<&Decision>, today: NaiveDate) -> bool {
    match decision {
        None => true,
        Some(decision) => {
            item_level > decision.level
                || matches!(decision.kind, DecisionKind::Snoozed { until } if today >= until)
        }
    }
}

/// Whether a nudge may be sent now, given the last one from the same item.
pub fn nudge_allowed(
    last_nudge_on: Option<NaiveDate>,
    today: NaiveDate,
    interval_days: i64,
) -> bool {
    match last_nudge_on {
        None => true,
        Some(last) => days_between(last, today) >= interval_days,
    }
}

/// The day a nudge may be sent again.
pub fn next_nudge_on(last_nudge_on: NaiveDate, interval_days: i64) -> NaiveDate {
    last_nudge_on + chrono::Duration::days(interval_days)
}
