//! The coordinator's follow-up of one pair, on its read-only page: the nudges
//! sent (the pair's history), the people's pages, and ending the pair with a
//! reason, which puts the mentee back on the board.
use leptos::prelude::*;

use crate::components::access::load_or_deny;

use crate::components::labels::label;
use serde::{Deserialize, Serialize};

use crate::components::forms::{action_error, FieldMessage, FormError, SubmitButton};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pairs::api::EndPair;
use crate::pairs::PairStatus;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairFollowUp {
    pub pair_id: i64,
    pub status: PairStatus,
    pub cohort_code: String,
    pub mentee_profile_id: i64,
    pub mentor_profile_id: i64,
    pub mentee_name: String,
    pub mentor_name: String,
    /// Someone answered "not a fit".
    pub not_a_fit: bool,
    /// Why it was declined or ended: the coordination's to read (never sent
    /// to the pair's members, see `pairs::repo::pairs_of_profile`).
    pub reason: Option<String>,
    /// One of the two asked to end the pair: who, when (program time), why.
    pub end_request: Option<(crate::pairs::Side, String, String)>,
    /// The messages a member reported to the coordination: those alone.
    pub reported_messages: Vec<crate::messages::ReportedMessage>,
    /// Nudges sent about this pair, newest first: when (program time) and to whom.
    pub nudges: Vec<(String, String)>,
}

#[server(endpoint = "get_pair_follow_up")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_pair_follow_up(pair_id: i64) -> Result<PairFollowUp, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::server_context::pool;

    use crate::access_log::repo::{record_reads, ReadSubject};

    let authorized = authorize(Access::PairOverview).await?;
    let pool = pool()?;
    let pair = crate::pairs::repo::find_pair(&pool, pair_id)
        .await?
        .ok_or(AppError::NotFound)?;
    record_reads(
        &pool,
        authorized.account()?.id,
        &[
            ReadSubject::Account(pair.mentee_account_id),
            ReadSubject::Account(pair.mentor_account_id),
        ],
        crate::access_log::ReadWhat::PairOverview,
        &format!("#{pair_id}"),
    )
    .await?;
    let cohort_code: String = sqlx::query_scalar("SELECT code FROM cohorts WHERE id = ?")
        .bind(pair.cohort_id)
        .fetch_one(&pool)
        .await?;
    let reason: Option<String> = sqlx::query_scalar("SELECT reason FROM pairs WHERE id = ?")
        .bind(pair_id)
        .fetch_one(&pool)
        .await?;
    let not_a_fit: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM fit_checks WHERE pair_id = ? AND answer = 'not_a_fit')",
    )
    .bind(pair_id)
    .fetch_one(&pool)
    .await?;
    Ok(PairFollowUp {
        pair_id,
        status: pair.status().ok_or(AppError::NotFound)?,
        cohort_code,
        mentee_profile_id: pair.mentee_profile_id,
        mentor_profile_id: pair.mentor_profile_id,
        mentee_name: pair.mentee_name,
        mentor_name: pair.mentor_name,
        not_a_fit,
        reason,
        end_request: crate::pairs::repo::end_request(&pool, pair_id)
            .await?
            .and_then(|request| {
                Some((
                    crate::pairs::Side::parse(&request.side)?,
                    crate::program_time::program_time(&request.at),
                    request.reason,
                ))
            }),
        reported_messages: crate::messages::repo::reported_of_pair(&pool, pair_id).await?,
        nudges: super::repo::nudges_of_pair(&pool, pair_id).await?,
    })
}

/// Loads and shows a pair's follow-up.
#[component]
pub fn PairFollowUpPanel(pair_id: i64) -> impl IntoView {
    let changes = RwSignal::new(0_u64);
    let follow_up = Resource::new(move || changes.get(), move |_| get_pair_follow_up(pair_id));
    view! {
        <Transition>
            {move || Suspend::new(async move {
                follow_up.await.ok().map(|follow_up| view! { <FollowUpView follow_up changes /> })
            })}
        </Transition>
    }
}

#[component]
fn FollowUpView(follow_up: PairFollowUp, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let end = ServerAction::<EndPair>::new();
    crate::components::forms::count_successes(end, changes);
    let error = action_error(end);
    let open = follow_up.status.is_open();
    let board = format!(
        "/coordinator/matching?cohort={}&mentee={}",
        follow_up.cohort_code, follow_up.mentee_profile_id
    );
    let mentee = follow_up.mentee_name.clone();
    let end_request = follow_up.end_request.clone().map(|(side, at, reason)| view! {
        <section class="panel end-request" aria-labelledby="end-request-title">
            <h2 id="end-request-title">{t!(i18n, pair_follow_up.end_request_title)}</h2>
            <p>{move || match side {
                crate::pairs::Side::Mentor => t_string!(i18n, pair_follow_up.end_request_by_mentor, date = crate::components::when::when_text(i18n.get_locale(), &at)).to_string(),
                crate::pairs::Side::Mentee => t_string!(i18n, pair_follow_up.end_request_by_mentee, date = crate::components::when::when_text(i18n.get_locale(), &at)).to_string(),
            }}</p>
            <blockquote class="quoted-message"><p class="prewrap">{reason}</p></blockquote>
        </section>
    });
    let reason_id = format!("end-pair-{}-reason", follow_up.pair_id);
    let reason_error_id = format!("{reason_id}-error");
    let end_class = if follow_up.not_a_fit {
        "panel end-pair end-pair-urgent"
    } else {
        "panel end-pair"
    };
    let reported = (!follow_up.reported_messages.is_empty()).then(|| {
        let messages = follow_up.reported_messages.clone();
        view! {
            <section class="panel reported-messages" aria-labelledby="reported-title">
                <h2 id="reported-title">{t!(i18n, pair_follow_up.reported_title)}</h2>
                <p class="field-hint">{t!(i18n, pair_follow_up.reported_intro)}</p>
                <ul class="plain-list">
                    {messages.into_iter().map(|message| {
                        let meta = (message.author_name.clone(), message.sent.clone(), message.reported.clone());
                        view! {
                            <li class="reported-message">
                                <p class="muted small">{move || t_string!(i18n, pair_follow_up.reported_meta, author = meta.0.clone(), sent = crate::components::when::when_text(i18n.get_locale(), &meta.1), reported = crate::components::when::when_text(i18n.get_locale(), &meta.2)).to_string()}</p>
                                <blockquote class="quoted-message"><p class="prewrap">{message.body.clone()}</p></blockquote>
                                {message.note.clone().map(|note| view! { <p class="prewrap">{note}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        {end_request}
        {reported}
        <h2>{t!(i18n, pair_follow_up.people_title)}</h2>
        <ul class="plain-list">
            <li><a href=format!("/coordinator/participants/{}", follow_up.mentee_profile_id)>{follow_up.mentee_name.clone()}</a></li>
            <li><a href=format!("/coordinator/participants/{}", follow_up.mentor_profile_id)>{follow_up.mentor_name.clone()}</a></li>
        </ul>
        <h2>{t!(i18n, pair_follow_up.nudges_title)}</h2>
        {if follow_up.nudges.is_empty() {
            view! { <p class="muted">{t!(i18n, pair_follow_up.nudges_none)}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list pair-nudges">
                    {follow_up.nudges.iter().map(|(at, name)| {
                        let (at, name) = (at.clone(), name.clone());
                        view! { <li>{move || t_string!(i18n, pair_follow_up.nudge_line, at = crate::components::when::when_text(i18n.get_locale(), &at), name = name.clone()).to_string()}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {if open {
            view! {
                <section class=end_class aria-labelledby="end-pair-title">
                    <h2 id="end-pair-title">{t!(i18n, pair_follow_up.end_title)}</h2>
                    {follow_up.not_a_fit.then(|| view! { <p>{t!(i18n, pair_follow_up.not_a_fit_lead)}</p> })}
                    <details>
                        <summary>{t!(i18n, pair_follow_up.end_open)}</summary>
                        <ActionForm action=end>
                            <input type="hidden" name="id" value=follow_up.pair_id />
                            <div class="field">
                                <label for=reason_id.clone()>{t!(i18n, pair_follow_up.end_reason)}</label>
                                <p class="field-hint" id=format!("{reason_id}-hint")>{t!(i18n, board.end_reason_hint)}</p>
                                <textarea id=reason_id.clone() name="reason" rows="3" required maxlength="2000"
                                    aria-describedby=format!("{reason_id}-hint {reason_error_id}")></textarea>
                                <FieldMessage field="reason" error id=reason_error_id.clone() />
                            </div>
                            <SubmitButton class="button button-secondary"
                                label=label!(i18n, pair_follow_up.end_confirm)
                                pending=end.pending() />
                            <FormError error />
                        </ActionForm>
                    </details>
                </section>
            }.into_any()
        } else {
            let reason = follow_up.reason.clone();
            view! {
                {reason.map(|reason| view! {
                    <h2>{t!(i18n, pair_follow_up.reason_title)}</h2>
                    <p class="prewrap">{reason}</p>
                })}
                <p class="notice" role="status">
                    {move || t_string!(i18n, pair_follow_up.closed, name = mentee.clone()).to_string()}
                    " "
                    <a href=board.clone()>{t!(i18n, pair_follow_up.to_board)}</a>
                </p>
            }.into_any()
        }}
    }
}

/// `/coordinator/pairs/:id`: the pair's read-only overview, then its follow-up.
#[component]
pub fn CoordinatorPairPage() -> impl IntoView {
    use crate::components::page::PageTitle;
    use crate::workspace::get_pair_overview;
    use crate::workspace::pages::PairOverviewView;

    let i18n = use_i18n();
    let id_in_address = crate::components::page::id_in_address();
    let pair_id = move || id_in_address().unwrap_or_default();
    let overview = Resource::new(pair_id, get_pair_overview);
    view! {
        <PageTitle text=label!(i18n, workspace.overview_title) />
        <section class="section">
            <div class="container narrow">
                <p class="breadcrumb">
                    <a href="/coordinator">{t!(i18n, follow_up.title)}</a>
                    " · "
                    <a href="/coordinator/matching">{t!(i18n, board.title)}</a>
                </p>
                {load_or_deny(overview, move |overview| {
                                let id = overview.pair_id;
                                view! {
                                    <PairOverviewView overview />
                                    <PairFollowUpPanel pair_id=id />
                                }
                                    .into_any()
                            })}
            </div>
        </section>
    }
}
