//! The public mentor application form (no account needed).
use leptos::prelude::*;

use crate::components::labels::label;
use leptos_i18n::Locale as _;

use crate::applications::api::SubmitApplication;
use crate::applications::{DiplomaLevel, SECTORS};
use crate::catalog::api::get_profile_choices;
use crate::catalog::ProfileChoices;
use crate::components::forms::{
    action_error, ConsentField, FormError, Loading, RadioField, SelectField, SubmitButton,
    TextAreaField, TextField,
};
use crate::components::page::ErrorNotice;
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::profiles::fields::MatchingFieldsEditor;
use crate::profiles::{MatchingFields, CAPACITY_MAX};

#[component]
pub fn ApplyPage() -> impl IntoView {
    let i18n = use_i18n();
    let choices = OnceResource::new(get_profile_choices());
    view! {
        <PageTitle text=label!(i18n, apply.title) />
        <section class="section">
            <div class="container form-page form-page-wide">
                <h1>{t!(i18n, apply.title)}</h1>
                <p class="lead">{t!(i18n, apply.lead)}</p>
                <p>{t!(i18n, apply.criteria)}</p>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        match choices.await {
                            Ok(choices) => view! { <ApplicationForm choices /> }.into_any(),
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })}
                </Suspense>
            </div>
        </section>
    }
}

pub use crate::eligibility::diploma_name;

/// A sector's name in the reader's language.
pub fn sector_name(code: &str) -> &'static str {
    let i18n = use_i18n();
    match code {
        "health-network" => t_string!(i18n, apply.sector_health_network),
        "community" => t_string!(i18n, apply.sector_community),
        "private" => t_string!(i18n, apply.sector_private),
        "education" => t_string!(i18n, apply.sector_education),
        "government" => t_string!(i18n, apply.sector_government),
        "self-employed" => t_string!(i18n, apply.sector_self_employed),
        _ => t_string!(i18n, apply.sector_other),
    }
}

#[component]
fn ApplicationForm(choices: ProfileChoices) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SubmitApplication>::new();
    let error = action_error(action);
    let yes_no = move || {
        vec![
            ("yes".to_owned(), t_string!(i18n, common.yes).to_owned()),
            ("no".to_owned(), t_string!(i18n, common.no).to_owned()),
        ]
    };
    view! {
        <ActionForm action attr:class="form" attr:novalidate=true>
            <input type="hidden" name="locale" value=move || i18n.get_locale().as_str() />
            <fieldset class="form-section">
                <legend>{t!(i18n, apply.section_you)}</legend>
                <TextField
                    name="display_name"
                    label=label!(i18n, apply.full_name)
                    autocomplete="name"
                    error
                />
                <TextField
                    name="email"
                    label=label!(i18n, fields.email)
                    input_type="email"
                    autocomplete="email"
                    error
                />
                <TextField
                    name="phone"
                    label=label!(i18n, apply.phone)
                    input_type="tel"
                    autocomplete="tel"
                    required=false
                    error
                />
            </fieldset>
            <fieldset class="form-section">
                <legend>{t!(i18n, apply.section_diploma)}</legend>
                <SelectField
                    name="diploma_level"
                    label=label!(i18n, apply.diploma_level)
                    options=DiplomaLevel::ALL
                        .into_iter()
                        .map(|level| (level.as_str().to_owned(), diploma_name(level)().to_owned()))
                        .collect()
                    placeholder=t_string!(i18n, forms.choose).to_owned()
                    error
                />
                <TextField
                    name="diploma_field"
                    label=label!(i18n, apply.diploma_field)
                    hint=label!(i18n, apply.if_diploma)
                    required=false
                    error
                />
                <TextField
                    name="diploma_year"
                    input_type="number"
                    label=label!(i18n, apply.diploma_year)
                    hint=label!(i18n, apply.if_diploma)
                    required=false
                    error
                />
            </fieldset>
            <fieldset class="form-section">
                <legend>{t!(i18n, apply.section_work)}</legend>
                <RadioField
                    name="is_employed"
                    legend=label!(i18n, apply.is_employed)
                    options=yes_no()
                    error
                />
                <TextField
                    name="employer"
                    label=label!(i18n, apply.employer)
                    hint=label!(i18n, apply.if_employed)
                    autocomplete="organization"
                    required=false
                    error
                />
                <TextField
                    name="job_title"
                    label=label!(i18n, apply.job_title)
                    hint=label!(i18n, apply.if_employed)
                    autocomplete="organization-title"
                    required=false
                    error
                />
                <SelectField
                    name="sector"
                    label=label!(i18n, apply.sector)
                    hint=label!(i18n, apply.if_employed)
                    options=SECTORS
                        .iter()
                        .map(|code| ((*code).to_owned(), sector_name(code).to_owned()))
                        .collect()
                    placeholder=t_string!(i18n, forms.choose).to_owned()
                    error
                />
                <RadioField
                    name="works_in_research"
                    legend=label!(i18n, apply.works_in_research)
                    hint=label!(i18n, apply.research_explanation)
                    options=yes_no()
                    error
                />
            </fieldset>
            <fieldset class="form-section">
                <legend>{t!(i18n, apply.section_mentoring)}</legend>
                <MatchingFieldsEditor
                    fields=MatchingFields::default()
                    choices
                    error
                    domains_legend=label!(i18n, apply.domains)
                    skills_legend=label!(i18n, apply.skills)
                    languages_legend=label!(i18n, apply.languages)
                />
                <SelectField
                    name="capacity"
                    label=label!(i18n, apply.capacity)
                    hint=label!(i18n, apply.capacity_hint)
                    options=(1..=CAPACITY_MAX).map(|count| (count.to_string(), count.to_string())).collect()
                    placeholder=t_string!(i18n, forms.choose).to_owned()
                    error
                />
                <TextAreaField
                    name="motivation"
                    label=label!(i18n, apply.motivation)
                    hint=label!(i18n, apply.motivation_hint)
                    error
                />
            </fieldset>
            <ConsentField error />
            <FormError error />
            <div class="form-actions">
                <SubmitButton
                    label=label!(i18n, apply.submit)
                    pending=action.pending()
                />
            </div>
        </ActionForm>
    }
}
