//! SQL for verified sign-up: a student's registration waits as a request
//! until the link sent to the address is used (security issue, item 3).
#[allow(unused_imports)]
use super::*;

/// A registration as typed, before its address is confirmed.
pub struct NewRegistration<'a> {
    pub token_hash: &'a str,
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub locale: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// A request whose link still works.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RegistrationRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub locale: String,
    pub notice_version: i64,
}

/// Records a request with the notice version the person accepted, unless
/// the address already asked `limit` times since `since` (one statement, so
/// that concurrent requests cannot both slip under it); expired requests go
/// first. `false` when the limit was reached.
pub async fn insert_registration_within_limit(
    connection: &mut SqliteConnection,
    registration: &NewRegistration<'_>,
    now: DateTime<Utc>,
    since: DateTime<Utc>,
    limit: i64,
) -> Result<bool, sqlx::Error> {
    delete_expired_registrations(&mut *connection, now).await?;
    let version = crate::consent::repo::latest_notice_version(connection).await?;
    let result = sqlx::query(
        "INSERT INTO registration_requests (token_hash, email, display_name, password_hash, \
         locale, notice_version, created_at, expires_at) \
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE (SELECT count(*) FROM registration_requests \
                                      WHERE email = ?2 AND created_at > ?9) < ?10",
    )
    .bind(registration.token_hash)
    .bind(registration.email)
    .bind(registration.display_name)
    .bind(registration.password_hash)
    .bind(registration.locale)
    .bind(version)
    .bind(utc_text(now))
    .bind(utc_text(registration.expires_at))
    .bind(utc_text(since))
    .bind(limit)
    .execute(&mut *connection)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Requests whose link expired go, with the password hashes they kept (at
/// each new request, and hourly from the server's background task); how many.
pub async fn delete_expired_registrations<'e>(
    executor: impl sqlx::SqliteExecutor<'e>,
    now: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM registration_requests WHERE expires_at <= ?")
            .bind(utc_text(now))
            .execute(executor)
            .await?
            .rows_affected(),
    )
}

/// The request a token opens, if its link still works.
pub async fn find_usable_registration(
    connection: &mut SqliteConnection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<RegistrationRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, email, display_name, password_hash, locale, notice_version \
         FROM registration_requests WHERE token_hash = ? AND expires_at > ?",
    )
    .bind(token_hash)
    .bind(utc_text(now))
    .fetch_optional(&mut *connection)
    .await
}

/// Every request for an address ends once one is used (their links die
/// with them, and so do the password hashes they kept).
pub async fn delete_registrations_of(
    connection: &mut SqliteConnection,
    email: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM registration_requests WHERE email = ? COLLATE NOCASE")
        .bind(email)
        .execute(&mut *connection)
        .await?;
    Ok(())
}
