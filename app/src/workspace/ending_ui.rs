//! How a pair ends, as its two people see it: asking the coordination to end
//! it (the reason is the coordination's), the banner of an ended pair whose
//! workspace stays readable, and the list of past pairs.
use leptos::prelude::*;

use crate::components::when::when_text;

use crate::components::forms::{
    action_error, count_successes, FormError, SubmitButton, TextAreaField,
};
use crate::components::labels::label;
use crate::i18n::{t, t_string, use_i18n};
use crate::program_time::long_date_text;
use crate::workspace::ending_api::RequestPairEnd;
use crate::workspace::PastPair;

/// Asking the coordination to end an active pair, confirmed by the reason
/// (folded until opened); once asked, the date it was.
#[component]
pub fn RequestEndForm(
    pair_id: i64,
    requested: Option<String>,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let request = ServerAction::<RequestPairEnd>::new();
    count_successes(request, changes);
    let error = action_error(request);
    if let Some(date) = requested {
        return view! {
            <p class="notice notice-info">{move || t_string!(i18n, workspace.end_requested, date = when_text(i18n.get_locale(), &date)).to_string()}</p>
        }
        .into_any();
    }
    view! {
        <details class="inline-details request-end no-print">
            <summary class="button button-link">{t!(i18n, workspace.request_end)}</summary>
            <ActionForm action=request attr:class="form">
                <p class="field-hint">{t!(i18n, workspace.request_end_intro)}</p>
                <input type="hidden" name="pair_id" value=pair_id />
                <TextAreaField name="reason" scope=format!("pair-{pair_id}-end") label=label!(i18n, workspace.request_end_reason) error />
                <FormError error />
                <SubmitButton class="button button-danger" label=label!(i18n, workspace.request_end_send) pending=request.pending() />
            </ActionForm>
        </details>
    }
    .into_any()
}

/// Said at the top of an ended pair's workspace.
#[component]
pub fn EndedBanner(closed_on: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="notice notice-info ended-banner" role="status">
            {move || match closed_on.as_deref() {
                Some(day) => t_string!(i18n, workspace.ended_banner, date = long_date_text(i18n.get_locale(), day)).to_string(),
                None => t_string!(i18n, workspace.ended_banner_undated).to_string(),
            }}
        </p>
    }
}

/// The reader's ended pairs, each a link to its read-only workspace.
#[component]
pub fn PastPairsList(past: Vec<PastPair>) -> impl IntoView {
    let i18n = use_i18n();
    (!past.is_empty()).then(|| {
        view! {
            <section class="section-block past-pairs" aria-labelledby="past-pairs-title">
                <h2 id="past-pairs-title">{t!(i18n, workspace.past_pairs)}</h2>
                <ul class="plain-list">
                    {past.into_iter().map(|pair| {
                        let name = pair.partner_name.clone();
                        let closed_on = pair.closed_on.clone();
                        view! {
                            <li class="past-pair">
                                <a href=format!("/pairs/{}", pair.pair_id)>
                                    {move || t_string!(i18n, workspace.past_pair_item, name = name.clone()).to_string()}
                                </a>
                                {closed_on.map(|day| view! {
                                    <span class="muted small">" · "
                                        {move || t_string!(i18n, workspace.past_pair_ended, date = long_date_text(i18n.get_locale(), &day)).to_string()}
                                    </span>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
