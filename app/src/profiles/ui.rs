//! "My profile": a mentor or a mentee completes what matching reads, and sees
//! how complete it is.
use crate::components::access::reload_or_deny;
use leptos::prelude::*;

use crate::components::labels::label;

use super::api::{get_my_profile, SaveMyProfile};
use super::fields::MatchingFieldsEditor;
use super::{completeness, Completeness, ProfileItem, ProfilePage, CAPACITY_MAX};
use crate::components::forms::{
    action_error, action_succeeded, count_successes, FormError, SelectField, SubmitButton,
    TextAreaField, TextField,
};
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn MyProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveMyProfile>::new();
    let saves = RwSignal::new(0_u64);
    count_successes(save, saves);
    let page = Resource::new(move || saves.get(), |_| get_my_profile());
    view! {
        <PageTitle text=label!(i18n, profile.title) />
        <section class="section">
            <div class="container narrow">
                <h1>{t!(i18n, profile.title)}</h1>
                {reload_or_deny(page, move |page| view! { <ProfileForm page save /> }.into_any())}
            </div>
        </section>
    }
}

/// The meter and the list of what is still missing.
#[component]
pub fn CompletenessMeter(measure: Completeness) -> impl IntoView {
    let i18n = use_i18n();
    let percent = measure.percent();
    let missing = measure.missing.clone();
    view! {
        <div class="completeness" role="group" aria-labelledby="completeness-title">
            <p id="completeness-title" class="completeness-title">
                {move || t_string!(i18n, profile.completeness, percent = percent).to_string()}
            </p>
            <progress max="100" value=percent aria-labelledby="completeness-title">
                {format!("{percent} %")}
            </progress>
            {if missing.is_empty() {
                view! { <p class="muted">{t!(i18n, profile.complete)}</p> }.into_any()
            } else {
                view! {
                    <p class="muted">{t!(i18n, profile.missing_lead)}</p>
                    <ul class="plain-list missing-items">
                        {missing
                            .into_iter()
                            .map(|item| view! { <li>{profile_item_name(item)}</li> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </div>
    }
}

fn profile_item_name(item: ProfileItem) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match item {
        ProfileItem::ProgramOfStudy => t_string!(i18n, profile.program_of_study),
        ProfileItem::Institution => t_string!(i18n, profile.institution),
        ProfileItem::StudyYear => t_string!(i18n, profile.study_year),
        ProfileItem::Domains => t_string!(i18n, matching.domains),
        ProfileItem::Skills => t_string!(i18n, matching.skills),
        ProfileItem::Languages => t_string!(i18n, matching.languages),
        ProfileItem::Modality => t_string!(i18n, matching.modality),
        ProfileItem::Availability => t_string!(i18n, matching.availability),
    }
}

#[component]
fn ProfileForm(page: ProfilePage, save: ServerAction<SaveMyProfile>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(save);
    let saved = action_succeeded(save);
    let measure = completeness(&page.profile);
    let profile = page.profile;
    let is_mentor = profile.mentor.is_some();
    let cohort = profile.cohort.clone();
    view! {
        <p class="lead">
            {move || {
                if is_mentor {
                    t_string!(i18n, profile.mentor_lead)
                } else {
                    t_string!(i18n, profile.mentee_lead)
                }
            }}
        </p>
        <p>
            {t!(i18n, profile.cohort)} " "
            <strong>
                {move || {
                    cohort
                        .as_ref()
                        .and_then(|name| name.get(i18n.get_locale()).map(str::to_owned))
                        .unwrap_or_else(|| t_string!(i18n, profile.no_cohort).to_owned())
                }}
            </strong>
        </p>
        <CompletenessMeter measure />
        <ActionForm action=save attr:class="form" attr:novalidate=true>
            {profile
                .mentee
                .clone()
                .map(|studies| {
                    view! {
                        <fieldset class="form-section">
                            <legend>{t!(i18n, profile.studies)}</legend>
                            <TextField
                                name="program_of_study"
                                label=label!(i18n, profile.program_of_study)
                                value=studies.program_of_study.unwrap_or_default()
                                required=false
                                error
                            />
                            <TextField
                                name="institution"
                                label=label!(i18n, profile.institution)
                                value=studies.institution.unwrap_or_default()
                                required=false
                                error
                            />
                            <SelectField
                                name="study_year"
                                label=label!(i18n, profile.study_year)
                                options=(1..=6).map(|year| (year.to_string(), year.to_string())).collect()
                                selected=studies.study_year.map(|year| year.to_string()).unwrap_or_default()
                                placeholder=t_string!(i18n, forms.choose).to_owned()
                                error
                            />
                            <TextAreaField
                                name="needs_note"
                                label=label!(i18n, profile.needs_note)
                                hint=label!(i18n, profile.needs_note_hint)
                                value=studies.needs_note.unwrap_or_default()
                                required=false
                                error
                            />
                        </fieldset>
                    }
                })}
            {profile
                .mentor
                .clone()
                .map(|mentor| {
                    view! {
                        <fieldset class="form-section">
                            <legend>{t!(i18n, profile.mentoring)}</legend>
                            <SelectField
                                name="capacity"
                                label=label!(i18n, apply.capacity)
                                hint=label!(i18n, apply.capacity_hint)
                                options=(1..=CAPACITY_MAX).map(|count| (count.to_string(), count.to_string())).collect()
                                selected=mentor.capacity.to_string()
                                error
                            />
                            <TextField
                                name="paused_until"
                                input_type="date"
                                label=label!(i18n, profile.paused_until)
                                hint=label!(i18n, profile.paused_until_hint)
                                value=mentor.paused_until.map(|day| day.to_string()).unwrap_or_default()
                                required=false
                                error
                            />
                        </fieldset>
                    }
                })}
            <fieldset class="form-section">
                <legend>{t!(i18n, profile.matching)}</legend>
                <MatchingFieldsEditor
                    fields=profile.fields
                    choices=page.choices
                    error
                    domains_legend=Signal::derive(move || {
                        if is_mentor {
                            t_string!(i18n, apply.domains).to_owned()
                        } else {
                            t_string!(i18n, profile.domains_of_interest).to_owned()
                        }
                    })
                    skills_legend=Signal::derive(move || {
                        if is_mentor {
                            t_string!(i18n, apply.skills).to_owned()
                        } else {
                            t_string!(i18n, profile.needs).to_owned()
                        }
                    })
                    languages_legend=Signal::derive(move || {
                        if is_mentor {
                            t_string!(i18n, apply.languages).to_owned()
                        } else {
                            t_string!(i18n, profile.languages).to_owned()
                        }
                    })
                />
            </fieldset>
            <FormError error />
            {move || {
                saved
                    .get()
                    .then(|| {
                        view! {
                            <p class="notice notice-success" role="status">{t!(i18n, profile.saved)}</p>
                        }
                    })
            }}
            <div class="form-actions">
                <SubmitButton
                    label=label!(i18n, profile.save)
                    pending=save.pending()
                />
            </div>
        </ActionForm>
    }
}
