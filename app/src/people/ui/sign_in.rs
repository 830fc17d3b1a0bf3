//! The sign-in page.
use leptos::prelude::*;

use crate::components::labels::label;
use leptos_router::hooks::use_query_map;

use crate::components::forms::{action_error, FormError, SubmitButton, TextField};
use crate::components::page::FormPage;
use crate::i18n::{t, t_string, use_i18n};
use crate::people::api::LogIn;
use crate::people::ui::refresh_session_after;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let reset_done = move || query.read().get("reset").as_deref() == Some("done");
    let action = ServerAction::<LogIn>::new();
    let error = action_error(action);
    refresh_session_after(action);
    // A language chosen on this page (the switch, before or after the page
    // became interactive) is kept; otherwise the account's applies.
    let initial_locale = i18n.get_locale_untracked();
    let locale_chosen = move || {
        let chose_here = query.read().get("language").as_deref() == Some("chosen")
            || i18n.get_locale() != initial_locale;
        if chose_here {
            "yes"
        } else {
            ""
        }
    };
    Effect::new(move |_| {
        if let Some(Ok(locale)) = action.value().get() {
            if let Some(locale) = crate::locale::parse_locale(&locale) {
                i18n.set_locale(locale);
            }
        }
    });

    view! {
        <FormPage title=label!(i18n, sign_in.title)>
            <Show when=reset_done>
                <p class="notice notice-success" role="status">
                    {t!(i18n, sign_in.reset_done)}
                </p>
            </Show>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="next" value=next />
                <input type="hidden" name="locale_chosen" value=locale_chosen />
                <TextField
                    name="email"
                    label=label!(i18n, fields.email)
                    input_type="email"
                    autocomplete="username"
                    error
                    autofocus=true
                />
                <TextField
                    name="password"
                    label=label!(i18n, fields.password)
                    input_type="password"
                    autocomplete="current-password"
                    error
                />
                <FormError error />
                <SubmitButton
                    label=label!(i18n, sign_in.submit)
                    pending=action.pending()
                />
            </ActionForm>
            <p class="form-links">
                <a href="/password/forgot">{t!(i18n, sign_in.forgot)}</a>
            </p>
            <p class="form-links">
                {t!(i18n, sign_in.no_account)} " "
                <a href="/register">{t!(i18n, sign_in.register)}</a>
            </p>
        </FormPage>
    }
}
