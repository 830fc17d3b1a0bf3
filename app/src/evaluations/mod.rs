//! Evaluations (issue 19, item 5): when a cohort is concluded, each person
//! who had a pair in it receives a questionnaire (one for mentees, one for
//! mentors: 1–5 scales and free text), reminded once a week later; at
//! mid-cohort, a short pulse of two questions goes the same way to the people
//! of the active pairs. A person answers once, may keep a draft, and reads
//! their own answers afterwards; only the coordination reads the answers of
//! others, person by person and gathered per cohort (only submitted ones).
//! The coordination writes the questions, in French and in English.
//!
//! This file holds the types and the rules (what an answer must be, how
//! many questions a questionnaire holds, when the pulse and the reminder are
//! due), plain Rust with their tests; `aggregate` gathers the answers.
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::catalog::Bilingual;
use crate::error::{AppError, FieldErrors, InputProblem};

pub mod aggregate;
pub mod api;
pub mod editor_api;
pub mod editor_ui;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod results_api;
pub mod results_ui;
#[cfg(feature = "ssr")]
pub mod sending;
pub mod ui;

pub use aggregate::{aggregate, QuestionResult, ResponseRate};

/// The lowest and highest answer of a scale.
pub const SCALE_MIN: i64 = 1;
pub const SCALE_MAX: i64 = 5;
/// At most this many characters in a text answer.
pub const TEXT_MAX_CHARS: usize = 2000;
/// At most this many characters in a question's wording.
pub const LABEL_MAX_CHARS: usize = 300;
/// Days after a sending when those who have not answered are reminded.
pub const REMINDER_AFTER_DAYS: i64 = 7;

crate::stored_enum! {
    /// Which questionnaire: the end-of-cycle evaluation or the mid-cohort pulse.
    #[derive(Hash, PartialOrd, Ord)]
    pub enum QuestionnaireKind {
        Evaluation,
        Pulse,
    }
}

impl QuestionnaireKind {
    pub const ALL: [QuestionnaireKind; 2] =
        [QuestionnaireKind::Evaluation, QuestionnaireKind::Pulse];

    /// How many questions (not retired) its questionnaires hold.
    pub fn question_count(self) -> std::ops::RangeInclusive<usize> {
        match self {
            QuestionnaireKind::Evaluation => 5..=8,
            QuestionnaireKind::Pulse => 2..=2,
        }
    }
}

crate::stored_enum! {
    /// Who answers a questionnaire.
    #[derive(Hash, PartialOrd, Ord)]
    pub enum Audience {
        Mentee,
        Mentor,
    }
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Mentee, Audience::Mentor];
}

crate::stored_enum! {
    /// How a question is answered.
    pub enum AnswerKind {
        /// 1 to 5.
        Scale,
        /// Free text.
        Text,
    }
}

crate::stored_enum! {
    /// Where one person's response stands.
    pub enum ResponseStatus {
        /// Sent to them, nothing saved yet.
        Pending,
        /// Saved, not sent: only its author reads it.
        Draft,
        /// Sent: final, read by the coordination.
        Submitted,
    }
}

/// A question as its questionnaire holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: i64,
    pub position: i64,
    pub kind: AnswerKind,
    /// Both wordings (each required).
    pub label: Bilingual,
    pub retired: bool,
}

impl Question {
    /// The name of its field in the form (`answers[12]`), which is also the
    /// field its problems are reported on.
    pub fn field(&self) -> String {
        format!("answers[{}]", self.id)
    }
}

/// An answer: a scale's value or a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerValue {
    Scale(i64),
    Text(String),
}

/// A question and the answer given to it, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnsweredQuestion {
    pub question: Question,
    pub answer: Option<AnswerValue>,
}

/// One's own response, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyResponse {
    pub id: i64,
    pub kind: QuestionnaireKind,
    /// Whose questionnaire: the way back goes to their area.
    pub audience: Audience,
    pub cohort_name: Bilingual,
    pub status: ResponseStatus,
    /// The version a save names (optimistic concurrency).
    pub version: i64,
    /// Program time, once submitted.
    pub submitted_at: Option<String>,
    /// The questions to answer (a draft, with its answers) or, once
    /// submitted, those answered.
    pub questions: Vec<AnsweredQuestion>,
}

/// A questionnaire waiting for (or answered by) the reader, for their area page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseInvite {
    pub id: i64,
    pub kind: QuestionnaireKind,
    pub cohort_name: Bilingual,
    pub status: ResponseStatus,
}

/// Whether the save of a response keeps a draft or sends it for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Draft,
    Send,
}

impl Intent {
    /// The value of the button that sent the form (`draft` or `send`).
    pub fn parse(value: &str) -> Result<Intent, AppError> {
        match value.trim() {
            "draft" => Ok(Intent::Draft),
            "send" => Ok(Intent::Send),
            _ => Err(AppError::InvalidInput {
                field: "intent".to_owned(),
                problem: InputProblem::InvalidChoice,
            }),
        }
    }
}

/// The answers typed in a response's form (`answers[<question id>]` →
/// text), checked against its questions: each scale a whole number from 1
/// to 5, each text at most [`TEXT_MAX_CHARS`] characters; an empty field is
/// no answer. Sending also requires every scale. Fields that name no
/// question of the list (one retired meanwhile) are left out.
///
/// `Err` holds every problem at once; `missing_only` tells the caller when
/// the only problems are scales left empty on sending (the typed answers
/// are then valid as a draft).
pub fn check_answers(
    questions: &[Question],
    typed: &BTreeMap<String, String>,
    intent: Intent,
) -> Result<Vec<(i64, AnswerValue)>, CheckedAnswers> {
    let mut errors = FieldErrors::new();
    let mut answers = Vec::new();
    let mut missing = 0;
    let mut other = 0;
    for question in questions.iter().filter(|question| !question.retired) {
        let field = question.field();
        let raw = typed
            .get(&question.id.to_string())
            .map(|value| value.trim())
            .unwrap_or_default();
        match question.kind {
            AnswerKind::Scale if raw.is_empty() => {
                if intent == Intent::Send {
                    errors.push(&field, InputProblem::Required);
                    missing += 1;
                }
            }
            AnswerKind::Scale => match raw.parse::<i64>() {
                Ok(value) if (SCALE_MIN..=SCALE_MAX).contains(&value) => {
                    answers.push((question.id, AnswerValue::Scale(value)));
                }
                Ok(_) => {
                    errors.push(&field, InputProblem::OutOfRange);
                    other += 1;
                }
                Err(_) => {
                    errors.push(&field, InputProblem::InvalidChoice);
                    other += 1;
                }
            },
            AnswerKind::Text if raw.is_empty() => {}
            AnswerKind::Text if raw.chars().count() > TEXT_MAX_CHARS => {
                errors.push(&field, InputProblem::TooLong);
                other += 1;
            }
            AnswerKind::Text => answers.push((question.id, AnswerValue::Text(raw.to_owned()))),
        }
    }
    match errors.finish() {
        Ok(()) => Ok(answers),
        Err(error) => Err(CheckedAnswers {
            error,
            valid_as_draft: (other == 0 && missing > 0).then_some(answers),
        }),
    }
}

/// Answers refused: why, and, when only required scales were missing on
/// sending, the answers that a draft may keep.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedAnswers {
    pub error: AppError,
    pub valid_as_draft: Option<Vec<(i64, AnswerValue)>>,
}

/// A question's wording as the coordination types it: both languages
/// required, at most [`LABEL_MAX_CHARS`] characters each.
pub fn check_labels(label_fr: &str, label_en: &str) -> Result<(String, String), AppError> {
    use crate::input::parse_required_text;

    let mut errors = FieldErrors::new();
    let fr = errors.check(parse_required_text("label_fr", label_fr, LABEL_MAX_CHARS));
    let en = errors.check(parse_required_text("label_en", label_en, LABEL_MAX_CHARS));
    errors.finish_with(|| Some((fr?, en?)))
}

/// Whether a questionnaire of `kind` holding `current` questions may gain
/// one (`adding`) or lose one.
pub fn may_change_count(kind: QuestionnaireKind, current: usize, adding: bool) -> bool {
    let after = if adding {
        current + 1
    } else {
        current.saturating_sub(1)
    };
    // A count already outside the range may move towards it, never away.
    let range = kind.question_count();
    range.contains(&after)
        || (after < *range.start() && adding)
        || (after > *range.end() && !adding)
}

/// The middle of a cohort (program days): its start plus half its length.
pub fn mid_cohort(starts_on: NaiveDate, ends_on: NaiveDate) -> NaiveDate {
    let half = (ends_on - starts_on).num_days().max(0) / 2;
    starts_on + Duration::days(half)
}

/// Whether the pulse of a cohort is due on `today` (program day): from its
/// middle to its last day, while not concluded.
pub fn pulse_is_due(
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    concluded: bool,
    today: NaiveDate,
) -> bool {
    !concluded && mid_cohort(starts_on, ends_on) <= today && today <= ends_on
}

/// Whether a sending of `sent_at` is due for its one reminder at `now`.
pub fn reminder_is_due(sent_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= sent_at + Duration::days(REMINDER_AFTER_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: i64, kind: AnswerKind) -> Question {
        Question {
            id,
            position: id,
            kind,
            label: Bilingual {
                fr: Some(format!("Question {id}")),
                en: Some(format!("Question {id}")),
            },
            retired: false,
        }
    }

    fn typed(pairs: &[(i64, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(id, value)| (id.to_string(), (*value).to_owned()))
            .collect()
    }

    fn questions() -> Vec<Question> {
        vec![
            question(1, AnswerKind::Scale),
            question(2, AnswerKind::Scale),
            question(3, AnswerKind::Text),
        ]
    }

    #[test]
    fn a_draft_keeps_what_is_typed_and_needs_nothing() {
        let answers = check_answers(
            &questions(),
            &typed(&[(1, "4"), (3, "  Bien  ")]),
            Intent::Draft,
        );
        assert_eq!(
            answers,
            Ok(vec![
                (1, AnswerValue::Scale(4)),
                (3, AnswerValue::Text("Bien".to_owned()))
            ])
        );
        assert_eq!(
            check_answers(&questions(), &typed(&[]), Intent::Draft),
            Ok(vec![])
        );
    }

    #[test]
    fn sending_requires_every_scale_and_the_draft_may_keep_the_rest() {
        let refused = check_answers(
            &questions(),
            &typed(&[(1, "5"), (3, "Merci")]),
            Intent::Send,
        );
        let Err(refused) = refused else {
            panic!("a scale is missing");
        };
        assert_eq!(
            refused.error.problem_with("answers[2]"),
            Some(InputProblem::Required)
        );
        assert_eq!(refused.error.problem_with("answers[1]"), None);
        assert_eq!(
            refused.valid_as_draft,
            Some(vec![
                (1, AnswerValue::Scale(5)),
                (3, AnswerValue::Text("Merci".to_owned()))
            ])
        );
        let sent = check_answers(&questions(), &typed(&[(1, "5"), (2, "1")]), Intent::Send);
        assert_eq!(
            sent,
            Ok(vec![(1, AnswerValue::Scale(5)), (2, AnswerValue::Scale(1))])
        );
    }

    #[test]
    fn a_scale_is_one_to_five_and_a_text_has_a_limit() {
        let long = "é".repeat(TEXT_MAX_CHARS + 1);
        let Err(refused) = check_answers(
            &questions(),
            &typed(&[(1, "6"), (2, "beaucoup"), (3, &long)]),
            Intent::Send,
        ) else {
            panic!("three bad answers");
        };
        assert_eq!(
            refused.error.problem_with("answers[1]"),
            Some(InputProblem::OutOfRange)
        );
        assert_eq!(
            refused.error.problem_with("answers[2]"),
            Some(InputProblem::InvalidChoice)
        );
        assert_eq!(
            refused.error.problem_with("answers[3]"),
            Some(InputProblem::TooLong)
        );
        assert_eq!(refused.valid_as_draft, None, "bad values are never kept");
        let Err(zero) = check_answers(&questions(), &typed(&[(1, "0")]), Intent::Draft) else {
            panic!("0 is below the scale");
        };
        assert_eq!(
            zero.error.problem_with("answers[1]"),
            Some(InputProblem::OutOfRange)
        );
        let exactly = "a".repeat(TEXT_MAX_CHARS);
        assert!(check_answers(&questions(), &typed(&[(3, &exactly)]), Intent::Draft).is_ok());
    }

    #[test]
    fn answers_to_unknown_or_retired_questions_are_left_out() {
        let mut list = questions();
        list[1].retired = true;
        let answers = check_answers(
            &list,
            &typed(&[(1, "3"), (2, "4"), (99, "5")]),
            Intent::Send,
        );
        assert_eq!(answers, Ok(vec![(1, AnswerValue::Scale(3))]));
    }

    #[test]
    fn the_intent_is_draft_or_send() {
        assert_eq!(Intent::parse("draft"), Ok(Intent::Draft));
        assert_eq!(Intent::parse(" send "), Ok(Intent::Send));
        assert!(Intent::parse("publish").is_err());
    }

    #[test]
    fn evaluations_hold_five_to_eight_questions_and_pulses_two() {
        use QuestionnaireKind::{Evaluation, Pulse};
        assert!(may_change_count(Evaluation, 6, true));
        assert!(may_change_count(Evaluation, 7, true));
        assert!(!may_change_count(Evaluation, 8, true));
        assert!(may_change_count(Evaluation, 6, false));
        assert!(!may_change_count(Evaluation, 5, false));
        assert!(!may_change_count(Pulse, 2, true));
        assert!(!may_change_count(Pulse, 2, false));
        // A questionnaire outside its range may only come back into it.
        assert!(may_change_count(Pulse, 1, true));
        assert!(may_change_count(Evaluation, 3, true));
        assert!(!may_change_count(Evaluation, 3, false));
        assert!(may_change_count(Evaluation, 10, false));
    }

    #[test]
    fn the_pulse_is_due_from_the_middle_of_the_cohort_to_its_end() {
        let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(2027, m, d).unwrap_or_default();
        let (starts, ends) = (day(1, 11), day(6, 18));
        // 158 days: the middle is 79 days after the start.
        assert_eq!(mid_cohort(starts, ends), day(3, 31));
        assert!(!pulse_is_due(starts, ends, false, day(3, 30)));
        assert!(pulse_is_due(starts, ends, false, day(3, 31)));
        assert!(pulse_is_due(starts, ends, false, day(6, 18)));
        assert!(!pulse_is_due(starts, ends, false, day(6, 19)), "over");
        assert!(!pulse_is_due(starts, ends, true, day(4, 1)), "concluded");
        assert_eq!(mid_cohort(day(1, 1), day(1, 2)), day(1, 1));
    }

    #[test]
    fn the_reminder_is_due_a_week_after_the_sending() {
        let sent = DateTime::parse_from_rfc3339("2027-06-20T14:00:00Z")
            .map(|time| time.with_timezone(&Utc))
            .unwrap_or_default();
        assert!(!reminder_is_due(
            sent,
            sent + Duration::days(7) - Duration::seconds(1)
        ));
        assert!(reminder_is_due(sent, sent + Duration::days(7)));
    }
}
