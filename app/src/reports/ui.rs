//! The coordination home: a cohort's dashboard (chosen in the address), what
//! needs attention, the figures with their charts, and the coordination's tools.
use crate::components::access::reload_or_deny;
use leptos::prelude::*;

use crate::components::labels::label;
use leptos_router::hooks::use_query_map;

use super::api::{get_program_dashboard, SaveFollowUpSettings};
use super::attention::{Thresholds, THRESHOLD_BOUNDS};
use super::attention_ui::AttentionSection;
use super::figures_ui::FiguresSection;
use super::ProgramDashboard;
use crate::components::forms::{
    action_error, count_successes, FieldMessage, FormError, SubmitButton,
};
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};

/// `/coordinator?cohort=CODE`: the dashboard, then the coordination's tools.
#[component]
pub fn ProgramDashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let cohort = Memo::new(move |_| query.read().get("cohort").unwrap_or_default());
    let changes = RwSignal::new(0_u64);
    let dashboard = Resource::new(
        move || (cohort.get(), changes.get()),
        |(cohort, _)| get_program_dashboard(Some(cohort)),
    );
    let title = label!(i18n, follow_up.title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(dashboard, move |dashboard| view! { <DashboardView dashboard changes /> }.into_any())}
    }
}

#[component]
fn DashboardView(dashboard: ProgramDashboard, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let greeting = {
        let name = dashboard.coordinator_name.clone();
        move || t_string!(i18n, areas.welcome, name = name.clone()).to_string()
    };
    let Some(cohort) = dashboard.cohort.clone() else {
        return view! {
            <section class="section">
                <div class="container">
                    <p class="eyebrow">{t!(i18n, coordinator.title)}</p>
                    <h1>{greeting}</h1>
                    <UndeliveredEmails count=dashboard.undelivered_emails />
                    <p class="empty-state">{t!(i18n, follow_up.no_cohort)}</p>
                    <p><a href="/coordinator/cohorts">{t!(i18n, cohorts.title)}</a></p>
                </div>
            </section>
            <crate::home::areas_ui::CoordinatorTools />
        }
        .into_any();
    };
    let code = cohort.code.clone();
    let name = cohort.name.clone();
    let cohort_name = move || name.get(i18n.get_locale()).unwrap_or_default().to_owned();
    view! {
        <section class="section dashboard">
            <div class="container">
                <p class="eyebrow">{t!(i18n, coordinator.title)}</p>
                <h1>{greeting}</h1>
                <UndeliveredEmails count=dashboard.undelivered_emails />
                <p class="lead">
                    <strong>{move || t_string!(i18n, follow_up.title_of, cohort = cohort_name()).to_string()}</strong>
                    " "
                    {t!(i18n, follow_up.lead)}
                </p>
                <CohortChooser cohorts=dashboard.cohorts.clone() chosen=code.clone() />
                <p class="button-row no-print">
                    <a class="button button-secondary" href=format!("/coordinator/pairs?cohort={code}")>
                        {t!(i18n, follow_up.all_pairs)}
                    </a>
                </p>
                <AttentionSection
                    cohort=code.clone()
                    rows=dashboard.attention.clone()
                    set_aside=dashboard.set_aside.clone()
                    thresholds=dashboard.thresholds
                    changes
                />
                <FiguresSection figures=dashboard.figures.clone() />
                <super::exports::ui::CohortExports code=code.clone() />
                <ThresholdsForm cohort=code.clone() thresholds=dashboard.thresholds changes />
            </div>
        </section>
        <crate::home::areas_ui::CoordinatorTools />
    }
    .into_any()
}

/// Emails the outbox gave up on, first thing on the coordinator's page
/// (nothing when there are none).
#[component]
fn UndeliveredEmails(count: i64) -> impl IntoView {
    let i18n = use_i18n();
    (count > 0).then(|| {
        view! {
            <p class="notice notice-error">
                {move || t_string!(i18n, coordinator.undelivered_alert, count = count).to_string()}
                " "
                <a href="/coordinator/outbox">{t!(i18n, coordinator.undelivered_open)}</a>
            </p>
        }
    })
}

/// The cohort, chosen by a GET form (the address keeps it).
#[component]
fn CohortChooser(cohorts: Vec<crate::catalog::Cohort>, chosen: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" action="/coordinator" class="filters no-print">
            <div class="field">
                <label for="dashboard-cohort">{t!(i18n, follow_up.cohort)}</label>
                <crate::catalog::cohort_select::CohortSelect id="dashboard-cohort" cohorts=cohorts chosen=chosen />
            </div>
            <button type="submit" class="button button-secondary">{t!(i18n, follow_up.show)}</button>
        </form>
    }
}

/// An application status's name (the review queue's words).
pub(crate) fn application_status_name(status: &str) -> String {
    use crate::applications::{ui::status_name, ApplicationStatus};
    match ApplicationStatus::parse(status) {
        Some(known) => status_name(known)().to_owned(),
        None => status.to_owned(),
    }
}

/// The cohort's thresholds, folded away.
#[component]
fn ThresholdsForm(cohort: String, thresholds: Thresholds, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveFollowUpSettings>::new();
    count_successes(save, changes);
    let error = action_error(save);
    let values = [
        thresholds.proposal_unanswered_days,
        thresholds.no_meeting_weeks,
        thresholds.meeting_unlogged_days,
        thresholds.feedback_unacknowledged_days,
        thresholds.mentee_waiting_days,
        thresholds.nudge_interval_days,
    ];
    let label = move |field: &str| -> String {
        match field {
            "proposal_unanswered_days" => t_string!(i18n, follow_up.threshold_proposal),
            "no_meeting_weeks" => t_string!(i18n, follow_up.threshold_no_meeting),
            "meeting_unlogged_days" => t_string!(i18n, follow_up.threshold_unlogged),
            "feedback_unacknowledged_days" => t_string!(i18n, follow_up.threshold_feedback),
            "mentee_waiting_days" => t_string!(i18n, follow_up.threshold_waiting),
            _ => t_string!(i18n, follow_up.threshold_nudge),
        }
        .to_owned()
    };
    view! {
        <details class="panel thresholds no-print">
            <summary>{t!(i18n, follow_up.thresholds_title)}</summary>
            <p class="field-hint">{t!(i18n, follow_up.thresholds_hint)}</p>
            <ActionForm action=save>
                <input type="hidden" name="cohort" value=cohort />
                <div class="threshold-fields">
                    {THRESHOLD_BOUNDS
                        .into_iter()
                        .zip(values)
                        .map(|((field, low, high), value)| {
                            let id = format!("threshold-{field}");
                            let error_id = format!("{field}-error");
                            view! {
                                <div class="field">
                                    <label for=id.clone()>{move || label(field)}</label>
                                    <input id=id type="number" name=field min=low max=high value=value required
                                        aria-describedby=error_id.clone() />
                                    <FieldMessage field=field error id=error_id />
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
                <SubmitButton class="button button-secondary"
                    label=label!(i18n, follow_up.thresholds_save)
                    pending=save.pending() />
                <FormError error />
            </ActionForm>
        </details>
    }
}
