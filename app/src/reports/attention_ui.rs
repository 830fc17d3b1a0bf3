//! "Needs attention" on the dashboard: each item says why in a sentence, links
//! to where to act, and offers a nudge, a snooze or "handled".
use leptos::prelude::*;

use crate::components::labels::label;

use super::api::{DecideAttentionItem, SendNudge};
use super::attention::{AttentionDetail, AttentionItem, Thresholds};
use super::AttentionRow;
use crate::components::forms::{
    action_error, count_successes, FieldMessage, FormError, SubmitButton,
};
use crate::feedback::FitAnswer;
use crate::i18n::{t, t_string, use_i18n, Locale};
use crate::pairs::Side;

#[component]
pub fn AttentionSection(
    cohort: String,
    rows: Vec<AttentionRow>,
    set_aside: Vec<AttentionRow>,
    thresholds: Thresholds,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = rows.len();
    let aside_count = set_aside.len();
    let interval = thresholds.nudge_interval_days;
    view! {
        <section class="attention" aria-labelledby="attention-title">
            <h2 id="attention-title">{t!(i18n, follow_up.attention_title)}</h2>
            <p class="muted" role="status">
                {move || t_string!(i18n, follow_up.attention_count, count = count).to_string()}
            </p>
            {if rows.is_empty() {
                view! { <p class="empty-state">{t!(i18n, follow_up.attention_empty)}</p> }.into_any()
            } else {
                let cohort = cohort.clone();
                view! {
                    <ol class="plain-list attention-list">
                        {rows
                            .into_iter()
                            .map(|row| view! { <li><AttentionCard row cohort=cohort.clone() interval changes /></li> })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
            {(aside_count > 0).then(|| view! {
                <details class="set-aside">
                    <summary>{move || t_string!(i18n, follow_up.set_aside_title, count = aside_count).to_string()}</summary>
                    <ul class="plain-list">
                        {set_aside
                            .into_iter()
                            .map(|row| view! { <li class="set-aside-item"><SetAsideLine row /></li> })
                            .collect_view()}
                    </ul>
                </details>
            })}
        </section>
    }
}

/// An item's key as a piece of an element id (letters, digits and dashes).
fn dom_id(key: &str) -> String {
    key.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// The names of the people a side list designates, joined ("Amina et Marc").
fn names_of(item: &AttentionItem, sides: &[Side], and: &str) -> String {
    let Some(pair) = &item.pair else {
        return String::new();
    };
    sides
        .iter()
        .map(|side| match side {
            Side::Mentor => pair.mentor.name.clone(),
            Side::Mentee => pair.mentee.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(&format!(" {and} "))
}

/// Why the item needs attention, in one sentence of the reader's language.
pub fn item_sentence(item: AttentionItem) -> impl Fn() -> String + Send + Sync + 'static {
    let i18n = use_i18n();
    move || {
        let names = pair_names(&item);
        match &item.detail {
            AttentionDetail::ProposalUnanswered { days, waiting_on } => {
                proposal_sentence(i18n, &item, names, *days, waiting_on)
            }
            AttentionDetail::NoMeetingHeld { weeks, ever_met } => {
                no_meeting_sentence(i18n, names, *weeks, *ever_met)
            }
            AttentionDetail::MeetingNotLogged { date, days } => {
                unlogged_sentence(i18n, names, date, *days)
            }
            AttentionDetail::MilestoneOverdue {
                goal,
                milestone,
                days,
            } => milestone_sentence(i18n, names, goal, milestone, *days),
            AttentionDetail::FeedbackUnacknowledged { days } => {
                feedback_sentence(i18n, names, *days)
            }
            AttentionDetail::FitConcern { side, answer } => {
                fit_sentence(i18n, &item, names, *side, *answer)
            }
            AttentionDetail::MenteeWaiting { days } => {
                waiting_sentence(i18n, person_name(&item), *days)
            }
            AttentionDetail::MentorUnavailable { paused, waiting } => {
                mentor_sentence(i18n, person_name(&item), *paused, *waiting)
            }
        }
    }
}

/// The reader's translations, as `use_i18n` gives them.
type I18n = leptos_i18n::I18nContext<Locale>;

/// The names of an item's mentee and mentor (empty without a pair).
fn pair_names(item: &AttentionItem) -> (String, String) {
    item.pair
        .as_ref()
        .map(|pair| (pair.mentee.name.clone(), pair.mentor.name.clone()))
        .unwrap_or_default()
}

/// The name of the person an item is about (empty without one).
fn person_name(item: &AttentionItem) -> String {
    item.person
        .as_ref()
        .map(|person| person.name.clone())
        .unwrap_or_default()
}

fn proposal_sentence(
    i18n: I18n,
    item: &AttentionItem,
    (mentee, mentor): (String, String),
    days: i64,
    waiting_on: &[Side],
) -> String {
    let and = t_string!(i18n, follow_up.and);
    t_string!(
        i18n,
        follow_up.item_proposal,
        mentee = mentee,
        mentor = mentor,
        days = days,
        who = names_of(item, waiting_on, and)
    )
    .to_string()
}

fn no_meeting_sentence(
    i18n: I18n,
    (mentee, mentor): (String, String),
    weeks: i64,
    ever_met: bool,
) -> String {
    if ever_met {
        t_string!(
            i18n,
            follow_up.item_no_meeting,
            mentee = mentee,
            mentor = mentor,
            weeks = weeks
        )
        .to_string()
    } else {
        t_string!(
            i18n,
            follow_up.item_no_meeting_never,
            mentee = mentee,
            mentor = mentor,
            weeks = weeks
        )
        .to_string()
    }
}

fn unlogged_sentence(
    i18n: I18n,
    (mentee, mentor): (String, String),
    date: &str,
    days: i64,
) -> String {
    t_string!(
        i18n,
        follow_up.item_unlogged,
        mentee = mentee,
        mentor = mentor,
        date = crate::components::when::when_text(i18n.get_locale(), date),
        days = days
    )
    .to_string()
}

fn milestone_sentence(
    i18n: I18n,
    (mentee, mentor): (String, String),
    goal: &str,
    milestone: &str,
    days: i64,
) -> String {
    t_string!(
        i18n,
        follow_up.item_milestone,
        mentee = mentee,
        mentor = mentor,
        milestone = milestone.to_owned(),
        goal = goal.to_owned(),
        days = days
    )
    .to_string()
}

fn feedback_sentence(i18n: I18n, (mentee, mentor): (String, String), days: i64) -> String {
    t_string!(
        i18n,
        follow_up.item_feedback,
        mentee = mentee,
        mentor = mentor,
        days = days
    )
    .to_string()
}

fn fit_sentence(
    i18n: I18n,
    item: &AttentionItem,
    (mentee, mentor): (String, String),
    side: Side,
    answer: FitAnswer,
) -> String {
    let and = t_string!(i18n, follow_up.and);
    let who = names_of(item, &[side], and);
    if answer == FitAnswer::NotAFit {
        t_string!(
            i18n,
            follow_up.item_fit_not_a_fit,
            who = who,
            mentee = mentee,
            mentor = mentor
        )
        .to_string()
    } else {
        t_string!(
            i18n,
            follow_up.item_fit_not_sure,
            who = who,
            mentee = mentee,
            mentor = mentor
        )
        .to_string()
    }
}

fn waiting_sentence(i18n: I18n, name: String, days: i64) -> String {
    t_string!(i18n, follow_up.item_waiting, name = name, days = days).to_string()
}

fn mentor_sentence(i18n: I18n, name: String, paused: bool, waiting: i64) -> String {
    if paused {
        t_string!(
            i18n,
            follow_up.item_mentor_paused,
            name = name,
            count = waiting
        )
        .to_string()
    } else {
        t_string!(
            i18n,
            follow_up.item_mentor_full,
            name = name,
            count = waiting
        )
        .to_string()
    }
}

/// Where the coordinator acts on an item, and the link's words.
fn item_link(item: &AttentionItem, cohort: &str) -> (String, &'static str) {
    match (&item.detail, &item.pair, &item.person) {
        (AttentionDetail::MenteeWaiting { .. }, _, Some(person)) => (
            format!(
                "/coordinator/matching?cohort={cohort}&mentee={}",
                person.profile_id
            ),
            "board",
        ),
        (_, Some(pair), _) => (format!("/coordinator/pairs/{}", pair.pair_id), "pair"),
        (_, None, Some(person)) => (
            format!("/coordinator/participants/{}", person.profile_id),
            "person",
        ),
        _ => (format!("/coordinator?cohort={cohort}"), "pair"),
    }
}

#[component]
fn AttentionCard(
    row: AttentionRow,
    cohort: String,
    interval: i64,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let item = row.item.clone();
    let key = item.key.clone();
    let kind = item.detail.kind();
    let (href, link_kind) = item_link(&item, &cohort);
    let recipients: Vec<String> = item
        .nudge_recipients()
        .into_iter()
        .map(|person| person.name.clone())
        .collect();
    let urgent = item.urgency >= 70;
    let class = format!(
        "card attention-item attention-{kind}{}",
        if urgent { " attention-urgent" } else { "" }
    );
    let came_back = row.decision.clone().map(|decision| decision.decided_at);
    let last_nudge = row.last_nudge.clone();
    let again_on = row.nudge_again_on.clone();
    view! {
        <article class=class data-key=key.clone()>
            <p class="attention-why">{item_sentence(item.clone())}</p>
            {came_back.map(|at| view! {
                <p class="attention-note">{move || t_string!(i18n, follow_up.came_back, at = crate::components::when::when_text(i18n.get_locale(), &at)).to_string()}</p>
            })}
            {last_nudge.map(|at| view! {
                <p class="attention-nudged" role="status">{move || t_string!(i18n, follow_up.nudged_on, at = crate::components::when::when_text(i18n.get_locale(), &at)).to_string()}</p>
            })}
            <p class="attention-links">
                <a href=href>
                    {move || match link_kind {
                        "board" => t_string!(i18n, follow_up.open_board),
                        "person" => t_string!(i18n, follow_up.open_person),
                        _ => t_string!(i18n, follow_up.open_pair),
                    }}
                </a>
            </p>
            <div class="attention-actions no-print">
                {(!recipients.is_empty()).then(|| view! {
                    <NudgeForm cohort=cohort.clone() key=key.clone() recipients=recipients.join(", ") again_on interval changes />
                })}
                <DecideForms cohort=cohort.clone() key=key.clone() changes />
            </div>
        </article>
    }
}

#[component]
fn NudgeForm(
    cohort: String,
    key: String,
    recipients: String,
    again_on: Option<String>,
    interval: i64,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let nudge = ServerAction::<SendNudge>::new();
    count_successes(nudge, changes);
    let error = action_error(nudge);
    let line_id = format!("nudge-line-{}", dom_id(&key));
    let line_error_id = format!("{line_id}-error");
    let label = {
        let recipients = recipients.clone();
        Signal::derive(move || {
            t_string!(i18n, follow_up.nudge, who = recipients.clone()).to_string()
        })
    };
    match again_on {
        Some(date) => view! {
            <p class="muted">{move || t_string!(i18n, follow_up.nudge_again_on, date = crate::components::when::when_text(i18n.get_locale(), &date)).to_string()}</p>
        }
        .into_any(),
        None => view! {
            <ActionForm action=nudge attr:class="nudge-form">
                <input type="hidden" name="cohort" value=cohort />
                <input type="hidden" name="key" value=key />
                <p class="field-hint">{move || t_string!(i18n, follow_up.nudge_hint, days = interval).to_string()}</p>
                <details class="nudge-line">
                    <summary>{t!(i18n, follow_up.nudge_add_line)}</summary>
                    <div class="field">
                        <label for=line_id.clone()>{t!(i18n, follow_up.nudge_personal)}</label>
                        <textarea id=line_id.clone() name="personal_line" rows="2" maxlength="500"
                            aria-describedby=line_error_id.clone()></textarea>
                        <FieldMessage field="personal_line" error id=line_error_id />
                    </div>
                </details>
                <SubmitButton label pending=nudge.pending() />
                <FormError error />
            </ActionForm>
        }
        .into_any(),
    }
}

#[component]
fn DecideForms(cohort: String, key: String, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let snooze = ServerAction::<DecideAttentionItem>::new();
    let handle = ServerAction::<DecideAttentionItem>::new();
    count_successes(snooze, changes);
    count_successes(handle, changes);
    let snooze_error = action_error(snooze);
    let handle_error = action_error(handle);
    let days_id = format!("snooze-days-{}", dom_id(&key));
    let snooze_note_id = format!("snooze-note-{}", dom_id(&key));
    let handled_note_id = format!("handled-note-{}", dom_id(&key));
    let (snooze_cohort, snooze_key) = (cohort.clone(), key.clone());
    view! {
        <details class="attention-decide">
            <summary>{t!(i18n, follow_up.decide)}</summary>
            <p class="field-hint">{t!(i18n, follow_up.decide_hint)}</p>
            <ActionForm action=snooze attr:class="decide-form">
                <input type="hidden" name="cohort" value=snooze_cohort />
                <input type="hidden" name="key" value=snooze_key />
                <input type="hidden" name="decision" value="snoozed" />
                <div class="field">
                    <label for=days_id.clone()>{t!(i18n, follow_up.snooze_days)}</label>
                    <select id=days_id name="days">
                        <option value="7">{move || t_string!(i18n, follow_up.days_count, count = 7).to_string()}</option>
                        <option value="14">{move || t_string!(i18n, follow_up.days_count, count = 14).to_string()}</option>
                        <option value="30">{move || t_string!(i18n, follow_up.days_count, count = 30).to_string()}</option>
                    </select>
                </div>
                <div class="field">
                    <label for=snooze_note_id.clone()>{t!(i18n, follow_up.note)}</label>
                    <textarea id=snooze_note_id name="note" rows="2" maxlength="2000"></textarea>
                </div>
                <SubmitButton class="button button-secondary"
                    label=label!(i18n, follow_up.snooze)
                    pending=snooze.pending() />
                <FormError error=snooze_error />
            </ActionForm>
            <ActionForm action=handle attr:class="decide-form">
                <input type="hidden" name="cohort" value=cohort />
                <input type="hidden" name="key" value=key />
                <input type="hidden" name="decision" value="handled" />
                <div class="field">
                    <label for=handled_note_id.clone()>{t!(i18n, follow_up.note)}</label>
                    <textarea id=handled_note_id name="note" rows="2" maxlength="2000"></textarea>
                </div>
                <SubmitButton class="button button-secondary"
                    label=label!(i18n, follow_up.handled)
                    pending=handle.pending() />
                <FormError error=handle_error />
            </ActionForm>
        </details>
    }
}

#[component]
fn SetAsideLine(row: AttentionRow) -> impl IntoView {
    let i18n = use_i18n();
    let decision = row.decision.clone();
    view! {
        <p>{item_sentence(row.item.clone())}</p>
        {decision.map(|decision| {
            let status = {
                let decision = decision.clone();
                move || match (&decision.until, decision.handled) {
                    (Some(until), false) => t_string!(i18n, follow_up.snoozed_until, date = crate::components::when::when_text(i18n.get_locale(), until)).to_string(),
                    _ => t_string!(i18n, follow_up.handled_on, at = crate::components::when::when_text(i18n.get_locale(), &decision.decided_at)).to_string(),
                }
            };
            view! {
                <p class="muted">{status}</p>
                {decision.note.clone().map(|note| view! { <p class="attention-decision-note">{note}</p> })}
            }
        })}
    }
}
