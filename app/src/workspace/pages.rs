//! The workspace screens: the mentor dashboard (one card per mentee, acting in
//! place), the full workspace of a pair (the mentee's goal-tracking page, and
//! a mentor's page for one mentee), and the coordinator's read-only overview.
use crate::components::access::{reload_or_deny, Gate};
use crate::error::AppError;
use leptos::prelude::*;

use crate::components::when::When;

use crate::components::labels::{label, ProgressBar};
use crate::components::page::PageTitle;
use crate::feedback::ui::{FeedbackForm, FitCheckSummary};
use crate::goals::ui::GoalAnswer;
use crate::goals::{GoalStatus, ProgressSource};
use crate::i18n::{t, t_string, use_i18n};
use crate::joint::ui::AgreementBadge;
use crate::meetings::ui::{LogMeetingForm, MeetingAnswer, PlanMeetingForm};
use crate::messages::ui::UnreadLink;
use crate::pairs::Side;
use crate::workspace::ending_ui::PastPairsList;
use crate::workspace::view::{Section, WorkspaceView};
use crate::workspace::{
    get_my_workspaces, get_workspace, MyWorkspaces, PairOverview, Waiting, Workspace,
};

/// The mentor's dashboard: capacity, then one card per mentee.
#[component]
pub fn MentorDashboard(
    /// `my_workspaces`, created by the page outside any `Suspense`.
    workspaces: Resource<Result<MyWorkspaces, AppError>>,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section" aria-labelledby="dashboard-title">
            <div class="container">
                <h2 id="dashboard-title">{t!(i18n, workspace.dashboard_title)}</h2>
                {reload_or_deny(workspaces, move |mine| view! { <DashboardCards mine changes /> }.into_any())}
            </div>
        </section>
    }
}

#[component]
fn DashboardCards(mine: MyWorkspaces, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let capacity = mine.capacity.map(|(used, capacity)| {
        let free = (capacity - used).max(0);
        view! {
            <p class="capacity">
                {move || t_string!(i18n, workspace.capacity, used = used, capacity = capacity, free = crate::plural!(i18n, board.free_places_singular, board.free_places_plural, free)).to_string()}
            </p>
        }
    });
    let past = mine.past;
    if mine.workspaces.is_empty() {
        return view! {
            {capacity}
            <p class="empty-state">{t!(i18n, workspace.no_active_pairs)}</p>
            <PastPairsList past />
        }
        .into_any();
    }
    view! {
        {capacity}
        <ul class="plain-list mentee-cards">
            {mine.workspaces.into_iter().map(|workspace| view! { <li><MenteeCard workspace changes /></li> }).collect_view()}
        </ul>
        <PastPairsList past />
    }
    .into_any()
}

/// Something the mentor's answer is waiting for, on a dashboard card.
#[derive(Clone)]
enum WaitingItem {
    Goal(crate::goals::Goal),
    Meeting(crate::meetings::Meeting),
}

/// One mentee at a glance, and what the mentor can do in place.
#[component]
fn MenteeCard(workspace: Workspace, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let pair_id = workspace.pair_id;
    let title_id = format!("mentee-{pair_id}-title");
    let name = workspace.partner_name.clone();
    let overall = workspace.overall_progress();
    let goals: Vec<_> = workspace
        .goals
        .iter()
        .filter(|goal| goal.agreement.is_agreed() && goal.status == GoalStatus::InProgress)
        .cloned()
        .collect();
    let next = workspace.next_meeting().cloned();
    let waiting: Vec<WaitingItem> = workspace
        .waiting_for(Side::Mentor)
        .into_iter()
        .map(|item| match item {
            Waiting::Goal(goal) => WaitingItem::Goal(goal.clone()),
            Waiting::Meeting(meeting) => WaitingItem::Meeting(meeting.clone()),
        })
        .collect();
    let feedback_due: Vec<_> = workspace.feedback_due().into_iter().cloned().collect();
    let to_log: Vec<_> = workspace.to_log().into_iter().cloned().collect();
    let overdue: Vec<_> = workspace
        .overdue_milestones()
        .into_iter()
        .map(|(goal, milestone)| {
            (
                goal.title.clone(),
                milestone.title.clone(),
                milestone.due_date.clone().unwrap_or_default(),
            )
        })
        .collect();
    let all_goals = workspace.goals.clone();
    let meetings = workspace.meetings.clone();
    let labelled_by = title_id.clone();
    view! {
        <article class="card mentee-card" aria-labelledby=labelled_by>
            <header class="mentee-card-header">
                <h3 id=title_id>{name.clone()}</h3>
                <a class="button button-secondary button-small" href=format!("/pairs/{pair_id}")>
                    {t!(i18n, workspace.open_workspace)}
                    <span class="visually-hidden">" — " {name.clone()}</span>
                </a>
            </header>
            <UnreadLink count=workspace.unread_messages href=format!("/pairs/{pair_id}?section=messages") />
            {match overall {
                Some(percent) => view! {
                    <ProgressBar percent id=format!("mentee-{pair_id}-overall") label=label!(i18n, workspace.overall_progress) />
                }.into_any(),
                None => view! { <p class="muted">{t!(i18n, workspace.no_agreed_goal)}</p> }.into_any(),
            }}
            {(!goals.is_empty()).then(|| view! {
                <ul class="plain-list goal-bars">
                    {goals.into_iter().map(|goal| view! {
                        <li>
                            <ProgressBar percent=goal.progress id=format!("mentee-{pair_id}-goal-{}", goal.id)
                                label=Signal::derive({ let title = goal.title.clone(); move || title.clone() }) />
                            {(goal.progress_source == ProgressSource::NothingYet).then(|| view! {
                                <span class="muted small">{t!(i18n, workspace.progress_nothing_yet)}</span>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <div class="mentee-card-facts">
                <h4 class="group-title">{t!(i18n, workspace.next_meeting)}</h4>
                {match next {
                    Some(meeting) => view! {
                        <p>
                            <a href=format!("/pairs/{pair_id}?section=meetings#meeting-{}", meeting.id)><When at=meeting.starts.clone() capitalized=true /></a>
                            " " <AgreementBadge agreement=meeting.agreement reader=Side::Mentor />
                        </p>
                        <ul class="objectives small">{meeting.objectives.iter().map(|objective| view! { <li>{objective.text.clone()}</li> }).collect_view()}</ul>
                    }.into_any(),
                    None => view! { <p class="muted">{t!(i18n, workspace.no_meeting_planned)}</p> }.into_any(),
                }}
                {(!waiting.is_empty()).then(|| view! {
                    <h4 class="group-title">{t!(i18n, workspace.waiting_for_your_answer)}</h4>
                    <ul class="plain-list waiting-list">
                        {waiting.into_iter().map(|item| match item {
                            WaitingItem::Goal(goal) => view! {
                                <li>
                                    {t!(i18n, workspace.kind_goal)} " : "
                                    <a href=format!("/pairs/{pair_id}?section=goals#goal-{}", goal.id)>{goal.title.clone()}</a>
                                    <p class="muted small">{goal.success_criterion.clone()}</p>
                                    <GoalAnswer goal reader=Side::Mentor changes />
                                </li>
                            }.into_any(),
                            WaitingItem::Meeting(meeting) => view! {
                                <li>
                                    {t!(i18n, workspace.kind_meeting)} " : "
                                    <a href=format!("/pairs/{pair_id}?section=meetings#meeting-{}", meeting.id)><When at=meeting.starts.clone() capitalized=true /></a>
                                    <ul class="objectives small">{meeting.objectives.iter().map(|objective| view! { <li>{objective.text.clone()}</li> }).collect_view()}</ul>
                                    <MeetingAnswer meeting changes />
                                </li>
                            }.into_any(),
                        }).collect_view()}
                    </ul>
                })}
                {(!overdue.is_empty()).then(|| view! {
                    <h4 class="group-title">{t!(i18n, workspace.overdue_milestones)}</h4>
                    <ul>
                        {overdue.into_iter().map(|(goal, milestone, due)| view! {
                            <li>{milestone} <span class="muted small">" (" {goal} " · " <When at=due /> ")"</span></li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
            {(!to_log.is_empty()).then(|| view! {
                <div class="notice notice-info">
                    <p class="notice-title">{t!(i18n, workspace.to_log)}</p>
                    {to_log.into_iter().map(|meeting| view! {
                        <div class="to-log-item">
                            <p>
                                <strong><When at=meeting.starts.clone() capitalized=true /></strong> " "
                                <AgreementBadge agreement=meeting.agreement reader=Side::Mentor />
                            </p>
                            <ul class="objectives small">{meeting.objectives.iter().map(|objective| view! { <li>{objective.text.clone()}</li> }).collect_view()}</ul>
                            <LogMeetingForm meeting changes />
                        </div>
                    }).collect_view()}
                </div>
            })}
            {(!feedback_due.is_empty()).then(|| view! {
                <div class="notice notice-warning">
                    <p class="notice-title">{t!(i18n, workspace.feedback_due)}</p>
                    <ul>{feedback_due.iter().map(|meeting| view! { <li><When at=meeting.starts.clone() capitalized=true /></li> }).collect_view()}</ul>
                </div>
            })}
            <div class="button-row card-actions">
                <PlanMeetingForm pair_id goals=all_goals.clone() changes />
                <FeedbackForm pair_id meetings goals=all_goals changes
                    meeting=feedback_due.first().map(|meeting| meeting.id) />
            </div>
        </article>
    }
}

/// `/mentee`'s goal tracking: the workspace of the mentee's active pair.
#[component]
pub fn MenteeWorkspace(
    /// `my_workspaces`, created by the page outside any `Suspense`.
    workspaces: Resource<Result<MyWorkspaces, AppError>>,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section" aria-labelledby="tracking-title">
            <div class="container">
                <div class="heading-row">
                    <h2 id="tracking-title">{t!(i18n, workspace.tracking_title)}</h2>
                    <PrintButton />
                </div>
                {reload_or_deny(workspaces, move |mine| match mine.workspaces.into_iter().next() {
                                Some(workspace) => view! {
                                    <WorkspaceView workspace changes />
                                    <PastPairsList past=mine.past />
                                }.into_any(),
                                None if !mine.past.is_empty() => view! {
                                    <p class="notice notice-info">{t!(i18n, workspace.mentee_pair_ended)}</p>
                                    <PastPairsList past=mine.past />
                                }.into_any(),
                                None => view! { <p class="empty-state">{t!(i18n, workspace.no_active_pair_mentee)}</p> }.into_any(),
                            })}
            </div>
        </section>
    }
}

/// The caller's workspaces, loaded again when `changes` moves, once `gate`
/// (the page's access check) passes. With `reading`, the messages are
/// marked read whenever the address shows them (the mentee's page).
pub fn my_workspaces<T: Gate>(
    changes: RwSignal<u64>,
    gate: OnceResource<Result<T, AppError>>,
    reading: bool,
) -> Resource<Result<MyWorkspaces, AppError>> {
    let section = crate::workspace::view::section_in_address();
    Resource::new(
        move || {
            (
                changes.get(),
                reading && section.get().shows(Section::Messages),
            )
        },
        move |(_, read)| async move {
            gate.await?;
            get_my_workspaces(reading.then_some(read)).await
        },
    )
}

/// Prints the page (the print style leaves the forms out): a summary to keep.
/// Shown once the page's script has run (`layout::PageBehaviours`); before,
/// it could not do anything, and the browser's own print works all along.
#[component]
fn PrintButton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="button button-secondary button-small no-print" data-print="" hidden>
            {t!(i18n, workspace.print_summary)}
        </button>
    }
}

/// `/pairs/:id`: a mentor's page for one mentee (or the mentee's own).
#[component]
pub fn PairWorkspacePage() -> impl IntoView {
    let i18n = use_i18n();
    let changes = RwSignal::new(0_u64);
    let id_in_address = crate::components::page::id_in_address();
    let pair_id = move || id_in_address().unwrap_or_default();
    let section = crate::workspace::view::section_in_address();
    let workspace = Resource::new(
        move || {
            (
                pair_id(),
                changes.get(),
                section.get().shows(Section::Messages),
            )
        },
        |(id, _, reading)| get_workspace(id, Some(reading)),
    );
    view! {
        <PageTitle text=label!(i18n, workspace.page_title) />
        <section class="section">
            <div class="container">
                <h1>{t!(i18n, workspace.page_title)}</h1>
                {reload_or_deny(workspace, move |workspace| {
                                let back = match workspace.side {
                                    Side::Mentor => "/mentor",
                                    Side::Mentee => "/mentee",
                                };
                                view! {
                                    <p class="breadcrumb"><a href=back>{t!(i18n, workspace.back_to_dashboard)}</a></p>
                                    <WorkspaceView workspace changes />
                                }.into_any()
                            })}
            </div>
        </section>
    }
}

/// The coordinator's read-only overview of a pair (its page is the follow-up's,
/// `reports::pair_follow_up`).
#[component]
pub fn PairOverviewView(overview: PairOverview) -> impl IntoView {
    let i18n = use_i18n();
    let (mentee, mentor) = (overview.mentee_name.clone(), overview.mentor_name.clone());
    view! {
        <h1>{move || t_string!(i18n, workspace.overview_heading, mentee = mentee.clone(), mentor = mentor.clone()).to_string()}</h1>
        <p><crate::pairs::ui::PairStatusBadge status=overview.status /></p>
        {match overview.overall_progress {
            Some(percent) => view! { <ProgressBar percent id="overview-progress" label=label!(i18n, workspace.overall_progress) /> }.into_any(),
            None => view! { <p class="muted">{t!(i18n, workspace.no_agreed_goal)}</p> }.into_any(),
        }}
        <dl class="overview-facts">
            <dt>{t!(i18n, workspace.meetings_held)}</dt><dd>{overview.meetings_held}</dd>
            <dt>{t!(i18n, workspace.meetings_planned)}</dt><dd>{overview.meetings_planned}</dd>
            <dt>{t!(i18n, workspace.feedback_given)}</dt><dd>{overview.feedback_given}</dd>
            <dt>{t!(i18n, workspace.last_activity)}</dt>
            <dd>{match overview.last_activity.clone() {
                Some(at) => view! { <When at capitalized=true /> }.into_any(),
                None => "—".into_any(),
            }}</dd>
        </dl>
        <h2>{t!(i18n, workspace.goals_title)}</h2>
        {if overview.goals.is_empty() {
            view! { <p class="muted">{t!(i18n, workspace.no_goals)}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list goal-bars">
                    {overview.goals.iter().enumerate().map(|(index, (title, percent, status, agreed))| {
                        let title = title.clone();
                        let note = if !agreed {
                            Some(t_string!(i18n, workspace.not_agreed_yet).to_owned())
                        } else if *status != GoalStatus::InProgress {
                            Some(match status {
                                GoalStatus::Achieved => t_string!(i18n, workspace.goal_achieved).to_owned(),
                                _ => t_string!(i18n, workspace.goal_dropped).to_owned(),
                            })
                        } else {
                            None
                        };
                        view! {
                            <li>
                                <ProgressBar percent=*percent id=format!("overview-goal-{index}") label=Signal::derive(move || title.clone()) />
                                {note.map(|note| view! { <span class="muted small">{note}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2>{t!(i18n, workspace.fit_title_coordinator)}</h2>
        <FitCheckSummary fit_check=overview.fit_check.clone() />
        <p class="muted small">{t!(i18n, workspace.overview_privacy)}</p>
    }
}
