//! The text of each email, from the translation files, in the recipient's language.
use crate::accounts::Role;
use crate::i18n::{td_string, Locale};
use crate::locale::parse_locale;

/// A message ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComposedEmail {
    pub subject: String,
    pub body: String,
}

fn locale_or_french(locale: &str) -> Locale {
    parse_locale(locale).unwrap_or(Locale::fr)
}

pub fn invitation(
    locale: &str,
    display_name: &str,
    inviter: &str,
    role: Role,
    valid_days: i64,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    let role_label = match role {
        Role::Coordinator => td_string!(locale, emails.role_coordinator).to_string(),
        Role::Mentor | Role::Mentee => td_string!(locale, emails.role_mentor).to_string(),
    };
    ComposedEmail {
        subject: td_string!(locale, emails.invitation_subject).to_string(),
        body: td_string!(
            locale,
            emails.invitation_body,
            name = display_name,
            inviter = inviter,
            role = role_label,
            days = valid_days
        )
        .to_string(),
    }
}

pub fn password_reset(locale: &str, display_name: &str, valid_minutes: i64) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.reset_subject).to_string(),
        body: td_string!(
            locale,
            emails.reset_body,
            name = display_name,
            minutes = valid_minutes
        )
        .to_string(),
    }
}

/// To a candidate mentor: the application arrived; the link shows where it stands.
pub fn application_received(locale: &str, display_name: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.application_received_subject).to_string(),
        body: td_string!(
            locale,
            emails.application_received_body,
            name = display_name
        )
        .to_string(),
    }
}

/// To a candidate mentor: the coordinator needs more information.
pub fn application_info_requested(
    locale: &str,
    display_name: &str,
    request: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.application_info_subject).to_string(),
        body: td_string!(
            locale,
            emails.application_info_body,
            name = display_name,
            request = request
        )
        .to_string(),
    }
}

/// To a candidate mentor: the application is declined, with the coordinator's reason.
pub fn application_declined(locale: &str, display_name: &str, reason: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.application_declined_subject).to_string(),
        body: td_string!(
            locale,
            emails.application_declined_body,
            name = display_name,
            reason = reason
        )
        .to_string(),
    }
}

/// A pair proposed by the coordinator: to each of the two, about the other.
pub fn pair_proposed(locale: &str, display_name: &str, partner: &str, score: u32) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.pair_proposed_subject).to_string(),
        body: td_string!(
            locale,
            emails.pair_proposed_body,
            name = display_name,
            partner = partner,
            score = score
        )
        .to_string(),
    }
}

pub fn goal_proposed(locale: &str, display_name: &str, partner: &str, goal: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.goal_proposed_subject).to_string(),
        body: td_string!(
            locale,
            emails.goal_proposed_body,
            name = display_name,
            partner = partner,
            goal = goal
        )
        .to_string(),
    }
}

/// A change to an agreed goal (achieved, dropped, reopened, a new milestone)
/// waiting for the reader's answer.
pub fn goal_change_proposed(
    locale: &str,
    display_name: &str,
    partner: &str,
    goal: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.goal_change_proposed_subject).to_string(),
        body: td_string!(
            locale,
            emails.goal_change_proposed_body,
            name = display_name,
            partner = partner,
            goal = goal
        )
        .to_string(),
    }
}

/// A meeting planned or changed; `when` in the program's time zone.
pub fn meeting_planned(
    locale: &str,
    display_name: &str,
    partner: &str,
    when: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.meeting_planned_subject).to_string(),
        body: td_string!(
            locale,
            emails.meeting_planned_body,
            name = display_name,
            partner = partner,
            when = crate::program_time::program_time_text(
                locale,
                when,
                crate::program_time::this_year()
            )
        )
        .to_string(),
    }
}

pub fn feedback_received(locale: &str, display_name: &str, partner: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.feedback_received_subject).to_string(),
        body: td_string!(
            locale,
            emails.feedback_received_body,
            name = display_name,
            partner = partner
        )
        .to_string(),
    }
}

pub fn meeting_reminder(
    locale: &str,
    display_name: &str,
    partner: &str,
    when: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.meeting_reminder_subject).to_string(),
        body: td_string!(
            locale,
            emails.meeting_reminder_body,
            name = display_name,
            partner = partner,
            when = crate::program_time::program_time_text(
                locale,
                when,
                crate::program_time::this_year()
            )
        )
        .to_string(),
    }
}

/// To a coordinator: one of the two declined a proposal, with their reason
/// (the coordination reads decline reasons).
pub fn coordinator_pair_declined(
    locale: &str,
    display_name: &str,
    who: &str,
    partner: &str,
    reason: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.pair_declined_subject).to_string(),
        body: td_string!(
            locale,
            emails.pair_declined_body,
            name = display_name,
            who = who,
            partner = partner,
            reason = reason
        )
        .to_string(),
    }
}

/// To one of a pair's two people: the other wrote (never the words: they
/// are read in the workspace).
pub fn message_received(locale: &str, display_name: &str, partner: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.message_received_subject, partner = partner).to_string(),
        body: td_string!(
            locale,
            emails.message_received_body,
            name = display_name,
            partner = partner
        )
        .to_string(),
    }
}

/// To a coordinator: a message was reported to her (she reads it on the
/// pair's page, alone).
pub fn coordinator_message_reported(locale: &str, display_name: &str, who: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.message_reported_subject).to_string(),
        body: td_string!(
            locale,
            emails.message_reported_body,
            name = display_name,
            who = who
        )
        .to_string(),
    }
}

/// To a coordinator: one of a pair's two people asks to end it, with why.
pub fn coordinator_end_requested(
    locale: &str,
    display_name: &str,
    who: &str,
    partner: &str,
    reason: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.end_requested_subject).to_string(),
        body: td_string!(
            locale,
            emails.end_requested_body,
            name = display_name,
            who = who,
            partner = partner,
            reason = reason
        )
        .to_string(),
    }
}

/// To a coordinator: both accepted, the pair is active.
pub fn coordinator_pair_activated(
    locale: &str,
    display_name: &str,
    mentor: &str,
    mentee: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.coordinator_pair_activated_subject).to_string(),
        body: td_string!(
            locale,
            emails.coordinator_pair_activated_body,
            name = display_name,
            mentor = mentor,
            mentee = mentee
        )
        .to_string(),
    }
}

/// To a coordinator: one of the two answered the fit check "not a fit".
pub fn coordinator_not_a_fit(
    locale: &str,
    display_name: &str,
    who: &str,
    partner: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.not_a_fit_subject).to_string(),
        body: td_string!(
            locale,
            emails.not_a_fit_body,
            name = display_name,
            who = who,
            partner = partner
        )
        .to_string(),
    }
}

/// To each of the two: their pair is active.
pub fn pair_activated(locale: &str, display_name: &str, partner: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.pair_activated_subject).to_string(),
        body: td_string!(
            locale,
            emails.pair_activated_body,
            name = display_name,
            partner = partner
        )
        .to_string(),
    }
}

/// To each of the two: the coordination withdrew the proposal.
pub fn pair_withdrawn(locale: &str, display_name: &str, partner: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.pair_withdrawn_subject).to_string(),
        body: td_string!(
            locale,
            emails.pair_withdrawn_body,
            name = display_name,
            partner = partner
        )
        .to_string(),
    }
}

/// To each of the two: the coordination ended the pair. Never with the
/// coordinator's reason, which is for the coordination only.
pub fn pair_ended(locale: &str, display_name: &str, partner: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.pair_ended_subject).to_string(),
        body: td_string!(
            locale,
            emails.pair_ended_body,
            name = display_name,
            partner = partner
        )
        .to_string(),
    }
}

/// To the other person: `partner` cancelled the meeting of `when`.
pub fn meeting_cancelled(
    locale: &str,
    display_name: &str,
    partner: &str,
    when: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.meeting_cancelled_subject).to_string(),
        body: td_string!(
            locale,
            emails.meeting_cancelled_body,
            name = display_name,
            partner = partner,
            when = crate::program_time::program_time_text(
                locale,
                when,
                crate::program_time::this_year()
            )
        )
        .to_string(),
    }
}

/// To the person who proposed a goal: `partner` asks a change (what they
/// ask is read in the workspace, not in an email).
pub fn goal_change_requested(
    locale: &str,
    display_name: &str,
    partner: &str,
    goal: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.goal_change_subject).to_string(),
        body: td_string!(
            locale,
            emails.goal_change_body,
            name = display_name,
            partner = partner,
            goal = goal
        )
        .to_string(),
    }
}

/// To the person who planned a meeting: `partner` asks a change.
pub fn meeting_change_requested(
    locale: &str,
    display_name: &str,
    partner: &str,
    when: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    ComposedEmail {
        subject: td_string!(locale, emails.meeting_change_subject).to_string(),
        body: td_string!(
            locale,
            emails.meeting_change_body,
            name = display_name,
            partner = partner,
            when = crate::program_time::program_time_text(
                locale,
                when,
                crate::program_time::this_year()
            )
        )
        .to_string(),
    }
}

/// To the mentor: the mentee acknowledged their feedback, or answered it
/// (the answer itself is read in the workspace).
pub fn feedback_acknowledged(
    locale: &str,
    display_name: &str,
    partner: &str,
    answered: bool,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    if answered {
        ComposedEmail {
            subject: td_string!(locale, emails.feedback_answered_subject).to_string(),
            body: td_string!(
                locale,
                emails.feedback_answered_body,
                name = display_name,
                partner = partner
            )
            .to_string(),
        }
    } else {
        ComposedEmail {
            subject: td_string!(locale, emails.feedback_acknowledged_subject).to_string(),
            body: td_string!(
                locale,
                emails.feedback_acknowledged_body,
                name = display_name,
                partner = partner
            )
            .to_string(),
        }
    }
}

/// One held notice in a digest: its subject, when it was held (program
/// time) and its text without the greeting.
pub struct DigestItem<'a> {
    pub subject: &'a str,
    pub when: String,
    pub text: &'a str,
}

/// The weekly digest: the notices held since the last one, oldest first.
pub fn weekly_digest(locale: &str, display_name: &str, items: &[DigestItem<'_>]) -> ComposedEmail {
    let locale = locale_or_french(locale);
    let mut body = td_string!(locale, emails.weekly_digest_intro, name = display_name).to_string();
    for item in items {
        body.push_str("\n\n");
        body.push_str(
            &td_string!(
                locale,
                emails.weekly_digest_item,
                subject = item.subject,
                when = crate::program_time::program_time_text(
                    locale,
                    &item.when,
                    crate::program_time::this_year()
                ),
                text = item.text
            )
            .to_string(),
        );
    }
    body.push_str("\n\n");
    body.push_str(td_string!(locale, emails.weekly_digest_outro));
    ComposedEmail {
        subject: td_string!(locale, emails.weekly_digest_subject).to_string(),
        body,
    }
}
