//! Server functions of the calendar feed: each person reads, makes, replaces
//! and turns off their own feed, nobody else's. Mentors and mentees only
//! (coordinators have no meetings).
//!
//! The new link is returned to the page that asked for it, and also kept for
//! a few minutes in an HttpOnly cookie, so that a page that posted its form
//! without JavaScript can still show it once after the redirect.
use leptos::prelude::*;

use super::FeedState;
use crate::error::AppError;

/// The cookie that carries a just-made link back to the page, once.
#[cfg(feature = "ssr")]
const NEW_FEED_COOKIE: &str = "mentorat_new_feed";

#[cfg(feature = "ssr")]
async fn own_account() -> Result<(sqlx::SqlitePool, i64), AppError> {
    use crate::accounts::{policy::Access, session::authorize};

    let caller = authorize(Access::OwnProfile).await?;
    let account_id = caller.account()?.id;
    Ok((crate::server_context::pool()?, account_id))
}

#[cfg(feature = "ssr")]
fn set_new_feed_cookie(value: &str, max_age_seconds: i64) -> Result<(), AppError> {
    use crate::server_context::{set_cookie, site_cookie};
    set_cookie(&site_cookie(NEW_FEED_COOKIE, value, max_age_seconds, true))
}

#[cfg(feature = "ssr")]
fn feed_link(token: &str) -> Result<String, AppError> {
    let public_url = crate::server_context::server_settings()?.public_url;
    Ok(format!("{public_url}/calendar/{token}.ics"))
}

/// The caller's feed: whether there is one, and its link right after it was made.
#[server(endpoint = "get_calendar_feed")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_calendar_feed() -> Result<FeedState, AppError> {
    use crate::accounts::tokens::hash_token;
    use crate::program_time::program_time;

    let (pool, account_id) = own_account().await?;
    let created = super::repo::feed_created_at(&pool, account_id).await?;
    let mut new_link = None;
    if let Some(token) = crate::server_context::request_cookie(NEW_FEED_COOKIE) {
        // Shown once: the cookie goes now, whoever's it was.
        set_new_feed_cookie("", 0)?;
        let owner = super::repo::feed_owner(&pool, &hash_token(&token)).await?;
        if owner.is_some_and(|(owner, _)| owner == account_id) {
            new_link = Some(feed_link(&token)?);
        }
    }
    Ok(FeedState {
        created: created.map(|created| program_time(&created)),
        new_link,
    })
}

/// Makes the caller's private feed link, replacing the one before (which
/// stops working at once). Returns the link: it is shown only now.
#[server(endpoint = "create_calendar_feed")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn create_calendar_feed() -> Result<String, AppError> {
    use crate::accounts::tokens::new_token;
    use crate::program_time::utc_now_text;

    let (pool, account_id) = own_account().await?;
    let (token, hash) = new_token();
    super::repo::replace_feed(&pool, account_id, &hash, &utc_now_text()).await?;
    tracing::info!(account_id, "calendar feed link made");
    set_new_feed_cookie(&token, 300)?;
    feed_link(&token)
}

/// Turns the caller's feed off: its link answers 404 from now on.
#[server(endpoint = "revoke_calendar_feed")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn revoke_calendar_feed() -> Result<(), AppError> {
    let (pool, account_id) = own_account().await?;
    if super::repo::revoke_feed(&pool, account_id).await? {
        tracing::info!(account_id, "calendar feed turned off");
    }
    Ok(())
}
