//! The back-off after failed sign-ins, per account and per network address.
//!
//! Plain Rust: the server stores the counters; this decides how long to wait.
//! The first few mistakes cost nothing (people mistype); after that each
//! failure doubles the wait, up to a ceiling, and a quiet hour forgets them.
use chrono::{DateTime, Duration, Utc};

/// Failures allowed on one account before any wait.
pub const FREE_FAILURES_PER_ACCOUNT: i64 = 4;
/// Failures allowed from one network address before any wait: higher, since a
/// school or a library puts many people behind one address.
pub const FREE_FAILURES_PER_ADDRESS: i64 = 20;
/// The first wait, doubled after each further failure.
pub const FIRST_WAIT_SECONDS: i64 = 30;
/// The longest wait.
pub const MAX_WAIT_SECONDS: i64 = 15 * 60;
/// After this long without a failure, the count starts again from zero.
pub const FORGET_AFTER_SECONDS: i64 = 60 * 60;

/// The failures recorded for one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureRecord {
    pub failures: i64,
    pub last_failure_at: DateTime<Utc>,
}

/// How long someone must wait after their last failure, `free` failures being free.
pub fn wait_after(failures: i64, free: i64) -> Duration {
    if failures <= free {
        return Duration::zero();
    }
    let doublings = (failures - free - 1).clamp(0, 20) as u32;
    let seconds = FIRST_WAIT_SECONDS.saturating_mul(1_i64 << doublings);
    Duration::seconds(seconds.min(MAX_WAIT_SECONDS))
}

/// The failures that still count at `now` (zero once forgotten).
pub fn failures_counting(record: Option<FailureRecord>, now: DateTime<Utc>) -> i64 {
    match record {
        Some(record) if now - record.last_failure_at < Duration::seconds(FORGET_AFTER_SECONDS) => {
            record.failures
        }
        _ => 0,
    }
}

/// `Some(remaining)` when an attempt at `now` must be refused without checking the password.
pub fn remaining_wait(
    record: Option<FailureRecord>,
    free: i64,
    now: DateTime<Utc>,
) -> Option<Duration> {
    let record = record?;
    let failures = failures_counting(Some(record), now);
    let until = record.last_failure_at + wait_after(failures, free);
    (until > now).then(|| until - now)
}

/// Whole minutes to tell a person, rounded up (never "0 minutes").
pub fn minutes_to_tell(wait: Duration) -> i64 {
    ((wait.num_seconds() + 59) / 60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap_or_default()
    }

    #[test]
    fn the_first_four_mistakes_cost_nothing() {
        for failures in 0..=FREE_FAILURES_PER_ACCOUNT {
            assert_eq!(
                wait_after(failures, FREE_FAILURES_PER_ACCOUNT),
                Duration::zero()
            );
        }
    }

    #[test]
    fn then_the_wait_doubles_up_to_fifteen_minutes() {
        let free = FREE_FAILURES_PER_ACCOUNT;
        assert_eq!(wait_after(5, free), Duration::seconds(30));
        assert_eq!(wait_after(6, free), Duration::seconds(60));
        assert_eq!(wait_after(7, free), Duration::seconds(120));
        assert_eq!(wait_after(10, free), Duration::seconds(900));
        assert_eq!(wait_after(1_000, free), Duration::seconds(900));
    }

    #[test]
    fn an_address_gets_more_free_failures_than_an_account() {
        assert_eq!(wait_after(20, FREE_FAILURES_PER_ADDRESS), Duration::zero());
        assert_eq!(
            wait_after(21, FREE_FAILURES_PER_ADDRESS),
            Duration::seconds(30)
        );
    }

    #[test]
    fn an_attempt_during_the_wait_is_refused_with_the_time_left() {
        let free = FREE_FAILURES_PER_ACCOUNT;
        let record = FailureRecord {
            failures: 5,
            last_failure_at: at(0),
        };
        assert_eq!(
            remaining_wait(Some(record), free, at(10)),
            Some(Duration::seconds(20))
        );
        assert_eq!(remaining_wait(Some(record), free, at(30)), None);
        assert_eq!(remaining_wait(None, free, at(0)), None);
    }

    #[test]
    fn a_quiet_hour_forgets_the_failures() {
        let record = FailureRecord {
            failures: 12,
            last_failure_at: at(0),
        };
        assert_eq!(
            failures_counting(Some(record), at(FORGET_AFTER_SECONDS - 1)),
            12
        );
        assert_eq!(failures_counting(Some(record), at(FORGET_AFTER_SECONDS)), 0);
        let later = at(FORGET_AFTER_SECONDS);
        assert_eq!(
            remaining_wait(Some(record), FREE_FAILURES_PER_ACCOUNT, later),
            None
        );
    }

    #[test]
    fn people_are_told_whole_minutes_never_zero() {
        assert_eq!(minutes_to_tell(Duration::seconds(5)), 1);
        assert_eq!(minutes_to_tell(Duration::seconds(60)), 1);
        assert_eq!(minutes_to_tell(Duration::seconds(61)), 2);
    }
}
