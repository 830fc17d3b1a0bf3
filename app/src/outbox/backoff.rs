//! When to try a failed email again (operations issue, item 4): the wait
//! doubles from a minute after each failed attempt, up to a day; after one
//! attempt at a day's wait fails, the message is given up (about two and a
//! half days after the first try) and waits for a coordinator to send it
//! again. An SMTP outage of minutes or hours costs a delay, never a message.
//! Plain Rust: the mailer stores the times.
use chrono::Duration;

/// The first wait, in minutes.
pub const FIRST_WAIT_MINUTES: i64 = 1;
/// The longest wait between two attempts.
pub const LONGEST_WAIT_MINUTES: i64 = 24 * 60;

/// The wait after the `failed`-th failed attempt (1 for the first), or
/// `None` when that was the last attempt.
pub fn wait_after(failed: i64) -> Option<Duration> {
    if failed < 1 {
        return Some(Duration::zero());
    }
    let doublings = u32::try_from(failed - 1).unwrap_or(u32::MAX).min(20);
    let minutes = FIRST_WAIT_MINUTES.saturating_mul(1_i64 << doublings);
    if minutes >= LONGEST_WAIT_MINUTES * 2 {
        // The day-long wait was already used once.
        return None;
    }
    Some(Duration::minutes(minutes.min(LONGEST_WAIT_MINUTES)))
}

/// How many attempts a message gets before it is given up.
pub fn attempts_allowed() -> i64 {
    (1..)
        .find(|failed| wait_after(*failed).is_none())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_from_a_minute_to_a_day_then_the_message_is_given_up() {
        let waits: Vec<i64> = (1..=12)
            .map(|failed| wait_after(failed).map_or(-1, |wait| wait.num_minutes()))
            .collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 1440]);
        assert_eq!(wait_after(13), None);
        assert_eq!(wait_after(100), None);
        assert_eq!(attempts_allowed(), 13);
    }

    #[test]
    fn a_half_hour_outage_costs_a_delay_not_a_message() {
        // Attempts at 0, 1, 3, 7, 15, 31 minutes: the sixth is after the outage.
        let mut at = 0;
        let mut failed = 0;
        while at < 30 {
            failed += 1;
            at += wait_after(failed).map_or(i64::MAX, |wait| wait.num_minutes());
        }
        assert!(failed < attempts_allowed(), "{failed} attempts used");
        assert_eq!(at, 31);
    }

    #[test]
    fn all_attempts_together_take_about_two_and_a_half_days() {
        let total: i64 = (1..attempts_allowed())
            .filter_map(wait_after)
            .map(|wait| wait.num_minutes())
            .sum();
        assert_eq!(total, 2047 + 1440);
    }
}
