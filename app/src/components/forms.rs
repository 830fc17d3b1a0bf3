//! Form fields that show the server's verdict next to the field they concern.
//!
//! A server function answers a bad field with `AppError::InvalidInput { field,
//! problem }`; the field of that name shows the localized problem, is marked
//! `aria-invalid` and points to the message with `aria-describedby`. Other
//! errors (wrong password, expired link…) appear once, above the submit button.
use leptos::prelude::*;

use crate::components::labels::label;

use serde::{Deserialize, Serialize};

use crate::components::page::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::input::PASSWORD_MIN_CHARS;

pub use super::problems::problem_text;

/// The cookie in which the server keeps what was typed in a form refused before
/// hydration (see `server/src/form_echo.rs`).
pub const FORM_ECHO_COOKIE: &str = "mentorat_form";

/// The fields of a refused form submission (never passwords or tokens), and
/// the server function it was sent to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormEcho {
    pub action: String,
    pub fields: Vec<(String, String)>,
}

impl FormEcho {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
    }
}

/// The cookie in which the server keeps, for the next page only, that a form
/// sent without the script was accepted and what its server function answered
/// (see `server/src/form_echo.rs`).
pub const FORM_DONE_COOKIE: &str = "mentorat_done";

/// An accepted form submission: the server function it was sent to and its
/// answer (JSON; `None` when too long to keep).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDone {
    pub action: String,
    pub output: Option<String>,
}

/// On the server, what the request's cookie `name` holds, as
/// `server/src/form_echo.rs` writes it (JSON, then URL-safe base64).
#[cfg(feature = "ssr")]
fn form_cookie<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;

    let encoded = crate::server_context::request_cookie(name)?;
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(encoded).ok()?).ok()
}

/// On the server, the accepted plain form post of `action` that this page
/// follows, if it does (see `server/src/form_echo.rs`).
#[cfg(feature = "ssr")]
fn accepted_before_this_page(action: &str) -> Option<FormDone> {
    form_cookie::<FormDone>(FORM_DONE_COOKIE).filter(|done| done.action == action)
}

/// On the server, when the page being drawn follows an accepted plain form
/// post of `action`: its answer, put in the action's value as a run in the
/// browser would, so the page says it ("sent to…"). The server keeps the
/// answer only for the forms listed in `form_echo.rs` (`ANSWERS_SHOWN`);
/// [`action_succeeded`] needs no answer.
pub fn restore_outcome<I, O>(action: ServerAction<I>)
where
    I: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + serde::de::DeserializeOwned + 'static,
{
    #[cfg(feature = "ssr")]
    if let Some(output) = accepted_before_this_page(I::PATH)
        .and_then(|done| done.output)
        .and_then(|json| serde_json::from_str::<O>(&json).ok())
    {
        action.value().set(Some(Ok(output)));
    }
    #[cfg(not(feature = "ssr"))]
    let _ = action;
}

/// What was typed in `name` before a form was refused without JavaScript: read
/// on the server when the page comes back with that form's error in its URL.
pub fn echoed_value(name: &str) -> Option<String> {
    current_echo()?.get(name).map(str::to_owned)
}

/// Whether the refused form this page shows again is a post of `action`
/// (a server function's path): a page with several forms echoes only into
/// the one that was sent.
pub fn echo_is_of(action: &str) -> bool {
    current_echo().is_some_and(|echo| echo.action == action)
}

/// Every value typed under `name` (ticked checkboxes of a list) before a form
/// was refused without JavaScript; `None` when no refused form is coming back.
pub fn echoed_values(name: &str) -> Option<Vec<String>> {
    let echo = current_echo()?;
    Some(
        echo.fields
            .iter()
            .filter(|(field, _)| field == name)
            .map(|(_, value)| value.clone())
            .collect(),
    )
}

/// The typed values of the refused form this page is showing again, if any.
fn current_echo() -> Option<FormEcho> {
    #[cfg(feature = "ssr")]
    {
        let parts = use_context::<http::request::Parts>()?;
        let query = parts.uri.query().unwrap_or_default();
        let echo: FormEcho = form_cookie(FORM_ECHO_COOKIE)?;
        let action_in_url = format!("__path={}", echo.action.replace('/', "%2F"));
        if !query.contains(&action_in_url) {
            return None;
        }
        Some(echo)
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The latest error of a server action, as a signal the fields can read.
pub fn action_error<I, O>(action: ServerAction<I>) -> Signal<Option<AppError>>
where
    I: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// Whether the last run of a server action succeeded: in the browser, or as
/// the plain form post this page follows (pages outside islands say "saved"
/// that way).
pub fn action_succeeded<I, O>(action: ServerAction<I>) -> Signal<bool>
where
    I: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    #[cfg(feature = "ssr")]
    let before_this_page = accepted_before_this_page(I::PATH).is_some();
    #[cfg(not(feature = "ssr"))]
    let before_this_page = false;
    Signal::derive(move || before_this_page || matches!(action.value().get(), Some(Ok(_))))
}

/// Counts the successful runs of an action in `counter` (for resources that
/// must reload after a change, and only then: a refusal keeps the page as it is).
pub fn count_successes<I, O>(action: ServerAction<I>, counter: RwSignal<u64>)
where
    I: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            counter.update(|count| *count += 1);
        }
    });
}

/// After a successful run of a "new item" form kept in a `<details>` (a goal,
/// a meeting, a feedback), folds it away and empties it, ready for the next
/// one; the focus goes back to its summary, where the keyboard was before.
pub fn fold_away_on_success<I, O>(action: ServerAction<I>, details: NodeRef<leptos::html::Details>)
where
    I: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if !matches!(action.value().get(), Some(Ok(_))) {
            return;
        }
        #[cfg(feature = "hydrate")]
        if let Some(details) = details.get_untracked() {
            use leptos::wasm_bindgen::JsCast;
            use leptos::web_sys::{HtmlElement, HtmlFormElement};

            details.set_open(false);
            if let Ok(Some(form)) = details.query_selector("form") {
                if let Ok(form) = form.dyn_into::<HtmlFormElement>() {
                    form.reset();
                }
            }
            if let Ok(Some(summary)) = details.query_selector("summary") {
                if let Ok(summary) = summary.dyn_into::<HtmlElement>() {
                    let _ = summary.focus();
                }
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = details;
    });
}

/// `aria-invalid="true"` while the last error concerns the field `name`.
pub fn aria_invalid(
    error: Signal<Option<AppError>>,
    name: String,
) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    move || {
        error
            .get()
            .and_then(|error| error.problem_with(&name))
            .is_some()
            .then_some("true")
    }
}

/// The message under a field, when the last error concerns it. Its id is
/// `<field>-error`, unless `id` is given (a field repeated on a page, one per row).
#[component]
pub fn FieldMessage(
    #[prop(into)] field: String,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| format!("{field}-error"));
    let problem = {
        let field = field.clone();
        move || error.get().and_then(|error| error.problem_with(&field))
    };
    view! {
        <p class="field-error" id=id aria-live="polite">
            {move || problem().map(|problem| problem_text(problem)())}
        </p>
    }
}

/// The ids that tie a field to its label, hint and error message. `scope`
/// makes them unique when the same form appears several times on a page.
struct FieldIds {
    input: String,
    hint: String,
    error: String,
    /// What describes the field: its hint (when it has one) and its error.
    described_by: String,
}

impl FieldIds {
    fn new(name: &str, scope: Option<String>, has_hint: bool) -> Self {
        let key = scope.map_or_else(|| name.to_string(), |scope| format!("{scope}-{name}"));
        let hint = format!("{key}-hint");
        let error = format!("{key}-error");
        let described_by = if has_hint {
            format!("{hint} {error}")
        } else {
            error.clone()
        };
        Self {
            input: format!("field-{key}"),
            hint,
            error,
            described_by,
        }
    }
}

/// A field's label and, when it has one, its hint.
#[component]
fn FieldHead(
    input_id: String,
    label: Signal<String>,
    hint: Option<Signal<String>>,
    hint_id: String,
) -> impl IntoView {
    view! {
        <label for=input_id>{move || label.get()}</label>
        {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{move || hint.get()}</p> })}
    }
}

/// A labelled text input (text, email, password) with its error message.
#[component]
pub fn TextField(
    #[prop(into)] name: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// Makes the ids unique when the same form appears several times on a
    /// page (one per pair, per meeting…).
    #[prop(optional, into)]
    scope: Option<String>,
    #[prop(default = true)] required: bool,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let ids = FieldIds::new(&name, scope, hint.is_some());
    let value = echoed_value(&name).unwrap_or(value);
    let invalid = aria_invalid(error, name.clone());
    view! {
        <div class="field">
            <FieldHead input_id=ids.input.clone() label hint hint_id=ids.hint />
            <input
                type=input_type
                id=ids.input
                name=name.clone()
                autocomplete=autocomplete
                value=value
                required=required
                autofocus=autofocus
                aria-invalid=invalid
                aria-describedby=ids.described_by
            />
            <FieldMessage field=name error id=ids.error />
        </div>
    }
}

/// A labelled multi-line text with its error message.
#[component]
pub fn TextAreaField(
    #[prop(into)] name: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// Makes the ids unique when the same form appears several times on a
    /// page (one per pair, per meeting…).
    #[prop(optional, into)]
    scope: Option<String>,
    #[prop(default = true)] required: bool,
    #[prop(default = 2000)] max_chars: usize,
) -> impl IntoView {
    let ids = FieldIds::new(&name, scope, hint.is_some());
    let value = echoed_value(&name).unwrap_or(value);
    let invalid = aria_invalid(error, name.clone());
    view! {
        <div class="field">
            <FieldHead input_id=ids.input.clone() label hint hint_id=ids.hint />
            <textarea
                id=ids.input
                name=name.clone()
                rows="5"
                maxlength=max_chars
                required=required
                aria-invalid=invalid
                aria-describedby=ids.described_by
            >
                {value}
            </textarea>
            <FieldMessage field=name error id=ids.error />
        </div>
    }
}

/// A labelled list to choose one value from; `options` are (value, label).
/// The first option is an empty "choose" line unless `placeholder` is `None`.
#[component]
pub fn SelectField(
    #[prop(into)] name: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// Makes the ids unique when the same form appears several times on a
    /// page (one per pair, per meeting…).
    #[prop(optional, into)]
    scope: Option<String>,
    /// Shows what a refused post typed (`false` on a form of a page with
    /// several forms of the same fields, other than the one sent).
    #[prop(default = true)]
    echo: bool,
) -> impl IntoView {
    let ids = FieldIds::new(&name, scope, hint.is_some());
    let selected = echo
        .then(|| echoed_value(&name))
        .flatten()
        .unwrap_or(selected);
    let invalid = aria_invalid(error, name.clone());
    view! {
        <div class="field">
            <FieldHead input_id=ids.input.clone() label hint hint_id=ids.hint />
            <select id=ids.input name=name.clone() aria-invalid=invalid aria-describedby=ids.described_by>
                {placeholder.map(|text| view! { <option value="">{text}</option> })}
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = value == selected;
                        view! { <option value=value selected=is_selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
            <FieldMessage field=name error id=ids.error />
        </div>
    }
}

/// A group of radio buttons (one answer among a few), with its error message.
#[component]
pub fn RadioField(
    #[prop(into)] name: String,
    #[prop(into)] legend: Signal<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// Makes the ids unique when the same form appears several times on a
    /// page (one per row…).
    #[prop(optional, into)]
    scope: Option<String>,
    /// Shows what a refused post typed (`false`: see `SelectField`).
    #[prop(default = true)]
    echo: bool,
) -> impl IntoView {
    let ids = FieldIds::new(&name, scope, hint.is_some());
    let selected = echo
        .then(|| echoed_value(&name))
        .flatten()
        .unwrap_or(selected);
    let invalid = aria_invalid(error, name.clone());
    let group = name.clone();
    let input_id = ids.input.clone();
    let error_id = ids.error.clone();
    view! {
        <fieldset
            class="field fieldset-inline"
            role="radiogroup"
            aria-invalid=invalid
            aria-describedby=ids.described_by
        >
            <legend>{move || legend.get()}</legend>
            {hint.map(|hint| view! { <p class="field-hint" id=ids.hint>{move || hint.get()}</p> })}
            <div class="choices-inline">
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let id = format!("{input_id}-{value}");
                        let checked = value == selected;
                        view! {
                            <span class="choice">
                                <input type="radio" id=id.clone() name=group.clone() value=value checked=checked />
                                <label for=id>{text}</label>
                            </span>
                        }
                    })
                    .collect_view()}
            </div>
            <FieldMessage field=name error id=error_id />
        </fieldset>
    }
}

/// A checkbox that must (or may) be ticked, with its error message.
#[component]
pub fn CheckboxField(
    #[prop(into)] name: String,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(default = true)] required: bool,
    /// Makes the ids unique when the same form appears several times on a page.
    #[prop(optional, into)]
    scope: Option<String>,
    children: Children,
) -> impl IntoView {
    let ids = FieldIds::new(&name, scope, false);
    let checked = echoed_value(&name).is_some();
    let invalid = aria_invalid(error, name.clone());
    view! {
        <div class="field field-checkbox">
            <input
                id=ids.input.clone()
                name=name.clone()
                type="checkbox"
                checked=checked
                required=required
                aria-invalid=invalid
                aria-describedby=ids.described_by
            />
            <label for=ids.input>{children()}</label>
            <FieldMessage field=name error id=ids.error />
        </div>
    }
}

/// The error of the whole form (not of one field), when there is one.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|error| !matches!(error, AppError::InvalidInput { .. }))
            .map(|error| view! { <ErrorNotice error /> })
    }
}

/// "Loading…" while a page's data is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" aria-busy="true">{t!(i18n, common.loading)}</p> }
}

/// A new password, with the rule it must follow.
#[component]
pub fn NewPasswordField(
    #[prop(into)] name: String,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TextField
            name
            label=label!(i18n, fields.new_password)
            input_type="password"
            autocomplete="new-password"
            hint=Signal::derive(move || {
                t_string!(i18n, fields.password_hint, min = PASSWORD_MIN_CHARS).to_string()
            })
            error
            autofocus
        />
    }
}

/// The privacy notice checkbox every new account ticks (the notice opens in a new tab,
/// so nothing typed is lost).
#[component]
pub fn ConsentField(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <CheckboxField name="consent" error>
            {t!(i18n, fields.consent_before)} " "
            <a href="/privacy" target="_blank">{t!(i18n, fields.consent_link)}</a>
            {t!(i18n, fields.consent_after)}
        </CheckboxField>
    }
}

/// A submit button that says it is working while the action runs.
#[component]
pub fn SubmitButton(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(default = "button button-primary")] class: &'static str,
    /// Asked before the form is sent (`PageBehaviours`), for an action with
    /// a consequence the label does not say.
    #[prop(default = None)]
    confirm: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // Disabled while the action runs: a double click sends one request.
        <button type="submit" class=class disabled=move || pending.get() data-confirm=confirm>
            {move || {
                if pending.get() {
                    t_string!(i18n, common.working).to_owned()
                } else {
                    label.get()
                }
            }}
        </button>
    }
}
