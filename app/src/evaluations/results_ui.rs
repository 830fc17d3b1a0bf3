//! `/coordinator/evaluations?cohort=…&kind=…`: a cohort's results, per
//! audience (response rate, each question gathered: a chart per scale, the
//! list of texts), each person with a link to their answers, and the CSV
//! export; `/coordinator/evaluations/answers/:id`: one person's answers.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::aggregate::mean_text;
use super::results_api::{
    get_evaluation_results, get_person_answers, AudienceResults, CohortResults, PersonAnswers,
    PersonResponse,
};
use super::ui::{in_reader_language, kind_name, status_name, AnswerList};
use super::{mid_cohort, AnswerKind, Audience, QuestionResult, QuestionnaireKind, ResponseStatus};
use crate::components::access::{encode_query_value, reload_or_deny, CoordinationPage};
use crate::components::charts::BarChart;
use crate::components::labels::label;
use crate::components::page::PageTitle;
use crate::components::when::when_text;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n, Locale};

/// "Mentees", "Mentors".
pub fn audience_name(i18n: leptos_i18n::I18nContext<Locale>, audience: Audience) -> &'static str {
    match audience {
        Audience::Mentee => t_string!(i18n, evaluations.audience_mentee),
        Audience::Mentor => t_string!(i18n, evaluations.audience_mentor),
    }
}

/// Where a cohort's answers to `kind` download as CSV (the coordination's
/// exports route, `reports::exports`).
pub fn export_href(cohort_code: &str, kind: QuestionnaireKind) -> String {
    format!(
        "/coordinator/exports/{}/{}",
        encode_query_value(cohort_code),
        export_file(kind)
    )
}

/// The file of a kind's answers in the exports route.
pub fn export_file(kind: QuestionnaireKind) -> &'static str {
    match kind {
        QuestionnaireKind::Evaluation => "evaluations.csv",
        QuestionnaireKind::Pulse => "pulses.csv",
    }
}

#[component]
pub fn EvaluationResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let chosen = Memo::new(move |_| {
        let query = query.read();
        (query.get("cohort"), query.get("kind"))
    });
    let results = Resource::new(
        move || chosen.get(),
        |(cohort, kind)| get_evaluation_results(cohort, kind),
    );
    let title = label!(i18n, evaluations.results_title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(results, move |results| view! {
            <CoordinationPage title>
                <ResultsView results />
            </CoordinationPage>
        }.into_any())}
    }
}

#[component]
fn ResultsView(results: CohortResults) -> impl IntoView {
    let i18n = use_i18n();
    let kind = results.kind;
    let chooser = view! {
        <p><a href="/coordinator/evaluations/questions">{t!(i18n, evaluations.edit_questions)}</a></p>
        <form method="get" action="/coordinator/evaluations" class="filters">
            <div class="field">
                <label for="evaluations-cohort">{t!(i18n, evaluations.cohort)}</label>
                <crate::catalog::cohort_select::CohortSelect id="evaluations-cohort" cohorts=results.cohorts.clone()
                    chosen=results.cohort.as_ref().map(|cohort| cohort.code.clone()).unwrap_or_default() />
            </div>
            <div class="field">
                <label for="evaluations-kind">{t!(i18n, evaluations.kind)}</label>
                <select id="evaluations-kind" name="kind">
                    {QuestionnaireKind::ALL.into_iter().map(|option| view! {
                        <option value=option.as_str() selected=option == kind>{move || kind_name(i18n, option)}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button-secondary">{t!(i18n, evaluations.show)}</button>
        </form>
    };
    let Some(cohort) = results.cohort.clone() else {
        return view! { {chooser} <p class="empty-state">{t!(i18n, evaluations.no_cohort)}</p> }
            .into_any();
    };
    let Some(sent_at) = results.sent_at.clone() else {
        let mid = mid_cohort(cohort.starts_on, cohort.ends_on);
        let not_sent = move || match kind {
            QuestionnaireKind::Evaluation => {
                t_string!(i18n, evaluations.evaluation_not_sent).to_string()
            }
            QuestionnaireKind::Pulse => t_string!(
                i18n,
                evaluations.pulse_not_sent,
                date = crate::program_time::long_date(i18n.get_locale(), mid)
            )
            .to_string(),
        };
        return view! { {chooser} <p class="empty-state">{not_sent}</p> }.into_any();
    };
    let reminded = results.reminded_at.clone();
    let sending = move || {
        let sent = when_text(i18n.get_locale(), &sent_at);
        match &reminded {
            Some(reminded) => t_string!(
                i18n,
                evaluations.sent_and_reminded,
                sent = sent,
                reminded = when_text(i18n.get_locale(), reminded)
            )
            .to_string(),
            None => t_string!(i18n, evaluations.sent_on, sent = sent).to_string(),
        }
    };
    let export = export_href(&cohort.code, kind);
    view! {
        {chooser}
        <p class="muted">{sending}</p>
        <p><a href=export rel="external">{t!(i18n, evaluations.download)}</a></p>
        <p class="muted">{t!(i18n, evaluations.submitted_only)}</p>
        {results.audiences.into_iter().map(|audience| view! { <AudienceSection audience /> }).collect_view()}
        <PeopleTable people=results.people />
    }
    .into_any()
}

#[component]
fn AudienceSection(audience: AudienceResults) -> impl IntoView {
    let i18n = use_i18n();
    let who = audience.audience;
    let heading_id = format!("results-{}", who.as_str());
    let labelled_by = heading_id.clone();
    let rate = audience.rate;
    let body = if rate.submitted == 0 {
        view! { <p class="empty-state">{t!(i18n, evaluations.no_answers_yet)}</p> }.into_any()
    } else {
        audience
            .questions
            .into_iter()
            .map(|result| view! { <QuestionResultView result /> })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || audience_name(i18n, who)}</h2>
            <p>
                {move || t_string!(i18n, evaluations.rate, sent = rate.sent, drafted = rate.drafted, submitted = rate.submitted, percent = rate.submitted_percent()).to_string()}
            </p>
            {body}
        </section>
    }
}

#[component]
fn QuestionResultView(result: QuestionResult) -> impl IntoView {
    let i18n = use_i18n();
    let label = result.question.label.clone();
    let retired = result.question.retired;
    let title = Signal::derive(move || {
        let text = in_reader_language(i18n, &label);
        if retired {
            t_string!(i18n, evaluations.retired_question, label = text).to_string()
        } else {
            text
        }
    });
    let answered = result.answered;
    match result.question.kind {
        AnswerKind::Scale => {
            let mean = result.mean_tenths;
            let summary = Signal::derive(move || match mean {
                Some(mean) => crate::plural!(
                    i18n,
                    evaluations.scale_summary_singular,
                    evaluations.scale_summary_plural,
                    answered,
                    mean = mean_text(mean, i18n.get_locale() == Locale::fr)
                ),
                None => t_string!(i18n, evaluations.no_answer).to_string(),
            });
            let rows: Vec<(String, i64)> = result
                .counts
                .iter()
                .enumerate()
                .map(|(index, count)| ((index + 1).to_string(), *count))
                .collect();
            view! {
                <BarChart id=format!("question-{}", result.question.id) title summary
                    label_header=label!(i18n, evaluations.chart_value)
                    value_header=label!(i18n, evaluations.chart_count)
                    rows=Signal::derive(move || rows.clone()) />
            }
            .into_any()
        }
        AnswerKind::Text => {
            let texts = result.texts;
            view! {
                <div class="text-answers">
                    <h3>{move || title.get()}</h3>
                    {if texts.is_empty() {
                        view! { <p class="empty-state">{t!(i18n, evaluations.no_answer)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list answer-texts">
                                {texts.into_iter().map(|text| view! { <li><blockquote><p>{text}</p></blockquote></li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn PeopleTable(people: Vec<PersonResponse>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="results-people">
            <h2 id="results-people">{t!(i18n, evaluations.people_title)}</h2>
            {if people.is_empty() {
                view! { <p class="empty-state">{t!(i18n, evaluations.no_people)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="data-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, evaluations.person)}</th>
                                    <th scope="col">{t!(i18n, evaluations.role)}</th>
                                    <th scope="col">{t!(i18n, evaluations.status)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {people.into_iter().map(|person| view! { <PersonLine person /> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn PersonLine(person: PersonResponse) -> impl IntoView {
    let i18n = use_i18n();
    let (audience, status) = (person.audience, person.status);
    let name = if status == ResponseStatus::Submitted {
        let href = format!("/coordinator/evaluations/answers/{}", person.response_id);
        view! { <a href=href>{person.name}</a> }.into_any()
    } else {
        person.name.into_any()
    };
    let submitted = person.submitted_at.clone();
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td>{move || audience_name(i18n, audience)}</td>
            <td>
                <span class="badge">{move || status_name(i18n, status)}</span>
                {submitted.map(|at| view! { " " <crate::components::when::When at /> })}
            </td>
        </tr>
    }
}

/// One person's answers, for the coordination.
#[component]
pub fn PersonAnswersPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::components::page::id_in_address();
    let answers = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_person_answers(id).await,
            None => Err(AppError::NotFound),
        }
    });
    let title = label!(i18n, evaluations.answers_title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(answers, move |answers| view! {
            <CoordinationPage title>
                <PersonAnswersView answers />
            </CoordinationPage>
        }.into_any())}
    }
}

#[component]
fn PersonAnswersView(answers: PersonAnswers) -> impl IntoView {
    let i18n = use_i18n();
    let back = format!(
        "/coordinator/evaluations?cohort={}&kind={}",
        encode_query_value(&answers.cohort_code),
        answers.kind.as_str()
    );
    let (kind, audience, status) = (answers.kind, answers.audience, answers.status);
    let cohort = answers.cohort_name.clone();
    let name = answers.name.clone();
    let about = move || {
        t_string!(
            i18n,
            evaluations.answers_of,
            name = name.clone(),
            audience = audience_name(i18n, audience),
            kind = kind_name(i18n, kind),
            cohort = in_reader_language(i18n, &cohort)
        )
        .to_string()
    };
    let submitted = answers.submitted_at.clone();
    view! {
        <p><a href=back>{t!(i18n, evaluations.back_to_results)}</a></p>
        <h2>{about}</h2>
        {match submitted {
            Some(at) if status == ResponseStatus::Submitted => view! {
                <p class="muted">{move || t_string!(i18n, evaluations.submitted_on, date = when_text(i18n.get_locale(), &at)).to_string()}</p>
                <AnswerList questions=answers.questions />
            }.into_any(),
            _ => view! { <p class="empty-state">{t!(i18n, evaluations.not_submitted)}</p> }.into_any(),
        }}
    }
}
