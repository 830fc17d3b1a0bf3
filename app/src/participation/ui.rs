//! Cohort membership's pages: the coordinator's carry-over
//! (`/coordinator/cohorts/:code/carry-over`), a mentor's answer
//! (`/mentor/cohorts/:code`, the emailed link), and the reminder on a
//! mentor's page while an invitation waits.
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{
    get_carry_over, get_cohort_invitation, get_waiting_invitations, AnswerCohortInvitation,
    CarryMentorsOver,
};
use super::{CarriedMentor, CarryCandidate, CarryOver, CohortInvitation, MembershipStatus};
use crate::catalog::Cohort;
use crate::components::access::{reload_or_deny, CoordinationPage, Gate};
use crate::components::forms::{
    action_error, action_succeeded, count_successes, echoed_value, restore_outcome, FieldMessage,
    FormError, SubmitButton,
};
use crate::components::labels::label;
use crate::components::page::PageTitle;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n, Locale};
use crate::program_time::long_date;
use leptos_i18n::I18nContext;

fn status_label(i18n: I18nContext<Locale>, status: MembershipStatus) -> &'static str {
    match status {
        MembershipStatus::Invited => t_string!(i18n, participation.status_invited),
        MembershipStatus::Confirmed => t_string!(i18n, participation.status_confirmed),
        MembershipStatus::Declined => t_string!(i18n, participation.status_declined),
    }
}

fn cohort_name(i18n: I18nContext<Locale>, cohort: &Cohort) -> String {
    cohort
        .name
        .get(i18n.get_locale())
        .unwrap_or_default()
        .to_owned()
}

/// The coordinator's page: carry a cohort's mentors over to this one.
#[component]
pub fn CarryOverPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let from = move || query.read().get("from");
    let carry = ServerAction::<CarryMentorsOver>::new();
    // The page that follows a plain post says how many were asked.
    restore_outcome(carry);
    let changes = RwSignal::new(0_u64);
    count_successes(carry, changes);
    let page = Resource::new(
        move || (code(), from(), changes.get()),
        |(code, from, _)| get_carry_over(code, from),
    );
    view! {
        {reload_or_deny(page, move |page| {
            let name = page.cohort.name.clone();
            let title = Signal::derive(move || {
                let name = name.get(i18n.get_locale()).unwrap_or_default().to_owned();
                t_string!(i18n, participation.carry_title, name = name).to_string()
            });
            let back = format!("/coordinator/cohorts/{}", page.cohort.code);
            view! {
                <PageTitle text=title />
                <CoordinationPage title>
                    <p><a href=back>{t!(i18n, participation.back)}</a></p>
                    <p class="lead">{t!(i18n, participation.carry_lead)}</p>
                    <CarryOverForm page=page.clone() carry />
                    <AskedMentors asked=page.asked.clone() />
                </CoordinationPage>
            }
            .into_any()
        })}
    }
}

#[component]
fn CarryOverForm(page: CarryOver, carry: ServerAction<CarryMentorsOver>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(carry);
    let done = action_succeeded(carry);
    let asked = move || carry.value().get().and_then(Result::ok);
    if page.cohort.concluded_on.is_some() {
        return view! { <p class="notice">{t!(i18n, participation.concluded)}</p> }.into_any();
    }
    if page.sources.is_empty() {
        return view! { <p class="empty-state">{t!(i18n, participation.no_sources)}</p> }
            .into_any();
    }
    let action_path = format!("/coordinator/cohorts/{}/carry-over", page.cohort.code);
    let chosen = page.from.clone().unwrap_or_default();
    let sources = page.sources.clone();
    let (may, already): (Vec<CarryCandidate>, Vec<CarryCandidate>) = page
        .candidates
        .into_iter()
        .partition(CarryCandidate::may_carry);
    let count = may.len();
    let confirm = t_string!(i18n, participation.carry_confirm, count = count).to_string();
    view! {
        <form method="get" action=action_path class="filters">
            <div class="field">
                <label for="carry-from">{t!(i18n, participation.from)}</label>
                <select id="carry-from" name="from">
                    {sources.into_iter().map(|source| {
                        let selected = source.code == chosen;
                        let name = source.name.clone();
                        view! {
                            <option value=source.code.clone() selected=selected>
                                {move || name.get(i18n.get_locale()).unwrap_or_default().to_owned()}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button-secondary">{t!(i18n, participation.show)}</button>
        </form>
        <p role="status">
            {move || (done.get()).then(|| asked().map(|count| view! {
                <span class="notice notice-success">{t_string!(i18n, participation.carried, count = count).to_string()}</span>
            }))}
        </p>
        {if may.is_empty() {
            view! { <p class="empty-state">{t!(i18n, participation.nobody_to_carry)}</p> }.into_any()
        } else {
            view! {
                <ActionForm action=carry attr:class="form">
                    <input type="hidden" name="code" value=page.cohort.code.clone() />
                    <input type="hidden" name="from" value=chosen.clone() />
                    <fieldset class="choice-list" aria-describedby="profiles-error">
                        <legend>{move || t_string!(i18n, participation.candidates, count = count).to_string()}</legend>
                        <div class="choice-options choice-people">
                            {may.into_iter().map(|mentor| view! { <CandidateChoice mentor /> }).collect_view()}
                        </div>
                        <FieldMessage field="profiles" error />
                    </fieldset>
                    <FormError error />
                    <SubmitButton label=label!(i18n, participation.carry) pending=carry.pending() confirm=Some(confirm) />
                </ActionForm>
            }.into_any()
        }}
        {(!already.is_empty()).then(|| view! {
            <p class="muted">
                {move || t_string!(i18n, participation.already_here, count = already.len()).to_string()}
            </p>
        })}
    }
    .into_any()
}

#[component]
fn CandidateChoice(mentor: CarryCandidate) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("carry-{}", mentor.profile_id);
    let (capacity, open) = (mentor.capacity, mentor.open_pairs);
    view! {
        <span class="choice">
            <input type="checkbox" id=id.clone() name="profiles[]" value=mentor.profile_id.to_string() checked=true />
            <label for=id>
                {mentor.name}
                " · "
                <span class="muted">{move || t_string!(i18n, participation.capacity_of, capacity = capacity, open = open).to_string()}</span>
            </label>
        </span>
    }
}

/// The mentors asked to confirm for this cohort, and their answers.
#[component]
fn AskedMentors(asked: Vec<CarriedMentor>) -> impl IntoView {
    let i18n = use_i18n();
    let waiting = asked
        .iter()
        .filter(|mentor| mentor.status == MembershipStatus::Invited)
        .count();
    view! {
        <section class="panel" aria-labelledby="asked-title">
            <h2 id="asked-title">{t!(i18n, participation.asked_title)}</h2>
            {if asked.is_empty() {
                view! { <p class="empty-state">{t!(i18n, participation.nobody_asked)}</p> }.into_any()
            } else {
                view! {
                    <p class="muted">{move || t_string!(i18n, participation.waiting_count, count = waiting).to_string()}</p>
                    <div class="table-scroll">
                        <table class="data-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, participation.mentor)}</th>
                                    <th scope="col">{t!(i18n, participation.answer)}</th>
                                    <th scope="col">{t!(i18n, participation.capacity)}</th>
                                    <th scope="col">{t!(i18n, participation.asked_on)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {asked.into_iter().map(|mentor| {
                                    let status = mentor.status;
                                    let asked_on = mentor.invited_at.clone();
                                    view! {
                                        <tr>
                                            <td>{mentor.name}</td>
                                            <td><span class="badge">{move || status_label(i18n, status)}</span></td>
                                            <td>{mentor.capacity.map(|capacity| capacity.to_string())}</td>
                                            <td>{move || crate::components::when::when_text(i18n.get_locale(), &asked_on)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// A mentor's page for a cohort they were asked to take part in: confirm
/// capacity and availability, or decline; the answer may change until the
/// cohort is concluded.
#[component]
pub fn CohortInvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let answer = ServerAction::<AnswerCohortInvitation>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(answer, changes);
    let invitation = Resource::new(
        move || (code(), changes.get()),
        |(code, _)| get_cohort_invitation(code),
    );
    view! {
        {reload_or_deny(invitation, move |invitation| {
            let name = invitation.cohort.name.clone();
            let title = Signal::derive(move || {
                let name = name.get(i18n.get_locale()).unwrap_or_default().to_owned();
                t_string!(i18n, participation.invitation_title, name = name).to_string()
            });
            view! {
                <PageTitle text=title />
                <section class="section">
                    <div class="container narrow">
                        <p><a href="/mentor">{t!(i18n, participation.back_to_area)}</a></p>
                        <h1>{move || title.get()}</h1>
                        <InvitationAnswerForm invitation answer />
                    </div>
                </section>
            }
            .into_any()
        })}
    }
}

#[component]
fn InvitationAnswerForm(
    invitation: CohortInvitation,
    answer: ServerAction<AnswerCohortInvitation>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(answer);
    let saved = action_succeeded(answer);
    let cohort = invitation.cohort.clone();
    let (starts, ends) = (cohort.starts_on, cohort.ends_on);
    let status = invitation.status;
    let open = invitation.open_pairs;
    let dates = move || {
        let locale = i18n.get_locale();
        t_string!(
            i18n,
            participation.dates,
            start = long_date(locale, starts),
            end = long_date(locale, ends)
        )
        .to_string()
    };
    if cohort.concluded_on.is_some() {
        return view! {
            <p>{dates}</p>
            <p class="notice">{t!(i18n, participation.invitation_concluded)}</p>
        }
        .into_any();
    }
    let capacity = echoed_value("capacity").unwrap_or_else(|| invitation.capacity.to_string());
    let code = cohort.code.clone();
    let decline_code = code.clone();
    let minimum = open.max(1);
    view! {
        <p>{dates}</p>
        <p>
            <span class="badge">{move || status_label(i18n, status)}</span>
            " "
            {move || match status {
                MembershipStatus::Invited => t_string!(i18n, participation.invited_lead).to_string(),
                MembershipStatus::Confirmed => t_string!(i18n, participation.confirmed_lead).to_string(),
                MembershipStatus::Declined => t_string!(i18n, participation.declined_lead).to_string(),
            }}
        </p>
        <p role="status">
            {move || saved.get().then(|| view! { <span class="notice notice-success">{t!(i18n, participation.saved)}</span> })}
        </p>
        <ActionForm action=answer attr:class="form" attr:novalidate=true>
            <input type="hidden" name="code" value=code.clone() />
            <input type="hidden" name="answer" value="confirm" />
            <div class="field">
                <label for="field-capacity">{t!(i18n, participation.capacity_label)}</label>
                <p class="field-hint" id="capacity-hint">
                    {move || t_string!(i18n, participation.capacity_hint, open = open, max = crate::profiles::CAPACITY_MAX).to_string()}
                </p>
                <input id="field-capacity" name="capacity" type="number" inputmode="numeric"
                    min=minimum max=crate::profiles::CAPACITY_MAX value=capacity required=true
                    aria-describedby="capacity-hint capacity-error" />
                <FieldMessage field="capacity" error />
            </div>
            <crate::profiles::fields::AvailabilityGrid error selected=invitation.availability />
            <FormError error />
            <SubmitButton label=label!(i18n, participation.confirm) pending=answer.pending() />
        </ActionForm>
        {(status != MembershipStatus::Declined).then(|| view! {
            <ActionForm action=answer attr:class="form">
                <input type="hidden" name="code" value=decline_code.clone() />
                <input type="hidden" name="answer" value="decline" />
                <input type="hidden" name="capacity" value="" />
                <SubmitButton label=label!(i18n, participation.decline) pending=answer.pending() class="button button-secondary" />
            </ActionForm>
        })}
    }
    .into_any()
}

/// A mentor's cohorts waiting for their answer, once `gate` (the area page's
/// check) passes; none asked for anyone else.
pub fn waiting_cohort_invitations<T: Gate>(
    gate: OnceResource<Result<T, AppError>>,
    is_mentor: bool,
) -> Resource<Result<Vec<Cohort>, AppError>> {
    Resource::new(
        || (),
        move |_| async move {
            gate.await?;
            if is_mentor {
                get_waiting_invitations().await
            } else {
                Ok(Vec::new())
            }
        },
    )
}

/// On a mentor's page: the cohorts waiting for their answer (nothing when none).
#[component]
pub fn WaitingCohortInvitations(
    /// `waiting_cohort_invitations`, created by the page outside any `Suspense`.
    waiting: Resource<Result<Vec<Cohort>, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                waiting.await.ok().filter(|cohorts| !cohorts.is_empty()).map(|cohorts| view! {
                    <section class="section no-print" aria-labelledby="cohort-invitations-title">
                        <div class="container">
                            <div class="card">
                                <h2 id="cohort-invitations-title">{t!(i18n, participation.waiting_title)}</h2>
                                <ul class="plain-list">
                                    {cohorts.into_iter().map(|cohort| {
                                        let href = format!("/mentor/cohorts/{}", cohort.code);
                                        let name = cohort_name(i18n, &cohort);
                                        view! {
                                            <li>
                                                <a href=href>{move || t_string!(i18n, participation.waiting_link, name = name.clone()).to_string()}</a>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </div>
                        </div>
                    </section>
                })
            })}
        </Suspense>
    }
}
