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
            when = when
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
            when = when
        )
        .to_string(),
    }
}
