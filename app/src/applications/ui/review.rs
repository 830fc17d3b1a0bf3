//! One application as the coordinator reviews it, and the three decisions.
use crate::components::access::reload_or_deny;
use leptos::prelude::*;

use crate::components::labels::label;

use super::apply::{diploma_name, sector_name};
use super::{reason_for_coordinator, status_name, StatusBadge};
use crate::applications::api::{
    get_application, AcceptApplication, DeclineApplication, RequestApplicationInfo,
};
use crate::applications::{ApplicationDetail, ApplicationEventKind};
use crate::components::access::CoordinationPage;
use crate::components::forms::{
    action_error, count_successes, FieldMessage, FormError, SubmitButton, TextAreaField,
};
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::profiles::fields::{language_name, MatchingFieldsSummary};

#[component]
pub fn ApplicationReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let id_in_address = crate::components::page::id_in_address();
    let id = move || id_in_address().unwrap_or_default();
    let accept = ServerAction::<AcceptApplication>::new();
    let decline = ServerAction::<DeclineApplication>::new();
    let request = ServerAction::<RequestApplicationInfo>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(accept, changes);
    count_successes(decline, changes);
    count_successes(request, changes);
    let detail = Resource::new(move || (id(), changes.get()), |(id, _)| get_application(id));
    let title = label!(i18n, review.title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(detail, move |detail| {
                        let name = detail.application.display_name.clone();
                        view! {
                            <CoordinationPage title=Signal::derive(move || name.clone())>
                                <p>
                                    <a href="/coordinator/applications">{t!(i18n, review.back)}</a>
                                </p>
                                <ReviewView detail accept decline request />
                            </CoordinationPage>
                        }
                            .into_any()
                    })}
    }
}

fn event_name(kind: ApplicationEventKind) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match kind {
        ApplicationEventKind::Submitted => t_string!(i18n, review.event_submitted),
        ApplicationEventKind::InfoRequested => t_string!(i18n, review.event_info_requested),
        ApplicationEventKind::InfoProvided => t_string!(i18n, review.event_info_provided),
        ApplicationEventKind::Accepted => t_string!(i18n, review.event_accepted),
        ApplicationEventKind::Declined => t_string!(i18n, review.event_declined),
        ApplicationEventKind::Withdrawn => t_string!(i18n, review.event_withdrawn),
    }
}

#[component]
fn ReviewView(
    detail: ApplicationDetail,
    accept: ServerAction<AcceptApplication>,
    decline: ServerAction<DeclineApplication>,
    request: ServerAction<RequestApplicationInfo>,
) -> impl IntoView {
    let i18n = use_i18n();
    let application = detail.application.clone();
    let yes_no = move |value: bool| {
        if value {
            t_string!(i18n, common.yes)
        } else {
            t_string!(i18n, common.no)
        }
    };
    let diploma = application.diploma_level;
    let is_employed = application.is_employed;
    let research = application.works_in_research;
    let locale_name = language_name(&detail.locale);
    let reasons = detail.reasons.clone();
    let submitted_at = detail.submitted_at.clone();
    let decision = detail.status.is_open().then(|| detail.clone());
    view! {
        <p>
            <StatusBadge status=detail.status /> " "
            <span class="muted">{move || t_string!(i18n, review.sent_on, date = crate::components::when::when_text(i18n.get_locale(), &submitted_at)).to_string()}</span>
        </p>
        {if reasons.is_empty() {
            view! {
                <p class="notice notice-success">{t!(i18n, review.eligible)}</p>
            }
                .into_any()
        } else {
            view! {
                <div class="notice notice-warning" role="note">
                    <p class="notice-title">{t!(i18n, review.ineligible)}</p>
                    <ul>
                        {reasons
                            .iter()
                            .map(|reason| view! { <li>{reason_for_coordinator(*reason)}</li> })
                            .collect_view()}
                    </ul>
                </div>
            }
                .into_any()
        }}
        {(!detail.same_email.is_empty())
            .then(|| {
                view! {
                    <p class="notice">
                        {t!(i18n, review.same_email)} " "
                        {detail
                            .same_email
                            .iter()
                            .map(|(id, status)| {
                                let href = format!("/coordinator/applications/{id}");
                                view! { <a href=href>{format!("#{id}")} " (" {status_name(*status)} ")"</a> " " }
                            })
                            .collect_view()}
                    </p>
                }
            })}
        <div class="review-grid">
            <section class="panel" aria-labelledby="candidate-title">
                <h2 id="candidate-title">{t!(i18n, review.candidate)}</h2>
                <dl class="details">
                    <dt>{t!(i18n, fields.email)}</dt>
                    <dd><a href=format!("mailto:{}", application.email)>{application.email.clone()}</a></dd>
                    <dt>{t!(i18n, apply.phone)}</dt>
                    <dd>{application.phone.clone().unwrap_or_default()}</dd>
                    <dt>{t!(i18n, review.language)}</dt>
                    <dd>{locale_name}</dd>
                    <dt>{t!(i18n, apply.diploma_level)}</dt>
                    <dd>
                        {diploma_name(diploma)}
                        {application.diploma_field.clone().map(|field| format!(" — {field}"))}
                        {application.diploma_year.map(|year| format!(" ({year})"))}
                    </dd>
                    <dt>{t!(i18n, apply.is_employed)}</dt>
                    <dd>{move || yes_no(is_employed)}</dd>
                    <dt>{t!(i18n, apply.job_title)}</dt>
                    <dd>
                        {application.job_title.clone().unwrap_or_default()}
                        {application.employer.clone().map(|employer| format!(", {employer}"))}
                    </dd>
                    <dt>{t!(i18n, apply.sector)}</dt>
                    <dd>{application.sector.clone().map(|code| sector_name(&code))}</dd>
                    <dt>{t!(i18n, apply.works_in_research)}</dt>
                    <dd>{move || yes_no(research)}</dd>
                    <dt>{t!(i18n, apply.capacity)}</dt>
                    <dd>{application.capacity}</dd>
                </dl>
            </section>
            <section class="panel" aria-labelledby="offer-title">
                <h2 id="offer-title">{t!(i18n, review.offer)}</h2>
                <MatchingFieldsSummary fields=application.matching.clone() choices=detail.choices.clone() />
            </section>
        </div>
        <section class="panel" aria-labelledby="motivation-title">
            <h2 id="motivation-title">{t!(i18n, apply.motivation)}</h2>
            <p class="prewrap">{application.motivation.clone()}</p>
        </section>
        <section class="panel" aria-labelledby="history-title">
            <h2 id="history-title">{t!(i18n, review.history)}</h2>
            <ol class="timeline">
                {detail
                    .events
                    .iter()
                    .map(|event| {
                        let actor = event.actor.clone();
                        view! {
                            <li>
                                <strong>{event_name(event.kind)}</strong>
                                " · " <crate::components::when::When at=event.at.clone() /> " · "
                                {move || actor.clone().unwrap_or_else(|| t_string!(i18n, review.the_applicant).to_owned())}
                                {event.message.clone().map(|message| view! { <blockquote class="quoted-message">{message}</blockquote> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
        {decision.map(|detail| view! { <DecisionPanel detail accept decline request /> })}
    }
}

#[component]
fn DecisionPanel(
    detail: ApplicationDetail,
    accept: ServerAction<AcceptApplication>,
    decline: ServerAction<DeclineApplication>,
    request: ServerAction<RequestApplicationInfo>,
) -> impl IntoView {
    let i18n = use_i18n();
    let accept_error = action_error(accept);
    let decline_error = action_error(decline);
    let request_error = action_error(request);
    let eligible = detail.reasons.is_empty();
    let id = detail.id.to_string();
    let (accept_id, request_id) = (id.clone(), id.clone());
    let confirm_decline = move || t_string!(i18n, review.decline_confirm);
    view! {
        <section class="panel decision" aria-labelledby="decision-title">
            <h2 id="decision-title">{t!(i18n, review.decision)}</h2>
            {if eligible {
                view! {
                    <ActionForm action=accept attr:class="form decision-form">
                        <h3>{t!(i18n, review.accept_title)}</h3>
                        <p class="muted">{t!(i18n, review.accept_lead)}</p>
                        <input type="hidden" name="id" value=accept_id />
                        <div class="field">
                            <label for="field-cohort">{t!(i18n, review.cohort)}</label>
                            <select id="field-cohort" name="cohort" aria-describedby="cohort-error">
                                {detail
                                    .cohorts
                                    .iter()
                                    .map(|(code, name)| {
                                        let name = name.clone();
                                        view! { <option value=code.clone()>{move || name.get(i18n.get_locale()).unwrap_or_default().to_owned()}</option> }
                                    })
                                    .collect_view()}
                                <option value="">{t!(i18n, review.no_cohort)}</option>
                            </select>
                            <FieldMessage field="cohort" error=accept_error />
                        </div>
                        <FieldMessage field="decision" error=accept_error />
                        <FormError error=accept_error />
                        <SubmitButton
                            label=label!(i18n, review.accept)
                            pending=accept.pending()
                        />
                    </ActionForm>
                }
                    .into_any()
            } else {
                view! { <p class="muted">{t!(i18n, review.cannot_accept)}</p> }.into_any()
            }}
            <ActionForm action=request attr:class="form decision-form" attr:novalidate=true>
                <h3>{t!(i18n, review.request_title)}</h3>
                <input type="hidden" name="id" value=request_id />
                <TextAreaField
                    name="message"
                    label=label!(i18n, review.request_label)
                    hint=label!(i18n, review.request_hint)
                    error=request_error
                />
                <FormError error=request_error />
                <SubmitButton
                    label=label!(i18n, review.request)
                    pending=request.pending()
                    class="button button-secondary"
                />
            </ActionForm>
            <ActionForm action=decline attr:class="form decision-form" attr:novalidate=true>
                <h3>{t!(i18n, review.decline_title)}</h3>
                <input type="hidden" name="id" value=id />
                <TextAreaField
                    name="reason"
                    label=label!(i18n, review.decline_label)
                    hint=label!(i18n, review.decline_hint)
                    error=decline_error
                />
                <FormError error=decline_error />
                <button
                    type="submit"
                    class="button button-danger"
                    disabled=move || decline.pending().get()
                    data-confirm=confirm_decline
                >
                    {t!(i18n, review.decline)}
                </button>
            </ActionForm>
        </section>
    }
}
