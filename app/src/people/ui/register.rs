//! Mentee self-registration (students), unless the coordinator closed it.
use leptos::prelude::*;

use crate::components::labels::label;
use leptos_i18n::Locale as _;

use crate::components::forms::{
    action_error, CheckboxField, ConsentField, FormError, Loading, NewPasswordField, SubmitButton,
    TextField,
};
use crate::components::page::ErrorNotice;
use crate::components::page::FormPage;
use crate::i18n::{t, t_string, use_i18n};
use crate::people::api::{get_registration_status, RegisterMentee};
use crate::people::ui::refresh_session_after;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let status = OnceResource::new(get_registration_status());
    view! {
        <FormPage title=label!(i18n, register.title)>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok(true) => view! { <RegisterForm /> }.into_any(),
                        Ok(false) => {
                            view! {
                                <p class="notice" role="status">{t!(i18n, register.closed)}</p>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </FormPage>
    }
}

#[component]
fn RegisterForm() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<RegisterMentee>::new();
    let error = action_error(action);
    refresh_session_after(action);
    view! {
        <p class="lead">{t!(i18n, register.lead)}</p>
        <ActionForm action attr:class="form" attr:novalidate=true>
            <input type="hidden" name="locale" value=move || i18n.get_locale().as_str() />
            <TextField
                name="display_name"
                label=label!(i18n, fields.display_name)
                autocomplete="name"
                error
            />
            <TextField
                name="email"
                label=label!(i18n, fields.email)
                input_type="email"
                autocomplete="email"
                error
            />
            <NewPasswordField name="password" error />
            <CheckboxField name="student" error>
                {t!(i18n, register.student)}
            </CheckboxField>
            <ConsentField error />
            <FormError error />
            <SubmitButton
                label=label!(i18n, register.submit)
                pending=action.pending()
            />
        </ActionForm>
        <p class="form-links">
            {t!(i18n, register.have_account)} " "
            <a href="/login">{t!(i18n, nav.sign_in)}</a>
        </p>
    }
}
