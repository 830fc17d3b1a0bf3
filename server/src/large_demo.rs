//! A large synthetic cohort to try the matching board at scale:
//! `server large-demo` (5,000 mentees × 1,000 mentors unless told otherwise),
//! from the engine's seeded generator, so it is the benchmark's cohort with
//! real domains, skills and names. Closed (nobody joins it by registering),
//! and safe to run twice: an existing cohort is left as it is.
use app::accounts::session::hash_password;
use app::profiles::repo::{insert_matching_lists, ListOwner};
use app::profiles::{LanguageLevel, MatchingFields, SpokenLanguage};
use sqlx::SqlitePool;

use crate::demo::{DEMO_MENTEE_PASSWORD, DEMO_MENTOR_PASSWORD};
use crate::demo_program::{FIRST_NAMES, LAST_NAMES};

pub const LARGE_COHORT: &str = "demo-grande-echelle";
const SEED: u64 = 42;

/// Loads the cohort; answers how many people it added (0 if it existed).
pub async fn load_large_cohort(
    pool: &SqlitePool,
    mentee_count: u64,
    mentor_count: u64,
) -> Result<u64, sqlx::Error> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM cohorts WHERE code = ?")
        .bind(LARGE_COHORT)
        .fetch_optional(pool)
        .await?;
    if exists.is_some() {
        return Ok(0);
    }
    let domains: Vec<String> =
        sqlx::query_scalar("SELECT code FROM domains WHERE is_active = 1 ORDER BY position, code")
            .fetch_all(pool)
            .await?;
    let skills: Vec<String> =
        sqlx::query_scalar("SELECT code FROM skills WHERE is_active = 1 ORDER BY position, code")
            .fetch_all(pool)
            .await?;
    // The generator's `d7` and `s3` become the taxonomy's 8th domain and 4th skill.
    let real = |code: &str, list: &[String]| -> Option<String> {
        let index: usize = code.get(1..)?.parse().ok()?;
        list.get(index % list.len().max(1)).cloned()
    };
    let hash = |password: &'static str| async move {
        hash_password(password.to_owned())
            .await
            .map_err(|error| sqlx::Error::Protocol(format!("password hashing: {error}")))
    };
    let (mentor_hash, mentee_hash) = (
        hash(DEMO_MENTOR_PASSWORD).await?,
        hash(DEMO_MENTEE_PASSWORD).await?,
    );
    let cohort = matching::synthetic::cohort(mentee_count, mentor_count, SEED);
    let now = app::program_time::utc_now_text();

    let mut transaction = pool.begin().await?;
    let cohort_id = sqlx::query(
        "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on, is_open) \
         VALUES (?, 'Démo à grande échelle', 'Large-scale demo', '2026-09-01', '2027-06-18', 0)",
    )
    .bind(LARGE_COHORT)
    .execute(&mut *transaction)
    .await?
    .last_insert_rowid();
    struct Row<'a> {
        role: &'static str,
        number: usize,
        domains: &'a [String],
        skills: &'a [String],
        languages: &'a [matching::Language],
        modality: matching::Modality,
        availability: u32,
        capacity: Option<u32>,
    }
    let rows = cohort
        .mentors
        .iter()
        .enumerate()
        .map(|(number, mentor)| Row {
            role: "mentor",
            number,
            domains: &mentor.domains,
            skills: &mentor.skills,
            languages: &mentor.languages,
            modality: mentor.modality,
            availability: mentor.availability,
            capacity: Some(mentor.capacity),
        })
        .chain(
            cohort
                .mentees
                .iter()
                .enumerate()
                .map(|(number, mentee)| Row {
                    role: "mentee",
                    number,
                    domains: &mentee.domains,
                    skills: &mentee.needs,
                    languages: &mentee.languages,
                    modality: mentee.modality,
                    availability: mentee.availability,
                    capacity: None,
                }),
        );
    let mut added = 0;
    for (index, row) in rows.enumerate() {
        let name = format!(
            "{} {}",
            FIRST_NAMES[index % FIRST_NAMES.len()],
            LAST_NAMES[(index / FIRST_NAMES.len() + index * 7) % LAST_NAMES.len()]
        );
        let email = format!(
            "{}-{:05}@grande.demo.mentorat.example",
            row.role, row.number
        );
        let speaks_french = row.languages.iter().any(|language| language.code == "fr");
        let account_id = sqlx::query(
            "INSERT INTO accounts (email, password_hash, display_name, role, locale, consented_at) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(&email)
        .bind(if row.role == "mentor" { &mentor_hash } else { &mentee_hash })
        .bind(&name)
        .bind(row.role)
        .bind(if speaks_french { "fr" } else { "en" })
        .bind(&now)
        .execute(&mut *transaction)
        .await?
        .last_insert_rowid();
        let modality = match row.modality {
            matching::Modality::InPerson => "in_person",
            matching::Modality::Video => "video",
            matching::Modality::Either => "either",
        };
        let profile_id = sqlx::query(
            "INSERT INTO profiles (role, account_id, cohort_id, modality, availability, capacity, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(row.role)
        .bind(account_id)
        .bind(cohort_id)
        .bind(modality)
        .bind(i64::from(row.availability))
        .bind(row.capacity.map(i64::from))
        .bind(&now)
        .execute(&mut *transaction)
        .await?
        .last_insert_rowid();
        let mapped = |codes: &[String], list: &[String]| {
            let mut mapped: Vec<String> = Vec::new();
            for code in codes.iter().filter_map(|code| real(code, list)) {
                if !mapped.contains(&code) {
                    mapped.push(code);
                }
            }
            mapped
        };
        let fields = MatchingFields {
            domains: mapped(row.domains, &domains),
            skills: mapped(row.skills, &skills),
            languages: row
                .languages
                .iter()
                .map(|language| SpokenLanguage {
                    code: language.code.clone(),
                    level: match language.level {
                        matching::Level::Basic => LanguageLevel::Basic,
                        matching::Level::Working => LanguageLevel::Working,
                        matching::Level::Fluent => LanguageLevel::Fluent,
                    },
                })
                .collect(),
            ..MatchingFields::default()
        };
        insert_matching_lists(&mut transaction, ListOwner::Profile, profile_id, &fields).await?;
        added += 1;
    }
    transaction.commit().await?;
    tracing::info!(added, cohort = LARGE_COHORT, "large demo cohort loaded");
    Ok(added)
}
