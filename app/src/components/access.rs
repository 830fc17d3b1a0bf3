//! What a page shows when its data is refused: sign in (401), not yours (403),
//! or another error.
use leptos::prelude::*;

use crate::components::labels::label;

use crate::components::forms::Loading;
use crate::components::page::PageTitle;
use crate::components::page::{set_page_status, ErrorNotice};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};

/// What a query value keeps as it is: letters, digits, `-_.~` and `/`
/// (a path stays readable); everything else is percent-encoded.
const QUERY_VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

/// Percent-encodes a value for a URL query (`next=/coordinator?x=1`).
pub fn encode_query_value(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// Replaces a page whose data was refused: anonymous callers go to the sign-in
/// page (and come back after), others see why.
#[component]
pub fn AccessDenied(error: AppError) -> impl IntoView {
    match error {
        AppError::Unauthorized => {
            let path = format!("/login?next={}", encode_query_value(&current_address()));
            go_to(&path);
            ().into_any()
        }
        AppError::Forbidden => view! { <ForbiddenPage /> }.into_any(),
        other => view! {
            <section class="section">
                <div class="container narrow">
                    <ErrorNotice error=other />
                </div>
            </section>
        }
        .into_any(),
    }
}

/// The address (path and query) of the page being shown: the request's on
/// the server, the browser's in an island that reloads its data.
fn current_address() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .uri
                    .path_and_query()
                    .map(|address| address.as_str().to_owned())
            })
            .unwrap_or_else(|| "/".to_owned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let location = window().location();
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    }
}

/// Sends the browser to `path`: a redirection answer on the server, a new
/// page in the browser (islands have no router to navigate with).
fn go_to(path: &str) {
    #[cfg(feature = "ssr")]
    {
        leptos_axum::redirect(path);
        // `redirect` answers 302 only to requests that accept HTML: any
        // other (a script, `curl`) got a 200, an empty page and a Location.
        // A page is never a server function, so a page's answer is a 302.
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(axum::http::StatusCode::FOUND);
        }
    }
    #[cfg(not(feature = "ssr"))]
    if window().location().set_href(path).is_err() {
        leptos::logging::warn!("could not go to the sign-in page");
    }
}

/// What `load_or_deny` and `reload_or_deny` show once the data is there:
/// `show` of it, or, when refused, [`AccessDenied`].
fn loaded_or_denied<R, T, V>(
    data: R,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl Fn() -> Suspend<AnyView> + Send + Sync + 'static
where
    R: std::future::IntoFuture<Output = Result<T, AppError>> + Copy + Send + Sync + 'static,
    R::IntoFuture: Send,
    T: Send + 'static,
    V: IntoView + 'static,
{
    move || {
        let show = show.clone();
        Suspend::new(async move {
            match data.await {
                Ok(data) => show(data).into_any(),
                Err(error) => view! { <AccessDenied error /> }.into_any(),
            }
        })
    }
}

/// The one way a page shows what it loaded: a loading state, then `show`
/// of the data, or, when refused, [`AccessDenied`] (sign in, not yours, or
/// the error said in the reader's language).
pub fn load_or_deny<R, T, V>(
    data: R,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    R: std::future::IntoFuture<Output = Result<T, AppError>> + Copy + Send + Sync + 'static,
    R::IntoFuture: Send,
    T: Send + 'static,
    V: IntoView + 'static,
{
    view! { <Suspense fallback=Loading>{loaded_or_denied(data, show)}</Suspense> }
}

/// `load_or_deny` for data that reloads after a change: while it reloads,
/// the page keeps showing what it showed (a `Transition`, not a `Suspense`).
pub fn reload_or_deny<R, T, V>(
    data: R,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    R: std::future::IntoFuture<Output = Result<T, AppError>> + Copy + Send + Sync + 'static,
    R::IntoFuture: Send,
    T: Send + 'static,
    V: IntoView + 'static,
{
    view! { <Transition fallback=Loading>{loaded_or_denied(data, show)}</Transition> }
}

/// What a page's access check loads (`OnceResource<Result<T, AppError>>`),
/// which the resources of the page's parts wait for. Those resources are
/// created by the page, outside the check's `Suspense`: one created inside
/// would be created again each time Leptos walks the `Suspense`'s children
/// on the server, and its data loaded twice.
pub trait Gate: Clone + Send + Sync + 'static {}

impl<T: Clone + Send + Sync + 'static> Gate for T {}

/// The frame of a coordination page: a way back to the coordination home, the title.
#[component]
pub fn CoordinationPage(#[prop(into)] title: Signal<String>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section">
            <div class="container">
                <p class="breadcrumb">
                    <a href="/coordinator">{t!(i18n, coordinator.title)}</a>
                </p>
                <h1>{move || title.get()}</h1>
                {children()}
            </div>
        </section>
    }
}

/// "This page is not for you", with HTTP status 403.
#[component]
pub fn ForbiddenPage() -> impl IntoView {
    set_page_status(403);
    let i18n = use_i18n();
    view! {
        <PageTitle text=label!(i18n, forbidden.title) />
        <section class="section">
            <div class="container narrow status-page">
                <h1>{t!(i18n, forbidden.title)}</h1>
                <p>{t!(i18n, forbidden.body)}</p>
                <p>
                    <a class="button button-secondary" href="/">{t!(i18n, forbidden.back_home)}</a>
                </p>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            encode_query_value("/coordinator/people"),
            "/coordinator/people"
        );
        assert_eq!(encode_query_value("/a?b=c&d"), "/a%3Fb%3Dc%26d");
        assert_eq!(encode_query_value("/é"), "/%C3%A9");
    }
}
