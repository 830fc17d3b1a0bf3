//! The draft of a whole cohort: what the engine proposes, each pair to propose or to forbid, at once or one by one.
#[allow(unused_imports)]
use super::*;

/// The optimal draft's two actions, and whether the shown draft was accepted.
#[derive(Clone, Copy)]
pub(super) struct DraftActions {
    pub(super) run: ServerAction<RunMatching>,
    pub(super) accept: ServerAction<AcceptDraft>,
    /// Hidden once accepted (its pairs are proposals now), shown by the next run.
    pub(super) accepted: RwSignal<bool>,
}

impl DraftActions {
    pub(super) fn new(changes: RwSignal<u64>) -> DraftActions {
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
pub(super) fn DraftSection(
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
                // A draft run for another cohort (the board followed a change of
                // cohort in place) is not this cohort's: not shown.
                run.value().get().and_then(Result::ok).filter(|draft| !hidden && draft.cohort == cohort).map(|draft| {
                    view! { <DraftView draft cohort=cohort.clone() choices=choices.clone() accept changes /> }
                })
            }}
        </section>
    }
}

#[component]
pub(super) fn DraftView(
    draft: DraftView,
    cohort: String,
    choices: crate::catalog::ProfileChoices,
    accept: ServerAction<AcceptDraft>,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    // One decimal, with the reader's decimal mark (59,0 in French).
    let average = format!("{:.1}", draft.average());
    let average = move || match i18n.get_locale() {
        crate::i18n::Locale::fr => average.replace('.', ","),
        _ => average.clone(),
    };
    let (matched, total, already) = (draft.matched, draft.total_score, draft.already_open);
    let unmatched_count = draft.unmatched_count;
    let keys = draft.keys.clone();
    let pair_count = keys.len();
    // The pairs shown so far: the first page came with the draft, each
    // "show more" asks the server for the next one.
    let shown = RwSignal::new(draft.pairs.clone());
    let more = ServerAction::<DraftPairs>::new();
    let more_error = action_error(more);
    Effect::new(move |_| {
        if let Some(Ok(page)) = more.value().get() {
            shown.update(|pairs| pairs.extend(page));
        }
    });
    let show_more = {
        let (cohort, keys) = (cohort.clone(), keys.clone());
        move |_| {
            let start = shown.with_untracked(Vec::len).min(keys.len());
            let end = (start + crate::board::PAGE_SIZE).min(keys.len());
            more.dispatch(DraftPairs {
                cohort: cohort.clone(),
                pairs: Some(keys[start..end].to_vec()),
            });
        }
    };
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
                shown
                    .get()
                    .into_iter()
                    .map(|pair| {
                        let heading = format!("{} — {}", pair.mentee_name, pair.mentor_name);
                        view! {
                            <li class="card draft-pair">
                                <h4>{heading}{pair.locked.then(|| view! { " " <span class="badge">{t!(i18n, board.locked)}</span> })}</h4>
                                <ScoreBreakdown breakdown=pair.breakdown choices=choices.clone() />
                                <ProposeButton cohort=cohort_for_pairs.clone() mentee=pair.mentee_profile_id mentor=pair.mentor_profile_id changes />
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        {move || {
            let remaining = pair_count - shown.with(Vec::len).min(pair_count);
            (remaining > 0).then(|| view! {
                <button type="button" class="button button-secondary" disabled=move || more.pending().get() on:click=show_more.clone()>
                    {move || t_string!(i18n, board.show_more, count = remaining).to_string()}
                </button>
            })
        }}
        <FormError error=more_error />
        {(unmatched_count > 0).then(|| view! {
            <h3>{t!(i18n, board.draft_unmatched_title)}</h3>
            <ul class="plain-list unmatched">
                {draft.unmatched.iter().cloned().map(|unmatched| view! {
                    <li><strong>{unmatched.mentee_name}</strong> " — " <UnmatchedText reason=unmatched.reason /></li>
                }).collect_view()}
            </ul>
            {(unmatched_count > crate::board::UNMATCHED_SHOWN).then(|| view! { <p class="muted">{move || crate::plural!(i18n, board.more_unmatched_singular, board.more_unmatched_plural, unmatched_count - crate::board::UNMATCHED_SHOWN)}</p> })}
        })}
    }
}

/// Proposes one pair; the two people are emailed.
#[component]
pub(super) fn ProposeButton(
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
pub(super) fn ConstraintButton(
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
