//! Language helpers: the language cookie, and dates written the way each locale writes them.
use chrono::{Datelike, NaiveDate};
use leptos_i18n::context::{CookieOptions, UseLocalesOptions};
use leptos_use::SameSite;

use crate::i18n::{td_string, Locale};

/// The cookie that remembers the chosen language (leptos_i18n's default name).
pub const LOCALE_COOKIE: &str = "i18n_pref_locale";

/// How long the language choice is remembered: one year.
pub const LOCALE_COOKIE_MAX_AGE_SECONDS: i64 = 365 * 24 * 60 * 60;

/// One cookie for the whole site (not one per folder), kept a year, never sent cross-site.
pub fn cookie_options() -> CookieOptions<Locale> {
    CookieOptions::default()
        .path("/")
        .max_age(LOCALE_COOKIE_MAX_AGE_SECONDS * 1000)
        .same_site(SameSite::Lax)
}

/// French is the default for everyone who has not chosen English, whatever the
/// browser's `Accept-Language` says: the program is French first.
pub fn ignore_accept_language() -> UseLocalesOptions {
    UseLocalesOptions::default().ssr_lang_header_getter(|| None)
}

/// Whether `count` takes the singular in `locale`: French says « 0 place
/// libre, 1 place libre, 2 places libres », English "1 free place, 0 free
/// places" (CLDR's cardinal "one").
pub fn is_singular(locale: Locale, count: i64) -> bool {
    match locale {
        Locale::fr => count.abs() < 2,
        Locale::en => count == 1,
    }
}

/// A count in words with its real plural: `plural!(i18n, section.key_singular,
/// section.key_plural, n, other = value…)` reads one key or the other (each with
/// `{{ count }}`), by `is_singular`. (Not `_one`/`_other`: leptos_i18n
/// reserves those for its own plurals, a feature we leave off.)
#[macro_export]
macro_rules! plural {
    ($i18n:ident, $section:ident . $one:ident, $section_again:ident . $other:ident, $count:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let count = $count;
        if $crate::locale::is_singular($i18n.get_locale(), count as i64) {
            $crate::i18n::t_string!($i18n, $section.$one, count = count $(, $name = $value)*).to_string()
        } else {
            $crate::i18n::t_string!($i18n, $section_again.$other, count = count $(, $name = $value)*).to_string()
        }
    }};
}

/// The other program language, for the language switch.
pub fn other_locale(locale: Locale) -> Locale {
    match locale {
        Locale::fr => Locale::en,
        Locale::en => Locale::fr,
    }
}

/// Parses the value of a language form field or cookie.
pub fn parse_locale(value: &str) -> Option<Locale> {
    match value.trim() {
        "fr" => Some(Locale::fr),
        "en" => Some(Locale::en),
        _ => None,
    }
}

/// Sets the language cookie on the current response (the same cookie
/// leptos_i18n writes in the browser). `locale` is "fr" or "en".
#[cfg(feature = "ssr")]
pub fn remember_locale(locale: &str) -> Result<(), crate::error::AppError> {
    crate::server_context::set_cookie(&format!(
        "{LOCALE_COOKIE}={locale}; Path=/; Max-Age={LOCALE_COOKIE_MAX_AGE_SECONDS}; SameSite=Lax"
    ))
}

/// Where to send someone back after a form post: a path on this site only, never
/// another host (`//evil.example`, `/\\evil.example`) nor anything unreadable.
pub fn safe_return_path(candidate: &str) -> String {
    let is_local = candidate.starts_with('/')
        && !candidate.starts_with("//")
        && !candidate.starts_with("/\\")
        && candidate.len() <= 2048
        && !candidate.chars().any(|c| c.is_control() || c == '\\');
    if is_local {
        candidate.to_owned()
    } else {
        "/".to_owned()
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

    #[test]
    fn only_the_two_program_languages_are_accepted() {
        assert_eq!(parse_locale("fr"), Some(Locale::fr));
        assert_eq!(parse_locale(" en "), Some(Locale::en));
        assert_eq!(parse_locale("de"), None);
        assert_eq!(parse_locale(""), None);
    }

    #[test]
    fn return_paths_never_leave_the_site() {
        assert_eq!(safe_return_path("/apply?step=2#top"), "/apply?step=2#top");
        assert_eq!(safe_return_path("/"), "/");
        assert_eq!(safe_return_path("//evil.example/"), "/");
        assert_eq!(safe_return_path("/\\evil.example"), "/");
        assert_eq!(safe_return_path("https://evil.example/"), "/");
        assert_eq!(safe_return_path("javascript:alert(1)"), "/");
        assert_eq!(safe_return_path("/a\nb"), "/");
        assert_eq!(safe_return_path(""), "/");
    }

    #[test]
    fn counts_take_each_languages_plural() {
        assert!(is_singular(Locale::fr, 0) && is_singular(Locale::fr, 1));
        assert!(!is_singular(Locale::fr, 2));
        assert!(!is_singular(Locale::en, 0) && is_singular(Locale::en, 1));
        assert!(!is_singular(Locale::en, 2));
    }

    #[test]
    fn the_switch_offers_the_other_language() {
        assert_eq!(other_locale(Locale::fr), Locale::en);
        assert_eq!(other_locale(Locale::en), Locale::fr);
    }
}
