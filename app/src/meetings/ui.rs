//! Meetings in the pair's workspace: planning one with its objectives, the
//! answer the reader owes, logging it afterwards (shared notes, next steps),
//! and the mentor's private notes.
use leptos::prelude::*;

use crate::components::when::{when_text, When};

use super::api::{
    AgreeMeeting, LogMeeting, NextStepToMilestone, PlanMeeting, RequestMeetingChange,
    ReviseMeeting, SavePrivateNote,
};
use super::{
    meeting_file_path, Meeting, MeetingModality, MeetingStatus, NextStep, ObjectiveChoice,
    DURATIONS,
};

use crate::components::forms::{
    action_error, count_successes, fold_away_on_success, FieldMessage, FormError, SelectField,
    SubmitButton, TextAreaField, TextField,
};
use crate::components::labels::label;
use crate::goals::{Goal, GoalStatus};
use crate::i18n::{t, t_string, use_i18n};
use crate::joint::agreement::Agreement;
use crate::joint::ui::{AgreementBadge, JointAnswer};
use crate::pairs::Side;

fn modality_name(modality: MeetingModality) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match modality {
        MeetingModality::InPerson => t_string!(i18n, workspace.in_person),
        MeetingModality::Video => t_string!(i18n, workspace.video),
    }
}

/// The open goals and their milestones not done, as objectives to tick.
fn objective_choices(goals: &[Goal]) -> Vec<(String, String, bool)> {
    let mut choices = Vec::new();
    for goal in goals
        .iter()
        .filter(|goal| goal.status == GoalStatus::InProgress)
    {
        choices.push((
            ObjectiveChoice::Goal(goal.id).value(),
            goal.title.clone(),
            false,
        ));
        for milestone in goal.milestones.iter().filter(|milestone| !milestone.done) {
            choices.push((
                ObjectiveChoice::Milestone(milestone.id).value(),
                milestone.title.clone(),
                true,
            ));
        }
    }
    choices
}

/// The plan's fields, empty (a new meeting) or from a meeting (changing it).
#[component]
fn MeetingPlanFields(
    scope: String,
    goals: Vec<Goal>,
    error: Signal<Option<crate::error::AppError>>,
    #[prop(optional)] meeting: Option<Meeting>,
    /// The free objectives a new plan starts with (the first meeting's).
    #[prop(optional_no_strip)]
    suggested: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen: Vec<String> = meeting
        .as_ref()
        .map(|meeting| {
            meeting
                .objectives
                .iter()
                .filter_map(|objective| {
                    objective
                        .milestone_id
                        .map(|id| ObjectiveChoice::Milestone(id).value())
                        .or_else(|| {
                            objective
                                .goal_id
                                .map(|id| ObjectiveChoice::Goal(id).value())
                        })
                })
                .collect()
        })
        .unwrap_or_default();
    let free: String = meeting
        .as_ref()
        .map(|meeting| {
            meeting
                .objectives
                .iter()
                .filter(|objective| objective.goal_id.is_none())
                .map(|objective| objective.text.clone())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .or(suggested)
        .unwrap_or_default();
    let durations: Vec<(String, String)> = DURATIONS
        .iter()
        .map(|minutes| (minutes.to_string(), format!("{minutes} min")))
        .collect();
    let modalities = vec![
        (
            "video".to_owned(),
            modality_name(MeetingModality::Video)().to_owned(),
        ),
        (
            "in_person".to_owned(),
            modality_name(MeetingModality::InPerson)().to_owned(),
        ),
    ];
    let choices = objective_choices(&goals);
    let objectives_error = format!("{scope}-objectives-error");
    let described_by = objectives_error.clone();
    view! {
        <div class="form-grid">
            <TextField name="date" scope=scope.clone() input_type="date" label=label!(i18n, workspace.meeting_date) error
                value=meeting.as_ref().map(|meeting| meeting.date.clone()).unwrap_or_default() />
            <TextField name="time" scope=scope.clone() input_type="time" label=label!(i18n, workspace.meeting_time)
                hint=label!(i18n, workspace.meeting_time_hint) error
                value=meeting.as_ref().map(|meeting| meeting.time.clone()).unwrap_or_default() />
            <SelectField name="duration_minutes" scope=scope.clone() label=label!(i18n, workspace.meeting_duration) error
                options=durations
                selected=meeting.as_ref().map_or("60".to_owned(), |meeting| meeting.duration_minutes.to_string()) />
            <SelectField name="modality" scope=scope.clone() label=label!(i18n, workspace.meeting_modality) error
                options=modalities
                selected=meeting.as_ref().map_or("video".to_owned(), |meeting| meeting.modality.as_str().to_owned()) />
        </div>
        <TextField name="location" scope=scope.clone() required=false label=label!(i18n, workspace.meeting_location)
            hint=label!(i18n, workspace.meeting_location_hint) error
            value=meeting.as_ref().and_then(|meeting| meeting.location.clone()).unwrap_or_default() />
        <fieldset class="field choice-list" aria-describedby=described_by>
            <legend>{t!(i18n, workspace.meeting_objectives)}</legend>
            <p class="field-hint">{t!(i18n, workspace.meeting_objectives_hint)}</p>
            {choices.is_empty().then(|| view! { <p class="muted small">{t!(i18n, workspace.no_open_goals)}</p> })}
            <div class="objective-options">
                {choices.into_iter().map(|(value, text, is_milestone)| {
                    let id = format!("{scope}-objective-{}", value.replace(':', "-"));
                    let checked = chosen.contains(&value);
                    view! {
                        <span class=if is_milestone { "choice choice-nested" } else { "choice" }>
                            <input type="checkbox" id=id.clone() name="objectives[]" value=value checked=checked />
                            <label for=id>{text}</label>
                        </span>
                    }
                }).collect_view()}
            </div>
            <FieldMessage field="objectives" error id=objectives_error />
        </fieldset>
        <TextAreaField name="free_objectives" scope required=false label=label!(i18n, workspace.free_objectives)
            hint=label!(i18n, workspace.free_objectives_hint) error value=free />
    }
}

/// Planning a meeting.
#[component]
pub fn PlanMeetingForm(
    pair_id: i64,
    goals: Vec<Goal>,
    changes: RwSignal<u64>,
    /// Free objectives to start with (the first meeting: set the objectives
    /// from the mentee's needs).
    #[prop(optional_no_strip)]
    suggested: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let plan = ServerAction::<PlanMeeting>::new();
    count_successes(plan, changes);
    let folded = NodeRef::new();
    fold_away_on_success(plan, folded);
    let error = action_error(plan);
    let scope = format!("pair-{pair_id}-plan");
    view! {
        <details class="plan-meeting" node_ref=folded>
            <summary class="button button-primary">{t!(i18n, workspace.plan_meeting)}</summary>
            <ActionForm action=plan attr:class="form">
                <input type="hidden" name="pair_id" value=pair_id />
                <MeetingPlanFields scope goals error suggested=suggested.clone() />
                <FormError error />
                <SubmitButton label=label!(i18n, workspace.plan_meeting_send) pending=plan.pending() />
            </ActionForm>
        </details>
    }
}

/// One meeting, with what the reader may do about it.
#[component]
pub fn MeetingCard(
    meeting: Meeting,
    reader: Side,
    goals: Vec<Goal>,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = meeting.id;
    let planned = meeting.status == MeetingStatus::Planned;
    let writable = crate::joint::workspace_writable();
    let waiting_for_me = writable && planned && meeting.agreement.waiting_for() == Some(reader);
    let status_text = move || match meeting.status {
        MeetingStatus::Planned => t_string!(i18n, workspace.meeting_planned),
        MeetingStatus::Held => t_string!(i18n, workspace.meeting_held),
        MeetingStatus::Cancelled => t_string!(i18n, workspace.meeting_cancelled),
    };
    let minutes = meeting.duration_minutes;
    view! {
        <article class="card meeting-card" id=format!("meeting-{id}") aria-labelledby=format!("meeting-{id}-title")>
            <header>
                <h3 id=format!("meeting-{id}-title")><When at=meeting.starts.clone() capitalized=true /></h3>
                <p class="tags">
                    <span class="badge">{status_text}</span>
                    {planned.then(|| view! { <AgreementBadge agreement=meeting.agreement reader /> })}
                </p>
            </header>
            <p class="muted">
                {format!("{minutes} min")} " · " {modality_name(meeting.modality)}
                {meeting.location.clone().map(|location| view! { " · " <span class="meeting-location">{location}</span> })}
            </p>
            <h4 class="group-title">{t!(i18n, workspace.meeting_objectives)}</h4>
            <ul class="objectives">
                {meeting.objectives.iter().map(|objective| view! { <li>{objective.text.clone()}</li> }).collect_view()}
            </ul>
            {meeting.change_comment.clone().filter(|_| matches!(meeting.agreement, Agreement::ChangesRequested { .. }) && planned).map(|comment| view! {
                <div class="notice notice-warning">
                    <p class="notice-title">{t!(i18n, workspace.change_asked)}</p>
                    <p class="prewrap">{comment}</p>
                </div>
            })}
            {waiting_for_me.then(|| view! { <MeetingAnswer meeting=meeting.clone() changes /> })}
            {meeting.shared_notes.clone().map(|notes| view! {
                <h4 class="group-title">{t!(i18n, workspace.shared_notes)}</h4>
                <p class="prewrap">{notes}</p>
            })}
            {(!meeting.next_steps.is_empty()).then(|| view! {
                <h4 class="group-title">{t!(i18n, workspace.next_steps)}</h4>
                <ul class="next-steps">
                    {meeting.next_steps.iter().map(|step| view! {
                        <li><NextStepItem step=step.clone() goals=goals.clone() changes /></li>
                    }).collect_view()}
                </ul>
            })}
            {(!writable && reader == Side::Mentor).then(|| meeting.private_note.clone().map(|note| view! {
                <h4 class="group-title">{t!(i18n, workspace.private_note)}</h4>
                <p class="prewrap private-note">{note}</p>
            }))}
            {writable.then(|| view! {
                <div class="button-row">
                    {(meeting.status != MeetingStatus::Cancelled).then(|| view! { <MeetingFileLink meeting_id=id /> })}
                    {planned.then(|| view! { <ReviseMeetingForm meeting=meeting.clone() goals=goals.clone() changes /> })}
                    {(meeting.is_past || !planned).then(|| view! { <LogMeetingForm meeting=meeting.clone() changes /> })}
                    {meeting.is_upcoming().then(|| view! { <CancelMeetingForm meeting=meeting.clone() changes /> })}
                    {(reader == Side::Mentor).then(|| view! { <PrivateNoteForm meeting_id=id note=meeting.private_note.clone() changes /> })}
                </div>
            })}
        </article>
    }
}

/// A next step, and the way to make it a milestone of a goal in progress
/// (one small form per goal: each carries that goal's version).
#[component]
fn NextStepItem(step: NextStep, goals: Vec<Goal>, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let convert = ServerAction::<NextStepToMilestone>::new();
    count_successes(convert, changes);
    let error = action_error(convert);
    let open_goals: Vec<Goal> = goals
        .into_iter()
        .filter(|goal| goal.status == GoalStatus::InProgress)
        .collect();
    let became_milestone = step.milestone_id.is_some();
    // Proposed as a milestone of an agreed goal, waiting for the other side.
    let proposed = open_goals
        .iter()
        .any(|goal| goal.pending.as_ref().and_then(|pending| pending.step_id) == Some(step.id));
    let step_id = step.id;
    view! {
        <span>{step.text.clone()}</span>
        {became_milestone.then(|| view! { " " <span class="badge badge-ok">{t!(i18n, workspace.step_is_milestone)}</span> })}
        {proposed.then(|| view! { " " <span class="badge badge-waiting">{t!(i18n, workspace.step_proposed)}</span> })}
        {(!became_milestone && !proposed && !open_goals.is_empty() && crate::joint::workspace_writable()).then(|| view! {
            <details class="inline-details step-to-milestone">
                <summary class="button button-link button-small">{t!(i18n, workspace.step_to_milestone)}</summary>
                <p class="field-hint">{t!(i18n, workspace.step_to_milestone_hint)}</p>
                <div class="button-row">
                    {open_goals.into_iter().map(|goal| {
                        let title = goal.title.clone();
                        view! {
                            <ActionForm action=convert attr:class="inline-form">
                                <input type="hidden" name="step_id" value=step_id />
                                <input type="hidden" name="goal_id" value=goal.id />
                                <input type="hidden" name="goal_version" value=goal.version />
                                <button type="submit" class="button button-secondary button-small" disabled=move || convert.pending().get()>
                                    {move || t_string!(i18n, workspace.step_to_goal, goal = title.clone()).to_string()}
                                </button>
                            </ActionForm>
                        }
                    }).collect_view()}
                </div>
                <FormError error />
            </details>
        })}
    }
}

#[component]
pub fn MeetingAnswer(meeting: Meeting, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let agree = ServerAction::<AgreeMeeting>::new();
    let ask = ServerAction::<RequestMeetingChange>::new();
    let scope = format!("meeting-{}-answer", meeting.id);
    view! {
        <JointAnswer agree ask id=meeting.id version=meeting.version agreement=meeting.agreement scope
            agree_label=label!(i18n, workspace.agree_meeting) revise_notice=label!(i18n, workspace.revise_meeting_to_answer) changes />
    }
}

#[component]
fn ReviseMeetingForm(meeting: Meeting, goals: Vec<Goal>, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let revise = ServerAction::<ReviseMeeting>::new();
    count_successes(revise, changes);
    let error = action_error(revise);
    let scope = format!("meeting-{}-revise", meeting.id);
    view! {
        <details class="inline-details">
            <summary class="button button-secondary">{t!(i18n, workspace.revise_meeting)}</summary>
            <ActionForm action=revise attr:class="form">
                <p class="field-hint">{t!(i18n, workspace.revise_hint)}</p>
                <input type="hidden" name="id" value=meeting.id />
                <input type="hidden" name="version" value=meeting.version />
                <MeetingPlanFields scope goals meeting=meeting.clone() error />
                <FormError error />
                <SubmitButton label=label!(i18n, workspace.revise_meeting_send) pending=revise.pending() />
            </ActionForm>
        </details>
    }
}

/// After the meeting: held or cancelled, shared notes, next steps.
#[component]
pub fn LogMeetingForm(meeting: Meeting, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let log = ServerAction::<LogMeeting>::new();
    count_successes(log, changes);
    let error = action_error(log);
    let scope = format!("meeting-{}-log", meeting.id);
    let outcomes = vec![
        (
            "held".to_owned(),
            t_string!(i18n, workspace.outcome_held).to_owned(),
        ),
        (
            "cancelled".to_owned(),
            t_string!(i18n, workspace.outcome_cancelled).to_owned(),
        ),
    ];
    let selected = match meeting.status {
        MeetingStatus::Cancelled => "cancelled",
        _ => "held",
    };
    let steps = meeting
        .next_steps
        .iter()
        .map(|step| step.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    view! {
        <details class="inline-details">
            <summary class="button button-secondary">
                {move || if meeting.status == MeetingStatus::Planned {
                    t_string!(i18n, workspace.log_meeting)
                } else {
                    t_string!(i18n, workspace.edit_log)
                }}
            </summary>
            <ActionForm action=log attr:class="form">
                <input type="hidden" name="id" value=meeting.id />
                <input type="hidden" name="version" value=meeting.version />
                <SelectField name="outcome" scope=scope.clone() label=label!(i18n, workspace.outcome) error
                    options=outcomes selected=selected />
                <TextAreaField name="shared_notes" scope=scope.clone() required=false max_chars=10000
                    label=label!(i18n, workspace.shared_notes) hint=label!(i18n, workspace.shared_notes_hint) error
                    value=meeting.shared_notes.clone().unwrap_or_default() />
                <TextAreaField name="next_steps" scope required=false
                    label=label!(i18n, workspace.next_steps) hint=label!(i18n, workspace.next_steps_hint) error value=steps />
                <FormError error />
                <SubmitButton label=label!(i18n, workspace.log_meeting_send) pending=log.pending() />
            </ActionForm>
        </details>
    }
}

/// The mentor's private notes: only ever shown to the mentor.
#[component]
fn PrivateNoteForm(meeting_id: i64, note: Option<String>, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SavePrivateNote>::new();
    count_successes(save, changes);
    let error = action_error(save);
    let scope = format!("meeting-{meeting_id}-private");
    let has_note = note.is_some();
    view! {
        <details class="inline-details private-note">
            <summary class="button button-link">
                {move || if has_note { t_string!(i18n, workspace.private_note_edit) } else { t_string!(i18n, workspace.private_note_add) }}
            </summary>
            <ActionForm action=save attr:class="form">
                <input type="hidden" name="id" value=meeting_id />
                <TextAreaField name="body" scope required=false max_chars=10000
                    label=label!(i18n, workspace.private_note) hint=label!(i18n, workspace.private_note_hint) error
                    value=note.unwrap_or_default() />
                <FormError error />
                <SubmitButton class="button button-secondary" label=label!(i18n, workspace.private_note_send) pending=save.pending() />
            </ActionForm>
        </details>
    }
}

/// Cancelling a meeting still ahead, confirmed first.
#[component]
fn CancelMeetingForm(meeting: Meeting, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let cancel = ServerAction::<LogMeeting>::new();
    count_successes(cancel, changes);
    let error = action_error(cancel);
    let when = meeting.starts.clone();
    view! {
        <details class="inline-details">
            <summary class="button button-link">{t!(i18n, workspace.cancel_meeting)}</summary>
            <ActionForm action=cancel attr:class="form">
                <p>{move || t_string!(i18n, workspace.cancel_meeting_confirm, when = when_text(i18n.get_locale(), &when)).to_string()}</p>
                <input type="hidden" name="id" value=meeting.id />
                <input type="hidden" name="version" value=meeting.version />
                <input type="hidden" name="outcome" value="cancelled" />
                <input type="hidden" name="shared_notes" value="" />
                <input type="hidden" name="next_steps" value="" />
                <FormError error />
                <SubmitButton class="button button-danger" label=label!(i18n, workspace.cancel_meeting_send) pending=cancel.pending() />
            </ActionForm>
        </details>
    }
}

/// "Add to my calendar": the meeting's `.ics` file. A plain request, not the
/// router's (`rel="external"`), and no `download` attribute: when the session
/// has expired the browser follows the way to sign in instead of saving it.
#[component]
pub fn MeetingFileLink(meeting_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="button button-link" href=meeting_file_path(meeting_id) rel="external">
            {t!(i18n, calendar.add_meeting)}
        </a>
    }
}
