//! "My sessions": where the person is signed in, and ending a session there.
use leptos::prelude::*;

use crate::accounts::devices::{Browser, System};
use crate::components::access::reload_or_deny;
use crate::components::forms::{
    action_error, action_succeeded, count_successes, FormError, SubmitButton,
};
use crate::components::labels::label;
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::people::api::{get_my_sessions, EndMySessions, OpenSession};

#[component]
pub fn MySessionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let end = ServerAction::<EndMySessions>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(end, changes);
    let sessions = Resource::new(move || changes.get(), |_| get_my_sessions());
    // Said after a run in the browser, and after a plain form post too.
    let ended = action_succeeded(end);
    view! {
        <PageTitle text=label!(i18n, sessions.title) />
        <section class="section">
            <div class="container form-page">
                <p><a href="/account">{t!(i18n, sessions.back)}</a></p>
                <h1>{t!(i18n, sessions.title)}</h1>
                <p class="lead">{t!(i18n, sessions.lead)}</p>
                <FormError error=action_error(end) />
                <Show when=move || ended.get()>
                    <p class="notice notice-success" role="status">{t!(i18n, sessions.ended)}</p>
                </Show>
                {reload_or_deny(sessions, move |sessions| view! { <SessionList sessions end /> }.into_any())}
            </div>
        </section>
    }
}

#[component]
fn SessionList(sessions: Vec<OpenSession>, end: ServerAction<EndMySessions>) -> impl IntoView {
    let i18n = use_i18n();
    let others = sessions.iter().filter(|session| !session.current).count();
    view! {
        <ul class="session-list">
            {sessions
                .into_iter()
                .map(|session| view! { <SessionItem session end /> })
                .collect_view()}
        </ul>
        {if others == 0 {
            view! { <p class="muted">{t!(i18n, sessions.no_other)}</p> }.into_any()
        } else {
            view! {
                <ActionForm action=end attr:class="form">
                    <SubmitButton label=label!(i18n, sessions.end_others) pending=end.pending() />
                </ActionForm>
            }
                .into_any()
        }}
    }
}

#[component]
fn SessionItem(session: OpenSession, end: ServerAction<EndMySessions>) -> impl IntoView {
    let i18n = use_i18n();
    let browser = session.browser;
    let os = session.os;
    let title_id = format!("session-{}", session.id);
    let labelled_by = title_id.clone();
    let device = move || {
        t_string!(
            i18n,
            sessions.device,
            browser = browser_name(i18n, browser),
            os = system_name(i18n, os)
        )
        .to_string()
    };
    view! {
        <li class="card" aria-labelledby=labelled_by>
            <h2 class="card-title" id=title_id>
                {device}
                {session
                    .current
                    .then(|| view! { " " <span class="badge">{t!(i18n, sessions.this_device)}</span> })}
            </h2>
            <dl class="message-meta">
                <dt>{t!(i18n, sessions.signed_in)}</dt>
                <dd><crate::components::when::When at=session.signed_in_at.clone() capitalized=true /></dd>
                <dt>{t!(i18n, sessions.last_seen)}</dt>
                <dd><crate::components::when::When at=session.last_seen_at.clone() capitalized=true /></dd>
                <dt>{t!(i18n, sessions.address)}</dt>
                <dd>{session.client.clone().unwrap_or_default()}</dd>
            </dl>
            {(!session.current)
                .then(|| {
                    view! {
                        <ActionForm action=end attr:class="inline-form">
                            <input type="hidden" name="session_id" value=session.id />
                            <button type="submit" class="button button-small button-secondary">
                                {t!(i18n, sessions.end_one)}
                            </button>
                        </ActionForm>
                    }
                })}
        </li>
    }
}

type I18n = leptos_i18n::I18nContext<crate::i18n::Locale>;

fn browser_name(i18n: I18n, browser: Browser) -> &'static str {
    match browser {
        Browser::Edge => t_string!(i18n, sessions.browsers.edge),
        Browser::Firefox => t_string!(i18n, sessions.browsers.firefox),
        Browser::Chrome => t_string!(i18n, sessions.browsers.chrome),
        Browser::Safari => t_string!(i18n, sessions.browsers.safari),
        Browser::Other => t_string!(i18n, sessions.browsers.other),
    }
}

fn system_name(i18n: I18n, os: System) -> &'static str {
    match os {
        System::Windows => t_string!(i18n, sessions.systems.windows),
        System::Android => t_string!(i18n, sessions.systems.android),
        System::Ios => t_string!(i18n, sessions.systems.ios),
        System::Macos => t_string!(i18n, sessions.systems.macos),
        System::Linux => t_string!(i18n, sessions.systems.linux),
        System::Other => t_string!(i18n, sessions.systems.other),
    }
}
