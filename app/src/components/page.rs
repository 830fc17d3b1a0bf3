//! What every page has: its title, its HTTP status, and errors said in the
//! reader's language.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::{AppError, ErrorMessage};
use crate::i18n::{t, t_string, use_i18n};

/// Sets the document title as "<page> — Mentorat — Carrefour des savoirs", in the current language.
#[component]
pub fn PageTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let full = move || format!("{} — {}", text.get(), t_string!(i18n, meta.title_suffix));
    // On the server, Leptos keeps every title it is given and reads the last
    // one when the response goes out, by which time the components of a
    // `Suspense` walked more than once may be gone with their signals (a
    // panic, and a page cut off). So the server is given the text itself.
    #[cfg(feature = "ssr")]
    let full = full();
    view! { <Title text=full /> }
}

/// A page that holds one form: the window's title and the page's heading
/// say `title`; `children` follow the heading.
#[component]
pub fn FormPage(#[prop(into)] title: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <PageTitle text=title />
        <section class="section">
            <div class="container form-page">
                <h1>{move || title.get()}</h1>
                {children()}
            </div>
        </section>
    }
}

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

/// A link's page when the link no longer works (expired or used): the page
/// answers 410, says why (`children`) and, when there is one, where to ask
/// for a new link (`retry`).
#[component]
pub fn DeadLink(
    children: Children,
    #[prop(optional, into)] retry: Option<ViewFn>,
) -> impl IntoView {
    set_page_status(410);
    view! {
        <p class="notice notice-error" role="alert">{children()}</p>
        {retry.map(|retry| view! { <p>{retry.run()}</p> })}
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
        ErrorMessage::CohortConcluded => t_string!(i18n, errors.cohort_concluded),
        ErrorMessage::StaleVersion => t_string!(i18n, errors.stale_version),
        ErrorMessage::OwnProposal => t_string!(i18n, errors.own_proposal),
        ErrorMessage::NotAgreed => t_string!(i18n, errors.not_agreed),
        ErrorMessage::Conflict => t_string!(i18n, errors.conflict),
        ErrorMessage::AlreadySubmitted => t_string!(i18n, errors.already_submitted),
        ErrorMessage::ResponseSavedElsewhere => t_string!(i18n, errors.response_saved_elsewhere),
        ErrorMessage::QuestionCount => t_string!(i18n, errors.question_count),
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

/// The `:id` of the page's address as a number (`/pairs/12`); `None` when it
/// is missing or not a number. For the pages whose route names one.
pub fn id_in_address() -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    }
}
