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
/// Composers whose whole work is one `email!`: `name(param: Type, …) =>
/// x_subject, x_body, key = value, …;` defines `pub fn name(locale: &str,
/// param: Type, …) -> ComposedEmail`. The first word names the language
/// argument, so that values may use it.
macro_rules! composers {
    ($locale:ident; $($(#[$meta:meta])* $name:ident($($param:ident: $ty:ty),*) => $subject:ident $({ $($sarg:ident = $sval:expr),* })?, $body:ident $(, $arg:ident = $val:expr)*;)*) => {
        $(
            $(#[$meta])*
            pub fn $name($locale: &str, $($param: $ty),*) -> ComposedEmail {
                let $locale = locale_or_french($locale);
                email!($locale, $subject $({ $($sarg = $sval),* })?, $body $(, $arg = $val)*)
            }
        )*
    };
}

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

composers! {
    locale;
    password_reset(display_name: &str, valid_minutes: i64) => reset_subject, reset_body, name = display_name, minutes = valid_minutes;
    /// To a student who registered: confirm the address to create the account.
    registration_confirmation(display_name: &str, valid_hours: i64) => registration_confirmation_subject, registration_confirmation_body, name = display_name, hours = valid_hours;
    /// To the owner of an account: someone tried to register with this address.
    registration_notice(display_name: &str) => registration_notice_subject, registration_notice_body, name = display_name;
    /// To a candidate mentor: the application arrived; the link shows where it stands.
    application_received(display_name: &str) => application_received_subject, application_received_body, name = display_name;
    /// To a candidate mentor: the coordinator needs more information.
    application_info_requested(display_name: &str, request: &str) => application_info_subject, application_info_body, name = display_name, request = request;
    /// To a candidate mentor: the application is declined, with the coordinator's reason.
    application_declined(display_name: &str, reason: &str) => application_declined_subject, application_declined_body, name = display_name, reason = reason;
    /// A pair proposed by the coordinator: to each of the two, about the other.
    pair_proposed(display_name: &str, partner: &str, score: u32) => pair_proposed_subject, pair_proposed_body, name = display_name, partner = partner, score = score;
    goal_proposed(display_name: &str, partner: &str, goal: &str) => goal_proposed_subject, goal_proposed_body, name = display_name, partner = partner, goal = goal;
    /// A change to an agreed goal (achieved, dropped, reopened, a new milestone)
    /// waiting for the reader's answer.
    goal_change_proposed(display_name: &str, partner: &str, goal: &str) => goal_change_proposed_subject, goal_change_proposed_body, name = display_name, partner = partner, goal = goal;
    /// A meeting planned or changed; `when` in the program's time zone.
    meeting_planned(display_name: &str, partner: &str, when: &str) => meeting_planned_subject, meeting_planned_body, name = display_name, partner = partner, when = local_when(locale, when);
    feedback_received(display_name: &str, partner: &str) => feedback_received_subject, feedback_received_body, name = display_name, partner = partner;
    meeting_reminder(display_name: &str, partner: &str, when: &str) => meeting_reminder_subject, meeting_reminder_body, name = display_name, partner = partner, when = local_when(locale, when);
    /// To a coordinator: one of the two declined a proposal, with their reason
    /// (the coordination reads decline reasons).
    coordinator_pair_declined(display_name: &str, who: &str, partner: &str, reason: &str) => pair_declined_subject, pair_declined_body, name = display_name, who = who, partner = partner, reason = reason;
    /// To one of a pair's two people: the other wrote (never the words: they
    /// are read in the workspace).
    message_received(display_name: &str, partner: &str) => message_received_subject { partner = partner }, message_received_body, name = display_name, partner = partner;
    /// To a coordinator: a message was reported to her (she reads it on the
    /// pair's page, alone).
    coordinator_message_reported(display_name: &str, who: &str) => message_reported_subject, message_reported_body, name = display_name, who = who;
    /// To a coordinator: one of a pair's two people asks to end it, with why.
    coordinator_end_requested(display_name: &str, who: &str, partner: &str, reason: &str) => end_requested_subject, end_requested_body, name = display_name, who = who, partner = partner, reason = reason;
    /// To a coordinator: both accepted, the pair is active.
    coordinator_pair_activated(display_name: &str, mentor: &str, mentee: &str) => coordinator_pair_activated_subject, coordinator_pair_activated_body, name = display_name, mentor = mentor, mentee = mentee;
    /// To a coordinator: one of the two answered the fit check "not a fit".
    coordinator_not_a_fit(display_name: &str, who: &str, partner: &str) => not_a_fit_subject, not_a_fit_body, name = display_name, who = who, partner = partner;
    /// To a mentor carried over to `cohort` (its name in their language):
    /// confirm your capacity and availability for it, or decline.
    cohort_invitation(display_name: &str, cohort: &str) => cohort_invitation_subject { cohort = cohort }, cohort_invitation_body, name = display_name, cohort = cohort;
    /// To each of the two: their pair is active.
    pair_activated(display_name: &str, partner: &str) => pair_activated_subject, pair_activated_body, name = display_name, partner = partner;
    /// To each of the two: the coordination withdrew the proposal.
    pair_withdrawn(display_name: &str, partner: &str) => pair_withdrawn_subject, pair_withdrawn_body, name = display_name, partner = partner;
    /// To each of the two: the coordination ended the pair. Never with the
    /// coordinator's reason, which is for the coordination only.
    pair_ended(display_name: &str, partner: &str) => pair_ended_subject, pair_ended_body, name = display_name, partner = partner;
    /// To the other person: `partner` cancelled the meeting of `when`.
    meeting_cancelled(display_name: &str, partner: &str, when: &str) => meeting_cancelled_subject, meeting_cancelled_body, name = display_name, partner = partner, when = local_when(locale, when);
    /// To the person who proposed a goal: `partner` asks a change (what they
    /// ask is read in the workspace, not in an email).
    goal_change_requested(display_name: &str, partner: &str, goal: &str) => goal_change_subject, goal_change_body, name = display_name, partner = partner, goal = goal;
    /// To the person who planned a meeting: `partner` asks a change.
    meeting_change_requested(display_name: &str, partner: &str, when: &str) => meeting_change_subject, meeting_change_body, name = display_name, partner = partner, when = local_when(locale, when);
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

/// A cohort's name in the recipient's language.
fn cohort_name(locale: Locale, name_fr: &str, name_en: &str) -> String {
    match locale {
        Locale::fr => name_fr.to_owned(),
        Locale::en => name_en.to_owned(),
    }
}

/// To a person of a cohort: a questionnaire waits for them, the end-of-cycle
/// evaluation or (`pulse`) the mid-cohort pulse.
pub fn questionnaire_sent(
    locale: &str,
    display_name: &str,
    cohort_fr: &str,
    cohort_en: &str,
    pulse: bool,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    let cohort = cohort_name(locale, cohort_fr, cohort_en);
    if pulse {
        email!(
            locale,
            pulse_sent_subject,
            pulse_sent_body,
            name = display_name,
            cohort = cohort
        )
    } else {
        email!(
            locale,
            evaluation_sent_subject,
            evaluation_sent_body,
            name = display_name,
            cohort = cohort
        )
    }
}

/// To a person who has not sent their questionnaire a week after it came.
pub fn questionnaire_reminder(
    locale: &str,
    display_name: &str,
    cohort_fr: &str,
    cohort_en: &str,
    pulse: bool,
) -> ComposedEmail {
    let locale = locale_or_french(locale);
    let cohort = cohort_name(locale, cohort_fr, cohort_en);
    if pulse {
        email!(
            locale,
            pulse_reminder_subject,
            pulse_reminder_body,
            name = display_name,
            cohort = cohort
        )
    } else {
        email!(
            locale,
            evaluation_reminder_subject,
            evaluation_reminder_body,
            name = display_name,
            cohort = cohort
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
