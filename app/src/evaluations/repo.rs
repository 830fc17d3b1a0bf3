//! SQL of evaluations: questions, responses and their answers. The
//! sendings (at closing, the pulse, the reminder) are in `sending.rs`, the
//! question editor's writes in `repo/editing.rs`, the coordination's
//! readings in `repo/results.rs`.
use std::collections::BTreeMap;

use sqlx::{SqliteConnection, SqlitePool};

use super::{
    check_answers, AnswerValue, AnsweredQuestion, Audience, Intent, MyResponse, Question,
    QuestionnaireKind, ResponseInvite, ResponseStatus,
};
use crate::catalog::Bilingual;
use crate::error::AppError;
use crate::stored::{decode, decode_or_skip, UnknownStoredValue};

pub mod editing;
pub mod results;

#[derive(sqlx::FromRow)]
struct QuestionRow {
    id: i64,
    position: i64,
    answer_kind: String,
    label_fr: String,
    label_en: String,
    retired: bool,
}

impl QuestionRow {
    fn question(self) -> Result<Question, UnknownStoredValue> {
        Ok(Question {
            id: self.id,
            position: self.position,
            kind: decode("questionnaire_questions", "answer_kind", &self.answer_kind)?,
            label: Bilingual {
                fr: Some(self.label_fr),
                en: Some(self.label_en),
            },
            retired: self.retired,
        })
    }
}

/// Every question read, or an error: a questionnaire that left one out
/// would not be the questionnaire its answers belong to.
fn decoded_questions(rows: Vec<QuestionRow>) -> Result<Vec<Question>, UnknownStoredValue> {
    rows.into_iter().map(QuestionRow::question).collect()
}

const QUESTION_COLUMNS: &str = "q.id, q.position, q.answer_kind, q.label_fr, q.label_en, \
                                (q.retired_at IS NOT NULL) AS retired";

/// The questions of a questionnaire not retired, in their order.
pub async fn current_questions(
    connection: &mut SqliteConnection,
    questionnaire_id: i64,
) -> Result<Vec<Question>, sqlx::Error> {
    let rows: Vec<QuestionRow> = sqlx::query_as(&format!(
        "SELECT {QUESTION_COLUMNS} FROM questionnaire_questions q \
         WHERE q.questionnaire_id = ? AND q.retired_at IS NULL ORDER BY q.position, q.id"
    ))
    .bind(questionnaire_id)
    .fetch_all(&mut *connection)
    .await?;
    Ok(decoded_questions(rows)?)
}

/// The questions of a questionnaire a response answered (retired ones
/// included), in their order.
async fn answered_questions(
    connection: &mut SqliteConnection,
    response_id: i64,
) -> Result<Vec<Question>, sqlx::Error> {
    let rows: Vec<QuestionRow> = sqlx::query_as(&format!(
        "SELECT {QUESTION_COLUMNS} FROM questionnaire_questions q \
         JOIN questionnaire_answers a ON a.question_id = q.id \
         WHERE a.response_id = ? ORDER BY q.retired_at IS NOT NULL, q.position, q.id"
    ))
    .bind(response_id)
    .fetch_all(&mut *connection)
    .await?;
    Ok(decoded_questions(rows)?)
}

#[derive(sqlx::FromRow)]
struct AnswerRow {
    question_id: i64,
    scale: Option<i64>,
    text: Option<String>,
}

impl AnswerRow {
    fn answer(self) -> Option<(i64, AnswerValue)> {
        let value = match (self.scale, self.text) {
            (Some(scale), None) => AnswerValue::Scale(scale),
            (None, Some(text)) => AnswerValue::Text(text),
            _ => return None,
        };
        Some((self.question_id, value))
    }
}

/// The answers of one response, by question id.
async fn answers_of(
    connection: &mut SqliteConnection,
    response_id: i64,
) -> Result<BTreeMap<i64, AnswerValue>, sqlx::Error> {
    let rows: Vec<AnswerRow> = sqlx::query_as(
        "SELECT question_id, scale, text FROM questionnaire_answers WHERE response_id = ?",
    )
    .bind(response_id)
    .fetch_all(&mut *connection)
    .await?;
    Ok(rows.into_iter().filter_map(AnswerRow::answer).collect())
}

/// A response as stored, with what it belongs to.
#[derive(Debug, sqlx::FromRow)]
pub struct ResponseRecord {
    pub id: i64,
    pub questionnaire_id: i64,
    pub kind: String,
    pub audience: String,
    pub cohort_code: String,
    pub cohort_name_fr: String,
    pub cohort_name_en: String,
    pub author_account_id: i64,
    pub author_name: String,
    pub version: i64,
    pub updated_at: Option<String>,
    pub submitted_at: Option<String>,
}

impl ResponseRecord {
    pub fn status(&self) -> ResponseStatus {
        match (&self.submitted_at, &self.updated_at) {
            (Some(_), _) => ResponseStatus::Submitted,
            (None, Some(_)) => ResponseStatus::Draft,
            (None, None) => ResponseStatus::Pending,
        }
    }

    pub fn kind(&self) -> Result<QuestionnaireKind, AppError> {
        Ok(decode("questionnaires", "kind", &self.kind)?)
    }

    pub fn audience(&self) -> Result<Audience, AppError> {
        Ok(decode("questionnaires", "audience", &self.audience)?)
    }

    pub fn cohort_name(&self) -> Bilingual {
        Bilingual {
            fr: Some(self.cohort_name_fr.clone()),
            en: Some(self.cohort_name_en.clone()),
        }
    }
}

const RESPONSE_SELECT: &str = "SELECT r.id, r.questionnaire_id, qn.kind, qn.audience, \
         c.code AS cohort_code, c.name_fr AS cohort_name_fr, c.name_en AS cohort_name_en, \
         a.id AS author_account_id, a.display_name AS author_name, \
         r.version, r.updated_at, r.submitted_at \
     FROM questionnaire_responses r \
     JOIN questionnaires qn ON qn.id = r.questionnaire_id \
     JOIN questionnaire_sendings s ON s.id = r.sending_id \
     JOIN cohorts c ON c.id = s.cohort_id \
     JOIN profiles p ON p.id = r.profile_id \
     JOIN accounts a ON a.id = p.account_id";

pub async fn find_response(
    connection: &mut SqliteConnection,
    id: i64,
) -> Result<Option<ResponseRecord>, sqlx::Error> {
    sqlx::query_as(&format!("{RESPONSE_SELECT} WHERE r.id = ?"))
        .bind(id)
        .fetch_optional(&mut *connection)
        .await
}

/// The questions of a response with its answers: those to answer while it
/// is not submitted (the current questions), those answered once it is.
pub async fn answered(
    connection: &mut SqliteConnection,
    record: &ResponseRecord,
) -> Result<Vec<AnsweredQuestion>, sqlx::Error> {
    let questions = if record.submitted_at.is_some() {
        answered_questions(connection, record.id).await?
    } else {
        current_questions(connection, record.questionnaire_id).await?
    };
    let mut answers = answers_of(connection, record.id).await?;
    Ok(questions
        .into_iter()
        .map(|question| AnsweredQuestion {
            answer: answers.remove(&question.id),
            question,
        })
        .collect())
}

/// One's own response as its page shows it.
pub async fn my_response(
    pool: &SqlitePool,
    record: &ResponseRecord,
) -> Result<MyResponse, AppError> {
    let mut connection = pool.acquire().await?;
    Ok(MyResponse {
        id: record.id,
        kind: record.kind()?,
        audience: record.audience()?,
        cohort_name: record.cohort_name(),
        status: record.status(),
        version: record.version,
        submitted_at: record
            .submitted_at
            .as_deref()
            .map(crate::program_time::program_time),
        questions: answered(&mut connection, record).await?,
    })
}

#[derive(sqlx::FromRow)]
struct InviteRow {
    id: i64,
    kind: String,
    cohort_name_fr: String,
    cohort_name_en: String,
    updated_at: Option<String>,
    submitted_at: Option<String>,
}

/// The responses of an account, the newest sending first: those waiting
/// and those answered, for its area page.
pub async fn invites_of(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Vec<ResponseInvite>, sqlx::Error> {
    let rows: Vec<InviteRow> = sqlx::query_as(
        "SELECT r.id, qn.kind, c.name_fr AS cohort_name_fr, c.name_en AS cohort_name_en, \
                r.updated_at, r.submitted_at \
         FROM questionnaire_responses r \
         JOIN questionnaires qn ON qn.id = r.questionnaire_id \
         JOIN questionnaire_sendings s ON s.id = r.sending_id \
         JOIN cohorts c ON c.id = s.cohort_id \
         JOIN profiles p ON p.id = r.profile_id \
         WHERE p.account_id = ? ORDER BY s.sent_at DESC, r.id DESC LIMIT 20",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(ResponseInvite {
                id: row.id,
                // One of unknown kind is left out of the list (logged).
                kind: decode_or_skip("questionnaires", "kind", &row.kind)?,
                cohort_name: Bilingual {
                    fr: Some(row.cohort_name_fr),
                    en: Some(row.cohort_name_en),
                },
                status: match (row.submitted_at, row.updated_at) {
                    (Some(_), _) => ResponseStatus::Submitted,
                    (None, Some(_)) => ResponseStatus::Draft,
                    (None, None) => ResponseStatus::Pending,
                },
            })
        })
        .collect())
}

/// Saves the answers typed in response `id` as read at `version`: a draft,
/// or sent for good. Decided on the row as it is inside the writing
/// transaction: refused once submitted (`AlreadySubmitted`), or when saved
/// since (`ResponseSavedElsewhere`). A send refused only because scales are missing
/// keeps what was typed as the draft (nothing typed is lost, however long),
/// then says which scales are missing.
pub async fn save_answers(
    pool: &SqlitePool,
    id: i64,
    version: i64,
    typed: &BTreeMap<String, String>,
    intent: Intent,
    now: &str,
) -> Result<ResponseStatus, AppError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let record = find_response(&mut transaction, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if record.submitted_at.is_some() {
        return Err(AppError::AlreadySubmitted);
    }
    if record.version != version {
        return Err(AppError::ResponseSavedElsewhere);
    }
    let questions = current_questions(&mut transaction, record.questionnaire_id).await?;
    let (answers, refusal) = match check_answers(&questions, typed, intent) {
        Ok(answers) => (answers, None),
        Err(checked) => match checked.valid_as_draft {
            Some(answers) => (answers, Some(checked.error)),
            None => return Err(checked.error),
        },
    };
    let submitted = intent == Intent::Send && refusal.is_none();
    write_answers(&mut transaction, id, &answers).await?;
    sqlx::query(
        "UPDATE questionnaire_responses SET version = version + 1, updated_at = ?, \
         submitted_at = ? WHERE id = ? AND submitted_at IS NULL",
    )
    .bind(now)
    .bind(submitted.then_some(now))
    .bind(id)
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;
    match refusal {
        Some(error) => Err(error),
        None if submitted => Ok(ResponseStatus::Submitted),
        None => Ok(ResponseStatus::Draft),
    }
}

/// Replaces a response's answers.
async fn write_answers(
    connection: &mut SqliteConnection,
    response_id: i64,
    answers: &[(i64, AnswerValue)],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM questionnaire_answers WHERE response_id = ?")
        .bind(response_id)
        .execute(&mut *connection)
        .await?;
    for (question_id, value) in answers {
        let (scale, text) = match value {
            AnswerValue::Scale(scale) => (Some(*scale), None),
            AnswerValue::Text(text) => (None, Some(text.as_str())),
        };
        sqlx::query(
            "INSERT INTO questionnaire_answers (response_id, question_id, scale, text) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(response_id)
        .bind(question_id)
        .bind(scale)
        .bind(text)
        .execute(&mut *connection)
        .await?;
    }
    Ok(())
}

/// The id of the questionnaire of `kind` for `audience`.
pub async fn questionnaire_id(
    connection: &mut SqliteConnection,
    kind: QuestionnaireKind,
    audience: Audience,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM questionnaires WHERE kind = ? AND audience = ?")
        .bind(kind.as_str())
        .bind(audience.as_str())
        .fetch_one(&mut *connection)
        .await
}
