//! Mentorat's shared Leptos crate: compiled with `ssr` into the server and with
//! `hydrate` into the browser's WASM bundle.
#![recursion_limit = "256"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

/// `as_str` and `parse` for an enum stored as text, whose strum derives
/// (`IntoStaticStr`, `EnumString`, `serialize_all = "snake_case"`) name its
/// variants: the one way enums go to and from their stored text (an
/// unknown text parses to `None`). Text read back from the database goes
/// through `stored::decode`, which logs an unknown value and refuses it.
#[macro_export]
macro_rules! stored_text {
    ($enum:ident) => {
        impl $enum {
            pub fn as_str(self) -> &'static str {
                self.into()
            }

            pub fn parse(value: &str) -> Option<$enum> {
                value.parse().ok()
            }
        }
    };
}

/// An enum stored as text by its snake_case variant names: the derives every
/// stored enum shares (copyable, compared, sent to the browser, named by
/// strum) and `stored_text!`. Other derives and docs go inside, as usual.
#[macro_export]
macro_rules! stored_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($body:tt)* }) => {
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            serde::Serialize,
            serde::Deserialize,
            strum::IntoStaticStr,
            strum::EnumString,
        )]
        #[strum(serialize_all = "snake_case")]
        $(#[$meta])*
        $vis enum $name { $($body)* }

        $crate::stored_text!($name);
    };
}

pub mod access_log;
pub mod accounts;
pub mod applications;
pub mod audit;
pub mod board;
pub mod calendar;
pub mod catalog;
pub mod closing;
pub mod components;
pub mod consent;
pub mod eligibility;
pub mod email_links;
pub mod erasure;
pub mod error;
pub mod evaluations;
pub mod feedback;
pub mod goals;
pub mod home;
pub mod input;
pub mod joint;
pub mod journals;
pub mod layout;
pub mod locale;
pub mod meetings;
pub mod messages;
pub mod my_data;
pub mod needs;
pub mod outbox;
pub mod pairs;
pub mod participation;
pub mod people;
pub mod privacy_office;
pub mod profiles;
pub mod program_time;
pub mod reports;
pub mod server_context;
#[cfg(feature = "ssr")]
pub mod sql_ids;
pub mod status_pages;
#[cfg(feature = "ssr")]
pub mod stored;
pub mod testimonials;
pub mod workspace;
#[cfg(feature = "ssr")]
pub mod write_transaction;

#[cfg(test)]
mod feature_graph;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::applications::ui::{
    ApplicationQueuePage, ApplicationReviewPage, ApplicationStatusPage, ApplyPage,
};
use crate::board::ui::MatchingBoardPage;
use crate::catalog::cohorts_ui::{CohortPage, CohortsPage};
use crate::catalog::taxonomy_ui::TaxonomyPage;
use crate::home::areas_ui::{MenteeHomePage, MentorHomePage};
use crate::home::ui::HomePage;
use crate::i18n::I18nContextProvider;
use crate::journals::audit_ui::AuditLogPage;
use crate::journals::outbox_ui::OutboxPage;
use crate::layout::SiteLayout;
use crate::people::ui::{
    provide_session_refresh, ConfirmRegistrationPage, ForgotPasswordPage, InvitationPage,
    LoginPage, MyAccountPage, PeoplePage, RegisterPage, ResetPasswordPage,
};
use crate::profiles::ui::MyProfilePage;
use crate::status_pages::NotFound;

/// The name cargo-leptos gives the CSS, JS and WASM files under `/pkg`.
pub const OUTPUT_NAME: &str = "mentorat";

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // The Content-Security-Policy nonce the server chose for this response: the
    // hydration and streaming scripts carry it, and nothing else may run.
    #[cfg(feature = "ssr")]
    if let Some(nonce) = server_context::request_nonce() {
        provide_context(leptos::nonce::Nonce::from_value(nonce));
    }
    view! {
        <!DOCTYPE html>
        // `lang` (and `dir`) come from the language context, through leptos_meta.
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                // Named by its content's hash when the build is (`hash-files`).
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options islands=true />
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
    provide_session_refresh();

    view! {
        <I18nContextProvider
            cookie_options=locale::cookie_options()
            ssr_lang_header_getter=locale::ignore_accept_language()
        >
            <Link rel="icon" type_="image/svg+xml" href="/favicon.svg" />
            <Meta name="color-scheme" content="light" />
            <Router>
                <SiteLayout>
                    <Routes fallback=NotFound>
                        <Route path=path!("") view=HomePage />
                        <Route path=path!("/apply") view=ApplyPage />
                        <Route
                            path=path!("/application/:token")
                            view=ApplicationStatusPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/profile") view=MyProfilePage ssr=SsrMode::Async />
                        <Route
                            path=path!("/privacy")
                            view=crate::privacy_office::ui::PrivacyPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/login") view=LoginPage />
                        // Pages whose data decides the status (401 → sign in, 403, 410)
                        // render once their data is in: `Async` waits before sending headers.
                        <Route path=path!("/register") view=RegisterPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/register/confirm/:token")
                            view=ConfirmRegistrationPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/invitation/:token")
                            view=InvitationPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/act/:token")
                            view=crate::email_links::ui::ActionLinkPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/password/forgot") view=ForgotPasswordPage />
                        <Route
                            path=path!("/password/reset/:token")
                            view=ResetPasswordPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/account") view=MyAccountPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/account/security")
                            view=crate::people::ui::MySecurityPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/login/code")
                            view=crate::people::ui::MfaCodePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/sessions")
                            view=crate::people::ui::MySessionsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/privacy")
                            view=crate::my_data::ui::MyPrivacyPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/consent")
                            view=crate::my_data::ui::ConsentRenewalPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/privacy/reads")
                            view=crate::my_data::ui::ReadsLogPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/testimonial")
                            view=crate::testimonials::ui::MyTestimonialPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/testimonials")
                            view=crate::testimonials::ui::TestimonialsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/questionnaire/:id")
                            view=crate::evaluations::ui::QuestionnairePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/evaluations")
                            view=crate::evaluations::results_ui::EvaluationResultsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/evaluations/answers/:id")
                            view=crate::evaluations::results_ui::PersonAnswersPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/evaluations/questions")
                            view=crate::evaluations::editor_ui::QuestionEditorPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/mentor") view=MentorHomePage ssr=SsrMode::Async />
                        <Route path=path!("/mentee") view=MenteeHomePage ssr=SsrMode::Async />
                        <Route
                            path=path!("/coordinator")
                            view=crate::reports::ui::ProgramDashboardPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/people")
                            view=PeoplePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/people/import")
                            view=crate::people::ui::MenteeImportPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/people/import/:id")
                            view=crate::people::ui::MenteeImportPreviewPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/applications")
                            view=ApplicationQueuePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/applications/:id")
                            view=ApplicationReviewPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/cohorts")
                            view=CohortsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/cohorts/:code")
                            view=CohortPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/cohorts/:code/carry-over")
                            view=crate::participation::ui::CarryOverPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/mentor/cohorts/:code")
                            view=crate::participation::ui::CohortInvitationPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/cohorts/:code/conclude")
                            view=crate::closing::ui::ConcludeCohortPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/pairs/:id")
                            view=crate::workspace::pages::PairWorkspacePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/pairs")
                            view=crate::reports::pairs_table_ui::PairsTablePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/participants/:id")
                            view=crate::reports::participant_ui::ParticipantPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/pairs/:id")
                            view=crate::reports::pair_follow_up::CoordinatorPairPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/matching")
                            view=MatchingBoardPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/taxonomy")
                            view=TaxonomyPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/outbox")
                            view=OutboxPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/audit")
                            view=AuditLogPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/privacy")
                            view=crate::privacy_office::ui::PrivacyOfficePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/privacy/notice")
                            view=crate::privacy_office::ui::PublishNoticePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/privacy/incidents")
                            view=crate::privacy_office::ui::IncidentsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/privacy/deletions")
                            view=crate::erasure::ui::DeletionsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/privacy/retention")
                            view=crate::erasure::ui::RetentionPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/coordinator/privacy/incidents/:id")
                            view=crate::privacy_office::ui::IncidentPage
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </SiteLayout>
            </Router>
            <crate::layout::PageBehaviours />
        </I18nContextProvider>
    }
}
