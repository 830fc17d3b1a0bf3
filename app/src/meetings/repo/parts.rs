//! What pairs' meetings hold besides their own rows (objectives, next
//! steps, which have feedback, the mentor's private notes), read once for
//! all the pairs and grouped by meeting.
use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::sql_ids::grouped_by;

#[derive(sqlx::FromRow)]
struct ObjectiveRow {
    meeting_id: i64,
    goal_id: Option<i64>,
    milestone_id: Option<i64>,
    text: String,
}

#[derive(sqlx::FromRow)]
struct NextStepRow {
    id: i64,
    meeting_id: i64,
    text: String,
    milestone_id: Option<i64>,
}

/// What pairs' meetings hold besides their own rows.
pub(super) struct MeetingParts {
    /// By meeting, as are the next steps.
    objectives: BTreeMap<i64, Vec<ObjectiveRow>>,
    next_steps: BTreeMap<i64, Vec<NextStepRow>>,
    /// The meetings that have feedback.
    with_feedback: BTreeSet<i64>,
    /// (meeting, note): read for the mentor only.
    private_notes: BTreeMap<i64, String>,
}

impl MeetingParts {
    pub(super) async fn of_pairs(
        pool: &SqlitePool,
        pair_ids: &[i64],
        notes_for: &[i64],
    ) -> Result<Self, sqlx::Error> {
        let ids = json_ids(pair_ids);
        let objectives: Vec<ObjectiveRow> = sqlx::query_as(&format!(
            "SELECT o.meeting_id, o.goal_id, o.milestone_id, o.text FROM meeting_objectives o \
             JOIN meetings m ON m.id = o.meeting_id WHERE m.pair_id {IN_LIST} \
             ORDER BY o.meeting_id, o.position"
        ))
        .bind(&ids)
        .fetch_all(pool)
        .await?;
        let next_steps: Vec<NextStepRow> = sqlx::query_as(&format!(
            "SELECT s.id, s.meeting_id, s.text, s.milestone_id FROM meeting_next_steps s \
             JOIN meetings m ON m.id = s.meeting_id WHERE m.pair_id {IN_LIST} \
             ORDER BY s.meeting_id, s.position"
        ))
        .bind(&ids)
        .fetch_all(pool)
        .await?;
        let with_feedback: Vec<i64> = sqlx::query_scalar(&format!(
            "SELECT DISTINCT meeting_id FROM feedback WHERE pair_id {IN_LIST} \
             AND meeting_id IS NOT NULL"
        ))
        .bind(&ids)
        .fetch_all(pool)
        .await?;
        let private_notes: Vec<(i64, String)> = if notes_for.is_empty() {
            Vec::new()
        } else {
            sqlx::query_as(&format!(
                "SELECT n.meeting_id, n.body FROM meeting_private_notes n \
                 JOIN meetings m ON m.id = n.meeting_id WHERE m.pair_id {IN_LIST}"
            ))
            .bind(json_ids(notes_for))
            .fetch_all(pool)
            .await?
        };
        Ok(Self {
            objectives: grouped_by(objectives, |objective| objective.meeting_id),
            next_steps: grouped_by(next_steps, |step| step.meeting_id),
            with_feedback: with_feedback.into_iter().collect(),
            private_notes: private_notes.into_iter().collect(),
        })
    }

    fn objectives_of(&self, meeting_id: i64) -> Vec<Objective> {
        self.objectives
            .get(&meeting_id)
            .into_iter()
            .flatten()
            .map(|objective| Objective {
                goal_id: objective.goal_id,
                milestone_id: objective.milestone_id,
                text: objective.text.clone(),
            })
            .collect()
    }

    fn next_steps_of(&self, meeting_id: i64) -> Vec<NextStep> {
        self.next_steps
            .get(&meeting_id)
            .into_iter()
            .flatten()
            .map(|step| NextStep {
                id: step.id,
                text: step.text.clone(),
                milestone_id: step.milestone_id,
            })
            .collect()
    }

    /// The meeting as shown; it is past once it started (`now`, UTC text).
    pub(super) fn meeting(
        &self,
        row: MeetingRow,
        now: &str,
    ) -> Result<Meeting, crate::stored::UnknownStoredValue> {
        let starts = program_time(&row.starts_at);
        let (date, time) = starts
            .split_once(' ')
            .map(|(date, time)| (date.to_owned(), time.to_owned()))
            .unwrap_or_default();
        let agreement = row.agreement()?;
        let status = row.status()?;
        Ok(Meeting {
            id: row.id,
            date,
            time,
            duration_minutes: row.duration_minutes,
            modality: crate::stored::decode("meetings", "modality", &row.modality)?,
            location: row.location,
            agreement,
            change_comment: row.change_comment,
            status,
            objectives: self.objectives_of(row.id),
            shared_notes: row.shared_notes,
            next_steps: self.next_steps_of(row.id),
            private_note: self.private_notes.get(&row.id).cloned(),
            is_past: row.starts_at.as_str() <= now,
            has_feedback: self.with_feedback.contains(&row.id),
            version: row.version,
            starts,
        })
    }
}
