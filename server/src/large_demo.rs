//! A large synthetic cohort to try the matching board at scale:
//! `server large-demo` (5,000 mentees × 1,000 mentors unless told otherwise),
//! from the engine's seeded generator, so it is the benchmark's cohort with
//! real domains, skills and names. Closed (nobody joins it by registering),
//! and safe to run twice: an existing cohort is left as it is.
//!
//! Loading reads the taxonomy, hashes the two demo passwords, then in one
//! transaction adds the cohort and, mentors first, each person's account,
//! profile and matching lists.
use app::accounts::session::hash_password;
use app::profiles::repo::{insert_matching_lists, ListOwner};
use app::profiles::{LanguageLevel, MatchingFields, SpokenLanguage};
use sqlx::{SqliteConnection, SqlitePool};

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
    let taxonomy = Taxonomy::read(pool).await?;
    let (mentor_hash, mentee_hash) = (
        demo_hash(DEMO_MENTOR_PASSWORD).await?,
        demo_hash(DEMO_MENTEE_PASSWORD).await?,
    );
    let cohort = matching::synthetic::cohort(mentee_count, mentor_count, SEED);
    let now = app::program_time::utc_now_text();

    let mut transaction = app::write_transaction::begin_write(pool).await?;
    let cohort_id = sqlx::query(
        "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on, is_open) \
         VALUES (?, 'Démo à grande échelle', 'Large-scale demo', '2026-09-01', '2027-06-18', 0)",
    )
    .bind(LARGE_COHORT)
    .execute(&mut *transaction)
    .await?
    .last_insert_rowid();
    let shared = SharedFields {
        cohort_id,
        mentor_hash: &mentor_hash,
        mentee_hash: &mentee_hash,
        now: &now,
        taxonomy: &taxonomy,
    };
    let mut added = 0;
    for (index, person) in people(&cohort).enumerate() {
        insert_person(&mut transaction, index, &person, &shared).await?;
        added += 1;
    }
    transaction.commit().await?;
    tracing::info!(added, cohort = LARGE_COHORT, "large demo cohort loaded");
    Ok(added)
}

/// The active domain and skill codes, in the taxonomy's order.
struct Taxonomy {
    domains: Vec<String>,
    skills: Vec<String>,
}

impl Taxonomy {
    async fn read(pool: &SqlitePool) -> Result<Taxonomy, sqlx::Error> {
        let domains: Vec<String> = sqlx::query_scalar(
            "SELECT code FROM domains WHERE is_active = 1 ORDER BY position, code",
        )
        .fetch_all(pool)
        .await?;
        let skills: Vec<String> = sqlx::query_scalar(
            "SELECT code FROM skills WHERE is_active = 1 ORDER BY position, code",
        )
        .fetch_all(pool)
        .await?;
        Ok(Taxonomy { domains, skills })
    }
}

/// The taxonomy code a generator code stands for: the generator's `d7` and
/// `s3` become the list's 8th domain and 4th skill (wrapping around).
fn real_code(code: &str, list: &[String]) -> Option<String> {
    let index: usize = code.get(1..)?.parse().ok()?;
    list.get(index % list.len().max(1)).cloned()
}

/// The taxonomy codes of these generator codes, each once, in order.
fn real_codes(codes: &[String], list: &[String]) -> Vec<String> {
    let mut mapped: Vec<String> = Vec::new();
    for code in codes.iter().filter_map(|code| real_code(code, list)) {
        if !mapped.contains(&code) {
            mapped.push(code);
        }
    }
    mapped
}

/// The stored hash of a demo password.
async fn demo_hash(password: &'static str) -> Result<String, sqlx::Error> {
    hash_password(password.to_owned())
        .await
        .map_err(|error| sqlx::Error::Protocol(format!("password hashing: {error}")))
}

/// What every person's rows have in common.
struct SharedFields<'a> {
    cohort_id: i64,
    mentor_hash: &'a str,
    mentee_hash: &'a str,
    /// Creation and update time of every row.
    now: &'a str,
    taxonomy: &'a Taxonomy,
}

/// One generated person, mentor or mentee, as the rows need them.
struct Person<'a> {
    role: &'static str,
    /// Their position among the generator's mentors or mentees.
    number: usize,
    domains: &'a [String],
    /// A mentor's skills, a mentee's needs.
    skills: &'a [String],
    languages: &'a [matching::Language],
    modality: matching::Modality,
    availability: u32,
    capacity: Option<u32>,
}

/// The generated cohort's people: the mentors, then the mentees.
fn people(cohort: &matching::Cohort) -> impl Iterator<Item = Person<'_>> {
    let mentors = cohort
        .mentors
        .iter()
        .enumerate()
        .map(|(number, mentor)| Person {
            role: "mentor",
            number,
            domains: &mentor.domains,
            skills: &mentor.skills,
            languages: &mentor.languages,
            modality: mentor.modality,
            availability: mentor.availability,
            capacity: Some(mentor.capacity),
        });
    let mentees = cohort
        .mentees
        .iter()
        .enumerate()
        .map(|(number, mentee)| Person {
            role: "mentee",
            number,
            domains: &mentee.domains,
            skills: &mentee.needs,
            languages: &mentee.languages,
            modality: mentee.modality,
            availability: mentee.availability,
            capacity: None,
        });
    mentors.chain(mentees)
}

/// The person's account, profile and matching lists; `index` is their place
/// in `people`, which chooses their name.
async fn insert_person(
    connection: &mut SqliteConnection,
    index: usize,
    person: &Person<'_>,
    shared: &SharedFields<'_>,
) -> Result<(), sqlx::Error> {
    let name = format!(
        "{} {}",
        FIRST_NAMES[index % FIRST_NAMES.len()],
        LAST_NAMES[(index / FIRST_NAMES.len() + index * 7) % LAST_NAMES.len()]
    );
    let email = format!(
        "{}-{:05}@grande.demo.mentorat.example",
        person.role, person.number
    );
    let speaks_french = person
        .languages
        .iter()
        .any(|language| language.code == "fr");
    let account_id = sqlx::query(
        "INSERT INTO accounts (email, password_hash, display_name, role, locale, consented_at) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&email)
    .bind(if person.role == "mentor" {
        shared.mentor_hash
    } else {
        shared.mentee_hash
    })
    .bind(&name)
    .bind(person.role)
    .bind(if speaks_french { "fr" } else { "en" })
    .bind(shared.now)
    .execute(&mut *connection)
    .await?
    .last_insert_rowid();
    sqlx::query(
        "INSERT INTO consents (account_id, purpose, notice_version, context, given_at) \
         SELECT ?, 'program', MAX(version), 'account_created', ? FROM privacy_notices",
    )
    .bind(account_id)
    .bind(shared.now)
    .execute(&mut *connection)
    .await?;
    let profile_id = insert_profile(connection, account_id, person, shared).await?;
    let fields = matching_fields(person, shared.taxonomy);
    insert_matching_lists(connection, ListOwner::Profile, profile_id, &fields).await
}

/// The person's profile in the cohort; answers its id.
async fn insert_profile(
    connection: &mut SqliteConnection,
    account_id: i64,
    person: &Person<'_>,
    shared: &SharedFields<'_>,
) -> Result<i64, sqlx::Error> {
    let modality = match person.modality {
        matching::Modality::InPerson => "in_person",
        matching::Modality::Video => "video",
        matching::Modality::Either => "either",
    };
    let profile_id = sqlx::query(
        "INSERT INTO profiles (role, account_id, cohort_id, modality, availability, capacity, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(person.role)
    .bind(account_id)
    .bind(shared.cohort_id)
    .bind(modality)
    .bind(i64::from(person.availability))
    .bind(person.capacity.map(i64::from))
    .bind(shared.now)
    .execute(&mut *connection)
    .await?
    .last_insert_rowid();
    Ok(profile_id)
}

/// The person's domains, skills and languages in the taxonomy's codes.
fn matching_fields(person: &Person<'_>, taxonomy: &Taxonomy) -> MatchingFields {
    MatchingFields {
        domains: real_codes(person.domains, &taxonomy.domains),
        skills: real_codes(person.skills, &taxonomy.skills),
        languages: person
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
    }
}
