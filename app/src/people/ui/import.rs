//! Importing mentees: paste a list, read every line's problem, then send
//! the invitations of the lines that are ready, into the chosen cohort.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::access::{reload_or_deny, CoordinationPage};
use crate::components::forms::{
    action_error, action_succeeded, count_successes, echoed_value, restore_outcome, FieldMessage,
    FormError, SubmitButton,
};
use crate::components::labels::label;
use crate::components::page::PageTitle;
use crate::components::table::DataTable;
use crate::i18n::{t, t_string, use_i18n};
use crate::people::api::{get_import_form, get_mentee_import, SendMenteeImport, StageMenteeImport};
use crate::people::import::{ImportLine, ImportPreview, LineProblem, MAX_LINES};

/// The form: where to, the language of lines that name none, the list.
#[component]
pub fn MenteeImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let from = move || {
        query
            .read()
            .get("from")
            .and_then(|id| id.parse::<i64>().ok())
    };
    let form = Resource::new(from, get_import_form);
    let stage = ServerAction::<StageMenteeImport>::new();
    let error = action_error(stage);
    view! {
        <PageTitle text=label!(i18n, import.title) />
        {reload_or_deny(form, move |form| {
            // A refused form comes back with what was chosen (`form_echo`).
            let chosen = echoed_value("cohort").unwrap_or_else(|| form.cohorts.chosen.clone());
            let locale = echoed_value("locale").unwrap_or_else(|| form.locale.clone());
            let list = echoed_value("list").unwrap_or_else(|| form.list.clone());
            view! {
                <CoordinationPage title=label!(i18n, import.title)>
                    <p><a href="/coordinator/people">{t!(i18n, import.back)}</a></p>
                    <p>{t!(i18n, import.lead)}</p>
                    <ActionForm action=stage attr:class="form" attr:novalidate=true>
                        <div class="field">
                            <label for="field-import-cohort">{t!(i18n, import.cohort)}</label>
                            <crate::catalog::cohort_select::CohortSelect id="field-import-cohort"
                                cohorts=form.cohorts.cohorts.clone() chosen=chosen.clone() described_by="cohort-error" />
                            <FieldMessage field="cohort" error />
                        </div>
                        <div class="field">
                            <label for="field-import-locale">{t!(i18n, import.default_language)}</label>
                            <select id="field-import-locale" name="locale" aria-describedby="locale-error">
                                <option value="fr" selected=locale == "fr">{t!(i18n, fields.language_fr)}</option>
                                <option value="en" selected=locale == "en">{t!(i18n, fields.language_en)}</option>
                            </select>
                            <FieldMessage field="locale" error />
                        </div>
                        <div class="field">
                            <label for="field-list">{t!(i18n, import.list)}</label>
                            <p class="field-hint" id="list-hint">
                                {move || t_string!(i18n, import.list_hint, count = MAX_LINES).to_string()}
                            </p>
                            <textarea
                                id="field-list"
                                name="list"
                                rows="12"
                                class="monospace"
                                maxlength=crate::people::import::MAX_BYTES
                                aria-describedby="list-hint list-error"
                                placeholder="Amina Diallo, amina@example.org, fr"
                            >
                                {list}
                            </textarea>
                            <FieldMessage field="list" error />
                        </div>
                        <FormError error />
                        <div class="form-actions">
                            <SubmitButton label=label!(i18n, import.preview) pending=stage.pending() />
                        </div>
                    </ActionForm>
                </CoordinationPage>
            }
        })}
    }
}

/// One kept list: each line and its problem, then the invitations to send.
#[component]
pub fn MenteeImportPreviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let id_in_address = crate::components::page::id_in_address();
    let id = move || id_in_address().unwrap_or_default();
    let send = ServerAction::<SendMenteeImport>::new();
    // The page that follows a plain post says how many were invited.
    restore_outcome(send);
    let changes = RwSignal::new(0_u64);
    count_successes(send, changes);
    let preview = Resource::new(
        move || (id(), changes.get()),
        |(id, _)| get_mentee_import(id),
    );
    view! {
        <PageTitle text=label!(i18n, import.preview_title) />
        {reload_or_deny(preview, move |preview| {
            view! {
                <CoordinationPage title=label!(i18n, import.preview_title)>
                    <p><a href="/coordinator/people">{t!(i18n, import.back)}</a></p>
                    <Summary preview=preview.clone() send />
                    <ImportLines lines=preview.lines />
                </CoordinationPage>
            }
        })}
    }
}

/// Where the list goes, how many lines are ready, and the sending (or what
/// was sent).
#[component]
fn Summary(preview: ImportPreview, send: ServerAction<SendMenteeImport>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(send);
    let done = action_succeeded(send);
    let ready = preview.ready();
    let with_problem = preview.lines.len() - ready;
    let name = preview.cohort.name.clone();
    let cohort = Signal::derive(move || name.get(i18n.get_locale()).unwrap_or_default().to_owned());
    let correct = format!("/coordinator/people/import?from={}", preview.id);
    let outcome = move || send.value().get().and_then(Result::ok);
    let sending = match (&preview.sent, preview.too_many(), ready) {
        (Some((at, invited)), _, _) => {
            let (at, invited) = (at.clone(), *invited);
            view! {
                <p class="notice notice-info">
                    {move || t_string!(i18n, import.sent, count = invited, date = crate::components::when::when_text(i18n.get_locale(), &at)).to_string()}
                    " "
                    <a href="/coordinator/outbox">{t!(i18n, import.see_outbox)}</a>
                </p>
            }
            .into_any()
        }
        (None, true, _) => view! {
            <p class="notice notice-error">
                {move || t_string!(i18n, import.too_many, count = MAX_LINES).to_string()}
            </p>
        }
        .into_any(),
        (None, false, 0) => {
            view! { <p class="notice notice-info">{t!(i18n, import.nothing_ready)}</p> }.into_any()
        }
        (None, false, ready) => {
            let confirm = Signal::derive(move || {
                t_string!(i18n, import.confirm, cohort = cohort.get()).to_string()
            });
            view! {
                <ActionForm action=send attr:class="form">
                    <input type="hidden" name="id" value=preview.id />
                    <input type="hidden" name="seen" value=preview.seen.clone() />
                    <FormError error />
                    {move || error.get().and_then(|error| error.problem_with("list")).map(|_| view! {
                        <p class="field-error">{move || t_string!(i18n, import.too_many, count = MAX_LINES).to_string()}</p>
                    })}
                    <button
                        type="submit"
                        class="button button-primary"
                        data-confirm=confirm
                        disabled=move || send.pending().get()
                    >
                        {move || crate::plural!(i18n, import.send_singular, import.send_plural, ready)}
                    </button>
                </ActionForm>
            }
            .into_any()
        }
    };
    view! {
        {move || done.get().then(|| {
            let invited = outcome().unwrap_or_default();
            view! {
                <p class="notice notice-success" role="status">
                    {crate::plural!(i18n, import.done_singular, import.done_plural, invited)}
                </p>
            }
        })}
        <p>
            {move || t_string!(i18n, import.into_cohort, cohort = cohort.get()).to_string()}
            " · "
            {move || crate::plural!(i18n, import.ready_singular, import.ready_plural, ready)}
            " · "
            {move || crate::plural!(i18n, import.problems_singular, import.problems_plural, with_problem)}
        </p>
        {sending}
        {preview.sent.is_none().then(|| view! {
            <p><a class="button button-secondary" href=correct>{t!(i18n, import.correct)}</a></p>
        })}
    }
}

/// Every line of the list with what was read and its problem, if any.
#[component]
fn ImportLines(lines: Vec<ImportLine>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DataTable columns=vec![
            label!(i18n, import.column_line),
            label!(i18n, fields.display_name),
            label!(i18n, fields.email),
            label!(i18n, import.column_language),
            label!(i18n, import.column_status),
        ]>
            {lines.into_iter().map(|line| {
                let problem = line.problem;
                let locale = line.locale.clone();
                // A language understood is named; one that is not, shown as written.
                let language = move || match locale.as_str() {
                    "fr" => t_string!(i18n, fields.language_fr).to_string(),
                    "en" => t_string!(i18n, fields.language_en).to_string(),
                    other => other.to_owned(),
                };
                view! {
                    <tr class:row-problem=problem.is_some()>
                        <td>{line.line}</td>
                        <td>{line.name}</td>
                        <td>{line.email}</td>
                        <td>{language}</td>
                        <td>{move || problem_text(i18n, problem)}</td>
                    </tr>
                }
            }).collect_view()}
        </DataTable>
    }
}

fn problem_text(
    i18n: leptos_i18n::I18nContext<crate::i18n::Locale>,
    problem: Option<LineProblem>,
) -> String {
    match problem {
        None => t_string!(i18n, import.ready).to_string(),
        Some(LineProblem::Columns) => t_string!(i18n, import.problem_columns).to_string(),
        Some(LineProblem::MissingName) => t_string!(i18n, import.problem_missing_name).to_string(),
        Some(LineProblem::InvalidName) => t_string!(i18n, import.problem_invalid_name).to_string(),
        Some(LineProblem::InvalidEmail) => {
            t_string!(i18n, import.problem_invalid_email).to_string()
        }
        Some(LineProblem::UnknownLanguage) => {
            t_string!(i18n, import.problem_unknown_language).to_string()
        }
        Some(LineProblem::Duplicate { line }) => {
            t_string!(i18n, import.problem_duplicate, line = line).to_string()
        }
        Some(LineProblem::HasAccount) => t_string!(i18n, import.problem_has_account).to_string(),
        Some(LineProblem::AlreadyInvited) => {
            t_string!(i18n, import.problem_already_invited).to_string()
        }
    }
}
