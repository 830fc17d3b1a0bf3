//! Demo pairs at different stages, so that the mentor dashboard and the
//! mentee's goal tracking have something to show:
//! - Marc Tremblay with Amina Diallo: two agreed goals (milestones done, one
//!   overdue), a goal Amina proposed waiting for Marc, two meetings held (one
//!   with feedback, one still waiting for it), one agreed ahead and one Marc
//!   proposed waiting for Amina; Amina answered the fit check.
//! - Marc Tremblay with Lucas Roy: just started; a goal Marc proposed waits
//!   for Lucas, and a meeting that took place is still to be logged.
//! - Sophie Nguyen with Emily Chen (in English): a goal achieved, one in
//!   progress, feedback Emily has not read yet.
//!
//! Times are relative to the day the demo is loaded. Loaded once: nothing is
//! added when Amina already has a pair.
use app::feedback::repo::{self as feedback, NewFeedback};
use app::feedback::FitAnswer;
use app::goals::repo::{self as goals, GoalText};
use app::goals::{GoalEventKind, GoalStatus};
use app::joint::agreement::Agreement;
use app::meetings::repo::{self as meetings, MeetingPlan};
use app::meetings::{start_from_local, MeetingModality, MeetingStatus, Objective};
use app::pairs::Side;
use app::program_time::utc_text;
use chrono::{Duration, NaiveDate, Utc};
use sqlx::{SqliteConnection, SqlitePool};

/// UTC text of a local (Montréal) day `days` from today, at `time`.
pub(crate) fn local_time(today: NaiveDate, days: i64, time: &str) -> String {
    let day = (today + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string();
    start_from_local(&day, time)
        .map(utc_text)
        .unwrap_or_else(|| utc_text(Utc::now() + Duration::days(days)))
}

pub(crate) fn day(today: NaiveDate, days: i64) -> NaiveDate {
    today + Duration::days(days)
}

async fn profile_of(
    connection: &mut SqliteConnection,
    email: &str,
) -> Result<Option<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.cohort_id FROM profiles p JOIN accounts a ON a.id = p.account_id \
         WHERE a.email = ? AND p.cohort_id IS NOT NULL",
    )
    .bind(email)
    .fetch_optional(&mut *connection)
    .await
}

/// An active pair, both having accepted `days_ago` days ago.
async fn active_pair(
    connection: &mut SqliteConnection,
    mentor: &str,
    mentee: &str,
    score: i64,
    since: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let (Some((mentor_profile, cohort)), Some((mentee_profile, _))) = (
        profile_of(connection, mentor).await?,
        profile_of(connection, mentee).await?,
    ) else {
        return Ok(None);
    };
    // The demo mentor has room for the demo pairs.
    sqlx::query("UPDATE profiles SET capacity = MAX(capacity, 3) WHERE id = ?")
        .bind(mentor_profile)
        .execute(&mut *connection)
        .await?;
    let id = sqlx::query(
        "INSERT INTO pairs (cohort_id, mentee_profile_id, mentor_profile_id, status, score, \
         mentee_answer, mentor_answer, proposed_at, activated_at) \
         VALUES (?, ?, ?, 'active', ?, 'accepted', 'accepted', ?, ?)",
    )
    .bind(cohort)
    .bind(mentee_profile)
    .bind(mentor_profile)
    .bind(score)
    .bind(since)
    .bind(since)
    .execute(&mut *connection)
    .await?
    .last_insert_rowid();
    Ok(Some(id))
}

/// A goal proposed by `by`, agreed by the other side unless `agreed` is false.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn goal(
    connection: &mut SqliteConnection,
    pair: i64,
    by: Side,
    title: &str,
    criterion: &str,
    target: Option<NaiveDate>,
    milestones: &[(&str, Option<NaiveDate>, bool)],
    agreed: bool,
    at: &str,
) -> Result<i64, sqlx::Error> {
    let text = GoalText {
        title: title.to_owned(),
        description: None,
        success_criterion: criterion.to_owned(),
        target_date: target,
    };
    let id = goals::insert_goal(connection, pair, &text, by, at).await?;
    goals::record_event(connection, id, by, GoalEventKind::Proposed, None, at).await?;
    let list: Vec<(String, Option<NaiveDate>)> = milestones
        .iter()
        .map(|(title, due, _)| ((*title).to_owned(), *due))
        .collect();
    if !list.is_empty() {
        goals::add_milestones(connection, id, &list, at).await?;
    }
    if agreed {
        goals::set_agreement(connection, id, Agreement::Agreed, by, None).await?;
        goals::record_event(connection, id, by.other(), GoalEventKind::Agreed, None, at).await?;
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM milestones WHERE goal_id = ? ORDER BY position")
                .bind(id)
                .fetch_all(&mut *connection)
                .await?;
        for (milestone, (title, _, done)) in ids.iter().zip(milestones) {
            if *done {
                goals::set_milestone_done(connection, id, *milestone, true, at).await?;
                goals::record_event(
                    connection,
                    id,
                    Side::Mentee,
                    GoalEventKind::MilestoneDone,
                    Some(title),
                    at,
                )
                .await?;
            }
        }
    }
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn meeting(
    connection: &mut SqliteConnection,
    pair: i64,
    by: Side,
    starts_at: String,
    objectives: &[(&str, Option<i64>)],
    agreed: bool,
    outcome: Option<(MeetingStatus, &str, &[String])>,
    at: &str,
) -> Result<i64, sqlx::Error> {
    let plan = MeetingPlan {
        starts_at,
        duration_minutes: 60,
        modality: MeetingModality::Video,
        location: Some("https://meet.example/carrefour-mentorat".to_owned()),
        objectives: objectives
            .iter()
            .map(|(text, goal_id)| Objective {
                goal_id: *goal_id,
                milestone_id: None,
                text: (*text).to_owned(),
            })
            .collect(),
    };
    let id = meetings::insert_meeting(connection, pair, &plan, by, at).await?;
    if agreed {
        app::joint::set_agreement(
            connection,
            app::joint::JointTable::Meetings,
            id,
            Agreement::Agreed,
            by,
            None,
        )
        .await?;
    }
    if let Some((status, notes, steps)) = outcome {
        meetings::record_outcome(connection, id, status, Some(notes), steps).await?;
    }
    Ok(id)
}

/// Adds the demo pairs; how many.
pub async fn add_workspaces(pool: &SqlitePool) -> Result<u64, sqlx::Error> {
    let mut transaction = pool.begin().await?;
    let started: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM pairs p JOIN profiles e ON e.id = p.mentee_profile_id \
         JOIN accounts a ON a.id = e.account_id WHERE a.email = 'amina.diallo@demo.mentorat.example')",
    )
    .fetch_one(&mut *transaction)
    .await?;
    if started {
        return Ok(0);
    }
    let today = app::program_time::program_today();
    let now = Utc::now();
    let ago = |days: i64| utc_text(now - Duration::days(days));
    let mut added = 0;

    // Marc Tremblay with Amina Diallo.
    if let Some(pair) = active_pair(
        &mut transaction,
        "marc.tremblay@demo.mentorat.example",
        "amina.diallo@demo.mentorat.example",
        86,
        &ago(40),
    )
    .await?
    {
        added += 1;
        let cv = goal(
            &mut transaction,
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
            &ago(35),
        )
        .await?;
        let network = goal(
            &mut transaction,
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
            &ago(30),
        )
        .await?;
        goal(
            &mut transaction,
            pair,
            Side::Mentee,
            "Présenter mon projet de fin d’études avec aisance",
            "Une présentation de 10 minutes sans notes devant Marc.",
            Some(day(today, 30)),
            &[],
            false,
            &ago(2),
        )
        .await?;
        let first = meeting(
            &mut transaction,
            pair,
            Side::Mentor,
            local_time(today, -28, "17:30"),
            &[("Faire connaissance et fixer nos objectifs", None)],
            true,
            Some((
                MeetingStatus::Held,
                "Premiers objectifs : le stage et le réseau. Amina vise l’analyse de données.",
                &["Mettre à jour le CV".to_owned()],
            )),
            &ago(33),
        )
        .await?;
        meetings::save_private_note(
            &mut transaction,
            first,
            Some("Très motivée ; un peu de stress à l’oral, à travailler doucement."),
            &ago(28),
        )
        .await?;
        let given = feedback::insert_feedback(
            &mut transaction,
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
            &ago(27),
        )
        .await?;
        feedback::acknowledge(
            &mut transaction,
            given,
            Some("Merci ! Je m’y mets cette semaine."),
            &ago(26),
        )
        .await?;
        meeting(
            &mut transaction,
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
            &ago(12),
        )
        .await?;
        meeting(
            &mut transaction,
            pair,
            Side::Mentor,
            local_time(today, 3, "17:30"),
            &[
                ("Élargir mon réseau professionnel", Some(network)),
                ("Préparer les questions pour le 5 à 7", None),
            ],
            true,
            None,
            &ago(5),
        )
        .await?;
        meeting(
            &mut transaction,
            pair,
            Side::Mentor,
            local_time(today, 17, "17:30"),
            &[("Simulation d’entrevue", None)],
            false,
            None,
            &ago(1),
        )
        .await?;
        feedback::save_fit_check(
            &mut transaction,
            pair,
            Side::Mentee,
            FitAnswer::GoodFit,
            None,
            &ago(27),
        )
        .await?;
    }

    // Marc Tremblay with Lucas Roy.
    if let Some(pair) = active_pair(
        &mut transaction,
        "marc.tremblay@demo.mentorat.example",
        "lucas.roy@demo.mentorat.example",
        74,
        &ago(6),
    )
    .await?
    {
        added += 1;
        goal(
            &mut transaction,
            pair,
            Side::Mentor,
            "Choisir une orientation pour la maîtrise",
            "Une décision écrite entre deux programmes, avec ses raisons.",
            Some(day(today, 50)),
            &[("Comparer trois programmes", None, false)],
            false,
            &ago(4),
        )
        .await?;
        meeting(
            &mut transaction,
            pair,
            Side::Mentor,
            local_time(today, -2, "16:00"),
            &[("Faire connaissance", None)],
            true,
            None,
            &ago(5),
        )
        .await?;
    }

    // Sophie Nguyen with Emily Chen.
    if let Some(pair) = active_pair(
        &mut transaction,
        "sophie.nguyen@demo.mentorat.example",
        "emily.chen@demo.mentorat.example",
        81,
        &ago(60),
    )
    .await?
    {
        added += 1;
        let portfolio = goal(
            &mut transaction,
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
            &ago(55),
        )
        .await?;
        goals::set_status(&mut transaction, portfolio, GoalStatus::Achieved).await?;
        goals::record_event(
            &mut transaction,
            portfolio,
            Side::Mentee,
            GoalEventKind::Achieved,
            None,
            &ago(12),
        )
        .await?;
        let french = goal(
            &mut transaction,
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
            &ago(20),
        )
        .await?;
        let held = meeting(
            &mut transaction,
            pair,
            Side::Mentee,
            local_time(today, -4, "10:00"),
            &[("Gain confidence presenting in French", Some(french))],
            true,
            Some((
                MeetingStatus::Held,
                "Practised a short pitch in French.",
                &[],
            )),
            &ago(9),
        )
        .await?;
        feedback::insert_feedback(
            &mut transaction,
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
            &ago(3),
        )
        .await?;
    }
    transaction.commit().await?;
    Ok(added)
}
