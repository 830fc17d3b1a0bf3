//! Two-step sign-in pages: the code asked after the password
//! (`/login/code`), and turning it on or off from "my account"
//! (`/account/security`).
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::access::{load_or_deny, reload_or_deny};
use crate::components::forms::{action_error, count_successes, FormError, SubmitButton, TextField};
use crate::components::labels::label;
use crate::components::page::{FormPage, PageTitle};
use crate::i18n::{t, t_string, use_i18n};
use crate::people::api::{
    get_mfa_challenge, get_my_mfa, ConfirmMfa, MfaSetup, MyMfa, RenewRecoveryCodes, StartMfa,
    TurnOffMfa, VerifySignInCode,
};
use crate::people::ui::refresh_session_after;

/// The QR code to scan, and the same secret to type.
#[component]
fn SetupCode(setup: MfaSetup) -> impl IntoView {
    let i18n = use_i18n();
    let alt = label!(i18n, mfa.qr_alt);
    view! {
        <ol class="steps">
            <li>{t!(i18n, mfa.step_app)}</li>
            <li>
                {t!(i18n, mfa.step_scan)}
                <p>
                    <img class="qr-code" src=setup.qr_code width="200" height="200" alt=move || alt.get() />
                </p>
                <p>
                    {t!(i18n, mfa.secret_label)} " "
                    <code class="secret" id="mfa-secret">{setup.secret}</code>
                </p>
            </li>
            <li>{t!(i18n, mfa.step_code)}</li>
        </ol>
    }
}

/// The code field: six digits, or a recovery code.
#[component]
fn CodeField(error: Signal<Option<crate::error::AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TextField
            name="code"
            label=label!(i18n, mfa.code)
            hint=label!(i18n, mfa.code_hint)
            autocomplete="one-time-code"
            error
            autofocus=true
        />
    }
}

#[component]
pub fn MfaCodePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let challenge = OnceResource::new(get_mfa_challenge());
    let action = ServerAction::<VerifySignInCode>::new();
    let error = action_error(action);
    refresh_session_after(action);
    view! {
        <FormPage title=label!(i18n, mfa.prompt_title)>
            {load_or_deny(challenge, move |challenge| match challenge {
                None => {
                    view! {
                        <p class="notice" role="status">{t!(i18n, mfa.prompt_expired)}</p>
                        <p><a href="/login">{t!(i18n, mfa.back_to_sign_in)}</a></p>
                    }
                        .into_any()
                }
                Some(challenge) => {
                    view! {
                        {match challenge.setup {
                            Some(setup) => {
                                view! {
                                    <p class="lead">{t!(i18n, mfa.required_lead)}</p>
                                    <SetupCode setup />
                                }
                                    .into_any()
                            }
                            None => view! { <p class="lead">{t!(i18n, mfa.prompt_lead)}</p> }.into_any(),
                        }}
                        <ActionForm action attr:class="form" attr:novalidate=true>
                            <input type="hidden" name="next" value=next />
                            <CodeField error />
                            <FormError error />
                            <SubmitButton label=label!(i18n, mfa.continue_) pending=action.pending() />
                        </ActionForm>
                    }
                        .into_any()
                }
            })}
        </FormPage>
    }
}

#[component]
pub fn MySecurityPage() -> impl IntoView {
    let i18n = use_i18n();
    let start = ServerAction::<StartMfa>::new();
    let confirm = ServerAction::<ConfirmMfa>::new();
    let turn_off = ServerAction::<TurnOffMfa>::new();
    let renew = ServerAction::<RenewRecoveryCodes>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(start, changes);
    count_successes(confirm, changes);
    count_successes(turn_off, changes);
    count_successes(renew, changes);
    let state = Resource::new(move || changes.get(), |_| get_my_mfa());
    view! {
        <PageTitle text=label!(i18n, mfa.title) />
        <section class="section">
            <div class="container form-page">
                <p><a href="/account">{t!(i18n, sessions.back)}</a></p>
                <h1>{t!(i18n, mfa.title)}</h1>
                <p class="lead">{t!(i18n, mfa.lead)}</p>
                {reload_or_deny(state, move |state| {
                    view! { <SecurityState state start confirm turn_off renew /> }.into_any()
                })}
            </div>
        </section>
    }
}

#[component]
fn SecurityState(
    state: MyMfa,
    start: ServerAction<StartMfa>,
    confirm: ServerAction<ConfirmMfa>,
    turn_off: ServerAction<TurnOffMfa>,
    renew: ServerAction<RenewRecoveryCodes>,
) -> impl IntoView {
    let i18n = use_i18n();
    let fresh = state.fresh_codes.clone();
    let codes = (!fresh.is_empty()).then(|| {
        view! {
            <section class="panel notice-success" aria-labelledby="fresh-codes-title">
                <h2 id="fresh-codes-title">{t!(i18n, mfa.fresh_codes_title)}</h2>
                <p>{t!(i18n, mfa.fresh_codes_lead)}</p>
                <ul class="recovery-codes">
                    {fresh.into_iter().map(|code| view! { <li><code>{code}</code></li> }).collect_view()}
                </ul>
            </section>
        }
    });
    let body = if state.enabled {
        let left = state.recovery_codes_left;
        let turn_off_error = action_error(turn_off);
        let renew_error = action_error(renew);
        view! {
            <p class="notice notice-success" role="status">{t!(i18n, mfa.is_on)}</p>
            <p>{move || t_string!(i18n, mfa.codes_left, count = left).to_string()}</p>
            <h2>{t!(i18n, mfa.renew_title)}</h2>
            <ActionForm action=renew attr:class="form" attr:novalidate=true>
                <CodeField error=renew_error />
                <FormError error=renew_error />
                <SubmitButton label=label!(i18n, mfa.renew) pending=renew.pending() />
            </ActionForm>
            <h2>{t!(i18n, mfa.turn_off_title)}</h2>
            {if state.required {
                view! { <p class="muted">{t!(i18n, mfa.required_here)}</p> }.into_any()
            } else {
                view! {
                    <ActionForm action=turn_off attr:class="form" attr:novalidate=true>
                        <CodeField error=turn_off_error />
                        <FormError error=turn_off_error />
                        <SubmitButton label=label!(i18n, mfa.turn_off) pending=turn_off.pending() />
                    </ActionForm>
                }
                    .into_any()
            }}
        }
        .into_any()
    } else if let Some(setup) = state.setup {
        let confirm_error = action_error(confirm);
        view! {
            <SetupCode setup />
            <ActionForm action=confirm attr:class="form" attr:novalidate=true>
                <CodeField error=confirm_error />
                <FormError error=confirm_error />
                <SubmitButton label=label!(i18n, mfa.confirm) pending=confirm.pending() />
            </ActionForm>
        }
        .into_any()
    } else {
        let start_error = action_error(start);
        view! {
            <p>{t!(i18n, mfa.is_off)}</p>
            <ActionForm action=start attr:class="form">
                <FormError error=start_error />
                <SubmitButton label=label!(i18n, mfa.start) pending=start.pending() />
            </ActionForm>
        }
        .into_any()
    };
    view! {
        {codes}
        {body}
    }
}
