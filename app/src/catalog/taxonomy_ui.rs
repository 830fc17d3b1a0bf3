//! The coordinator's taxonomy page: domains and skills in both languages.
//! A missing label is shown as missing; saving a label empty makes it missing.
use crate::components::access::reload_or_deny;
use leptos::prelude::*;

use crate::components::table::DataTable;

use crate::components::labels::label;

use super::admin_api::{get_taxonomy, SaveTaxonomyEntry, SetTaxonomyEntryActive};
use super::{TaxonomyEntry, TaxonomyKind};
use crate::components::access::CoordinationPage;
use crate::components::forms::{
    action_error, count_successes, problem_text, FormError, SubmitButton,
};
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn TaxonomyPage() -> impl IntoView {
    let i18n = use_i18n();
    let toggle = ServerAction::<SetTaxonomyEntryActive>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(toggle, changes);
    let overview = Resource::new(move || changes.get(), |_| get_taxonomy());
    let title = label!(i18n, taxonomy.title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(overview, move |overview| {
                        view! {
                            <CoordinationPage title>
                                <p class="lead">{t!(i18n, taxonomy.lead)}</p>
                                <FormError error=action_error(toggle) />
                                <TaxonomySection kind=TaxonomyKind::Domain entries=overview.domains changes toggle />
                                <TaxonomySection kind=TaxonomyKind::Skill entries=overview.skills changes toggle />
                            </CoordinationPage>
                        }
                            .into_any()
                    })}
    }
}

#[component]
fn TaxonomySection(
    kind: TaxonomyKind,
    entries: Vec<TaxonomyEntry>,
    changes: RwSignal<u64>,
    toggle: ServerAction<SetTaxonomyEntryActive>,
) -> impl IntoView {
    let i18n = use_i18n();
    // One action per form (each row, and the list's "add"): a refusal shows
    // next to the entry it concerns.
    let save = ServerAction::<SaveTaxonomyEntry>::new();
    count_successes(save, changes);
    let heading_id = format!("{}-title", kind.as_str());
    let labelled_by = heading_id.clone();
    let heading = move || match kind {
        TaxonomyKind::Domain => t_string!(i18n, taxonomy.domains),
        TaxonomyKind::Skill => t_string!(i18n, taxonomy.skills),
    };
    let missing = entries
        .iter()
        .filter(|entry| entry.label.fr.is_none() || entry.label.en.is_none())
        .count();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            {(missing > 0)
                .then(|| {
                    view! {
                        <p class="notice notice-warning">
                            {move || crate::plural!(i18n, taxonomy.missing_count_singular, taxonomy.missing_count_plural, missing)}
                        </p>
                    }
                })}
            <DataTable columns=vec![label!(i18n, taxonomy.label_fr), label!(i18n, taxonomy.label_en), label!(i18n, taxonomy.uses), label!(i18n, taxonomy.offered)] class="taxonomy-table">
                {entries
                    .into_iter()
                    .map(|entry| view! { <TaxonomyRow kind entry changes toggle /> })
                    .collect_view()}
            </DataTable>
            <AddEntryForm kind save />
        </section>
    }
}

/// One entry: both labels editable in place, and whether forms offer it.
#[component]
fn TaxonomyRow(
    kind: TaxonomyKind,
    entry: TaxonomyEntry,
    changes: RwSignal<u64>,
    toggle: ServerAction<SetTaxonomyEntryActive>,
) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveTaxonomyEntry>::new();
    count_successes(save, changes);
    let error = action_error(save);
    let form_id = format!("edit-{}-{}", kind.as_str(), entry.code);
    let fr_id = format!("{form_id}-fr");
    let en_id = format!("{form_id}-en");
    let code = entry.code.clone();
    let (code_fr, code_en, code_toggle) = (code.clone(), code.clone(), code.clone());
    let is_active = entry.is_active;
    let missing_fr = entry.label.fr.is_none();
    let missing_en = entry.label.en.is_none();
    view! {
        <tr class:inactive=!is_active>
            <td>
                <label for=fr_id.clone() class="visually-hidden">
                    {t!(i18n, taxonomy.label_fr)} " — " {code_fr}
                </label>
                <input id=fr_id form=form_id.clone() name="label_fr" value=entry.label.fr.clone().unwrap_or_default() />
                {missing_fr.then(|| view! { <span class="missing-label">{t!(i18n, taxonomy.missing_label)}</span> })}
            </td>
            <td>
                <label for=en_id.clone() class="visually-hidden">
                    {t!(i18n, taxonomy.label_en)} " — " {code_en}
                </label>
                <input id=en_id form=form_id.clone() name="label_en" value=entry.label.en.clone().unwrap_or_default() />
                {missing_en.then(|| view! { <span class="missing-label">{t!(i18n, taxonomy.missing_label)}</span> })}
            </td>
            <td>
                {entry.uses}
                {move || {
                    error
                        .get()
                        .and_then(|error| error.problem_with("label_fr"))
                        .map(|problem| view! { <p class="field-error" role="alert">{problem_text(problem)}</p> })
                }}
            </td>
            <td class="row-actions">
                <ActionForm action=save attr:id=form_id attr:class="inline-form">
                    <input type="hidden" name="kind" value=kind.as_str() />
                    <input type="hidden" name="code" value=code />
                    <button type="submit" class="button button-small">{t!(i18n, taxonomy.save)}</button>
                </ActionForm>
                <ActionForm action=toggle attr:class="inline-form">
                    <input type="hidden" name="kind" value=kind.as_str() />
                    <input type="hidden" name="code" value=code_toggle />
                    <input type="hidden" name="active" value=if is_active { "false" } else { "true" } />
                    <button type="submit" class="button button-small button-secondary">
                        {move || {
                            if is_active {
                                t_string!(i18n, taxonomy.withdraw)
                            } else {
                                t_string!(i18n, taxonomy.offer_again)
                            }
                        }}
                    </button>
                </ActionForm>
            </td>
        </tr>
    }
}

#[component]
fn AddEntryForm(kind: TaxonomyKind, save: ServerAction<SaveTaxonomyEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(save);
    let title = move || match kind {
        TaxonomyKind::Domain => t_string!(i18n, taxonomy.add_domain),
        TaxonomyKind::Skill => t_string!(i18n, taxonomy.add_skill),
    };
    // Field names are shared with the row forms; ids must differ per list.
    let prefix = kind.as_str();
    view! {
        <ActionForm action=save attr:class="form form-grid add-entry" attr:novalidate=true>
            <h3 class="form-grid-full">{title}</h3>
            <input type="hidden" name="kind" value=prefix />
            <input type="hidden" name="code" value="" />
            <div class="field">
                <label for=format!("new-{prefix}-fr")>{t!(i18n, taxonomy.label_fr)}</label>
                <input id=format!("new-{prefix}-fr") name="label_fr" />
            </div>
            <div class="field">
                <label for=format!("new-{prefix}-en")>{t!(i18n, taxonomy.label_en)}</label>
                <input id=format!("new-{prefix}-en") name="label_en" />
            </div>
            <div class="form-grid-full">
                {move || {
                    error
                        .get()
                        .and_then(|error| error.problem_with("label_fr").or_else(|| error.problem_with("label_en")))
                        .map(|problem| view! { <p class="field-error" role="alert">{problem_text(problem)}</p> })
                }}
                <FormError error />
                <SubmitButton
                    label=label!(i18n, taxonomy.add)
                    pending=save.pending()
                />
            </div>
        </ActionForm>
    }
}
