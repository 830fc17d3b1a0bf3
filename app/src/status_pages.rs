//! Pages and notices for when things are not where or how they should be.
use leptos::prelude::*;

use crate::error::{AppError, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};
use crate::layout::PageTitle;

/// Sets the HTTP status of the page being rendered on the server (no-op in the browser).
pub fn set_page_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(status),
    ) {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

/// Shown for any path no route matches; answers with HTTP status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    set_page_status(404);
    let i18n = use_i18n();
    view! {
        <PageTitle text=Signal::derive(move || t_string!(i18n, not_found.title).to_owned()) />
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

/// An error explained in the reader's language, with a way on.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let kind = error.message();
    let static_text = move || match kind {
        ErrorMessage::SignInRequired => t_string!(i18n, errors.sign_in_required),
        ErrorMessage::Forbidden => t_string!(i18n, errors.forbidden),
        ErrorMessage::NotFound => t_string!(i18n, errors.not_found),
        ErrorMessage::InvalidInput => t_string!(i18n, errors.invalid_input),
        ErrorMessage::Unavailable => t_string!(i18n, errors.unavailable),
        ErrorMessage::Network => t_string!(i18n, errors.network),
        ErrorMessage::BadCredentials => t_string!(i18n, errors.bad_credentials),
        ErrorMessage::LinkInvalid => t_string!(i18n, errors.link_invalid),
        ErrorMessage::RegistrationClosed => t_string!(i18n, errors.registration_closed),
        ErrorMessage::MentorFull => t_string!(i18n, errors.mentor_full),
        ErrorMessage::StaleVersion => t_string!(i18n, errors.stale_version),
        ErrorMessage::OwnProposal => t_string!(i18n, errors.own_proposal),
        ErrorMessage::NotAgreed => t_string!(i18n, errors.not_agreed),
        ErrorMessage::Conflict => t_string!(i18n, errors.conflict),
        // Says how long to wait: the one message with a value, written below.
        ErrorMessage::TooManyAttempts | ErrorMessage::TooSoon => "",
    };
    let text = move || match &error {
        AppError::TooManyAttempts {
            retry_after_minutes,
        } => t_string!(
            i18n,
            errors.too_many_attempts,
            minutes = *retry_after_minutes
        )
        .to_string(),
        AppError::TooSoon { again_on } => t_string!(
            i18n,
            errors.too_soon,
            date = crate::components::when::when_text(i18n.get_locale(), again_on)
        )
        .to_string(),
        _ => static_text().to_owned(),
    };
    view! {
        <div class="notice notice-error" role="alert">
            <p class="notice-title">{t!(i18n, errors.title)}</p>
            <p>{text}</p>
        </div>
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
        <PageTitle text=Signal::derive(move || t_string!(i18n, errors.title).to_owned()) />
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

/// The privacy notice people accept when they register or accept an invitation.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let email = move || t_string!(i18n, footer.contact_email);
    view! {
        <PageTitle text=Signal::derive(move || t_string!(i18n, privacy.title).to_owned()) />
        <section class="section">
            <div class="container narrow prose">
                <h1>{t!(i18n, privacy.title)}</h1>
                <p class="lead">{t!(i18n, privacy.lead)}</p>
                <h2>{t!(i18n, privacy.what_title)}</h2>
                <p>{t!(i18n, privacy.what_body)}</p>
                <h2>{t!(i18n, privacy.who_title)}</h2>
                <p>{t!(i18n, privacy.who_body)}</p>
                <h2>{t!(i18n, privacy.keep_title)}</h2>
                <p>{t!(i18n, privacy.keep_body)}</p>
                <h2>{t!(i18n, privacy.rights_title)}</h2>
                <p>{t!(i18n, privacy.rights_body)}</p>
                <p>
                    <a href=move || format!("mailto:{}", email())>{email}</a>
                </p>
            </div>
        </section>
    }
}
