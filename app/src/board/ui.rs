//! The matching board (Coordination → Jumelage), drawn on the server. Lists,
//! filters, the selected mentee and how much of the draft is shown live in the
//! address (links and GET forms, so the browser's back button and a shared
//! link work); the draft is kept on the server (`board::drafts`); decisions
//! are plain forms that come back to the same address.
use leptos::prelude::*;

use crate::components::table::DataTable;

use crate::components::access::load_or_deny;

use crate::components::labels::label;
use leptos_router::hooks::use_location;
use matching::{Breakdown, Obstacle, PartName, Reason, UnmatchedReason};

use super::api::{
    get_board, AcceptDraft, DiscardDraft, ProposePair, RunMatching, SaveMatchingSettings,
    SetPairConstraint,
};
use super::{
    BoardMentee, BoardMentor, BoardView, ConstraintKind, ConstraintRow, DraftView, Page,
    PreviousPairing, RankedMentee, RankedMentor, RematchReason, SelectedMentee, SelectedMentor,
};
use crate::catalog::TaxonomyChoice;
use crate::components::access::CoordinationPage;
use crate::components::forms::{
    action_error, action_succeeded, restore_outcome, FieldMessage, FormError, SubmitButton,
};
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::pairs::api::{EndPair, WithdrawPair};
use crate::pairs::ui::PairStatusBadge;
use crate::pairs::{PairRow, PairStatus};
use crate::profiles::fields::{language_name, TaxonomyLabel};

mod columns;
mod draft;
mod explain;
use columns::*;
use draft::*;
use explain::*;

/// The board's address parameters.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BoardQuery {
    cohort: String,
    q: String,
    domain: String,
    language: String,
    page: usize,
    mentor_page: usize,
    mentee: Option<i64>,
    /// How many of the draft's pairs are explained (a page more each time).
    shown: usize,
    /// The mentors' search: a name, a domain, a language, only those with room.
    mq: String,
    mdomain: String,
    mlanguage: String,
    free: bool,
    /// The mentor whose best waiting mentees the third column shows.
    mentor: Option<i64>,
}

impl BoardQuery {
    /// The parameters of a board address's query (`cohort=…&mentee=12`);
    /// unknown names are ignored, numbers that do not parse take their default.
    pub fn from_query(query: &str) -> BoardQuery {
        let mut board = BoardQuery {
            page: 1,
            mentor_page: 1,
            ..BoardQuery::default()
        };
        for pair in query.trim_start_matches('?').split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match name {
                "cohort" => board.cohort = value,
                "q" => board.q = value,
                "domain" => board.domain = value,
                "language" => board.language = value,
                "page" => board.page = value.parse().unwrap_or(1),
                "mpage" => board.mentor_page = value.parse().unwrap_or(1),
                "mentee" => board.mentee = value.parse().ok(),
                "shown" => board.shown = value.parse().unwrap_or(0),
                "mq" => board.mq = value,
                "mdomain" => board.mdomain = value,
                "mlanguage" => board.mlanguage = value,
                "free" => board.free = value == "true",
                "mentor" => board.mentor = value.parse().ok(),
                _ => {}
            }
        }
        board
    }

    /// The board's address with these parameters (empty ones left out).
    fn href(&self) -> String {
        let mut parts = Vec::new();
        let mut add = |name: &str, value: String| {
            if !value.is_empty() {
                parts.push(format!("{name}={}", encode(&value)));
            }
        };
        add("cohort", self.cohort.clone());
        add("q", self.q.clone());
        add("domain", self.domain.clone());
        add("language", self.language.clone());
        add(
            "page",
            if self.page > 1 {
                self.page.to_string()
            } else {
                String::new()
            },
        );
        add(
            "mpage",
            if self.mentor_page > 1 {
                self.mentor_page.to_string()
            } else {
                String::new()
            },
        );
        add(
            "mentee",
            self.mentee.map(|id| id.to_string()).unwrap_or_default(),
        );
        add(
            "shown",
            if self.shown > crate::board::PAGE_SIZE {
                self.shown.to_string()
            } else {
                String::new()
            },
        );
        add("mq", self.mq.clone());
        add("mdomain", self.mdomain.clone());
        add("mlanguage", self.mlanguage.clone());
        add(
            "free",
            if self.free {
                "true".to_owned()
            } else {
                String::new()
            },
        );
        add(
            "mentor",
            self.mentor.map(|id| id.to_string()).unwrap_or_default(),
        );
        if parts.is_empty() {
            "/coordinator/matching".to_owned()
        } else {
            format!("/coordinator/matching?{}", parts.join("&"))
        }
    }
}

/// Decodes a query value as a form sends it (`+` for a space, `%XX` bytes).
fn decode(value: &str) -> String {
    let spaced = value.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8_lossy()
        .into_owned()
}

/// Percent-encodes a query value (names and codes: letters, digits, a few signs).
fn encode(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// What a query value keeps as it is: letters, digits and `-_.~`.
const QUERY_VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn label_of(choices: &[TaxonomyChoice], code: &str) -> TaxonomyChoice {
    choices
        .iter()
        .find(|choice| choice.code == code)
        .cloned()
        .unwrap_or_else(|| TaxonomyChoice {
            code: code.to_owned(),
            label: Default::default(),
        })
}

/// `/coordinator/matching`: the board of the cohort and view its address names.
#[component]
pub fn MatchingBoardPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = BoardQuery::from_query(&use_location().search.get_untracked());
    let asked = query.clone();
    let board = Resource::new(
        || (),
        move |_| {
            let query = asked.clone();
            get_board(
                Some(query.cohort),
                Some(query.q),
                Some(query.domain),
                Some(query.language),
                Some(query.page),
                Some(query.mentor_page),
                query.mentee,
                Some(query.shown),
                Some(query.mq),
                Some(query.mdomain),
                Some(query.mlanguage),
                Some(query.free),
                query.mentor,
            )
        },
    );
    let title = label!(i18n, board.title);
    view! {
        <PageTitle text=title />
        {load_or_deny(board, move |view| {
            let query = query.clone();
            view! {
                <CoordinationPage title>
                    <BoardContent board=view query />
                </CoordinationPage>
            }
        })}
    }
}

#[component]
fn BoardContent(board: BoardView, query: BoardQuery) -> impl IntoView {
    let i18n = use_i18n();
    let cohorts = board.cohorts.clone();
    let Some(cohort) = board.cohort.clone() else {
        return view! {
            <p class="empty-state">{t!(i18n, board.no_cohort)}</p>
            <p><a href="/coordinator/cohorts">{t!(i18n, cohorts.title)}</a></p>
        }
        .into_any();
    };
    let code = cohort.code.clone();
    let query = BoardQuery {
        cohort: code.clone(),
        ..query
    };
    let choices = board.choices.clone();
    let waiting = board.mentees.total;
    let open_pairs = board
        .pairs
        .iter()
        .filter(|pair| pair.status.is_open())
        .count();
    let proposed = action_succeeded(ServerAction::<ProposePair>::new());
    view! {
        <p class="lead">{t!(i18n, board.lead)}</p>
        <form method="get" action="/coordinator/matching" class="filters">
            <div class="field">
                <label for="board-cohort">{t!(i18n, board.cohort)}</label>
                <crate::catalog::cohort_select::CohortSelect id="board-cohort" cohorts=cohorts chosen=code.clone() />
            </div>
            <button type="submit" class="button button-secondary">{t!(i18n, board.show)}</button>
        </form>
        <p class="muted" role="status">
            {move || t_string!(i18n, board.summary, waiting = crate::plural!(i18n, board.waiting_singular, board.waiting_plural, waiting), pairs = crate::plural!(i18n, board.open_pairs_singular, board.open_pairs_plural, open_pairs)).to_string()}
        </p>
        <p role="status">{move || proposed.get().then(|| view! { <span class="notice">{t!(i18n, board.pair_proposed)}</span> })}</p>
        <SettingsForm cohort=code.clone() settings=board.settings />
        <DraftSection draft=board.draft query=query.clone() choices=choices.clone() />
        <div class="board-columns">
            <MenteeColumn page=board.mentees.clone() query=query.clone() choices=choices.clone() />
            {match (board.selected.clone(), board.selected_mentor.clone()) {
                (None, Some(mentor)) => view! { <SelectedMentorColumn selected=mentor cohort=code.clone() choices=choices.clone() /> }.into_any(),
                (selected, _) => view! { <SelectedColumn selected cohort=code.clone() choices=choices.clone() /> }.into_any(),
            }}
            <MentorColumn page=board.mentors.clone() query=query.clone() choices=choices.clone() />
        </div>
        <OpenPairs pairs=board.pairs.clone() />
        <Constraints rows=board.constraints.clone() cohort=code.clone() />
    }
    .into_any()
}

/// The weights (adding up to 100) and the optional criteria of the cohort.
#[component]
fn SettingsForm(cohort: String, settings: super::MatchingSettings) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveMatchingSettings>::new();
    let error = action_error(save);
    let saved = action_succeeded(save);
    let weights = settings.weights;
    let field = move |name: &'static str, value: u32, label: &'static str| {
        let id = format!("weight-{name}");
        let error_id = format!("{name}-error");
        view! {
            <div class="field field-number">
                <label for=id.clone()>{label}</label>
                <input id=id type="number" name=name min="0" max="100" required value=value
                    aria-describedby=error_id />
                <FieldMessage field=name error />
            </div>
        }
    };
    view! {
        <details class="card settings" open=move || saved.get()>
            <summary>{t!(i18n, board.settings_title)}</summary>
            <ActionForm action=save>
                <input type="hidden" name="cohort" value=cohort />
                <p class="muted">{t!(i18n, board.settings_lead)}</p>
                <fieldset aria-describedby="weights-error">
                    <legend>{t!(i18n, board.weights)}</legend>
                    <div class="weights-grid">
                        {field("domain", weights.domain, t_string!(i18n, board.part_domain))}
                        {field("skills", weights.skills, t_string!(i18n, board.part_skills))}
                        {field("language", weights.language, t_string!(i18n, board.part_language))}
                        {field("modality", weights.modality, t_string!(i18n, board.part_modality))}
                        {field("availability", weights.availability, t_string!(i18n, board.part_availability))}
                    </div>
                    <FieldMessage field="weights" error />
                </fieldset>
                <div class="field checkbox">
                    <input id="require-modality" type="checkbox" name="require_compatible_modality" value="on"
                        checked=settings.criteria.require_compatible_modality />
                    <label for="require-modality">{t!(i18n, board.require_modality)}</label>
                </div>
                {field("min_score", settings.criteria.min_score, t_string!(i18n, board.min_score))}
                <SubmitButton label=label!(i18n, board.save_settings) pending=save.pending() />
                <FormError error />
                <p role="status">{move || saved.get().then(|| t_string!(i18n, board.settings_saved))}</p>
            </ActionForm>
        </details>
    }
}

#[component]
fn Pager(
    page: usize,
    pages: usize,
    href: impl Fn(usize) -> String + 'static,
    #[prop(into)] label: String,
) -> impl IntoView {
    let i18n = use_i18n();
    (pages > 1).then(|| {
        let previous = (page > 1).then(|| href(page - 1));
        let next = (page < pages).then(|| href(page + 1));
        view! {
            <nav class="pager" aria-label=label>
                {previous.map(|href| view! { <a href=href rel="prev">{t!(i18n, board.previous)}</a> })}
                <span>{move || t_string!(i18n, board.page_of, page = page, pages = pages).to_string()}</span>
                {next.map(|href| view! { <a href=href rel="next">{t!(i18n, board.next)}</a> })}
            </nav>
        }
    })
}

#[component]
fn OpenPairs(pairs: Vec<PairRow>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section-block" aria-labelledby="pairs-title">
            <h2 id="pairs-title">{t!(i18n, board.pairs_title)}</h2>
            {if pairs.is_empty() {
                view! { <p class="empty-state">{t!(i18n, board.pairs_empty)}</p> }.into_any()
            } else {
                view! {
                    <DataTable columns=vec![label!(i18n, board.column_mentee), label!(i18n, board.column_mentor), label!(i18n, board.column_score), label!(i18n, board.column_status), label!(i18n, board.column_actions)]>
                        {pairs.into_iter().map(|pair| view! { <PairRowView pair /> }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn PairRowView(pair: PairRow) -> impl IntoView {
    let i18n = use_i18n();
    let withdraw = ServerAction::<WithdrawPair>::new();
    let end = ServerAction::<EndPair>::new();
    let withdraw_error = action_error(withdraw);
    let end_error = action_error(end);
    let id = pair.id;
    let reason_id = format!("end-reason-{id}");
    let reason_hint_id = format!("end-reason-{id}-hint");
    let reason_error_id = format!("end-reason-{id}-error");
    let described_by = format!("{reason_hint_id} {reason_error_id}");
    let proposed = pair.status == PairStatus::Proposed;
    let open = pair.status.is_open();
    let followed = matches!(
        pair.status,
        PairStatus::Active | PairStatus::Ended | PairStatus::Completed
    );
    let mentee_name = pair.mentee_name.clone();
    view! {
        <tr>
            <td>
                {if followed {
                    view! { <a href=format!("/coordinator/pairs/{id}")>{mentee_name}</a> }.into_any()
                } else {
                    view! { <span>{mentee_name}</span> }.into_any()
                }}
            </td>
            <td>{pair.mentor_name}</td>
            <td>{pair.score}</td>
            <td>
                <PairStatusBadge status=pair.status />
                {pair.reason.clone().map(|reason| view! { <br /><span class="muted">{reason}</span> })}
            </td>
            <td>
                {proposed.then(|| view! {
                    <ActionForm action=withdraw attr:class="inline-form">
                        <input type="hidden" name="id" value=id />
                        <SubmitButton class="button button-small button-secondary"
                            label=label!(i18n, board.withdraw) pending=withdraw.pending() />
                        <FormError error=withdraw_error />
                    </ActionForm>
                })}
                {open.then(|| view! {
                <details class="end-pair">
                    <summary>{t!(i18n, board.end)}</summary>
                    <ActionForm action=end>
                        <input type="hidden" name="id" value=id />
                        <div class="field">
                            <label for=reason_id.clone()>{t!(i18n, board.end_reason)}</label>
                            <p class="field-hint" id=reason_hint_id>{t!(i18n, board.end_reason_hint)}</p>
                            <textarea id=reason_id name="reason" rows="2" required aria-describedby=described_by></textarea>
                            <FieldMessage field="reason" error=end_error id=reason_error_id />
                        </div>
                        <SubmitButton class="button button-small"
                            label=label!(i18n, board.end_confirm) pending=end.pending() />
                        <FormError error=end_error />
                    </ActionForm>
                </details>
                })}
            </td>
        </tr>
    }
}

#[component]
fn Constraints(rows: Vec<ConstraintRow>, cohort: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section-block" aria-labelledby="constraints-title">
            <h2 id="constraints-title">{t!(i18n, board.constraints_title)}</h2>
            {if rows.is_empty() {
                view! { <p class="empty-state">{t!(i18n, board.constraints_empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list constraints">
                        {rows.into_iter().map(|row| {
                            let text = format!("{} — {}", row.mentee_name, row.mentor_name);
                            view! {
                                <li>
                                    <span class="badge">{match row.kind {
                                        ConstraintKind::Locked => t!(i18n, board.locked).into_any(),
                                        ConstraintKind::Forbidden => t!(i18n, board.forbidden).into_any(),
                                    }}</span>
                                    " " {text} " "
                                    <ConstraintButton cohort=cohort.clone() mentee=row.mentee_profile_id mentor=row.mentor_profile_id
                                        kind="none" label=label!(i18n, board.undo) />
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::BoardQuery;

    #[test]
    fn a_board_address_reads_back_as_the_query_it_was_made_from() {
        let query = BoardQuery {
            cohort: "hiver-2025".to_owned(),
            q: "Léa Côté & co".to_owned(),
            domain: "soins-infirmiers".to_owned(),
            language: "fr".to_owned(),
            page: 3,
            mentor_page: 2,
            mentee: Some(42),
            shown: 60,
            mq: "Marc Tremblay".to_owned(),
            mdomain: "travail-social".to_owned(),
            mlanguage: "en".to_owned(),
            free: true,
            mentor: Some(7),
        };
        let href = query.href();
        let (path, search) = href.split_once('?').unwrap_or((href.as_str(), ""));
        assert_eq!(path, "/coordinator/matching");
        assert_eq!(BoardQuery::from_query(search), query);
    }

    #[test]
    fn a_search_form_address_and_bad_numbers_read_as_a_person_would_expect() {
        let query =
            BoardQuery::from_query("?cohort=hiver-2025&q=Marie+Tremblay&page=abc&mentee=&other=1");
        assert_eq!(query.q, "Marie Tremblay");
        assert_eq!(query.cohort, "hiver-2025");
        assert_eq!(query.page, 1);
        assert_eq!(query.mentor_page, 1);
        assert_eq!(query.mentee, None);
        assert_eq!(
            BoardQuery::from_query(""),
            BoardQuery {
                page: 1,
                mentor_page: 1,
                ..BoardQuery::default()
            }
        );
    }
}
