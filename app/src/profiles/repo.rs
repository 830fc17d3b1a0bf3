//! SQL for matching profiles.
use chrono::NaiveDate;
use sqlx::{SqliteConnection, SqlitePool};

use super::{
    MatchingFields, MenteeStudies, MentorSettings, Modality, ProfileView, SpokenLanguage,
    WeeklyAvailability,
};
use crate::accounts::Role;
use crate::catalog::Bilingual;
use crate::program_time::utc_now_text;

/// The capacity a mentor starts with when nothing says otherwise.
pub const DEFAULT_CAPACITY: i64 = 2;

/// The id of the cohort new people join by default: the current one.
pub async fn current_cohort_id(
    pool: &SqlitePool,
    today: NaiveDate,
) -> Result<Option<i64>, sqlx::Error> {
    let cohorts = crate::catalog::repo::list_cohorts(pool).await?;
    let Some(current) = crate::catalog::current_cohort(&cohorts, today) else {
        return Ok(None);
    };
    sqlx::query_scalar("SELECT id FROM cohorts WHERE code = ?")
        .bind(&current.code)
        .fetch_optional(pool)
        .await
}

/// Makes sure a mentor or mentee account has its profile, of its role. A mentor
/// whose application was accepted gets the profile made from it (waiting under
/// their email). Coordinators have none.
pub async fn ensure_profile(
    connection: &mut SqliteConnection,
    account_id: i64,
    email: &str,
    role: Role,
    cohort_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    let role_text = match role {
        Role::Coordinator => return Ok(()),
        Role::Mentor | Role::Mentee => role.as_str(),
    };
    let now = utc_now_text();
    if role == Role::Mentor {
        sqlx::query(
            "UPDATE profiles SET account_id = ?, pending_email = NULL, updated_at = ? \
             WHERE id = (SELECT id FROM profiles WHERE account_id IS NULL AND role = 'mentor' \
                         AND pending_email = ? ORDER BY id DESC LIMIT 1) \
             AND NOT EXISTS (SELECT 1 FROM profiles WHERE account_id = ?)",
        )
        .bind(account_id)
        .bind(&now)
        .bind(email)
        .bind(account_id)
        .execute(&mut *connection)
        .await?;
    }
    sqlx::query(
        "INSERT INTO profiles (role, account_id, cohort_id, capacity, updated_at) \
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET \
           role = excluded.role, \
           capacity = CASE WHEN excluded.role = 'mentor' \
                           THEN COALESCE(profiles.capacity, excluded.capacity) END, \
           paused_until = CASE WHEN excluded.role = 'mentor' THEN profiles.paused_until END \
         WHERE profiles.role <> excluded.role",
    )
    .bind(role_text)
    .bind(account_id)
    .bind(cohort_id)
    .bind((role == Role::Mentor).then_some(DEFAULT_CAPACITY))
    .bind(&now)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    id: i64,
    display_name: String,
    cohort_fr: Option<String>,
    cohort_en: Option<String>,
    modality: Option<String>,
    availability: i64,
    capacity: Option<i64>,
    paused_until: Option<NaiveDate>,
    program_of_study: Option<String>,
    institution: Option<String>,
    study_year: Option<i64>,
    needs_note: Option<String>,
}

/// Whose matching lists (domains, skills, languages) a query reads or writes:
/// a mentor's application, or a profile. Both keep them in tables of one shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListOwner {
    Application,
    Profile,
}

/// Stores the domains, skills and languages of an application or a profile.
/// Part of the caller's transaction; unknown codes are skipped (checked before).
pub async fn insert_matching_lists(
    connection: &mut SqliteConnection,
    owner: ListOwner,
    owner_id: i64,
    fields: &MatchingFields,
) -> Result<(), sqlx::Error> {
    let (domains_sql, skills_sql, languages_sql) = match owner {
        ListOwner::Application => (
            "INSERT INTO application_domains (application_id, domain_id) \
             SELECT ?, id FROM domains WHERE code = ?",
            "INSERT INTO application_skills (application_id, skill_id) \
             SELECT ?, id FROM skills WHERE code = ?",
            "INSERT INTO application_languages (application_id, language, level) VALUES (?, ?, ?)",
        ),
        ListOwner::Profile => (
            "INSERT INTO profile_domains (profile_id, domain_id) \
             SELECT ?, id FROM domains WHERE code = ?",
            "INSERT INTO profile_skills (profile_id, skill_id) \
             SELECT ?, id FROM skills WHERE code = ?",
            "INSERT INTO profile_languages (profile_id, language, level) VALUES (?, ?, ?)",
        ),
    };
    for (sql, codes) in [(domains_sql, &fields.domains), (skills_sql, &fields.skills)] {
        for code in codes {
            sqlx::query(sql)
                .bind(owner_id)
                .bind(code)
                .execute(&mut *connection)
                .await?;
        }
    }
    for language in &fields.languages {
        sqlx::query(languages_sql)
            .bind(owner_id)
            .bind(&language.code)
            .bind(language.level.as_str())
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

/// The codes of the domains and skills of an application or a profile, and its languages.
pub async fn matching_lists(
    connection: &mut SqliteConnection,
    owner: ListOwner,
    owner_id: i64,
) -> Result<(Vec<String>, Vec<String>, Vec<SpokenLanguage>), sqlx::Error> {
    let (domains_sql, skills_sql, languages_sql) = match owner {
        ListOwner::Application => (
            "SELECT d.code FROM application_domains x JOIN domains d ON d.id = x.domain_id \
             WHERE x.application_id = ? ORDER BY d.position, d.code",
            "SELECT s.code FROM application_skills x JOIN skills s ON s.id = x.skill_id \
             WHERE x.application_id = ? ORDER BY s.position, s.code",
            "SELECT language, level FROM application_languages WHERE application_id = ? \
             ORDER BY language",
        ),
        ListOwner::Profile => (
            "SELECT d.code FROM profile_domains x JOIN domains d ON d.id = x.domain_id \
             WHERE x.profile_id = ? ORDER BY d.position, d.code",
            "SELECT s.code FROM profile_skills x JOIN skills s ON s.id = x.skill_id \
             WHERE x.profile_id = ? ORDER BY s.position, s.code",
            "SELECT language, level FROM profile_languages WHERE profile_id = ? ORDER BY language",
        ),
    };
    let domains: Vec<String> = sqlx::query_scalar(domains_sql)
        .bind(owner_id)
        .fetch_all(&mut *connection)
        .await?;
    let skills: Vec<String> = sqlx::query_scalar(skills_sql)
        .bind(owner_id)
        .fetch_all(&mut *connection)
        .await?;
    let languages: Vec<(String, String)> = sqlx::query_as(languages_sql)
        .bind(owner_id)
        .fetch_all(&mut *connection)
        .await?;
    let languages_table = match owner {
        ListOwner::Application => "application_languages",
        ListOwner::Profile => "profile_languages",
    };
    // A language left out would change the matching and the forms: an error.
    let mut spoken = languages
        .into_iter()
        .map(|(code, level)| {
            let level = crate::stored::decode(languages_table, "level", &level)?;
            Ok(SpokenLanguage { code, level })
        })
        .collect::<Result<Vec<SpokenLanguage>, sqlx::Error>>()?;
    // French and English first, as forms list them.
    spoken.sort_by_key(|language| {
        super::choices::LANGUAGES
            .iter()
            .position(|code| *code == language.code)
    });
    Ok((domains, skills, spoken))
}

/// An account's profile, with its cohort's name.
pub async fn load_profile(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Option<ProfileView>, sqlx::Error> {
    let row: Option<ProfileRow> = sqlx::query_as(
        "SELECT p.id, a.display_name, c.name_fr AS cohort_fr, c.name_en AS cohort_en, \
            p.modality, p.availability, p.capacity, p.paused_until, p.program_of_study, \
            p.institution, p.study_year, p.needs_note \
         FROM profiles p JOIN accounts a ON a.id = p.account_id \
         LEFT JOIN cohorts c ON c.id = p.cohort_id WHERE p.account_id = ?",
    )
    .bind(account_id)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let mut connection = pool.acquire().await?;
    let (domains, skills, languages) =
        matching_lists(&mut connection, ListOwner::Profile, row.id).await?;
    Ok(Some(ProfileView {
        display_name: row.display_name,
        cohort: row.cohort_fr.map(|fr| Bilingual {
            fr: Some(fr),
            en: row.cohort_en,
        }),
        fields: MatchingFields {
            domains,
            skills,
            languages,
            modality: crate::stored::decode_optional(
                "profiles",
                "modality",
                row.modality.as_deref(),
            )?,
            availability: WeeklyAvailability::from_bits(row.availability),
        },
        mentor: row.capacity.map(|capacity| MentorSettings {
            capacity,
            paused_until: row.paused_until,
        }),
        mentee: row.capacity.is_none().then_some(MenteeStudies {
            program_of_study: row.program_of_study,
            institution: row.institution,
            study_year: row.study_year,
            needs_note: row.needs_note,
        }),
    }))
}

/// Replaces a profile's domains, skills and languages, and sets its modality
/// and availability. Part of the caller's transaction.
pub async fn replace_matching_fields(
    connection: &mut SqliteConnection,
    profile_id: i64,
    fields: &MatchingFields,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE profiles SET modality = ?, availability = ? WHERE id = ?")
        .bind(fields.modality.map(Modality::as_str))
        .bind(fields.availability.bits())
        .bind(profile_id)
        .execute(&mut *connection)
        .await?;
    for sql in [
        "DELETE FROM profile_domains WHERE profile_id = ?",
        "DELETE FROM profile_skills WHERE profile_id = ?",
        "DELETE FROM profile_languages WHERE profile_id = ?",
    ] {
        sqlx::query(sql)
            .bind(profile_id)
            .execute(&mut *connection)
            .await?;
    }
    insert_matching_lists(connection, ListOwner::Profile, profile_id, fields).await
}

/// What a person may change in their own profile, by role.
pub enum OwnSettings<'a> {
    Mentor(&'a MentorSettings),
    Mentee(&'a MenteeStudies),
}

/// Saves a person's own profile in one transaction. `false` when the account
/// has no profile of that role.
pub async fn save_own_profile(
    pool: &SqlitePool,
    account_id: i64,
    settings: OwnSettings<'_>,
    fields: &MatchingFields,
) -> Result<bool, sqlx::Error> {
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    let now = utc_now_text();
    let profile_id: Option<i64> = match settings {
        OwnSettings::Mentor(mentor) => {
            sqlx::query_scalar(
                "UPDATE profiles SET capacity = ?, paused_until = ?, updated_at = ? \
                 WHERE account_id = ? AND role = 'mentor' RETURNING id",
            )
            .bind(mentor.capacity)
            .bind(mentor.paused_until)
            .bind(&now)
            .bind(account_id)
            .fetch_optional(&mut *transaction)
            .await?
        }
        OwnSettings::Mentee(studies) => {
            sqlx::query_scalar(
                "UPDATE profiles SET program_of_study = ?, institution = ?, study_year = ?, \
                 needs_note = ?, updated_at = ? \
                 WHERE account_id = ? AND role = 'mentee' RETURNING id",
            )
            .bind(&studies.program_of_study)
            .bind(&studies.institution)
            .bind(studies.study_year)
            .bind(&studies.needs_note)
            .bind(&now)
            .bind(account_id)
            .fetch_optional(&mut *transaction)
            .await?
        }
    };
    let Some(profile_id) = profile_id else {
        return Ok(false);
    };
    replace_matching_fields(&mut transaction, profile_id, fields).await?;
    transaction.commit().await?;
    Ok(true)
}
