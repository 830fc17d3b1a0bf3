//! `/coordinator/participants/:id`: a mentor's or a mentee's page for the coordinator.
use leptos::prelude::*;

use crate::components::access::load_or_deny;

use crate::components::labels::label;

use super::attention_ui::item_sentence;
use super::participant::{get_participant, ParticipantView};
use crate::accounts::Role;
use crate::components::access::CoordinationPage;
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::pairs::ui::PairStatusBadge;
use crate::profiles::fields::MatchingFieldsSummary;

#[component]
pub fn ParticipantPage() -> impl IntoView {
    let i18n = use_i18n();
    let id_in_address = crate::components::page::id_in_address();
    let profile_id = move || id_in_address().unwrap_or_default();
    let participant = Resource::new(profile_id, get_participant);
    let title = label!(i18n, participant.title);
    view! {
        <PageTitle text=title />
        {load_or_deny(participant, move |view| {
                        let name = view.profile.display_name.clone();
                        view! {
                            <CoordinationPage title=Signal::derive(move || name.clone())>
                                <ParticipantView participant=view />
                            </CoordinationPage>
                        }
                            .into_any()
                    })}
    }
}

/// "—" for what the person has not said.
fn or_dash(value: Option<String>) -> String {
    value
        .filter(|text| !text.trim().is_empty())
        .unwrap_or_else(|| "—".to_owned())
}

#[component]
fn ParticipantView(participant: ParticipantView) -> impl IntoView {
    let i18n = use_i18n();
    let role = participant.role;
    let cohort = participant.cohort_code.clone().unwrap_or_default();
    let profile = participant.profile.clone();
    let cohort_name = profile.cohort.clone();
    let disabled = participant.disabled;
    view! {
        <p class="lead participant-lead">
            {move || match role {
                Role::Mentor => t_string!(i18n, participant.role_mentor),
                _ => t_string!(i18n, participant.role_mentee),
            }}
            " · "
            <a href=format!("mailto:{}", participant.email)>{participant.email.clone()}</a>
            {cohort_name.map(|name| view! {
                " · "
                <span>{move || name.get(i18n.get_locale()).unwrap_or_default().to_owned()}</span>
            })}
        </p>
        {disabled.then(|| view! { <p class="notice">{t!(i18n, participant.disabled)}</p> })}

        <section aria-labelledby="participant-waiting">
            <h2 id="participant-waiting">{t!(i18n, participant.waiting_title)}</h2>
            {if participant.waiting.is_empty() {
                view! { <p class="muted">{t!(i18n, participant.waiting_none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {participant.waiting.iter().map(|row| view! {
                            <li class="card attention-item"><p>{item_sentence(row.item.clone())}</p></li>
                        }).collect_view()}
                    </ul>
                    <p><a href=format!("/coordinator?cohort={cohort}")>{t!(i18n, participant.to_dashboard)}</a></p>
                }.into_any()
            }}
        </section>

        <section aria-labelledby="participant-profile">
            <h2 id="participant-profile">{t!(i18n, participant.profile_title)}</h2>
            <dl class="overview-facts">
                {match (role, profile.mentee.clone(), profile.mentor.clone()) {
                    (Role::Mentee, Some(studies), _) => view! {
                        <dt>{t!(i18n, participant.program_of_study)}</dt><dd>{or_dash(studies.program_of_study)}</dd>
                        <dt>{t!(i18n, participant.institution)}</dt><dd>{or_dash(studies.institution)}</dd>
                        <dt>{t!(i18n, participant.study_year)}</dt><dd>{or_dash(studies.study_year.map(|year| year.to_string()))}</dd>
                        <dt>{t!(i18n, participant.needs)}</dt><dd class="prewrap">{or_dash(studies.needs_note)}</dd>
                    }.into_any(),
                    (_, _, settings) => {
                        let work = participant.work.clone();
                        let sector = work.sector.clone();
                        view! {
                            <dt>{t!(i18n, participant.employer)}</dt><dd>{or_dash(work.employer)}</dd>
                            <dt>{t!(i18n, participant.job_title)}</dt><dd>{or_dash(work.job_title)}</dd>
                            <dt>{t!(i18n, participant.sector)}</dt>
                            <dd>{move || sector.as_deref().map_or("—", crate::applications::ui::sector_name).to_owned()}</dd>
                            <dt>{t!(i18n, participant.capacity)}</dt>
                            <dd>{or_dash(settings.as_ref().map(|settings| settings.capacity.to_string()))}</dd>
                            <dt>{t!(i18n, participant.paused_until)}</dt>
                            <dd>{or_dash(settings.and_then(|settings| settings.paused_until).map(|day| day.to_string()))}</dd>
                        }.into_any()
                    }
                }}
            </dl>
            <MatchingFieldsSummary fields=profile.fields.clone() choices=participant.choices.clone() />
        </section>

        <section aria-labelledby="participant-pairs">
            <h2 id="participant-pairs">{t!(i18n, participant.pairs_title)}</h2>
            {if participant.pairs.is_empty() {
                view! { <p class="muted">{t!(i18n, participant.pairs_none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {participant.pairs.iter().map(|pair| {
                            let partner = pair.partner_name.clone();
                            view! {
                                <li class="participant-pair">
                                    <a href=format!("/coordinator/pairs/{}", pair.id)>
                                        {move || t_string!(i18n, participant.pair_with, name = partner.clone()).to_string()}
                                    </a>
                                    " "
                                    <PairStatusBadge status=pair.status />
                                    <span class="muted small">
                                        {let at = pair.proposed_at.clone();
                                         move || t_string!(i18n, participant.proposed_on, at = crate::components::when::when_text(i18n.get_locale(), &at)).to_string()}
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>

        {(role == Role::Mentor).then(|| view! {
            <section aria-labelledby="participant-applications">
                <h2 id="participant-applications">{t!(i18n, participant.applications_title)}</h2>
                {if participant.applications.is_empty() {
                    view! { <p class="muted">{t!(i18n, participant.applications_none)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {participant.applications.iter().map(|application| {
                                let at = application.submitted_at.clone();
                                view! {
                                    <li>
                                        <a href=format!("/coordinator/applications/{}", application.id)>
                                            {move || t_string!(i18n, participant.application_of, at = crate::components::when::when_text(i18n.get_locale(), &at)).to_string()}
                                        </a>
                                        " "
                                        <span class="badge">{super::ui::application_status_name(&application.status)}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        })}
        <p class="muted small">{t!(i18n, participant.privacy)}</p>
    }
}
