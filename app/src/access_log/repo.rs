//! SQL for the log of reads of personal data.
use sqlx::SqlitePool;

use super::{PersonalDataRead, ReadFilter, ReadWhat, PAGE_ROWS};
use crate::program_time::utc_now_text;
use crate::sql_ids::json_ids;

/// Whose data was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadSubject {
    Account(i64),
    /// An application whose applicant has no account (yet).
    Application(i64),
}

/// Logs that `reader_id` read `what` of each subject. A read that cannot
/// be logged fails: the caller answers an error rather than the data.
pub async fn record_reads(
    pool: &SqlitePool,
    reader_id: i64,
    subjects: &[ReadSubject],
    what: ReadWhat,
    detail: &str,
) -> Result<(), sqlx::Error> {
    let accounts: Vec<i64> = subjects
        .iter()
        .filter_map(|subject| match subject {
            ReadSubject::Account(id) => Some(*id),
            ReadSubject::Application(_) => None,
        })
        .collect();
    let applications: Vec<i64> = subjects
        .iter()
        .filter_map(|subject| match subject {
            ReadSubject::Application(id) => Some(*id),
            ReadSubject::Account(_) => None,
        })
        .collect();
    let at = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(pool).await?;
    for (column, ids) in [("subject_id", accounts), ("application_id", applications)] {
        if ids.is_empty() {
            continue;
        }
        sqlx::query(&format!(
            "INSERT INTO personal_data_reads (at, reader_id, {column}, what, purpose, detail) \
             SELECT ?, ?, value, ?, ?, ? FROM json_each(?) WHERE value <> ?"
        ))
        .bind(&at)
        .bind(reader_id)
        .bind(what.as_str())
        .bind(what.purpose().as_str())
        .bind(detail)
        .bind(json_ids(&ids))
        // One's own data is not someone else's read.
        .bind(if column == "subject_id" { reader_id } else { 0 })
        .execute(&mut *transaction)
        .await?;
    }
    transaction.commit().await
}

/// Logs one read of one account's data.
pub async fn record_read(
    pool: &SqlitePool,
    reader_id: i64,
    subject: ReadSubject,
    what: ReadWhat,
    detail: &str,
) -> Result<(), sqlx::Error> {
    record_reads(pool, reader_id, &[subject], what, detail).await
}

#[derive(sqlx::FromRow)]
struct ReadRow {
    id: i64,
    at: String,
    reader: Option<String>,
    subject: Option<String>,
    what: String,
    purpose: String,
    detail: String,
}

impl ReadRow {
    fn decoded(self) -> Result<PersonalDataRead, sqlx::Error> {
        Ok(PersonalDataRead {
            id: self.id,
            what: crate::stored::decode("personal_data_reads", "what", &self.what)?,
            purpose: crate::stored::decode("personal_data_reads", "purpose", &self.purpose)?,
            at: self.at,
            reader: self.reader.unwrap_or_default(),
            subject: self.subject.unwrap_or_default(),
            detail: self.detail,
        })
    }
}

const SELECT: &str = "SELECT r.id, r.at, reader.display_name AS reader, \
        COALESCE(subject.display_name, application.display_name) AS subject, \
        r.what, r.purpose, r.detail \
     FROM personal_data_reads r \
     LEFT JOIN accounts reader ON reader.id = r.reader_id \
     LEFT JOIN accounts subject ON subject.id = r.subject_id \
     LEFT JOIN mentor_applications application ON application.id = r.application_id";

/// The reads of one person's data, newest first: of their account, and of
/// the application that made them a mentor.
pub async fn reads_about(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Vec<PersonalDataRead>, sqlx::Error> {
    let rows: Vec<ReadRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE r.subject_id = ?1 OR r.application_id IN \
             (SELECT application_id FROM profiles WHERE account_id = ?1) \
         ORDER BY r.at DESC, r.id DESC LIMIT ?2"
    ))
    .bind(account_id)
    .bind(PAGE_ROWS * 5)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(ReadRow::decoded).collect()
}

/// The log as the privacy officer narrows it, newest first; and whether
/// more rows matched than shown.
pub async fn reads(
    pool: &SqlitePool,
    filter: &ReadFilter,
) -> Result<(Vec<PersonalDataRead>, bool), sqlx::Error> {
    let like = |text: &str| {
        let escaped = text
            .trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    };
    let rows: Vec<ReadRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE (?1 = '%%' OR reader.display_name LIKE ?1 ESCAPE '\\' \
                         OR reader.email LIKE ?1 ESCAPE '\\') \
           AND (?2 = '%%' OR subject.display_name LIKE ?2 ESCAPE '\\' \
                OR subject.email LIKE ?2 ESCAPE '\\' \
                OR application.display_name LIKE ?2 ESCAPE '\\' \
                OR application.email LIKE ?2 ESCAPE '\\') \
           AND (?3 IS NULL OR r.what = ?3) \
           AND (?4 IS NULL OR r.at >= ?4) \
           AND (?5 IS NULL OR r.at < ?5) \
         ORDER BY r.at DESC, r.id DESC LIMIT ?6"
    ))
    .bind(like(&filter.reader))
    .bind(like(&filter.subject))
    .bind(filter.what.map(ReadWhat::as_str))
    .bind(filter.from.map(crate::program_time::day_start_utc_text))
    .bind(
        filter
            .to
            .and_then(|day| day.succ_opt())
            .map(crate::program_time::day_start_utc_text),
    )
    .bind(PAGE_ROWS + 1)
    .fetch_all(pool)
    .await?;
    let more = rows.len() as i64 > PAGE_ROWS;
    let reads = rows
        .into_iter()
        .take(PAGE_ROWS as usize)
        .map(ReadRow::decoded)
        .collect::<Result<_, _>>()?;
    Ok((reads, more))
}
