//! Goals in the pair's workspace: each goal with its agreement, progress,
//! milestones to tick, the answer the reader owes, its history; and the form
//! to propose one (with SMART prompts).
use leptos::prelude::*;

use crate::components::labels::{label, ProgressBar};
use crate::components::when::When;

use super::api::{
    AddMilestone, AgreeGoal, AnswerGoalChange, AssessGoal, ProposeGoal, ProposeGoalStatus,
    RequestGoalChange, ReviseGoal, TickMilestone,
};
use super::changes::{ChangeKind, PendingChange};
use super::{Goal, GoalEventKind, GoalStatus, Milestone, ProgressSource};
use crate::components::forms::{
    action_error, count_successes, fold_away_on_success, FormError, SubmitButton, TextAreaField,
    TextField,
};
use crate::i18n::{t, t_string, use_i18n};
use crate::joint::agreement::Agreement;
use crate::joint::ui::{AgreementBadge, JointAnswer};
use crate::pairs::Side;

fn status_name(status: GoalStatus) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match status {
        GoalStatus::InProgress => t_string!(i18n, workspace.goal_in_progress),
        GoalStatus::Achieved => t_string!(i18n, workspace.goal_achieved),
        GoalStatus::Dropped => t_string!(i18n, workspace.goal_dropped),
    }
}

fn event_name(kind: GoalEventKind) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match kind {
        GoalEventKind::Proposed => t_string!(i18n, workspace.event_proposed),
        GoalEventKind::Revised => t_string!(i18n, workspace.event_revised),
        GoalEventKind::Agreed => t_string!(i18n, workspace.event_agreed),
        GoalEventKind::ChangesRequested => t_string!(i18n, workspace.event_changes_requested),
        GoalEventKind::MilestoneDone => t_string!(i18n, workspace.event_milestone_done),
        GoalEventKind::MilestoneUndone => t_string!(i18n, workspace.event_milestone_undone),
        GoalEventKind::MilestoneAdded => t_string!(i18n, workspace.event_milestone_added),
        GoalEventKind::Assessed => t_string!(i18n, workspace.event_assessed),
        GoalEventKind::Achieved => t_string!(i18n, workspace.event_achieved),
        GoalEventKind::Dropped => t_string!(i18n, workspace.event_dropped),
        GoalEventKind::Reopened => t_string!(i18n, workspace.event_reopened),
        GoalEventKind::AchieveProposed => t_string!(i18n, workspace.event_achieve_proposed),
        GoalEventKind::DropProposed => t_string!(i18n, workspace.event_drop_proposed),
        GoalEventKind::ReopenProposed => t_string!(i18n, workspace.event_reopen_proposed),
        GoalEventKind::MilestoneProposed => t_string!(i18n, workspace.event_milestone_proposed),
        GoalEventKind::ChangeDeclined => t_string!(i18n, workspace.event_change_declined),
        GoalEventKind::ChangeWithdrawn => t_string!(i18n, workspace.event_change_withdrawn),
    }
}

pub fn side_name(side: Side) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match side {
        Side::Mentor => t_string!(i18n, workspace.side_mentor),
        Side::Mentee => t_string!(i18n, workspace.side_mentee),
    }
}

/// One goal, with everything the reader may do about it.
#[component]
pub fn GoalCard(goal: Goal, reader: Side, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let id = goal.id;
    let version = goal.version;
    let agreed = goal.agreement.is_agreed();
    let writable = crate::joint::workspace_writable();
    let open = writable && goal.status == GoalStatus::InProgress;
    let waiting_for_me = open && goal.agreement.waiting_for() == Some(reader);
    let source = goal.progress_source;
    let title = goal.title.clone();
    view! {
        <article class="card goal-card" id=format!("goal-{id}") aria-labelledby=format!("goal-{id}-title")>
            <header class="goal-header">
                <h3 id=format!("goal-{id}-title")>{goal.title.clone()}</h3>
                <p class="tags">
                    <AgreementBadge agreement=goal.agreement reader />
                    {(goal.status != GoalStatus::InProgress).then(|| view! {
                        <span class="badge">{status_name(goal.status)}</span>
                    })}
                </p>
            </header>
            {if agreed {
                view! {
                    <ProgressBar percent=goal.progress id=format!("goal-{id}-progress")
                        label=label!(i18n, workspace.progress) />
                    <p class="muted small">
                        {move || match source {
                            ProgressSource::Milestones => t_string!(i18n, workspace.progress_from_milestones),
                            ProgressSource::Assessment => t_string!(i18n, workspace.progress_from_assessment),
                            ProgressSource::Achieved => t_string!(i18n, workspace.progress_achieved),
                            ProgressSource::NothingYet | ProgressSource::NotCounted => t_string!(i18n, workspace.progress_nothing_yet),
                        }}
                        {goal.assessment_comment.clone().filter(|_| source == ProgressSource::Assessment).map(|comment| view! { " — " {comment} })}
                    </p>
                }.into_any()
            } else {
                view! { <p class="muted small">{t!(i18n, workspace.counts_once_agreed)}</p> }.into_any()
            }}
            <dl class="goal-facts">
                <dt>{t!(i18n, workspace.success_criterion)}</dt>
                <dd>{goal.success_criterion.clone()}</dd>
                {goal.target_date.clone().map(|date| view! {
                    <dt>{t!(i18n, workspace.target_date)}</dt>
                    <dd><When at=date /></dd>
                })}
                {goal.description.clone().map(|text| view! {
                    <dt>{t!(i18n, workspace.description)}</dt>
                    <dd class="prewrap">{text}</dd>
                })}
            </dl>
            {goal.change_comment.clone().filter(|_| matches!(goal.agreement, Agreement::ChangesRequested { .. })).map(|comment| view! {
                <div class="notice notice-warning">
                    <p class="notice-title">{t!(i18n, workspace.change_asked)}</p>
                    <p class="prewrap">{comment}</p>
                </div>
            })}
            <crate::needs::ui::GoalNeeds needs=goal.needs.clone() />
            <MilestoneList goal_id=id version milestones=goal.milestones.clone() can_tick=agreed && open changes />
            {waiting_for_me.then(|| view! { <GoalAnswer goal=goal.clone() reader changes /> })}
            {open.then(|| view! {
                <div class="button-row goal-more">
                    <ReviseGoalForm goal=goal.clone() changes />
                    <AddMilestoneForm goal_id=id version changes />
                    {(reader == Side::Mentor && agreed).then(|| view! { <AssessGoalForm goal_id=id version changes /> })}
                </div>
            })}
            {match goal.pending.clone().filter(|_| writable) {
                Some(pending) => view! { <PendingChangeAnswer goal_id=id version pending reader changes /> }.into_any(),
                None => (agreed && writable).then(|| view! { <GoalStatusForms goal_id=id version status=goal.status title=title.clone() changes /> }).into_any(),
            }}
            <details class="history">
                <summary>{t!(i18n, workspace.history)}</summary>
                <ol class="timeline">
                    {goal.history.iter().map(|event| {
                        let detail = event.detail.clone();
                        view! {
                            <li>
                                <span class="muted"><When at=event.at.clone() capitalized=true /></span> " · "
                                {side_name(event.side)} " · " {event_name(event.kind)}
                                {detail.map(|detail| view! { " — " <q>{detail}</q> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </details>
        </article>
    }
}

#[component]
fn MilestoneList(
    goal_id: i64,
    version: i64,
    milestones: Vec<Milestone>,
    can_tick: bool,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let tick = ServerAction::<TickMilestone>::new();
    count_successes(tick, changes);
    let error = action_error(tick);
    if milestones.is_empty() {
        return view! { <p class="muted small">{t!(i18n, workspace.no_milestones)}</p> }.into_any();
    }
    view! {
        <h4 class="group-title" id=format!("goal-{goal_id}-milestones")>{t!(i18n, workspace.milestones)}</h4>
        <ul class="plain-list milestones" aria-labelledby=format!("goal-{goal_id}-milestones")>
            {milestones.into_iter().map(|milestone| {
                let done = milestone.done;
                let title = milestone.title.clone();
                let button_label = move || if done {
                    t_string!(i18n, workspace.milestone_undo).to_owned()
                } else {
                    t_string!(i18n, workspace.milestone_tick).to_owned()
                };
                view! {
                    <li class=if done { "milestone milestone-done" } else { "milestone" }>
                        <span class="milestone-mark" aria-hidden="true">{if done { "✓" } else { "○" }}</span>
                        <span class="milestone-title">{title.clone()}</span>
                        <span class="visually-hidden">
                            {move || if done { t_string!(i18n, workspace.milestone_is_done) } else { t_string!(i18n, workspace.milestone_is_open) }}
                        </span>
                        {milestone.due_date.clone().map(|due| view! { <span class="muted small">" · " {t!(i18n, workspace.due)} " " <When at=due /></span> })}
                        {milestone.overdue.then(|| view! { <span class="badge badge-late">{t!(i18n, workspace.overdue)}</span> })}
                        {can_tick.then(|| view! {
                            <ActionForm action=tick attr:class="inline-form">
                                <input type="hidden" name="id" value=milestone.id />
                                <input type="hidden" name="version" value=version />
                                <input type="hidden" name="state" value=if done { "open" } else { "done" } />
                                <button type="submit" class="button button-small button-secondary"
                                    aria-label={
                                        let title = title.clone();
                                        move || t_string!(i18n, workspace.milestone_action, action = button_label(), title = title.clone()).to_string()
                                    }
                                    disabled=move || tick.pending().get()>
                                    {button_label}
                                </button>
                            </ActionForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        <FormError error />
    }
    .into_any()
}

/// The reader's answer to a goal waiting for them: agree, or ask for a change
/// (after asking, the proposer rewrites it: then it shows "revise").
#[component]
pub fn GoalAnswer(goal: Goal, reader: Side, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let _ = reader;
    let agree = ServerAction::<AgreeGoal>::new();
    let ask = ServerAction::<RequestGoalChange>::new();
    let scope = format!("goal-{}-answer", goal.id);
    view! {
        <JointAnswer agree ask id=goal.id version=goal.version agreement=goal.agreement scope
            agree_label=label!(i18n, workspace.agree) revise_notice=label!(i18n, workspace.revise_to_answer) changes />
    }
}

/// The goal's text, for proposing (no goal yet) or revising.
#[component]
fn GoalTextFields(
    scope: String,
    error: Signal<Option<crate::error::AppError>>,
    #[prop(optional)] goal: Option<Goal>,
) -> impl IntoView {
    let i18n = use_i18n();
    let goal = goal.as_ref();
    view! {
        <TextField name="title" scope=scope.clone() label=label!(i18n, workspace.goal_title)
            hint=label!(i18n, workspace.goal_title_hint) error
            value=goal.map(|goal| goal.title.clone()).unwrap_or_default() />
        <TextAreaField name="success_criterion" scope=scope.clone() label=label!(i18n, workspace.success_criterion)
            hint=label!(i18n, workspace.success_criterion_hint) error max_chars=1000
            value=goal.map(|goal| goal.success_criterion.clone()).unwrap_or_default() />
        <TextField name="target_date" scope=scope.clone() input_type="date" required=false
            label=label!(i18n, workspace.target_date) hint=label!(i18n, workspace.target_date_hint) error
            value=goal.and_then(|goal| goal.target_date.clone()).unwrap_or_default() />
        <TextAreaField name="description" scope=scope required=false
            label=label!(i18n, workspace.description) hint=label!(i18n, workspace.description_hint) error
            value=goal.and_then(|goal| goal.description.clone()).unwrap_or_default() />
    }
}

/// Proposing a goal to the other person.
#[component]
pub fn ProposeGoalForm(pair_id: i64, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let propose = ServerAction::<ProposeGoal>::new();
    count_successes(propose, changes);
    let folded = NodeRef::new();
    fold_away_on_success(propose, folded);
    let error = action_error(propose);
    let scope = format!("pair-{pair_id}-new-goal");
    view! {
        <details class="propose-goal" node_ref=folded>
            <summary class="button button-primary">{t!(i18n, workspace.propose_goal)}</summary>
            <ActionForm action=propose attr:class="form">
                <p class="field-hint">{t!(i18n, workspace.smart_prompt)}</p>
                <input type="hidden" name="pair_id" value=pair_id />
                <GoalTextFields scope=scope.clone() error />
                <crate::needs::ui::NeedsChoice scope=scope.clone() checked=Vec::new() />
                <TextAreaField name="milestones" scope=scope required=false
                    label=label!(i18n, workspace.milestones) hint=label!(i18n, workspace.milestones_hint) error />
                <FormError error />
                <SubmitButton label=label!(i18n, workspace.propose_goal_send) pending=propose.pending() />
            </ActionForm>
        </details>
    }
}

#[component]
fn ReviseGoalForm(goal: Goal, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let revise = ServerAction::<ReviseGoal>::new();
    count_successes(revise, changes);
    let error = action_error(revise);
    let scope = format!("goal-{}-revise", goal.id);
    view! {
        <details class="inline-details">
            <summary class="button button-secondary">{t!(i18n, workspace.revise_goal)}</summary>
            <ActionForm action=revise attr:class="form">
                <p class="field-hint">{t!(i18n, workspace.revise_hint)}</p>
                <input type="hidden" name="id" value=goal.id />
                <input type="hidden" name="version" value=goal.version />
                <GoalTextFields scope=scope.clone() goal=goal.clone() error />
                <crate::needs::ui::NeedsChoice scope checked=goal.needs.iter().map(|(code, _)| code.clone()).collect() />
                <FormError error />
                <SubmitButton label=label!(i18n, workspace.revise_goal_send) pending=revise.pending() />
            </ActionForm>
        </details>
    }
}

#[component]
fn AddMilestoneForm(goal_id: i64, version: i64, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddMilestone>::new();
    count_successes(add, changes);
    let error = action_error(add);
    let scope = format!("goal-{goal_id}-milestone");
    view! {
        <details class="inline-details">
            <summary class="button button-secondary">{t!(i18n, workspace.add_milestone)}</summary>
            <ActionForm action=add attr:class="form">
                <input type="hidden" name="goal_id" value=goal_id />
                <input type="hidden" name="version" value=version />
                <p class="field-hint">{t!(i18n, workspace.add_milestone_hint)}</p>
                <TextField name="title" scope=scope.clone() label=label!(i18n, workspace.milestone_title) error />
                <TextField name="due_date" scope input_type="date" required=false label=label!(i18n, workspace.due) error />
                <FormError error />
                <SubmitButton label=label!(i18n, workspace.add_milestone_send) pending=add.pending() />
            </ActionForm>
        </details>
    }
}

#[component]
fn AssessGoalForm(goal_id: i64, version: i64, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let assess = ServerAction::<AssessGoal>::new();
    count_successes(assess, changes);
    let error = action_error(assess);
    let scope = format!("goal-{goal_id}-assess");
    view! {
        <details class="inline-details">
            <summary class="button button-secondary">{t!(i18n, workspace.assess)}</summary>
            <ActionForm action=assess attr:class="form">
                <input type="hidden" name="id" value=goal_id />
                <input type="hidden" name="version" value=version />
                <TextField name="progress" scope=scope.clone() input_type="number" label=label!(i18n, workspace.assess_percent) error />
                <TextAreaField name="comment" scope label=label!(i18n, workspace.assess_comment) error />
                <FormError error />
                <SubmitButton label=label!(i18n, workspace.assess_send) pending=assess.pending() />
            </ActionForm>
        </details>
    }
}

/// The change waiting on an agreed goal: the other side agrees or declines,
/// the proposer may withdraw it.
#[component]
fn PendingChangeAnswer(
    goal_id: i64,
    version: i64,
    pending: PendingChange,
    reader: Side,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let answer = ServerAction::<AnswerGoalChange>::new();
    count_successes(answer, changes);
    let error = action_error(answer);
    let kind = pending.kind.clone();
    let change = move || match &kind {
        ChangeKind::Status(GoalStatus::Achieved) => {
            t_string!(i18n, workspace.change_achieved).to_string()
        }
        ChangeKind::Status(GoalStatus::Dropped) => {
            t_string!(i18n, workspace.change_dropped).to_string()
        }
        ChangeKind::Status(GoalStatus::InProgress) => {
            t_string!(i18n, workspace.change_in_progress).to_string()
        }
        ChangeKind::Milestone { title, .. } => {
            t_string!(i18n, workspace.change_milestone, title = title.clone()).to_string()
        }
    };
    let mine = pending.side == reader;
    let proposer = pending.side;
    let button = move |value: &'static str, class: &'static str, text: Signal<String>| {
        view! {
            <ActionForm action=answer attr:class="inline-form">
                <input type="hidden" name="id" value=goal_id />
                <input type="hidden" name="version" value=version />
                <input type="hidden" name="answer" value=value />
                <SubmitButton class=class label=text pending=answer.pending() />
            </ActionForm>
        }
    };
    view! {
        <div class="notice notice-info pending-change">
            {if mine {
                view! {
                    <p>{move || t_string!(i18n, workspace.pending_by_me, change = change()).to_string()}</p>
                    <div class="button-row">{button("withdraw", "button button-secondary", label!(i18n, workspace.change_withdraw))}</div>
                }.into_any()
            } else {
                view! {
                    <p class="notice-title">{move || match proposer {
                        Side::Mentor => t_string!(i18n, workspace.pending_by_mentor, change = change()).to_string(),
                        Side::Mentee => t_string!(i18n, workspace.pending_by_mentee, change = change()).to_string(),
                    }}</p>
                    <div class="button-row">
                        {button("agree", "button button-primary", label!(i18n, workspace.change_agree))}
                        {button("decline", "button button-secondary", label!(i18n, workspace.change_decline))}
                    </div>
                }.into_any()
            }}
            <FormError error />
        </div>
    }
}

/// Proposing achieved, dropped (confirmed first), or reopened.
#[component]
fn GoalStatusForms(
    goal_id: i64,
    version: i64,
    status: GoalStatus,
    title: String,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let set = ServerAction::<ProposeGoalStatus>::new();
    count_successes(set, changes);
    let error = action_error(set);
    let hidden = move || {
        view! {
            <input type="hidden" name="id" value=goal_id />
            <input type="hidden" name="version" value=version />
        }
    };
    view! {
        <div class="button-row goal-status">
            {match status {
                GoalStatus::InProgress => view! {
                    <ActionForm action=set attr:class="inline-form">
                        {hidden()}
                        <input type="hidden" name="status" value="achieved" />
                        <SubmitButton class="button button-secondary" label=label!(i18n, workspace.propose_achieved) pending=set.pending() />
                    </ActionForm>
                    <details class="inline-details">
                        <summary class="button button-link">{t!(i18n, workspace.drop_goal)}</summary>
                        <ActionForm action=set attr:class="form">
                            <p>{t!(i18n, workspace.drop_confirm, title = title.clone())}</p>
                            {hidden()}
                            <input type="hidden" name="status" value="dropped" />
                            <SubmitButton class="button button-danger" label=label!(i18n, workspace.drop_goal_send) pending=set.pending() />
                        </ActionForm>
                    </details>
                }.into_any(),
                _ => view! {
                    <ActionForm action=set attr:class="inline-form">
                        {hidden()}
                        <input type="hidden" name="status" value="in_progress" />
                        <SubmitButton class="button button-secondary" label=label!(i18n, workspace.propose_reopen) pending=set.pending() />
                    </ActionForm>
                }.into_any(),
            }}
            <FormError error />
        </div>
    }
}
