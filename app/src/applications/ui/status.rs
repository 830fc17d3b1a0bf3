//! The applicant's private page: where the application stands, the reasons
//! if it cannot be accepted, the coordinator's question, withdraw.
use leptos::prelude::*;

use crate::components::labels::label;
use leptos_router::hooks::use_params_map;

use super::{reason_for_applicant, StatusBadge};
use crate::applications::api::{get_my_application, AnswerApplication, WithdrawApplication};
use crate::applications::{ApplicantView, ApplicationStatus};
use crate::components::access::AccessDenied;
use crate::components::forms::{
    action_error, count_successes, FormError, Loading, SubmitButton, TextAreaField,
};
use crate::components::page::DeadLink;
use crate::components::page::PageTitle;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn ApplicationStatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let withdraw = ServerAction::<WithdrawApplication>::new();
    let answer = ServerAction::<AnswerApplication>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(withdraw, changes);
    count_successes(answer, changes);
    let view_data = Resource::new(
        move || (token(), changes.get()),
        |(token, _)| get_my_application(token),
    );
    view! {
        <PageTitle text=label!(i18n, application_status.title) />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match view_data.await {
                    Ok(application) => {
                        view! { <ApplicantPage application token=token() withdraw answer /> }
                            .into_any()
                    }
                    Err(AppError::LinkInvalid) => {
                        view! {
                            <section class="section">
                                <div class="container narrow">
                                    <DeadLink>{t!(i18n, application_status.link_invalid)}</DeadLink>
                                </div>
                            </section>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <AccessDenied error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ApplicantPage(
    application: ApplicantView,
    token: String,
    withdraw: ServerAction<WithdrawApplication>,
    answer: ServerAction<AnswerApplication>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = application.display_name.clone();
    let status = application.status;
    let reasons = application.reasons.clone();
    let withdraw_error = action_error(withdraw);
    let answer_error = action_error(answer);
    let confirm_text = move || t_string!(i18n, application_status.withdraw_confirm);
    let lead = move || match status {
        ApplicationStatus::Submitted => t_string!(i18n, application_status.lead_submitted),
        ApplicationStatus::InfoRequested => t_string!(i18n, application_status.lead_info_requested),
        ApplicationStatus::Accepted => t_string!(i18n, application_status.lead_accepted),
        ApplicationStatus::Declined => t_string!(i18n, application_status.lead_declined),
        ApplicationStatus::Withdrawn => t_string!(i18n, application_status.lead_withdrawn),
    };
    view! {
        <section class="section">
            <div class="container narrow">
                <p class="eyebrow">{t!(i18n, application_status.title)}</p>
                <h1>{move || t_string!(i18n, application_status.hello, name = name.clone()).to_string()}</h1>
                <p>
                    {t!(i18n, application_status.status)} " " <StatusBadge status /> " "
                    <span class="muted">
                        {move || t_string!(i18n, application_status.sent_on, date = crate::components::when::when_text(i18n.get_locale(), &application.submitted_at)).to_string()}
                    </span>
                </p>
                <p class="lead" role="status">{lead}</p>
                {(!reasons.is_empty())
                    .then(|| {
                        view! {
                            <div class="notice notice-info eligibility-notice">
                                <p class="notice-title">{t!(i18n, application_status.reasons_title)}</p>
                                <ul>
                                    {reasons
                                        .iter()
                                        .map(|reason| view! { <li>{reason_for_applicant(*reason)}</li> })
                                        .collect_view()}
                                </ul>
                                <p>{t!(i18n, application_status.reasons_kind)}</p>
                            </div>
                        }
                    })}
                {application
                    .latest_message
                    .clone()
                    .filter(|_| matches!(status, ApplicationStatus::InfoRequested | ApplicationStatus::Declined))
                    .map(|message| {
                        view! {
                            <div class="panel">
                                <h2>{t!(i18n, application_status.message_title)}</h2>
                                <blockquote class="quoted-message">{message}</blockquote>
                            </div>
                        }
                    })}
                {status
                    .awaits_applicant()
                    .then(|| {
                        let token = token.clone();
                        view! {
                            <section class="panel" aria-labelledby="answer-title">
                                <h2 id="answer-title">{t!(i18n, application_status.answer_title)}</h2>
                                <ActionForm action=answer attr:class="form" attr:novalidate=true>
                                    <input type="hidden" name="token" value=token />
                                    <TextAreaField
                                        name="answer"
                                        label=label!(i18n, application_status.answer_label)
                                        error=answer_error
                                    />
                                    <FormError error=answer_error />
                                    <SubmitButton
                                        label=label!(i18n, application_status.answer_submit)
                                        pending=answer.pending()
                                    />
                                </ActionForm>
                            </section>
                        }
                    })}
                {status
                    .is_open()
                    .then(|| {
                        view! {
                            <section class="panel panel-quiet" aria-labelledby="withdraw-title">
                                <h2 id="withdraw-title">{t!(i18n, application_status.withdraw_title)}</h2>
                                <p class="muted">{t!(i18n, application_status.withdraw_lead)}</p>
                                <ActionForm action=withdraw attr:class="inline-form">
                                    <input type="hidden" name="token" value=token.clone() />
                                    <button
                                        type="submit"
                                        class="button button-danger"
                                        disabled=move || withdraw.pending().get()
                                        data-confirm=confirm_text
                                    >
                                        {t!(i18n, application_status.withdraw)}
                                    </button>
                                </ActionForm>
                                <FormError error=withdraw_error />
                            </section>
                        }
                    })}
                <p class="muted">{t!(i18n, application_status.keep_link)}</p>
            </div>
        </section>
    }
}
