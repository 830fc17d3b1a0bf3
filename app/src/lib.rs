//! Mentorat's shared Leptos crate: compiled with `ssr` into the server and with
//! `hydrate` into the browser's WASM bundle.
#![recursion_limit = "256"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod catalog;
pub mod error;
pub mod home;
pub mod layout;
pub mod locale;
pub mod server_context;
pub mod status_pages;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, Meta, MetaTags, Stylesheet};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::home::ui::HomePage;
use crate::i18n::I18nContextProvider;
use crate::layout::SiteLayout;
use crate::status_pages::{ComingSoon, ComingSoonPage, NotFound};

/// The name cargo-leptos gives the CSS, JS and WASM files under `/pkg`.
pub const OUTPUT_NAME: &str = "mentorat";

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        // `lang` (and `dir`) come from the language context, through leptos_meta.
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The whole application: language context, routes and the site layout.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <I18nContextProvider
            cookie_options=locale::cookie_options()
            ssr_lang_header_getter=locale::ignore_accept_language()
        >
            <Stylesheet id="leptos" href=format!("/pkg/{OUTPUT_NAME}.css") />
            <Link rel="icon" type_="image/svg+xml" href="/favicon.svg" />
            <Meta name="color-scheme" content="light" />
            <Router>
                <SiteLayout>
                    <Routes fallback=NotFound>
                        <Route path=path!("") view=HomePage />
                        <Route
                            path=path!("/apply")
                            view=|| view! { <ComingSoonPage which=ComingSoon::Apply /> }
                        />
                        <Route
                            path=path!("/register")
                            view=|| view! { <ComingSoonPage which=ComingSoon::Register /> }
                        />
                        <Route
                            path=path!("/login")
                            view=|| view! { <ComingSoonPage which=ComingSoon::SignIn /> }
                        />
                    </Routes>
                </SiteLayout>
            </Router>
            <HydrationMarker />
        </I18nContextProvider>
    }
}

/// Marks `<body data-hydrated>` once the WASM has taken over, so that browser tests
/// (and curious people) can tell a hydrated page from a server-rendered one.
#[component]
fn HydrationMarker() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "");
        }
    });
}
