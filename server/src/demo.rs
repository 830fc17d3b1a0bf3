//! Demo data: a believable program to explore. Loaded only on request
//! (`--demo-data`, `MENTORAT_DEMO_DATA=true`, or `server demo-data`), never by default.
//! Safe to load again: rows that exist already are left as they are.
use sqlx::SqlitePool;

struct DemoCohort {
    code: &'static str,
    name_fr: &'static str,
    name_en: &'static str,
    starts_on: &'static str,
    ends_on: &'static str,
    is_open: bool,
}

/// The program's first cohort (launched in winter 2025, followed over two years)
/// and the next one, open for sign-ups.
const DEMO_COHORTS: &[DemoCohort] = &[
    DemoCohort {
        code: "hiver-2025",
        name_fr: "Hiver 2025",
        name_en: "Winter 2025",
        starts_on: "2025-01-13",
        ends_on: "2026-12-18",
        is_open: true,
    },
    DemoCohort {
        code: "hiver-2027",
        name_fr: "Hiver 2027",
        name_en: "Winter 2027",
        starts_on: "2027-01-11",
        ends_on: "2027-12-17",
        is_open: true,
    },
];

/// What a demo load added (zero everywhere on a second run).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoLoad {
    pub cohorts_added: u64,
}

pub async fn load_demo_data(pool: &SqlitePool) -> Result<DemoLoad, sqlx::Error> {
    let mut transaction = pool.begin().await?;
    let mut load = DemoLoad::default();
    for cohort in DEMO_COHORTS {
        let result = sqlx::query(
            "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on, is_open) \
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING",
        )
        .bind(cohort.code)
        .bind(cohort.name_fr)
        .bind(cohort.name_en)
        .bind(cohort.starts_on)
        .bind(cohort.ends_on)
        .bind(cohort.is_open)
        .execute(&mut *transaction)
        .await?;
        load.cohorts_added += result.rows_affected();
    }
    transaction.commit().await?;
    tracing::info!(cohorts_added = load.cohorts_added, "demo data loaded");
    Ok(load)
}
