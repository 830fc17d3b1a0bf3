//! `/coordinator/evaluations/questions?kind=…&audience=…`: the question
//! editor of each questionnaire. Each question in use has its two wordings
//! to change, buttons to move it, and one to retire it (asked first); a form
//! adds one. A refused form shows its error on its own question only.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use super::editor_api::{
    get_questionnaire_questions, AddQuestion, MoveQuestion, QuestionnaireQuestions, RetireQuestion,
    SaveQuestionLabels,
};
use super::results_ui::audience_name;
use super::ui::{in_reader_language, kind_name};
use super::{may_change_count, AnswerKind, Audience, Question, QuestionnaireKind, LABEL_MAX_CHARS};
use crate::components::access::{reload_or_deny, CoordinationPage};
use crate::components::forms::{
    action_error, action_succeeded, count_successes, echo_is_of, echoed_value, FieldMessage,
    FormError, SubmitButton,
};
use crate::components::labels::label;
use crate::components::page::PageTitle;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n, Locale};

/// The actions of the page, shared by its forms.
#[derive(Clone, Copy)]
struct EditorActions {
    save: ServerAction<SaveQuestionLabels>,
    add: ServerAction<AddQuestion>,
    moved: ServerAction<MoveQuestion>,
    retire: ServerAction<RetireQuestion>,
}

fn answer_kind_name(i18n: leptos_i18n::I18nContext<Locale>, kind: AnswerKind) -> &'static str {
    match kind {
        AnswerKind::Scale => t_string!(i18n, evaluations.answer_kind_scale),
        AnswerKind::Text => t_string!(i18n, evaluations.answer_kind_text),
    }
}

/// The error of `action` when the refused post named question `id` (a
/// page of several questions shows it on that question only).
fn error_for<I, O>(action: ServerAction<I>, id: i64) -> Signal<Option<AppError>>
where
    I: ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    let error = action_error(action);
    let named = echoed_value("id").is_some_and(|echoed| echoed == id.to_string());
    #[cfg(not(feature = "ssr"))]
    let named = {
        let _ = named;
        true
    };
    Signal::derive(move || error.get().filter(|_| named))
}

#[component]
pub fn QuestionEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let chosen = Memo::new(move |_| {
        let query = query.read();
        (
            query.get("kind").unwrap_or_else(|| "evaluation".to_owned()),
            query.get("audience").unwrap_or_else(|| "mentee".to_owned()),
        )
    });
    let actions = EditorActions {
        save: ServerAction::new(),
        add: ServerAction::new(),
        moved: ServerAction::new(),
        retire: ServerAction::new(),
    };
    let changes = RwSignal::new(0_u64);
    count_successes(actions.save, changes);
    count_successes(actions.add, changes);
    count_successes(actions.moved, changes);
    count_successes(actions.retire, changes);
    let questions = Resource::new(
        move || (chosen.get(), changes.get()),
        |((kind, audience), _)| get_questionnaire_questions(kind, audience),
    );
    let title = label!(i18n, evaluations.editor_title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(questions, move |questions| view! {
            <CoordinationPage title>
                <EditorView questions actions />
            </CoordinationPage>
        }.into_any())}
    }
}

#[component]
fn EditorView(questions: QuestionnaireQuestions, actions: EditorActions) -> impl IntoView {
    let i18n = use_i18n();
    let (kind, audience) = (questions.kind, questions.audience);
    let (current, retired): (Vec<Question>, Vec<Question>) = questions
        .questions
        .into_iter()
        .partition(|question| !question.retired);
    let count = current.len();
    let last = count.saturating_sub(1);
    let range = kind.question_count();
    let (fewest, most) = (*range.start(), *range.end());
    let saved = Signal::derive({
        let (save, add) = (
            action_succeeded(actions.save),
            action_succeeded(actions.add),
        );
        let (moved, retire) = (
            action_succeeded(actions.moved),
            action_succeeded(actions.retire),
        );
        move || save.get() || add.get() || moved.get() || retire.get()
    });
    view! {
        <p><a href="/coordinator/evaluations">{t!(i18n, evaluations.back_to_results)}</a></p>
        <nav aria-label=move || t_string!(i18n, evaluations.questionnaires)>
            <ul class="plain-list questionnaire-tabs">
                {QuestionnaireKind::ALL.into_iter().flat_map(|tab_kind| Audience::ALL.map(move |tab_audience| (tab_kind, tab_audience))).map(|(tab_kind, tab_audience)| {
                    let href = format!("/coordinator/evaluations/questions?kind={}&audience={}", tab_kind.as_str(), tab_audience.as_str());
                    let current = tab_kind == kind && tab_audience == audience;
                    view! {
                        <li>
                            <a href=href aria-current=current.then_some("page")>
                                {move || t_string!(i18n, evaluations.questionnaire_name, kind = kind_name(i18n, tab_kind), audience = audience_name(i18n, tab_audience)).to_string()}
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        <h2>
            {move || t_string!(i18n, evaluations.questionnaire_name, kind = kind_name(i18n, kind), audience = audience_name(i18n, audience)).to_string()}
        </h2>
        <p class="muted">
            {move || if fewest == most {
                t_string!(i18n, evaluations.size_exactly, count = most).to_string()
            } else {
                t_string!(i18n, evaluations.size_range, fewest = fewest, most = most).to_string()
            }}
        </p>
        <p role="status">{move || saved.get().then(|| t_string!(i18n, evaluations.editor_saved).to_string())}</p>
        {if current.is_empty() {
            view! { <p class="empty-state">{t!(i18n, evaluations.no_questions)}</p> }.into_any()
        } else {
            view! {
                <ol class="plain-list question-editor">
                    {current.into_iter().enumerate().map(|(index, question)| {
                        let may_retire = may_change_count(kind, count, false);
                        view! { <li><QuestionCard question number=index + 1 first=index == 0 last=index == last may_retire actions /></li> }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        {may_change_count(kind, count, true).then(|| view! { <AddQuestionForm kind audience add=actions.add /> })}
        {(!retired.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="retired-title">
                <h2 id="retired-title">{t!(i18n, evaluations.retired_title)}</h2>
                <p class="muted">{t!(i18n, evaluations.retired_lead)}</p>
                <ul>
                    {retired.into_iter().map(|question| {
                        let label = question.label.clone();
                        view! { <li>{move || in_reader_language(i18n, &label)}</li> }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn QuestionCard(
    question: Question,
    number: usize,
    first: bool,
    last: bool,
    may_retire: bool,
    actions: EditorActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = question.id;
    let kind = question.kind;
    let save_error = error_for(actions.save, id);
    let move_error = error_for(actions.moved, id);
    let retire_error = error_for(actions.retire, id);
    let echoed = echo_is_of(<SaveQuestionLabels as ServerFn>::PATH)
        && echoed_value("id").is_some_and(|echoed| echoed == id.to_string());
    let typed = |name: &str, stored: Option<String>| {
        if echoed {
            echoed_value(name).unwrap_or_default()
        } else {
            stored.unwrap_or_default()
        }
    };
    let label_fr = typed("label_fr", question.label.fr.clone());
    let label_en = typed("label_en", question.label.en.clone());
    let heading = format!("question-{id}-title");
    let labelled_by = heading.clone();
    let confirm = t_string!(i18n, evaluations.retire_confirm).to_string();
    view! {
        <article class="card" aria-labelledby=labelled_by>
            <h3 id=heading class="card-title">
                {move || t_string!(i18n, evaluations.question_number, number = number).to_string()}
                " " <span class="badge">{move || answer_kind_name(i18n, kind)}</span>
            </h3>
            <ActionForm action=actions.save attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id />
                <LabelField name="label_fr" id=id value=label_fr error=save_error />
                <LabelField name="label_en" id=id value=label_en error=save_error />
                <FormError error=save_error />
                <SubmitButton class="button button-small" label=label!(i18n, evaluations.save_wording) pending=actions.save.pending() />
            </ActionForm>
            <div class="button-row">
                {(!first).then(|| view! { <MoveButton id direction="up" moved=actions.moved /> })}
                {(!last).then(|| view! { <MoveButton id direction="down" moved=actions.moved /> })}
                {may_retire.then(|| view! {
                    <ActionForm action=actions.retire attr:class="inline-form">
                        <input type="hidden" name="id" value=id />
                        <SubmitButton class="button button-small button-secondary" label=label!(i18n, evaluations.retire)
                            pending=actions.retire.pending() confirm=Some(confirm.clone()) />
                    </ActionForm>
                })}
            </div>
            <FormError error=move_error />
            <FormError error=retire_error />
        </article>
    }
}

/// One of a question's two wordings.
#[component]
fn LabelField(
    name: &'static str,
    id: i64,
    value: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let input_id = format!("question-{id}-{name}");
    let error_id = format!("question-{id}-{name}-error");
    let label = move || match name {
        "label_fr" => t_string!(i18n, evaluations.label_fr),
        _ => t_string!(i18n, evaluations.label_en),
    };
    let invalid = crate::components::forms::aria_invalid(error, name.to_owned());
    view! {
        <div class="field">
            <label for=input_id.clone()>{label}</label>
            <input type="text" id=input_id name=name value=value maxlength=LABEL_MAX_CHARS required=true
                aria-invalid=invalid aria-describedby=error_id.clone() />
            <FieldMessage field=name error id=error_id />
        </div>
    }
}

#[component]
fn MoveButton(
    id: i64,
    direction: &'static str,
    moved: ServerAction<MoveQuestion>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = if direction == "up" {
        label!(i18n, evaluations.move_up)
    } else {
        label!(i18n, evaluations.move_down)
    };
    view! {
        <ActionForm action=moved attr:class="inline-form">
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="direction" value=direction />
            <SubmitButton class="button button-small button-secondary" label pending=moved.pending() />
        </ActionForm>
    }
}

#[component]
fn AddQuestionForm(
    kind: QuestionnaireKind,
    audience: Audience,
    add: ServerAction<AddQuestion>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(add);
    let echoed = echo_is_of(<AddQuestion as ServerFn>::PATH);
    let typed = |name: &str| {
        echoed
            .then(|| echoed_value(name))
            .flatten()
            .unwrap_or_default()
    };
    let (label_fr, label_en, chosen_kind) =
        (typed("label_fr"), typed("label_en"), typed("answer_kind"));
    view! {
        <section class="panel" aria-labelledby="add-question-title">
            <h2 id="add-question-title">{t!(i18n, evaluations.add_title)}</h2>
            <ActionForm action=add attr:class="form" attr:novalidate=true>
                <input type="hidden" name="kind" value=kind.as_str() />
                <input type="hidden" name="audience" value=audience.as_str() />
                <div class="field">
                    <label for="new-answer-kind">{t!(i18n, evaluations.answer_kind)}</label>
                    <select id="new-answer-kind" name="answer_kind" aria-describedby="answer_kind-error">
                        {[AnswerKind::Scale, AnswerKind::Text].into_iter().map(|option| view! {
                            <option value=option.as_str() selected=chosen_kind == option.as_str()>{move || answer_kind_name(i18n, option)}</option>
                        }).collect_view()}
                    </select>
                    <FieldMessage field="answer_kind" error />
                </div>
                <div class="field">
                    <label for="new-label-fr">{t!(i18n, evaluations.label_fr)}</label>
                    <input type="text" id="new-label-fr" name="label_fr" value=label_fr maxlength=LABEL_MAX_CHARS required=true
                        aria-invalid=crate::components::forms::aria_invalid(error, "label_fr".to_owned()) aria-describedby="new-label_fr-error" />
                    <FieldMessage field="label_fr" error id="new-label_fr-error" />
                </div>
                <div class="field">
                    <label for="new-label-en">{t!(i18n, evaluations.label_en)}</label>
                    <input type="text" id="new-label-en" name="label_en" value=label_en maxlength=LABEL_MAX_CHARS required=true
                        aria-invalid=crate::components::forms::aria_invalid(error, "label_en".to_owned()) aria-describedby="new-label_en-error" />
                    <FieldMessage field="label_en" error id="new-label_en-error" />
                </div>
                <FormError error />
                <SubmitButton label=label!(i18n, evaluations.add) pending=add.pending() />
            </ActionForm>
        </section>
    }
}
