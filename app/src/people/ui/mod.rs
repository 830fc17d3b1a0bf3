//! Pages of accounts: sign in, register, invitation, password, my account,
//! people (coordinator), the three areas, and the header's user menu.
mod account;
mod import;
mod invitation;
mod mfa;
mod password;
mod people;
mod people_mfa;
mod register;
mod sessions;
mod sign_in;
mod user_menu;

pub use account::MyAccountPage;
pub use import::{MenteeImportPage, MenteeImportPreviewPage};
pub use invitation::InvitationPage;
pub use mfa::{MfaCodePage, MySecurityPage};
pub use password::{ForgotPasswordPage, ResetPasswordPage};
pub use people::{role_label, PeoplePage};
pub use register::{ConfirmRegistrationPage, RegisterPage};
pub use sessions::MySessionsPage;
pub use sign_in::LoginPage;
pub use user_menu::UserMenu;

use leptos::prelude::*;

use crate::error::AppError;

/// Bumped whenever who is signed in may have changed, so the header asks again.
#[derive(Debug, Clone, Copy)]
pub struct SessionRefresh(pub RwSignal<u64>);

pub fn provide_session_refresh() {
    provide_context(SessionRefresh(RwSignal::new(0)));
}

fn use_session_refresh() -> Option<SessionRefresh> {
    use_context::<SessionRefresh>()
}

/// After a successful sign-in, sign-out, registration…: refresh the header.
pub fn refresh_session_after<I, O>(action: ServerAction<I>)
where
    I: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    if let Some(SessionRefresh(counter)) = use_session_refresh() {
        crate::components::forms::count_successes(action, counter);
    }
}
