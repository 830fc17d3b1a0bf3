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

/// A program time (or day) in the recipient's words.
fn local_when(locale: Locale, when: &str) -> String {
    crate::program_time::program_time_text(locale, when, crate::program_time::this_year())
}

/// An email from its two keys under `emails`, in `locale`: `email!(locale,
/// x_subject, x_body, name = …)`; a subject with values of its own takes them
/// in braces (`x_subject { partner = … }`).
macro_rules! email {
    ($locale:expr, $subject:ident $({ $($sarg:ident = $sval:expr),* })?, $body:ident $(, $arg:ident = $val:expr)* $(,)?) => {
        ComposedEmail {
            subject: td_string!($locale, emails.$subject $($(, $sarg = $sval)*)?).to_string(),
            body: td_string!($locale, emails.$body $(, $arg = $val)*).to_string(),
        }
    };
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
    email!(
        locale,
        invitation_subject,
        invitation_body,
        name = display_name,
        inviter = inviter,
        role = role_label,
        days = valid_days
    )
}

pub fn password_reset(locale: &str, display_name: &str, valid_minutes: i64) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        reset_subject,
        reset_body,
        name = display_name,
        minutes = valid_minutes
    )
}

/// To a candidate mentor: the application arrived; the link shows where it stands.
pub fn application_received(locale: &str, display_name: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        application_received_subject,
        application_received_body,
        name = display_name
    )
}

/// To a candidate mentor: the coordinator needs more information.
pub fn application_info_requested(
    locale: &str,
    display_name: &str,
    request: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        application_info_subject,
        application_info_body,
        name = display_name,
        request = request
    )
}

/// To a candidate mentor: the application is declined, with the coordinator's reason.
pub fn application_declined(locale: &str, display_name: &str, reason: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        application_declined_subject,
        application_declined_body,
        name = display_name,
        reason = reason
    )
}

/// A pair proposed by the coordinator: to each of the two, about the other.
pub fn pair_proposed(locale: &str, display_name: &str, partner: &str, score: u32) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        pair_proposed_subject,
        pair_proposed_body,
        name = display_name,
        partner = partner,
        score = score
    )
}

pub fn goal_proposed(locale: &str, display_name: &str, partner: &str, goal: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        goal_proposed_subject,
        goal_proposed_body,
        name = display_name,
        partner = partner,
        goal = goal
    )
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
    email!(
        locale,
        goal_change_proposed_subject,
        goal_change_proposed_body,
        name = display_name,
        partner = partner,
        goal = goal
    )
}

/// A meeting planned or changed; `when` in the program's time zone.
pub fn meeting_planned(
    locale: &str,
    display_name: &str,
    partner: &str,
    when: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        meeting_planned_subject,
        meeting_planned_body,
        name = display_name,
        partner = partner,
        when = local_when(locale, when)
    )
}

pub fn feedback_received(locale: &str, display_name: &str, partner: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        feedback_received_subject,
        feedback_received_body,
        name = display_name,
        partner = partner
    )
}

pub fn meeting_reminder(
    locale: &str,
    display_name: &str,
    partner: &str,
    when: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        meeting_reminder_subject,
        meeting_reminder_body,
        name = display_name,
        partner = partner,
        when = local_when(locale, when)
    )
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
    email!(
        locale,
        pair_declined_subject,
        pair_declined_body,
        name = display_name,
        who = who,
        partner = partner,
        reason = reason
    )
}

/// To one of a pair's two people: the other wrote (never the words: they
/// are read in the workspace).
pub fn message_received(locale: &str, display_name: &str, partner: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(locale, message_received_subject { partner = partner }, message_received_body, name = display_name, partner = partner)
}

/// To a coordinator: a message was reported to her (she reads it on the
/// pair's page, alone).
pub fn coordinator_message_reported(locale: &str, display_name: &str, who: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        message_reported_subject,
        message_reported_body,
        name = display_name,
        who = who
    )
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
    email!(
        locale,
        end_requested_subject,
        end_requested_body,
        name = display_name,
        who = who,
        partner = partner,
        reason = reason
    )
}

/// To a coordinator: both accepted, the pair is active.
pub fn coordinator_pair_activated(
    locale: &str,
    display_name: &str,
    mentor: &str,
    mentee: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        coordinator_pair_activated_subject,
        coordinator_pair_activated_body,
        name = display_name,
        mentor = mentor,
        mentee = mentee
    )
}

/// To a coordinator: one of the two answered the fit check "not a fit".
pub fn coordinator_not_a_fit(
    locale: &str,
    display_name: &str,
    who: &str,
    partner: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        not_a_fit_subject,
        not_a_fit_body,
        name = display_name,
        who = who,
        partner = partner
    )
}

/// To each of the two: their pair is active.
pub fn pair_activated(locale: &str, display_name: &str, partner: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        pair_activated_subject,
        pair_activated_body,
        name = display_name,
        partner = partner
    )
}

/// To each of the two: the coordination withdrew the proposal.
pub fn pair_withdrawn(locale: &str, display_name: &str, partner: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        pair_withdrawn_subject,
        pair_withdrawn_body,
        name = display_name,
        partner = partner
    )
}

/// To each of the two: the coordination ended the pair. Never with the
/// coordinator's reason, which is for the coordination only.
pub fn pair_ended(locale: &str, display_name: &str, partner: &str) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        pair_ended_subject,
        pair_ended_body,
        name = display_name,
        partner = partner
    )
}

/// To the other person: `partner` cancelled the meeting of `when`.
pub fn meeting_cancelled(
    locale: &str,
    display_name: &str,
    partner: &str,
    when: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        meeting_cancelled_subject,
        meeting_cancelled_body,
        name = display_name,
        partner = partner,
        when = local_when(locale, when)
    )
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
    email!(
        locale,
        goal_change_subject,
        goal_change_body,
        name = display_name,
        partner = partner,
        goal = goal
    )
}

/// To the person who planned a meeting: `partner` asks a change.
pub fn meeting_change_requested(
    locale: &str,
    display_name: &str,
    partner: &str,
    when: &str,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    email!(
        locale,
        meeting_change_subject,
        meeting_change_body,
        name = display_name,
        partner = partner,
        when = local_when(locale, when)
    )
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
        email!(
            locale,
            feedback_answered_subject,
            feedback_answered_body,
            name = display_name,
            partner = partner
        )
    } else {
        email!(
            locale,
            feedback_acknowledged_subject,
            feedback_acknowledged_body,
            name = display_name,
            partner = partner
        )
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
