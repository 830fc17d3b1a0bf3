//! Pairs as their two people see them (in their area): the proposal, who the
//! other person is, and the answer to give; and the pair's status afterwards.
use leptos::prelude::*;

use crate::components::labels::label;

use crate::components::access::Gate;
use crate::components::forms::{
    action_error, count_successes, FieldMessage, FormError, Loading, SubmitButton,
};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pairs::api::{get_my_pairs, AnswerPair};
use crate::pairs::{Answer, MyPair, PairStatus, Side};

pub fn pair_status_name(status: PairStatus) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match status {
        PairStatus::Proposed => t_string!(i18n, pairs.status_proposed),
        PairStatus::Active => t_string!(i18n, pairs.status_active),
        PairStatus::Declined => t_string!(i18n, pairs.status_declined),
        PairStatus::Withdrawn => t_string!(i18n, pairs.status_withdrawn),
        PairStatus::Ended => t_string!(i18n, pairs.status_ended),
        PairStatus::Completed => t_string!(i18n, pairs.status_completed),
    }
}

#[component]
pub fn PairStatusBadge(status: PairStatus) -> impl IntoView {
    let class = format!("badge badge-pair-{}", status.as_str());
    view! { <span class=class>{pair_status_name(status)}</span> }
}

fn answer_name(answer: Option<Answer>) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match answer {
        Some(Answer::Accepted) => t_string!(i18n, pairs.answer_accepted),
        Some(Answer::Declined) => t_string!(i18n, pairs.answer_declined),
        None => t_string!(i18n, pairs.answer_waiting),
    }
}

/// The caller's pairs, with the answer form for proposals still awaiting theirs.
#[component]
pub fn MyPairsPanel(
    /// `my_pairs`, created by the page outside any `Suspense`.
    pairs: Resource<Result<Vec<MyPair>, AppError>>,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section" aria-labelledby="my-pairs-title">
            <div class="container narrow">
                <h2 id="my-pairs-title">{t!(i18n, pairs.mine_title)}</h2>
                <Transition fallback=Loading>
                    {move || Suspend::new(async move {
                        match pairs.await {
                            Ok(pairs) if pairs.is_empty() => {
                                view! { <p class="empty-state">{t!(i18n, pairs.mine_empty)}</p> }.into_any()
                            }
                            Ok(pairs) => {
                                view! {
                                    <ul class="plain-list pair-list">
                                        {pairs
                                            .into_iter()
                                            .map(|pair| view! { <li><MyPairCard pair changes /></li> })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <FormError error=Signal::derive(move || Some(error.clone())) /> }.into_any(),
                        }
                    })}
                </Transition>
            </div>
        </section>
    }
}

/// The caller's pairs, loaded again when `changes` moves, once `gate` (the
/// page's access check) passes.
pub fn my_pairs<T: Gate>(
    changes: RwSignal<u64>,
    gate: OnceResource<Result<T, AppError>>,
) -> Resource<Result<Vec<MyPair>, AppError>> {
    Resource::new(
        move || changes.get(),
        move |_| async move {
            gate.await?;
            get_my_pairs().await
        },
    )
}

#[component]
fn MyPairCard(pair: MyPair, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    // One action per card: its error shows on this card only.
    let answer = ServerAction::<AnswerPair>::new();
    count_successes(answer, changes);
    let error = action_error(answer);
    let id = pair.id;
    let partner = pair.partner_name.clone();
    let heading = move || match pair.side {
        Side::Mentor => t_string!(i18n, pairs.with_mentee, name = partner.clone()).to_string(),
        Side::Mentee => t_string!(i18n, pairs.with_mentor, name = partner.clone()).to_string(),
    };
    let awaiting_me = pair.status == PairStatus::Proposed && pair.my_answer.is_none();
    let reason_id = format!("decline-reason-{id}");
    let reason_hint_id = format!("decline-reason-{id}-hint");
    let reason_error_id = format!("decline-reason-{id}-error");
    let described_by = format!("{reason_hint_id} {reason_error_id}");
    let (my_answer, partner_answer) = (pair.my_answer, pair.partner_answer);
    view! {
        <article class="card pair-card">
            <h3>{heading}</h3>
            <p><PairStatusBadge status=pair.status /></p>
            <dl class="pair-answers">
                <dt>{t!(i18n, pairs.your_answer)}</dt>
                <dd>{answer_name(my_answer)}</dd>
                <dt>{t!(i18n, pairs.their_answer)}</dt>
                <dd>{answer_name(partner_answer)}</dd>
            </dl>
            {pair.partner.clone().map(|profile| view! { <crate::pairs::partner::PartnerProfileView profile /> })}
            // Only the reader's own decline reason is ever sent here.
            {pair.my_reason.clone().map(|reason| view! {
                <p class="muted">{t!(i18n, pairs.my_reason_label)} " " {reason}</p>
            })}
            {awaiting_me.then(|| view! {
                <div class="pair-answer">
                    <ActionForm action=answer>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="answer" value="accepted" />
                        <SubmitButton label=label!(i18n, pairs.accept) pending=answer.pending() />
                    </ActionForm>
                    <details class="decline">
                        <summary>{t!(i18n, pairs.decline)}</summary>
                        <ActionForm action=answer>
                            <input type="hidden" name="id" value=id />
                            <input type="hidden" name="answer" value="declined" />
                            <div class="field">
                                <label for=reason_id.clone()>{t!(i18n, pairs.decline_reason)}</label>
                                <p class="field-hint" id=reason_hint_id>{t!(i18n, pairs.decline_reason_hint)}</p>
                                <textarea id=reason_id.clone() name="reason" rows="3" required
                                    aria-describedby=described_by></textarea>
                                <FieldMessage field="reason" error id=reason_error_id.clone() />
                            </div>
                            <SubmitButton class="button button-secondary"
                                label=label!(i18n, pairs.decline_confirm)
                                pending=answer.pending() />
                        </ActionForm>
                    </details>
                    <FormError error />
                </div>
            })}
        </article>
    }
}
