//! The CSV export of a cohort's answers to one questionnaire kind: one row
//! per submitted response (drafts and pending ones are not in it), one
//! column per question of both audiences, headed in the reader's language.
//! The coordination's exports route serves it (`reports::exports`), with
//! its check, its audit line and its file format.
use sqlx::SqlitePool;

use super::repo::results;
use super::{AnswerValue, Audience, Question, QuestionnaireKind};
use crate::error::AppError;
use crate::i18n::{td_string, Locale};

fn audience_name(locale: Locale, audience: Audience) -> &'static str {
    match audience {
        Audience::Mentee => td_string!(locale, evaluations.audience_mentee),
        Audience::Mentor => td_string!(locale, evaluations.audience_mentor),
    }
}

/// The headers and rows of the export of `kind` for the cohort `cohort_id`.
pub async fn answers_table(
    pool: &SqlitePool,
    cohort_id: i64,
    kind: QuestionnaireKind,
    locale: Locale,
) -> Result<(Vec<String>, Vec<Vec<String>>), AppError> {
    let sending = results::sending(pool, cohort_id, kind).await?;
    let sending_id = sending.as_ref().map(|sending| sending.id);
    let mut columns: Vec<(Audience, Question)> = Vec::new();
    for audience in Audience::ALL {
        for question in results::result_questions(pool, kind, audience, sending_id).await? {
            columns.push((audience, question));
        }
    }
    let mut headers = vec![
        td_string!(locale, evaluations.columns.role).to_owned(),
        td_string!(locale, evaluations.columns.person).to_owned(),
        td_string!(locale, evaluations.columns.submitted_at).to_owned(),
    ];
    headers.extend(columns.iter().map(|(audience, question)| {
        format!(
            "{} — {}",
            audience_name(locale, *audience),
            question.label.get(locale).unwrap_or_default()
        )
    }));
    let responses = match sending_id {
        Some(id) => results::submitted_responses(pool, id).await?,
        None => Vec::new(),
    };
    let rows = responses
        .into_iter()
        .map(|response| {
            let mut row = vec![
                audience_name(locale, response.audience).to_owned(),
                response.name.clone(),
                response.submitted_at.clone(),
            ];
            row.extend(columns.iter().map(|(audience, question)| {
                if *audience != response.audience {
                    return String::new();
                }
                match response.answers.get(&question.id) {
                    Some(AnswerValue::Scale(value)) => value.to_string(),
                    Some(AnswerValue::Text(text)) => text.clone(),
                    None => String::new(),
                }
            }));
            row
        })
        .collect();
    Ok((headers, rows))
}
