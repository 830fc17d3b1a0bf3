//! The sentence for each problem a field can have, in the current language.
use crate::error::InputProblem;
use crate::i18n::{t_string, use_i18n};

/// The sentence explaining a problem with a field, in the current language.
pub fn problem_text(problem: InputProblem) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match problem {
        InputProblem::Required => t_string!(i18n, forms.required),
        InputProblem::TooLong => t_string!(i18n, forms.too_long),
        InputProblem::InvalidEmail => t_string!(i18n, forms.invalid_email),
        InputProblem::PasswordTooShort => t_string!(i18n, forms.password_too_short),
        InputProblem::PasswordCommon => t_string!(i18n, forms.password_common),
        InputProblem::PasswordMentionsYou => t_string!(i18n, forms.password_mentions_you),
        InputProblem::ConsentRequired => t_string!(i18n, forms.consent_required),
        InputProblem::StudentRequired => t_string!(i18n, forms.student_required),
        InputProblem::EmailTaken => t_string!(i18n, forms.email_taken),
        InputProblem::WrongCurrentPassword => t_string!(i18n, forms.wrong_current_password),
        InputProblem::InvalidChoice => t_string!(i18n, forms.invalid_choice),
        InputProblem::NotOnYourself => t_string!(i18n, forms.not_on_yourself),
        InputProblem::ChooseAtLeastOne => t_string!(i18n, forms.choose_at_least_one),
        InputProblem::OutOfRange => t_string!(i18n, forms.out_of_range),
        InputProblem::InvalidDate => t_string!(i18n, forms.invalid_date),
        InputProblem::EndBeforeStart => t_string!(i18n, forms.end_before_start),
        InputProblem::OneLabelRequired => t_string!(i18n, forms.one_label_required),
        InputProblem::NotEligible => t_string!(i18n, forms.not_eligible),
        InputProblem::MentorNotEligible => t_string!(i18n, forms.mentor_not_eligible),
        InputProblem::TooManyLines => t_string!(i18n, forms.too_many_lines),
        InputProblem::WeightsTotal => t_string!(i18n, forms.weights_total),
        InputProblem::PairNotAllowed => t_string!(i18n, forms.pair_not_allowed),
        InputProblem::InThePast => t_string!(i18n, forms.in_the_past),
        InputProblem::NotYet => t_string!(i18n, forms.not_yet),
        InputProblem::MentorPaused => t_string!(i18n, forms.mentor_paused),
        InputProblem::BelowOpenPairs => t_string!(i18n, forms.below_open_pairs),
        InputProblem::InvalidPhone => t_string!(i18n, forms.invalid_phone),
        InputProblem::InTheFuture => t_string!(i18n, forms.in_the_future),
        InputProblem::BeforeOccurrence => t_string!(i18n, forms.before_occurrence),
        InputProblem::ConfirmRequired => t_string!(i18n, forms.confirm_required),
        InputProblem::InvalidCode => t_string!(i18n, forms.invalid_code),
        InputProblem::WrongCode => t_string!(i18n, forms.wrong_code),
        InputProblem::MfaRequired => t_string!(i18n, forms.mfa_required),
        InputProblem::MfaNeededFirst => t_string!(i18n, forms.mfa_needed_first),
    }
}
