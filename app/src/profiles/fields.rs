//! The matching fields as form controls (shared by the mentor application and
//! the profile pages) and as read-only text (the coordinator's review).
use leptos::prelude::*;

use crate::components::labels::label;

use super::choices::{LanguageLevel, Modality, DAYS, LANGUAGES, SLOTS};
use super::{MatchingFields, TaxonomyChoice, WeeklyAvailability};
use crate::catalog::Bilingual;
use crate::catalog::ProfileChoices;
use crate::components::forms::{echoed_value, echoed_values, FieldMessage};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n, Locale};

/// A taxonomy label in the reader's language; a missing one says so (with its
/// code), it is never replaced by the other language.
#[component]
pub fn TaxonomyLabel(#[prop(into)] code: String, label: Bilingual) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match label.get(i18n.get_locale()) {
        Some(text) => view! { <span>{text.to_owned()}</span> }.into_any(),
        None => view! {
            <span class="missing-label">{t!(i18n, taxonomy.missing_label)} " (" {code.clone()} ")"</span>
        }
        .into_any(),
    }
    }
}

/// The name of a language in the reader's language.
pub fn language_name(code: &str) -> impl Fn() -> String + Send + Sync + 'static {
    let i18n = use_i18n();
    let code = code.to_owned();
    move || {
        match code.as_str() {
            "fr" => t_string!(i18n, languages.fr),
            "en" => t_string!(i18n, languages.en),
            "es" => t_string!(i18n, languages.es),
            "ar" => t_string!(i18n, languages.ar),
            "ht" => t_string!(i18n, languages.ht),
            "zh" => t_string!(i18n, languages.zh),
            "pt" => t_string!(i18n, languages.pt),
            "vi" => t_string!(i18n, languages.vi),
            other => return other.to_owned(),
        }
        .to_owned()
    }
}

pub fn level_name(level: LanguageLevel) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match level {
        LanguageLevel::Basic => t_string!(i18n, languages.level_basic),
        LanguageLevel::Working => t_string!(i18n, languages.level_working),
        LanguageLevel::Fluent => t_string!(i18n, languages.level_fluent),
    }
}

pub fn modality_name(modality: Modality) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match modality {
        Modality::InPerson => t_string!(i18n, matching.modality_in_person),
        Modality::Video => t_string!(i18n, matching.modality_video),
        Modality::Either => t_string!(i18n, matching.modality_either),
    }
}

fn day_name(i18n: leptos_i18n::I18nContext<Locale>, day: usize) -> &'static str {
    match day {
        0 => t_string!(i18n, matching.day_mon),
        1 => t_string!(i18n, matching.day_tue),
        2 => t_string!(i18n, matching.day_wed),
        3 => t_string!(i18n, matching.day_thu),
        4 => t_string!(i18n, matching.day_fri),
        5 => t_string!(i18n, matching.day_sat),
        _ => t_string!(i18n, matching.day_sun),
    }
}

/// Ticked values of a list: what was typed before a refusal, else `current`.
fn ticked(name: &str, current: Vec<String>) -> Vec<String> {
    echoed_values(name).unwrap_or(current)
}

/// Checkboxes for several domains or skills (`name[]`).
#[component]
pub fn TaxonomyChecklist(
    #[prop(into)] name: String,
    #[prop(into)] legend: Signal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
    choices: Vec<TaxonomyChoice>,
    selected: Vec<String>,
) -> impl IntoView {
    let field = format!("{name}[]");
    let selected = ticked(&field, selected);
    let error_id = format!("{name}-error");
    view! {
        <fieldset class="field choice-list" aria-describedby=error_id>
            <legend>{move || legend.get()}</legend>
            <div class="choice-options">
                {choices
                    .into_iter()
                    .map(|choice| {
                        let id = format!("field-{name}-{}", choice.code);
                        let checked = selected.contains(&choice.code);
                        view! {
                            <span class="choice">
                                <input type="checkbox" id=id.clone() name=field.clone() value=choice.code.clone() checked=checked />
                                <label for=id>
                                    <TaxonomyLabel code=choice.code label=choice.label />
                                </label>
                            </span>
                        }
                    })
                    .collect_view()}
            </div>
            <FieldMessage field=name.clone() error />
        </fieldset>
    }
}

/// A level for each language (`languages[fr]=fluent`), "not spoken" by default.
#[component]
pub fn LanguageLevels(
    #[prop(into)] legend: Signal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
    selected: Vec<super::SpokenLanguage>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field language-levels" aria-describedby="languages-error">
            <legend>{move || legend.get()}</legend>
            <div class="language-grid">
                {LANGUAGES
                    .iter()
                    .map(|code| {
                        let name = format!("languages[{code}]");
                        let current = selected
                            .iter()
                            .find(|language| language.code == *code)
                            .map(|language| language.level.as_str().to_owned())
                            .unwrap_or_default();
                        let current = echoed_value(&name).unwrap_or(current);
                        let id = format!("field-languages-{code}");
                        view! {
                            <span class="language-choice">
                                <label for=id.clone()>{language_name(code)}</label>
                                <select id=id name=name>
                                    <option value="">{t!(i18n, languages.level_none)}</option>
                                    {LanguageLevel::ALL
                                        .into_iter()
                                        .map(|level| {
                                            let is_selected = level.as_str() == current;
                                            view! {
                                                <option value=level.as_str() selected=is_selected>
                                                    {level_name(level)}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                            </span>
                        }
                    })
                    .collect_view()}
            </div>
            <FieldMessage field="languages" error />
        </fieldset>
    }
}

/// In person, by video, or either.
#[component]
pub fn ModalityChoice(
    #[prop(into)] error: Signal<Option<AppError>>,
    selected: Option<Modality>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = Modality::ALL
        .into_iter()
        .map(|modality| {
            (
                modality.as_str().to_owned(),
                modality_name(modality)().to_owned(),
            )
        })
        .collect::<Vec<_>>();
    view! {
        <crate::components::forms::RadioField
            name="modality"
            legend=label!(i18n, matching.modality)
            error
            options
            selected=selected.map(|modality| modality.as_str().to_owned()).unwrap_or_default()
        />
    }
}

/// A week of half-days to tick (`availability[]=tue-evening`).
#[component]
pub fn AvailabilityGrid(
    #[prop(into)] error: Signal<Option<AppError>>,
    selected: WeeklyAvailability,
) -> impl IntoView {
    let i18n = use_i18n();
    let ticked_cells = ticked("availability[]", selected.cells());
    let slot_name = move |slot: usize| match slot {
        0 => t_string!(i18n, matching.slot_morning),
        1 => t_string!(i18n, matching.slot_afternoon),
        _ => t_string!(i18n, matching.slot_evening),
    };
    view! {
        <fieldset class="field availability" aria-describedby="availability-hint availability-error">
            <legend>{t!(i18n, matching.availability)}</legend>
            <p class="field-hint" id="availability-hint">{t!(i18n, matching.availability_hint)}</p>
            <div class="table-scroll">
                <table class="availability-grid">
                    <thead>
                        <tr>
                            <td></td>
                            {(0..SLOTS.len())
                                .map(|slot| view! { <th scope="col">{move || slot_name(slot)}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {(0..DAYS.len())
                            .map(|day| {
                                let cells = ticked_cells.clone();
                                view! {
                                    <tr>
                                        <th scope="row">{move || day_name(i18n, day)}</th>
                                        {(0..SLOTS.len())
                                            .map(|slot| {
                                                let value = WeeklyAvailability::cell_name(day, slot);
                                                let id = format!("field-availability-{value}");
                                                let checked = cells.contains(&value);
                                                view! {
                                                    <td>
                                                        <input type="checkbox" id=id.clone() name="availability[]" value=value checked=checked />
                                                        <label for=id class="visually-hidden">
                                                            {move || {
                                                                t_string!(
                                                                    i18n,
                                                                    matching.cell_label,
                                                                    day = day_name(i18n, day),
                                                                    slot = slot_name(slot)
                                                                )
                                                                    .to_string()
                                                            }}
                                                        </label>
                                                    </td>
                                                }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <FieldMessage field="availability" error />
        </fieldset>
    }
}

/// Every matching field, for a form. `skills_legend` differs: a mentor offers
/// skills, a mentee wants to learn them.
#[component]
pub fn MatchingFieldsEditor(
    fields: MatchingFields,
    choices: ProfileChoices,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(into)] domains_legend: Signal<String>,
    #[prop(into)] skills_legend: Signal<String>,
    #[prop(into)] languages_legend: Signal<String>,
) -> impl IntoView {
    view! {
        <TaxonomyChecklist
            name="domains"
            legend=domains_legend
            error
            choices=choices.domains
            selected=fields.domains
        />
        <TaxonomyChecklist
            name="skills"
            legend=skills_legend
            error
            choices=choices.skills
            selected=fields.skills
        />
        <LanguageLevels legend=languages_legend error selected=fields.languages />
        <ModalityChoice error selected=fields.modality />
        <AvailabilityGrid error selected=fields.availability />
    }
}

/// The matching fields as text (domain and skill labels, languages with level…).
#[component]
pub fn MatchingFieldsSummary(fields: MatchingFields, choices: ProfileChoices) -> impl IntoView {
    let i18n = use_i18n();
    let label_of = |list: &[TaxonomyChoice], code: &str| {
        list.iter()
            .find(|choice| choice.code == code)
            .map(|choice| choice.label.clone())
            .unwrap_or_default()
    };
    let domains = fields
        .domains
        .iter()
        .map(|code| {
            let label = label_of(&choices.domains, code);
            view! { <li><TaxonomyLabel code=code.clone() label /></li> }
        })
        .collect_view();
    let skills = fields
        .skills
        .iter()
        .map(|code| {
            let label = label_of(&choices.skills, code);
            view! { <li><TaxonomyLabel code=code.clone() label /></li> }
        })
        .collect_view();
    let languages = fields
        .languages
        .iter()
        .map(|language| {
            let name = language_name(&language.code);
            let level = level_name(language.level);
            view! {
                <li>
                    {move || {
                        t_string!(i18n, matching.language_with_level, language = name(), level = level())
                            .to_string()
                    }}
                </li>
            }
        })
        .collect_view();
    let modality = fields.modality.map(modality_name);
    let cells = fields.availability.half_days();
    view! {
        <dl class="details">
            <dt>{t!(i18n, matching.domains)}</dt>
            <dd><ul class="tags">{domains}</ul></dd>
            <dt>{t!(i18n, matching.skills)}</dt>
            <dd><ul class="tags">{skills}</ul></dd>
            <dt>{t!(i18n, matching.languages)}</dt>
            <dd><ul class="plain-list">{languages}</ul></dd>
            <dt>{t!(i18n, matching.modality)}</dt>
            <dd>{move || modality.map(|name| name()).unwrap_or_default()}</dd>
            <dt>{t!(i18n, matching.availability)}</dt>
            <dd>
                {move || crate::plural!(i18n, matching.half_days_singular, matching.half_days_plural, cells)}
                <AvailabilityText availability=fields.availability />
            </dd>
        </dl>
    }
}

/// The ticked half-days as a short list ("Tuesday: evening").
#[component]
fn AvailabilityText(availability: WeeklyAvailability) -> impl IntoView {
    let i18n = use_i18n();
    let slot_name = move |slot: usize| match slot {
        0 => t_string!(i18n, matching.slot_morning),
        1 => t_string!(i18n, matching.slot_afternoon),
        _ => t_string!(i18n, matching.slot_evening),
    };
    let days = (0..DAYS.len())
        .filter(|day| (0..SLOTS.len()).any(|slot| availability.contains(*day, slot)))
        .map(|day| {
            view! {
                <li>
                    {move || {
                        let slots: Vec<&str> = (0..SLOTS.len())
                            .filter(|slot| availability.contains(day, *slot))
                            .map(slot_name)
                            .collect();
                        t_string!(
                            i18n,
                            matching.day_slots,
                            day = day_name(i18n, day),
                            slots = slots.join(", ")
                        )
                        .to_string()
                    }}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain-list">{days}</ul> }
}
