//! "Forgot your password?" and the reset link's page.
use leptos::prelude::*;

use crate::components::labels::label;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::forms::{
    action_error, FormError, Loading, NewPasswordField, SubmitButton, TextField,
};
use crate::components::page::FormPage;
use crate::components::page::{DeadLink, ErrorNotice};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::people::api::RESET_VALID_MINUTES;
use crate::people::api::{check_password_reset, RequestPasswordReset, ResetPassword};

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = action_error(action);
    // The server function redirects to `?sent=1`, with or without JavaScript.
    let sent = move || query.read().get("sent").as_deref() == Some("1");
    view! {
        <FormPage title=label!(i18n, forgot.title)>
            <Show
                when=sent
                fallback=move || {
                    view! {
                        <p class="lead">{t!(i18n, forgot.lead)}</p>
                        <ActionForm action attr:class="form" attr:novalidate=true>
                            <TextField
                                name="email"
                                label=label!(i18n, fields.email)
                                input_type="email"
                                autocomplete="email"
                                error
                                autofocus=true
                            />
                            <FormError error />
                            <SubmitButton
                                label=label!(i18n, forgot.submit)
                                pending=action.pending()
                            />
                        </ActionForm>
                    }
                }
            >
                <p class="notice notice-success" role="status">
                    {t!(i18n, forgot.sent, minutes = RESET_VALID_MINUTES)}
                </p>
            </Show>
            <p class="form-links">
                <a href="/login">{t!(i18n, forgot.back_to_sign_in)}</a>
            </p>
        </FormPage>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = params.read_untracked().get("token").unwrap_or_default();
    let status = OnceResource::new(check_password_reset(token.clone()));
    view! {
        <FormPage title=label!(i18n, reset.title)>
            <Suspense fallback=Loading>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match status.await {
                            Ok(()) => view! { <ResetForm token /> }.into_any(),
                            Err(AppError::LinkInvalid) => {
                                view! {
                                    <DeadLink retry=move || {
                                        view! {
                                            <a href="/password/forgot">{t!(i18n, reset.ask_again)}</a>
                                        }
                                    }>{t!(i18n, reset.link_invalid)}</DeadLink>
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
fn ResetForm(token: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ResetPassword>::new();
    let error = action_error(action);
    view! {
        <ActionForm action attr:class="form" attr:novalidate=true>
            <input type="hidden" name="token" value=token />
            <NewPasswordField name="password" error autofocus=true />
            <FormError error />
            <SubmitButton
                label=label!(i18n, reset.submit)
                pending=action.pending()
            />
        </ActionForm>
    }
}
