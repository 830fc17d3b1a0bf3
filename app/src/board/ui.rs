//! The matching board (Coordination → Jumelage). Lists, filters and the
//! selected mentee live in the address (links and GET forms, so the browser's
//! back button and a shared link work); decisions are server actions that
//! refresh the board in place.
use leptos::prelude::*;

use crate::components::access::reload_or_deny;

use crate::components::labels::label;
use leptos_router::hooks::use_query_map;
use matching::{Breakdown, Obstacle, PartName, Reason, UnmatchedReason};

use super::api::{
    get_board, AcceptDraft, ProposePair, RunMatching, SaveMatchingSettings, SetPairConstraint,
};
use super::{
    pair_key, BoardMentee, BoardMentor, BoardView, ConstraintKind, ConstraintRow, DraftView, Page,
    RankedMentor, SelectedMentee,
};
use crate::catalog::TaxonomyChoice;
use crate::components::access::CoordinationPage;
use crate::components::forms::{
    action_error, count_successes, FieldMessage, FormError, SubmitButton,
};
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::pairs::api::{EndPair, WithdrawPair};
use crate::pairs::ui::PairStatusBadge;
use crate::pairs::{PairRow, PairStatus};
use crate::profiles::fields::{language_name, TaxonomyLabel};

/// The board's address parameters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct BoardQuery {
    cohort: String,
    q: String,
    domain: String,
    language: String,
    page: usize,
    mentor_page: usize,
    mentee: Option<i64>,
}

impl BoardQuery {
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
        if parts.is_empty() {
            "/coordinator/matching".to_owned()
        } else {
            format!("/coordinator/matching?{}", parts.join("&"))
        }
    }
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

#[component]
pub fn MatchingBoardPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let board_query = Memo::new(move |_| {
        let query = query.read();
        let text = |name: &str| query.get(name).unwrap_or_default();
        BoardQuery {
            cohort: text("cohort"),
            q: text("q"),
            domain: text("domain"),
            language: text("language"),
            page: text("page").parse().unwrap_or(1),
            mentor_page: text("mpage").parse().unwrap_or(1),
            mentee: text("mentee").parse().ok(),
        }
    });
    let changes = RwSignal::new(0_u64);
    // The draft's actions live here, above the board that reloads after each
    // change, so that the draft stays on screen (and is run again) meanwhile.
    let draft = DraftActions::new(changes);
    let board = Resource::new(
        move || (board_query.get(), changes.get()),
        |(query, _)| {
            get_board(
                Some(query.cohort),
                Some(query.q),
                Some(query.domain),
                Some(query.language),
                Some(query.page),
                Some(query.mentor_page),
                query.mentee,
            )
        },
    );
    let title = label!(i18n, board.title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(board, move |view| {
                        let query = board_query.get_untracked();
                        view! {
                            <CoordinationPage title>
                                <BoardContent board=view query changes draft />
                            </CoordinationPage>
                        }
                            .into_any()
                    })}
    }
}

#[component]
fn BoardContent(
    board: BoardView,
    query: BoardQuery,
    changes: RwSignal<u64>,
    draft: DraftActions,
) -> impl IntoView {
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
        <SettingsForm cohort=code.clone() settings=board.settings changes />
        <DraftSection cohort=code.clone() choices=choices.clone() changes draft />
        <div class="board-columns">
            <MenteeColumn page=board.mentees.clone() query=query.clone() choices=choices.clone() />
            <SelectedColumn selected=board.selected.clone() cohort=code.clone() choices=choices.clone() changes />
            <MentorColumn page=board.mentors.clone() query=query.clone() />
        </div>
        <OpenPairs pairs=board.pairs.clone() changes />
        <Constraints rows=board.constraints.clone() cohort=code.clone() changes />
    }
    .into_any()
}

/// The weights (adding up to 100) and the optional criteria of the cohort.
#[component]
fn SettingsForm(
    cohort: String,
    settings: super::MatchingSettings,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveMatchingSettings>::new();
    count_successes(save, changes);
    let error = action_error(save);
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
        <details class="card settings">
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
                <p role="status">{move || matches!(save.value().get(), Some(Ok(()))).then(|| t_string!(i18n, board.settings_saved))}</p>
            </ActionForm>
        </details>
    }
}

/// A score broken into its parts, each with its points and why.
#[component]
pub fn ScoreBreakdown(
    breakdown: Breakdown,
    choices: crate::catalog::ProfileChoices,
) -> impl IntoView {
    let i18n = use_i18n();
    let score = breakdown.score;
    view! {
        <div class="breakdown">
            <p class="score">
                <strong>{move || t_string!(i18n, board.score, score = score).to_string()}</strong>
            </p>
            <ul class="plain-list parts">
                {breakdown
                    .parts
                    .into_iter()
                    .map(|part| {
                        let name = part_name(part.name);
                        // Tenths, as classes: the page's CSP allows no inline style.
                        let tenths = (part.points * 10 + part.max / 2).checked_div(part.max).unwrap_or(0);
                        let fill = format!("fill-{}", tenths.min(10));
                        let (points, max) = (part.points, part.max);
                        view! {
                            <li class="part">
                                <span class="part-name">{name}</span>
                                <span class="part-points">{move || t_string!(i18n, board.points, points = points, max = max).to_string()}</span>
                                <span class="part-bar" aria-hidden="true"><span class=fill></span></span>
                                <span class="part-reason"><ReasonText reason=part.reason choices=choices.clone() /></span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

fn part_name(name: PartName) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match name {
        PartName::Domain => t_string!(i18n, board.part_domain),
        PartName::Skills => t_string!(i18n, board.part_skills),
        PartName::Language => t_string!(i18n, board.part_language),
        PartName::Modality => t_string!(i18n, board.part_modality),
        PartName::Availability => t_string!(i18n, board.part_availability),
    }
}

fn level_name(level: matching::Level) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match level {
        matching::Level::Basic => t_string!(i18n, languages.level_basic),
        matching::Level::Working => t_string!(i18n, languages.level_working),
        matching::Level::Fluent => t_string!(i18n, languages.level_fluent),
    }
}

#[component]
fn CodeList(codes: Vec<String>, choices: Vec<TaxonomyChoice>) -> impl IntoView {
    let count = codes.len();
    codes
        .into_iter()
        .enumerate()
        .map(|(index, code)| {
            let choice = label_of(&choices, &code);
            view! {
                <TaxonomyLabel code=choice.code label=choice.label />
                {(index + 1 < count).then_some(", ")}
            }
        })
        .collect_view()
}

#[component]
fn ReasonText(reason: Reason, choices: crate::catalog::ProfileChoices) -> impl IntoView {
    let i18n = use_i18n();
    match reason {
        Reason::Domains { shared, of } => {
            let count = shared.len();
            view! {
                {move || t_string!(i18n, board.reason_domains, shared = count, of = of).to_string()}
                {(count > 0).then(|| view! { " : " <CodeList codes=shared.clone() choices=choices.domains.clone() /> })}
            }
            .into_any()
        }
        Reason::Skills { shared, of } => {
            let count = shared.len();
            view! {
                {move || t_string!(i18n, board.reason_skills, shared = count, of = of).to_string()}
                {(count > 0).then(|| view! { " : " <CodeList codes=shared.clone() choices=choices.skills.clone() /> })}
            }
            .into_any()
        }
        Reason::Language { code, level } if !code.is_empty() => {
            let language = language_name(&code);
            let level = level_name(level);
            view! { {move || t_string!(i18n, board.reason_language, language = language(), level = level()).to_string()} }.into_any()
        }
        Reason::Language { .. } => view! { {t!(i18n, board.reason_no_language)} }.into_any(),
        Reason::Modality { compatible: true } => view! { {t!(i18n, board.reason_modality_ok)} }.into_any(),
        Reason::Modality { compatible: false } => view! { {t!(i18n, board.reason_modality_no)} }.into_any(),
        Reason::Availability { common_half_days } => view! {
            {move || crate::plural!(i18n, board.reason_availability_singular, board.reason_availability_plural, common_half_days)}
        }
        .into_any(),
    }
}

fn obstacle_name(obstacle: Obstacle) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match obstacle {
        Obstacle::NoCommonLanguage => t_string!(i18n, board.obstacle_language),
        Obstacle::MentorPaused => t_string!(i18n, board.obstacle_paused),
        Obstacle::Forbidden => t_string!(i18n, board.obstacle_forbidden),
        Obstacle::ModalityIncompatible => t_string!(i18n, board.obstacle_modality),
        Obstacle::BelowMinScore => t_string!(i18n, board.obstacle_min_score),
    }
}

#[component]
fn UnmatchedText(reason: UnmatchedReason) -> impl IntoView {
    let i18n = use_i18n();
    match reason {
        UnmatchedReason::NoMentorInCohort => view! { {t!(i18n, board.unmatched_no_mentor)} }.into_any(),
        UnmatchedReason::NoMentorSharesLanguage => view! { {t!(i18n, board.unmatched_language)} }.into_any(),
        UnmatchedReason::CompatibleMentorsFull { compatible } => view! {
            {move || t_string!(i18n, board.unmatched_full, count = compatible).to_string()}
        }
        .into_any(),
        UnmatchedReason::NoCompatibleMentor { obstacles } => view! {
            {t!(i18n, board.unmatched_none)} " "
            {obstacles
                .into_iter()
                .map(|(obstacle, count)| {
                    let name = obstacle_name(obstacle);
                    view! { <span class="obstacle">{move || t_string!(i18n, board.obstacle_count, count = count, obstacle = name()).to_string()}</span> " " }
                })
                .collect_view()}
        }
        .into_any(),
    }
}

/// The optimal draft's two actions, and whether the shown draft was accepted.
#[derive(Clone, Copy)]
struct DraftActions {
    run: ServerAction<RunMatching>,
    accept: ServerAction<AcceptDraft>,
    /// Hidden once accepted (its pairs are proposals now), shown by the next run.
    accepted: RwSignal<bool>,
}

impl DraftActions {
    fn new(changes: RwSignal<u64>) -> DraftActions {
        let run = ServerAction::<RunMatching>::new();
        let accept = ServerAction::<AcceptDraft>::new();
        count_successes(accept, changes);
        let accepted = RwSignal::new(false);
        Effect::new(move |_| {
            if matches!(accept.value().get(), Some(Ok(_))) {
                accepted.set(true);
            }
        });
        Effect::new(move |_| {
            if run.pending().get() {
                accepted.set(false);
            }
        });
        // Anything changed on the board (weights, a proposal, a lock) while a
        // draft is shown: run it again, so that it matches what is saved.
        let seen = RwSignal::new(changes.get_untracked());
        Effect::new(move |_| {
            let now = changes.get();
            if now == seen.get_untracked() {
                return;
            }
            seen.set(now);
            if accepted.get_untracked() {
                return;
            }
            if let Some(Ok(draft)) = run.value().get_untracked() {
                run.dispatch(RunMatching {
                    cohort: draft.cohort,
                });
            }
        });
        DraftActions {
            run,
            accept,
            accepted,
        }
    }
}

/// Run the optimal matching, read the draft, accept it whole or pair by pair.
#[component]
fn DraftSection(
    cohort: String,
    choices: crate::catalog::ProfileChoices,
    changes: RwSignal<u64>,
    draft: DraftActions,
) -> impl IntoView {
    let DraftActions {
        run,
        accept,
        accepted,
    } = draft;
    let i18n = use_i18n();
    let run_error = action_error(run);
    let accept_error = action_error(accept);
    let cohort_for_run = cohort.clone();
    view! {
        <section class="card draft" aria-labelledby="draft-title">
            <h2 id="draft-title">{t!(i18n, board.draft_title)}</h2>
            <p class="muted">{t!(i18n, board.draft_lead)}</p>
            <ActionForm action=run>
                <input type="hidden" name="cohort" value=cohort_for_run />
                <SubmitButton label=label!(i18n, board.run) pending=run.pending() />
            </ActionForm>
            <FormError error=run_error />
            <p role="status">
                {move || match accept.value().get() {
                    Some(Ok(count)) if accepted.get() => Some(crate::plural!(i18n, board.draft_accepted_singular, board.draft_accepted_plural, count)),
                    _ => None,
                }}
            </p>
            <FormError error=accept_error />
            {move || {
                let hidden = accepted.get();
                run.value().get().and_then(Result::ok).filter(|_| !hidden).map(|draft| {
                    view! { <DraftView draft cohort=cohort.clone() choices=choices.clone() accept changes /> }
                })
            }}
        </section>
    }
}

#[component]
fn DraftView(
    draft: DraftView,
    cohort: String,
    choices: crate::catalog::ProfileChoices,
    accept: ServerAction<AcceptDraft>,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(super::PAGE_SIZE);
    // One decimal, with the reader's decimal mark (59,0 in French).
    let average = format!("{:.1}", draft.average());
    let average = move || match i18n.get_locale() {
        crate::i18n::Locale::fr => average.replace('.', ","),
        _ => average.clone(),
    };
    let (matched, total, already) = (draft.matched, draft.total_score, draft.already_open);
    let unmatched_count = draft.unmatched.len();
    let keys: Vec<String> = draft
        .pairs
        .iter()
        .map(|pair| pair_key(pair.mentee_profile_id, pair.mentor_profile_id))
        .collect();
    let pairs = draft.pairs.clone();
    let pair_count = pairs.len();
    let cohort_for_pairs = cohort.clone();
    view! {
        <dl class="draft-totals">
            <div><dt>{t!(i18n, board.draft_matched)}</dt><dd>{matched}</dd></div>
            <div><dt>{t!(i18n, board.draft_total)}</dt><dd>{total}</dd></div>
            <div><dt>{t!(i18n, board.draft_average)}</dt><dd>{average}</dd></div>
            <div><dt>{t!(i18n, board.draft_unmatched)}</dt><dd>{unmatched_count}</dd></div>
        </dl>
        <p>{move || t_string!(i18n, board.draft_difference, added = matched, kept = already).to_string()}</p>
        {(!keys.is_empty()).then(|| view! {
            <ActionForm action=accept>
                <input type="hidden" name="cohort" value=cohort.clone() />
                {keys.iter().map(|key| view! { <input type="hidden" name="pairs[]" value=key.clone() /> }).collect_view()}
                <SubmitButton label=Signal::derive(move || t_string!(i18n, board.accept_all, count = matched).to_string()) pending=accept.pending() />
            </ActionForm>
        })}
        <h3>{t!(i18n, board.draft_pairs)}</h3>
        <ol class="plain-list draft-pairs">
            {move || {
                pairs
                    .iter()
                    .take(shown.get())
                    .map(|pair| {
                        let heading = format!("{} — {}", pair.mentee_name, pair.mentor_name);
                        view! {
                            <li class="card draft-pair">
                                <h4>{heading}{pair.locked.then(|| view! { " " <span class="badge">{t!(i18n, board.locked)}</span> })}</h4>
                                <ScoreBreakdown breakdown=pair.breakdown.clone() choices=choices.clone() />
                                <ProposeButton cohort=cohort_for_pairs.clone() mentee=pair.mentee_profile_id mentor=pair.mentor_profile_id changes />
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        {move || (shown.get() < pair_count).then(|| view! {
            <button type="button" class="button button-secondary" on:click=move |_| shown.update(|count| *count += super::PAGE_SIZE)>
                {move || t_string!(i18n, board.show_more, count = pair_count - shown.get().min(pair_count)).to_string()}
            </button>
        })}
        {(unmatched_count > 0).then(|| view! {
            <h3>{t!(i18n, board.draft_unmatched_title)}</h3>
            <ul class="plain-list unmatched">
                {draft.unmatched.iter().take(200).cloned().map(|unmatched| view! {
                    <li><strong>{unmatched.mentee_name}</strong> " — " <UnmatchedText reason=unmatched.reason /></li>
                }).collect_view()}
            </ul>
            {(unmatched_count > 200).then(|| view! { <p class="muted">{move || crate::plural!(i18n, board.more_unmatched_singular, board.more_unmatched_plural, unmatched_count - 200)}</p> })}
        })}
    }
}

/// Proposes one pair; the two people are emailed.
#[component]
fn ProposeButton(
    cohort: String,
    mentee: i64,
    mentor: i64,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let propose = ServerAction::<ProposePair>::new();
    count_successes(propose, changes);
    let error = action_error(propose);
    view! {
        <ActionForm action=propose attr:class="inline-form">
            <input type="hidden" name="cohort" value=cohort />
            <input type="hidden" name="mentee" value=mentee />
            <input type="hidden" name="mentor" value=mentor />
            {move || match propose.value().get() {
                Some(Ok(_)) => view! { <span class="badge badge-ok" role="status">{t!(i18n, board.proposed)}</span> }.into_any(),
                _ => view! { <SubmitButton class="button button-small" label=label!(i18n, board.propose) pending=propose.pending() /> }.into_any(),
            }}
            <FormError error />
            {move || error.get().and_then(|error| error.problem_with("pair")).map(|_| view! { <p class="field-error">{t!(i18n, forms.pair_not_allowed)}</p> })}
        </ActionForm>
    }
}

/// Locks, forbids or clears a pair's decision.
#[component]
fn ConstraintButton(
    cohort: String,
    mentee: i64,
    mentor: i64,
    kind: &'static str,
    #[prop(into)] label: Signal<String>,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let set = ServerAction::<SetPairConstraint>::new();
    count_successes(set, changes);
    let error = action_error(set);
    view! {
        <ActionForm action=set attr:class="inline-form">
            <input type="hidden" name="cohort" value=cohort />
            <input type="hidden" name="mentee" value=mentee />
            <input type="hidden" name="mentor" value=mentor />
            <input type="hidden" name="kind" value=kind />
            <SubmitButton class="button button-small button-secondary" label pending=set.pending() />
            <FormError error />
        </ActionForm>
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
fn MenteeColumn(
    page: Page<BoardMentee>,
    query: BoardQuery,
    choices: crate::catalog::ProfileChoices,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = page.total;
    let pager_query = query.clone();
    let domains = choices.domains.clone();
    view! {
        <section class="board-column" aria-labelledby="mentees-title">
            <h2 id="mentees-title">{t!(i18n, board.mentees_title)}</h2>
            <form method="get" action="/coordinator/matching" class="filters filters-stacked" role="search">
                <input type="hidden" name="cohort" value=query.cohort.clone() />
                <div class="field">
                    <label for="board-q">{t!(i18n, board.search)}</label>
                    <input id="board-q" type="search" name="q" value=query.q.clone() />
                </div>
                <div class="field">
                    <label for="board-domain">{t!(i18n, board.filter_domain)}</label>
                    <select id="board-domain" name="domain">
                        <option value="">{t!(i18n, board.filter_all)}</option>
                        {domains.into_iter().map(|choice| {
                            let selected = choice.code == query.domain;
                            let label = choice.label.clone();
                            let code = choice.code.clone();
                            view! { <option value=choice.code.clone() selected=selected>{move || label.get(i18n.get_locale()).map(str::to_owned).unwrap_or_else(|| code.clone())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="board-language">{t!(i18n, board.filter_language)}</label>
                    <select id="board-language" name="language">
                        <option value="">{t!(i18n, board.filter_all)}</option>
                        {crate::profiles::choices::LANGUAGES.iter().map(|code| {
                            let selected = *code == query.language;
                            view! { <option value=*code selected=selected>{language_name(code)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button-secondary">{t!(i18n, board.filter_apply)}</button>
            </form>
            <p class="muted" role="status">{move || t_string!(i18n, board.mentees_count, count = total).to_string()}</p>
            {if page.items.is_empty() {
                view! { <p class="empty-state">{t!(i18n, board.mentees_empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list people">
                        {page.items.into_iter().map(|mentee| {
                            let selected = query.mentee == Some(mentee.profile_id);
                            let href = BoardQuery { mentee: Some(mentee.profile_id), ..query.clone() }.href();
                            let names: Vec<_> = mentee.languages.iter().map(|spoken| language_name(&spoken.code)).collect();
                            let languages = move || names.iter().map(|name| name()).collect::<Vec<_>>().join(", ");
                            view! {
                                <li class:selected=selected>
                                    <a href=href aria-current=selected.then_some("true")>{mentee.name}</a>
                                    <span class="muted">" " {languages}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <Pager page=page.page pages=page.pages label=t_string!(i18n, board.mentees_title).to_owned()
                href=move |number| BoardQuery { page: number, ..pager_query.clone() }.href() />
        </section>
    }
}

#[component]
fn MentorColumn(page: Page<BoardMentor>, query: BoardQuery) -> impl IntoView {
    let i18n = use_i18n();
    let pager_query = query.clone();
    view! {
        <section class="board-column" aria-labelledby="mentors-title">
            <h2 id="mentors-title">{t!(i18n, board.mentors_title)}</h2>
            {if page.items.is_empty() {
                view! { <p class="empty-state">{t!(i18n, board.mentors_empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list people">
                        {page.items.into_iter().map(|mentor| {
                            let free = mentor.free();
                            let (used, capacity, paused) = (mentor.used, mentor.capacity, mentor.paused);
                            let has_room = free > 0;
                            view! {
                                <li>
                                    <span>{mentor.name}</span>
                                    " "
                                    <span class="badge" class:badge-ok=has_room>
                                        {move || if paused {
                                            t_string!(i18n, board.mentor_paused).to_string()
                                        } else {
                                            t_string!(i18n, board.mentor_places, free = crate::plural!(i18n, board.free_places_singular, board.free_places_plural, free), used = used, capacity = capacity).to_string()
                                        }}
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <Pager page=page.page pages=page.pages label=t_string!(i18n, board.mentors_title).to_owned()
                href=move |number| BoardQuery { mentor_page: number, ..pager_query.clone() }.href() />
        </section>
    }
}

#[component]
fn SelectedColumn(
    selected: Option<SelectedMentee>,
    cohort: String,
    choices: crate::catalog::ProfileChoices,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(selected) = selected else {
        return view! {
            <section class="board-column board-selected" aria-labelledby="selected-title">
                <h2 id="selected-title">{t!(i18n, board.selected_title)}</h2>
                <p class="empty-state">{t!(i18n, board.select_hint)}</p>
            </section>
        }
        .into_any();
    };
    let name = selected.mentee.name.clone();
    let mentee = selected.mentee.profile_id;
    let domains = selected.mentee.domains.clone();
    let has_pair = selected.has_open_pair;
    view! {
        <section class="board-column board-selected" aria-labelledby="selected-title">
            <h2 id="selected-title">{move || t_string!(i18n, board.mentors_for, name = name.clone()).to_string()}</h2>
            <p class="muted">{t!(i18n, board.mentee_domains)} " " <CodeList codes=domains choices=choices.domains.clone() /></p>
            {has_pair.then(|| view! { <p class="notice">{t!(i18n, board.already_paired)}</p> })}
            {if selected.ranked.is_empty() {
                view! { <p class="empty-state">{t!(i18n, board.no_mentors)}</p> }.into_any()
            } else {
                view! {
                    <ol class="plain-list ranked">
                        {selected.ranked.into_iter().map(|ranked| view! {
                            <li><RankedCard ranked mentee cohort=cohort.clone() choices=choices.clone() has_pair changes /></li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn RankedCard(
    ranked: RankedMentor,
    mentee: i64,
    cohort: String,
    choices: crate::catalog::ProfileChoices,
    has_pair: bool,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let available = ranked.suggestion.available();
    let free = ranked.suggestion.free;
    let obstacle = ranked.suggestion.obstacle;
    let mentor = ranked.profile_id;
    let constraint = ranked.constraint;
    view! {
        <article class="card ranked-card">
            <h3>{ranked.name}</h3>
            <p class="muted">
                {move || crate::plural!(i18n, board.free_places_singular, board.free_places_plural, free)}
                {obstacle.map(|obstacle| view! { " · " <span class="obstacle">{obstacle_name(obstacle)}</span> })}
                {constraint.map(|kind| view! { " · " <span class="badge">{match kind {
                    ConstraintKind::Locked => t!(i18n, board.locked).into_any(),
                    ConstraintKind::Forbidden => t!(i18n, board.forbidden).into_any(),
                }}</span> })}
            </p>
            <ScoreBreakdown breakdown=ranked.suggestion.breakdown.clone() choices />
            <div class="button-row">
                {(available && !has_pair).then(|| view! { <ProposeButton cohort=cohort.clone() mentee mentor changes /> })}
                {match constraint {
                    Some(_) => view! {
                        <ConstraintButton cohort=cohort.clone() mentee mentor kind="none" changes
                            label=label!(i18n, board.undo) />
                    }.into_any(),
                    None => view! {
                        <ConstraintButton cohort=cohort.clone() mentee mentor kind="locked" changes
                            label=label!(i18n, board.lock) />
                        <ConstraintButton cohort=cohort.clone() mentee mentor kind="forbidden" changes
                            label=label!(i18n, board.forbid) />
                    }.into_any(),
                }}
            </div>
        </article>
    }
}

#[component]
fn OpenPairs(pairs: Vec<PairRow>, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section-block" aria-labelledby="pairs-title">
            <h2 id="pairs-title">{t!(i18n, board.pairs_title)}</h2>
            {if pairs.is_empty() {
                view! { <p class="empty-state">{t!(i18n, board.pairs_empty)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" tabindex="0">
                        <table class="data-table">
                            <thead><tr>
                                <th scope="col">{t!(i18n, board.column_mentee)}</th>
                                <th scope="col">{t!(i18n, board.column_mentor)}</th>
                                <th scope="col">{t!(i18n, board.column_score)}</th>
                                <th scope="col">{t!(i18n, board.column_status)}</th>
                                <th scope="col">{t!(i18n, board.column_actions)}</th>
                            </tr></thead>
                            <tbody>
                                {pairs.into_iter().map(|pair| view! { <PairRowView pair changes /> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn PairRowView(pair: PairRow, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let withdraw = ServerAction::<WithdrawPair>::new();
    let end = ServerAction::<EndPair>::new();
    count_successes(withdraw, changes);
    count_successes(end, changes);
    let withdraw_error = action_error(withdraw);
    let end_error = action_error(end);
    let id = pair.id;
    let reason_id = format!("end-reason-{id}");
    let reason_hint_id = format!("end-reason-{id}-hint");
    let reason_error_id = format!("end-reason-{id}-error");
    let described_by = format!("{reason_hint_id} {reason_error_id}");
    let proposed = pair.status == PairStatus::Proposed;
    let open = pair.status.is_open();
    let followed = matches!(pair.status, PairStatus::Active | PairStatus::Ended);
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
fn Constraints(rows: Vec<ConstraintRow>, cohort: String, changes: RwSignal<u64>) -> impl IntoView {
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
                                        kind="none" changes label=label!(i18n, board.undo) />
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
