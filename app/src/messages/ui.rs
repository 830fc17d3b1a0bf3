//! The pair's message thread in the workspace: newest last, a form to write
//! (kept on error), a report to the coordination per message received, and
//! what each person shows the other to be reached.
use leptos::prelude::*;

use crate::components::when::When;

use super::api::{ReportMessage, SaveContactSharing, SendMessage};
use super::{Contact, Message, Thread, MESSAGE_MAX_CHARS};
use crate::components::forms::{
    action_error, count_successes, FormError, SubmitButton, TextAreaField, TextField,
};
use crate::components::labels::label;
use crate::i18n::{t, t_string, use_i18n};

/// The pair's thread (part of the workspace's data: one load for the page).
#[component]
pub fn MessageThread(thread: Thread, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section-block messages" id="messages" aria-labelledby="messages-title">
            <h2 id="messages-title">{t!(i18n, messages.title)}</h2>
            <p class="field-hint">{t!(i18n, messages.privacy)}</p>
            <ThreadView thread changes />
        </section>
    }
}

#[component]
fn ThreadView(thread: Thread, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let partner = thread.partner_name.clone();
    let empty_partner = partner.clone();
    let pair_id = thread.pair_id;
    let writable = thread.writable;
    view! {
        <PartnerContact partner=partner.clone() contact=thread.partner_contact.clone() />
        {if thread.messages.is_empty() {
            view! {
                <p class="empty-state">{move || t_string!(i18n, messages.empty, name = empty_partner.clone()).to_string()}</p>
            }.into_any()
        } else {
            view! {
                <ol class="plain-list chat-list" aria-label=move || t_string!(i18n, messages.title).to_string()>
                    {thread.messages.into_iter().map(|message| view! {
                        <MessageItem message partner=partner.clone() changes />
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        {if writable {
            view! {
                <SendForm pair_id changes />
                <SharingForm pair_id mine=thread.my_sharing.clone() changes />
            }.into_any()
        } else {
            view! { <p class="muted">{t!(i18n, messages.read_only)}</p> }.into_any()
        }}
    }
}

#[component]
fn MessageItem(message: Message, partner: String, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let report = ServerAction::<ReportMessage>::new();
    count_successes(report, changes);
    let error = action_error(report);
    let id = message.id;
    let mine = message.mine;
    let author = partner.clone();
    view! {
        <li class=if mine { "chat-message chat-mine" } else { "chat-message chat-theirs" } id=format!("message-{id}")>
            <p class="chat-meta muted small">
                {move || if mine { t_string!(i18n, messages.you).to_string() } else { author.clone() }}
                " · " <When at=message.sent.clone() />
                {message.reported.then(|| view! { " " <span class="badge badge-waiting">{t!(i18n, messages.reported)}</span> })}
            </p>
            <p class="chat-body prewrap">{message.body.clone()}</p>
            {(!mine && !message.reported).then(|| view! {
                <details class="inline-details report-message">
                    <summary class="button button-link button-small">{t!(i18n, messages.report)}</summary>
                    <ActionForm action=report attr:class="form">
                        <p class="field-hint">{t!(i18n, messages.report_hint)}</p>
                        <input type="hidden" name="id" value=id />
                        <TextAreaField name="note" scope=format!("message-{id}-report") required=false
                            label=label!(i18n, messages.report_note) error />
                        <FormError error />
                        <SubmitButton class="button button-danger" label=label!(i18n, messages.report_send) pending=report.pending() />
                    </ActionForm>
                </details>
            })}
        </li>
    }
}

#[component]
fn SendForm(pair_id: i64, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let send = ServerAction::<SendMessage>::new();
    count_successes(send, changes);
    let error = action_error(send);
    view! {
        <ActionForm action=send attr:class="form send-message">
            <input type="hidden" name="pair_id" value=pair_id />
            <TextAreaField name="body" scope=format!("pair-{pair_id}-message") max_chars=MESSAGE_MAX_CHARS
                label=label!(i18n, messages.write) error />
            <FormError error />
            <SubmitButton label=label!(i18n, messages.send) pending=send.pending() />
        </ActionForm>
    }
}

/// How to reach the other person, when they chose to show it.
#[component]
fn PartnerContact(partner: String, contact: Contact) -> impl IntoView {
    let i18n = use_i18n();
    (contact.email.is_some() || contact.phone.is_some()).then(|| {
        view! {
            <p class="partner-contact">
                {move || t_string!(i18n, messages.reach, name = partner.clone()).to_string()} " "
                {contact.email.clone().map(|email| view! { <a href=format!("mailto:{email}")>{email.clone()}</a> " " })}
                {contact.phone.clone().map(|phone| view! { <a href=format!("tel:{}", phone.replace(' ', ""))>{phone.clone()}</a> })}
            </p>
        }
    })
}

/// What the reader shows the other person.
#[component]
fn SharingForm(pair_id: i64, mine: Contact, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveContactSharing>::new();
    count_successes(save, changes);
    let error = action_error(save);
    let checkbox_id = format!("pair-{pair_id}-share-email");
    view! {
        <details class="inline-details contact-sharing">
            <summary class="button button-link">{t!(i18n, messages.sharing)}</summary>
            <ActionForm action=save attr:class="form">
                <p class="field-hint">{t!(i18n, messages.sharing_hint)}</p>
                <input type="hidden" name="pair_id" value=pair_id />
                <div class="field field-checkbox">
                    <input type="checkbox" id=checkbox_id.clone() name="share_email" value="on" checked=mine.email.is_some() />
                    <label for=checkbox_id>{t!(i18n, messages.share_email)}</label>
                </div>
                <TextField name="phone" scope=format!("pair-{pair_id}-share") input_type="tel" autocomplete="tel"
                    required=false label=label!(i18n, messages.share_phone) error
                    value=mine.phone.clone().unwrap_or_default() />
                <FormError error />
                <SubmitButton class="button button-secondary" label=label!(i18n, messages.sharing_send) pending=save.pending() />
            </ActionForm>
        </details>
    }
}

/// "2 unread messages", linking to the thread; nothing when all are read.
#[component]
pub fn UnreadLink(count: i64, href: String) -> impl IntoView {
    let i18n = use_i18n();
    (count > 0).then(|| {
        view! {
            <p class="unread-messages">
                <a href=href>{move || crate::plural!(i18n, messages.unread_singular, messages.unread_plural, count)}</a>
            </p>
        }
    })
}
