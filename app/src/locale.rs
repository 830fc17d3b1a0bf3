//! Language helpers: the language cookie, plurals, the language switch and safe return paths.
//! Dates in each language's words are in `program_time`.
use leptos_i18n::context::{CookieOptions, UseLocalesOptions};
use leptos_use::SameSite;

use crate::i18n::Locale;

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
    use crate::server_context::{set_cookie, site_cookie};
    // Readable by the page's script: leptos_i18n switches it in the browser too.
    set_cookie(&site_cookie(
        LOCALE_COOKIE,
        locale,
        LOCALE_COOKIE_MAX_AGE_SECONDS,
        false,
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

#[cfg(test)]
mod tests {
    use super::*;

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
