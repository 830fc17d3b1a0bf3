//! How often anyone may knock at a door that needs no sign-in: per client
//! (network address) and for everyone together, per minute.
//!
//! The sign-in throttle (`throttle`) slows guessing one account's password;
//! this limits the number of requests, whatever they ask: a flood of
//! sign-ins, registrations, reset requests, applications or applicant links
//! is refused early (429, with the wait) instead of reaching the password
//! hashing, the database and people's inboxes. Plain Rust and in memory: the
//! app is one process, and a restart forgetting a minute's counts is harmless.
use std::collections::HashMap;
use std::sync::Mutex;

/// The doors anyone may knock at without signing in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Door {
    SignIn,
    Registration,
    PasswordReset,
    Application,
    /// An applicant's private link (reading, withdrawing, answering).
    ApplicantLink,
}

/// Requests allowed per minute at each door.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// From one network address (a school puts many people behind one).
    pub per_client: u32,
    /// From everyone together.
    pub overall: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            per_client: 30,
            overall: 600,
        }
    }
}

/// One minute's count.
#[derive(Debug, Clone, Copy)]
struct Window {
    minute: i64,
    count: u32,
}

/// The counts of the current minute, per door and client, and per door.
#[derive(Debug, Default)]
pub struct RateLimiter {
    limits: Limits,
    windows: Mutex<HashMap<(Door, Option<String>), Window>>,
}

/// Counts kept before the old minutes are swept away.
const SWEEP_ABOVE: usize = 10_000;

impl RateLimiter {
    pub fn new(limits: Limits) -> Self {
        RateLimiter {
            limits,
            windows: Mutex::default(),
        }
    }

    /// Counts a request of `client` at `door` at `now` (Unix seconds), or
    /// refuses it with the seconds until the minute is over. A refused
    /// request is not counted: a flood does not push the wait further.
    pub fn check(&self, door: Door, client: &str, now: i64) -> Result<(), i64> {
        let minute = now.div_euclid(60);
        let retry_after = 60 - now.rem_euclid(60);
        // A poisoned lock only means another request panicked mid-count: the
        // counts are still usable.
        let mut windows = self
            .windows
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if windows.len() > SWEEP_ABOVE {
            windows.retain(|_, window| window.minute == minute);
        }
        let keys = [
            ((door, Some(client.to_owned())), self.limits.per_client),
            ((door, None), self.limits.overall),
        ];
        let full = keys.iter().any(|(key, limit)| {
            windows
                .get(key)
                .is_some_and(|window| window.minute == minute && window.count >= *limit)
        });
        if full {
            return Err(retry_after);
        }
        for (key, _) in keys {
            let window = windows.entry(key).or_insert(Window { minute, count: 0 });
            if window.minute != minute {
                *window = Window { minute, count: 0 };
            }
            window.count += 1;
        }
        Ok(())
    }
}

/// Counts the current request at `door`, or refuses it (429, in the
/// caller's language, with `Retry-After`): the first step of a server
/// function open to anyone.
#[cfg(feature = "ssr")]
pub fn knock(door: Door) -> Result<(), crate::error::AppError> {
    use crate::error::AppError;

    let Some(limiter) = leptos::prelude::use_context::<std::sync::Arc<RateLimiter>>() else {
        return Err(AppError::internal("rate limiter not provided"));
    };
    let client = crate::server_context::client_address();
    limiter
        .check(door, &client, chrono::Utc::now().timestamp())
        .map_err(|seconds| {
            tracing::warn!(
                ?door,
                "request refused: too many from this client or overall"
            );
            AppError::TooManyAttempts {
                retry_after_minutes: (seconds + 59) / 60,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        per_client: 3,
        overall: 5,
    };

    #[test]
    fn a_client_gets_its_share_of_a_minute_then_waits_for_the_next() {
        let limiter = RateLimiter::new(LIMITS);
        for _ in 0..3 {
            assert_eq!(limiter.check(Door::SignIn, "a", 120), Ok(()));
        }
        assert_eq!(limiter.check(Door::SignIn, "a", 130), Err(50));
        // Another door, another count.
        assert_eq!(limiter.check(Door::Registration, "a", 130), Ok(()));
        // The next minute starts again.
        assert_eq!(limiter.check(Door::SignIn, "a", 180), Ok(()));
    }

    #[test]
    fn everyone_together_shares_the_overall_limit() {
        let limiter = RateLimiter::new(LIMITS);
        for client in ["a", "b", "c", "d", "e"] {
            assert_eq!(limiter.check(Door::Application, client, 0), Ok(()));
        }
        assert_eq!(limiter.check(Door::Application, "f", 59), Err(1));
    }

    #[test]
    fn a_refused_request_does_not_count() {
        let limiter = RateLimiter::new(Limits {
            per_client: 1,
            overall: 100,
        });
        assert_eq!(limiter.check(Door::PasswordReset, "a", 0), Ok(()));
        for _ in 0..50 {
            assert!(limiter.check(Door::PasswordReset, "a", 1).is_err());
        }
        // The refusals took nothing from the others.
        assert_eq!(limiter.check(Door::PasswordReset, "b", 1), Ok(()));
    }
}
