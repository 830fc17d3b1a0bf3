//! Demo pairs that need the coordinator's attention, so that the program
//! dashboard lights every kind of item and every chart (with the pairs of
//! `demo_workspace`). Among the generated people of "Hiver 2025", first by email:
//! 1. a proposal unanswered by both for 9 days;
//! 2. an active pair that never met in 6 weeks, whose mentor is now full
//!    while a mentee of their domain waits;
//! 3. an active pair whose last meeting held was 40 days ago, with a planned
//!    meeting 6 days ago never recorded, an overdue goal and milestone;
//! 4. an active pair meeting weekly, with feedback unacknowledged for 12 days
//!    and a fit check of "not a fit" (mentor) and "not sure" (mentee);
//! 5. an ended pair, whose mentee has waited 20 days since;
//! 6. two mentees waiting for 18 and 25 days, and a paused mentor of their domain.
//!
//! Times are relative to the day the demo is loaded. Loaded once.
use app::feedback::repo::{self as feedback, NewFeedback};
use app::feedback::FitAnswer;
use app::meetings::MeetingStatus;
use app::pairs::Side;
use sqlx::{SqliteConnection, SqlitePool};

use crate::demo_workspace::{day, goal, local_time, meeting, DemoClock};

/// The six named demo people: left to `demo_workspace` and the journeys.
const NAMED: &str =
    "'marc.tremblay@demo.mentorat.example', 'sophie.nguyen@demo.mentorat.example', \
     'david.cote@demo.mentorat.example', 'amina.diallo@demo.mentorat.example', \
     'lucas.roy@demo.mentorat.example', 'emily.chen@demo.mentorat.example'";

/// The first `count` generated people of "Hiver 2025" in this role, by email.
async fn generated(
    connection: &mut SqliteConnection,
    role: &str,
    count: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "SELECT p.id FROM profiles p JOIN accounts a ON a.id = p.account_id \
         JOIN cohorts c ON c.id = p.cohort_id \
         WHERE c.code = 'hiver-2025' AND p.role = ? AND a.email NOT IN ({NAMED}) \
         ORDER BY a.email LIMIT ?"
    ))
    .bind(role)
    .bind(count)
    .fetch_all(&mut *connection)
    .await
}

/// A pair in `status`, proposed `proposed` ago; active ones accepted by both then.
async fn pair(
    connection: &mut SqliteConnection,
    mentee: i64,
    mentor: i64,
    status: &str,
    proposed: &str,
    closed: Option<&str>,
) -> Result<i64, sqlx::Error> {
    let answered = status != "proposed";
    let id = sqlx::query(
        "INSERT INTO pairs (cohort_id, mentee_profile_id, mentor_profile_id, status, score, \
             mentee_answer, mentor_answer, proposed_at, activated_at, closed_at, reason) \
         SELECT cohort_id, ?, ?, ?, 70, ?, ?, ?, ?, ?, ? FROM profiles WHERE id = ?",
    )
    .bind(mentee)
    .bind(mentor)
    .bind(status)
    .bind(answered.then_some("accepted"))
    .bind(answered.then_some("accepted"))
    .bind(proposed)
    .bind(answered.then_some(proposed))
    .bind(closed)
    .bind(closed.map(|_| "Fin d’un commun accord : la personne mentorée a changé de programme."))
    .bind(mentee)
    .execute(&mut *connection)
    .await?
    .last_insert_rowid();
    Ok(id)
}

/// Gives `mentor` the first domain of `mentee`, so that the mentee waits "in their domain".
async fn share_domain(
    connection: &mut SqliteConnection,
    mentor: i64,
    mentee: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT OR IGNORE INTO profile_domains (profile_id, domain_id) \
         SELECT ?, domain_id FROM profile_domains WHERE profile_id = ? ORDER BY domain_id LIMIT 1",
    )
    .bind(mentor)
    .bind(mentee)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// Adds the pairs that need attention; how many.
pub async fn add_follow_up(pool: &SqlitePool) -> Result<u64, sqlx::Error> {
    let mut transaction = app::write_transaction::begin_write(pool).await?;
    let mentees = generated(&mut transaction, "mentee", 7).await?;
    let mentors = generated(&mut transaction, "mentor", 5).await?;
    let (Ok(mentees), Ok(mentors)) = (
        <[i64; 7]>::try_from(mentees.as_slice()),
        <[i64; 5]>::try_from(mentors.as_slice()),
    ) else {
        return Ok(0);
    };
    let started: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pairs WHERE mentee_profile_id = ?)")
            .bind(mentees[0])
            .fetch_one(&mut *transaction)
            .await?;
    if started {
        return Ok(0);
    }
    let clock = DemoClock::start();
    prepare_people(&mut transaction, &mentees, &mentors, clock).await?;
    // 1. Unanswered by both.
    pair(
        &mut transaction,
        mentees[0],
        mentors[0],
        "proposed",
        &clock.ago(9),
        None,
    )
    .await?;
    add_never_met(&mut transaction, mentees[1], mentors[1], mentees[6], clock).await?;
    add_stalled(&mut transaction, mentees[2], mentors[2], clock).await?;
    let (doubtful, last_held) =
        add_meeting_weekly(&mut transaction, mentees[3], mentors[3], clock).await?;
    add_feedback_and_doubts(&mut transaction, doubtful, last_held, clock).await?;
    // 5. Ended 20 days ago: the mentee waits again.
    pair(
        &mut transaction,
        mentees[4],
        mentors[4],
        "ended",
        &clock.ago(80),
        Some(&clock.ago(20)),
    )
    .await?;
    add_waiting(
        &mut transaction,
        [mentees[5], mentees[6]],
        mentors[4],
        clock,
    )
    .await?;
    transaction.commit().await?;
    Ok(5)
}

/// Sets the account date of `profile` to `created_at`, which waiting counts from.
async fn set_joined(
    connection: &mut SqliteConnection,
    profile: i64,
    created_at: String,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE accounts SET created_at = ? WHERE id = (SELECT account_id FROM profiles WHERE id = ?)",
    )
    .bind(created_at)
    .bind(profile)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// Everyone joined 90 days ago; every mentor has two places and no pause.
async fn prepare_people(
    connection: &mut SqliteConnection,
    mentees: &[i64; 7],
    mentors: &[i64; 5],
    clock: DemoClock,
) -> Result<(), sqlx::Error> {
    // They joined the program long ago: waiting counts from their last pair or the cohort.
    for profile in mentees.iter().chain(mentors.iter()) {
        set_joined(connection, *profile, clock.ago(90)).await?;
    }
    for mentor in mentors {
        sqlx::query(
            "UPDATE profiles SET capacity = MAX(capacity, 2), paused_until = NULL WHERE id = ?",
        )
        .bind(mentor)
        .execute(&mut *connection)
        .await?;
    }
    Ok(())
}

/// Case 2 of the module's list: never met; the mentor is then full, with a
/// mentee of their domain (`waiting`) waiting.
async fn add_never_met(
    connection: &mut SqliteConnection,
    mentee: i64,
    mentor: i64,
    waiting: i64,
    clock: DemoClock,
) -> Result<(), sqlx::Error> {
    pair(connection, mentee, mentor, "active", &clock.ago(45), None).await?;
    sqlx::query("UPDATE profiles SET capacity = 1 WHERE id = ?")
        .bind(mentor)
        .execute(&mut *connection)
        .await?;
    share_domain(connection, mentor, waiting).await
}

/// Case 3: stalled after a first meeting; a planned one never recorded; late goal.
async fn add_stalled(
    connection: &mut SqliteConnection,
    mentee: i64,
    mentor: i64,
    clock: DemoClock,
) -> Result<(), sqlx::Error> {
    let today = clock.today;
    let stalled = pair(connection, mentee, mentor, "active", &clock.ago(70), None).await?;
    goal(
        connection,
        stalled,
        Side::Mentee,
        "Préparer ma première entrevue",
        "Une simulation d’entrevue réussie avec ma ou mon mentor.",
        Some(day(today, -3)),
        &[(
            "Lister dix questions fréquentes",
            Some(day(today, -12)),
            false,
        )],
        true,
        &clock.ago(60),
    )
    .await?;
    meeting(
        connection,
        stalled,
        Side::Mentor,
        local_time(today, -40, "18:00"),
        &[("Faire connaissance", None)],
        true,
        Some((MeetingStatus::Held, "Premier contact chaleureux.", &[])),
        &clock.ago(45),
    )
    .await?;
    meeting(
        connection,
        stalled,
        Side::Mentee,
        local_time(today, -6, "18:00"),
        &[("Préparer ma première entrevue", None)],
        true,
        None,
        &clock.ago(10),
    )
    .await?;
    Ok(())
}

/// Case 4, first part: meeting weekly, with a goal achieved; answers the pair
/// and its last meeting held.
async fn add_meeting_weekly(
    connection: &mut SqliteConnection,
    mentee: i64,
    mentor: i64,
    clock: DemoClock,
) -> Result<(i64, i64), sqlx::Error> {
    let today = clock.today;
    let doubtful = pair(connection, mentee, mentor, "active", &clock.ago(50), None).await?;
    let achieved = goal(
        connection,
        doubtful,
        Side::Mentor,
        "Comprendre le milieu communautaire",
        "Trois organismes visités et un bilan écrit.",
        Some(day(today, -15)),
        &[],
        true,
        &clock.ago(45),
    )
    .await?;
    app::goals::repo::set_status(connection, achieved, app::goals::GoalStatus::Achieved).await?;
    let mut last_held = 0;
    for days in [33, 26, 19, 12] {
        last_held = meeting(
            connection,
            doubtful,
            Side::Mentor,
            local_time(today, -days, "12:00"),
            &[("Faire le point", None)],
            true,
            Some((MeetingStatus::Held, "Échanges utiles.", &[])),
            &clock.ago(days + 5),
        )
        .await?;
    }
    Ok((doubtful, last_held))
}

/// Case 4, second part: feedback waiting since the last meeting held; doubts
/// on both sides.
async fn add_feedback_and_doubts(
    connection: &mut SqliteConnection,
    doubtful: i64,
    last_held: i64,
    clock: DemoClock,
) -> Result<(), sqlx::Error> {
    feedback::insert_feedback(
        connection,
        doubtful,
        &NewFeedback {
            meeting_id: Some(last_held),
            goal_id: None,
            goal_progress: None,
            strengths: "Tu poses de bonnes questions.".into(),
            to_improve: "Préparer nos rencontres avec un objectif précis.".into(),
            observations: "Nous avons changé de sujet trois fois la dernière fois.".into(),
            next_step: "Arriver avec une question principale.".into(),
        },
        &clock.ago(12),
    )
    .await?;
    feedback::save_fit_check(
        connection,
        doubtful,
        Side::Mentor,
        FitAnswer::NotAFit,
        Some("Nos attentes sont trop différentes ; un autre profil l’aiderait mieux."),
        &clock.ago(20),
    )
    .await?;
    feedback::save_fit_check(
        connection,
        doubtful,
        Side::Mentee,
        FitAnswer::NotSure,
        None,
        &clock.ago(19),
    )
    .await?;
    Ok(())
}

/// Case 6: waiting mentees (joined 25 and 18 days ago), and a paused mentor of
/// the first one's domain.
async fn add_waiting(
    connection: &mut SqliteConnection,
    [first, second]: [i64; 2],
    paused_mentor: i64,
    clock: DemoClock,
) -> Result<(), sqlx::Error> {
    for (mentee, days) in [(first, 25), (second, 18)] {
        set_joined(connection, mentee, clock.ago(days)).await?;
    }
    sqlx::query("UPDATE profiles SET paused_until = ? WHERE id = ?")
        .bind(day(clock.today, 30).to_string())
        .bind(paused_mentor)
        .execute(&mut *connection)
        .await?;
    share_domain(connection, paused_mentor, first).await
}
