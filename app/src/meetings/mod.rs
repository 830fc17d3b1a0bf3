//! Meetings of a pair: planned by either side with their objectives (open
//! goals, milestones, or free text), agreed by the other before the meeting;
//! afterwards marked held or cancelled, with shared notes and next steps, and
//! the mentor's private notes that only the mentor ever reads. Times are
//! entered and shown in the program's time zone (Montréal) and stored in UTC.
use serde::{Deserialize, Serialize};

use crate::joint::agreement::Agreement;

pub mod api;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

/// Shortest and longest meeting, in minutes.
pub const DURATION_RANGE: (i64, i64) = (15, 480);
/// Durations offered in the planning form.
pub const DURATIONS: [i64; 6] = [30, 45, 60, 90, 120, 180];
/// At most this many objectives per meeting.
pub const OBJECTIVES_MAX: usize = 10;

crate::stored_enum! {
    #[derive(Hash)]
    pub enum MeetingStatus {
        Planned,
        Held,
        Cancelled,
    }
}

crate::stored_enum! {
    #[derive(Hash)]
    pub enum MeetingModality {
        InPerson,
        Video,
    }
}

/// What a meeting is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objective {
    pub goal_id: Option<i64>,
    pub milestone_id: Option<i64>,
    pub text: String,
}

/// A chosen objective, as the planning form sends it: `goal:12` or
/// `milestone:34`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectiveChoice {
    Goal(i64),
    Milestone(i64),
}

impl ObjectiveChoice {
    pub fn parse(value: &str) -> Option<ObjectiveChoice> {
        let (kind, id) = value.split_once(':')?;
        let id: i64 = id.parse().ok()?;
        match kind {
            "goal" => Some(ObjectiveChoice::Goal(id)),
            "milestone" => Some(ObjectiveChoice::Milestone(id)),
            _ => None,
        }
    }

    pub fn value(self) -> String {
        match self {
            ObjectiveChoice::Goal(id) => format!("goal:{id}"),
            ObjectiveChoice::Milestone(id) => format!("milestone:{id}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    pub id: i64,
    pub text: String,
    /// The milestone it became, if it did.
    pub milestone_id: Option<i64>,
}

/// A meeting as the pair's two people see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: i64,
    /// Program time, for reading: `2026-12-03 14:00`.
    pub starts: String,
    /// The same, for the edit form: `2026-12-03` and `14:00`.
    pub date: String,
    pub time: String,
    pub duration_minutes: i64,
    pub modality: MeetingModality,
    pub location: Option<String>,
    pub agreement: Agreement,
    pub change_comment: Option<String>,
    pub status: MeetingStatus,
    pub objectives: Vec<Objective>,
    pub shared_notes: Option<String>,
    pub next_steps: Vec<NextStep>,
    /// The mentor's private notes: filled for the mentor only, never sent to
    /// anyone else.
    pub private_note: Option<String>,
    /// Its start time has passed.
    pub is_past: bool,
    /// Feedback was written about it.
    pub has_feedback: bool,
    pub version: i64,
}

impl Meeting {
    /// Planned, agreed or not, and still ahead.
    pub fn is_upcoming(&self) -> bool {
        self.status == MeetingStatus::Planned && !self.is_past
    }
}

/// Next steps written one per line.
pub fn next_step_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The meeting's start from the program's local date and time, in UTC; `None`
/// when the date or time is not one, or falls in a clock change's gap.
#[cfg(feature = "ssr")]
pub fn start_from_local(date: &str, time: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::{NaiveDate, NaiveTime, TimeZone};

    let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok()?;
    let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").ok()?;
    chrono_tz::America::Toronto
        .from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|local| local.with_timezone(&chrono::Utc))
}

/// Where a meeting's file is served.
pub fn meeting_file_path(id: i64) -> String {
    format!("/meetings/{id}.ics")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objectives_chosen_in_the_form_parse_back() {
        for choice in [ObjectiveChoice::Goal(12), ObjectiveChoice::Milestone(34)] {
            assert_eq!(ObjectiveChoice::parse(&choice.value()), Some(choice));
        }
        assert_eq!(ObjectiveChoice::parse("goal:x"), None);
        assert_eq!(ObjectiveChoice::parse("pair:1"), None);
        assert_eq!(ObjectiveChoice::parse("12"), None);
    }

    #[test]
    fn statuses_modalities_and_next_steps() {
        assert_eq!(MeetingStatus::parse("held"), Some(MeetingStatus::Held));
        assert_eq!(
            MeetingModality::parse("video"),
            Some(MeetingModality::Video)
        );
        assert_eq!(MeetingModality::parse("phone"), None);
        assert_eq!(
            next_step_lines("Update the CV\n\n  Call Marie "),
            vec!["Update the CV".to_owned(), "Call Marie".to_owned()]
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn local_times_are_montreal_time_across_clock_changes() {
        let winter = start_from_local("2026-12-03", "14:00").map(|t| t.to_rfc3339());
        assert_eq!(winter.as_deref(), Some("2026-12-03T19:00:00+00:00"));
        let summer = start_from_local("2026-07-01", "09:30").map(|t| t.to_rfc3339());
        assert_eq!(summer.as_deref(), Some("2026-07-01T13:30:00+00:00"));
        // 2026-03-08 02:30 does not exist in Montréal (clocks jump to 03:00).
        assert_eq!(start_from_local("2026-03-08", "02:30"), None);
        assert_eq!(start_from_local("2026-02-30", "10:00"), None);
        assert_eq!(start_from_local("2026-12-03", "25:00"), None);
    }
}
