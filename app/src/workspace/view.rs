//! A pair's workspace for one of its two people, in sections: it opens on a
//! summary (the mentee's needs, what waits for the reader, the next meeting,
//! progress per goal) and each section (needs, goals, meetings, messages,
//! feedback, history, or all at once for printing) is one tap away; the
//! address (`?section=`) keeps which one is open, so it works before the
//! script and survives a reload. On a phone the mentee's page used to be
//! over 10,000 px tall.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::labels::{label, ProgressBar};
use crate::components::when::When;
use crate::feedback::ui::{FeedbackForm, FeedbackTimeline, FitCheckForm};
use crate::goals::ui::{GoalCard, ProposeGoalForm};
use crate::goals::GoalStatus;
use crate::i18n::{t, t_string, use_i18n};
use crate::joint::ui::AgreementBadge;
use crate::meetings::ui::{MeetingCard, PlanMeetingForm};
use crate::messages::ui::{MessageThread, UnreadLink};
use crate::needs::ui::{NeedsContext, NeedsPanel};
use crate::pairs::Side;
use crate::workspace::ending_ui::{EndedBanner, RequestEndForm};
use crate::workspace::{Waiting, Workspace};

/// The section on screen (`?section=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Summary,
    Needs,
    Goals,
    Meetings,
    Messages,
    Feedback,
    History,
    /// Everything, one after the other (to print or read through).
    All,
}

/// The section the address names (`?section=`), for the pages that load the
/// workspace: the messages are marked read while on screen.
pub fn section_in_address() -> Memo<Section> {
    let query = use_query_map();
    Memo::new(move |_| Section::parse(query.read().get("section").as_deref()))
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Summary,
        Section::Needs,
        Section::Goals,
        Section::Meetings,
        Section::Messages,
        Section::Feedback,
        Section::History,
        Section::All,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Needs => "needs",
            Section::Goals => "goals",
            Section::Meetings => "meetings",
            Section::Messages => "messages",
            Section::Feedback => "feedback",
            Section::History => "history",
            Section::All => "all",
        }
    }

    /// The summary when absent or unknown.
    pub fn parse(value: Option<&str>) -> Section {
        Self::ALL
            .into_iter()
            .find(|section| Some(section.as_str()) == value)
            .unwrap_or(Section::Summary)
    }

    /// The link to it (query only: the page's own path).
    pub fn href(self) -> String {
        match self {
            Section::Summary => "?".to_owned(),
            other => format!("?section={}", other.as_str()),
        }
    }

    pub fn shows(self, part: Section) -> bool {
        self == part || self == Section::All
    }
}

/// A pair's whole workspace, for one of its two people.
#[component]
pub fn WorkspaceView(workspace: Workspace, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let section = section_in_address();
    let reader = workspace.side;
    let pair_id = workspace.pair_id;
    let partner = workspace.partner_name.clone();
    let writable = workspace.status == crate::pairs::PairStatus::Active;
    provide_context(crate::joint::Writable(writable));
    provide_context(NeedsContext(workspace.needs.skills.clone()));
    let requested = workspace.my_end_request.clone();
    let closed_on = workspace.closed_on.clone();
    view! {
        <div class="workspace">
            {(!writable).then(|| view! { <EndedBanner closed_on /> })}
            <p class="lead">
                {move || match reader {
                    Side::Mentee => t_string!(i18n, workspace.with_mentor, name = partner.clone()).to_string(),
                    Side::Mentor => t_string!(i18n, workspace.with_mentee, name = partner.clone()).to_string(),
                }}
            </p>
            <SectionNav current=section unread=workspace.unread_messages />
            {move || {
                let shown = section.get();
                let workspace = workspace.clone();
                view! {
                    {shown.shows(Section::Summary).then(|| view! { <Summary workspace=workspace.clone() changes /> })}
                    {(shown == Section::Needs).then(|| {
                        let goal_titles = goal_titles(&workspace);
                        view! { <NeedsPanel needs=workspace.needs.clone() reader pair_id goal_titles changes /> }
                    })}
                    {shown.shows(Section::Goals).then(|| view! { <GoalsSection workspace=workspace.clone() changes /> })}
                    {shown.shows(Section::Meetings).then(|| view! { <MeetingsSection workspace=workspace.clone() changes /> })}
                    {shown.shows(Section::Messages).then(|| view! { <MessageThread thread=workspace.thread.clone() changes /> })}
                    {shown.shows(Section::Feedback).then(|| view! { <FeedbackSection workspace=workspace.clone() changes /> })}
                    {shown.shows(Section::History).then(|| view! { <HistorySection workspace=workspace.clone() /> })}
                }
            }}
            {writable.then(|| view! { <RequestEndForm pair_id requested=requested.clone() changes /> })}
        </div>
    }
}

fn goal_titles(workspace: &Workspace) -> Vec<(i64, String)> {
    workspace
        .goals
        .iter()
        .map(|goal| (goal.id, goal.title.clone()))
        .collect()
}

/// One tap to each section; the open one is marked for screen readers.
#[component]
fn SectionNav(current: Memo<Section>, unread: i64) -> impl IntoView {
    let i18n = use_i18n();
    let name = move |section: Section| match section {
        Section::Summary => t_string!(i18n, workspace.section_summary),
        Section::Needs => t_string!(i18n, workspace.section_needs),
        Section::Goals => t_string!(i18n, workspace.section_goals),
        Section::Meetings => t_string!(i18n, workspace.section_meetings),
        Section::Messages => t_string!(i18n, workspace.section_messages),
        Section::Feedback => t_string!(i18n, workspace.section_feedback),
        Section::History => t_string!(i18n, workspace.section_history),
        Section::All => t_string!(i18n, workspace.section_all),
    };
    view! {
        <nav class="section-nav no-print" aria-label=move || t_string!(i18n, workspace.sections_label).to_string()>
            <ul class="plain-list">
                {Section::ALL.into_iter().map(|section| view! {
                    <li>
                        <a href=section.href()
                            aria-current=move || (current.get() == section).then_some("page")>
                            {move || name(section)}
                            {(section == Section::Messages && unread > 0).then(|| view! {
                                " " <span class="badge badge-action">{unread}</span>
                            })}
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// What the reader opens on: the needs, what waits for them, the next
/// meeting, progress per goal.
#[component]
fn Summary(workspace: Workspace, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let reader = workspace.side;
    let pair_id = workspace.pair_id;
    let waiting: Vec<_> = workspace
        .waiting_for(reader)
        .into_iter()
        .map(|item| match item {
            Waiting::Goal(goal) => (
                format!("?section=goals#goal-{}", goal.id),
                goal.title.clone(),
                true,
            ),
            Waiting::Meeting(meeting) => (
                format!("?section=meetings#meeting-{}", meeting.id),
                meeting.starts.clone(),
                false,
            ),
        })
        .collect();
    let next = workspace.next_meeting().cloned();
    let overall = workspace.overall_progress();
    let goals: Vec<_> = workspace
        .goals
        .iter()
        .filter(|goal| goal.agreement.is_agreed() && goal.status == GoalStatus::InProgress)
        .cloned()
        .collect();
    let goal_titles = goal_titles(&workspace);
    view! {
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
                <p><a href=Section::Feedback.href()>{t!(i18n, workspace.feedback_to_read)}</a></p>
            })}
            <UnreadLink count=workspace.unread_messages href=Section::Messages.href() />
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
        <section class="section-block" aria-labelledby="progress-title">
            <h2 id="progress-title">{t!(i18n, workspace.progress_title)}</h2>
            {match overall {
                Some(percent) => view! { <ProgressBar percent id="overall-progress" label=label!(i18n, workspace.overall_progress) /> }.into_any(),
                None => view! { <p class="muted">{t!(i18n, workspace.no_agreed_goal)}</p> }.into_any(),
            }}
            {(!goals.is_empty()).then(|| view! {
                <ul class="plain-list goal-bars">
                    {goals.into_iter().map(|goal| {
                        let title = goal.title.clone();
                        view! {
                            <li>
                                <ProgressBar percent=goal.progress id=format!("summary-goal-{}", goal.id)
                                    label=Signal::derive(move || title.clone()) />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

#[component]
fn GoalsSection(workspace: Workspace, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let reader = workspace.side;
    let pair_id = workspace.pair_id;
    let writable = workspace.status == crate::pairs::PairStatus::Active;
    let overall = workspace.overall_progress();
    let (open_goals, closed_goals): (Vec<_>, Vec<_>) = workspace
        .goals
        .iter()
        .cloned()
        .partition(|goal| goal.status == GoalStatus::InProgress);
    view! {
        <section class="section-block" aria-labelledby="goals-title">
            <h2 id="goals-title">{t!(i18n, workspace.goals_title)}</h2>
            {match overall {
                Some(percent) => view! { <ProgressBar percent id="goals-overall-progress" label=label!(i18n, workspace.overall_progress) /> }.into_any(),
                None => view! { <p class="muted">{t!(i18n, workspace.no_agreed_goal)}</p> }.into_any(),
            }}
            {writable.then(|| view! { <div class="no-print"><ProposeGoalForm pair_id changes /></div> })}
            {open_goals.into_iter().map(|goal| view! { <GoalCard goal reader changes /> }).collect_view()}
            {(!closed_goals.is_empty()).then(|| view! {
                <h3>{t!(i18n, workspace.closed_goals)}</h3>
                {closed_goals.into_iter().map(|goal| view! { <GoalCard goal reader changes /> }).collect_view()}
            })}
        </section>
    }
}

#[component]
fn MeetingsSection(workspace: Workspace, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let reader = workspace.side;
    let pair_id = workspace.pair_id;
    let writable = workspace.status == crate::pairs::PairStatus::Active;
    let goals = workspace.goals.clone();
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
        <section class="section-block" aria-labelledby="meetings-title">
            <h2 id="meetings-title">{t!(i18n, workspace.meetings_title)}</h2>
            {writable.then(|| view! { <div class="no-print"><PlanMeetingForm pair_id goals=goals.clone() changes suggested=first_meeting_plan.clone() /></div> })}
            {upcoming.into_iter().map(|meeting| view! { <MeetingCard meeting reader goals=goals.clone() changes /> }).collect_view()}
            {(!past.is_empty()).then(|| view! {
                <h3>{t!(i18n, workspace.past_meetings)}</h3>
                {past.into_iter().map(|meeting| view! { <MeetingCard meeting reader goals=goals.clone() changes /> }).collect_view()}
            })}
        </section>
    }
}

#[component]
fn FeedbackSection(workspace: Workspace, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let reader = workspace.side;
    let pair_id = workspace.pair_id;
    let writable = workspace.status == crate::pairs::PairStatus::Active;
    view! {
        <section class="section-block" aria-labelledby="feedback-title">
            <h2 id="feedback-title">{t!(i18n, workspace.feedback_title)}</h2>
            {(writable && reader == Side::Mentor).then(|| view! {
                <div class="no-print">
                    <FeedbackForm pair_id meetings=workspace.meetings.clone() goals=workspace.goals.clone() meeting=None changes />
                </div>
            })}
            <FeedbackTimeline feedback=workspace.feedback.clone() reader changes />
        </section>
        {(writable && workspace.fit_check.due).then(|| view! {
            <div class="no-print"><FitCheckForm pair_id fit_check=workspace.fit_check.clone() changes /></div>
        })}
    }
}

#[component]
fn HistorySection(workspace: Workspace) -> impl IntoView {
    let i18n = use_i18n();
    let history = relationship_history(&workspace);
    view! {
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

#[cfg(test)]
mod tests {
    use super::Section;

    #[test]
    fn the_address_keeps_the_open_section() {
        for section in Section::ALL {
            let href = section.href();
            let value = href.strip_prefix("?section=");
            assert_eq!(Section::parse(value), section);
        }
        assert_eq!(Section::parse(Some("nonsense")), Section::Summary);
        assert_eq!(Section::parse(None), Section::Summary);
    }
}
