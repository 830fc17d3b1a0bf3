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
