//! SQL for the ways into an account that are not a sign-in: invitations and password resets.
#[allow(unused_imports)]
use super::*;

pub struct NewInvitation<'a> {
    pub token_hash: &'a str,
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub locale: &'a str,
    pub invited_by: i64,
    pub expires_at: DateTime<Utc>,
    /// The cohort the invitee's profile joins (`None`: the current one).
    pub cohort_id: Option<i64>,
}

/// Records an invitation; earlier unused invitations to the same address stop working.
pub async fn insert_invitation(
    connection: &mut SqliteConnection,
    invitation: &NewInvitation<'_>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE invitations SET expires_at = ? \
         WHERE email = ? COLLATE NOCASE AND used_at IS NULL AND expires_at > ?",
    )
    .bind(utc_text(now))
    .bind(invitation.email)
    .bind(utc_text(now))
    .execute(&mut *connection)
    .await?;
    sqlx::query(
        "INSERT INTO invitations (token_hash, email, display_name, role, locale, invited_by, \
         expires_at, cohort_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(invitation.token_hash)
    .bind(invitation.email)
    .bind(invitation.display_name)
    .bind(invitation.role.as_str())
    .bind(invitation.locale)
    .bind(invitation.invited_by)
    .bind(utc_text(invitation.expires_at))
    .bind(invitation.cohort_id)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub locale: String,
    pub cohort_id: Option<i64>,
}

impl InvitationRow {
    /// The role the invitation gives; an unknown stored one is an error.
    pub fn role(&self) -> Result<Role, crate::stored::UnknownStoredValue> {
        crate::stored::decode("invitations", "role", &self.role)
    }

    pub fn summary(&self) -> Result<InvitationSummary, crate::stored::UnknownStoredValue> {
        Ok(InvitationSummary {
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            role: self.role()?,
        })
    }
}

/// The invitation behind a token, if it is still usable at `now`.
pub async fn find_usable_invitation(
    pool: &SqlitePool,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<InvitationRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, email, display_name, role, locale, cohort_id FROM invitations \
         WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
    )
    .bind(token_hash)
    .bind(utc_text(now))
    .fetch_optional(pool)
    .await
}

/// Marks an invitation used; `false` if someone used it first (single use, even under a race).
pub async fn use_invitation(
    connection: &mut SqliteConnection,
    invitation_id: i64,
    account_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "UPDATE invitations SET used_at = ?, account_id = ? \
         WHERE id = ? AND used_at IS NULL AND expires_at > ?",
    )
    .bind(utc_text(now))
    .bind(account_id)
    .bind(invitation_id)
    .bind(utc_text(now))
    .execute(&mut *connection)
    .await?;
    Ok(result.rows_affected() == 1)
}

#[derive(sqlx::FromRow)]
pub(super) struct PendingRow {
    pub(super) email: String,
    pub(super) display_name: String,
    pub(super) role: String,
    pub(super) expires_at: String,
}

pub async fn list_pending_invitations(
    pool: &SqlitePool,
    now: DateTime<Utc>,
) -> Result<Vec<PendingInvitation>, sqlx::Error> {
    let now_text = utc_text(now);
    let rows: Vec<PendingRow> = sqlx::query_as(
        "SELECT i.email, i.display_name, i.role, i.expires_at FROM invitations i \
         WHERE i.used_at IS NULL \
           AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.email = i.email COLLATE NOCASE) \
           AND i.id = (SELECT max(j.id) FROM invitations j WHERE j.email = i.email COLLATE NOCASE) \
         ORDER BY i.created_at DESC, i.id DESC",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(PendingInvitation {
                is_expired: row.expires_at <= now_text,
                role: crate::stored::decode("invitations", "role", &row.role)?,
                email: row.email,
                display_name: row.display_name,
                expires_at: crate::program_time::program_time(&row.expires_at),
            })
        })
        .collect()
}

pub async fn count_pending_invitations(
    pool: &SqlitePool,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT count(*) FROM invitations i WHERE i.used_at IS NULL AND i.expires_at > ? \
         AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.email = i.email COLLATE NOCASE)",
    )
    .bind(utc_text(now))
    .fetch_one(pool)
    .await
}

/// Records a reset link unless the account already got `limit` since `since`
/// (one statement: concurrent requests cannot both slip under the limit).
/// `false` when the limit was reached.
pub async fn insert_password_reset_within_limit(
    connection: &mut SqliteConnection,
    token_hash: &str,
    account_id: i64,
    expires_at: DateTime<Utc>,
    since: DateTime<Utc>,
    limit: i64,
) -> Result<bool, sqlx::Error> {
    let result = sqlx::query(
        "INSERT INTO password_resets (token_hash, account_id, expires_at) \
         SELECT ?, ?, ? WHERE (SELECT count(*) FROM password_resets \
                               WHERE account_id = ? AND created_at > ?) < ?",
    )
    .bind(token_hash)
    .bind(account_id)
    .bind(utc_text(expires_at))
    .bind(account_id)
    .bind(utc_text(since))
    .bind(limit)
    .execute(&mut *connection)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Consumes a reset token: the account it belongs to, or `None` when the token is
/// unknown, expired or used. Single use, even under a race.
pub async fn use_password_reset(
    connection: &mut SqliteConnection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE password_resets SET used_at = ? \
         WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING account_id",
    )
    .bind(utc_text(now))
    .bind(token_hash)
    .bind(utc_text(now))
    .fetch_optional(&mut *connection)
    .await
}

/// Is this reset token usable now? (Read-only: for showing the form.)
pub async fn password_reset_is_usable(
    pool: &SqlitePool,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    Ok(password_reset_owner(pool, token_hash, now).await?.is_some())
}

/// The name and email address of the account a usable reset token is for
/// (what the new password may not contain).
pub async fn password_reset_owner(
    pool: &SqlitePool,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.display_name, a.email FROM password_resets r JOIN accounts a ON a.id = r.account_id \
         WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ? AND a.is_disabled = 0",
    )
    .bind(token_hash)
    .bind(utc_text(now))
    .fetch_optional(pool)
    .await
}

/// Other reset links of the account stop working once one is used.
pub async fn expire_password_resets(
    connection: &mut SqliteConnection,
    account_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE password_resets SET expires_at = ? WHERE account_id = ? AND used_at IS NULL",
    )
    .bind(utc_text(now))
    .bind(account_id)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// How a mentor came in without an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentorWay {
    Invitation,
    Promotion,
}

impl MentorWay {
    pub fn as_str(self) -> &'static str {
        match self {
            MentorWay::Invitation => "invitation",
            MentorWay::Promotion => "promotion",
        }
    }
}

/// Records the eligibility answers a coordinator gave to make `email` a
/// mentor without an application.
pub async fn insert_mentor_eligibility(
    connection: &mut SqliteConnection,
    email: &str,
    way: MentorWay,
    facts: crate::eligibility::EligibilityFacts,
    recorded_by: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO mentor_eligibility (email, way, diploma_level, is_employed, \
         works_in_research, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(email)
    .bind(way.as_str())
    .bind(facts.diploma.as_str())
    .bind(facts.is_employed)
    .bind(facts.works_in_research)
    .bind(recorded_by)
    .bind(utc_text(now))
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// Whether `email` applied and was accepted: a mentor by the program's own
/// review, who needs no answers recorded again.
pub async fn has_accepted_application(pool: &SqlitePool, email: &str) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM mentor_applications WHERE email = ? COLLATE NOCASE \
         AND status = 'accepted')",
    )
    .bind(email)
    .fetch_one(pool)
    .await
}
