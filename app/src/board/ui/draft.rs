//! The draft of a whole cohort: what the engine proposes, kept until the
//! coordinator accepts it (all its pairs, or one by one) or discards it.
#[allow(unused_imports)]
use super::*;

/// Run the optimal matching, read the kept draft, accept or discard it.
#[component]
pub(super) fn DraftSection(
    draft: Option<DraftView>,
    query: BoardQuery,
    choices: crate::catalog::ProfileChoices,
) -> impl IntoView {
    let i18n = use_i18n();
    let run = ServerAction::<RunMatching>::new();
    let accept = ServerAction::<AcceptDraft>::new();
    let discard = ServerAction::<DiscardDraft>::new();
    restore_outcome(accept);
    let run_error = action_error(run);
    let accept_error = action_error(accept);
    let discard_error = action_error(discard);
    let discarded = action_succeeded(discard);
    let cohort = query.cohort.clone();
    view! {
        <section class="card draft" aria-labelledby="draft-title">
            <h2 id="draft-title">{t!(i18n, board.draft_title)}</h2>
            <p class="muted">{t!(i18n, board.draft_lead)}</p>
            <ActionForm action=run>
                <input type="hidden" name="cohort" value=cohort.clone() />
                <SubmitButton label=label!(i18n, board.run) pending=run.pending() />
            </ActionForm>
            <FormError error=run_error />
            <p role="status">
                {move || match accept.value().get() {
                    Some(Ok(count)) => Some(crate::plural!(i18n, board.draft_accepted_singular, board.draft_accepted_plural, count)),
                    _ => discarded.get().then(|| t_string!(i18n, board.discarded).to_string()),
                }}
            </p>
            <FormError error=accept_error />
            {move || accept_error.get().and_then(|error| error.problem_with("pair")).map(|_| view! { <p class="field-error">{t!(i18n, forms.pair_not_allowed)}</p> })}
            <FormError error=discard_error />
            {draft.map(|draft| view! { <DraftView draft query choices accept discard /> })}
        </section>
    }
}

#[component]
pub(super) fn DraftView(
    draft: DraftView,
    query: BoardQuery,
    choices: crate::catalog::ProfileChoices,
    accept: ServerAction<AcceptDraft>,
    discard: ServerAction<DiscardDraft>,
) -> impl IntoView {
    let i18n = use_i18n();
    // One decimal, with the reader's decimal mark (59,0 in French).
    let average = format!("{:.1}", draft.average());
    let average = move || match i18n.get_locale() {
        crate::i18n::Locale::fr => average.replace('.', ","),
        _ => average.clone(),
    };
    let (matched, total, already, ends) = (
        draft.matched,
        draft.total_score,
        draft.already_open,
        draft.ends,
    );
    let added = draft.added();
    let previews = draft.previews.clone();
    let accept_confirm = (ends > 0).then(|| {
        crate::plural!(
            i18n,
            board.accept_ends_singular,
            board.accept_ends_plural,
            ends
        )
    });
    let unmatched_count = draft.unmatched_count;
    let cohort = query.cohort.clone();
    let keys = draft.keys;
    let shown = draft.pairs.len();
    let remaining = keys.len().saturating_sub(shown);
    // The next page of pairs is the same board with more of them explained;
    // the address leads to the first new one.
    let more = BoardQuery {
        shown: shown + crate::board::PAGE_SIZE,
        ..query
    }
    .href()
        + &format!("#draft-pair-{}", shown + 1);
    let confirm_discard = t_string!(i18n, board.discard_confirm).to_string();
    let accept_cohort = cohort.clone();
    let accept_form = (!keys.is_empty()).then(move || {
        view! {
            <ActionForm action=accept attr:class="inline-form">
                <input type="hidden" name="cohort" value=accept_cohort />
                {keys.iter().map(|key| view! { <input type="hidden" name="pairs[]" value=key.clone() /> }).collect_view()}
                <SubmitButton label=Signal::derive(move || t_string!(i18n, board.accept_all, count = matched).to_string()) pending=accept.pending() confirm=accept_confirm />
            </ActionForm>
        }
    });
    let pair_cohort = cohort.clone();
    let pairs = draft.pairs.into_iter().enumerate().map(|(index, pair)| {
        let heading = format!("{} — {}", pair.mentee_name, pair.mentor_name);
        let ends = pair.ends_pair_with.clone();
        view! {
            <li class="card draft-pair" id=format!("draft-pair-{}", index + 1)>
                <h4>{heading}{pair.locked.then(|| view! { " " <span class="badge">{t!(i18n, board.locked)}</span> })}</h4>
                {ends.clone().map(|mentor| view! { <p class="notice">{t_string!(i18n, board.draft_ends_pair, mentor = mentor).to_string()}</p> })}
                <ScoreBreakdown breakdown=pair.breakdown choices=choices.clone() />
                <ProposeButton cohort=pair_cohort.clone() mentee=pair.mentee_profile_id mentor=pair.mentor_profile_id ends=ends />
            </li>
        }
    }).collect_view();
    view! {
        <dl class="draft-totals">
            <div><dt>{t!(i18n, board.draft_matched)}</dt><dd>{matched}</dd></div>
            <div><dt>{t!(i18n, board.draft_total)}</dt><dd>{total}</dd></div>
            <div><dt>{t!(i18n, board.draft_average)}</dt><dd>{average}</dd></div>
            <div><dt>{t!(i18n, board.draft_unmatched)}</dt><dd>{unmatched_count}</dd></div>
        </dl>
        <p>{move || t_string!(i18n, board.draft_difference, added = added, moved = ends, kept = already).to_string()}</p>
        {(ends > 0).then(|| view! { <p class="notice">{move || crate::plural!(i18n, board.accept_ends_singular, board.accept_ends_plural, ends)}</p> })}
        <div class="button-row">
            {accept_form}
            <ActionForm action=discard attr:class="inline-form">
                <input type="hidden" name="cohort" value=cohort />
                <button type="submit" class="button button-secondary" data-confirm=confirm_discard>
                    {t!(i18n, board.discard)}
                </button>
            </ActionForm>
        </div>
        <EmailPreviews previews />
        <h3>{t!(i18n, board.draft_pairs)}</h3>
        <ol class="plain-list draft-pairs">{pairs}</ol>
        {(remaining > 0).then(|| view! {
            <p>
                <a class="button button-secondary" href=more>
                    {move || t_string!(i18n, board.show_more, count = remaining.min(crate::board::PAGE_SIZE)).to_string()}
                </a>
            </p>
        })}
        {(unmatched_count > 0).then(|| view! {
            <h3>{t!(i18n, board.draft_unmatched_title)}</h3>
            <ul class="plain-list unmatched">
                {draft.unmatched.into_iter().map(|unmatched| view! {
                    <li><strong>{unmatched.mentee_name}</strong> " — " <UnmatchedText reason=unmatched.reason /></li>
                }).collect_view()}
            </ul>
            {(unmatched_count > crate::board::UNMATCHED_SHOWN).then(|| view! { <p class="muted">{move || crate::plural!(i18n, board.more_unmatched_singular, board.more_unmatched_plural, unmatched_count - crate::board::UNMATCHED_SHOWN)}</p> })}
        })}
    }
}

/// Proposes one pair; the two people are emailed. The board comes back with
/// the pair among the open ones.
#[component]
pub(super) fn ProposeButton(
    cohort: String,
    mentee: i64,
    mentor: i64,
    /// The mentor of the mentee's open pair answered "not a fit", which
    /// proposing ends: asked first.
    #[prop(default = None)]
    ends: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let propose = ServerAction::<ProposePair>::new();
    let error = action_error(propose);
    let confirm =
        ends.map(|mentor| t_string!(i18n, board.propose_ends_confirm, mentor = mentor).to_string());
    view! {
        <ActionForm action=propose attr:class="inline-form">
            <input type="hidden" name="cohort" value=cohort />
            <input type="hidden" name="mentee" value=mentee />
            <input type="hidden" name="mentor" value=mentor />
            <SubmitButton class="button button-small" label=label!(i18n, board.propose) pending=propose.pending() confirm />
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
) -> impl IntoView {
    let set = ServerAction::<SetPairConstraint>::new();
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

/// The proposal emails accepting the draft sends, each as its recipient
/// will read it, in their language: read before anything goes.
#[component]
fn EmailPreviews(previews: Vec<crate::board::EmailPreview>) -> impl IntoView {
    let i18n = use_i18n();
    if previews.is_empty() {
        return ().into_any();
    }
    view! {
        <details class="email-previews">
            <summary>{t!(i18n, board.previews_title)}</summary>
            <p class="muted">{t!(i18n, board.previews_lead)}</p>
            {previews.into_iter().map(|preview| {
                let language = match preview.locale.as_str() {
                    "en" => t_string!(i18n, board.previews_in_english),
                    _ => t_string!(i18n, board.previews_in_french),
                };
                let recipient = preview.recipient.clone();
                view! {
                    <article class="card email-preview">
                        <p class="muted">
                            {move || t_string!(i18n, board.previews_to, name = recipient.clone(), language = language).to_string()}
                        </p>
                        <div lang=preview.locale.clone()>
                            <p><strong>{preview.subject}</strong></p>
                            <pre class="email-body">{preview.body}</pre>
                        </div>
                    </article>
                }
            }).collect_view()}
        </details>
    }
    .into_any()
}
