//! "Needs attention": what a coordinator should act on, as plain rules over
//! facts read from the database (no web, no database here).
//!
//! Each rule turns facts into items. An item has a stable key (the same
//! situation keeps its key from one day to the next; a new episode gets a new
//! one), an urgency to order the list, and a level that rises as the
//! situation worsens. The coordinator may snooze an item or mark it handled:
//! the decision keeps the level it was taken at, and the item comes back when
//! its level rises above it, or when the snooze ends.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::feedback::FitAnswer;
use crate::pairs::Side;

mod decisions;
pub use decisions::*;

/// Each cohort's thresholds. The defaults suit a cohort met every two or three weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    /// A proposal unanswered for more than this many days.
    pub proposal_unanswered_days: i64,
    /// An active pair with no meeting held for this many weeks.
    pub no_meeting_weeks: i64,
    /// A planned meeting still not logged this many days after its date.
    pub meeting_unlogged_days: i64,
    /// Feedback not acknowledged for more than this many days.
    pub feedback_unacknowledged_days: i64,
    /// A mentee waiting unmatched for more than this many days.
    pub mentee_waiting_days: i64,
    /// At most one nudge per item in this many days.
    pub nudge_interval_days: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            proposal_unanswered_days: 5,
            no_meeting_weeks: 4,
            meeting_unlogged_days: 3,
            feedback_unacknowledged_days: 7,
            mentee_waiting_days: 14,
            nudge_interval_days: 7,
        }
    }
}

/// The bounds a coordinator may set each threshold within (as the database checks).
pub const THRESHOLD_BOUNDS: [(&str, i64, i64); 6] = [
    ("proposal_unanswered_days", 1, 90),
    ("no_meeting_weeks", 1, 26),
    ("meeting_unlogged_days", 1, 60),
    ("feedback_unacknowledged_days", 1, 90),
    ("mentee_waiting_days", 1, 180),
    ("nudge_interval_days", 1, 60),
];

/// A person an item is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub account_id: i64,
    pub profile_id: i64,
    pub name: String,
}

/// The two people of a pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairPeople {
    pub pair_id: i64,
    pub mentee: Person,
    pub mentor: Person,
}

pub struct ProposalFact {
    pub pair: PairPeople,
    pub proposed_on: NaiveDate,
    pub mentee_answered: bool,
    pub mentor_answered: bool,
}

pub struct ActivePairFact {
    pub pair: PairPeople,
    pub active_since: NaiveDate,
    pub last_meeting_held: Option<NaiveDate>,
}

pub struct UnloggedMeetingFact {
    pub pair: PairPeople,
    pub meeting_id: i64,
    pub meeting_on: NaiveDate,
}

pub struct OverdueMilestoneFact {
    pub pair: PairPeople,
    pub milestone_id: i64,
    pub goal_title: String,
    pub milestone_title: String,
    pub due_on: NaiveDate,
}

pub struct UnacknowledgedFeedbackFact {
    pub pair: PairPeople,
    pub feedback_id: i64,
    pub given_on: NaiveDate,
}

pub struct FitConcernFact {
    pub pair: PairPeople,
    pub side: Side,
    pub answer: FitAnswer,
}

pub struct WaitingMenteeFact {
    pub mentee: Person,
    pub waiting_since: NaiveDate,
    pub domains: Vec<String>,
}

pub struct MentorFact {
    pub mentor: Person,
    pub paused: bool,
    pub free_places: i64,
    pub domains: Vec<String>,
}

/// Everything the rules read, for one cohort.
#[derive(Default)]
pub struct Facts {
    pub proposals: Vec<ProposalFact>,
    pub active_pairs: Vec<ActivePairFact>,
    pub unlogged_meetings: Vec<UnloggedMeetingFact>,
    pub overdue_milestones: Vec<OverdueMilestoneFact>,
    pub unacknowledged_feedback: Vec<UnacknowledgedFeedbackFact>,
    pub fit_concerns: Vec<FitConcernFact>,
    pub waiting_mentees: Vec<WaitingMenteeFact>,
    pub mentors: Vec<MentorFact>,
}

/// What an item says, with the figures its sentence needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttentionDetail {
    /// Who has not answered a proposal, for how many days.
    ProposalUnanswered {
        days: i64,
        waiting_on: Vec<Side>,
    },
    /// No meeting held for `weeks` (never, when `ever_met` is false).
    NoMeetingHeld {
        weeks: i64,
        ever_met: bool,
    },
    /// A meeting of `date` (YYYY-MM-DD) not marked held or cancelled, `days` later.
    MeetingNotLogged {
        date: String,
        days: i64,
    },
    MilestoneOverdue {
        goal: String,
        milestone: String,
        days: i64,
    },
    FeedbackUnacknowledged {
        days: i64,
    },
    FitConcern {
        side: Side,
        answer: FitAnswer,
    },
    MenteeWaiting {
        days: i64,
    },
    /// A mentor paused or full while `waiting` mentees share one of their domains.
    MentorUnavailable {
        paused: bool,
        waiting: i64,
    },
}

impl AttentionDetail {
    pub fn kind(&self) -> &'static str {
        match self {
            AttentionDetail::ProposalUnanswered { .. } => "proposal",
            AttentionDetail::NoMeetingHeld { .. } => "no_meeting",
            AttentionDetail::MeetingNotLogged { .. } => "unlogged",
            AttentionDetail::MilestoneOverdue { .. } => "milestone",
            AttentionDetail::FeedbackUnacknowledged { .. } => "feedback",
            AttentionDetail::FitConcern { .. } => "fit",
            AttentionDetail::MenteeWaiting { .. } => "waiting",
            AttentionDetail::MentorUnavailable { .. } => "mentor",
        }
    }
}

/// One thing to act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttentionItem {
    pub key: String,
    pub detail: AttentionDetail,
    /// 0 to 100: the list is ordered by it, most urgent first.
    pub urgency: u32,
    /// Rises as the situation worsens (1 when it first needs attention).
    pub level: u32,
    /// The pair, when the item is about one.
    pub pair: Option<PairPeople>,
    /// The person, when the item is about one person (waiting mentee, mentor).
    pub person: Option<Person>,
    /// Who a nudge goes to (none: the coordinator acts herself).
    pub nudge_to: Vec<Side>,
}

impl AttentionItem {
    /// The people a nudge from this item reaches.
    pub fn nudge_recipients(&self) -> Vec<&Person> {
        match (&self.pair, &self.person) {
            (Some(pair), _) => self
                .nudge_to
                .iter()
                .map(|side| match side {
                    Side::Mentor => &pair.mentor,
                    Side::Mentee => &pair.mentee,
                })
                .collect(),
            (None, Some(person)) if !self.nudge_to.is_empty() => vec![person],
            _ => Vec::new(),
        }
    }
}

/// How many whole periods `age` has reached of `threshold` (at least 1 once due).
fn level_of(age: i64, threshold: i64) -> u32 {
    let periods = age / threshold.max(1);
    u32::try_from(periods.max(1)).unwrap_or(u32::MAX)
}

fn urgency(base: u32, step: u32, level: u32) -> u32 {
    base.saturating_add(step.saturating_mul(level.saturating_sub(1)))
        .min(100)
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// Every item the facts call for on `today`, most urgent first.
pub fn attention_items(
    facts: &Facts,
    thresholds: &Thresholds,
    today: NaiveDate,
) -> Vec<AttentionItem> {
    let mut items = Vec::new();
    items_of_proposals(facts, thresholds, today, &mut items);
    items_of_active_pairs(facts, thresholds, today, &mut items);
    items_of_unlogged_meetings(facts, thresholds, today, &mut items);
    items_of_overdue_milestones(facts, today, &mut items);
    items_of_unacknowledged_feedback(facts, thresholds, today, &mut items);
    items_of_fit_concerns(facts, &mut items);
    items_of_waiting_mentees(facts, thresholds, today, &mut items);
    items_of_mentors(facts, &mut items);
    items.sort_by(|a, b| {
        b.urgency
            .cmp(&a.urgency)
            .then(b.level.cmp(&a.level))
            .then(a.key.cmp(&b.key))
    });
    items
}

/// The items `facts.proposals` call for.
fn items_of_proposals(
    facts: &Facts,
    thresholds: &Thresholds,
    today: NaiveDate,
    items: &mut Vec<AttentionItem>,
) {
    for fact in &facts.proposals {
        let days = days_between(fact.proposed_on, today);
        let mut waiting_on = Vec::new();
        if !fact.mentee_answered {
            waiting_on.push(Side::Mentee);
        }
        if !fact.mentor_answered {
            waiting_on.push(Side::Mentor);
        }
        if days > thresholds.proposal_unanswered_days && !waiting_on.is_empty() {
            let level = level_of(days, thresholds.proposal_unanswered_days);
            items.push(AttentionItem {
                key: format!("proposal:pair:{}", fact.pair.pair_id),
                urgency: urgency(55, 10, level),
                level,
                pair: Some(fact.pair.clone()),
                person: None,
                nudge_to: waiting_on.clone(),
                detail: AttentionDetail::ProposalUnanswered { days, waiting_on },
            });
        }
    }
}

/// The items `facts.active_pairs` call for.
fn items_of_active_pairs(
    facts: &Facts,
    thresholds: &Thresholds,
    today: NaiveDate,
    items: &mut Vec<AttentionItem>,
) {
    let no_meeting_days = thresholds.no_meeting_weeks * 7;
    for fact in &facts.active_pairs {
        let since = fact.last_meeting_held.unwrap_or(fact.active_since);
        let days = days_between(since, today);
        if days >= no_meeting_days {
            let level = level_of(days, no_meeting_days);
            items.push(AttentionItem {
                key: format!("no_meeting:pair:{}:since:{since}", fact.pair.pair_id),
                urgency: urgency(60, 10, level),
                level,
                pair: Some(fact.pair.clone()),
                person: None,
                nudge_to: vec![Side::Mentor],
                detail: AttentionDetail::NoMeetingHeld {
                    weeks: days / 7,
                    ever_met: fact.last_meeting_held.is_some(),
                },
            });
        }
    }
}

/// The items `facts.unlogged_meetings` call for.
fn items_of_unlogged_meetings(
    facts: &Facts,
    thresholds: &Thresholds,
    today: NaiveDate,
    items: &mut Vec<AttentionItem>,
) {
    for fact in &facts.unlogged_meetings {
        let days = days_between(fact.meeting_on, today);
        if days >= thresholds.meeting_unlogged_days {
            let level = level_of(days, thresholds.meeting_unlogged_days);
            items.push(AttentionItem {
                key: format!("unlogged:meeting:{}", fact.meeting_id),
                urgency: urgency(40, 5, level),
                level,
                pair: Some(fact.pair.clone()),
                person: None,
                nudge_to: vec![Side::Mentor],
                detail: AttentionDetail::MeetingNotLogged {
                    date: fact.meeting_on.to_string(),
                    days,
                },
            });
        }
    }
}

/// The items `facts.overdue_milestones` call for.
fn items_of_overdue_milestones(facts: &Facts, today: NaiveDate, items: &mut Vec<AttentionItem>) {
    for fact in &facts.overdue_milestones {
        let days = days_between(fact.due_on, today);
        if days > 0 {
            // One more level each week overdue.
            let level = level_of(days + 6, 7);
            items.push(AttentionItem {
                key: format!("milestone:{}:due:{}", fact.milestone_id, fact.due_on),
                urgency: urgency(30, 5, level),
                level,
                pair: Some(fact.pair.clone()),
                person: None,
                nudge_to: vec![Side::Mentee],
                detail: AttentionDetail::MilestoneOverdue {
                    goal: fact.goal_title.clone(),
                    milestone: fact.milestone_title.clone(),
                    days,
                },
            });
        }
    }
}

/// The items `facts.unacknowledged_feedback` call for.
fn items_of_unacknowledged_feedback(
    facts: &Facts,
    thresholds: &Thresholds,
    today: NaiveDate,
    items: &mut Vec<AttentionItem>,
) {
    for fact in &facts.unacknowledged_feedback {
        let days = days_between(fact.given_on, today);
        if days > thresholds.feedback_unacknowledged_days {
            let level = level_of(days, thresholds.feedback_unacknowledged_days);
            items.push(AttentionItem {
                key: format!("feedback:{}", fact.feedback_id),
                urgency: urgency(35, 5, level),
                level,
                pair: Some(fact.pair.clone()),
                person: None,
                nudge_to: vec![Side::Mentee],
                detail: AttentionDetail::FeedbackUnacknowledged { days },
            });
        }
    }
}

/// The items `facts.fit_concerns` call for.
fn items_of_fit_concerns(facts: &Facts, items: &mut Vec<AttentionItem>) {
    for fact in &facts.fit_concerns {
        let (level, base) = match fact.answer {
            FitAnswer::GoodFit => continue,
            FitAnswer::NotSure => (1, 50),
            // From "not sure" to "not a fit" is a worsening: a higher level.
            FitAnswer::NotAFit => (2, 90),
        };
        let side = match fact.side {
            Side::Mentor => "mentor",
            Side::Mentee => "mentee",
        };
        items.push(AttentionItem {
            key: format!("fit:pair:{}:{side}", fact.pair.pair_id),
            urgency: base,
            level,
            pair: Some(fact.pair.clone()),
            person: None,
            nudge_to: Vec::new(),
            detail: AttentionDetail::FitConcern {
                side: fact.side,
                answer: fact.answer,
            },
        });
    }
}

/// The items `facts.waiting_mentees` call for.
fn items_of_waiting_mentees(
    facts: &Facts,
    thresholds: &Thresholds,
    today: NaiveDate,
    items: &mut Vec<AttentionItem>,
) {
    for fact in &facts.waiting_mentees {
        let days = days_between(fact.waiting_since, today);
        if days > thresholds.mentee_waiting_days {
            let level = level_of(days, thresholds.mentee_waiting_days);
            items.push(AttentionItem {
                key: format!(
                    "waiting:profile:{}:since:{}",
                    fact.mentee.profile_id, fact.waiting_since
                ),
                urgency: urgency(50, 10, level),
                level,
                pair: None,
                person: Some(fact.mentee.clone()),
                nudge_to: Vec::new(),
                detail: AttentionDetail::MenteeWaiting { days },
            });
        }
    }
}

/// The items `facts.mentors` call for.
fn items_of_mentors(facts: &Facts, items: &mut Vec<AttentionItem>) {
    for fact in &facts.mentors {
        if !fact.paused && fact.free_places > 0 {
            continue;
        }
        let waiting = facts
            .waiting_mentees
            .iter()
            .filter(|mentee| {
                mentee
                    .domains
                    .iter()
                    .any(|domain| fact.domains.contains(domain))
            })
            .count();
        if waiting == 0 {
            continue;
        }
        let waiting = i64::try_from(waiting).unwrap_or(i64::MAX);
        let level = u32::try_from(waiting).unwrap_or(u32::MAX);
        items.push(AttentionItem {
            key: format!(
                "mentor:profile:{}:{}",
                fact.mentor.profile_id,
                if fact.paused { "paused" } else { "full" }
            ),
            urgency: urgency(20, 5, level.min(7)),
            level,
            pair: None,
            person: Some(fact.mentor.clone()),
            // A paused mentor may be asked whether they can come back; a full
            // one is the coordinator's to weigh (capacity is theirs to offer).
            nudge_to: if fact.paused {
                vec![Side::Mentor]
            } else {
                Vec::new()
            },
            detail: AttentionDetail::MentorUnavailable {
                paused: fact.paused,
                waiting,
            },
        });
    }
}

#[cfg(test)]
mod tests;
