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

    items.sort_by(|a, b| {
        b.urgency
            .cmp(&a.urgency)
            .then(b.level.cmp(&a.level))
            .then(a.key.cmp(&b.key))
    });
    items
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
    }

    const TODAY: &str = "2026-11-30";

    fn person(id: i64, name: &str) -> Person {
        Person {
            account_id: id,
            profile_id: id + 100,
            name: name.to_owned(),
        }
    }

    fn pair(id: i64) -> PairPeople {
        PairPeople {
            pair_id: id,
            mentee: person(1, "Amina"),
            mentor: person(2, "Marc"),
        }
    }

    fn items(facts: &Facts) -> Vec<AttentionItem> {
        attention_items(facts, &Thresholds::default(), day(TODAY))
    }

    fn proposal(proposed_on: &str, mentee_answered: bool, mentor_answered: bool) -> Facts {
        Facts {
            proposals: vec![ProposalFact {
                pair: pair(7),
                proposed_on: day(proposed_on),
                mentee_answered,
                mentor_answered,
            }],
            ..Facts::default()
        }
    }

    #[test]
    fn a_proposal_needs_attention_after_more_than_the_threshold_and_names_who_has_not_answered() {
        // 5 days (the threshold) is not yet "more than 5 days".
        assert!(items(&proposal("2026-11-25", false, true)).is_empty());
        let found = items(&proposal("2026-11-24", false, true));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].detail,
            AttentionDetail::ProposalUnanswered {
                days: 6,
                waiting_on: vec![Side::Mentee]
            }
        );
        assert_eq!(found[0].nudge_recipients(), vec![&person(1, "Amina")]);
        // Both answered: nothing to chase, however old.
        assert!(items(&proposal("2026-01-01", true, true)).is_empty());
        // Neither: both are nudged.
        let both = items(&proposal("2026-11-01", false, false));
        assert_eq!(both[0].nudge_to, vec![Side::Mentee, Side::Mentor]);
    }

    #[test]
    fn a_proposal_rises_a_level_each_threshold_it_stays_unanswered() {
        let at = |date: &str| items(&proposal(date, true, false))[0].level;
        assert_eq!(at("2026-11-24"), 1); // 6 days
        assert_eq!(at("2026-11-20"), 2); // 10 days
        assert_eq!(at("2026-11-15"), 3); // 15 days
    }

    fn active(active_since: &str, last_held: Option<&str>) -> Facts {
        Facts {
            active_pairs: vec![ActivePairFact {
                pair: pair(3),
                active_since: day(active_since),
                last_meeting_held: last_held.map(day),
            }],
            ..Facts::default()
        }
    }

    #[test]
    fn an_active_pair_without_a_meeting_for_the_threshold_in_weeks_needs_attention() {
        // 4 weeks = 28 days: 27 is not yet, 28 is.
        assert!(items(&active("2026-11-03", None)).is_empty());
        let never = items(&active("2026-11-02", None));
        assert_eq!(
            never[0].detail,
            AttentionDetail::NoMeetingHeld {
                weeks: 4,
                ever_met: false
            }
        );
        assert_eq!(never[0].nudge_to, vec![Side::Mentor]);
        // The last meeting held counts from its date, not from activation.
        assert!(items(&active("2026-01-01", Some("2026-11-20"))).is_empty());
        let stalled = items(&active("2026-01-01", Some("2026-10-01")));
        assert_eq!(
            stalled[0].detail,
            AttentionDetail::NoMeetingHeld {
                weeks: 8,
                ever_met: true
            }
        );
        assert_eq!(stalled[0].level, 2);
        // A new stall after a meeting is a new episode: a new key.
        assert_ne!(never[0].key, stalled[0].key);
    }

    #[test]
    fn a_meeting_not_logged_counts_from_its_date() {
        let facts = |date: &str| Facts {
            unlogged_meetings: vec![UnloggedMeetingFact {
                pair: pair(3),
                meeting_id: 9,
                meeting_on: day(date),
            }],
            ..Facts::default()
        };
        assert!(items(&facts("2026-11-28")).is_empty()); // 2 days
        let found = items(&facts("2026-11-27")); // 3 days
        assert_eq!(
            found[0].detail,
            AttentionDetail::MeetingNotLogged {
                date: "2026-11-27".into(),
                days: 3
            }
        );
        assert_eq!(found[0].key, "unlogged:meeting:9");
    }

    #[test]
    fn a_milestone_is_overdue_the_day_after_its_due_date_and_worsens_weekly() {
        let facts = |due: &str| Facts {
            overdue_milestones: vec![OverdueMilestoneFact {
                pair: pair(3),
                milestone_id: 4,
                goal_title: "CV".into(),
                milestone_title: "Premier jet".into(),
                due_on: day(due),
            }],
            ..Facts::default()
        };
        assert!(items(&facts("2026-11-30")).is_empty());
        let one_day = items(&facts("2026-11-29"));
        assert_eq!(one_day[0].level, 1);
        assert_eq!(one_day[0].nudge_to, vec![Side::Mentee]);
        assert_eq!(items(&facts("2026-11-23"))[0].level, 1); // 7 days
        assert_eq!(items(&facts("2026-11-22"))[0].level, 2); // 8 days
    }

    #[test]
    fn feedback_unacknowledged_for_more_than_the_threshold_needs_attention() {
        let facts = |given: &str| Facts {
            unacknowledged_feedback: vec![UnacknowledgedFeedbackFact {
                pair: pair(3),
                feedback_id: 5,
                given_on: day(given),
            }],
            ..Facts::default()
        };
        assert!(items(&facts("2026-11-23")).is_empty()); // 7 days
        let found = items(&facts("2026-11-22")); // 8 days
        assert_eq!(
            found[0].detail,
            AttentionDetail::FeedbackUnacknowledged { days: 8 }
        );
    }

    #[test]
    fn a_fit_check_of_not_sure_or_not_a_fit_needs_attention_and_not_a_fit_first() {
        let facts = Facts {
            fit_concerns: vec![
                FitConcernFact {
                    pair: pair(3),
                    side: Side::Mentee,
                    answer: FitAnswer::NotSure,
                },
                FitConcernFact {
                    pair: pair(4),
                    side: Side::Mentor,
                    answer: FitAnswer::NotAFit,
                },
                FitConcernFact {
                    pair: pair(5),
                    side: Side::Mentor,
                    answer: FitAnswer::GoodFit,
                },
            ],
            ..Facts::default()
        };
        let found = items(&facts);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].key, "fit:pair:4:mentor");
        assert!(found[0].level > found[1].level);
        assert!(found[0].nudge_recipients().is_empty());
    }

    fn waiting(since: &str, domains: &[&str]) -> WaitingMenteeFact {
        WaitingMenteeFact {
            mentee: person(30, "Lucas"),
            waiting_since: day(since),
            domains: domains.iter().map(|domain| domain.to_string()).collect(),
        }
    }

    #[test]
    fn a_mentee_waiting_more_than_the_threshold_needs_attention() {
        let facts = |since: &str| Facts {
            waiting_mentees: vec![waiting(since, &["nursing"])],
            ..Facts::default()
        };
        assert!(items(&facts("2026-11-16")).is_empty()); // 14 days
        let found = items(&facts("2026-11-15")); // 15 days
        assert_eq!(found[0].detail, AttentionDetail::MenteeWaiting { days: 15 });
        assert_eq!(found[0].person, Some(person(30, "Lucas")));
    }

    #[test]
    fn a_paused_or_full_mentor_needs_attention_only_with_mentees_waiting_in_their_domain() {
        let mentor = |paused: bool, free_places: i64| MentorFact {
            mentor: person(40, "Sophie"),
            paused,
            free_places,
            domains: vec!["nursing".into()],
        };
        let facts = |mentors: Vec<MentorFact>, domains: &[&str]| Facts {
            // Waiting one day only: the mentee item itself is not due, the mentor one is.
            waiting_mentees: vec![waiting("2026-11-29", domains)],
            mentors,
            ..Facts::default()
        };
        assert!(items(&facts(vec![mentor(false, 1)], &["nursing"])).is_empty());
        assert!(items(&facts(vec![mentor(true, 1)], &["law"])).is_empty());
        let paused = items(&facts(vec![mentor(true, 2)], &["nursing"]));
        assert_eq!(
            paused[0].detail,
            AttentionDetail::MentorUnavailable {
                paused: true,
                waiting: 1
            }
        );
        assert_eq!(paused[0].nudge_recipients(), vec![&person(40, "Sophie")]);
        let full = items(&facts(vec![mentor(false, 0)], &["nursing"]));
        assert_eq!(
            full[0].detail,
            AttentionDetail::MentorUnavailable {
                paused: false,
                waiting: 1
            }
        );
        assert!(full[0].nudge_recipients().is_empty());
    }

    #[test]
    fn the_list_is_ordered_by_urgency() {
        let mut facts = proposal("2026-11-20", false, true);
        facts.fit_concerns.push(FitConcernFact {
            pair: pair(4),
            side: Side::Mentee,
            answer: FitAnswer::NotAFit,
        });
        facts.overdue_milestones.push(OverdueMilestoneFact {
            pair: pair(3),
            milestone_id: 4,
            goal_title: "CV".into(),
            milestone_title: "Jet".into(),
            due_on: day("2026-11-01"),
        });
        let kinds: Vec<&str> = items(&facts)
            .iter()
            .map(|item| item.detail.kind())
            .collect();
        assert_eq!(kinds, vec!["fit", "proposal", "milestone"]);
        let urgencies: Vec<u32> = items(&facts).iter().map(|item| item.urgency).collect();
        assert!(urgencies.iter().all(|urgency| *urgency <= 100));
    }

    #[test]
    fn thresholds_change_what_is_due() {
        let facts = proposal("2026-11-28", false, true); // 2 days
        assert!(items(&facts).is_empty());
        let strict = Thresholds {
            proposal_unanswered_days: 1,
            ..Thresholds::default()
        };
        assert_eq!(attention_items(&facts, &strict, day(TODAY)).len(), 1);
    }

    #[test]
    fn a_decided_item_comes_back_when_it_worsens_or_its_snooze_ends() {
        let today = day(TODAY);
        let handled = Decision {
            kind: DecisionKind::Handled,
            level: 1,
        };
        assert!(is_shown(1, None, today));
        assert!(!is_shown(1, Some(&handled), today));
        assert!(is_shown(2, Some(&handled), today));
        let snoozed = Decision {
            kind: DecisionKind::Snoozed {
                until: day("2026-12-07"),
            },
            level: 1,
        };
        assert!(!is_shown(1, Some(&snoozed), today));
        assert!(is_shown(1, Some(&snoozed), day("2026-12-07")));
        assert!(is_shown(2, Some(&snoozed), today));
    }

    #[test]
    fn one_nudge_per_item_per_interval() {
        let today = day(TODAY);
        assert!(nudge_allowed(None, today, 7));
        assert!(!nudge_allowed(Some(day("2026-11-30")), today, 7));
        assert!(!nudge_allowed(Some(day("2026-11-24")), today, 7)); // 6 days
        assert!(nudge_allowed(Some(day("2026-11-23")), today, 7)); // 7 days
        assert_eq!(next_nudge_on(day("2026-11-24"), 7), day("2026-12-01"));
    }
}
