//! The coordination's question editor: per questionnaire (kind × audience),
//! change a question's two wordings, add one, move one, retire one (its
//! answers stay). An evaluation holds 5 to 8 questions, a pulse 2. Every
//! change is written to the audit log.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Audience, Question, QuestionnaireKind};
use crate::error::AppError;

/// A questionnaire's questions as the editor shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireQuestions {
    pub kind: QuestionnaireKind,
    pub audience: Audience,
    /// In use, in their order, then retired.
    pub questions: Vec<Question>,
}

/// The kind and audience a form names (`evaluation`, `mentee`…).
pub fn parse_questionnaire(
    kind: &str,
    audience: &str,
) -> Result<(QuestionnaireKind, Audience), AppError> {
    use crate::error::InputProblem;

    let invalid = |field: &str| AppError::InvalidInput {
        field: field.to_owned(),
        problem: InputProblem::InvalidChoice,
    };
    let kind = QuestionnaireKind::parse(kind.trim()).ok_or_else(|| invalid("kind"))?;
    let audience = Audience::parse(audience.trim()).ok_or_else(|| invalid("audience"))?;
    Ok((kind, audience))
}

/// Records an edit: the questionnaire, what was done, to which question.
#[cfg(feature = "ssr")]
async fn audit_edit(
    pool: &sqlx::SqlitePool,
    actor_id: i64,
    kind: QuestionnaireKind,
    audience: Audience,
    what: &str,
    question_id: i64,
) {
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;

    let detail = format!(
        "{}/{}: {what} question {question_id}",
        kind.as_str(),
        audience.as_str()
    );
    record_by_caller(
        pool,
        AuditEvent::QuestionnaireEdited,
        Some(actor_id),
        None,
        Some(&detail),
    )
    .await;
}

#[server(endpoint = "questionnaire_questions")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_questionnaire_questions(
    kind: String,
    audience: String,
) -> Result<QuestionnaireQuestions, AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    let (kind, audience) = parse_questionnaire(&kind, &audience)?;
    let questions = super::repo::editing::all_questions(&pool()?, kind, audience).await?;
    Ok(QuestionnaireQuestions {
        kind,
        audience,
        questions,
    })
}

/// Changes a question's French and English wordings.
#[server(endpoint = "save_question_labels")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_question_labels(
    id: i64,
    label_fr: String,
    label_en: String,
) -> Result<(), AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let (label_fr, label_en) = super::check_labels(&label_fr, &label_en)?;
    let pool = pool()?;
    let place = super::repo::editing::update_labels(&pool, id, &label_fr, &label_en).await?;
    let actor = authorized.account()?.id;
    audit_edit(&pool, actor, place.kind, place.audience, "reworded", id).await;
    Ok(())
}

/// Adds a question (`answer_kind`: `scale` or `text`) at the end of a
/// questionnaire; refused (`QuestionCount`) when it is full.
#[server(endpoint = "add_question")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn add_question(
    kind: String,
    audience: String,
    answer_kind: String,
    label_fr: String,
    label_en: String,
) -> Result<(), AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::error::{FieldErrors, InputProblem};
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let (kind, audience) = parse_questionnaire(&kind, &audience)?;
    let mut errors = FieldErrors::new();
    let answer_kind = super::AnswerKind::parse(answer_kind.trim());
    if answer_kind.is_none() {
        errors.push("answer_kind", InputProblem::InvalidChoice);
    }
    let labels = errors.check(super::check_labels(&label_fr, &label_en));
    let (answer_kind, (label_fr, label_en)) =
        errors.finish_with(|| Some((answer_kind?, labels?)))?;
    let pool = pool()?;
    let id = super::repo::editing::add_question(
        &pool,
        kind,
        audience,
        answer_kind,
        &label_fr,
        &label_en,
    )
    .await?;
    let actor = authorized.account()?.id;
    audit_edit(&pool, actor, kind, audience, "added", id).await;
    Ok(())
}

/// Moves a question one place `up` or `down`.
#[server(endpoint = "move_question")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn move_question(id: i64, direction: String) -> Result<(), AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::error::InputProblem;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let up = match direction.trim() {
        "up" => true,
        "down" => false,
        _ => {
            return Err(AppError::InvalidInput {
                field: "direction".to_owned(),
                problem: InputProblem::InvalidChoice,
            })
        }
    };
    let pool = pool()?;
    let place = super::repo::editing::move_question(&pool, id, up).await?;
    let what = if up { "moved up" } else { "moved down" };
    let actor = authorized.account()?.id;
    audit_edit(&pool, actor, place.kind, place.audience, what, id).await;
    Ok(())
}

/// Retires a question: no longer asked; the answers given stay, and show
/// in the results. Refused (`QuestionCount`) when the questionnaire would
/// hold too few.
#[server(endpoint = "retire_question")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn retire_question(id: i64) -> Result<(), AppError> {
    use crate::accounts::{session::authorize_role, Role};
    use crate::program_time::utc_now_text;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let pool = pool()?;
    let place = super::repo::editing::retire_question(&pool, id, &utc_now_text()).await?;
    let actor = authorized.account()?.id;
    audit_edit(&pool, actor, place.kind, place.audience, "retired", id).await;
    Ok(())
}
