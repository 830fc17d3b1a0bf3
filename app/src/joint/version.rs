//! The stored side of joint setting, shared by goals and meetings: both
//! tables carry `agreement`, `agreement_side`, `change_comment`, `version` and
//! `updated_at`, and change them the same way.
use sqlx::SqliteConnection;

use crate::error::AppError;
use crate::joint::agreement::{Agreement, JointStep};
use crate::pairs::Side;

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

/// Moves the item from the version the caller saw to the next one, and
/// returns it as it now stands (`columns` of `table`), read by the very
/// statement that took the write lock: every rule is decided on this row,
/// never on one read before the transaction, so two requests sent at once
/// cannot each pass on the other's stale state. Refused (`StaleVersion`)
/// when someone changed it since.
pub async fn bump<Row>(
    connection: &mut SqliteConnection,
    table: JointTable,
    columns: &str,
    id: i64,
    version: i64,
    now: &str,
) -> Result<Row, AppError>
where
    Row: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + Send + Unpin,
{
    sqlx::query_as::<_, Row>(&format!(
        "UPDATE {} SET version = version + 1, updated_at = ? WHERE id = ? AND version = ? \
         RETURNING {columns}",
        table.name()
    ))
    .bind(now)
    .bind(id)
    .bind(version)
    .fetch_optional(&mut *connection)
    .await?
    .ok_or(AppError::StaleVersion)
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

/// A stored item of one pair (a goal, a meeting) as the agreement steps
/// read it: where its agreement stands, its pair, and how to find it by id.
pub trait JointItem: Sized {
    fn agreement(&self) -> Result<Agreement, crate::stored::UnknownStoredValue>;
    fn pair_id(&self) -> i64;
    fn find(
        pool: &sqlx::SqlitePool,
        id: i64,
    ) -> impl std::future::Future<Output = Result<Option<Self>, sqlx::Error>> + Send;
}

/// `JointItem` for a row with `pair_id` and an inherent `agreement()`,
/// found by `$find`.
#[macro_export]
macro_rules! joint_item {
    ($row:ident, $find:ident) => {
        impl $crate::joint::JointItem for $row {
            fn agreement(
                &self,
            ) -> Result<$crate::joint::agreement::Agreement, $crate::stored::UnknownStoredValue>
            {
                $row::agreement(self)
            }
            fn pair_id(&self) -> i64 {
                self.pair_id
            }
            fn find(
                pool: &sqlx::SqlitePool,
                id: i64,
            ) -> impl std::future::Future<Output = Result<Option<Self>, sqlx::Error>> + Send {
                $find(pool, id)
            }
        }
    };
}

/// One person's answer to what the other proposed: agree, or ask for a
/// change (`comment` says what).
#[derive(Debug, Clone, Copy)]
pub struct AnswerStep<'a> {
    pub id: i64,
    pub version: i64,
    pub side: Side,
    pub step: JointStep,
    pub comment: Option<&'a str>,
    pub now: &'a str,
}

/// The answer, inside the caller's transaction, written once for goals and
/// meetings: the version moves on (`bump`: a stale answer is refused),
/// `check` decides on the item as it now stands (a meeting must still be
/// planned…), the agreement takes the step by its rules (one never agrees to
/// one's own proposal), and where it stands is stored. The item as it stood.
pub async fn answer<Row>(
    connection: &mut SqliteConnection,
    table: JointTable,
    columns: &str,
    answer: &AnswerStep<'_>,
    check: impl FnOnce(&Row) -> Result<(), AppError>,
) -> Result<Row, AppError>
where
    Row: JointItem + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + Send + Unpin,
{
    let row: Row = bump(
        connection,
        table,
        columns,
        answer.id,
        answer.version,
        answer.now,
    )
    .await?;
    check(&row)?;
    let next = row.agreement()?.after(answer.step, answer.side)?;
    set_agreement(
        connection,
        table,
        answer.id,
        next,
        answer.side,
        answer.comment,
    )
    .await?;
    Ok(row)
}
