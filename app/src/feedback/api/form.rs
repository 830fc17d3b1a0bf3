//! The feedback form read and checked: every field's problem at once, the
//! meeting and the goal of the mentor's own pair.
use super::super::repo::NewFeedback;
use super::super::PART_MAX_CHARS;
use crate::error::{AppError, FieldErrors, InputProblem};
use crate::goals::repo::{self as goals, GoalRow};
use crate::input::{parse_optional_number, parse_required_text};
use crate::meetings::repo as meetings;

/// The form's fields as typed.
pub struct FeedbackForm<'a> {
    pub meeting_id: &'a str,
    pub goal_id: &'a str,
    pub goal_progress: &'a str,
    pub strengths: &'a str,
    pub to_improve: &'a str,
    pub observations: &'a str,
    pub next_step: &'a str,
}

/// An optional id from a select (empty: none).
fn optional_id(field: &str, raw: &str) -> Result<Option<i64>, AppError> {
    parse_optional_number(field, raw, 1, i64::MAX)
}

/// The feedback to store, and the goal it assesses (when it gives a
/// progress, the goal must be agreed). The meeting and the goal must be
/// `pair_id`'s.
pub async fn read_feedback(
    pool: &sqlx::SqlitePool,
    pair_id: i64,
    form: &FeedbackForm<'_>,
) -> Result<(NewFeedback, Option<GoalRow>), AppError> {
    let mut errors = FieldErrors::new();
    let meeting_id = errors
        .check(optional_id("meeting_id", form.meeting_id))
        .flatten();
    let goal_id = errors.check(optional_id("goal_id", form.goal_id)).flatten();
    let goal_progress = errors
        .check(parse_optional_number(
            "goal_progress",
            form.goal_progress,
            0,
            100,
        ))
        .flatten();
    let text = |field: &str, raw: &str| parse_required_text(field, raw, PART_MAX_CHARS);
    let strengths = errors.check(text("strengths", form.strengths));
    let to_improve = errors.check(text("to_improve", form.to_improve));
    let observations = errors.check(text("observations", form.observations));
    let next_step = errors.check(text("next_step", form.next_step));
    if goal_progress.is_some() && goal_id.is_none() {
        errors.push("goal_id", InputProblem::Required);
    }
    if let Some(meeting_id) = meeting_id {
        let meeting = meetings::find_meeting(pool, meeting_id).await?;
        if meeting.is_none_or(|meeting| meeting.pair_id != pair_id) {
            errors.push("meeting_id", InputProblem::InvalidChoice);
        }
    }
    let goal = match goal_id {
        Some(goal_id) => match goals::find_goal(pool, goal_id).await? {
            Some(goal) if goal.pair_id == pair_id => Some(goal),
            _ => {
                errors.push("goal_id", InputProblem::InvalidChoice);
                None
            }
        },
        None => None,
    };
    let (strengths, to_improve, observations, next_step) =
        errors.finish_with(|| Some((strengths?, to_improve?, observations?, next_step?)))?;
    let goal_agreed = match &goal {
        Some(goal) => goal.agreement()?.is_agreed(),
        None => true,
    };
    if goal_progress.is_some() && !goal_agreed {
        return Err(AppError::NotAgreed);
    }
    let feedback = NewFeedback {
        meeting_id,
        goal_id,
        goal_progress,
        strengths,
        to_improve,
        observations,
        next_step,
    };
    Ok((feedback, goal))
}
