//! SQL for cohorts and domains.
use chrono::NaiveDate;
use sqlx::SqlitePool;

use super::{Bilingual, Cohort, Domain};

#[derive(sqlx::FromRow)]
struct CohortRow {
    code: String,
    name_fr: String,
    name_en: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    is_open: bool,
}

impl From<CohortRow> for Cohort {
    fn from(row: CohortRow) -> Self {
        Cohort {
            code: row.code,
            name: Bilingual {
                fr: Some(row.name_fr),
                en: Some(row.name_en),
            },
            starts_on: row.starts_on,
            ends_on: row.ends_on,
            is_open: row.is_open,
        }
    }
}

#[derive(sqlx::FromRow)]
struct DomainRow {
    code: String,
    label_fr: Option<String>,
    label_en: Option<String>,
}

pub async fn list_cohorts(pool: &SqlitePool) -> Result<Vec<Cohort>, sqlx::Error> {
    let rows: Vec<CohortRow> = sqlx::query_as(
        "SELECT code, name_fr, name_en, starts_on, ends_on, is_open \
         FROM cohorts ORDER BY starts_on",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(Cohort::from).collect())
}

pub async fn list_active_domains(pool: &SqlitePool) -> Result<Vec<Domain>, sqlx::Error> {
    let rows: Vec<DomainRow> = sqlx::query_as(
        "SELECT code, label_fr, label_en FROM domains WHERE is_active = 1 ORDER BY position, code",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Domain {
            code: row.code,
            label: Bilingual {
                fr: row.label_fr,
                en: row.label_en,
            },
        })
        .collect())
}
