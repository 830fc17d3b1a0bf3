//! The coordinator's cohorts: list and create, then one cohort's page to edit
//! it and place mentors and mentees in it.
use crate::components::access::reload_or_deny;
use leptos::prelude::*;

use crate::components::table::DataTable;

use crate::components::labels::label;
use leptos_router::hooks::use_params_map;

use super::admin_api::{get_cohort_members, list_cohort_summaries, PlaceInCohort, SaveCohort};
use super::{Cohort, CohortCandidate, CohortMembers, CohortSummary};
use crate::components::access::CoordinationPage;
use crate::components::forms::{
    action_error, action_succeeded, count_successes, FormError, SubmitButton, TextField,
};
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::program_time::long_date;

#[component]
pub fn CohortsPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveCohort>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(save, changes);
    let cohorts = Resource::new(move || changes.get(), |_| list_cohort_summaries());
    let title = label!(i18n, cohorts.title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(cohorts, move |cohorts| {
                        view! {
                            <CoordinationPage title>
                                <CohortList cohorts />
                                <section class="panel" aria-labelledby="new-cohort-title">
                                    <h2 id="new-cohort-title">{t!(i18n, cohorts.new_title)}</h2>
                                    <CohortForm cohort=None save />
                                </section>
                            </CoordinationPage>
                        }
                            .into_any()
                    })}
    }
}

#[component]
fn CohortList(cohorts: Vec<CohortSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if cohorts.is_empty() {
        return view! { <p class="empty-state">{t!(i18n, cohorts.empty)}</p> }.into_any();
    }
    view! {
        <DataTable columns=vec![label!(i18n, cohorts.name), label!(i18n, cohorts.dates), label!(i18n, cohorts.state), label!(i18n, cohorts.mentors), label!(i18n, cohorts.mentees)]>
            {cohorts
                .into_iter()
                .map(|summary| {
                    let cohort = summary.cohort;
                    let href = format!("/coordinator/cohorts/{}", cohort.code);
                    let name = cohort.name.clone();
                    let (starts, ends, is_open) = (cohort.starts_on, cohort.ends_on, cohort.is_open);
                    let concluded_on = cohort.concluded_on;
                    view! {
                        <tr>
                            <td>
                                <a href=href>{move || name.get(i18n.get_locale()).unwrap_or_default().to_owned()}</a>
                                {summary.is_current.then(|| view! { " " <span class="badge badge-ok">{t!(i18n, cohorts.current)}</span> })}
                            </td>
                            <td>
                                {move || {
                                    t_string!(
                                        i18n,
                                        cohorts.date_range,
                                        start = long_date(i18n.get_locale(), starts),
                                        end = long_date(i18n.get_locale(), ends)
                                    )
                                        .to_string()
                                }}
                            </td>
                            <td>
                                {move || match concluded_on {
                                    Some(day) => t_string!(i18n, cohorts.concluded_on, date = long_date(i18n.get_locale(), day)).to_string(),
                                    None if is_open => t_string!(i18n, cohorts.open).to_owned(),
                                    None => t_string!(i18n, cohorts.closed).to_owned(),
                                }}
                            </td>
                            <td>{summary.mentors}</td>
                            <td>{summary.mentees}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </DataTable>
    }
    .into_any()
}

/// Create a cohort (`cohort` is `None`) or change one.
#[component]
fn CohortForm(cohort: Option<Cohort>, save: ServerAction<SaveCohort>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(save);
    let saved = action_succeeded(save);
    let is_new = cohort.is_none();
    let code = cohort
        .as_ref()
        .map(|cohort| cohort.code.clone())
        .unwrap_or_default();
    let text = |value: Option<String>| value.unwrap_or_default();
    let (name_fr, name_en, starts, ends, is_open) = match &cohort {
        Some(cohort) => (
            text(cohort.name.fr.clone()),
            text(cohort.name.en.clone()),
            cohort.starts_on.to_string(),
            cohort.ends_on.to_string(),
            cohort.is_open,
        ),
        None => Default::default(),
    };
    view! {
        <ActionForm action=save attr:class="form form-grid" attr:novalidate=true>
            <input type="hidden" name="code" value=code />
            <TextField
                name="name_fr"
                label=label!(i18n, cohorts.name_fr)
                value=name_fr
                error
            />
            <TextField
                name="name_en"
                label=label!(i18n, cohorts.name_en)
                value=name_en
                error
            />
            <TextField
                name="starts_on"
                input_type="date"
                label=label!(i18n, cohorts.starts_on)
                value=starts
                error
            />
            <TextField
                name="ends_on"
                input_type="date"
                label=label!(i18n, cohorts.ends_on)
                value=ends
                error
            />
            <div class="form-grid-full">
                <OpenCheckbox is_open=is_open || is_new />
                <FormError error />
                {move || {
                    saved
                        .get()
                        .then(|| view! { <p class="notice notice-success" role="status">{t!(i18n, cohorts.saved)}</p> })
                }}
                <SubmitButton
                    label=Signal::derive(move || {
                        if is_new {
                            t_string!(i18n, cohorts.create).to_owned()
                        } else {
                            t_string!(i18n, cohorts.save).to_owned()
                        }
                    })
                    pending=save.pending()
                />
            </div>
        </ActionForm>
    }
}

#[component]
fn OpenCheckbox(is_open: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field field-checkbox">
            <input id="field-is_open" name="is_open" type="checkbox" checked=is_open />
            <label for="field-is_open">{t!(i18n, cohorts.is_open)}</label>
        </div>
    }
}

#[component]
pub fn CohortPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let save = ServerAction::<SaveCohort>::new();
    let place = ServerAction::<PlaceInCohort>::new();
    let remove = ServerAction::<PlaceInCohort>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(save, changes);
    count_successes(place, changes);
    count_successes(remove, changes);
    let members = Resource::new(
        move || (code(), changes.get()),
        |(code, _)| get_cohort_members(code),
    );
    view! {
        {reload_or_deny(members, move |members| {
                        let name = members.cohort.name.clone();
                        let title = Signal::derive(move || name.get(i18n.get_locale()).unwrap_or_default().to_owned());
                        view! {
                            <PageTitle text=title />
                            <CoordinationPage title>
                                <p><a href="/coordinator/cohorts">{t!(i18n, cohorts.back)}</a></p>
                                <section class="panel" aria-labelledby="edit-cohort-title">
                                    <h2 id="edit-cohort-title">{t!(i18n, cohorts.edit_title)}</h2>
                                    <CohortForm cohort=Some(members.cohort.clone()) save />
                                </section>
                                <Placement members=members.clone() place remove />
                                <CarryOverLink cohort=members.cohort.clone() />
                                <Conclusion cohort=members.cohort.clone() />
                            </CoordinationPage>
                        }
                            .into_any()
                    })}
    }
}

/// The way to carry another cohort's mentors over to this one.
#[component]
fn CarryOverLink(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/coordinator/cohorts/{}/carry-over", cohort.code);
    view! {
        <section class="panel" aria-labelledby="carry-over-title">
            <h2 id="carry-over-title">{t!(i18n, cohorts.carry_over_title)}</h2>
            <p>{t!(i18n, cohorts.carry_over_lead)}</p>
            <p><a class="button button-secondary" href=href>{t!(i18n, cohorts.carry_over)}</a></p>
        </section>
    }
}

/// Where the cohort stands at its end: concluded on a day, or the way to
/// conclude it.
#[component]
fn Conclusion(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/coordinator/cohorts/{}/conclude", cohort.code);
    view! {
        <section class="panel" aria-labelledby="conclusion-title">
            <h2 id="conclusion-title">{t!(i18n, cohorts.conclusion_title)}</h2>
            {match cohort.concluded_on {
                Some(day) => view! {
                    <p>
                        {move || t_string!(i18n, cohorts.concluded_on, date = long_date(i18n.get_locale(), day)).to_string()}
                        " "
                        <a href=href>{t!(i18n, cohorts.conclusion_details)}</a>
                    </p>
                }.into_any(),
                None => view! {
                    <p>{t!(i18n, cohorts.conclusion_lead)}</p>
                    <p><a class="button button-secondary" href=href>{t!(i18n, cohorts.conclude)}</a></p>
                }.into_any(),
            }}
        </section>
    }
}

/// Two lists: people in the cohort (to take out) and the others (to place in).
#[component]
fn Placement(
    members: CohortMembers,
    place: ServerAction<PlaceInCohort>,
    remove: ServerAction<PlaceInCohort>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = members.cohort.code.clone();
    let (inside, outside): (Vec<CohortCandidate>, Vec<CohortCandidate>) = members
        .people
        .into_iter()
        .partition(|person| person.in_cohort);
    let inside_count = inside.len();
    view! {
        <section class="panel" aria-labelledby="members-title">
            <h2 id="members-title">
                {move || t_string!(i18n, cohorts.members_title, count = inside_count).to_string()}
            </h2>
            <PeopleChecklist people=inside code=code.clone() place=false action=remove />
        </section>
        <section class="panel" aria-labelledby="others-title">
            <h2 id="others-title">{t!(i18n, cohorts.others_title)}</h2>
            <p class="muted">{t!(i18n, cohorts.others_lead)}</p>
            <PeopleChecklist people=outside code place=true action=place />
        </section>
    }
}

#[component]
fn PeopleChecklist(
    people: Vec<CohortCandidate>,
    code: String,
    place: bool,
    action: ServerAction<PlaceInCohort>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(action);
    let prefix = if place { "place" } else { "remove" };
    if people.is_empty() {
        return view! { <p class="empty-state">{t!(i18n, cohorts.nobody)}</p> }.into_any();
    }
    let error_id = format!("{prefix}-profiles-error");
    let described_by = error_id.clone();
    let (mentors, mentees): (Vec<_>, Vec<_>) =
        people.into_iter().partition(|person| person.is_mentor);
    view! {
        <ActionForm action attr:class="form">
            <input type="hidden" name="code" value=code />
            <input type="hidden" name="place" value=if place { "true" } else { "false" } />
            <fieldset class="choice-list" aria-describedby=described_by>
                <legend class="visually-hidden">{t!(i18n, cohorts.people_legend)}</legend>
                <PeopleGroup people=mentors prefix place is_mentor=true />
                <PeopleGroup people=mentees prefix place is_mentor=false />
                <p class="field-error" id=error_id aria-live="polite">
                    {move || {
                        error
                            .get()
                            .and_then(|error| error.problem_with("profiles"))
                            .map(|problem| crate::components::forms::problem_text(problem)())
                    }}
                </p>
            </fieldset>
            <FormError error />
            <SubmitButton
                label=Signal::derive(move || {
                    if place {
                        t_string!(i18n, cohorts.place).to_owned()
                    } else {
                        t_string!(i18n, cohorts.remove).to_owned()
                    }
                })
                pending=action.pending()
                class=if place { "button button-primary" } else { "button button-secondary" }
            />
        </ActionForm>
    }
    .into_any()
}

/// The mentors or the mentees of a placement list, under their heading.
#[component]
fn PeopleGroup(
    people: Vec<CohortCandidate>,
    prefix: &'static str,
    place: bool,
    is_mentor: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    if people.is_empty() {
        return ().into_any();
    }
    let count = people.len();
    view! {
        <h3 class="group-title">
            {move || {
                if is_mentor {
                    t_string!(i18n, cohorts.mentors_count, count = count).to_string()
                } else {
                    t_string!(i18n, cohorts.mentees_count, count = count).to_string()
                }
            }}
        </h3>
        <div class="choice-options choice-people">
            {people
                .into_iter()
                .map(|person| {
                    let id = format!("{prefix}-{}", person.profile_id);
                    let elsewhere = person.cohort_code.clone();
                    view! {
                        <span class="choice">
                            <input type="checkbox" id=id.clone() name="profiles[]" value=person.profile_id.to_string() />
                            <label for=id>
                                {person.display_name}
                                {person.is_pending.then(|| view! { " · " <em>{t!(i18n, cohorts.pending)}</em> })}
                                {elsewhere
                                    .filter(|_| place)
                                    .map(|other| view! { " · " <span class="muted">{move || t_string!(i18n, cohorts.now_in, code = other.clone()).to_string()}</span> })}
                            </label>
                        </span>
                    }
                })
                .collect_view()}
        </div>
    }
    .into_any()
}
