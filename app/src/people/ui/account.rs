//! "My account": name, language, how notices arrive, password.
use leptos::prelude::*;

use crate::components::access::load_or_deny;

use crate::components::labels::label;

use crate::accounts::NotificationDelivery;
use crate::components::forms::{
    action_error, action_succeeded, FieldMessage, FormError, NewPasswordField, RadioField,
    SubmitButton, TextField,
};
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::parse_locale;
use crate::people::api::{get_my_account, ChangePassword, MyAccount, UpdateMyAccount};
use crate::people::ui::refresh_session_after;

#[component]
pub fn MyAccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let account = OnceResource::new(get_my_account());
    view! {
        <PageTitle text=label!(i18n, account.title) />
        {load_or_deny(account, move |account| view! { <AccountForms account /> }.into_any())}
    }
}

#[component]
fn AccountForms(account: MyAccount) -> impl IntoView {
    let i18n = use_i18n();
    let user = account.user;
    let delivery_options: Vec<(String, String)> = NotificationDelivery::ALL
        .into_iter()
        .map(|delivery| {
            let label = match delivery {
                NotificationDelivery::Immediate => {
                    t_string!(i18n, account.notifications_immediate)
                }
                NotificationDelivery::WeeklyDigest => {
                    t_string!(i18n, account.notifications_weekly_digest)
                }
            };
            (delivery.as_str().to_owned(), label.to_owned())
        })
        .collect();
    let update = ServerAction::<UpdateMyAccount>::new();
    let update_error = action_error(update);
    let updated = action_succeeded(update);
    refresh_session_after(update);
    // Once saved, the interface follows the chosen language at once.
    Effect::new(move |_| {
        if let Some(Ok(saved)) = update.value().get() {
            if let Some(locale) = parse_locale(&saved) {
                if locale != i18n.get_locale_untracked() {
                    i18n.set_locale(locale);
                }
            }
        }
    });
    let password = ServerAction::<ChangePassword>::new();
    let password_error = action_error(password);
    let password_changed = action_succeeded(password);
    let current_locale = user.locale.clone();

    view! {
        <section class="section">
            <div class="container form-page">
                <h1>{t!(i18n, account.title)}</h1>
                <p class="muted">{t!(i18n, account.signed_in_as)} " " <strong>{user.email.clone()}</strong></p>
                <nav class="panel" aria-labelledby="account-privacy-link">
                    <h2 id="account-privacy-link">
                        <a href="/account/privacy">{t!(i18n, account.privacy_link_title)}</a>
                    </h2>
                    <p class="muted">{t!(i18n, account.privacy_link_body)}</p>
                </nav>
                <nav class="panel" aria-labelledby="account-security-link">
                    <h2 id="account-security-link">
                        <a href="/account/security">{t!(i18n, mfa.link_title)}</a>
                    </h2>
                    <p class="muted">{t!(i18n, mfa.link_body)}</p>
                </nav>
                <nav class="panel" aria-labelledby="account-sessions-link">
                    <h2 id="account-sessions-link">
                        <a href="/account/sessions">{t!(i18n, sessions.link_title)}</a>
                    </h2>
                    <p class="muted">{t!(i18n, sessions.link_body)}</p>
                </nav>

                <h2>{t!(i18n, account.profile_title)}</h2>
                <ActionForm action=update attr:class="form" attr:novalidate=true>
                    <TextField
                        name="display_name"
                        label=label!(i18n, fields.display_name)
                        autocomplete="name"
                        value=user.display_name.clone()
                        error=update_error
                    />
                    <div class="field">
                        <label for="field-locale">{t!(i18n, fields.language)}</label>
                        <select id="field-locale" name="locale" aria-describedby="locale-error">
                            <option value="fr" selected=current_locale == "fr">{t!(i18n, fields.language_fr)}</option>
                            <option value="en" selected=current_locale == "en">{t!(i18n, fields.language_en)}</option>
                        </select>
                        <FieldMessage field="locale" error=update_error />
                    </div>
                    <RadioField
                        name="notification_delivery"
                        legend=label!(i18n, account.notifications_legend)
                        hint=label!(i18n, account.notifications_hint)
                        error=update_error
                        options=delivery_options
                        selected=account.notification_delivery.as_str()
                    />
                    <FormError error=update_error />
                    <Show when=move || updated.get()>
                        <p class="notice notice-success" role="status">{t!(i18n, account.saved)}</p>
                    </Show>
                    <SubmitButton
                        label=label!(i18n, account.save)
                        pending=update.pending()
                    />
                </ActionForm>

                <h2>{t!(i18n, account.password_title)}</h2>
                <ActionForm action=password attr:class="form" attr:novalidate=true>
                    <input type="hidden" name="username" value=user.email.clone() autocomplete="username" />
                    <TextField
                        name="current_password"
                        label=label!(i18n, fields.current_password)
                        input_type="password"
                        autocomplete="current-password"
                        error=password_error
                    />
                    <NewPasswordField name="new_password" error=password_error />
                    <FormError error=password_error />
                    <Show when=move || password_changed.get()>
                        <p class="notice notice-success" role="status">{t!(i18n, account.password_changed)}</p>
                    </Show>
                    <SubmitButton
                        label=label!(i18n, account.change_password)
                        pending=password.pending()
                    />
                </ActionForm>
            </div>
        </section>
    }
}
