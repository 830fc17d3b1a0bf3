//! SQL of testimonials.
use sqlx::{SqliteConnection, SqlitePool};

use super::{PublicTestimonial, Signature, Testimonial, TestimonialStatus};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    author_name: String,
    role: String,
    body: String,
    language: String,
    signature: String,
    status: String,
    written_at: String,
}

impl Row {
    /// `None` for a value no migration allows (logged, naming it): the
    /// testimonial is left out, the others shown.
    fn testimonial(self) -> Option<Testimonial> {
        use crate::stored::decode_or_skip;
        Some(Testimonial {
            id: self.id,
            author_name: self.author_name,
            role: decode_or_skip("accounts", "role", &self.role)?,
            body: self.body,
            language: self.language,
            signature: decode_or_skip("testimonials", "signature", &self.signature)?,
            status: decode_or_skip("testimonials", "status", &self.status)?,
            written_at: crate::program_time::program_time(&self.written_at),
            version: self.written_at,
        })
    }
}

const SELECT: &str = "SELECT t.id, a.display_name AS author_name, a.role, t.body, t.language, \
                             t.signature, t.status, t.written_at \
                      FROM testimonials t JOIN accounts a ON a.id = t.account_id";

fn decoded(rows: Vec<Row>) -> Vec<Testimonial> {
    rows.into_iter().filter_map(Row::testimonial).collect()
}

/// Whether the account is one of the two people of a completed pair.
pub async fn may_write(pool: &SqlitePool, account_id: i64) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM pairs p \
                        JOIN profiles e ON e.id = p.mentee_profile_id \
                        JOIN profiles r ON r.id = p.mentor_profile_id \
                        WHERE p.status = 'completed' AND (e.account_id = ? OR r.account_id = ?))",
    )
    .bind(account_id)
    .bind(account_id)
    .fetch_one(pool)
    .await
}

pub async fn of_account(
    pool: &SqlitePool,
    account_id: i64,
) -> Result<Option<Testimonial>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!("{SELECT} WHERE t.account_id = ?"))
        .bind(account_id)
        .fetch_all(pool)
        .await?;
    Ok(decoded(rows).into_iter().next())
}

/// Writes (or rewrites) the account's testimonial: it waits for approval again.
pub async fn save(
    connection: &mut SqliteConnection,
    account_id: i64,
    body: &str,
    language: &str,
    signature: Signature,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO testimonials (account_id, body, language, signature, status, written_at) \
         VALUES (?, ?, ?, ?, 'submitted', ?) \
         ON CONFLICT (account_id) DO UPDATE SET body = excluded.body, \
           language = excluded.language, signature = excluded.signature, \
           status = 'submitted', written_at = excluded.written_at, \
           decided_at = NULL, decided_by = NULL",
    )
    .bind(account_id)
    .bind(body)
    .bind(language)
    .bind(signature.as_str())
    .bind(now)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// Withdraws the account's testimonial; `false` when there is none to withdraw.
pub async fn withdraw(
    connection: &mut SqliteConnection,
    account_id: i64,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE testimonials SET status = 'withdrawn' \
         WHERE account_id = ? AND status <> 'withdrawn'",
    )
    .bind(account_id)
    .execute(&mut *connection)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Every testimonial not withdrawn, those waiting first, newest first.
pub async fn for_coordinator(pool: &SqlitePool) -> Result<Vec<Testimonial>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE t.status <> 'withdrawn' \
         ORDER BY t.status <> 'submitted', t.written_at DESC, t.id DESC"
    ))
    .fetch_all(pool)
    .await?;
    Ok(decoded(rows))
}

/// Approves or declines one as written at `version`; `false` when it is
/// withdrawn, unknown, or was changed since.
pub async fn decide(
    pool: &SqlitePool,
    id: i64,
    version: &str,
    status: TestimonialStatus,
    by: i64,
    now: &str,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE testimonials SET status = ?, decided_at = ?, decided_by = ? \
         WHERE id = ? AND written_at = ? AND status <> 'withdrawn'",
    )
    .bind(status.as_str())
    .bind(now)
    .bind(by)
    .bind(id)
    .bind(version)
    .execute(pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The approved testimonials, as the home page shows them (the oldest
/// approval first: the order they were published in), of accounts still
/// active, whose consent to the publication is in force.
pub async fn published(pool: &SqlitePool) -> Result<Vec<PublicTestimonial>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE t.status = 'approved' AND a.is_disabled = 0 \
           AND EXISTS (SELECT 1 FROM consents c WHERE c.account_id = t.account_id \
                        AND c.purpose = 'testimonial_publication' AND c.withdrawn_at IS NULL) \
         ORDER BY t.decided_at, t.id"
    ))
    .fetch_all(pool)
    .await?;
    Ok(decoded(rows)
        .into_iter()
        .map(|testimonial| PublicTestimonial {
            id: testimonial.id,
            author: testimonial.shown_name(),
            body: testimonial.body,
            language: testimonial.language,
            role: testimonial.role,
        })
        .collect())
}
