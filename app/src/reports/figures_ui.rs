//! The dashboard's figures: one bar chart per subject, each with its table and
//! a sentence that says what it shows.
use leptos::prelude::*;

use crate::components::labels::label;

use super::ui::application_status_name;
use super::{Figures, MEETING_WEEKS};
use crate::components::charts::BarChart;
use crate::components::when::when_text;
use crate::i18n::{t, t_string, use_i18n};

/// The headline figures, then one chart per subject, each with its table.
#[component]
pub fn FiguresSection(figures: Figures) -> impl IntoView {
    let i18n = use_i18n();
    // The table headers most charts share.
    let label = label!(i18n, follow_up.chart_what);
    let count = label!(i18n, follow_up.chart_count);
    let f = figures;
    view! {
        <section class="dashboard-figures" aria-labelledby="figures-title">
            <h2 id="figures-title">{t!(i18n, follow_up.figures_title)}</h2>
            <div class="chart-grid">
                <PeopleChart waiting=f.mentees_waiting proposed=f.pairs_proposed
                    active=f.pairs_active completed=f.pairs_completed ended=f.pairs_ended label count />
                <PlacesChart mentors=f.mentors used=f.places_used free=f.places_free label count />
                <MeetingsChart meetings_per_week=f.meetings_per_week />
                <GoalsChart agreed=f.goals_agreed achieved=f.goals_achieved
                    overdue=f.goals_overdue label count />
                <FeedbackChart given=f.feedback_given acknowledged=f.feedback_acknowledged
                    label count />
                <FitChart good=f.fit_good not_sure=f.fit_not_sure not_a_fit=f.fit_not_a_fit
                    label count />
                <ApplicationsChart applications=f.applications label count />
            </div>
        </section>
    }
}

/// Mentees waiting, and the cohort's pairs by state.
#[component]
fn PeopleChart(
    waiting: i64,
    proposed: i64,
    active: i64,
    completed: i64,
    ended: i64,
    label: Signal<String>,
    count: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = Signal::derive(move || {
        vec![
            (
                t_string!(i18n, follow_up.mentees_waiting).to_owned(),
                waiting,
            ),
            (
                t_string!(i18n, follow_up.pairs_proposed).to_owned(),
                proposed,
            ),
            (t_string!(i18n, follow_up.pairs_active).to_owned(), active),
            (
                t_string!(i18n, follow_up.pairs_completed).to_owned(),
                completed,
            ),
            (t_string!(i18n, follow_up.pairs_ended).to_owned(), ended),
        ]
    });
    let summary = Signal::derive(move || {
        t_string!(
            i18n,
            follow_up.people_summary,
            waiting = waiting,
            proposed = proposed,
            active = active,
            completed = completed,
            ended = ended
        )
        .to_string()
    });
    view! {
        <BarChart id="chart-people" title=label!(i18n, follow_up.chart_people)
            summary label_header=label value_header=count rows />
    }
}

/// The mentors' places, used and free.
#[component]
fn PlacesChart(
    mentors: i64,
    used: i64,
    free: i64,
    label: Signal<String>,
    count: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = Signal::derive(move || {
        vec![
            (t_string!(i18n, follow_up.places_used).to_owned(), used),
            (t_string!(i18n, follow_up.places_free).to_owned(), free),
        ]
    });
    let summary = Signal::derive(move || {
        t_string!(
            i18n,
            follow_up.places_summary,
            mentors = mentors,
            used = used,
            free = free
        )
        .to_string()
    });
    view! {
        <BarChart id="chart-places" title=label!(i18n, follow_up.chart_places)
            summary label_header=label value_header=count rows />
    }
}

/// Meetings held, week by week.
#[component]
fn MeetingsChart(meetings_per_week: Vec<(String, i64)>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = {
        let weeks = meetings_per_week.clone();
        Signal::derive(move || {
            weeks
                .iter()
                .map(|(monday, count)| {
                    (
                        t_string!(
                            i18n,
                            follow_up.week_of,
                            date = when_text(i18n.get_locale(), monday)
                        )
                        .to_string(),
                        *count,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let summary = Signal::derive(move || {
        let total: i64 = meetings_per_week.iter().map(|(_, count)| count).sum();
        let last = meetings_per_week.last().map_or(0, |(_, count)| *count);
        t_string!(
            i18n,
            follow_up.meetings_summary,
            weeks = MEETING_WEEKS,
            total = total,
            last = last
        )
        .to_string()
    });
    view! {
        <BarChart id="chart-meetings" title=label!(i18n, follow_up.chart_meetings)
            summary label_header=label!(i18n, follow_up.chart_week)
            value_header=label!(i18n, follow_up.chart_meetings_held) rows />
    }
}

/// The agreed goals: achieved and overdue among them.
#[component]
fn GoalsChart(
    agreed: i64,
    achieved: i64,
    overdue: i64,
    label: Signal<String>,
    count: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = Signal::derive(move || {
        vec![
            (t_string!(i18n, follow_up.goals_agreed).to_owned(), agreed),
            (
                t_string!(i18n, follow_up.goals_achieved).to_owned(),
                achieved,
            ),
            (t_string!(i18n, follow_up.goals_overdue).to_owned(), overdue),
        ]
    });
    let summary = Signal::derive(move || {
        t_string!(
            i18n,
            follow_up.goals_summary,
            agreed = agreed,
            achieved = achieved,
            overdue = overdue
        )
        .to_string()
    });
    view! {
        <BarChart id="chart-goals" title=label!(i18n, follow_up.chart_goals)
            summary label_header=label value_header=count rows />
    }
}

/// Feedback given, and acknowledged.
#[component]
fn FeedbackChart(
    given: i64,
    acknowledged: i64,
    label: Signal<String>,
    count: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = Signal::derive(move || {
        vec![
            (t_string!(i18n, follow_up.feedback_given).to_owned(), given),
            (
                t_string!(i18n, follow_up.feedback_acknowledged).to_owned(),
                acknowledged,
            ),
        ]
    });
    let summary = Signal::derive(move || {
        t_string!(
            i18n,
            follow_up.feedback_summary,
            given = given,
            acknowledged = acknowledged
        )
        .to_string()
    });
    view! {
        <BarChart id="chart-feedback" title=label!(i18n, follow_up.chart_feedback)
            summary label_header=label value_header=count rows />
    }
}

/// The fit checks' answers.
#[component]
fn FitChart(
    good: i64,
    not_sure: i64,
    not_a_fit: i64,
    label: Signal<String>,
    count: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = Signal::derive(move || {
        vec![
            (t_string!(i18n, workspace.fit_good).to_owned(), good),
            (t_string!(i18n, workspace.fit_not_sure).to_owned(), not_sure),
            (
                t_string!(i18n, workspace.fit_not_a_fit).to_owned(),
                not_a_fit,
            ),
        ]
    });
    let summary = Signal::derive(move || {
        t_string!(
            i18n,
            follow_up.fit_summary,
            good = good,
            not_sure = not_sure,
            not_a_fit = not_a_fit
        )
        .to_string()
    });
    view! {
        <BarChart id="chart-fit" title=label!(i18n, follow_up.chart_fit)
            summary label_header=label value_header=count rows />
    }
}

/// The program's applications by status.
#[component]
fn ApplicationsChart(
    applications: Vec<(String, i64)>,
    label: Signal<String>,
    count: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = {
        let applications = applications.clone();
        Signal::derive(move || {
            applications
                .iter()
                .map(|(status, count)| (application_status_name(status), *count))
                .collect::<Vec<_>>()
        })
    };
    let summary = Signal::derive(move || {
        let total: i64 = applications.iter().map(|(_, count)| count).sum();
        t_string!(i18n, follow_up.applications_summary, total = total).to_string()
    });
    view! {
        <BarChart id="chart-applications" title=label!(i18n, follow_up.chart_applications)
            summary label_header=label value_header=count rows />
    }
}
