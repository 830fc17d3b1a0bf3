//! The calendar files themselves, in the reader's language: one meeting for
//! one of its pair's two people, or a person's whole feed. The HTTP routes
//! (in the server) only add headers to what these return.
use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::ics::{calendar, CalendarEvent, EventStatus};
use super::repo::{self, CalendarMeetingRow};
use crate::accounts::policy::{allows, Access, Caller};
use crate::accounts::tokens::hash_token;
use crate::accounts::Role;
use crate::error::AppError;
use crate::i18n::{td_string, Locale};
use crate::locale::parse_locale;
use crate::meetings::{MeetingModality, MeetingStatus};

fn locale_or_french(locale: &str) -> Locale {
    parse_locale(locale).unwrap_or(Locale::fr)
}

/// The `.ics` of one meeting, for `caller` (an account id, its role and
/// language; `None` when signed out): 401 signed out, 404 unknown, 403 for
/// anyone the policy keeps out of the pair's workspace (all but its two people).
pub async fn meeting_file(
    pool: &SqlitePool,
    caller: Option<(i64, Role, &str)>,
    meeting_id: i64,
    public_url: &str,
) -> Result<String, AppError> {
    let (account_id, role, locale) = caller.ok_or(AppError::Unauthorized)?;
    let row = repo::find_meeting(pool, meeting_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let workspace = Access::PairWorkspace {
        mentor_id: row.mentor_account_id,
        mentee_id: row.mentee_account_id,
    };
    if !allows(&Caller::member(account_id, role), &workspace) {
        tracing::warn!(
            meeting_id,
            account_id,
            "calendar file of someone else's meeting refused"
        );
        return Err(AppError::Forbidden);
    }
    let locale = locale_or_french(locale);
    let objectives = repo::objectives_of(pool, &[row.id]).await?;
    let event = event(&row, account_id, &objectives, locale, public_url)?;
    let name = td_string!(locale, calendar.feed_name).to_string();
    Ok(calendar(&name, &[event], Utc::now()))
}

/// A person's feed, found by its token: `None` when no feed has this token
/// (never made, replaced, turned off, or the account disabled).
pub async fn feed_file(
    pool: &SqlitePool,
    token: &str,
    public_url: &str,
) -> Result<Option<String>, AppError> {
    let Some((account_id, locale)) = repo::feed_owner(pool, &hash_token(token)).await? else {
        return Ok(None);
    };
    let locale = locale_or_french(&locale);
    let now = Utc::now();
    let since =
        crate::program_time::utc_text(now - chrono::Duration::days(super::FEED_HISTORY_DAYS));
    let rows = repo::meetings_of_account(pool, account_id, &since).await?;
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let objectives = repo::objectives_of(pool, &ids).await?;
    let events = rows
        .iter()
        .map(|row| event(row, account_id, &objectives, locale, public_url))
        .collect::<Result<Vec<CalendarEvent>, _>>()?;
    let name = td_string!(locale, calendar.feed_name).to_string();
    Ok(Some(calendar(&name, &events, now)))
}

/// What a refused download says, in the reader's language.
pub fn refusal_text(locale: &str, error: &AppError) -> String {
    let locale = locale_or_french(locale);
    match error {
        AppError::Forbidden => td_string!(locale, calendar.file_forbidden),
        AppError::NotFound => td_string!(locale, calendar.file_not_found),
        _ => td_string!(locale, calendar.file_unavailable),
    }
    .to_string()
}

/// One meeting as `reader` sees it in their calendar; an unknown stored
/// status, agreement or modality is an error, not a guess.
fn event(
    row: &CalendarMeetingRow,
    reader: i64,
    objectives: &[(i64, String)],
    locale: Locale,
    public_url: &str,
) -> Result<CalendarEvent, crate::stored::UnknownStoredValue> {
    use crate::stored::{decode, known};
    let reader_is_mentor = reader == row.mentor_account_id;
    let partner = if reader_is_mentor {
        &row.mentee_name
    } else {
        &row.mentor_name
    };
    // The side is not read here: any one parses the agreement.
    let agreement = known(
        crate::joint::agreement::Agreement::parse(&row.agreement, crate::pairs::Side::Mentor),
        "meetings",
        "agreement",
        &row.agreement,
    )?;
    let status = match decode("meetings", "status", &row.status)? {
        MeetingStatus::Cancelled => EventStatus::Cancelled,
        _ if agreement.is_agreed() => EventStatus::Confirmed,
        _ => EventStatus::Tentative,
    };
    let modality = match decode("meetings", "modality", &row.modality)? {
        MeetingModality::InPerson => td_string!(locale, workspace.in_person),
        MeetingModality::Video => td_string!(locale, workspace.video),
    };
    let mut description = vec![format!("{} ({} min)", modality, row.duration_minutes)];
    if status == EventStatus::Tentative {
        description.push(td_string!(locale, calendar.not_agreed_yet).to_string());
    }
    let lines: Vec<String> = objectives
        .iter()
        .filter(|(meeting_id, _)| *meeting_id == row.id)
        .map(|(_, text)| format!("- {text}"))
        .collect();
    if !lines.is_empty() {
        description.push(td_string!(locale, calendar.objectives).to_string());
        description.extend(lines);
    }
    let page = if reader_is_mentor {
        format!(
            "{public_url}/pairs/{}?section=meetings#meeting-{}",
            row.pair_id, row.id
        )
    } else {
        format!("{public_url}/mentee?section=meetings#meeting-{}", row.id)
    };
    description.push(page.clone());
    let host = public_url
        .split_once("://")
        .map_or(public_url, |(_, rest)| rest)
        .split(['/', ':'])
        .next()
        .unwrap_or("mentorat");
    Ok(CalendarEvent {
        uid: format!("meeting-{}@{host}", row.id),
        sequence: row.version,
        starts_at: DateTime::parse_from_rfc3339(&row.starts_at)
            .map(|time| time.with_timezone(&Utc))
            .unwrap_or_default(),
        duration_minutes: row.duration_minutes,
        summary: td_string!(locale, calendar.event_summary, name = partner).to_string(),
        location: row.location.clone(),
        description: description.join("\n"),
        url: Some(page),
        status,
    })
}
