//! The mentee's needs in the workspace: the panel it opens with (the mentee
//! edits, the mentor reads), the needs each goal answers, and the choice of
//! needs in the goal forms.
use leptos::prelude::*;

use super::api::SaveMyNeeds;
use super::{MenteeNeeds, Need, NOTE_MAX_CHARS};
use crate::catalog::Bilingual;
use crate::components::forms::{
    action_error, count_successes, FieldMessage, FormError, SubmitButton, TextAreaField,
};
use crate::components::labels::label;
use crate::i18n::{t, t_string, use_i18n};
use crate::pairs::Side;

/// The needs a goal form can tie a goal to, provided by the workspace.
#[derive(Debug, Clone, Default)]
pub struct NeedsContext(pub Vec<Need>);

fn label_text(label: &Bilingual, code: &str) -> impl Fn() -> String + Send + Sync + 'static {
    let i18n = use_i18n();
    let label = label.clone();
    let code = code.to_owned();
    move || {
        label
            .get(i18n.get_locale())
            .or(label.fr.as_deref())
            .unwrap_or(&code)
            .to_owned()
    }
}

/// "Besoins de la personne mentorée": studies, domains, note, and each needed
/// skill with the goals that answer it (or "no goal yet").
#[component]
pub fn NeedsPanel(
    needs: MenteeNeeds,
    reader: Side,
    pair_id: i64,
    /// (id, title) of the pair's goals, to name those that answer a need.
    goal_titles: Vec<(i64, String)>,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let without_goal = needs.without_goal().len();
    let studies: Vec<String> = [needs.program_of_study.clone(), needs.institution.clone()]
        .into_iter()
        .flatten()
        .collect();
    let year = needs.study_year;
    let editable = reader == Side::Mentee && !needs.choices.is_empty();
    let empty = needs.skills.is_empty() && needs.note.is_none();
    view! {
        <section class="section-block needs" id="needs" aria-labelledby="needs-title">
            <h2 id="needs-title">{t!(i18n, needs.title)}</h2>
            <p class="field-hint">{move || if reader == Side::Mentee { t_string!(i18n, needs.intro_mentee) } else { t_string!(i18n, needs.intro_mentor) }}</p>
            {(!studies.is_empty() || year.is_some()).then(|| view! {
                <p class="needs-studies">
                    {studies.join(" · ")}
                    {year.map(|year| view! { " · " {move || t_string!(i18n, needs.study_year, year = year).to_string()} })}
                </p>
            })}
            {(!needs.domains.is_empty()).then(|| view! {
                <p class="tags">
                    {needs.domains.iter().map(|domain| view! { <span class="tag">{label_text(domain, "")}</span> }).collect_view()}
                </p>
            })}
            {needs.note.clone().map(|note| view! { <p class="prewrap needs-note">{note}</p> })}
            {if empty {
                view! { <p class="muted">{t!(i18n, needs.none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list need-list">
                        {needs.skills.iter().map(|need| {
                            let answered: Vec<String> = need.goals.iter()
                                .filter_map(|id| goal_titles.iter().find(|(goal, _)| goal == id).map(|(_, title)| title.clone()))
                                .collect();
                            view! {
                                <li class="need">
                                    <span class="need-label">{label_text(&need.label, &need.code)}</span>
                                    {if answered.is_empty() {
                                        view! { " " <span class="badge badge-action">{t!(i18n, needs.no_goal_yet)}</span> }.into_any()
                                    } else {
                                        view! { <span class="muted small">" — " {move || t_string!(i18n, needs.answered_by, goals = answered.join(", ")).to_string()}</span> }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {(without_goal > 0).then(|| view! {
                        <p class="notice notice-info">{move || crate::plural!(i18n, needs.without_goal_singular, needs.without_goal_plural, without_goal)}</p>
                    })}
                }.into_any()
            }}
            {editable.then(|| view! { <EditNeedsForm needs=needs.clone() pair_id changes /> })}
        </section>
    }
}

#[component]
fn EditNeedsForm(needs: MenteeNeeds, pair_id: i64, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveMyNeeds>::new();
    count_successes(save, changes);
    let error = action_error(save);
    let mine: Vec<String> = needs.skills.iter().map(|need| need.code.clone()).collect();
    view! {
        <details class="inline-details edit-needs no-print">
            <summary class="button button-secondary">{t!(i18n, needs.edit)}</summary>
            <ActionForm action=save attr:class="form">
                <input type="hidden" name="pair_id" value=pair_id />
                <fieldset class="field" aria-describedby="needs-skills-error">
                    <legend>{t!(i18n, needs.skills_label)}</legend>
                    <div class="checkbox-grid">
                        {needs.choices.iter().map(|choice| {
                            let id = format!("need-skill-{}", choice.code);
                            view! {
                                <div class="field-checkbox">
                                    <input type="checkbox" id=id.clone() name="skills[]" value=choice.code.clone()
                                        checked=mine.contains(&choice.code) />
                                    <label for=id>{label_text(&choice.label, &choice.code)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    <FieldMessage field="skills" error id="needs-skills-error".to_owned() />
                </fieldset>
                <TextAreaField name="needs_note" scope=format!("pair-{pair_id}-needs") required=false max_chars=NOTE_MAX_CHARS
                    label=label!(i18n, needs.note_label) error value=needs.note.clone().unwrap_or_default() />
                <FormError error />
                <SubmitButton label=label!(i18n, needs.save) pending=save.pending() />
            </ActionForm>
        </details>
    }
}

/// The needs a goal answers, on its card.
#[component]
pub fn GoalNeeds(needs: Vec<(String, Bilingual)>) -> impl IntoView {
    let i18n = use_i18n();
    (!needs.is_empty()).then(|| {
        view! {
            <p class="goal-needs muted small">
                {t!(i18n, needs.goal_answers)} " "
                {needs.iter().map(|(code, label)| view! { <span class="tag">{label_text(label, code)}</span> " " }).collect_view()}
            </p>
        }
    })
}

/// Checkboxes tying a goal to the mentee's needs (`needs[]`), in a goal form.
#[component]
pub fn NeedsChoice(#[prop(into)] scope: String, checked: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let needs = use_context::<NeedsContext>().unwrap_or_default().0;
    (!needs.is_empty()).then(|| {
        view! {
            <fieldset class="field">
                <legend>{t!(i18n, needs.tie_label)}</legend>
                <p class="field-hint">{t!(i18n, needs.tie_hint)}</p>
                {needs.into_iter().map(|need| {
                    let id = format!("{scope}-need-{}", need.code);
                    view! {
                        <div class="field-checkbox">
                            <input type="checkbox" id=id.clone() name="needs[]" value=need.code.clone()
                                checked=checked.contains(&need.code) />
                            <label for=id>{label_text(&need.label, &need.code)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
    })
}
