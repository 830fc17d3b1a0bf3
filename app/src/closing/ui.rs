//! The page that concludes a cohort: what will change, then a confirmation.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::api::{get_closing_preview, ConcludeCohort};
use super::{ClosingPreview, OpenPair};
use crate::components::access::{reload_or_deny, CoordinationPage};
use crate::components::forms::{
    action_error, action_succeeded, count_successes, restore_outcome, FormError,
};
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::program_time::long_date;

#[component]
pub fn ConcludeCohortPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let conclude = ServerAction::<ConcludeCohort>::new();
    // The page that follows a plain post says how many pairs changed.
    restore_outcome(conclude);
    let changes = RwSignal::new(0_u64);
    count_successes(conclude, changes);
    let preview = Resource::new(
        move || (code(), changes.get()),
        |(code, _)| get_closing_preview(code),
    );
    view! {
        {reload_or_deny(preview, move |preview| {
            let name = preview.cohort.name.clone();
            let title = Signal::derive(move || {
                let name = name.get(i18n.get_locale()).unwrap_or_default().to_owned();
                t_string!(i18n, closing.title, name = name).to_string()
            });
            let back = format!("/coordinator/cohorts/{}", preview.cohort.code);
            view! {
                <PageTitle text=title />
                <CoordinationPage title>
                    <p><a href=back>{t!(i18n, closing.back)}</a></p>
                    {match preview.cohort.concluded_on {
                        Some(day) => view! { <Concluded preview=preview.clone() day conclude /> }.into_any(),
                        None => view! { <Preview preview=preview.clone() conclude /> }.into_any(),
                    }}
                </CoordinationPage>
            }
        })}
    }
}

/// A concluded cohort: when, and where its history is.
#[component]
fn Concluded(
    preview: ClosingPreview,
    day: chrono::NaiveDate,
    conclude: ServerAction<ConcludeCohort>,
) -> impl IntoView {
    let i18n = use_i18n();
    let done = action_succeeded(conclude);
    let outcome = move || conclude.value().get().and_then(Result::ok);
    let pairs = format!("/coordinator/pairs?cohort={}", preview.cohort.code);
    view! {
        {move || {
            done.get().then(|| {
                let (completed, withdrawn) = outcome().unwrap_or_default();
                view! {
                    <p class="notice notice-success" role="status">
                        {t_string!(i18n, closing.done, completed = completed, withdrawn = withdrawn).to_string()}
                    </p>
                }
            })
        }}
        <p class="notice notice-info">
            {move || t_string!(i18n, closing.concluded_on, date = long_date(i18n.get_locale(), day)).to_string()}
        </p>
        <p>{t!(i18n, closing.history)}" "<a href=pairs>{t!(i18n, closing.history_link)}</a></p>
    }
}

/// What concluding will change, and the confirmation.
#[component]
fn Preview(preview: ClosingPreview, conclude: ServerAction<ConcludeCohort>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(conclude);
    let ends = preview.cohort.ends_on;
    let due = preview.is_due();
    let completing = preview.to_complete.len();
    let withdrawing = preview.to_withdraw.len();
    let name = preview.cohort.name.clone();
    let confirm = Signal::derive(move || {
        let name = name.get(i18n.get_locale()).unwrap_or_default().to_owned();
        t_string!(i18n, closing.confirm, name = name).to_string()
    });
    view! {
        <p class="notice notice-info">
            {move || {
                let date = long_date(i18n.get_locale(), ends);
                if due {
                    t_string!(i18n, closing.due, date = date).to_string()
                } else {
                    t_string!(i18n, closing.early, date = date).to_string()
                }
            }}
        </p>
        <p>{t!(i18n, closing.lead)}</p>
        <section class="panel" aria-labelledby="to-complete-title">
            <h2 id="to-complete-title">
                {move || t_string!(i18n, closing.to_complete_title, count = completing).to_string()}
            </h2>
            <PairList pairs=preview.to_complete linked=true empty=Signal::derive(move || t_string!(i18n, closing.none_active).to_owned()) />
        </section>
        <section class="panel" aria-labelledby="to-withdraw-title">
            <h2 id="to-withdraw-title">
                {move || t_string!(i18n, closing.to_withdraw_title, count = withdrawing).to_string()}
            </h2>
            <PairList pairs=preview.to_withdraw linked=false empty=Signal::derive(move || t_string!(i18n, closing.none_proposed).to_owned()) />
        </section>
        <ul class="closing-effects">
            {preview.has_draft.then(|| view! { <li>{t!(i18n, closing.draft_discarded)}</li> })}
            <li>{t!(i18n, closing.no_more_matching)}</li>
            <li>{t!(i18n, closing.end_early_first)}</li>
        </ul>
        <ActionForm action=conclude attr:class="form">
            <input type="hidden" name="code" value=preview.cohort.code />
            <input type="hidden" name="seen" value=preview.seen />
            <FormError error />
            <button
                type="submit"
                class="button button-primary"
                data-confirm=confirm
                disabled=move || conclude.pending().get()
            >
                {t!(i18n, closing.submit)}
            </button>
        </ActionForm>
    }
}

/// Pairs, each linking to its follow-up page when `linked` (active pairs
/// have one; proposals do not).
#[component]
fn PairList(pairs: Vec<OpenPair>, linked: bool, empty: Signal<String>) -> impl IntoView {
    if pairs.is_empty() {
        return view! { <p class="empty-state">{move || empty.get()}</p> }.into_any();
    }
    view! {
        <ul class="plain-list">
            {pairs
                .into_iter()
                .map(|pair| {
                    let names = format!("{} — {}", pair.mentee_name, pair.mentor_name);
                    if linked {
                        let href = format!("/coordinator/pairs/{}", pair.id);
                        view! { <li><a href=href>{names}</a></li> }.into_any()
                    } else {
                        view! { <li>{names}</li> }.into_any()
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
