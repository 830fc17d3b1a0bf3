//! The language switch: a real form that posts to [`set_locale`], which sets
//! the language cookie and sends the visitor back to the same page, drawn by
//! the server in the other language (pages are not run in the browser: islands).
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_i18n::Locale as _;
use leptos_router::hooks::use_location;

use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::other_locale;

/// Remembers the chosen language in a cookie and sends the visitor back to
/// `return_to` (a path on this site). Public: anyone may choose a language.
#[server(endpoint = "set_locale")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip(return_to)))]
pub async fn set_locale(locale: String, return_to: String) -> Result<(), AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::locale::{parse_locale, remember_locale, safe_return_path};

    // Public: anyone may choose a language. (`return_to` may hold a link's token: not logged.)
    authorize(Access::Anyone).await?;

    let locale = parse_locale(&locale).ok_or_else(|| AppError::InvalidInput {
        field: "locale".to_owned(),
        problem: crate::error::InputProblem::InvalidChoice,
    })?;
    remember_locale(locale.as_str())?;
    leptos_axum::redirect(&safe_return_path(&return_to));
    Ok(())
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let target = move || other_locale(i18n.get_locale());
    // Path and query only: the server never sees the #fragment, and reading it
    // while rendering there would differ from the browser's (hydration warning).
    let return_to = move || {
        let search = location.search.get();
        let pathname = location.pathname.get();
        // On the sign-in page, the choice is remembered through signing in
        // (otherwise signing in applies the account's language).
        let search = if pathname == "/login" && !search.contains("language=chosen") {
            if search.is_empty() {
                "language=chosen".to_owned()
            } else {
                format!("{search}&language=chosen")
            }
        } else {
            search
        };
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        };
        format!("{pathname}{query}")
    };
    view! {
        <form class="language-switch" method="post" action=SetLocale::PATH>
            <input type="hidden" name="locale" value=move || target().as_str() />
            <input type="hidden" name="return_to" value=return_to />
            <button
                type="submit"
                lang=move || t_string!(i18n, language.switch_to_lang)
                aria-label=move || t_string!(i18n, language.switch_to_label)
            >
                {t!(i18n, language.switch_to)}
            </button>
        </form>
    }
}
