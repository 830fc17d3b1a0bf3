//! The stored side of joint setting, shared by goals and meetings: both
//! tables carry `agreement`, `agreement_side`, `change_comment`, `version` and
//! `updated_at`, and change them the same way.
use sqlx::SqliteConnection;

use super::agreement::Agreement;
use super::Side;
use crate::error::AppError;

/// A table of jointly set items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JointTable {
    Goals,
    Meetings,
}

impl JointTable {
    fn name(self) -> &'static str {
        match self {
            JointTable::Goals => "goals",
            JointTable::Meetings => "meetings",
        }
    }
}

/// Moves the item from the version the caller saw to the next one; refused
/// (`StaleVersion`) when someone changed it since.
pub async fn bump(
    connection: &mut SqliteConnection,
    table: JointTable,
    id: i64,
    version: i64,
    now: &str,
) -> Result<(), AppError> {
    let changed = sqlx::query(&format!(
        "UPDATE {} SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
        table.name()
    ))
    .bind(now)
    .bind(id)
    .bind(version)
    .execute(&mut *connection)
    .await?
    .rows_affected();
    if changed == 1 {
        Ok(())
    } else {
        Err(AppError::StaleVersion)
    }
}

/// Stores where the item stands (`last_side` is kept with an agreed one).
pub async fn set_agreement(
    connection: &mut SqliteConnection,
    table: JointTable,
    id: i64,
    agreement: Agreement,
    last_side: Side,
    comment: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "UPDATE {} SET agreement = ?, agreement_side = ?, change_comment = ? WHERE id = ?",
        table.name()
    ))
    .bind(agreement.as_str())
    .bind(agreement.side_or(last_side).as_str())
    .bind(comment)
    .bind(id)
    .execute(&mut *connection)
    .await?;
    Ok(())
}
