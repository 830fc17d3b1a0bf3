//! The mentee's needs in the database: her profile's needed skills and note,
//! and the goals tied to them.
use std::collections::BTreeMap;

use sqlx::{SqliteConnection, SqlitePool};

use super::{MenteeNeeds, Need};
use crate::catalog::Bilingual;
use crate::sql_ids::{json_ids, IN_LIST};

#[derive(sqlx::FromRow)]
struct StudiesRow {
    pair_id: i64,
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
    let mut needs = needs_of_pairs(pool, &[pair_id]).await?;
    Ok(needs
        .remove(&pair_id)
        .unwrap_or_else(|| NeedRows::default().needs(None)))
}

/// `needs_of_pair` for several pairs at once (four queries whatever their
/// number), by pair.
pub async fn needs_of_pairs(
    pool: &SqlitePool,
    pair_ids: &[i64],
) -> Result<BTreeMap<i64, MenteeNeeds>, sqlx::Error> {
    let ids = json_ids(pair_ids);
    let studies: Vec<StudiesRow> = sqlx::query_as(&format!(
        "SELECT p.id AS pair_id, e.needs_note, e.program_of_study, e.institution, e.study_year \
         FROM pairs p JOIN profiles e ON e.id = p.mentee_profile_id WHERE p.id {IN_LIST}"
    ))
    .bind(&ids)
    .fetch_all(pool)
    .await?;
    let skills: Vec<(i64, LabelRow)> = label_rows(pool, &ids, "skill", "skills").await?;
    let domains: Vec<(i64, LabelRow)> = label_rows(pool, &ids, "domain", "domains").await?;
    let ties: Vec<(i64, String, i64)> = sqlx::query_as(&format!(
        "SELECT g.pair_id, s.code, g.id FROM goal_needs n JOIN goals g ON g.id = n.goal_id \
         JOIN skills s ON s.id = n.skill_id \
         WHERE g.pair_id {IN_LIST} AND g.status = 'in_progress' ORDER BY g.id"
    ))
    .bind(&ids)
    .fetch_all(pool)
    .await?;
    let mut rows: BTreeMap<i64, NeedRows> = pair_ids
        .iter()
        .map(|id| (*id, NeedRows::default()))
        .collect();
    for (pair_id, row) in skills {
        rows.entry(pair_id).or_default().skills.push(row);
    }
    for (pair_id, row) in domains {
        rows.entry(pair_id).or_default().domains.push(row);
    }
    for (pair_id, code, goal) in ties {
        rows.entry(pair_id).or_default().ties.push((code, goal));
    }
    let mut studies: BTreeMap<i64, StudiesRow> =
        studies.into_iter().map(|row| (row.pair_id, row)).collect();
    Ok(rows
        .into_iter()
        .map(|(pair_id, rows)| (pair_id, rows.needs(studies.remove(&pair_id))))
        .collect())
}

/// The labels of the mentee's skills or domains (`kind`, from `table`),
/// with the pair, in the catalogue's order.
async fn label_rows(
    pool: &SqlitePool,
    ids: &str,
    kind: &str,
    table: &str,
) -> Result<Vec<(i64, LabelRow)>, sqlx::Error> {
    let rows: Vec<PairLabelRow> = sqlx::query_as(&format!(
        "SELECT p.id AS pair_id, t.code, t.label_fr, t.label_en FROM pairs p \
         JOIN profile_{table} x ON x.profile_id = p.mentee_profile_id \
         JOIN {table} t ON t.id = x.{kind}_id WHERE p.id {IN_LIST} ORDER BY t.position, t.code"
    ))
    .bind(ids)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.pair_id, row.label))
        .collect())
}

#[derive(sqlx::FromRow)]
struct PairLabelRow {
    pair_id: i64,
    #[sqlx(flatten)]
    label: LabelRow,
}

/// One pair's rows of needs, before they are put together.
#[derive(Default)]
struct NeedRows {
    skills: Vec<LabelRow>,
    domains: Vec<LabelRow>,
    /// (skill code, open goal).
    ties: Vec<(String, i64)>,
}

impl NeedRows {
    fn needs(self, studies: Option<StudiesRow>) -> MenteeNeeds {
        let studies = studies.unwrap_or(StudiesRow {
            pair_id: 0,
            needs_note: None,
            program_of_study: None,
            institution: None,
            study_year: None,
        });
        MenteeNeeds {
            skills: self
                .skills
                .iter()
                .map(|row| Need {
                    code: row.code.clone(),
                    label: bilingual(row),
                    goals: self
                        .ties
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
            domains: self.domains.iter().map(bilingual).collect(),
            choices: Vec::new(),
        }
    }
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
