//! Dates and times in the reader's words: a program time (`YYYY-MM-DD
//! HH:MM`, Montréal) or a day (`YYYY-MM-DD`) as the server sends it, written
//! the way the reader's language writes it (`locale::program_time_text`).
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::program_time::{program_time_text, this_year};

/// `program_time_text` in `locale` (the page's current one), for a
/// translated sentence's `{{ date }}`.
pub fn when_text(locale: crate::i18n::Locale, text: &str) -> String {
    program_time_text(locale, text, this_year())
}

/// A date or time on its own, in a `<time>` element (machine-readable
/// `datetime`), starting with a capital when `capitalized`.
#[component]
pub fn When(#[prop(into)] at: String, #[prop(optional)] capitalized: bool) -> impl IntoView {
    let i18n = use_i18n();
    let datetime = at.replacen(' ', "T", 1);
    let year = this_year();
    let text = move || {
        let words = program_time_text(i18n.get_locale(), &at, year);
        if capitalized {
            let mut chars = words.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        } else {
            words
        }
    };
    view! { <time datetime=datetime>{text}</time> }
}
