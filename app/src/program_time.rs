//! Program time: the program's time zone (Montréal), how times are stored
//! (UTC text), and how people read them (in the program's zone, in each
//! language's words).
use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::i18n::{td_string, Locale};

/// The program's time zone: Montréal keeps Toronto's rules.
#[cfg(feature = "ssr")]
pub const TIME_ZONE: chrono_tz::Tz = chrono_tz::America::Toronto;

/// How a UTC time is stored: `2026-11-27T12:00:00Z`.
pub const STORED_FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// UTC time as stored: `2026-11-27T12:00:00Z`.
pub fn utc_text(time: DateTime<Utc>) -> String {
    time.format(STORED_FORMAT).to_string()
}

/// Now, as stored.
pub fn utc_now_text() -> String {
    utc_text(Utc::now())
}

/// Today's date in the program's time zone (Montréal).
#[cfg(feature = "ssr")]
pub fn program_today() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&TIME_ZONE).date_naive()
}

/// A stored UTC time (`2026-11-27T13:09:12Z`) as people in the program read it:
/// Montréal time, `2026-11-27 08:09`. Unreadable input is shown as stored.
#[cfg(feature = "ssr")]
pub fn program_time(utc_text: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(utc_text) {
        Ok(time) => time
            .with_timezone(&TIME_ZONE)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => utc_text.to_owned(),
    }
}

/// The program's day (Montréal) of a stored UTC time; `None` when unreadable.
#[cfg(feature = "ssr")]
pub fn program_date(utc_text: &str) -> Option<chrono::NaiveDate> {
    chrono::DateTime::parse_from_rfc3339(utc_text)
        .ok()
        .map(|time| time.with_timezone(&TIME_ZONE).date_naive())
}

/// When a program day (Montréal) begins, as stored UTC text: the bound of a
/// "from this day" or "before the next day" filter on stored times.
#[cfg(feature = "ssr")]
pub fn day_start_utc_text(day: NaiveDate) -> String {
    use chrono::TimeZone as _;
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    let start = TIME_ZONE
        .from_local_datetime(&midnight)
        .earliest()
        .map(|time| time.with_timezone(&Utc))
        // A day that starts in a gap begins an hour later at worst.
        .unwrap_or_else(|| midnight.and_utc() + chrono::Duration::hours(5));
    utc_text(start)
}

#[cfg(all(test, feature = "ssr"))]
mod stored_tests {
    use super::*;

    #[test]
    fn a_program_day_begins_at_montreal_midnight() {
        let winter = NaiveDate::from_ymd_opt(2026, 1, 15).expect("a date");
        assert_eq!(day_start_utc_text(winter), "2026-01-15T05:00:00Z");
        let summer = NaiveDate::from_ymd_opt(2026, 7, 1).expect("a date");
        assert_eq!(day_start_utc_text(summer), "2026-07-01T04:00:00Z");
    }

    #[test]
    fn stored_times_are_shown_in_montreal_time() {
        assert_eq!(program_time("2026-11-27T13:09:12Z"), "2026-11-27 08:09");
        assert_eq!(program_time("2026-07-01T12:00:00Z"), "2026-07-01 08:00");
        assert_eq!(program_time("not a time"), "not a time");
    }
}

fn month_name(locale: Locale, month: u32) -> &'static str {
    match month {
        1 => td_string!(locale, date.months.m01),
        2 => td_string!(locale, date.months.m02),
        3 => td_string!(locale, date.months.m03),
        4 => td_string!(locale, date.months.m04),
        5 => td_string!(locale, date.months.m05),
        6 => td_string!(locale, date.months.m06),
        7 => td_string!(locale, date.months.m07),
        8 => td_string!(locale, date.months.m08),
        9 => td_string!(locale, date.months.m09),
        10 => td_string!(locale, date.months.m10),
        11 => td_string!(locale, date.months.m11),
        _ => td_string!(locale, date.months.m12),
    }
}

/// A date in words: "11 janvier 2027" (fr-CA) or "January 11, 2027" (en-CA).
pub fn long_date(locale: Locale, date: NaiveDate) -> String {
    let day = match date.day() {
        1 => td_string!(locale, date.first_day).to_owned(),
        other => other.to_string(),
    };
    let month = month_name(locale, date.month());
    let year = date.year();
    td_string!(locale, date.long, day, month, year).to_string()
}

fn weekday_name(locale: Locale, weekday: chrono::Weekday) -> &'static str {
    use chrono::Weekday;
    match weekday {
        Weekday::Mon => td_string!(locale, date.weekdays.mon),
        Weekday::Tue => td_string!(locale, date.weekdays.tue),
        Weekday::Wed => td_string!(locale, date.weekdays.wed),
        Weekday::Thu => td_string!(locale, date.weekdays.thu),
        Weekday::Fri => td_string!(locale, date.weekdays.fri),
        Weekday::Sat => td_string!(locale, date.weekdays.sat),
        Weekday::Sun => td_string!(locale, date.weekdays.sun),
    }
}

/// A time of day the way each language writes it: "17 h 30", "17 h"
/// (fr-CA); "5:30 PM" (en-CA).
pub fn clock_time(locale: Locale, time: chrono::NaiveTime) -> String {
    use chrono::Timelike;
    let (hour, minute) = (time.hour(), time.minute());
    match locale {
        Locale::fr if minute == 0 => format!("{hour} h"),
        Locale::fr => format!("{hour} h {minute:02}"),
        Locale::en => {
            let period = if hour < 12 { "AM" } else { "PM" };
            let twelve = match hour % 12 {
                0 => 12,
                other => other,
            };
            format!("{twelve}:{minute:02} {period}")
        }
    }
}

/// A date and time in words, within a sentence: "jeudi 4 décembre à 17 h 30"
/// (fr-CA), "Thursday, December 4 at 5:30 PM" (en-CA); the year is said
/// when it is not `this_year`.
pub fn date_time(locale: Locale, at: chrono::NaiveDateTime, this_year: i32) -> String {
    let date = at.date();
    let weekday = weekday_name(locale, date.weekday());
    let day = match date.day() {
        1 => td_string!(locale, date.first_day).to_owned(),
        other => other.to_string(),
    };
    let month = month_name(locale, date.month());
    let time = clock_time(locale, at.time());
    if date.year() == this_year {
        td_string!(locale, date.date_time, weekday, day, month, time).to_string()
    } else {
        let year = date.year();
        td_string!(locale, date.date_time_year, weekday, day, month, year, time).to_string()
    }
}

/// `date_time` of a program time text (`YYYY-MM-DD HH:MM`, as the server
/// sends it); a `YYYY-MM-DD` text becomes `long_date`; anything else is
/// returned as it is.
pub fn program_time_text(locale: Locale, text: &str, this_year: i32) -> String {
    if let Ok(at) = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M") {
        date_time(locale, at, this_year)
    } else {
        long_date_text(locale, text)
    }
}

/// The current year, where the page is rendered (the server, or the browser:
/// the WASM target has no system clock of its own).
pub fn this_year() -> i32 {
    #[cfg(all(target_arch = "wasm32", not(feature = "ssr")))]
    {
        js_sys::Date::new_0().get_full_year() as i32
    }
    #[cfg(not(all(target_arch = "wasm32", not(feature = "ssr"))))]
    {
        chrono::Utc::now().year()
    }
}

/// `long_date` of a `YYYY-MM-DD` text; the text itself when unreadable.
pub fn long_date_text(locale: Locale, day: &str) -> String {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map(|date| long_date(locale, date))
        .unwrap_or_else(|_| day.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn dates_are_written_the_way_each_language_writes_them() {
        assert_eq!(long_date(Locale::fr, date(2027, 1, 11)), "11 janvier 2027");
        assert_eq!(long_date(Locale::en, date(2027, 1, 11)), "January 11, 2027");
        assert_eq!(long_date(Locale::fr, date(2025, 8, 1)), "1er août 2025");
        assert_eq!(long_date(Locale::en, date(2025, 8, 1)), "August 1, 2025");
        assert_eq!(
            long_date(Locale::en, date(2025, 12, 31)),
            "December 31, 2025"
        );
    }

    #[test]
    fn dates_and_times_are_written_the_way_each_language_writes_them() {
        let at = |text: &str| {
            chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap_or_default()
        };
        assert_eq!(
            date_time(Locale::fr, at("2025-12-04 17:30"), 2025),
            "jeudi 4 décembre à 17 h 30"
        );
        assert_eq!(
            date_time(Locale::en, at("2025-12-04 17:30"), 2025),
            "Thursday, December 4 at 5:30 PM"
        );
        assert_eq!(
            date_time(Locale::fr, at("2026-01-01 09:00"), 2025),
            "jeudi 1er janvier 2026 à 9 h"
        );
        assert_eq!(
            date_time(Locale::en, at("2026-01-01 00:05"), 2025),
            "Thursday, January 1, 2026 at 12:05 AM"
        );
        assert_eq!(
            clock_time(
                Locale::en,
                chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()
            ),
            "12:00 PM"
        );
        assert_eq!(
            program_time_text(Locale::fr, "2025-12-04 17:30", 2025),
            "jeudi 4 décembre à 17 h 30"
        );
        assert_eq!(
            program_time_text(Locale::en, "2027-01-11", 2027),
            "January 11, 2027"
        );
        assert_eq!(program_time_text(Locale::en, "soon", 2027), "soon");
    }
}
