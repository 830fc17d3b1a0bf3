//! The coordinator's outbox page: every message, its language, its status.
use leptos::prelude::*;

use crate::components::access::load_or_deny;

use crate::components::labels::label;

use crate::components::access::CoordinationPage;
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::journals::outbox_api::list_outbox;
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

#[component]
fn OutboxItem(message: OutboxMessage) -> impl IntoView {
    let i18n = use_i18n();
    let sent = message.sent_at.clone();
    let failed = message.last_error.is_some();
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
                    {move || match (&sent, failed) {
                        (Some(at), _) => t_string!(i18n, outbox.sent_at, at = crate::components::when::when_text(i18n.get_locale(), at)).to_string(),
                        (None, true) => t_string!(i18n, outbox.failed).to_owned(),
                        (None, false) => t_string!(i18n, outbox.not_sent).to_owned(),
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
