//! The words of a nudge: a short, kind email about what waits, in the
//! recipient's language, with the coordinator's optional personal line.
use super::attention::{AttentionDetail, AttentionItem, Person};
use crate::i18n::{td_string, Locale};
use crate::locale::parse_locale;
use crate::outbox::compose::ComposedEmail;

/// The longest personal line a coordinator may add.
pub const PERSONAL_LINE_MAX_CHARS: usize = 500;

/// The nudge `item` sends `to`, in `locale` (French when unknown).
pub fn compose(
    locale: &str,
    item: &AttentionItem,
    to: &Person,
    personal_line: Option<&str>,
) -> ComposedEmail {
    let locale = parse_locale(locale).unwrap_or(Locale::fr);
    // The other person of the pair, when the item is about one.
    let partner = item
        .pair
        .as_ref()
        .map(|pair| {
            if pair.mentee.account_id == to.account_id {
                pair.mentor.name.clone()
            } else {
                pair.mentee.name.clone()
            }
        })
        .unwrap_or_default();
    let situation = match &item.detail {
        AttentionDetail::ProposalUnanswered { days, .. } => td_string!(
            locale,
            emails.nudge_proposal,
            partner = partner,
            days = *days
        )
        .to_string(),
        AttentionDetail::NoMeetingHeld { .. } => {
            td_string!(locale, emails.nudge_no_meeting, partner = partner).to_string()
        }
        AttentionDetail::MeetingNotLogged { date, .. } => td_string!(
            locale,
            emails.nudge_unlogged,
            partner = partner,
            date = crate::program_time::program_time_text(
                locale,
                date,
                crate::program_time::this_year()
            )
        )
        .to_string(),
        AttentionDetail::MilestoneOverdue {
            goal, milestone, ..
        } => td_string!(
            locale,
            emails.nudge_milestone,
            milestone = milestone.clone(),
            goal = goal.clone()
        )
        .to_string(),
        AttentionDetail::FeedbackUnacknowledged { .. } => {
            td_string!(locale, emails.nudge_feedback, partner = partner).to_string()
        }
        AttentionDetail::MentorUnavailable { .. } => {
            td_string!(locale, emails.nudge_mentor_paused).to_string()
        }
        // The coordinator acts herself on these (no nudge is offered).
        AttentionDetail::FitConcern { .. } | AttentionDetail::MenteeWaiting { .. } => {
            td_string!(locale, emails.nudge_generic).to_string()
        }
    };
    let personal = personal_line
        .map(|line| td_string!(locale, emails.nudge_personal_line, line = line).to_string())
        .unwrap_or_default();
    ComposedEmail {
        subject: td_string!(locale, emails.nudge_subject).to_string(),
        body: td_string!(
            locale,
            emails.nudge_body,
            name = to.name.clone(),
            situation = situation,
            personal = personal
        )
        .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pairs::Side;
    use crate::reports::attention::PairPeople;

    fn item(detail: AttentionDetail) -> AttentionItem {
        AttentionItem {
            key: "no_meeting:pair:1:since:2026-10-01".into(),
            detail,
            urgency: 60,
            level: 1,
            pair: Some(PairPeople {
                pair_id: 1,
                mentee: Person {
                    account_id: 10,
                    profile_id: 110,
                    name: "Amina Diallo".into(),
                },
                mentor: Person {
                    account_id: 20,
                    profile_id: 120,
                    name: "Marc Tremblay".into(),
                },
            }),
            person: None,
            nudge_to: vec![Side::Mentor],
        }
    }

    #[test]
    fn a_nudge_speaks_the_recipient_s_language_and_names_the_partner() {
        let item = item(AttentionDetail::NoMeetingHeld {
            weeks: 5,
            ever_met: true,
        });
        let mentor = item.nudge_recipients()[0].clone();
        let french = compose("fr", &item, &mentor, None);
        let english = compose("en", &item, &mentor, Some("See you Thursday!"));
        assert!(french.body.contains("Marc Tremblay"), "{}", french.body);
        assert!(french.body.contains("Amina Diallo"), "{}", french.body);
        assert!(english.body.contains("Amina Diallo"), "{}", english.body);
        assert_ne!(french.subject, english.subject);
        assert!(english.body.contains("See you Thursday!"));
        assert!(!french.body.contains("See you Thursday!"));
        // Unknown language: French.
        assert_eq!(compose("xx", &item, &mentor, None), french);
    }
}
