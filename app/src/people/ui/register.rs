//! Mentee self-registration (students), unless the coordinator closed it:
//! the form, "check your email", and the confirmation link's page.
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::labels::label;
use leptos_i18n::Locale as _;

use crate::components::forms::{
    action_error, CheckboxField, ConsentField, FormError, Loading, NewPasswordField, SubmitButton,
    TextField,
};
use crate::components::page::FormPage;
use crate::components::page::{DeadLink, ErrorNotice};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::people::api::{
    get_pending_registration, get_registration_status, ConfirmRegistration, PendingRegistration,
    RegisterMentee, REGISTRATION_VALID_HOURS,
};
use crate::people::ui::refresh_session_after;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    // The server function redirects to `?sent=1`, with or without JavaScript,
    // whether or not the address has an account.
    let sent = move || query.read().get("sent").as_deref() == Some("1");
    let status = OnceResource::new(get_registration_status());
    view! {
        <FormPage title=label!(i18n, register.title)>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok(true) if sent() => view! { <CheckYourEmail /> }.into_any(),
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

/// The same answer for every address: a link went to it (or, when it has an
/// account, a notice to its owner).
#[component]
fn CheckYourEmail() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notice notice-success" role="status">
            <h2>{t!(i18n, register.sent_title)}</h2>
            <p>{t!(i18n, register.sent, hours = REGISTRATION_VALID_HOURS)}</p>
        </div>
        <p>{t!(i18n, register.sent_nothing)}</p>
        <p class="form-links">
            <a href="/register">{t!(i18n, register.sign_up_again)}</a>
        </p>
    }
}

/// The confirmation link's page: what the link would create, and the button
/// that creates it (opening the link alone creates nothing).
#[component]
pub fn ConfirmRegistrationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = params.read_untracked().get("token").unwrap_or_default();
    let pending = OnceResource::new(get_pending_registration(token.clone()));
    view! {
        <FormPage title=label!(i18n, register.confirm_title)>
            <Suspense fallback=Loading>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match pending.await {
                            Ok(pending) => view! { <ConfirmForm token pending /> }.into_any(),
                            Err(AppError::LinkInvalid) => {
                                view! {
                                    <DeadLink retry=move || {
                                        view! {
                                            <a href="/register">{t!(i18n, register.sign_up_again)}</a>
                                        }
                                    }>{t!(i18n, register.link_invalid)}</DeadLink>
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </FormPage>
    }
}

#[component]
fn ConfirmForm(token: String, pending: PendingRegistration) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ConfirmRegistration>::new();
    let error = action_error(action);
    refresh_session_after(action);
    let PendingRegistration {
        display_name,
        email,
    } = pending;
    view! {
        <p class="lead">
            {t!(i18n, register.confirm_lead, name = display_name.clone(), email = email.clone())}
        </p>
        <ActionForm action attr:class="form" attr:novalidate=true>
            <input type="hidden" name="token" value=token />
            <FormError error />
            <SubmitButton
                label=label!(i18n, register.confirm_submit)
                pending=action.pending()
            />
        </ActionForm>
    }
}
