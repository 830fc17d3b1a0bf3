//! Erasing one person (Law 25, issue 20 item 3): every table's rule of
//! [`super::erase_map::ERASE_MAP`], then the copies of their name and address
//! in other texts, in the caller's transaction. Used by a confirmed request
//! for deletion and by the retention rules for ended cohorts.
use sqlx::SqliteConnection;

use super::erase_map::{Erase, COPIES, ERASE_MAP};

/// What an emptied text that the schema requires reads: a dash, in every language.
pub const ERASED_TEXT: &str = "—";

/// The shortest name whose copies are replaced in other texts: shorter ones
/// would change words that merely contain them.
const SHORTEST_NAME_REPLACED: usize = 4;

/// Erases the account `account_id` (a mentor's or a mentee's; never one
/// already erased): returns how many rows changed, or `None` when there is
/// no such account left to erase. `by` is the coordinator who confirmed.
pub async fn erase_account(
    connection: &mut SqliteConnection,
    account_id: i64,
    by: Option<i64>,
    now: &str,
) -> Result<Option<u64>, sqlx::Error> {
    let person: Option<(String, String)> = sqlx::query_as(
        "SELECT email, display_name FROM accounts WHERE id = ? AND erased_at IS NULL",
    )
    .bind(account_id)
    .fetch_optional(&mut *connection)
    .await?;
    let Some((email, name)) = person else {
        return Ok(None);
    };
    gather(connection, account_id).await?;
    let mut changed = 0;
    for (_, erase) in ERASE_MAP {
        if let Erase::Statements(statements) = erase {
            for statement in *statements {
                changed += sqlx::query(statement)
                    .bind(account_id)
                    .bind(now)
                    .bind(by)
                    .execute(&mut *connection)
                    .await?
                    .rows_affected();
            }
        }
    }
    let mut copies = vec![email];
    if name.trim().chars().count() >= SHORTEST_NAME_REPLACED {
        copies.push(name.trim().to_owned());
    }
    for (table, column) in COPIES {
        for copy in &copies {
            // Table and column names come from this crate's constant list.
            let statement = format!(
                "UPDATE {table} SET {column} = replace({column}, ?1, ?2) \
                 WHERE instr({column}, ?1) > 0"
            );
            changed += sqlx::query(&statement)
                .bind(copy)
                .bind(ERASED_TEXT)
                .execute(&mut *connection)
                .await?
                .rows_affected();
        }
    }
    forget(connection).await?;
    Ok(Some(changed))
}

/// The temporary tables the rules read: the person's rows as they were.
async fn gather(connection: &mut SqliteConnection, account_id: i64) -> Result<(), sqlx::Error> {
    forget(connection).await?;
    for statement in [
        "CREATE TEMP TABLE erasing_person AS \
         SELECT id AS account_id, email, display_name AS name FROM accounts WHERE id = ?1",
        "CREATE TEMP TABLE erasing_profiles AS SELECT id FROM profiles WHERE account_id = ?1",
        "CREATE TEMP TABLE erasing_mentee_pairs AS SELECT id FROM pairs \
         WHERE mentee_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)",
        "CREATE TEMP TABLE erasing_mentor_pairs AS SELECT id FROM pairs \
         WHERE mentor_profile_id IN (SELECT id FROM profiles WHERE account_id = ?1)",
        "CREATE TEMP TABLE erasing_applications AS SELECT id FROM mentor_applications \
         WHERE id IN (SELECT application_id FROM profiles WHERE account_id = ?1) \
         OR email = (SELECT email FROM accounts WHERE id = ?1) COLLATE NOCASE",
    ] {
        sqlx::query(statement)
            .bind(account_id)
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

async fn forget(connection: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    for table in [
        "erasing_person",
        "erasing_profiles",
        "erasing_mentee_pairs",
        "erasing_mentor_pairs",
        "erasing_applications",
    ] {
        sqlx::query(&format!("DROP TABLE IF EXISTS temp.{table}"))
            .execute(&mut *connection)
            .await?;
    }
    Ok(())
}

/// Erases one application (declined or withdrawn, past its retention): its
/// personal fields, its messages and its link. True when it changed.
pub async fn erase_application(
    connection: &mut SqliteConnection,
    application_id: i64,
    now: &str,
) -> Result<bool, sqlx::Error> {
    let mut changed = false;
    for statement in [
        "UPDATE application_events SET message = NULL WHERE application_id = ?1",
        "DELETE FROM application_links WHERE application_id = ?1",
    ] {
        sqlx::query(statement)
            .bind(application_id)
            .execute(&mut *connection)
            .await?;
    }
    let Some((_, Erase::Statements(statements))) = ERASE_MAP
        .iter()
        .find(|(table, _)| *table == "mentor_applications")
    else {
        return Ok(false);
    };
    // The map's rule, on this one application.
    sqlx::query("DROP TABLE IF EXISTS temp.erasing_applications")
        .execute(&mut *connection)
        .await?;
    sqlx::query("CREATE TEMP TABLE erasing_applications AS SELECT ?1 AS id")
        .bind(application_id)
        .execute(&mut *connection)
        .await?;
    for statement in *statements {
        changed |= sqlx::query(statement)
            .bind(0_i64)
            .bind(now)
            .bind(Option::<i64>::None)
            .execute(&mut *connection)
            .await?
            .rows_affected()
            > 0;
    }
    sqlx::query("DROP TABLE temp.erasing_applications")
        .execute(&mut *connection)
        .await?;
    Ok(changed)
}
