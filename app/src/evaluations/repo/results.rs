//! What the coordination reads of a sending: how many answered, the
//! submitted answers (never a draft's), who answered, and the rows of the
//! CSV export.
use std::collections::BTreeMap;

use sqlx::SqlitePool;

use super::{decoded_questions, AnswerRow, QuestionRow, QUESTION_COLUMNS};
use crate::evaluations::results_api::PersonResponse;
use crate::evaluations::{
    AnswerValue, Audience, Question, QuestionnaireKind, ResponseRate, ResponseStatus,
};

/// A questionnaire sent to a cohort.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SendingRecord {
    pub id: i64,
    pub sent_at: String,
    pub reminded_at: Option<String>,
}

pub async fn sending(
    pool: &SqlitePool,
    cohort_id: i64,
    kind: QuestionnaireKind,
) -> Result<Option<SendingRecord>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, sent_at, reminded_at FROM questionnaire_sendings \
         WHERE cohort_id = ? AND kind = ?",
    )
    .bind(cohort_id)
    .bind(kind.as_str())
    .fetch_optional(pool)
    .await
}

#[derive(sqlx::FromRow)]
struct RateRow {
    audience: String,
    sent: i64,
    drafted: i64,
    submitted: i64,
}

/// How many were sent, drafted and submitted, per audience.
pub async fn rates(
    pool: &SqlitePool,
    sending_id: i64,
) -> Result<BTreeMap<Audience, ResponseRate>, sqlx::Error> {
    let rows: Vec<RateRow> = sqlx::query_as(
        "SELECT qn.audience, COUNT(*) AS sent, \
                SUM(CASE WHEN r.submitted_at IS NULL AND r.updated_at IS NOT NULL THEN 1 ELSE 0 END) AS drafted, \
                SUM(CASE WHEN r.submitted_at IS NOT NULL THEN 1 ELSE 0 END) AS submitted \
         FROM questionnaire_responses r JOIN questionnaires qn ON qn.id = r.questionnaire_id \
         WHERE r.sending_id = ? GROUP BY qn.audience",
    )
    .bind(sending_id)
    .fetch_all(pool)
    .await?;
    // Counts without one audience would be other counts: an error.
    rows.into_iter()
        .map(|row| {
            Ok((
                crate::stored::decode("questionnaires", "audience", &row.audience)?,
                ResponseRate {
                    sent: row.sent,
                    drafted: row.drafted,
                    submitted: row.submitted,
                },
            ))
        })
        .collect()
}

/// The questions whose results a sending shows: those of the questionnaire
/// not retired, then retired ones that were answered in it (`None`: no
/// sending yet, the questions in use only).
pub async fn result_questions(
    pool: &SqlitePool,
    kind: QuestionnaireKind,
    audience: Audience,
    sending_id: Option<i64>,
) -> Result<Vec<Question>, sqlx::Error> {
    let rows: Vec<QuestionRow> = sqlx::query_as(&format!(
        "SELECT {QUESTION_COLUMNS} FROM questionnaire_questions q \
         JOIN questionnaires qn ON qn.id = q.questionnaire_id \
         WHERE qn.kind = ? AND qn.audience = ? AND (q.retired_at IS NULL OR EXISTS ( \
             SELECT 1 FROM questionnaire_answers a \
             JOIN questionnaire_responses r ON r.id = a.response_id \
             WHERE a.question_id = q.id AND r.sending_id = ? AND r.submitted_at IS NOT NULL)) \
         ORDER BY q.retired_at IS NOT NULL, q.position, q.id"
    ))
    .bind(kind.as_str())
    .bind(audience.as_str())
    .bind(sending_id)
    .fetch_all(pool)
    .await?;
    Ok(decoded_questions(rows)?)
}

/// Every answer of the sending's submitted responses, oldest response first.
pub async fn submitted_answers(
    pool: &SqlitePool,
    sending_id: i64,
) -> Result<Vec<(i64, AnswerValue)>, sqlx::Error> {
    let rows: Vec<AnswerRow> = sqlx::query_as(
        "SELECT a.question_id, a.scale, a.text FROM questionnaire_answers a \
         JOIN questionnaire_responses r ON r.id = a.response_id \
         WHERE r.sending_id = ? AND r.submitted_at IS NOT NULL \
         ORDER BY r.submitted_at, r.id",
    )
    .bind(sending_id)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().filter_map(AnswerRow::answer).collect())
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    response_id: i64,
    name: String,
    audience: String,
    updated_at: Option<String>,
    submitted_at: Option<String>,
}

/// Each person the sending went to, by audience then name.
pub async fn people(
    pool: &SqlitePool,
    sending_id: i64,
) -> Result<Vec<PersonResponse>, sqlx::Error> {
    let rows: Vec<PersonRow> = sqlx::query_as(
        "SELECT r.id AS response_id, a.display_name AS name, qn.audience, r.updated_at, \
                r.submitted_at \
         FROM questionnaire_responses r \
         JOIN questionnaires qn ON qn.id = r.questionnaire_id \
         JOIN profiles p ON p.id = r.profile_id JOIN accounts a ON a.id = p.account_id \
         WHERE r.sending_id = ? ORDER BY qn.audience, a.display_name, r.id",
    )
    .bind(sending_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(PersonResponse {
                response_id: row.response_id,
                name: row.name,
                // Left out of the list (logged), the others shown.
                audience: crate::stored::decode_or_skip(
                    "questionnaires",
                    "audience",
                    &row.audience,
                )?,
                status: match (&row.submitted_at, &row.updated_at) {
                    (Some(_), _) => ResponseStatus::Submitted,
                    (None, Some(_)) => ResponseStatus::Draft,
                    (None, None) => ResponseStatus::Pending,
                },
                submitted_at: row
                    .submitted_at
                    .as_deref()
                    .map(crate::program_time::program_time),
            })
        })
        .collect())
}

/// A submitted response as a line of the export.
#[derive(Debug, Clone)]
pub struct SubmittedResponse {
    pub name: String,
    pub audience: Audience,
    /// Program time.
    pub submitted_at: String,
    pub answers: BTreeMap<i64, AnswerValue>,
}

#[derive(sqlx::FromRow)]
struct SubmittedRow {
    response_id: i64,
    name: String,
    audience: String,
    submitted_at: String,
    question_id: Option<i64>,
    scale: Option<i64>,
    text: Option<String>,
}

/// The submitted responses of a sending with their answers, by audience
/// then name (drafts and pending responses are not in it).
pub async fn submitted_responses(
    pool: &SqlitePool,
    sending_id: i64,
) -> Result<Vec<SubmittedResponse>, sqlx::Error> {
    let rows: Vec<SubmittedRow> = sqlx::query_as(
        "SELECT r.id AS response_id, ac.display_name AS name, qn.audience, r.submitted_at, \
                a.question_id, a.scale, a.text \
         FROM questionnaire_responses r \
         JOIN questionnaires qn ON qn.id = r.questionnaire_id \
         JOIN profiles p ON p.id = r.profile_id JOIN accounts ac ON ac.id = p.account_id \
         LEFT JOIN questionnaire_answers a ON a.response_id = r.id \
         WHERE r.sending_id = ? AND r.submitted_at IS NOT NULL \
         ORDER BY qn.audience, ac.display_name, r.id",
    )
    .bind(sending_id)
    .fetch_all(pool)
    .await?;
    let mut responses: Vec<(i64, SubmittedResponse)> = Vec::new();
    for row in rows {
        // Results without one response would be other results: an error.
        let audience: Audience =
            crate::stored::decode("questionnaires", "audience", &row.audience)?;
        if responses
            .last()
            .is_none_or(|(id, _)| *id != row.response_id)
        {
            responses.push((
                row.response_id,
                SubmittedResponse {
                    name: row.name.clone(),
                    audience,
                    submitted_at: crate::program_time::program_time(&row.submitted_at),
                    answers: BTreeMap::new(),
                },
            ));
        }
        let answer = row.question_id.and_then(|question_id| {
            AnswerRow {
                question_id,
                scale: row.scale,
                text: row.text,
            }
            .answer()
        });
        if let (Some((question_id, value)), Some((_, response))) = (answer, responses.last_mut()) {
            response.answers.insert(question_id, value);
        }
    }
    Ok(responses
        .into_iter()
        .map(|(_, response)| response)
        .collect())
}
