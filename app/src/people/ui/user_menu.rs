//! The header's part that depends on who is signed in.
use leptos::prelude::*;

use crate::accounts::Role;
use crate::i18n::{t, use_i18n};
use crate::people::api::{get_current_user, LogOut};
use crate::people::ui::{refresh_session_after, SessionRefresh};

#[component]
pub fn UserMenu() -> impl IntoView {
    let i18n = use_i18n();
    let refresh = use_context::<SessionRefresh>().map(|SessionRefresh(counter)| counter);
    let user = Resource::new(
        move || refresh.map(|counter| counter.get()).unwrap_or_default(),
        |_| get_current_user(),
    );
    let sign_in_link = move || {
        view! {
            <li>
                <a href="/apply">{t!(i18n, nav.become_mentor)}</a>
            </li>
            <li>
                <a href="/register">{t!(i18n, nav.register_mentee)}</a>
            </li>
            <li>
                <a class="nav-sign-in" href="/login">
                    {t!(i18n, nav.sign_in)}
                </a>
            </li>
        }
    };
    view! {
        <Transition fallback=sign_in_link>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => view! { <SignedInMenu role=user.role /> }.into_any(),
                    _ => sign_in_link().into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SignedInMenu(role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let log_out = ServerAction::<LogOut>::new();
    refresh_session_after(log_out);
    view! {
        <li>
            <a href=role.home_path()>{t!(i18n, nav.my_area)}</a>
        </li>
        <li>
            <a href="/account">{t!(i18n, nav.my_account)}</a>
        </li>
        <li>
            <ActionForm action=log_out attr:class="inline-form">
                <button type="submit" class="nav-sign-out">
                    {t!(i18n, nav.sign_out)}
                </button>
            </ActionForm>
        </li>
    }
}
