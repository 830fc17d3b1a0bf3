//! SQL for a goal's milestones: adding them, ticking them, and a next step tied to the milestone it became.
#[allow(unused_imports)]
use super::*;

/// Adds milestones after the goal's last one; their ids, in order.
pub async fn add_milestones(
    connection: &mut SqliteConnection,
    goal_id: i64,
    milestones: &[(String, Option<NaiveDate>)],
    now: &str,
) -> Result<Vec<i64>, sqlx::Error> {
    let first: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM milestones WHERE goal_id = ?",
    )
    .bind(goal_id)
    .fetch_one(&mut *connection)
    .await?;
    let mut ids = Vec::with_capacity(milestones.len());
    for (offset, (title, due)) in milestones.iter().enumerate() {
        let inserted = sqlx::query(
            "INSERT INTO milestones (goal_id, position, title, due_date, created_at) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(goal_id)
        .bind(first + offset as i64)
        .bind(title)
        .bind(due.map(|date| date.format("%Y-%m-%d").to_string()))
        .bind(now)
        .execute(&mut *connection)
        .await?;
        ids.push(inserted.last_insert_rowid());
    }
    sqlx::query("UPDATE goals SET milestones_changed_at = ? WHERE id = ?")
        .bind(now)
        .bind(goal_id)
        .execute(&mut *connection)
        .await?;
    Ok(ids)
}

/// Adds one milestone and records it in the goal's history; its id.
pub async fn add_recorded_milestone(
    connection: &mut SqliteConnection,
    goal_id: i64,
    side: Side,
    title: &str,
    due: Option<NaiveDate>,
    now: &str,
) -> Result<i64, sqlx::Error> {
    let ids = add_milestones(connection, goal_id, &[(title.to_owned(), due)], now).await?;
    record_event(
        connection,
        goal_id,
        side,
        GoalEventKind::MilestoneAdded,
        Some(title),
        now,
    )
    .await?;
    ids.first().copied().ok_or(sqlx::Error::RowNotFound)
}

/// Ticks or unticks a milestone; its title, for the history. `None` when the
/// milestone is not this goal's or already in that state.
pub async fn set_milestone_done(
    connection: &mut SqliteConnection,
    goal_id: i64,
    milestone_id: i64,
    done: bool,
    now: &str,
) -> Result<Option<String>, sqlx::Error> {
    let title: Option<String> = sqlx::query_scalar(
        "UPDATE milestones SET done_at = CASE WHEN ? THEN ? ELSE NULL END \
         WHERE id = ? AND goal_id = ? AND (done_at IS NULL) = ? RETURNING title",
    )
    .bind(done)
    .bind(now)
    .bind(milestone_id)
    .bind(goal_id)
    .bind(done)
    .fetch_optional(&mut *connection)
    .await?;
    if title.is_some() {
        sqlx::query("UPDATE goals SET milestones_changed_at = ? WHERE id = ?")
            .bind(now)
            .bind(goal_id)
            .execute(&mut *connection)
            .await?;
    }
    Ok(title)
}

/// Links a meeting's next step to the milestone it became (written here: goals
/// decide when a milestone proposed from a step is agreed); false when it already was.
pub async fn link_next_step(
    connection: &mut SqliteConnection,
    id: i64,
    milestone_id: i64,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE meeting_next_steps SET milestone_id = ? WHERE id = ? AND milestone_id IS NULL",
    )
    .bind(milestone_id)
    .bind(id)
    .execute(&mut *connection)
    .await?
    .rows_affected()
        == 1)
}
