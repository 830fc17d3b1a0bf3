//! `/coordinator/pairs?cohort=…&q=…&status=…&page=…`: every pair of a cohort.
//! The search lives in the address (a GET form), so links and the back button work.
use crate::components::access::reload_or_deny;
use leptos::prelude::*;

use crate::components::labels::label;
use leptos_router::hooks::use_query_map;

use super::pairs_table::{list_cohort_pairs, PairSummary, PairsTable};
use crate::components::access::{encode_query_value, CoordinationPage};
use crate::components::page::PageTitle;
use crate::feedback::FitAnswer;
use crate::i18n::{t, t_string, use_i18n};
use crate::pairs::ui::{pair_status_name, PairStatusBadge};
use crate::pairs::{PairStatus, Side};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct TableQuery {
    cohort: String,
    q: String,
    status: String,
    page: i64,
}

impl TableQuery {
    fn href(&self, page: i64) -> String {
        format!(
            "/coordinator/pairs?cohort={}&q={}&status={}&page={page}",
            encode_query_value(&self.cohort),
            encode_query_value(&self.q),
            encode_query_value(&self.status)
        )
    }
}

#[component]
pub fn PairsTablePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let table_query = Memo::new(move |_| {
        let query = query.read();
        let text = |name: &str| query.get(name).unwrap_or_default();
        TableQuery {
            cohort: text("cohort"),
            q: text("q"),
            status: text("status"),
            page: text("page").parse().unwrap_or(1),
        }
    });
    let table = Resource::new(
        move || table_query.get(),
        |query| {
            list_cohort_pairs(
                Some(query.cohort),
                Some(query.q),
                Some(query.status),
                Some(query.page),
            )
        },
    );
    let title = label!(i18n, pairs_table.title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(table, move |table| {
                        let query = table_query.get_untracked();
                        view! {
                            <CoordinationPage title>
                                <PairsTableView table query />
                            </CoordinationPage>
                        }
                            .into_any()
                    })}
    }
}

fn fit_short(answer: Option<FitAnswer>) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match answer {
        Some(FitAnswer::GoodFit) => t_string!(i18n, workspace.fit_good),
        Some(FitAnswer::NotSure) => t_string!(i18n, workspace.fit_not_sure),
        Some(FitAnswer::NotAFit) => t_string!(i18n, workspace.fit_not_a_fit),
        None => "—",
    }
}

#[component]
fn PairsTableView(table: PairsTable, query: TableQuery) -> impl IntoView {
    let i18n = use_i18n();
    let Some(cohort) = table.cohort.clone() else {
        return view! { <p class="empty-state">{t!(i18n, follow_up.no_cohort)}</p> }.into_any();
    };
    let query = TableQuery {
        cohort: cohort.code.clone(),
        ..query
    };
    let total = table.total;
    let statuses = [
        PairStatus::Proposed,
        PairStatus::Active,
        PairStatus::Completed,
        PairStatus::Ended,
        PairStatus::Declined,
        PairStatus::Withdrawn,
    ];
    let (page, pages) = (table.page, table.pages);
    view! {
        <p class="breadcrumb">
            <a href=format!("/coordinator?cohort={}", cohort.code)>{t!(i18n, follow_up.title)}</a>
        </p>
        <form method="get" action="/coordinator/pairs" class="filters">
            <div class="field">
                <label for="pairs-cohort">{t!(i18n, follow_up.cohort)}</label>
                <crate::catalog::cohort_select::CohortSelect id="pairs-cohort" cohorts=table.cohorts.clone() chosen=cohort.code.clone() />
            </div>
            <div class="field">
                <label for="pairs-q">{t!(i18n, pairs_table.search)}</label>
                <input id="pairs-q" type="search" name="q" value=query.q.clone() />
            </div>
            <div class="field">
                <label for="pairs-status">{t!(i18n, pairs_table.status)}</label>
                <select id="pairs-status" name="status">
                    <option value="" selected=query.status.is_empty()>{t!(i18n, pairs_table.any_status)}</option>
                    {statuses.into_iter().map(|status| view! {
                        <option value=status.as_str() selected={query.status == status.as_str()}>{pair_status_name(status)}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button-secondary">{t!(i18n, follow_up.show)}</button>
        </form>
        <p class="muted" role="status">{move || t_string!(i18n, pairs_table.count, count = total).to_string()}</p>
        {if table.rows.is_empty() {
            view! { <p class="empty-state">{t!(i18n, pairs_table.empty)}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="data-table pairs-table">
                        <caption class="visually-hidden">{t!(i18n, pairs_table.title)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, pairs_table.pair)}</th>
                                <th scope="col">{t!(i18n, pairs_table.status)}</th>
                                <th scope="col" class="figure">{t!(i18n, pairs_table.age)}</th>
                                <th scope="col">{t!(i18n, pairs_table.waiting_on)}</th>
                                <th scope="col">{t!(i18n, pairs_table.last_activity)}</th>
                                <th scope="col" class="figure">{t!(i18n, pairs_table.meetings_held)}</th>
                                <th scope="col" class="figure">{t!(i18n, pairs_table.progress)}</th>
                                <th scope="col">{t!(i18n, pairs_table.fit)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {table.rows.into_iter().map(|row| view! { <PairLine row /> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label={move || t_string!(i18n, pairs_table.pages)}>
                {(page > 1).then(|| view! { <a href=query.href(page - 1) rel="prev">{t!(i18n, pairs_table.previous)}</a> })}
                <span>{move || t_string!(i18n, pairs_table.page_of, page = page, pages = pages).to_string()}</span>
                {(page < pages).then(|| view! { <a href=query.href(page + 1) rel="next">{t!(i18n, pairs_table.next)}</a> })}
            </nav>
        })}
    }
    .into_any()
}

#[component]
fn PairLine(row: PairSummary) -> impl IntoView {
    let i18n = use_i18n();
    let id = row.id;
    let waiting = row
        .waiting_on
        .iter()
        .map(|side| match side {
            Side::Mentor => row.mentor_name.clone(),
            Side::Mentee => row.mentee_name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let (mentee, mentor) = (row.mentee_name.clone(), row.mentor_name.clone());
    let (fit_mentor, fit_mentee) = (fit_short(row.fit_mentor), fit_short(row.fit_mentee));
    view! {
        <tr>
            <th scope="row">
                <a href=format!("/coordinator/pairs/{id}")>
                    {move || t_string!(i18n, pairs_table.pair_name, mentee = mentee.clone(), mentor = mentor.clone()).to_string()}
                </a>
                <br />
                <span class="small">
                    <a href=format!("/coordinator/participants/{}", row.mentee_profile_id)>{row.mentee_name.clone()}</a>
                    " · "
                    <a href=format!("/coordinator/participants/{}", row.mentor_profile_id)>{row.mentor_name.clone()}</a>
                </span>
            </th>
            <td><PairStatusBadge status=row.status /></td>
            <td class="figure">{move || t_string!(i18n, follow_up.days_count, count = row.age_days).to_string()}</td>
            <td>{if waiting.is_empty() { "—".to_owned() } else { waiting }}</td>
            <td><crate::components::when::When at=row.last_activity.clone() capitalized=true /></td>
            <td class="figure">{row.meetings_held}</td>
            <td class="figure">{row.progress.map_or_else(|| "—".to_owned(), |percent| format!("{percent} %"))}</td>
            <td>
                <span class="small">{move || t_string!(i18n, pairs_table.fit_mentor, answer = fit_mentor()).to_string()}</span>
                <br />
                <span class="small">{move || t_string!(i18n, pairs_table.fit_mentee, answer = fit_mentee()).to_string()}</span>
            </td>
        </tr>
    }
}
