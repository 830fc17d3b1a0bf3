//! The landing page of each area: coordinator, mentor, mentee.
use leptos::prelude::*;

use crate::components::access::load_or_deny;

use crate::accounts::{Role, SessionUser};
use crate::components::forms::Loading;
use crate::components::page::PageTitle;
use crate::home::areas_api::{
    get_coordinator_home, get_mentee_home, get_mentor_home, CoordinatorHome,
};
use crate::i18n::{t, t_string, use_i18n};

/// The coordination's tools, below the program dashboard: each with what waits there.
#[component]
pub fn CoordinatorTools() -> impl IntoView {
    let home = OnceResource::new(get_coordinator_home());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                home.await.ok().map(|home| view! { <CoordinatorToolsView home /> })
            })}
        </Suspense>
    }
}

#[component]
fn CoordinatorToolsView(home: CoordinatorHome) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section no-print" aria-labelledby="tools-title">
            <div class="container">
                <h2 id="tools-title">{t!(i18n, coordinator.tools_title)}</h2>
                <ul class="tiles">
                    <li class="card tile">
                        <h2><a href="/coordinator/matching">{t!(i18n, board.title)}</a></h2>
                        <p>{t!(i18n, coordinator.matching_lead)}</p>
                    </li>
                    <li class="card tile">
                        <h2><a href="/coordinator/applications">{t!(i18n, applications.title)}</a></h2>
                        <p>{move || crate::plural!(i18n, applications.waiting_count_singular, applications.waiting_count_plural, home.applications_to_review)}</p>
                    </li>
                    <li class="card tile">
                        <h2><a href="/coordinator/cohorts">{t!(i18n, cohorts.title)}</a></h2>
                        <p>{t!(i18n, coordinator.cohorts_lead)}</p>
                    </li>
                    <li class="card tile">
                        <h2><a href="/coordinator/taxonomy">{t!(i18n, taxonomy.title)}</a></h2>
                        <p>{t!(i18n, coordinator.taxonomy_lead)}</p>
                    </li>
                    <li class="card tile">
                        <h2><a href="/coordinator/people">{t!(i18n, people.title)}</a></h2>
                        <p>{move || t_string!(i18n, coordinator.people_count, count = home.active_people).to_string()}</p>
                        <p>{move || t_string!(i18n, coordinator.invitations_count, count = home.pending_invitations).to_string()}</p>
                    </li>
                    <li class="card tile">
                        <h2><a href="/coordinator/outbox">{t!(i18n, outbox.title)}</a></h2>
                        <p>{move || t_string!(i18n, coordinator.unsent_count, count = home.unsent_messages).to_string()}</p>
                    </li>
                    <li class="card tile">
                        <h2><a href="/coordinator/testimonials">{t!(i18n, testimonials.title)}</a></h2>
                        <p>{t!(i18n, coordinator.testimonials_lead)}</p>
                    </li>
                    <li class="card tile">
                        <h2><a href="/coordinator/evaluations">{t!(i18n, evaluations.results_title)}</a></h2>
                        <p>{t!(i18n, coordinator.evaluations_lead)}</p>
                    </li>
                    <li class="card tile">
                        <h2><a href="/coordinator/audit">{t!(i18n, audit.title)}</a></h2>
                        <p>{t!(i18n, coordinator.audit_lead)}</p>
                    </li>
                    <li class="card tile">
                        <h2><a href="/coordinator/privacy/deletions">{t!(i18n, erasure.tile_title)}</a></h2>
                        <p>{move || crate::plural!(i18n, erasure.pending_count_singular, erasure.pending_count_plural, home.deletions_pending)}</p>
                        <p><a href="/coordinator/privacy/retention">{t!(i18n, erasure.retention_title)}</a></p>
                    </li>
                    {home.user.is_privacy_officer.then(|| view! {
                        <li class="card tile">
                            <h2><a href="/coordinator/privacy">{t!(i18n, coordinator.privacy_title)}</a></h2>
                            <p>{t!(i18n, coordinator.privacy_lead)}</p>
                        </li>
                    })}
                </ul>
            </div>
        </section>
    }
}

#[component]
pub fn MentorHomePage() -> impl IntoView {
    view! { <ParticipantHomePage role=Role::Mentor /> }
}

#[component]
pub fn MenteeHomePage() -> impl IntoView {
    view! { <ParticipantHomePage role=Role::Mentee /> }
}

/// The landing page of a mentor or a mentee: only that role may open it.
#[component]
fn ParticipantHomePage(role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let home = OnceResource::new(async move {
        match role {
            Role::Mentor => get_mentor_home().await,
            _ => get_mentee_home().await,
        }
    });
    let title = Signal::derive(move || match role {
        Role::Mentor => t_string!(i18n, areas.mentor_title).to_owned(),
        _ => t_string!(i18n, areas.mentee_title).to_owned(),
    });
    let next = Signal::derive(move || match role {
        Role::Mentor => t_string!(i18n, areas.mentor_next).to_owned(),
        _ => t_string!(i18n, areas.mentee_next).to_owned(),
    });
    // The parts' data, created here (outside the check's `Suspense`), each
    // loaded once the check passes, each again when its part changes.
    let (pairs_changed, work_changed, feed_changed) = (
        RwSignal::new(0_u64),
        RwSignal::new(0_u64),
        RwSignal::new(0_u64),
    );
    let pairs = crate::pairs::ui::my_pairs(pairs_changed, home);
    let work = crate::workspace::pages::my_workspaces(work_changed, home, role != Role::Mentor);
    let feed = crate::calendar::ui::calendar_feed(feed_changed, home);
    let questionnaires = crate::evaluations::ui::my_questionnaires(home);
    let cohort_invitations =
        crate::participation::ui::waiting_cohort_invitations(home, role == Role::Mentor);
    view! {
        <PageTitle text=title />
        {load_or_deny(home, move |user| view! {
                        <AreaWelcome user eyebrow=title next />
                        <crate::participation::ui::WaitingCohortInvitations waiting=cohort_invitations />
                        <crate::evaluations::ui::QuestionnairesPanel questionnaires />
                        <crate::pairs::ui::MyPairsPanel pairs changes=pairs_changed />
                        {match role {
                            Role::Mentor => view! { <crate::workspace::pages::MentorDashboard workspaces=work changes=work_changed /> }.into_any(),
                            _ => view! { <crate::workspace::pages::MenteeWorkspace workspaces=work changes=work_changed /> }.into_any(),
                        }}
                        <crate::calendar::ui::CalendarPanel feed changes=feed_changed />
                        <crate::testimonials::ui::TestimonialInvite />
                    }
                        .into_any())}
    }
}

#[component]
fn AreaWelcome(
    user: SessionUser,
    #[prop(into)] eyebrow: Signal<String>,
    #[prop(into)] next: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = user.display_name.clone();
    view! {
        <section class="section">
            <div class="container narrow">
                <p class="eyebrow">{move || eyebrow.get()}</p>
                <h1>{move || t_string!(i18n, areas.welcome, name = name.clone()).to_string()}</h1>
                <p class="lead">{move || next.get()}</p>
                <p class="button-row">
                    <a class="button button-primary" href="/profile">{t!(i18n, profile.title)}</a>
                    <a class="button button-secondary" href="/account">{t!(i18n, nav.my_account)}</a>
                </p>
            </div>
        </section>
    }
}
