//! The workspace screens: the mentor dashboard (one card per mentee, acting in
//! place), the full workspace of a pair (the mentee's goal-tracking page, and
//! a mentor's page for one mentee), and the coordinator's read-only overview.
use leptos::prelude::*;

use crate::components::when::When;
use leptos_router::hooks::use_params_map;

use super::ending_ui::{EndedBanner, PastPairsList, RequestEndForm};
use super::workspace::{
    get_my_workspaces, get_workspace, MyWorkspaces, PairOverview, Waiting, Workspace,
};
use super::Side;
use crate::components::access::AccessDenied;
use crate::components::forms::Loading;
use crate::feedback::ui::{FeedbackForm, FeedbackTimeline, FitCheckForm, FitCheckSummary};
use crate::goals::ui::{label, AgreementBadge, GoalAnswer, GoalCard, ProgressBar, ProposeGoalForm};
use crate::goals::{GoalStatus, ProgressSource};
use crate::i18n::{t, t_string, use_i18n};
use crate::layout::PageTitle;
use crate::meetings::ui::{LogMeetingForm, MeetingAnswer, MeetingCard, PlanMeetingForm};
use crate::messages::ui::{MessageThread, UnreadLink};
use crate::needs::ui::{NeedsContext, NeedsPanel};

/// The mentor's dashboard: capacity, then one card per mentee.
#[component]
pub fn MentorDashboard() -> impl IntoView {
    let i18n = use_i18n();
    let changes = RwSignal::new(0_u64);
    let workspaces = Resource::new(move || changes.get(), |_| get_my_workspaces());
    view! {
        <section class="section" aria-labelledby="dashboard-title">
            <div class="container">
                <h2 id="dashboard-title">{t!(i18n, workspace.dashboard_title)}</h2>
                <Transition fallback=Loading>
                    {move || Suspend::new(async move {
                        match workspaces.await {
                            Ok(mine) => view! { <DashboardCards mine changes /> }.into_any(),
                            Err(error) => view! { <AccessDenied error /> }.into_any(),
                        }
                    })}
                </Transition>
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
                {move || t_string!(i18n, workspace.capacity, used = used, capacity = capacity, free = free).to_string()}
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
            <UnreadLink count=workspace.unread_messages href=format!("/pairs/{pair_id}#messages") />
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
                            <a href=format!("/pairs/{pair_id}#meeting-{}", meeting.id)><When at=meeting.starts.clone() capitalized=true /></a>
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
                                    <a href=format!("/pairs/{pair_id}#goal-{}", goal.id)>{goal.title.clone()}</a>
                                    <p class="muted small">{goal.success_criterion.clone()}</p>
                                    <GoalAnswer goal reader=Side::Mentor changes />
                                </li>
                            }.into_any(),
                            WaitingItem::Meeting(meeting) => view! {
                                <li>
                                    {t!(i18n, workspace.kind_meeting)} " : "
                                    <a href=format!("/pairs/{pair_id}#meeting-{}", meeting.id)><When at=meeting.starts.clone() capitalized=true /></a>
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
                            <li>{milestone} <span class="muted small">" (" {goal} " · " {due} ")"</span></li>
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

/// A pair's whole workspace, for one of its two people.
#[component]
pub fn WorkspaceView(workspace: Workspace, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let reader = workspace.side;
    let pair_id = workspace.pair_id;
    let goals = workspace.goals.clone();
    let waiting: Vec<_> = workspace
        .waiting_for(reader)
        .into_iter()
        .map(|item| match item {
            Waiting::Goal(goal) => (format!("#goal-{}", goal.id), goal.title.clone(), true),
            Waiting::Meeting(meeting) => (
                format!("#meeting-{}", meeting.id),
                meeting.starts.clone(),
                false,
            ),
        })
        .collect();
    let next = workspace.next_meeting().cloned();
    let overall = workspace.overall_progress();
    let history = relationship_history(&workspace);
    let upcoming: Vec<_> = workspace
        .meetings
        .iter()
        .filter(|meeting| meeting.is_upcoming())
        .cloned()
        .collect();
    let past: Vec<_> = workspace
        .meetings
        .iter()
        .filter(|meeting| !meeting.is_upcoming())
        .rev()
        .cloned()
        .collect();
    let (open_goals, closed_goals): (Vec<_>, Vec<_>) = workspace
        .goals
        .iter()
        .cloned()
        .partition(|goal| goal.status == GoalStatus::InProgress);
    let partner = workspace.partner_name.clone();
    let writable = workspace.status == super::PairStatus::Active;
    provide_context(super::workspace::Writable(writable));
    provide_context(NeedsContext(workspace.needs.skills.clone()));
    let goal_titles: Vec<(i64, String)> = workspace
        .goals
        .iter()
        .map(|goal| (goal.id, goal.title.clone()))
        .collect();
    // The first meeting sets the objectives from the mentee's needs.
    let first_meeting_plan = (workspace.meetings.is_empty() && !workspace.needs.skills.is_empty())
        .then(|| {
            let locale = i18n.get_locale();
            let needs: Vec<String> = workspace
                .needs
                .skills
                .iter()
                .map(|need| {
                    need.label
                        .get(locale)
                        .or(need.label.fr.as_deref())
                        .unwrap_or(&need.code)
                        .to_owned()
                })
                .collect();
            t_string!(i18n, needs.first_meeting, needs = needs.join(", ")).to_string()
        });
    view! {
        <div class="workspace">
            {(!writable).then(|| view! { <EndedBanner closed_on=workspace.closed_on.clone() /> })}
            <p class="lead">
                {move || match reader {
                    Side::Mentee => t_string!(i18n, workspace.with_mentor, name = partner.clone()).to_string(),
                    Side::Mentor => t_string!(i18n, workspace.with_mentee, name = partner.clone()).to_string(),
                }}
            </p>
            <NeedsPanel needs=workspace.needs.clone() reader pair_id goal_titles changes />
            <section class="panel" aria-labelledby="waiting-title">
                <h2 id="waiting-title">{t!(i18n, workspace.waiting_for_your_answer)}</h2>
                {if waiting.is_empty() {
                    view! { <p class="muted">{t!(i18n, workspace.nothing_waiting)}</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {waiting.into_iter().map(|(href, text, is_goal)| view! {
                                <li>
                                    {move || if is_goal { t_string!(i18n, workspace.kind_goal) } else { t_string!(i18n, workspace.kind_meeting) }}
                                    " : " <a href=href>{if is_goal { text.into_any() } else { view! { <When at=text capitalized=true /> }.into_any() }}</a>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                {(workspace.unacknowledged_feedback() > 0 && reader == Side::Mentee).then(|| view! {
                    <p><a href="#feedback-title">{t!(i18n, workspace.feedback_to_read)}</a></p>
                })}
                <UnreadLink count=workspace.unread_messages href="#messages".to_owned() />
            </section>
            <section class="section-block" aria-labelledby="next-meeting-title">
                <h2 id="next-meeting-title">{t!(i18n, workspace.next_meeting)}</h2>
                {match next {
                    Some(meeting) => view! {
                        <p><When at=meeting.starts.clone() capitalized=true /> " " <AgreementBadge agreement=meeting.agreement reader /></p>
                        <h3 class="group-title">{t!(i18n, workspace.meeting_objectives)}</h3>
                        <ul>{meeting.objectives.iter().map(|objective| view! { <li>{objective.text.clone()}</li> }).collect_view()}</ul>
                    }.into_any(),
                    None => view! { <p class="muted">{t!(i18n, workspace.no_meeting_planned)}</p> }.into_any(),
                }}
            </section>
            <MessageThread pair_id />
            <section class="section-block" aria-labelledby="goals-title">
                <h2 id="goals-title">{t!(i18n, workspace.goals_title)}</h2>
                {match overall {
                    Some(percent) => view! { <ProgressBar percent id="overall-progress" label=label!(i18n, workspace.overall_progress) /> }.into_any(),
                    None => view! { <p class="muted">{t!(i18n, workspace.no_agreed_goal)}</p> }.into_any(),
                }}
                {writable.then(|| view! { <div class="no-print"><ProposeGoalForm pair_id changes /></div> })}
                {open_goals.into_iter().map(|goal| view! { <GoalCard goal reader changes /> }).collect_view()}
                {(!closed_goals.is_empty()).then(|| view! {
                    <h3>{t!(i18n, workspace.closed_goals)}</h3>
                    {closed_goals.into_iter().map(|goal| view! { <GoalCard goal reader changes /> }).collect_view()}
                })}
            </section>
            <section class="section-block" aria-labelledby="meetings-title">
                <h2 id="meetings-title">{t!(i18n, workspace.meetings_title)}</h2>
                {writable.then(|| view! { <div class="no-print"><PlanMeetingForm pair_id goals=goals.clone() changes suggested=first_meeting_plan.clone() /></div> })}
                {upcoming.into_iter().map(|meeting| view! { <MeetingCard meeting reader goals=goals.clone() changes /> }).collect_view()}
                {(!past.is_empty()).then(|| view! {
                    <h3>{t!(i18n, workspace.past_meetings)}</h3>
                    {past.into_iter().map(|meeting| view! { <MeetingCard meeting reader goals=goals.clone() changes /> }).collect_view()}
                })}
            </section>
            <section class="section-block" aria-labelledby="feedback-title">
                <h2 id="feedback-title">{t!(i18n, workspace.feedback_title)}</h2>
                {(writable && reader == Side::Mentor).then(|| view! {
                    <div class="no-print">
                        <FeedbackForm pair_id meetings=workspace.meetings.clone() goals=goals.clone() meeting=None changes />
                    </div>
                })}
                <FeedbackTimeline feedback=workspace.feedback.clone() reader changes />
            </section>
            {(writable && workspace.fit_check.due).then(|| view! {
                <div class="no-print"><FitCheckForm pair_id fit_check=workspace.fit_check.clone() changes /></div>
            })}
            <section class="section-block" aria-labelledby="history-title">
                <h2 id="history-title">{t!(i18n, workspace.relationship_history)}</h2>
                {if history.is_empty() {
                    view! { <p class="muted">{t!(i18n, workspace.history_empty)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="timeline">
                            {history.into_iter().map(|(at, text)| view! { <li><span class="muted"><When at capitalized=true /></span> " · " {text}</li> }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
            {writable.then(|| view! { <RequestEndForm pair_id requested=workspace.my_end_request.clone() changes /> })}
        </div>
    }
}

/// The relationship's dated history, newest first: goals set and reached,
/// meetings held or cancelled, feedback given.
fn relationship_history(workspace: &Workspace) -> Vec<(String, String)> {
    use crate::goals::GoalEventKind;
    use crate::meetings::MeetingStatus;

    let i18n = use_i18n();
    let mut entries: Vec<(String, String)> = Vec::new();
    for goal in &workspace.goals {
        for event in &goal.history {
            let text = match event.kind {
                GoalEventKind::Agreed => t_string!(
                    i18n,
                    workspace.history_goal_agreed,
                    title = goal.title.clone()
                )
                .to_string(),
                GoalEventKind::Achieved => t_string!(
                    i18n,
                    workspace.history_goal_achieved,
                    title = goal.title.clone()
                )
                .to_string(),
                GoalEventKind::Proposed => t_string!(
                    i18n,
                    workspace.history_goal_proposed,
                    title = goal.title.clone()
                )
                .to_string(),
                _ => continue,
            };
            entries.push((event.at.clone(), text));
        }
    }
    for meeting in &workspace.meetings {
        let text = match meeting.status {
            MeetingStatus::Held => t_string!(i18n, workspace.history_meeting_held).to_string(),
            MeetingStatus::Cancelled => {
                t_string!(i18n, workspace.history_meeting_cancelled).to_string()
            }
            MeetingStatus::Planned => continue,
        };
        entries.push((meeting.starts.clone(), text));
    }
    for feedback in &workspace.feedback {
        entries.push((
            feedback.written.clone(),
            t_string!(i18n, workspace.history_feedback).to_string(),
        ));
    }
    entries.sort_by(|a, b| b.0.cmp(&a.0));
    entries
}

/// `/mentee`'s goal tracking: the workspace of the mentee's active pair.
#[component]
pub fn MenteeWorkspace() -> impl IntoView {
    let i18n = use_i18n();
    let changes = RwSignal::new(0_u64);
    let workspaces = Resource::new(move || changes.get(), |_| get_my_workspaces());
    view! {
        <section class="section" aria-labelledby="tracking-title">
            <div class="container">
                <div class="heading-row">
                    <h2 id="tracking-title">{t!(i18n, workspace.tracking_title)}</h2>
                    <PrintButton />
                </div>
                <Transition fallback=Loading>
                    {move || Suspend::new(async move {
                        match workspaces.await {
                            Ok(mine) => match mine.workspaces.into_iter().next() {
                                Some(workspace) => view! {
                                    <WorkspaceView workspace changes />
                                    <PastPairsList past=mine.past />
                                }.into_any(),
                                None if !mine.past.is_empty() => view! {
                                    <p class="notice notice-info">{t!(i18n, workspace.mentee_pair_ended)}</p>
                                    <PastPairsList past=mine.past />
                                }.into_any(),
                                None => view! { <p class="empty-state">{t!(i18n, workspace.no_active_pair_mentee)}</p> }.into_any(),
                            },
                            Err(error) => view! { <AccessDenied error /> }.into_any(),
                        }
                    })}
                </Transition>
            </div>
        </section>
    }
}

/// Prints the page (the print style leaves the forms out): a summary to keep.
/// Shown once the page is interactive (before, it could not do anything; the
/// browser's own print works all along).
#[component]
fn PrintButton() -> impl IntoView {
    let i18n = use_i18n();
    let interactive = RwSignal::new(false);
    Effect::new(move |_| interactive.set(true));
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if window().print().is_err() {
            leptos::logging::warn!("printing is not available");
        }
    };
    view! {
        <button type="button" class="button button-secondary button-small no-print" on:click=print
            hidden=move || !interactive.get()>
            {t!(i18n, workspace.print_summary)}
        </button>
    }
}

/// `/pairs/:id`: a mentor's page for one mentee (or the mentee's own).
#[component]
pub fn PairWorkspacePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let changes = RwSignal::new(0_u64);
    let pair_id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or_default()
    };
    let workspace = Resource::new(
        move || (pair_id(), changes.get()),
        |(id, _)| get_workspace(id),
    );
    view! {
        <PageTitle text=label!(i18n, workspace.page_title) />
        <section class="section">
            <div class="container">
                <h1>{t!(i18n, workspace.page_title)}</h1>
                <Transition fallback=Loading>
                    {move || Suspend::new(async move {
                        match workspace.await {
                            Ok(workspace) => {
                                let back = match workspace.side {
                                    Side::Mentor => "/mentor",
                                    Side::Mentee => "/mentee",
                                };
                                view! {
                                    <p class="breadcrumb"><a href=back>{t!(i18n, workspace.back_to_dashboard)}</a></p>
                                    <WorkspaceView workspace changes />
                                }.into_any()
                            }
                            Err(error) => view! { <AccessDenied error /> }.into_any(),
                        }
                    })}
                </Transition>
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
