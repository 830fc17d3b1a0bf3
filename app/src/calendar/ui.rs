//! The calendar section of a mentor's or mentee's page, and the download
//! link of each meeting.
use leptos::prelude::*;

use super::api::{get_calendar_feed, CreateCalendarFeed, RevokeCalendarFeed};
use super::{webcal_link, FeedState};
use crate::components::access::Gate;
use crate::components::forms::{action_error, count_successes, FormError, Loading, SubmitButton};
use crate::components::labels::label;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};

/// The person's private feed: make it, see the new link once, replace it,
/// turn it off.
#[component]
pub fn CalendarPanel(
    /// `calendar_feed`, created by the page outside any `Suspense`.
    feed: Resource<Result<FeedState, AppError>>,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateCalendarFeed>::new();
    let revoke = ServerAction::<RevokeCalendarFeed>::new();
    count_successes(create, changes);
    count_successes(revoke, changes);
    view! {
        <section class="section no-print" aria-labelledby="calendar-title">
            <div class="container">
                <h2 id="calendar-title">{t!(i18n, calendar.title)}</h2>
                <p class="muted">{t!(i18n, calendar.intro)}</p>
                <Transition fallback=Loading>
                    {move || Suspend::new(async move {
                        feed.await.ok().map(|state| view! { <FeedControls state create revoke /> })
                    })}
                </Transition>
            </div>
        </section>
    }
}

/// The person's feed, loaded again when `changes` moves, once `gate` (the
/// page's access check) passes.
pub fn calendar_feed<T: Gate>(
    changes: RwSignal<u64>,
    gate: OnceResource<Result<T, AppError>>,
) -> Resource<Result<FeedState, AppError>> {
    Resource::new(
        move || changes.get(),
        move |_| async move {
            gate.await?;
            get_calendar_feed().await
        },
    )
}

#[component]
fn FeedControls(
    state: FeedState,
    create: ServerAction<CreateCalendarFeed>,
    revoke: ServerAction<RevokeCalendarFeed>,
) -> impl IntoView {
    let i18n = use_i18n();
    let create_error = action_error(create);
    let revoke_error = action_error(revoke);
    // The cookie brings the link back after a form posted without
    // JavaScript; with it, the action's own answer is there too.
    let new_link = state.new_link.clone().or_else(|| {
        create
            .value()
            .get_untracked()
            .and_then(|answer| answer.ok())
    });
    let Some(created) = state.created else {
        return view! {
            <p>{t!(i18n, calendar.feed_off)}</p>
            <ActionForm action=create attr:class="inline-form">
                <SubmitButton label=label!(i18n, calendar.feed_create) pending=create.pending() />
            </ActionForm>
            <FormError error=create_error />
        }
        .into_any();
    };
    view! {
        {match new_link {
            Some(link) => view! { <NewFeedLink link /> }.into_any(),
            None => view! { <p>{move || t_string!(i18n, calendar.feed_on, date = crate::components::when::when_text(i18n.get_locale(), &created)).to_string()}</p> }.into_any(),
        }}
        <div class="button-row">
            <details class="inline-details">
                <summary class="button button-secondary">{t!(i18n, calendar.feed_replace)}</summary>
                <ActionForm action=create attr:class="form">
                    <p>{t!(i18n, calendar.feed_replace_confirm)}</p>
                    <SubmitButton class="button button-secondary" label=label!(i18n, calendar.feed_replace_send) pending=create.pending() />
                </ActionForm>
            </details>
            <details class="inline-details">
                <summary class="button button-link">{t!(i18n, calendar.feed_revoke)}</summary>
                <ActionForm action=revoke attr:class="form">
                    <p>{t!(i18n, calendar.feed_revoke_confirm)}</p>
                    <SubmitButton class="button button-danger" label=label!(i18n, calendar.feed_revoke_send) pending=revoke.pending() />
                </ActionForm>
            </details>
        </div>
        <FormError error=create_error />
        <FormError error=revoke_error />
    }
    .into_any()
}

/// The link just made: shown this once, to copy into a calendar app.
#[component]
fn NewFeedLink(link: String) -> impl IntoView {
    let i18n = use_i18n();
    let webcal = webcal_link(&link);
    view! {
        <div class="notice notice-success" role="status">
            <p class="notice-title">{t!(i18n, calendar.new_link_title)}</p>
            <div class="field">
                <label for="calendar-feed-link">{t!(i18n, calendar.new_link_label)}</label>
                <p id="calendar-feed-hint" class="field-hint">{t!(i18n, calendar.new_link_hint)}</p>
                <input id="calendar-feed-link" type="text" readonly value=link
                    aria-describedby="calendar-feed-hint" />
            </div>
            <p><a href=webcal>{t!(i18n, calendar.subscribe)}</a></p>
        </div>
    }
}
