//! Marc Tremblay with Amina Diallo: two agreed goals (milestones done, one
//! overdue), a goal Amina proposed waiting for Marc, two meetings held (one
//! with feedback, one still waiting for it), one agreed ahead and one Marc
//! proposed waiting for Amina; Amina answered the fit check.
use app::feedback::repo::{self as feedback, NewFeedback};
use app::feedback::FitAnswer;
use app::meetings::repo as meetings;
use app::meetings::MeetingStatus;
use app::pairs::Side;
use sqlx::SqliteConnection;

use super::{active_pair, day, goal, local_time, meeting, DemoClock, AMINA, MARC};

/// Adds the pair and its story; whether it was added (both people exist).
pub(super) async fn add_pair(
    connection: &mut SqliteConnection,
    clock: DemoClock,
) -> Result<bool, sqlx::Error> {
    let Some(pair) = active_pair(connection, MARC, AMINA, 86, &clock.ago(40)).await? else {
        return Ok(false);
    };
    let (cv, network) = add_goals(connection, pair, clock).await?;
    add_first_meeting(connection, pair, cv, clock).await?;
    add_later_meetings(connection, pair, cv, network, clock).await?;
    feedback::save_fit_check(
        connection,
        pair,
        Side::Mentee,
        FitAnswer::GoodFit,
        None,
        &clock.ago(27),
    )
    .await?;
    Ok(true)
}

/// The internship and network goals (agreed), then the presentation goal
/// Amina proposed; answers the first two goals' ids.
async fn add_goals(
    connection: &mut SqliteConnection,
    pair: i64,
    clock: DemoClock,
) -> Result<(i64, i64), sqlx::Error> {
    let today = clock.today;
    let cv = goal(
        connection,
        pair,
        Side::Mentee,
        "Décrocher un stage en analyse de données",
        "Une offre de stage acceptée d’ici la fin de la session.",
        Some(day(today, 60)),
        &[
            ("Mettre à jour mon CV", Some(day(today, -20)), true),
            ("Préparer une lettre type", Some(day(today, -5)), false),
            ("Envoyer trois candidatures", Some(day(today, 20)), false),
        ],
        true,
        &clock.ago(35),
    )
    .await?;
    let network = goal(
        connection,
        pair,
        Side::Mentor,
        "Élargir mon réseau professionnel",
        "Trois conversations avec des professionnels du domaine.",
        Some(day(today, 45)),
        &[
            ("Créer mon profil LinkedIn", None, true),
            (
                "Assister à un 5 à 7 du Carrefour",
                Some(day(today, 10)),
                false,
            ),
        ],
        true,
        &clock.ago(30),
    )
    .await?;
    goal(
        connection,
        pair,
        Side::Mentee,
        "Présenter mon projet de fin d’études avec aisance",
        "Une présentation de 10 minutes sans notes devant Marc.",
        Some(day(today, 30)),
        &[],
        false,
        &clock.ago(2),
    )
    .await?;
    Ok((cv, network))
}

/// The first meeting, held: Marc's private note, his feedback on the CV goal,
/// and Amina's acknowledgement.
async fn add_first_meeting(
    connection: &mut SqliteConnection,
    pair: i64,
    cv: i64,
    clock: DemoClock,
) -> Result<(), sqlx::Error> {
    let first = meeting(
        connection,
        pair,
        Side::Mentor,
        local_time(clock.today, -28, "17:30"),
        &[("Faire connaissance et fixer nos objectifs", None)],
        true,
        Some((
            MeetingStatus::Held,
            "Premiers objectifs : le stage et le réseau. Amina vise l’analyse de données.",
            &["Mettre à jour le CV".to_owned()],
        )),
        &clock.ago(33),
    )
    .await?;
    meetings::save_private_note(
        connection,
        first,
        Some("Très motivée ; un peu de stress à l’oral, à travailler doucement."),
        &clock.ago(28),
    )
    .await?;
    let given = feedback::insert_feedback(
        connection,
        pair,
        &NewFeedback {
            meeting_id: Some(first),
            goal_id: Some(cv),
            goal_progress: None,
            strengths: "Tu sais exactement ce que tu veux et tu prépares bien nos rencontres.".into(),
            to_improve: "Mettre en avant tes projets concrets plutôt que tes cours dans le CV.".into(),
            observations: "Ton CV liste huit cours, mais ton projet d’analyse des données de la STM n’apparaît qu’en une ligne.".into(),
            next_step: "Réécrire la section « Projets » avant notre prochaine rencontre.".into(),
        },
        &clock.ago(27),
    )
    .await?;
    feedback::acknowledge(
        connection,
        given,
        Some("Merci ! Je m’y mets cette semaine."),
        &clock.ago(26),
    )
    .await?;
    Ok(())
}

/// The second meeting (held, no feedback yet), one agreed ahead, and one Marc
/// proposed that waits for Amina.
async fn add_later_meetings(
    connection: &mut SqliteConnection,
    pair: i64,
    cv: i64,
    network: i64,
    clock: DemoClock,
) -> Result<(), sqlx::Error> {
    let today = clock.today;
    meeting(
        connection,
        pair,
        Side::Mentee,
        local_time(today, -7, "12:00"),
        &[
            ("Décrocher un stage en analyse de données", Some(cv)),
            ("Relire la lettre type", None),
        ],
        true,
        Some((
            MeetingStatus::Held,
            "Relecture de la lettre : bonne structure, à raccourcir.",
            &["Raccourcir la lettre à une page".to_owned()],
        )),
        &clock.ago(12),
    )
    .await?;
    meeting(
        connection,
        pair,
        Side::Mentor,
        local_time(today, 3, "17:30"),
        &[
            ("Élargir mon réseau professionnel", Some(network)),
            ("Préparer les questions pour le 5 à 7", None),
        ],
        true,
        None,
        &clock.ago(5),
    )
    .await?;
    meeting(
        connection,
        pair,
        Side::Mentor,
        local_time(today, 17, "17:30"),
        &[("Simulation d’entrevue", None)],
        false,
        None,
        &clock.ago(1),
    )
    .await?;
    Ok(())
}
