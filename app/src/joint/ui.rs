//! Joint agreement on screen, for goals and meetings alike: the badge of a
//! jointly set item, said from the reader's side, and the reader's answer to
//! what the other person proposed (agree, or ask for a change).
use leptos::prelude::*;
use leptos::server_fn::client::Client;
use leptos::server_fn::codec::{Json, PostUrl};
use leptos::server_fn::request::ClientReq;
use leptos::server_fn::{Http, ServerFn};
use serde::de::DeserializeOwned;

use super::agreement::Agreement;
use crate::components::forms::{
    action_error, count_successes, FormError, SubmitButton, TextAreaField,
};
use crate::components::labels::label;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pairs::Side;

/// The reader's answer to an item the other person proposed: agree (one
/// button), or ask for a change saying what (the proposer then rewrites it).
/// `agree` and `ask` are the item's two server functions, each taking its
/// `id` and `version`, `ask` a `comment` too. Once a change is asked of the
/// reader, `revise_notice` says the revise form is the answer.
#[component]
pub fn JointAnswer<Agree, Ask>(
    agree: ServerAction<Agree>,
    ask: ServerAction<Ask>,
    id: i64,
    version: i64,
    agreement: Agreement,
    scope: String,
    #[prop(into)] agree_label: Signal<String>,
    #[prop(into)] revise_notice: Signal<String>,
    changes: RwSignal<u64>,
) -> impl IntoView
where
    Agree: DeserializeOwned
        + ServerFn<Protocol = Http<PostUrl, Json>, Output = (), Error = AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    <<Agree::Client as Client<AppError>>::Request as ClientReq<AppError>>::FormData:
        From<leptos::web_sys::FormData>,
    Agree::Client: Client<AppError>,
    Ask: DeserializeOwned
        + ServerFn<Protocol = Http<PostUrl, Json>, Output = (), Error = AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    <<Ask::Client as Client<AppError>>::Request as ClientReq<AppError>>::FormData:
        From<leptos::web_sys::FormData>,
    Ask::Client: Client<AppError>,
{
    let i18n = use_i18n();
    count_successes(agree, changes);
    count_successes(ask, changes);
    let agree_error = action_error(agree);
    let ask_error = action_error(ask);
    match agreement {
        Agreement::Proposed { .. } => view! {
            <div class="answer-row">
                <ActionForm action=agree attr:class="inline-form">
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="version" value=version />
                    <SubmitButton label=agree_label pending=agree.pending() />
                </ActionForm>
                <details class="inline-details">
                    <summary class="button button-secondary">{t!(i18n, workspace.ask_change)}</summary>
                    <ActionForm action=ask>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="version" value=version />
                        <TextAreaField name="comment" scope label=label!(i18n, workspace.ask_change_comment) error=ask_error />
                        <SubmitButton class="button button-secondary" label=label!(i18n, workspace.ask_change_send) pending=ask.pending() />
                    </ActionForm>
                </details>
                <FormError error=agree_error />
            </div>
        }
        .into_any(),
        _ => view! { <p class="notice notice-info">{move || revise_notice.get()}</p> }.into_any(),
    }
}

/// Where a jointly set item stands, said from the reader's side.
#[component]
pub fn AgreementBadge(agreement: Agreement, reader: Side) -> impl IntoView {
    let i18n = use_i18n();
    let (class, text): (&str, Box<dyn Fn() -> &'static str + Send + Sync>) = match agreement {
        Agreement::Agreed => (
            "badge badge-ok",
            Box::new(move || t_string!(i18n, workspace.agreed)),
        ),
        Agreement::Proposed { side } if side == reader => (
            "badge badge-waiting",
            Box::new(move || t_string!(i18n, workspace.waiting_for_them)),
        ),
        Agreement::Proposed { .. } => (
            "badge badge-action",
            Box::new(move || t_string!(i18n, workspace.waiting_for_you)),
        ),
        Agreement::ChangesRequested { side } if side == reader => (
            "badge badge-waiting",
            Box::new(move || t_string!(i18n, workspace.change_asked_by_you)),
        ),
        Agreement::ChangesRequested { .. } => (
            "badge badge-action",
            Box::new(move || t_string!(i18n, workspace.change_asked_of_you)),
        ),
    };
    view! { <span class=class>{text}</span> }
}
