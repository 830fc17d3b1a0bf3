//! A person's data in one download: every row the data map finds about them,
//! as JSON (`mentorat-data.json`, described in `docs/PERSONAL_DATA.md`), and
//! the same rows as a page to read in their language (`summary.html`), in
//! one ZIP file. Secrets (password hashes, the hashes and addresses of links
//! that work) are never in it.
use std::collections::BTreeMap;

use serde_json::{Map, Value};
use sqlx::sqlite::SqliteRow;
use sqlx::{Column as _, Row as _, SqlitePool, TypeInfo as _, ValueRef as _};

use super::data_map::{Rows, DATA_MAP, SECRET_COLUMNS};
use crate::error::AppError;
use crate::i18n::{td_string, Locale};

/// The JSON's format name and version, for a program reading it.
pub const FORMAT: &str = "mentorat-personal-data";
pub const FORMAT_VERSION: i64 = 1;

/// Every row about the account, by table (tables without rows left out).
pub type PersonalRows = BTreeMap<&'static str, Vec<Map<String, Value>>>;

/// Reads every table's rows about `account_id`, in one read transaction (a
/// consistent picture).
pub async fn gather(pool: &SqlitePool, account_id: i64) -> Result<PersonalRows, sqlx::Error> {
    // Reads only: a deferred transaction, which takes no write lock.
    let mut transaction = pool.begin().await?;
    let mut tables = PersonalRows::new();
    for entry in DATA_MAP {
        let Rows::About { columns, condition } = entry.rows else {
            continue;
        };
        let sql = format!(
            "SELECT {columns} FROM {} WHERE {condition} ORDER BY rowid",
            entry.table
        );
        let rows = sqlx::query(&sql)
            .bind(account_id)
            .fetch_all(&mut *transaction)
            .await?;
        if rows.is_empty() {
            continue;
        }
        tables.insert(entry.table, rows.iter().map(row_object).collect());
    }
    transaction.commit().await?;
    Ok(tables)
}

/// One row as a JSON object, secrets left out; each value as SQLite stores
/// it (integers, reals, text; bytes in base64).
fn row_object(row: &SqliteRow) -> Map<String, Value> {
    let mut object = Map::new();
    for column in row.columns() {
        let name = column.name();
        if SECRET_COLUMNS.contains(&name) {
            continue;
        }
        object.insert(name.to_owned(), cell(row, column.ordinal()));
    }
    object
}

fn cell(row: &SqliteRow, index: usize) -> Value {
    use base64::Engine as _;
    let Ok(raw) = row.try_get_raw(index) else {
        return Value::Null;
    };
    if raw.is_null() {
        return Value::Null;
    }
    let kind = raw.type_info().name().to_owned();
    match kind.as_str() {
        "INTEGER" | "BOOLEAN" => row.try_get::<i64, _>(index).map(Value::from),
        "REAL" => row.try_get::<f64, _>(index).map(Value::from),
        "BLOB" => row
            .try_get::<Vec<u8>, _>(index)
            .map(|bytes| Value::from(base64::engine::general_purpose::STANDARD.encode(bytes))),
        _ => row.try_get::<String, _>(index).map(Value::from),
    }
    .unwrap_or(Value::Null)
}

/// The JSON file: what it is, for whom, when, and the rows by table.
pub fn json_document(account_id: i64, generated_at: &str, tables: &PersonalRows) -> Value {
    serde_json::json!({
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generated_at": generated_at,
        "account_id": account_id,
        "tables": tables,
    })
}

/// The ZIP file: the JSON and the page that reads it out.
pub fn archive(json: &Value, summary_html: &str) -> Result<Vec<u8>, AppError> {
    use std::io::Write as _;
    let failed = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "cannot write the download");
        AppError::internal("download archive")
    };
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut bytes);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let pretty = serde_json::to_vec_pretty(json).map_err(|e| failed(&e))?;
    zip.start_file("mentorat-data.json", options)
        .map_err(|e| failed(&e))?;
    zip.write_all(&pretty).map_err(|e| failed(&e))?;
    zip.start_file("summary.html", options)
        .map_err(|e| failed(&e))?;
    zip.write_all(summary_html.as_bytes())
        .map_err(|e| failed(&e))?;
    zip.finish().map_err(|e| failed(&e))?;
    Ok(bytes.into_inner())
}

/// The file's name: `mentorat-data-2026-12-01.zip`.
pub fn file_name(day: chrono::NaiveDate) -> String {
    format!("mentorat-data-{day}.zip")
}

/// The page to read, in the person's language: each table's rows, each row
/// its fields and values as stored.
pub fn summary_html(
    locale: Locale,
    name: &str,
    email: &str,
    generated_at: &str,
    tables: &PersonalRows,
) -> String {
    use leptos::prelude::*;

    let title = td_string!(locale, my_data.summary_title);
    let sections: Vec<(String, Vec<ShownRow>)> = tables
        .iter()
        .map(|(table, rows)| {
            let rows = rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|(column, value)| (column.clone(), shown(value)))
                        .collect()
                })
                .collect();
            (table_label(locale, table), rows)
        })
        .collect();
    let lang = match locale {
        Locale::en => "en",
        Locale::fr => "fr",
    };
    let owner = Owner::new();
    let page = owner.with(|| {
        view! {
            <html lang=lang>
                <head>
                    <meta charset="utf-8" />
                    <meta name="viewport" content="width=device-width, initial-scale=1" />
                    <title>{title}</title>
                    <style>{SUMMARY_STYLE}</style>
                </head>
                <body>
                    <h1>{title}</h1>
                    <p>
                        {td_string!(locale, my_data.summary_for)} " " <strong>{name.to_owned()}</strong>
                        " (" {email.to_owned()} "), " {td_string!(locale, my_data.summary_generated)} " "
                        {crate::program_time::program_time(generated_at)}
                    </p>
                    <p>{td_string!(locale, my_data.summary_intro)}</p>
                    {sections
                        .into_iter()
                        .map(|(label, rows)| {
                            view! {
                                <section>
                                    <h2>{label} " (" {rows.len()} ")"</h2>
                                    {rows
                                        .into_iter()
                                        .map(|fields| {
                                            view! {
                                                <dl>
                                                    {fields
                                                        .into_iter()
                                                        .map(|(column, value)| {
                                                            view! { <dt>{column}</dt> <dd>{value}</dd> }
                                                        })
                                                        .collect_view()}
                                                </dl>
                                            }
                                        })
                                        .collect_view()}
                                </section>
                            }
                        })
                        .collect_view()}
                </body>
            </html>
        }
        .to_html()
    });
    format!("<!DOCTYPE html>{page}")
}

const SUMMARY_STYLE: &str =
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;\
padding:0 1rem;line-height:1.5;color:#1a1a1a}h2{margin-top:2rem;border-bottom:1px solid #ccc}\
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.1rem 1rem;\
padding:.5rem;border:1px solid #e0e0e0;border-radius:4px}dt{font-weight:600;color:#444}\
dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}";

/// One row as the page shows it: each field's name and its value.
type ShownRow = Vec<(String, String)>;

/// A value as the page shows it: text as is, empty for nothing.
fn shown(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A table's name in the reader's language.
fn table_label(locale: Locale, table: &str) -> String {
    let label = match table {
        "account_sessions" => td_string!(locale, my_data.tables.account_sessions),
        "accounts" => td_string!(locale, my_data.tables.accounts),
        "action_links" => td_string!(locale, my_data.tables.action_links),
        "application_domains" => td_string!(locale, my_data.tables.application_domains),
        "application_events" => td_string!(locale, my_data.tables.application_events),
        "application_languages" => td_string!(locale, my_data.tables.application_languages),
        "application_links" => td_string!(locale, my_data.tables.application_links),
        "application_skills" => td_string!(locale, my_data.tables.application_skills),
        "audit_log" => td_string!(locale, my_data.tables.audit_log),
        "calendar_feeds" => td_string!(locale, my_data.tables.calendar_feeds),
        "cohort_members" => td_string!(locale, my_data.tables.cohort_members),
        "consents" => td_string!(locale, my_data.tables.consents),
        "data_downloads" => td_string!(locale, my_data.tables.data_downloads),
        "deletion_requests" => td_string!(locale, my_data.tables.deletion_requests),
        "feedback" => td_string!(locale, my_data.tables.feedback),
        "fit_checks" => td_string!(locale, my_data.tables.fit_checks),
        "goal_events" => td_string!(locale, my_data.tables.goal_events),
        "goal_needs" => td_string!(locale, my_data.tables.goal_needs),
        "goals" => td_string!(locale, my_data.tables.goals),
        "held_notices" => td_string!(locale, my_data.tables.held_notices),
        "invitations" => td_string!(locale, my_data.tables.invitations),
        "known_devices" => td_string!(locale, my_data.tables.known_devices),
        "meeting_next_steps" => td_string!(locale, my_data.tables.meeting_next_steps),
        "meeting_objectives" => td_string!(locale, my_data.tables.meeting_objectives),
        "meeting_private_notes" => td_string!(locale, my_data.tables.meeting_private_notes),
        "meetings" => td_string!(locale, my_data.tables.meetings),
        "mentor_applications" => td_string!(locale, my_data.tables.mentor_applications),
        "mentor_eligibility" => td_string!(locale, my_data.tables.mentor_eligibility),
        "mfa_factors" => td_string!(locale, my_data.tables.mfa_factors),
        "mfa_recovery_codes" => td_string!(locale, my_data.tables.mfa_recovery_codes),
        "milestones" => td_string!(locale, my_data.tables.milestones),
        "nudges" => td_string!(locale, my_data.tables.nudges),
        "outbox" => td_string!(locale, my_data.tables.outbox),
        "pair_constraints" => td_string!(locale, my_data.tables.pair_constraints),
        "pair_contact_sharing" => td_string!(locale, my_data.tables.pair_contact_sharing),
        "pair_message_reads" => td_string!(locale, my_data.tables.pair_message_reads),
        "pair_messages" => td_string!(locale, my_data.tables.pair_messages),
        "pairs" => td_string!(locale, my_data.tables.pairs),
        "password_resets" => td_string!(locale, my_data.tables.password_resets),
        "personal_data_reads" => td_string!(locale, my_data.tables.personal_data_reads),
        "profile_domains" => td_string!(locale, my_data.tables.profile_domains),
        "profile_languages" => td_string!(locale, my_data.tables.profile_languages),
        "profile_skills" => td_string!(locale, my_data.tables.profile_skills),
        "profiles" => td_string!(locale, my_data.tables.profiles),
        "questionnaire_answers" => td_string!(locale, my_data.tables.questionnaire_answers),
        "questionnaire_responses" => td_string!(locale, my_data.tables.questionnaire_responses),
        "registration_requests" => td_string!(locale, my_data.tables.registration_requests),
        "testimonials" => td_string!(locale, my_data.tables.testimonials),
        other => return other.to_owned(),
    };
    format!("{label} ({table})")
}

/// A download ready to send.
pub struct DownloadFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Serves the link `token` to the signed-in `account`: refused unless it is
/// theirs, unused and not expired (then it is used up). Audited.
pub async fn deliver(
    pool: &SqlitePool,
    account: Option<&crate::accounts::repo::AccountRow>,
    token: &str,
    client: Option<&str>,
) -> Result<DownloadFile, AppError> {
    use crate::accounts::policy::{decide, Access, Decision, Denial};
    use crate::audit::repo::{record, AuditRecord};
    use crate::audit::AuditEvent;

    let caller = account.map_or(crate::accounts::policy::Caller::Anonymous, |account| {
        account.caller()
    });
    match decide(&caller, &Access::SignedIn) {
        Decision::Allow => {}
        Decision::Deny(Denial::SignInRequired) => return Err(AppError::Unauthorized),
        Decision::Deny(Denial::Forbidden) => return Err(AppError::Forbidden),
    }
    let account = account.ok_or(AppError::Unauthorized)?;
    let now = chrono::Utc::now();
    let hash = crate::accounts::tokens::hash_token(token);
    if !super::repo::use_download(pool, account.id, &hash, now).await? {
        tracing::warn!(account = account.id, "download link refused");
        return Err(AppError::NotFound);
    }
    let tables = gather(pool, account.id).await?;
    let generated_at = crate::program_time::utc_text(now);
    let locale = crate::locale::parse_locale(&account.locale).unwrap_or(Locale::fr);
    let json = json_document(account.id, &generated_at, &tables);
    let html = summary_html(
        locale,
        &account.display_name,
        &account.email,
        &generated_at,
        &tables,
    );
    let bytes = archive(&json, &html)?;
    record(
        pool,
        AuditEvent::PersonalDataDownloaded,
        AuditRecord {
            actor_id: Some(account.id),
            subject: Some(&account.id.to_string()),
            client,
            detail: Some(&format!("{} bytes", bytes.len())),
        },
    )
    .await;
    Ok(DownloadFile {
        file_name: file_name(crate::program_time::program_today()),
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mapped_table_has_a_label_in_both_languages() {
        for entry in DATA_MAP {
            if let Rows::About { .. } = entry.rows {
                for locale in [Locale::fr, Locale::en] {
                    let label = table_label(locale, entry.table);
                    assert_ne!(label, entry.table, "{} has no label", entry.table);
                }
            }
        }
    }

    #[test]
    fn the_summary_escapes_what_people_wrote() {
        let mut tables = PersonalRows::new();
        let mut row = Map::new();
        row.insert("body".to_owned(), Value::from("<script>alert(1)</script>"));
        tables.insert("pair_messages", vec![row]);
        let html = summary_html(
            Locale::fr,
            "Ana <b>",
            "ana@example.org",
            "2026-12-01T12:00:00Z",
            &tables,
        );
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("Ana &lt;b&gt;"));
        assert!(html.contains("lang=\"fr\""));
    }

    #[test]
    fn the_archive_holds_the_json_and_the_summary() {
        let json = json_document(7, "2026-12-01T12:00:00Z", &PersonalRows::new());
        let bytes = archive(&json, "<!DOCTYPE html><html></html>").expect("an archive");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        assert_eq!(zip.len(), 2);
        assert!(zip.by_name("summary.html").is_ok());
        let read: Value =
            serde_json::from_reader(zip.by_name("mentorat-data.json").expect("the json"))
                .expect("json");
        assert_eq!(read["format"], FORMAT);
        assert_eq!(read["account_id"], 7);
    }
}
