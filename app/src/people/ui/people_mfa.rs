//! The people page's two-step sign-in panel: the program's requirement for
//! coordinators, and resetting someone's (with one's own code).
use leptos::prelude::*;

use crate::accounts::PeopleOverview;
use crate::components::forms::{action_error, count_successes, FormError, TextField};
use crate::components::labels::label;
use crate::i18n::{t, t_string, use_i18n};
use crate::people::api::{ResetMfa, SetMfaRequired};

#[component]
pub fn PeopleMfa(overview: PeopleOverview, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let require = ServerAction::<SetMfaRequired>::new();
    let reset = ServerAction::<ResetMfa>::new();
    count_successes(require, changes);
    count_successes(reset, changes);
    let reset_error = action_error(reset);
    let required = overview.mfa_required;
    let with_mfa: Vec<(i64, String)> = overview
        .people
        .iter()
        .filter(|person| overview.with_mfa.contains(&person.id) && person.id != overview.viewer_id)
        .map(|person| (person.id, person.display_name.clone()))
        .collect();
    view! {
        <section class="panel" aria-labelledby="mfa-title">
            <h2 id="mfa-title">{t!(i18n, mfa.requirement_title)}</h2>
            <p>
                {move || {
                    if required {
                        t_string!(i18n, mfa.requirement_on)
                    } else {
                        t_string!(i18n, mfa.requirement_off)
                    }
                }}
            </p>
            <ActionForm action=require attr:class="inline-form">
                <input type="hidden" name="required" value=if required { "false" } else { "true" } />
                <button type="submit" class="button button-secondary">
                    {move || {
                        if required {
                            t_string!(i18n, mfa.stop_requiring)
                        } else {
                            t_string!(i18n, mfa.require)
                        }
                    }}
                </button>
            </ActionForm>
            {(!with_mfa.is_empty())
                .then(|| {
                    view! {
                        <h3>{t!(i18n, mfa.reset_title)}</h3>
                        <p class="muted">{t!(i18n, mfa.reset_hint)}</p>
                        <FormError error=reset_error />
                        <ActionForm action=reset attr:class="form" attr:novalidate=true>
                            <div class="field">
                                <label for="mfa-reset-who">{t!(i18n, mfa.people_on)}</label>
                                <select id="mfa-reset-who" name="account_id">
                                    {with_mfa
                                        .into_iter()
                                        .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
                                        .collect_view()}
                                </select>
                            </div>
                            <TextField
                                name="code"
                                label=label!(i18n, mfa.your_code)
                                autocomplete="one-time-code"
                                error=reset_error
                            />
                            <button type="submit" class="button button-secondary">{t!(i18n, mfa.reset)}</button>
                        </ActionForm>
                    }
                })}
        </section>
    }
}
