//! Gathering a cohort's submitted answers per question: for a scale, how
//! many gave each value, how many answered and the mean; for a text, the
//! texts. Plain Rust: the caller gives only submitted answers.
use serde::{Deserialize, Serialize};

use super::{AnswerKind, AnswerValue, Question, SCALE_MAX, SCALE_MIN};

/// What the people of one audience did with a sending.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseRate {
    /// Responses sent out (one per person).
    pub sent: i64,
    /// Saved as a draft, not sent yet.
    pub drafted: i64,
    pub submitted: i64,
}

impl ResponseRate {
    /// The share of people who answered, in whole percent (0 when none was sent).
    pub fn submitted_percent(&self) -> i64 {
        if self.sent <= 0 {
            0
        } else {
            (self.submitted * 100 + self.sent / 2) / self.sent
        }
    }
}

/// One question's gathered answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub question: Question,
    /// For a scale: how many answered 1, 2, … 5 (index 0 is 1).
    pub counts: Vec<i64>,
    /// How many answered this question.
    pub answered: i64,
    /// For a scale: the mean in tenths (42 is 4.2), rounded; `None` without answers.
    pub mean_tenths: Option<i64>,
    /// For a text: the answers, in the order given.
    pub texts: Vec<String>,
}

/// A mean in tenths as people read it: `4,2` in French, `4.2` in English.
pub fn mean_text(mean_tenths: i64, decimal_comma: bool) -> String {
    let text = format!("{}.{}", mean_tenths / 10, mean_tenths % 10);
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

/// Each question's result, in the questions' order, from `(question id,
/// answer)` of submitted responses. An answer of the wrong kind for its
/// question, or out of the scale, is not counted.
pub fn aggregate(questions: &[Question], answers: &[(i64, AnswerValue)]) -> Vec<QuestionResult> {
    let width = usize::try_from(SCALE_MAX - SCALE_MIN + 1).unwrap_or(5);
    questions
        .iter()
        .map(|question| {
            let mut result = QuestionResult {
                question: question.clone(),
                counts: match question.kind {
                    AnswerKind::Scale => vec![0; width],
                    AnswerKind::Text => Vec::new(),
                },
                answered: 0,
                mean_tenths: None,
                texts: Vec::new(),
            };
            let mut total = 0;
            for (_, answer) in answers.iter().filter(|(id, _)| *id == question.id) {
                match (question.kind, answer) {
                    (AnswerKind::Scale, AnswerValue::Scale(value))
                        if (SCALE_MIN..=SCALE_MAX).contains(value) =>
                    {
                        if let Some(count) = usize::try_from(value - SCALE_MIN)
                            .ok()
                            .and_then(|index| result.counts.get_mut(index))
                        {
                            *count += 1;
                            total += value;
                            result.answered += 1;
                        }
                    }
                    (AnswerKind::Text, AnswerValue::Text(text)) => {
                        result.texts.push(text.clone());
                        result.answered += 1;
                    }
                    _ => {}
                }
            }
            if question.kind == AnswerKind::Scale && result.answered > 0 {
                // Rounded half up: (20 × total / n + 1) / 2 tenths.
                result.mean_tenths = Some((20 * total / result.answered + 1) / 2);
            }
            result
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Bilingual;

    fn question(id: i64, kind: AnswerKind) -> Question {
        Question {
            id,
            position: id,
            kind,
            label: Bilingual::default(),
            retired: false,
        }
    }

    #[test]
    fn scales_are_counted_per_value_with_their_mean_and_texts_listed() {
        let questions = [
            question(1, AnswerKind::Scale),
            question(2, AnswerKind::Text),
        ];
        let answers = [
            (1, AnswerValue::Scale(5)),
            (1, AnswerValue::Scale(4)),
            (1, AnswerValue::Scale(4)),
            (2, AnswerValue::Text("Les rencontres".to_owned())),
            (2, AnswerValue::Text("La coordination".to_owned())),
            // Wrong kinds and values outside the scale are not counted.
            (1, AnswerValue::Text("cinq".to_owned())),
            (1, AnswerValue::Scale(9)),
            (2, AnswerValue::Scale(3)),
            // An answer to another question.
            (7, AnswerValue::Scale(1)),
        ];
        let results = aggregate(&questions, &answers);
        assert_eq!(results[0].counts, [0, 0, 0, 2, 1]);
        assert_eq!(results[0].answered, 3);
        assert_eq!(results[0].mean_tenths, Some(43), "13 / 3 = 4.33");
        assert_eq!(results[1].texts, ["Les rencontres", "La coordination"]);
        assert_eq!(results[1].answered, 2);
        assert_eq!(results[1].mean_tenths, None);
    }

    #[test]
    fn a_question_without_answers_has_no_mean() {
        let results = aggregate(&[question(1, AnswerKind::Scale)], &[]);
        assert_eq!(results[0].counts, [0, 0, 0, 0, 0]);
        assert_eq!(results[0].mean_tenths, None);
        assert_eq!(aggregate(&[], &[(1, AnswerValue::Scale(3))]), []);
    }

    #[test]
    fn means_round_half_up_and_read_in_each_language() {
        let answers = [(1, AnswerValue::Scale(4)), (1, AnswerValue::Scale(5))];
        let results = aggregate(&[question(1, AnswerKind::Scale)], &answers);
        assert_eq!(results[0].mean_tenths, Some(45));
        assert_eq!(mean_text(45, true), "4,5");
        assert_eq!(mean_text(40, false), "4.0");
    }

    #[test]
    fn the_rate_is_the_share_who_submitted() {
        let rate = ResponseRate {
            sent: 3,
            drafted: 1,
            submitted: 2,
        };
        assert_eq!(rate.submitted_percent(), 67);
        assert_eq!(ResponseRate::default().submitted_percent(), 0);
    }
}
