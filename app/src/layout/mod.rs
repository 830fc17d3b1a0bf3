//! The frame of every page: skip link, header with navigation and language switch,
//! the main landmark, and the footer.
mod behaviours;
mod language;

pub use behaviours::{PageBehaviours, CONFIRM_ATTRIBUTE, PRINT_ATTRIBUTE};

pub use language::{LanguageSwitch, SetLocale};

use leptos::prelude::*;

use crate::i18n::{t, t_string, use_i18n};
use crate::people::ui::UserMenu;
use crate::status_pages::ErrorPage;

#[component]
pub fn SiteLayout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // rel="external": the browser, not the router, handles in-page links, so
        // focus really moves to <main>.
        <a class="skip-link" href="#main" rel="external">
            {t!(i18n, nav.skip_to_content)}
        </a>
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href="/" aria-label=move || t_string!(i18n, nav.home_link_label)>
                    <BrandMark />
                    <span class="brand-text">
                        <span class="brand-name">{t!(i18n, nav.brand)}</span>
                        <span class="brand-tagline">{t!(i18n, nav.brand_tagline)}</span>
                    </span>
                </a>
                <nav class="main-nav" aria-label=move || t_string!(i18n, nav.main_label)>
                    <ul>
                        <li>
                            <a href="/#programme" rel="external">
                                {t!(i18n, nav.program)}
                            </a>
                        </li>
                        <UserMenu />
                    </ul>
                </nav>
                <LanguageSwitch />
            </div>
        </header>
        <main id="main" tabindex="-1">
            <ErrorBoundary fallback=|errors| view! { <ErrorPage errors /> }>
                {children()}
            </ErrorBoundary>
        </main>
        <SiteFooter />
    }
}

#[component]
fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    let email = move || t_string!(i18n, footer.contact_email);
    view! {
        <footer class="site-footer">
            <div class="container footer-inner">
                <div>
                    <p class="footer-brand">{t!(i18n, meta.site_name)}</p>
                    <p>{t!(i18n, footer.about)}</p>
                    <p class="footer-small">{t!(i18n, footer.privacy)}</p>
                </div>
                <div>
                    <h2 class="footer-title">{t!(i18n, footer.contact_title)}</h2>
                    <p>{t!(i18n, footer.contact_lead)}</p>
                    <p>
                        <a href=move || format!("mailto:{}", email())>{email}</a>
                    </p>
                    <p class="footer-small">{t!(i18n, footer.open_source)}</p>
                </div>
            </div>
        </footer>
    }
}

/// The program's mark: two overlapping circles, a mentor and a mentee side by side.
#[component]
fn BrandMark() -> impl IntoView {
    view! {
        <svg class="brand-mark" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
            <circle cx="15" cy="20" r="11" fill="currentColor" opacity="0.9" />
            <circle cx="25" cy="20" r="11" fill="none" stroke="currentColor" stroke-width="3" />
        </svg>
    }
}
