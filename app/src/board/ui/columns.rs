//! The board's three columns: mentees waiting, mentors with room, and the one selected with its ranked matches.
#[allow(unused_imports)]
use super::*;

#[component]
pub(super) fn MenteeColumn(
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
            <form method="get" action="/coordinator/matching" class="filters filters-stacked" role="search"
                aria-label=move || t_string!(i18n, board.mentee_search_label).to_string()>
                <input type="hidden" name="cohort" value=query.cohort.clone() />
                // The search keeps the mentors' side as it is.
                {(!query.mq.is_empty()).then(|| view! { <input type="hidden" name="mq" value=query.mq.clone() /> })}
                {(!query.mdomain.is_empty()).then(|| view! { <input type="hidden" name="mdomain" value=query.mdomain.clone() /> })}
                {(!query.mlanguage.is_empty()).then(|| view! { <input type="hidden" name="mlanguage" value=query.mlanguage.clone() /> })}
                {query.free.then(|| view! { <input type="hidden" name="free" value="true" /> })}
                {query.mentor.map(|mentor| view! { <input type="hidden" name="mentor" value=mentor /> })}
                <SearchFields prefix="" q=query.q.clone() domain=query.domain.clone() language=query.language.clone() domains />
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
                            let again = !mentee.previous.is_empty();
                            view! {
                                <li class:selected=selected>
                                    <a href=href aria-current=selected.then_some("true")>{mentee.name}</a>
                                    <span class="muted">" " {languages}</span>
                                    {again.then(|| view! { " " <span class="badge">{t!(i18n, board.rematch_badge)}</span> })}
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
pub(super) fn MentorColumn(
    page: Page<BoardMentor>,
    query: BoardQuery,
    choices: crate::catalog::ProfileChoices,
) -> impl IntoView {
    let i18n = use_i18n();
    let pager_query = query.clone();
    let total = page.total;
    let domains = choices.domains.clone();
    // The search keeps the mentees' side as it is (hidden fields).
    let kept = query.clone();
    view! {
        <section class="board-column" aria-labelledby="mentors-title">
            <h2 id="mentors-title">{t!(i18n, board.mentors_title)}</h2>
            <form method="get" action="/coordinator/matching" class="filters filters-stacked" role="search"
                aria-label=move || t_string!(i18n, board.mentor_search_label).to_string()>
                <input type="hidden" name="cohort" value=kept.cohort.clone() />
                {(!kept.q.is_empty()).then(|| view! { <input type="hidden" name="q" value=kept.q.clone() /> })}
                {(!kept.domain.is_empty()).then(|| view! { <input type="hidden" name="domain" value=kept.domain.clone() /> })}
                {(!kept.language.is_empty()).then(|| view! { <input type="hidden" name="language" value=kept.language.clone() /> })}
                {kept.mentee.map(|mentee| view! { <input type="hidden" name="mentee" value=mentee /> })}
                <SearchFields prefix="m" q=query.mq.clone() domain=query.mdomain.clone() language=query.mlanguage.clone() domains />
                <div class="field choice">
                    <input id="board-free" type="checkbox" name="free" value="true" checked=query.free />
                    <label for="board-free">{t!(i18n, board.filter_free)}</label>
                </div>
                <button type="submit" class="button button-secondary">{t!(i18n, board.filter_apply)}</button>
            </form>
            <p class="muted" role="status">{move || crate::plural!(i18n, board.mentors_count_singular, board.mentors_count_plural, total)}</p>
            {if page.items.is_empty() {
                view! { <p class="empty-state">{t!(i18n, board.mentors_empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list people mentors">
                        {page.items.into_iter().map(|mentor| {
                            let selected = query.mentor == Some(mentor.profile_id);
                            let href = BoardQuery { mentor: Some(mentor.profile_id), mentee: None, ..query.clone() }.href();
                            view! {
                                <li class:selected=selected>
                                    <MentorSummary mentor choices=choices.clone() href=Some(href) selected />
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

/// A mentor as the board lists them: name (a link to their best mentees),
/// places, then domains, skills, languages and sector.
#[component]
fn MentorSummary(
    mentor: BoardMentor,
    choices: crate::catalog::ProfileChoices,
    href: Option<String>,
    #[prop(optional)] selected: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let free = mentor.free();
    let (used, capacity, paused) = (mentor.used, mentor.capacity, mentor.paused);
    let has_room = free > 0;
    let names: Vec<_> = mentor
        .languages
        .iter()
        .map(|spoken| language_name(&spoken.code))
        .collect();
    let languages = move || {
        names
            .iter()
            .map(|name| name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let sector = mentor.sector.clone();
    let name = mentor.name.clone();
    view! {
        <div class="mentor-summary">
            {match href {
                Some(href) => view! { <a href=href aria-current=selected.then_some("true")>{name}</a> }.into_any(),
                None => view! { <strong>{name}</strong> }.into_any(),
            }}
            " "
            <span class="badge" class:badge-ok=has_room>
                {move || if paused {
                    t_string!(i18n, board.mentor_paused).to_string()
                } else {
                    t_string!(i18n, board.mentor_places, free = crate::plural!(i18n, board.free_places_singular, board.free_places_plural, free), used = used, capacity = capacity).to_string()
                }}
            </span>
            <dl class="mentor-facts">
                <div><dt>{t!(i18n, board.mentor_domains)}</dt><dd><CodeList codes=mentor.domains.clone() choices=choices.domains.clone() /></dd></div>
                <div><dt>{t!(i18n, board.mentor_skills)}</dt><dd><CodeList codes=mentor.skills.clone() choices=choices.skills.clone() /></dd></div>
                <div><dt>{t!(i18n, board.mentor_languages)}</dt><dd>{languages}</dd></div>
                {sector.map(|sector| view! {
                    <div><dt>{t!(i18n, board.mentor_sector)}</dt><dd>{move || crate::applications::ui::sector_name(&sector)}</dd></div>
                })}
            </dl>
        </div>
    }
}

/// The selected mentor and the waiting mentees who suit them best, each
/// score explained; a mentee who may be paired with them can be proposed.
#[component]
pub(super) fn SelectedMentorColumn(
    selected: SelectedMentor,
    cohort: String,
    choices: crate::catalog::ProfileChoices,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = selected.mentor.name.clone();
    let mentor = selected.mentor.profile_id;
    let has_room = selected.mentor.free() > 0;
    view! {
        <section class="board-column board-selected" aria-labelledby="selected-title">
            <h2 id="selected-title">{move || t_string!(i18n, board.mentees_for, name = name.clone()).to_string()}</h2>
            <MentorSummary mentor=selected.mentor.clone() choices=choices.clone() href=None />
            {(!has_room).then(|| view! { <p class="notice">{t!(i18n, board.mentor_no_room)}</p> })}
            {if selected.ranked.is_empty() {
                view! { <p class="empty-state">{t!(i18n, board.no_waiting_mentees)}</p> }.into_any()
            } else {
                view! {
                    <ol class="plain-list ranked">
                        {selected.ranked.into_iter().map(|ranked| view! {
                            <li><RankedMenteeCard ranked mentor cohort=cohort.clone() choices=choices.clone() has_room /></li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn RankedMenteeCard(
    ranked: RankedMentee,
    mentor: i64,
    cohort: String,
    choices: crate::catalog::ProfileChoices,
    has_room: bool,
) -> impl IntoView {
    let obstacle = ranked.obstacle;
    let mentee = ranked.profile_id;
    view! {
        <article class="card ranked-card">
            <h3>{ranked.name}</h3>
            {obstacle.map(|obstacle| view! { <p class="muted"><span class="obstacle">{obstacle_name(obstacle)}</span></p> })}
            <ScoreBreakdown breakdown=ranked.breakdown choices />
            {(obstacle.is_none() && has_room).then(|| view! {
                <div class="button-row">
                    <ProposeButton cohort mentee mentor ends=ranked.ends_pair_with />
                </div>
            })}
        </article>
    }
}

#[component]
pub(super) fn SelectedColumn(
    selected: Option<SelectedMentee>,
    cohort: String,
    choices: crate::catalog::ProfileChoices,
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
    let previous = selected.mentee.previous.clone();
    let ends = previous
        .iter()
        .find(|pairing| pairing.still_open)
        .map(|pairing| pairing.mentor_name.clone());
    let earlier: Vec<i64> = previous
        .iter()
        .map(|pairing| pairing.mentor_profile_id)
        .collect();
    view! {
        <section class="board-column board-selected" aria-labelledby="selected-title">
            <h2 id="selected-title">{move || t_string!(i18n, board.mentors_for, name = name.clone()).to_string()}</h2>
            <p class="muted">{t!(i18n, board.mentee_domains)} " " <CodeList codes=domains choices=choices.domains.clone() /></p>
            {has_pair.then(|| view! { <p class="notice">{t!(i18n, board.already_paired)}</p> })}
            <PreviousPairings previous />
            {if selected.ranked.is_empty() {
                view! { <p class="empty-state">{t!(i18n, board.no_mentors)}</p> }.into_any()
            } else {
                view! {
                    <ol class="plain-list ranked">
                        {selected.ranked.into_iter().map(|ranked| {
                            let paired_before = earlier.contains(&ranked.profile_id);
                            view! {
                                <li><RankedCard ranked mentee cohort=cohort.clone() choices=choices.clone() has_pair paired_before ends=ends.clone() /></li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
pub(super) fn RankedCard(
    ranked: RankedMentor,
    mentee: i64,
    cohort: String,
    choices: crate::catalog::ProfileChoices,
    has_pair: bool,
    /// These two were paired before and it did not work.
    paired_before: bool,
    /// The mentor of the mentee's open pair that proposing ends.
    ends: Option<String>,
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
                {paired_before.then(|| view! { " · " <span class="badge">{t!(i18n, board.paired_before_badge)}</span> })}
                {constraint.map(|kind| view! { " · " <span class="badge">{match kind {
                    ConstraintKind::Locked => t!(i18n, board.locked).into_any(),
                    ConstraintKind::Forbidden => t!(i18n, board.forbidden).into_any(),
                }}</span> })}
            </p>
            <ScoreBreakdown breakdown=ranked.suggestion.breakdown.clone() choices />
            <div class="button-row">
                {(available && !has_pair).then(|| view! { <ProposeButton cohort=cohort.clone() mentee mentor ends=ends.clone() /> })}
                {match constraint {
                    Some(_) => view! {
                        <ConstraintButton cohort=cohort.clone() mentee mentor kind="none"
                            label=label!(i18n, board.undo) />
                    }.into_any(),
                    None => view! {
                        <ConstraintButton cohort=cohort.clone() mentee mentor kind="locked"
                            label=label!(i18n, board.lock) />
                        <ConstraintButton cohort=cohort.clone() mentee mentor kind="forbidden"
                            label=label!(i18n, board.forbid) />
                    }.into_any(),
                }}
            </div>
        </article>
    }
}

/// A mentee's earlier pairings that did not work: with whom, why, since
/// when; the engine no longer proposes them, and a pair still open ends
/// when another mentor is proposed.
#[component]
fn PreviousPairings(previous: Vec<PreviousPairing>) -> impl IntoView {
    let i18n = use_i18n();
    if previous.is_empty() {
        return ().into_any();
    }
    let still_open = previous.iter().any(|pairing| pairing.still_open);
    view! {
        <div class="notice previous-pairings">
            <h3>{t!(i18n, board.previous_title)}</h3>
            <ul class="plain-list">
                {previous.into_iter().map(|pairing| {
                    let (mentor, since) = (pairing.mentor_name, pairing.since);
                    view! {
                        <li>{move || {
                            let date = crate::components::when::when_text(i18n.get_locale(), &since);
                            match pairing.reason {
                                RematchReason::NotAFit => t_string!(i18n, board.previous_not_a_fit, mentor = mentor.clone(), date = date).to_string(),
                                RematchReason::EndedEarly => t_string!(i18n, board.previous_ended_early, mentor = mentor.clone(), date = date).to_string(),
                            }
                        }}</li>
                    }
                }).collect_view()}
            </ul>
            <p>{t!(i18n, board.previous_never_again)}</p>
            {still_open.then(|| view! { <p>{t!(i18n, board.previous_still_open)}</p> })}
        </div>
    }
    .into_any()
}

/// A side's search fields: a name, a domain, a language. `prefix` names them
/// apart (`q`, `domain`, `language` for the mentees; `mq`… for the mentors).
#[component]
fn SearchFields(
    prefix: &'static str,
    q: String,
    domain: String,
    language: String,
    domains: Vec<crate::catalog::TaxonomyChoice>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = |name: &str| format!("board-{prefix}{name}");
    let name = |name: &str| format!("{prefix}{name}");
    view! {
        <div class="field">
            <label for=id("q")>{t!(i18n, board.search)}</label>
            <input id=id("q") type="search" name=name("q") value=q />
        </div>
        <div class="field">
            <label for=id("domain")>{t!(i18n, board.filter_domain)}</label>
            <select id=id("domain") name=name("domain")>
                <option value="">{t!(i18n, board.filter_all)}</option>
                {domains.into_iter().map(|choice| {
                    let selected = choice.code == domain;
                    let label = choice.label.clone();
                    let code = choice.code.clone();
                    view! { <option value=choice.code.clone() selected=selected>{move || label.get(i18n.get_locale()).map(str::to_owned).unwrap_or_else(|| code.clone())}</option> }
                }).collect_view()}
            </select>
        </div>
        <div class="field">
            <label for=id("language")>{t!(i18n, board.filter_language)}</label>
            <select id=id("language") name=name("language")>
                <option value="">{t!(i18n, board.filter_all)}</option>
                {crate::profiles::choices::LANGUAGES.iter().map(|code| {
                    let selected = *code == language;
                    view! { <option value=*code selected=selected>{language_name(code)}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
