//! The person's side: the card on their area page when a questionnaire
//! awaits them, and `/questionnaire/:id`, where they answer (a draft, then
//! sent for good) and read their answers afterwards.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::api::{get_my_questionnaire, get_my_questionnaires, SaveAnswers};
use super::{
    AnswerKind, AnswerValue, AnsweredQuestion, Audience, MyResponse, QuestionnaireKind,
    ResponseInvite, ResponseStatus, SCALE_MAX, SCALE_MIN, TEXT_MAX_CHARS,
};
use crate::catalog::Bilingual;
use crate::components::access::{reload_or_deny, Gate};
use crate::components::forms::{
    action_error, action_succeeded, count_successes, echo_is_of, echoed_value, FieldMessage,
    FormError,
};
use crate::components::labels::label;
use crate::components::page::PageTitle;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n, Locale};

/// "End-of-cycle evaluation", "Mid-cohort pulse".
pub fn kind_name(i18n: leptos_i18n::I18nContext<Locale>, kind: QuestionnaireKind) -> &'static str {
    match kind {
        QuestionnaireKind::Evaluation => t_string!(i18n, evaluations.kind_evaluation),
        QuestionnaireKind::Pulse => t_string!(i18n, evaluations.kind_pulse),
    }
}

pub fn status_name(i18n: leptos_i18n::I18nContext<Locale>, status: ResponseStatus) -> &'static str {
    match status {
        ResponseStatus::Pending => t_string!(i18n, evaluations.status_pending),
        ResponseStatus::Draft => t_string!(i18n, evaluations.status_draft),
        ResponseStatus::Submitted => t_string!(i18n, evaluations.status_submitted),
    }
}

/// A text kept in both languages, in the reader's.
pub fn in_reader_language(i18n: leptos_i18n::I18nContext<Locale>, text: &Bilingual) -> String {
    text.get(i18n.get_locale()).unwrap_or_default().to_owned()
}

/// An answer as read back: `4 / 5`, the text, or a dash.
#[component]
pub fn AnswerText(answer: Option<AnswerValue>) -> impl IntoView {
    match answer {
        Some(AnswerValue::Scale(value)) => format!("{value} / {SCALE_MAX}").into_any(),
        Some(AnswerValue::Text(text)) => {
            view! { <span class="answer-text">{text}</span> }.into_any()
        }
        None => "—".into_any(),
    }
}

/// The questions and their answers, read only.
#[component]
pub fn AnswerList(questions: Vec<AnsweredQuestion>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <dl class="answer-list">
            {questions
                .into_iter()
                .map(|answered| {
                    let label = answered.question.label.clone();
                    view! {
                        <dt>{move || in_reader_language(i18n, &label)}</dt>
                        <dd><AnswerText answer=answered.answer /></dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// The caller's questionnaires, once `gate` (the area page's check) passes.
pub fn my_questionnaires<T: Gate>(
    gate: OnceResource<Result<T, AppError>>,
) -> Resource<Result<Vec<ResponseInvite>, AppError>> {
    Resource::new(
        || (),
        move |_| async move {
            gate.await?;
            get_my_questionnaires().await
        },
    )
}

/// On a mentor's or a mentee's page: the questionnaires sent to them (none
/// shown when there is none).
#[component]
pub fn QuestionnairesPanel(
    /// `my_questionnaires`, created by the page outside any `Suspense`.
    questionnaires: Resource<Result<Vec<ResponseInvite>, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                questionnaires.await.ok().filter(|list| !list.is_empty()).map(|list| {
                    view! {
                        <section class="section no-print" aria-labelledby="questionnaires-title">
                            <div class="container narrow">
                                <div class="card">
                                    <h2 id="questionnaires-title">{t!(i18n, evaluations.invite_title)}</h2>
                                    <p>{t!(i18n, evaluations.invite_lead)}</p>
                                    <ul class="plain-list questionnaire-invites">
                                        {list.into_iter().map(|invite| view! { <InviteLine invite /> }).collect_view()}
                                    </ul>
                                </div>
                            </div>
                        </section>
                    }
                })
            })}
        </Suspense>
    }
}

#[component]
fn InviteLine(invite: ResponseInvite) -> impl IntoView {
    let i18n = use_i18n();
    let (kind, status) = (invite.kind, invite.status);
    let cohort = invite.cohort_name.clone();
    let href = format!("/questionnaire/{}", invite.id);
    let action = move || match status {
        ResponseStatus::Pending => t_string!(i18n, evaluations.answer),
        ResponseStatus::Draft => t_string!(i18n, evaluations.continue_draft),
        ResponseStatus::Submitted => t_string!(i18n, evaluations.see_answers),
    };
    view! {
        <li class="invite-line">
            <span>
                <strong>{move || kind_name(i18n, kind)}</strong>
                " — " {move || in_reader_language(i18n, &cohort)} " "
                <span class="badge">{move || status_name(i18n, status)}</span>
            </span>
            <a class=move || if status == ResponseStatus::Submitted { "button button-small button-secondary" } else { "button button-small" } href=href>
                {action}
            </a>
        </li>
    }
}

/// `/questionnaire/:id`: its author answers, or reads what they sent.
#[component]
pub fn QuestionnairePage() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::components::page::id_in_address();
    let save = ServerAction::<SaveAnswers>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(save, changes);
    let response = Resource::new(
        move || (id(), changes.get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_my_questionnaire(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <PageTitle text=label!(i18n, evaluations.page_title) />
        <section class="section">
            <div class="container narrow">
                {reload_or_deny(response, move |response| view! { <ResponseView response save /> }.into_any())}
            </div>
        </section>
    }
}

#[component]
fn ResponseView(response: MyResponse, save: ServerAction<SaveAnswers>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = response.kind;
    let cohort = response.cohort_name.clone();
    let heading = move || {
        t_string!(
            i18n,
            evaluations.heading,
            kind = kind_name(i18n, kind),
            cohort = in_reader_language(i18n, &cohort)
        )
        .to_string()
    };
    let area = match response.audience {
        Audience::Mentee => "/mentee",
        Audience::Mentor => "/mentor",
    };
    let body = if response.status == ResponseStatus::Submitted {
        let date = response.submitted_at.clone().unwrap_or_default();
        view! {
            <p class="notice notice-success" role="status">
                {move || t_string!(i18n, evaluations.submitted_on, date = crate::components::when::when_text(i18n.get_locale(), &date)).to_string()}
            </p>
            <p>{t!(i18n, evaluations.submitted_lead)}</p>
            <AnswerList questions=response.questions />
        }
        .into_any()
    } else {
        view! { <AnswerForm response save /> }.into_any()
    };
    view! {
        <h1>{heading}</h1>
        {body}
        <p><a href=area>{t!(i18n, evaluations.back_home)}</a></p>
    }
}

/// The form of a response not sent yet: each scale a group of five radio
/// buttons, each text a box; a draft button and a send button (asked first:
/// answers sent are final).
#[component]
fn AnswerForm(response: MyResponse, save: ServerAction<SaveAnswers>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(save);
    let saved = action_succeeded(save);
    // A refused post comes back with what was typed (`form_echo`).
    let echoed = echo_is_of(<SaveAnswers as ServerFn>::PATH);
    let confirm = t_string!(i18n, evaluations.send_confirm).to_string();
    let empty = response.questions.is_empty();
    view! {
        <p>{t!(i18n, evaluations.form_lead)}</p>
        <p role="status">
            {move || saved.get().then(|| t_string!(i18n, evaluations.draft_saved).to_string())}
        </p>
        {empty.then(|| view! { <p class="empty-state">{t!(i18n, evaluations.no_questions)}</p> })}
        <ActionForm action=save attr:class="form questionnaire-form" attr:novalidate=true>
            <input type="hidden" name="id" value=response.id />
            <input type="hidden" name="version" value=response.version />
            {response
                .questions
                .into_iter()
                .map(|answered| {
                    let field = answered.question.field();
                    let typed = if echoed {
                        echoed_value(&field)
                    } else {
                        match &answered.answer {
                            Some(AnswerValue::Scale(value)) => Some(value.to_string()),
                            Some(AnswerValue::Text(text)) => Some(text.clone()),
                            None => None,
                        }
                    };
                    match answered.question.kind {
                        AnswerKind::Scale => view! { <ScaleQuestion answered typed error /> }.into_any(),
                        AnswerKind::Text => view! { <TextQuestion answered typed error /> }.into_any(),
                    }
                })
                .collect_view()}
            <FormError error />
            <div class="form-actions button-row">
                <button type="submit" name="intent" value="draft" class="button button-secondary"
                    disabled=move || save.pending().get()>
                    {t!(i18n, evaluations.save_draft)}
                </button>
                <button type="submit" name="intent" value="send" class="button button-primary"
                    data-confirm=confirm disabled=move || save.pending().get()>
                    {t!(i18n, evaluations.send)}
                </button>
            </div>
        </ActionForm>
    }
}

#[component]
fn ScaleQuestion(
    answered: AnsweredQuestion,
    typed: Option<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = answered.question.id;
    let field = answered.question.field();
    let label = answered.question.label.clone();
    let (hint_id, error_id) = (format!("q{id}-hint"), format!("q{id}-error"));
    let described_by = format!("{hint_id} {error_id}");
    let invalid = crate::components::forms::aria_invalid(error, field.clone());
    view! {
        <fieldset class="field fieldset-inline scale-question" role="radiogroup" aria-invalid=invalid
            aria-describedby=described_by>
            <legend>{move || in_reader_language(i18n, &label)}</legend>
            <p class="field-hint" id=hint_id>{t!(i18n, evaluations.scale_hint)}</p>
            <div class="choices-inline">
                {(SCALE_MIN..=SCALE_MAX)
                    .map(|value| {
                        let input_id = format!("q{id}-{value}");
                        let checked = typed.as_deref() == Some(value.to_string().as_str());
                        view! {
                            <span class="choice">
                                <input type="radio" id=input_id.clone() name=field.clone() value=value checked=checked />
                                <label for=input_id>{value}</label>
                            </span>
                        }
                    })
                    .collect_view()}
            </div>
            <FieldMessage field=field.clone() error id=error_id />
        </fieldset>
    }
}

#[component]
fn TextQuestion(
    answered: AnsweredQuestion,
    typed: Option<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = answered.question.id;
    let field = answered.question.field();
    let label = answered.question.label.clone();
    let (input_id, hint_id, error_id) = (
        format!("q{id}"),
        format!("q{id}-hint"),
        format!("q{id}-error"),
    );
    let described_by = format!("{hint_id} {error_id}");
    let invalid = crate::components::forms::aria_invalid(error, field.clone());
    view! {
        <div class="field">
            <label for=input_id.clone()>{move || in_reader_language(i18n, &label)}</label>
            <p class="field-hint" id=hint_id.clone()>
                {move || t_string!(i18n, evaluations.text_hint, count = TEXT_MAX_CHARS).to_string()}
            </p>
            <textarea id=input_id name=field.clone() rows="5" maxlength=TEXT_MAX_CHARS
                aria-invalid=invalid aria-describedby=described_by>
                {typed.unwrap_or_default()}
            </textarea>
            <FieldMessage field=field.clone() error id=error_id />
        </div>
    }
}
