//! One's privacy in "my account" (`/account/privacy`): consents, the
//! download, the reads of one's data; consenting again (`/consent`); and the
//! privacy officer's log of every read (`/coordinator/privacy/reads`).
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{
    get_consent_renewal, get_my_privacy, get_personal_data_reads, AskForDeletion,
    CancelDeletionRequest, PrepareDataDownload, RenewConsent, WithdrawConsent,
};
use super::{ConsentRenewal, DeletionState, MyPrivacy};
use crate::access_log::{PersonalDataRead, ReadPurpose, ReadWhat};
use crate::components::access::{load_or_deny, reload_or_deny, CoordinationPage};
use crate::components::forms::{
    action_error, action_succeeded, CheckboxField, ConsentField, FormError, SubmitButton,
};
use crate::components::labels::label;
use crate::components::page::PageTitle;
use crate::components::table::DataTable;
use crate::components::when::when_text;
use crate::consent::{ConsentContext, ConsentPurpose, ConsentRecord};
use crate::i18n::{t, t_string, use_i18n, Locale};

type I18n = leptos_i18n::I18nContext<Locale>;

pub fn purpose_label(i18n: I18n, purpose: ConsentPurpose) -> &'static str {
    match purpose {
        ConsentPurpose::Program => t_string!(i18n, my_data.purpose_program),
        ConsentPurpose::TestimonialPublication => {
            t_string!(i18n, my_data.purpose_testimonial_publication)
        }
        ConsentPurpose::WeeklyDigest => t_string!(i18n, my_data.purpose_weekly_digest),
    }
}

fn purpose_effect(i18n: I18n, purpose: ConsentPurpose) -> &'static str {
    match purpose {
        ConsentPurpose::Program => t_string!(i18n, my_data.effect_program),
        ConsentPurpose::TestimonialPublication => {
            t_string!(i18n, my_data.effect_testimonial_publication)
        }
        ConsentPurpose::WeeklyDigest => t_string!(i18n, my_data.effect_weekly_digest),
    }
}

fn context_label(i18n: I18n, context: ConsentContext) -> &'static str {
    match context {
        ConsentContext::Registration => t_string!(i18n, my_data.context_registration),
        ConsentContext::Application => t_string!(i18n, my_data.context_application),
        ConsentContext::Invitation => t_string!(i18n, my_data.context_invitation),
        ConsentContext::AccountCreated => t_string!(i18n, my_data.context_account_created),
        ConsentContext::Renewal => t_string!(i18n, my_data.context_renewal),
        ConsentContext::Choice => t_string!(i18n, my_data.context_choice),
    }
}

pub fn what_label(i18n: I18n, what: ReadWhat) -> &'static str {
    match what {
        ReadWhat::ParticipantPage => t_string!(i18n, my_data.what_participant_page),
        ReadWhat::PairOverview => t_string!(i18n, my_data.what_pair_overview),
        ReadWhat::Application => t_string!(i18n, my_data.what_application),
        ReadWhat::Export => t_string!(i18n, my_data.what_export),
        ReadWhat::QuestionnaireAnswers => t_string!(i18n, my_data.what_questionnaire_answers),
        ReadWhat::ReportedMessage => t_string!(i18n, my_data.what_reported_message),
    }
}

fn why_label(i18n: I18n, purpose: ReadPurpose) -> &'static str {
    match purpose {
        ReadPurpose::FollowUp => t_string!(i18n, my_data.why_follow_up),
        ReadPurpose::Screening => t_string!(i18n, my_data.why_screening),
        ReadPurpose::Reporting => t_string!(i18n, my_data.why_reporting),
        ReadPurpose::Evaluation => t_string!(i18n, my_data.why_evaluation),
        ReadPurpose::Moderation => t_string!(i18n, my_data.why_moderation),
    }
}

#[component]
pub fn MyPrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let privacy = OnceResource::new(get_my_privacy());
    view! {
        <PageTitle text=label!(i18n, my_data.title) />
        {load_or_deny(privacy, move |privacy| view! { <MyPrivacyView privacy /> }.into_any())}
    }
}

#[component]
fn MyPrivacyView(privacy: MyPrivacy) -> impl IntoView {
    let i18n = use_i18n();
    let withdraw = ServerAction::<WithdrawConsent>::new();
    let withdraw_error = action_error(withdraw);
    let withdrawn = action_succeeded(withdraw);
    let download = ServerAction::<PrepareDataDownload>::new();
    let download_error = action_error(download);
    let version = privacy.notice_version;
    let query = use_query_map();
    let link_spent = query.read_untracked().get("download").as_deref() == Some("spent");
    view! {
        <section class="section">
            <div class="container form-page">
                <p class="breadcrumb"><a href="/account">{t!(i18n, account.title)}</a></p>
                <h1>{t!(i18n, my_data.title)}</h1>
                <p class="lead">
                    {t!(i18n, my_data.lead)} " "
                    <a href="/privacy">{move || t_string!(i18n, my_data.read_notice, version = version).to_string()}</a>
                </p>

                <section class="panel" aria-labelledby="consents-title">
                    <h2 id="consents-title">{t!(i18n, my_data.consents_title)}</h2>
                    <Show when=move || withdrawn.get()>
                        <p class="notice notice-success" role="status">{t!(i18n, my_data.withdrawn)}</p>
                    </Show>
                    <FormError error=withdraw_error />
                    <ConsentList consents=privacy.consents withdraw />
                </section>

                <section class="panel" aria-labelledby="download-title">
                    <h2 id="download-title">{t!(i18n, my_data.download_title)}</h2>
                    <p>{t!(i18n, my_data.download_body)}</p>
                    {link_spent.then(|| view! {
                        <p class="notice notice-error" role="alert">{t!(i18n, my_data.download_link_spent)}</p>
                    })}
                    <ActionForm action=download attr:class="form">
                        <FormError error=download_error />
                        <SubmitButton
                            label=label!(i18n, my_data.download_button)
                            pending=download.pending()
                            class="button button-secondary"
                        />
                    </ActionForm>
                    <p class="muted">{t!(i18n, my_data.download_link_rules)}</p>
                </section>

                <section class="panel" aria-labelledby="reads-title">
                    <h2 id="reads-title">{t!(i18n, my_data.reads_title)}</h2>
                    <p class="muted">{t!(i18n, my_data.reads_body)}</p>
                    <ReadsTable reads=privacy.reads show_subject=false />
                </section>

                <DeletionPanel state=privacy.deletion />
            </div>
        </section>
    }
}

/// Asking for the deletion of one's data, or taking the request back.
#[component]
fn DeletionPanel(state: DeletionState) -> impl IntoView {
    let i18n = use_i18n();
    let ask = ServerAction::<AskForDeletion>::new();
    let ask_error = action_error(ask);
    let cancel = ServerAction::<CancelDeletionRequest>::new();
    let cancel_error = action_error(cancel);
    let cancelled = action_succeeded(cancel);
    let body = match state {
        DeletionState::NotHere => {
            view! { <p>{t!(i18n, my_data.deletion_not_here)}</p> }.into_any()
        }
        DeletionState::MayAsk => view! {
            <p>{t!(i18n, my_data.deletion_body)}</p>
            <ul>
                <li>{t!(i18n, my_data.deletion_effect_erased)}</li>
                <li>{t!(i18n, my_data.deletion_effect_pairs)}</li>
                <li>{t!(i18n, my_data.deletion_effect_kept)}</li>
                <li>{t!(i18n, my_data.deletion_effect_signed_out)}</li>
            </ul>
            <p class="muted">{t!(i18n, my_data.deletion_download_first)}</p>
            <Show when=move || cancelled.get()>
                <p class="notice notice-success" role="status">{t!(i18n, my_data.deletion_cancelled)}</p>
            </Show>
            <ActionForm action=ask attr:class="form" attr:novalidate=true>
                <CheckboxField name="understood" error=ask_error>
                    {t!(i18n, my_data.deletion_understood)}
                </CheckboxField>
                <FormError error=ask_error />
                <div class="form-actions">
                    <SubmitButton
                        label=label!(i18n, my_data.deletion_submit)
                        pending=ask.pending()
                        class="button button-danger"
                        confirm=Some(t_string!(i18n, my_data.deletion_confirm).to_owned())
                    />
                </div>
            </ActionForm>
        }
        .into_any(),
        DeletionState::Pending { since } => view! {
            <p class="notice notice-warning" role="status">
                {move || t_string!(i18n, my_data.deletion_pending, date = when_text(i18n.get_locale(), &since)).to_string()}
            </p>
            <ActionForm action=cancel attr:class="form">
                <FormError error=cancel_error />
                <SubmitButton
                    label=label!(i18n, my_data.deletion_cancel)
                    pending=cancel.pending()
                    class="button button-secondary"
                />
            </ActionForm>
        }
        .into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="deletion-title">
            <h2 id="deletion-title">{t!(i18n, my_data.deletion_title)}</h2>
            {body}
        </section>
    }
}

#[component]
fn ConsentList(
    consents: Vec<ConsentRecord>,
    withdraw: ServerAction<WithdrawConsent>,
) -> impl IntoView {
    let i18n = use_i18n();
    if consents.is_empty() {
        return view! { <p class="empty-state">{t!(i18n, my_data.no_consents)}</p> }.into_any();
    }
    view! {
        <ul class="consent-list">
            {consents.into_iter().map(|consent| {
                let purpose = consent.purpose;
                let context = consent.context;
                let version = consent.notice_version;
                let given = consent.given_at.clone();
                let withdrawn_at = consent.withdrawn_at.clone();
                let may_withdraw = consent.may_withdraw();
                view! {
                    <li class="consent-item">
                        <p>
                            <strong>{move || purpose_label(i18n, purpose)}</strong> " "
                            {match withdrawn_at {
                                None => view! { <span class="badge badge-ok">{t!(i18n, my_data.in_force)}</span> }.into_any(),
                                Some(at) => view! {
                                    <span class="badge">{move || t_string!(i18n, my_data.withdrawn_on, date = when_text(i18n.get_locale(), &at)).to_string()}</span>
                                }.into_any(),
                            }}
                        </p>
                        <p class="muted">{move || purpose_effect(i18n, purpose)}</p>
                        <p class="muted">
                            {move || t_string!(
                                i18n,
                                my_data.given_line,
                                date = when_text(i18n.get_locale(), &given),
                                context = context_label(i18n, context),
                                version = version
                            ).to_string()}
                        </p>
                        {may_withdraw.then(|| view! {
                            <ActionForm action=withdraw attr:class="inline-form">
                                <input type="hidden" name="purpose" value=purpose.as_str() />
                                <SubmitButton
                                    label=label!(i18n, my_data.withdraw)
                                    pending=withdraw.pending()
                                    class="button button-secondary"
                                    confirm=Some(t_string!(i18n, my_data.withdraw_confirm).to_owned())
                                />
                            </ActionForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The reads of personal data: when, who, what, why (and whose, for the
/// privacy officer).
#[component]
fn ReadsTable(reads: Vec<PersonalDataRead>, show_subject: bool) -> impl IntoView {
    let i18n = use_i18n();
    if reads.is_empty() {
        return view! { <p class="empty-state">{t!(i18n, my_data.no_reads)}</p> }.into_any();
    }
    let mut columns = vec![label!(i18n, my_data.read_at), label!(i18n, my_data.read_by)];
    if show_subject {
        columns.push(label!(i18n, my_data.read_whose));
    }
    columns.extend([
        label!(i18n, my_data.read_what),
        label!(i18n, my_data.read_why),
    ]);
    view! {
        <DataTable columns>
            {reads.into_iter().map(|read| {
                let at = read.at.clone();
                let what = read.what;
                let purpose = read.purpose;
                let detail = read.detail.clone();
                view! {
                    <tr>
                        <td>{move || when_text(i18n.get_locale(), &at)}</td>
                        <td>{read.reader.clone()}</td>
                        {show_subject.then(|| view! { <td>{read.subject.clone()}</td> })}
                        <td>
                            {move || what_label(i18n, what)}
                            {(!detail.is_empty()).then(|| view! { " " <span class="muted">{detail.clone()}</span> })}
                        </td>
                        <td>{move || why_label(i18n, purpose)}</td>
                    </tr>
                }
            }).collect_view()}
        </DataTable>
    }
    .into_any()
}

/// `/consent`: the notice changed materially; consenting again goes on to
/// where the person was going (`?next=`).
#[component]
pub fn ConsentRenewalPage() -> impl IntoView {
    let i18n = use_i18n();
    let renewal = OnceResource::new(get_consent_renewal());
    view! {
        <PageTitle text=label!(i18n, my_data.renewal_title) />
        {load_or_deny(renewal, move |renewal| view! { <RenewalView renewal /> }.into_any())}
    }
}

#[component]
fn RenewalView(renewal: ConsentRenewal) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = query.read_untracked().get("next").unwrap_or_default();
    let renew = ServerAction::<RenewConsent>::new();
    let error = action_error(renew);
    let Some(version) = renewal.due else {
        return view! {
            <section class="section">
                <div class="container form-page">
                    <h1>{t!(i18n, my_data.renewal_title)}</h1>
                    <p class="notice notice-success" role="status">{t!(i18n, my_data.renewal_not_due)}</p>
                    <p><a href="/account/privacy">{t!(i18n, my_data.title)}</a></p>
                </div>
            </section>
        }
        .into_any();
    };
    let body = match i18n.get_locale_untracked() {
        Locale::en => renewal.body_en.clone(),
        Locale::fr => renewal.body_fr.clone(),
    };
    let changes = move || match i18n.get_locale() {
        Locale::en => renewal.changes_en.clone(),
        Locale::fr => renewal.changes_fr.clone(),
    };
    view! {
        <section class="section">
            <div class="container form-page">
                <h1>{t!(i18n, my_data.renewal_title)}</h1>
                <p class="lead">{move || t_string!(i18n, my_data.renewal_lead, version = version).to_string()}</p>
                {move || {
                    let changes = changes();
                    (!changes.trim().is_empty()).then(|| view! {
                        <h2>{t!(i18n, my_data.renewal_changes)}</h2>
                        <p class="prewrap">{changes}</p>
                    })
                }}
                <details class="panel">
                    <summary>{t!(i18n, my_data.renewal_whole)}</summary>
                    <crate::privacy_office::ui::NoticeBody body />
                </details>
                <p><a href="/privacy" target="_blank">{t!(i18n, my_data.renewal_read)}</a></p>
                <ActionForm action=renew attr:class="form" attr:novalidate=true>
                    <input type="hidden" name="next" value=next />
                    <ConsentField error />
                    <FormError error />
                    <SubmitButton label=label!(i18n, my_data.renewal_submit) pending=renew.pending() />
                </ActionForm>
                <p class="muted">{t!(i18n, my_data.renewal_refuse)}</p>
            </div>
        </section>
    }
    .into_any()
}

/// `/coordinator/privacy/reads`: every read of personal data, for the
/// privacy officer, narrowed by reader, person, kind and days.
#[component]
pub fn ReadsLogPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let query = query.read();
        let field = |name: &str| query.get(name).unwrap_or_default();
        (
            field("reader"),
            field("subject"),
            field("what"),
            field("from"),
            field("to"),
        )
    });
    let reads = Resource::new(
        move || filter.get(),
        |(reader, subject, what, from, to)| {
            get_personal_data_reads(reader, subject, what, from, to)
        },
    );
    let title = label!(i18n, my_data.log_title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(reads, move |(reads, more)| {
            let (reader, subject, what, from, to) = filter.get_untracked();
            view! {
                <CoordinationPage title>
                    <p class="muted">{t!(i18n, my_data.log_lead)}</p>
                    <form method="get" action="/coordinator/privacy/reads" class="filters">
                        <div class="field">
                            <label for="reads-reader">{t!(i18n, my_data.read_by)}</label>
                            <input id="reads-reader" name="reader" type="search" value=reader.clone() />
                        </div>
                        <div class="field">
                            <label for="reads-subject">{t!(i18n, my_data.read_whose)}</label>
                            <input id="reads-subject" name="subject" type="search" value=subject.clone() />
                        </div>
                        <div class="field">
                            <label for="reads-what">{t!(i18n, my_data.read_what)}</label>
                            <select id="reads-what" name="what">
                                <option value="" selected=what.is_empty()>{t!(i18n, my_data.any_read)}</option>
                                {ReadWhat::ALL.into_iter().map(|option| view! {
                                    <option value=option.as_str() selected=what == option.as_str()>{move || what_label(i18n, option)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="reads-from">{t!(i18n, my_data.from)}</label>
                            <input id="reads-from" name="from" type="date" value=from.clone() />
                        </div>
                        <div class="field">
                            <label for="reads-to">{t!(i18n, my_data.to)}</label>
                            <input id="reads-to" name="to" type="date" value=to.clone() />
                        </div>
                        <button type="submit" class="button button-secondary">{t!(i18n, my_data.filter)}</button>
                    </form>
                    <ReadsTable reads show_subject=true />
                    {more.then(|| view! { <p class="muted">{t!(i18n, my_data.more_reads)}</p> })}
                </CoordinationPage>
            }
            .into_any()
        })}
    }
}
