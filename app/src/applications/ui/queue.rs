//! The coordinator's review queue: every application, filtered by status and
//! eligibility (a plain GET form: the filters live in the address).
use leptos::prelude::*;

use crate::components::table::DataTable;

use crate::components::labels::label;
use leptos_router::hooks::use_query_map;

use super::{reason_for_coordinator, status_name, StatusBadge};
use crate::applications::api::list_applications;
use crate::applications::{ApplicationQueue, ApplicationStatus};
use crate::components::access::{AccessDenied, CoordinationPage};
use crate::components::forms::Loading;
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn ApplicationQueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filters = move || {
        let query = query.read();
        (
            query.get("status").unwrap_or_default(),
            query.get("eligibility").unwrap_or_default(),
        )
    };
    let queue = Resource::new(filters, |(status, eligibility)| {
        list_applications(Some(status), Some(eligibility))
    });
    let title = label!(i18n, applications.title);
    view! {
        <PageTitle text=title />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let (status, eligibility) = filters();
                match queue.await {
                    Ok(queue) => {
                        view! {
                            <CoordinationPage title>
                                <QueueFilters status eligibility />
                                <QueueTable queue />
                            </CoordinationPage>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <AccessDenied error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn QueueFilters(status: String, eligibility: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" action="/coordinator/applications" class="filters" role="search">
            <div class="field">
                <label for="filter-status">{t!(i18n, applications.filter_status)}</label>
                <select id="filter-status" name="status">
                    <option value="">{t!(i18n, applications.filter_all)}</option>
                    {ApplicationStatus::ALL
                        .into_iter()
                        .map(|option| {
                            let selected = option.as_str() == status;
                            view! {
                                <option value=option.as_str() selected=selected>{status_name(option)}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-eligibility">{t!(i18n, applications.filter_eligibility)}</label>
                <select id="filter-eligibility" name="eligibility">
                    <option value="">{t!(i18n, applications.filter_all)}</option>
                    <option value="eligible" selected=eligibility == "eligible">
                        {t!(i18n, applications.eligible)}
                    </option>
                    <option value="ineligible" selected=eligibility == "ineligible">
                        {t!(i18n, applications.ineligible)}
                    </option>
                </select>
            </div>
            <button type="submit" class="button button-secondary">{t!(i18n, applications.filter_apply)}</button>
        </form>
    }
}

#[component]
fn QueueTable(queue: ApplicationQueue) -> impl IntoView {
    let i18n = use_i18n();
    let waiting = queue.counts.get("submitted").copied().unwrap_or(0);
    if queue.applications.is_empty() {
        return view! { <p class="empty-state">{t!(i18n, applications.empty)}</p> }.into_any();
    }
    view! {
        <p class="muted" role="status">
            {move || crate::plural!(i18n, applications.waiting_count_singular, applications.waiting_count_plural, waiting)}
        </p>
        <DataTable columns=vec![label!(i18n, applications.column_name), label!(i18n, applications.column_job), label!(i18n, applications.column_sent), label!(i18n, applications.column_status), label!(i18n, applications.column_eligibility)]>
            {queue
                .applications
                .into_iter()
                .map(|application| {
                    let href = format!("/coordinator/applications/{}", application.id);
                    let eligible = application.reasons.is_empty();
                    view! {
                        <tr>
                            <td>
                                <a href=href>{application.display_name}</a>
                                <br />
                                <span class="muted">{application.email}</span>
                            </td>
                            <td>{application.job_title.unwrap_or_default()}</td>
                            <td><crate::components::when::When at=application.submitted_at capitalized=true /></td>
                            <td><StatusBadge status=application.status /></td>
                            <td>
                                {if eligible {
                                    view! { <span class="badge badge-ok">{t!(i18n, applications.eligible)}</span> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list reasons">
                                            {application
                                                .reasons
                                                .into_iter()
                                                .map(|reason| view! { <li>{reason_for_coordinator(reason)}</li> })
                                                .collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </DataTable>
    }
    .into_any()
}
