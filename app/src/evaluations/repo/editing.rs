//! The question editor's writes. Each decides on the rows as they are
//! inside its own transaction (how many questions, which is next), so two
//! coordinators editing at once never leave a questionnaire outside its size.
use sqlx::{SqliteConnection, SqlitePool};

use super::{
    current_questions, decoded_questions, questionnaire_id, QuestionRow, QUESTION_COLUMNS,
};
use crate::error::AppError;
use crate::evaluations::{may_change_count, AnswerKind, Audience, Question, QuestionnaireKind};

/// A question with the questionnaire it belongs to.
pub struct QuestionPlace {
    pub questionnaire_id: i64,
    pub kind: QuestionnaireKind,
    pub audience: Audience,
    pub retired: bool,
}

async fn place_of(
    connection: &mut SqliteConnection,
    question_id: i64,
) -> Result<Option<QuestionPlace>, AppError> {
    let row: Option<(i64, String, String, bool)> = sqlx::query_as(
        "SELECT qn.id, qn.kind, qn.audience, q.retired_at IS NOT NULL \
         FROM questionnaire_questions q JOIN questionnaires qn ON qn.id = q.questionnaire_id \
         WHERE q.id = ?",
    )
    .bind(question_id)
    .fetch_optional(&mut *connection)
    .await?;
    let Some((questionnaire_id, kind, audience, retired)) = row else {
        return Ok(None);
    };
    Ok(Some(QuestionPlace {
        questionnaire_id,
        kind: crate::stored::decode("questionnaires", "kind", &kind)?,
        audience: crate::stored::decode("questionnaires", "audience", &audience)?,
        retired,
    }))
}

/// Every question of a questionnaire: those in use in their order, then
/// the retired ones.
pub async fn all_questions(
    pool: &SqlitePool,
    kind: QuestionnaireKind,
    audience: Audience,
) -> Result<Vec<Question>, sqlx::Error> {
    let rows: Vec<QuestionRow> = sqlx::query_as(&format!(
        "SELECT {QUESTION_COLUMNS} FROM questionnaire_questions q \
         JOIN questionnaires qn ON qn.id = q.questionnaire_id \
         WHERE qn.kind = ? AND qn.audience = ? \
         ORDER BY q.retired_at IS NOT NULL, q.position, q.retired_at, q.id"
    ))
    .bind(kind.as_str())
    .bind(audience.as_str())
    .fetch_all(pool)
    .await?;
    Ok(decoded_questions(rows)?)
}

/// Changes a question's two wordings (its kind never changes: the answers
/// given keep their meaning). `NotFound` for an unknown question.
pub async fn update_labels(
    pool: &SqlitePool,
    question_id: i64,
    label_fr: &str,
    label_en: &str,
) -> Result<QuestionPlace, AppError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let place = place_of(&mut transaction, question_id)
        .await?
        .ok_or(AppError::NotFound)?;
    sqlx::query("UPDATE questionnaire_questions SET label_fr = ?, label_en = ? WHERE id = ?")
        .bind(label_fr)
        .bind(label_en)
        .bind(question_id)
        .execute(&mut *transaction)
        .await?;
    transaction.commit().await?;
    Ok(place)
}

/// Adds a question at the end of a questionnaire; refused
/// (`QuestionCount`) when it holds as many as it may. Answers the new id.
pub async fn add_question(
    pool: &SqlitePool,
    kind: QuestionnaireKind,
    audience: Audience,
    answer_kind: AnswerKind,
    label_fr: &str,
    label_en: &str,
) -> Result<i64, AppError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let questionnaire = questionnaire_id(&mut transaction, kind, audience).await?;
    let current = current_questions(&mut transaction, questionnaire).await?;
    if !may_change_count(kind, current.len(), true) {
        return Err(AppError::QuestionCount);
    }
    let position = current
        .iter()
        .map(|question| question.position)
        .max()
        .unwrap_or(0)
        + 1;
    let id = sqlx::query(
        "INSERT INTO questionnaire_questions \
         (questionnaire_id, position, answer_kind, label_fr, label_en) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(questionnaire)
    .bind(position)
    .bind(answer_kind.as_str())
    .bind(label_fr)
    .bind(label_en)
    .execute(&mut *transaction)
    .await?
    .last_insert_rowid();
    transaction.commit().await?;
    Ok(id)
}

/// Moves a question in use one place up (`up`) or down, swapping it with
/// its neighbour; nothing happens at either end. `NotFound` for an unknown
/// or retired question.
pub async fn move_question(
    pool: &SqlitePool,
    question_id: i64,
    up: bool,
) -> Result<QuestionPlace, AppError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let place = place_of(&mut transaction, question_id)
        .await?
        .filter(|place| !place.retired)
        .ok_or(AppError::NotFound)?;
    let mut questions = current_questions(&mut transaction, place.questionnaire_id).await?;
    let Some(index) = questions
        .iter()
        .position(|question| question.id == question_id)
    else {
        return Err(AppError::NotFound);
    };
    let other = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|next| *next < questions.len())
    };
    if let Some(other) = other {
        questions.swap(index, other);
        // Positions 1, 2, 3… in the new order: also mends gaps left by retired ones.
        for (position, question) in questions.iter().enumerate() {
            sqlx::query("UPDATE questionnaire_questions SET position = ? WHERE id = ?")
                .bind(i64::try_from(position).unwrap_or(i64::MAX - 1) + 1)
                .bind(question.id)
                .execute(&mut *transaction)
                .await?;
        }
    }
    transaction.commit().await?;
    Ok(place)
}

/// Retires a question: no longer asked, its answers kept. Refused
/// (`QuestionCount`) when the questionnaire holds as few as it may;
/// `NotFound` for an unknown or already retired question.
pub async fn retire_question(
    pool: &SqlitePool,
    question_id: i64,
    now: &str,
) -> Result<QuestionPlace, AppError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let place = place_of(&mut transaction, question_id)
        .await?
        .filter(|place| !place.retired)
        .ok_or(AppError::NotFound)?;
    let current = current_questions(&mut transaction, place.questionnaire_id).await?;
    if !may_change_count(place.kind, current.len(), false) {
        return Err(AppError::QuestionCount);
    }
    sqlx::query("UPDATE questionnaire_questions SET retired_at = ? WHERE id = ?")
        .bind(now)
        .bind(question_id)
        .execute(&mut *transaction)
        .await?;
    transaction.commit().await?;
    Ok(place)
}
