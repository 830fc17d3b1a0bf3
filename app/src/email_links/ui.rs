//! `/act/:token`: what an email's link will do, with one button (opening it
//! never acts), then what happened; or why the link no longer works, with the
//! way to sign in and answer in the workspace.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::forms::{action_error, FormError, Loading, SubmitButton};
use crate::components::labels::label;
use crate::components::page::FormPage;
use crate::components::page::{DeadLink, ErrorNotice};
use crate::components::when::when_text;
use crate::email_links::api::{get_action_link, UseActionLink};
use crate::email_links::LinkSummary;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::outbox::action_links::{LinkAction, LinkProblem};

#[component]
pub fn ActionLinkPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = params.read_untracked().get("token").unwrap_or_default();
    let link = OnceResource::new(get_action_link(token.clone()));
    view! {
        <FormPage title=label!(i18n, email_links.title)>
            <Suspense fallback=Loading>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match link.await {
                            Ok(summary) => view! { <LinkView token summary /> }.into_any(),
                            Err(AppError::LinkInvalid) => {
                                view! { <DeadLink>{t!(i18n, email_links.invalid)}</DeadLink> }
                                    .into_any()
                            }
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </FormPage>
    }
}

fn question(summary: &LinkSummary) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    let (action, partner, when) = (
        summary.action,
        summary.partner_name.clone(),
        summary.when.clone(),
    );
    move || {
        let when = when_text(i18n.get_locale(), &when);
        let partner = partner.clone();
        match action {
            LinkAction::AgreeMeeting => {
                t_string!(i18n, email_links.agree_meeting, partner, when).to_string()
            }
            LinkAction::ConfirmMet => {
                t_string!(i18n, email_links.confirm_met, partner, when).to_string()
            }
            LinkAction::AcknowledgeFeedback => {
                t_string!(i18n, email_links.acknowledge_feedback, partner, when).to_string()
            }
        }
    }
}

#[component]
fn LinkView(token: String, summary: LinkSummary) -> impl IntoView {
    let i18n = use_i18n();
    let act = ServerAction::<UseActionLink>::new();
    // The answer, after a plain form post too (the page is drawn again).
    crate::components::forms::restore_outcome(act);
    let error = action_error(act);
    let sign_in = format!(
        "/login?next={}",
        crate::components::access::encode_query_value(&summary.workspace_path)
    );
    let question = question(&summary);
    let action = summary.action;
    let button = move || match action {
        LinkAction::AgreeMeeting => t_string!(i18n, email_links.agree_meeting_button).to_owned(),
        LinkAction::ConfirmMet => t_string!(i18n, email_links.confirm_met_button).to_owned(),
        LinkAction::AcknowledgeFeedback => {
            t_string!(i18n, email_links.acknowledge_feedback_button).to_owned()
        }
    };
    // After the click: the answer the server gave (done, or why not).
    let outcome = move || act.value().get().and_then(Result::ok);
    let first = summary.clone();
    view! {
        {move || {
            let shown = outcome().unwrap_or_else(|| first.clone());
            let sign_in = sign_in.clone();
            let token = token.clone();
            match (shown.done, shown.problem) {
                (true, _) => view! {
                    <p class="notice notice-success" role="status">{t!(i18n, email_links.done)}</p>
                    <p><a href=sign_in>{t!(i18n, email_links.open_workspace)}</a></p>
                }.into_any(),
                (false, Some(problem)) => view! {
                    <p class="notice notice-warning" role="status">
                        {move || match problem {
                            LinkProblem::Used => t_string!(i18n, email_links.used),
                            LinkProblem::Expired => t_string!(i18n, email_links.expired),
                            LinkProblem::Stale => t_string!(i18n, email_links.stale),
                        }}
                    </p>
                    <p><a class="button button-primary" href=sign_in>{t!(i18n, email_links.sign_in)}</a></p>
                }.into_any(),
                (false, None) => view! {
                    <p class="lead">{question.clone()}</p>
                    <ActionForm action=act attr:class="form">
                        <input type="hidden" name="token" value=token />
                        <FormError error />
                        <SubmitButton label=Signal::derive(button) pending=act.pending() />
                    </ActionForm>
                    <p class="muted small">
                        {t!(i18n, email_links.or_sign_in)} " "
                        <a href=sign_in>{t!(i18n, email_links.sign_in)}</a>
                    </p>
                }.into_any(),
            }
        }}
    }
}
