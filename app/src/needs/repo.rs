//! The mentee's needs in the database: her profile's needed skills and note,
//! and the goals tied to them.
use sqlx::{SqliteConnection, SqlitePool};

use super::{MenteeNeeds, Need};
use crate::catalog::Bilingual;

#[derive(sqlx::FromRow)]
struct StudiesRow {
    needs_note: Option<String>,
    program_of_study: Option<String>,
    institution: Option<String>,
    study_year: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct LabelRow {
    code: String,
    label_fr: Option<String>,
    label_en: Option<String>,
}

fn bilingual(row: &LabelRow) -> Bilingual {
    Bilingual {
        fr: row.label_fr.clone(),
        en: row.label_en.clone(),
    }
}

/// The needs of the mentee of `pair_id`, each with its open goals.
pub async fn needs_of_pair(pool: &SqlitePool, pair_id: i64) -> Result<MenteeNeeds, sqlx::Error> {
    let studies: Option<StudiesRow> = sqlx::query_as(
        "SELECT e.needs_note, e.program_of_study, e.institution, e.study_year \
         FROM pairs p JOIN profiles e ON e.id = p.mentee_profile_id WHERE p.id = ?",
    )
    .bind(pair_id)
    .fetch_optional(pool)
    .await?;
    let skills: Vec<LabelRow> = sqlx::query_as(
        "SELECT s.code, s.label_fr, s.label_en FROM pairs p \
         JOIN profile_skills x ON x.profile_id = p.mentee_profile_id \
         JOIN skills s ON s.id = x.skill_id WHERE p.id = ? ORDER BY s.position, s.code",
    )
    .bind(pair_id)
    .fetch_all(pool)
    .await?;
    let domains: Vec<LabelRow> = sqlx::query_as(
        "SELECT d.code, d.label_fr, d.label_en FROM pairs p \
         JOIN profile_domains x ON x.profile_id = p.mentee_profile_id \
         JOIN domains d ON d.id = x.domain_id WHERE p.id = ? ORDER BY d.position, d.code",
    )
    .bind(pair_id)
    .fetch_all(pool)
    .await?;
    let ties: Vec<(String, i64)> = sqlx::query_as(
        "SELECT s.code, g.id FROM goal_needs n JOIN goals g ON g.id = n.goal_id \
         JOIN skills s ON s.id = n.skill_id \
         WHERE g.pair_id = ? AND g.status = 'in_progress' ORDER BY g.id",
    )
    .bind(pair_id)
    .fetch_all(pool)
    .await?;
    let studies = studies.unwrap_or(StudiesRow {
        needs_note: None,
        program_of_study: None,
        institution: None,
        study_year: None,
    });
    Ok(MenteeNeeds {
        skills: skills
            .iter()
            .map(|row| Need {
                code: row.code.clone(),
                label: bilingual(row),
                goals: ties
                    .iter()
                    .filter(|(code, _)| *code == row.code)
                    .map(|(_, goal)| *goal)
                    .collect(),
            })
            .collect(),
        note: studies.needs_note,
        program_of_study: studies.program_of_study,
        institution: studies.institution,
        study_year: studies.study_year,
        domains: domains.iter().map(bilingual).collect(),
        choices: Vec::new(),
    })
}

/// The codes of the skills the mentee of `pair_id` needs.
pub async fn needed_codes(
    connection: &mut SqliteConnection,
    pair_id: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT s.code FROM pairs p JOIN profile_skills x ON x.profile_id = p.mentee_profile_id \
         JOIN skills s ON s.id = x.skill_id WHERE p.id = ?",
    )
    .bind(pair_id)
    .fetch_all(&mut *connection)
    .await
}

/// Ties a goal to exactly these needed skills (codes).
pub async fn tie_goal(
    connection: &mut SqliteConnection,
    goal_id: i64,
    codes: &[String],
) -> Result<(), sqlx::Error> {
    replace_skills(connection, SkillLinks::GoalNeeds, goal_id, codes).await
}

/// The two tables that link an owner to skills by code.
#[derive(Clone, Copy)]
enum SkillLinks {
    /// A goal and the needs it answers.
    GoalNeeds,
    /// A profile and its skills (a mentee's: her needs).
    ProfileSkills,
}

/// Replaces the skills linked to `owner_id` with exactly `codes`.
async fn replace_skills(
    connection: &mut SqliteConnection,
    links: SkillLinks,
    owner_id: i64,
    codes: &[String],
) -> Result<(), sqlx::Error> {
    let (delete, insert) = match links {
        SkillLinks::GoalNeeds => (
            "DELETE FROM goal_needs WHERE goal_id = ?",
            "INSERT OR IGNORE INTO goal_needs (goal_id, skill_id) \
             SELECT ?, id FROM skills WHERE code = ?",
        ),
        SkillLinks::ProfileSkills => (
            "DELETE FROM profile_skills WHERE profile_id = ?",
            "INSERT OR IGNORE INTO profile_skills (profile_id, skill_id) \
             SELECT ?, id FROM skills WHERE code = ?",
        ),
    };
    sqlx::query(delete)
        .bind(owner_id)
        .execute(&mut *connection)
        .await?;
    for code in codes {
        sqlx::query(insert)
            .bind(owner_id)
            .bind(code)
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

/// Each goal of the pair with the codes of the needs it answers.
pub async fn ties_of_pair(
    pool: &SqlitePool,
    pair_id: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT n.goal_id, s.code FROM goal_needs n JOIN goals g ON g.id = n.goal_id \
         JOIN skills s ON s.id = n.skill_id WHERE g.pair_id = ? ORDER BY s.position",
    )
    .bind(pair_id)
    .fetch_all(pool)
    .await
}

/// Replaces the mentee's needed skills and note (her profile's).
pub async fn save_needs(
    connection: &mut SqliteConnection,
    mentee_profile_id: i64,
    codes: &[String],
    note: Option<&str>,
    now: &str,
) -> Result<(), sqlx::Error> {
    replace_skills(
        connection,
        SkillLinks::ProfileSkills,
        mentee_profile_id,
        codes,
    )
    .await?;
    sqlx::query("UPDATE profiles SET needs_note = ?, updated_at = ? WHERE id = ?")
        .bind(note)
        .bind(now)
        .bind(mentee_profile_id)
        .execute(&mut *connection)
        .await?;
    Ok(())
}
