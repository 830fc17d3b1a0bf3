//! Accepting an invitation: set a password, accept the privacy notice, go in.
use leptos::prelude::*;

use crate::components::labels::label;
use leptos_router::hooks::use_params_map;

use crate::accounts::{InvitationSummary, Role};
use crate::components::forms::{
    action_error, ConsentField, FormError, Loading, NewPasswordField, SubmitButton, TextField,
};
use crate::components::page::FormPage;
use crate::components::page::{DeadLink, ErrorNotice};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::people::api::{get_invitation, AcceptInvitation};
use crate::people::ui::refresh_session_after;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = params.read_untracked().get("token").unwrap_or_default();
    let invitation = OnceResource::new(get_invitation(token.clone()));
    view! {
        <FormPage title=label!(i18n, invitation.title)>
            <Suspense fallback=Loading>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        match invitation.await {
                            Ok(summary) => view! { <InvitationForm token summary /> }.into_any(),
                            Err(AppError::LinkInvalid) => {
                                view! { <DeadLink>{t!(i18n, invitation.link_invalid)}</DeadLink> }
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

#[component]
fn InvitationForm(token: String, summary: InvitationSummary) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<AcceptInvitation>::new();
    let error = action_error(action);
    refresh_session_after(action);
    let role = summary.role;
    let email = summary.email.clone();
    view! {
        <p class="lead">
            {move || match role {
                Role::Coordinator => t_string!(i18n, invitation.lead_coordinator),
                _ => t_string!(i18n, invitation.lead_mentor),
            }}
        </p>
        <ActionForm action attr:class="form" attr:novalidate=true>
            <input type="hidden" name="token" value=token />
            <p class="field">
                <span class="field-label">{t!(i18n, fields.email)}</span>
                <span class="field-static">{email}</span>
            </p>
            <TextField
                name="display_name"
                label=label!(i18n, fields.display_name)
                autocomplete="name"
                value=summary.display_name
                error
            />
            <NewPasswordField name="password" error autofocus=true />
            <ConsentField error />
            <FormError error />
            <SubmitButton
                label=label!(i18n, invitation.submit)
                pending=action.pending()
            />
        </ActionForm>
    }
}
