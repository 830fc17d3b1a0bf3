//! Pages and notices for when things are not where or how they should be.
//! (The privacy page, once here, is the privacy office's: `privacy_office::ui`.)
use leptos::prelude::*;

use crate::components::labels::label;

use crate::components::page::{set_page_status, ErrorNotice, PageTitle};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};

/// Shown for any path no route matches; answers with HTTP status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    set_page_status(404);
    let i18n = use_i18n();
    view! {
        <PageTitle text=label!(i18n, not_found.title) />
        <section class="section">
            <div class="container narrow status-page">
                <h1>{t!(i18n, not_found.title)}</h1>
                <p>{t!(i18n, not_found.body)}</p>
                <p>
                    <a class="button button-primary" href="/">{t!(i18n, not_found.back_home)}</a>
                </p>
            </div>
        </section>
    }
}

/// The error page: what an `ErrorBoundary` shows when a page fails as a whole.
#[component]
pub fn ErrorPage(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = use_i18n();
    let first_error = move || {
        errors
            .get()
            .into_iter()
            .next()
            .map(|(_, error)| match error.downcast_ref::<AppError>() {
                Some(app_error) => app_error.clone(),
                None => AppError::Transport(error.to_string()),
            })
            .unwrap_or(AppError::Transport(String::new()))
    };
    view! {
        <PageTitle text=label!(i18n, errors.title) />
        <section class="section">
            <div class="container narrow status-page">
                <h1>{t!(i18n, errors.title)}</h1>
                {move || view! { <ErrorNotice error=first_error() /> }}
                <p>
                    <a class="button button-secondary" href="/">{t!(i18n, errors.back_home)}</a>
                </p>
            </div>
        </section>
    }
}
