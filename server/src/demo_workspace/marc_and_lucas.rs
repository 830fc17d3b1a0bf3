//! Marc Tremblay with Lucas Roy: just started; a goal Marc proposed waits for
//! Lucas, and a meeting that took place is still to be logged.
use app::pairs::Side;
use sqlx::SqliteConnection;

use super::{active_pair, day, goal, local_time, meeting, DemoClock, LUCAS, MARC};

/// Adds the pair and its story; whether it was added (both people exist).
pub(super) async fn add_pair(
    connection: &mut SqliteConnection,
    clock: DemoClock,
) -> Result<bool, sqlx::Error> {
    let Some(pair) = active_pair(connection, MARC, LUCAS, 74, &clock.ago(6)).await? else {
        return Ok(false);
    };
    goal(
        connection,
        pair,
        Side::Mentor,
        "Choisir une orientation pour la maîtrise",
        "Une décision écrite entre deux programmes, avec ses raisons.",
        Some(day(clock.today, 50)),
        &[("Comparer trois programmes", None, false)],
        false,
        &clock.ago(4),
    )
    .await?;
    meeting(
        connection,
        pair,
        Side::Mentor,
        local_time(clock.today, -2, "16:00"),
        &[("Faire connaissance", None)],
        true,
        None,
        &clock.ago(5),
    )
    .await?;
    Ok(true)
}
