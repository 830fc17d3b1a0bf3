//! Feedback in the pair's workspace: the mentor's form, the timeline of
//! feedback with the mentee's acknowledgement and response, and the fit check.
use leptos::prelude::*;

use crate::components::when::when_text;

use super::api::{AcknowledgeFeedback, AnswerFitCheck, GiveFeedback};
use super::{Feedback, FitAnswer, FitCheck, FitResponse, MyFitCheck, PART_MAX_CHARS};
use crate::components::forms::{
    action_error, count_successes, fold_away_on_success, FormError, SelectField, SubmitButton,
    TextAreaField, TextField,
};
use crate::components::labels::label;
use crate::goals::{Goal, GoalStatus};
use crate::i18n::{t, t_string, use_i18n};
use crate::meetings::{Meeting, MeetingStatus};
use crate::pairs::Side;

/// The mentor's structured feedback; `meeting` preselects the meeting it follows.
#[component]
pub fn FeedbackForm(
    pair_id: i64,
    meetings: Vec<Meeting>,
    goals: Vec<Goal>,
    meeting: Option<i64>,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let give = ServerAction::<GiveFeedback>::new();
    count_successes(give, changes);
    let folded = NodeRef::new();
    fold_away_on_success(give, folded);
    let error = action_error(give);
    let scope = format!(
        "pair-{pair_id}-feedback{}",
        meeting.map(|id| format!("-{id}")).unwrap_or_default()
    );
    let meeting_options: Vec<(String, String)> = meetings
        .iter()
        .filter(|meeting| meeting.status == MeetingStatus::Held)
        .map(|meeting| (meeting.id.to_string(), meeting.starts.clone()))
        .collect();
    let goal_options: Vec<(String, String)> = goals
        .iter()
        .filter(|goal| goal.agreement.is_agreed() && goal.status == GoalStatus::InProgress)
        .map(|goal| (goal.id.to_string(), goal.title.clone()))
        .collect();
    let none = t_string!(i18n, workspace.feedback_none).to_owned();
    view! {
        <details class="give-feedback" node_ref=folded>
            <summary class="button button-primary">{t!(i18n, workspace.give_feedback)}</summary>
            <ActionForm action=give attr:class="form">
                <p class="field-hint">{t!(i18n, workspace.feedback_prompt)}</p>
                <input type="hidden" name="pair_id" value=pair_id />
                <div class="form-grid">
                    <SelectField name="meeting_id" scope=scope.clone() label=label!(i18n, workspace.feedback_meeting) error
                        options=meeting_options placeholder=none.clone() selected=meeting.map(|id| id.to_string()).unwrap_or_default() />
                    <SelectField name="goal_id" scope=scope.clone() label=label!(i18n, workspace.feedback_goal) error
                        options=goal_options placeholder=none />
                    <TextField name="goal_progress" scope=scope.clone() input_type="number" required=false
                        label=label!(i18n, workspace.feedback_goal_progress) hint=label!(i18n, workspace.feedback_goal_progress_hint) error />
                </div>
                <TextAreaField name="strengths" scope=scope.clone() max_chars=PART_MAX_CHARS
                    label=label!(i18n, workspace.strengths) hint=label!(i18n, workspace.strengths_hint) error />
                <TextAreaField name="to_improve" scope=scope.clone() max_chars=PART_MAX_CHARS
                    label=label!(i18n, workspace.to_improve) hint=label!(i18n, workspace.to_improve_hint) error />
                <TextAreaField name="observations" scope=scope.clone() max_chars=PART_MAX_CHARS
                    label=label!(i18n, workspace.observations) hint=label!(i18n, workspace.observations_hint) error />
                <TextAreaField name="next_step" scope max_chars=PART_MAX_CHARS
                    label=label!(i18n, workspace.suggested_next_step) hint=label!(i18n, workspace.suggested_next_step_hint) error />
                <FormError error />
                <SubmitButton label=label!(i18n, workspace.give_feedback_send) pending=give.pending() />
            </ActionForm>
        </details>
    }
}

/// Feedback, newest first; the mentee acknowledges and may respond.
#[component]
pub fn FeedbackTimeline(
    feedback: Vec<Feedback>,
    reader: Side,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    if feedback.is_empty() {
        return view! { <p class="empty-state">{t!(i18n, workspace.no_feedback)}</p> }.into_any();
    }
    view! {
        <ol class="plain-list feedback-list">
            {feedback.into_iter().map(|item| view! { <li><FeedbackItem item reader changes /></li> }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
fn FeedbackItem(item: Feedback, reader: Side, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let acknowledge = ServerAction::<AcknowledgeFeedback>::new();
    count_successes(acknowledge, changes);
    let error = action_error(acknowledge);
    let scope = format!("feedback-{}", item.id);
    let id = item.id;
    view! {
        <article class="card feedback-card" id=format!("feedback-{id}") aria-labelledby=format!("feedback-{id}-title")>
            <header>
                <h3 id=format!("feedback-{id}-title")>{
                    let written = item.written.clone();
                    move || t_string!(i18n, workspace.feedback_of, date = when_text(i18n.get_locale(), &written)).to_string()
                }</h3>
                <p class="tags">
                    {if item.acknowledged {
                        view! { <span class="badge badge-ok">{t!(i18n, workspace.acknowledged)}</span> }.into_any()
                    } else {
                        view! { <span class="badge badge-action">{t!(i18n, workspace.not_acknowledged)}</span> }.into_any()
                    }}
                </p>
            </header>
            {item.meeting.clone().map(|(_, starts)| view! { <p class="muted small">{move || t_string!(i18n, workspace.after_meeting, date = when_text(i18n.get_locale(), &starts)).to_string()}</p> })}
            {item.goal.clone().map(|(_, title)| view! {
                <p class="muted small">
                    {t!(i18n, workspace.about_goal, title = title)}
                    {item.goal_progress.map(|percent| format!(" — {percent} %"))}
                </p>
            })}
            <dl class="feedback-parts">
                <dt>{t!(i18n, workspace.strengths)}</dt><dd class="prewrap">{item.strengths.clone()}</dd>
                <dt>{t!(i18n, workspace.to_improve)}</dt><dd class="prewrap">{item.to_improve.clone()}</dd>
                <dt>{t!(i18n, workspace.observations)}</dt><dd class="prewrap">{item.observations.clone()}</dd>
                <dt>{t!(i18n, workspace.suggested_next_step)}</dt><dd class="prewrap">{item.next_step.clone()}</dd>
            </dl>
            {item.response.clone().map(|response| view! {
                <blockquote class="quoted-message">
                    <p class="muted small">{t!(i18n, workspace.response)}</p>
                    <p class="prewrap">{response}</p>
                </blockquote>
            })}
            {(reader == Side::Mentee && crate::joint::workspace_writable()).then(|| view! {
                <div class="answer-row">
                    {(!item.acknowledged).then(|| view! {
                        <ActionForm action=acknowledge attr:class="inline-form">
                            <input type="hidden" name="id" value=id />
                            <SubmitButton label=label!(i18n, workspace.acknowledge) pending=acknowledge.pending() />
                        </ActionForm>
                    })}
                    <details class="inline-details">
                        <summary class="button button-secondary">{t!(i18n, workspace.respond)}</summary>
                        <ActionForm action=acknowledge attr:class="form">
                            <input type="hidden" name="id" value=id />
                            <TextAreaField name="response" scope label=label!(i18n, workspace.response) error
                                value=item.response.clone().unwrap_or_default() />
                            <SubmitButton class="button button-secondary" label=label!(i18n, workspace.respond_send) pending=acknowledge.pending() />
                        </ActionForm>
                    </details>
                    <FormError error />
                </div>
            })}
        </article>
    }
}

fn fit_name(answer: FitAnswer) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match answer {
        FitAnswer::GoodFit => t_string!(i18n, workspace.fit_good),
        FitAnswer::NotSure => t_string!(i18n, workspace.fit_not_sure),
        FitAnswer::NotAFit => t_string!(i18n, workspace.fit_not_a_fit),
    }
}

/// Both answers as far as given, with their comments: the coordination's view.
#[component]
pub fn FitCheckSummary(fit_check: FitCheck) -> impl IntoView {
    let i18n = use_i18n();
    let response = |response: Option<FitResponse>| match response {
        Some(FitResponse { answer, comment }) => view! {
            <span>{fit_name(answer)}</span>
            {comment.map(|comment| view! { <p class="prewrap fit-comment">{comment}</p> })}
        }
        .into_any(),
        None => {
            view! { <span class="muted">{t!(i18n, workspace.fit_unanswered)}</span> }.into_any()
        }
    };
    view! {
        <dl class="fit-check">
            <dt>{t!(i18n, workspace.side_mentor_title)}</dt><dd>{response(fit_check.mentor)}</dd>
            <dt>{t!(i18n, workspace.side_mentee_title)}</dt><dd>{response(fit_check.mentee)}</dd>
        </dl>
    }
}

/// The reader's fit check answer, once a first meeting was held; it shows
/// only their own answer (the other side's is never sent to them).
#[component]
pub fn FitCheckForm(pair_id: i64, fit_check: MyFitCheck, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let answer = ServerAction::<AnswerFitCheck>::new();
    count_successes(answer, changes);
    let error = action_error(answer);
    let mine = fit_check.mine.as_ref().map(|mine| mine.answer);
    let my_comment = fit_check
        .mine
        .and_then(|mine| mine.comment)
        .unwrap_or_default();
    let group = format!("pair-{pair_id}-fit");
    let title_id = format!("{group}-title");
    let choice_group = group.clone();
    let labelled_by = title_id.clone();
    view! {
        <section class="panel fit-check-form" aria-labelledby=labelled_by>
            <h3 id=title_id>{t!(i18n, workspace.fit_title)}</h3>
            <p class="field-hint">{t!(i18n, workspace.fit_hint)}</p>
            <ActionForm action=answer attr:class="form">
                <input type="hidden" name="pair_id" value=pair_id />
                <fieldset class="field fieldset-inline">
                    <legend>{t!(i18n, workspace.fit_question)}</legend>
                    <div class="choices-inline">
                        {FitAnswer::ALL.into_iter().map(|choice| {
                            let id = format!("{choice_group}-{}", choice.as_str());
                            view! {
                                <span class="choice">
                                    <input type="radio" id=id.clone() name="answer" value=choice.as_str() checked=mine == Some(choice) required=true />
                                    <label for=id>{fit_name(choice)}</label>
                                </span>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <TextAreaField name="comment" scope=group.clone() required=false label=label!(i18n, workspace.fit_comment) error
                    value=my_comment />
                <FormError error />
                <SubmitButton class="button button-secondary" label=label!(i18n, workspace.fit_send) pending=answer.pending() />
            </ActionForm>
        </section>
    }
}
