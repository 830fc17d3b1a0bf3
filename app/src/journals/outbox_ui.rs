//! The coordinator's outbox page: every message, its language, its status.
use leptos::prelude::*;

use crate::components::access::load_or_deny;

use crate::components::labels::label;

use crate::components::access::CoordinationPage;
use crate::components::forms::{action_error, FormError, SubmitButton};
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::journals::outbox_api::{list_outbox, ResendFailedEmails};
use crate::outbox::{OutboxMessage, OutboxOverview};

#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = OnceResource::new(list_outbox());
    view! {
        <PageTitle text=label!(i18n, outbox.title) />
        {load_or_deny(outbox, move |overview| {
                        view! {
                            <CoordinationPage title=label!(i18n, outbox.title)>
                                <OutboxList overview />
                            </CoordinationPage>
                        }
                            .into_any()
                    })}
    }
}

#[component]
fn OutboxList(overview: OutboxOverview) -> impl IntoView {
    let i18n = use_i18n();
    let smtp = overview.smtp_configured;
    let empty = overview.messages.is_empty();
    let given_up = overview
        .messages
        .iter()
        .filter(|message| message.failed_at.is_some() && message.sent_at.is_none())
        .count();
    view! {
        <p class="notice" role="note">
            {move || {
                if smtp {
                    t_string!(i18n, outbox.smtp_on)
                } else {
                    t_string!(i18n, outbox.smtp_off)
                }
            }}
        </p>
        {(given_up > 0).then(|| view! { <ResendForm given_up /> })}
        <Show when=move || empty>
            <p class="muted">{t!(i18n, outbox.empty)}</p>
        </Show>
        <ol class="message-list">
            {overview
                .messages
                .into_iter()
                .map(|message| view! { <OutboxItem message /> })
                .collect_view()}
        </ol>
    }
}

/// The emails given up, and the button that sends them again (a plain post
/// before the page hydrates; the page then shows their new attempts).
#[component]
fn ResendForm(given_up: usize) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ResendFailedEmails>::new();
    let error = action_error(action);
    let done = crate::components::forms::action_succeeded(action);
    view! {
        <div class="notice notice-error">
            <p>{move || t_string!(i18n, outbox.given_up_count, count = given_up).to_string()}</p>
            <ActionForm action attr:class="form-inline">
                <FormError error />
                <SubmitButton label=label!(i18n, outbox.resend) pending=action.pending() />
            </ActionForm>
            <Show when=move || done.get()>
                <p role="status">{t!(i18n, outbox.resent)}</p>
            </Show>
        </div>
    }
}

#[component]
fn OutboxItem(message: OutboxMessage) -> impl IntoView {
    let i18n = use_i18n();
    let sent = message.sent_at.clone();
    let failed = message.last_error.is_some();
    let (attempts, retry_at, given_up) = (
        message.attempts,
        message.next_attempt_at.clone(),
        message.failed_at.is_some(),
    );
    let title_id = format!("message-{}", message.id);
    let labelled_by = title_id.clone();
    view! {
        <li class="card message" aria-labelledby=labelled_by>
            <h2 class="message-subject" id=title_id>{message.subject.clone()}</h2>
            <dl class="message-meta">
                <dt>{t!(i18n, outbox.to)}</dt>
                <dd>{message.recipient.clone()}</dd>
                <dt>{t!(i18n, outbox.language)}</dt>
                <dd lang=message.locale.clone()>{message.locale.to_uppercase()}</dd>
                <dt>{t!(i18n, outbox.created)}</dt>
                <dd><crate::components::when::When at=message.created_at.clone() capitalized=true /></dd>
                <dt>{t!(i18n, outbox.status)}</dt>
                <dd>
                    {move || match (&sent, failed, &retry_at) {
                        (Some(at), _, _) => t_string!(i18n, outbox.sent_at, at = crate::components::when::when_text(i18n.get_locale(), at)).to_string(),
                        (None, true, _) if given_up => t_string!(i18n, outbox.given_up, attempts = attempts).to_string(),
                        (None, true, Some(at)) => t_string!(i18n, outbox.retry_at, attempts = attempts, at = crate::components::when::when_text(i18n.get_locale(), at)).to_string(),
                        (None, true, None) => t_string!(i18n, outbox.failed).to_owned(),
                        (None, false, _) => t_string!(i18n, outbox.not_sent).to_owned(),
                    }}
                </dd>
            </dl>
            <p class="message-body" lang=message.locale.clone()>{message.body.clone()}</p>
            {message
                .action_url
                .clone()
                .map(|url| {
                    let href = url.clone();
                    view! {
                        <p class="message-link">
                            <a href=href rel="external">{url}</a>
                        </p>
                    }
                })}
            {message
                .link_withheld
                .then(|| view! { <p class="muted">{t!(i18n, outbox.link_withheld)}</p> })}
        </li>
    }
}
