//! Sophie Nguyen with Emily Chen (in English): a goal achieved, one in
//! progress, feedback Emily has not read yet.
use app::feedback::repo::{self as feedback, NewFeedback};
use app::goals::repo as goals;
use app::goals::{GoalEventKind, GoalStatus};
use app::meetings::MeetingStatus;
use app::pairs::Side;
use sqlx::SqliteConnection;

use super::{active_pair, day, goal, local_time, meeting, DemoClock, EMILY, SOPHIE};

/// Adds the pair and its story; whether it was added (both people exist).
pub(super) async fn add_pair(
    connection: &mut SqliteConnection,
    clock: DemoClock,
) -> Result<bool, sqlx::Error> {
    let Some(pair) = active_pair(connection, SOPHIE, EMILY, 81, &clock.ago(60)).await? else {
        return Ok(false);
    };
    let french = add_goals(connection, pair, clock).await?;
    let held = meeting(
        connection,
        pair,
        Side::Mentee,
        local_time(clock.today, -4, "10:00"),
        &[("Gain confidence presenting in French", Some(french))],
        true,
        Some((
            MeetingStatus::Held,
            "Practised a short pitch in French.",
            &[],
        )),
        &clock.ago(9),
    )
    .await?;
    feedback::insert_feedback(
        connection,
        pair,
        &NewFeedback {
            meeting_id: Some(held),
            goal_id: Some(french),
            goal_progress: None,
            strengths: "Your pitch was clear and well structured.".into(),
            to_improve: "Slow down: pause after each key idea.".into(),
            observations: "You presented three minutes of content in ninety seconds.".into(),
            next_step: "Record yourself once and listen for the pauses.".into(),
        },
        &clock.ago(3),
    )
    .await?;
    Ok(true)
}

/// The portfolio goal, achieved, then the French goal in progress; answers
/// the French goal's id.
async fn add_goals(
    connection: &mut SqliteConnection,
    pair: i64,
    clock: DemoClock,
) -> Result<i64, sqlx::Error> {
    let today = clock.today;
    let portfolio = goal(
        connection,
        pair,
        Side::Mentee,
        "Build a design portfolio",
        "Five projects online, each with a short case study.",
        Some(day(today, -10)),
        &[
            ("Pick the five projects", None, true),
            ("Write the case studies", None, true),
        ],
        true,
        &clock.ago(55),
    )
    .await?;
    goals::set_status(connection, portfolio, GoalStatus::Achieved).await?;
    goals::record_event(
        connection,
        portfolio,
        Side::Mentee,
        GoalEventKind::Achieved,
        None,
        &clock.ago(12),
    )
    .await?;
    goal(
        connection,
        pair,
        Side::Mentor,
        "Gain confidence presenting in French",
        "Lead a 15-minute team meeting in French.",
        Some(day(today, 40)),
        &[
            ("Join the French conversation club", None, true),
            (
                "Present a project to classmates in French",
                Some(day(today, 14)),
                false,
            ),
        ],
        true,
        &clock.ago(20),
    )
    .await
}
