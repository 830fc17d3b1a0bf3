//! The calendar routes: `/meetings/{id}.ics` for the meeting's two people
//! (their session decides; signed out, they are sent to sign in) and `/calendar/{token}.ics`, a person's private
//! feed (its token decides; calendar apps send no cookies). The files
//! themselves come from `app::calendar`.
use app::accounts::session::AuthSession;
use app::calendar::{feed_file, meeting_file, meeting_id_of_file, refusal_text, token_of_file};
use app::error::AppError;
use axum::extract::{Path, State};
use axum::http::header::{self, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use sqlx::SqlitePool;

/// What the calendar routes need.
#[derive(Clone)]
pub struct CalendarState {
    pub pool: SqlitePool,
    pub public_url: String,
}

pub async fn meeting(
    State(state): State<CalendarState>,
    auth: AuthSession,
    Path(file): Path<String>,
) -> Response {
    let caller = auth
        .user
        .as_ref()
        .map(|user| (user.0.id, user.0.role(), user.0.locale.clone()));
    let locale = caller
        .as_ref()
        .map_or("fr".to_owned(), |(_, _, locale)| locale.clone());
    let Some(id) = meeting_id_of_file(&file) else {
        return refused(&locale, &AppError::NotFound);
    };
    let answer = meeting_file(
        &state.pool,
        caller
            .as_ref()
            .map(|(id, role, locale)| (*id, *role, locale.as_str())),
        id,
        &state.public_url,
    )
    .await;
    match answer {
        Ok(text) => calendar_response(text, &format!("attachment; filename=\"mentorat-{id}.ics\"")),
        // To sign in, then to the person's own page, where the meeting and its
        // link are (after sign-in the app's router would not fetch a file).
        Err(AppError::Unauthorized) => Redirect::to("/login").into_response(),
        Err(error) => refused(&locale, &error),
    }
}

pub async fn feed(State(state): State<CalendarState>, Path(file): Path<String>) -> Response {
    let Some(token) = token_of_file(&file) else {
        return refused("fr", &AppError::NotFound);
    };
    match feed_file(&state.pool, token, &state.public_url).await {
        Ok(Some(text)) => calendar_response(text, "inline; filename=\"mentorat.ics\""),
        Ok(None) => refused("fr", &AppError::NotFound),
        Err(error) => refused("fr", &error),
    }
}

fn calendar_response(text: String, disposition: &str) -> Response {
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    headers.insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
    response
}

/// A short, translated refusal with its status (files have no page to show it on).
fn refused(locale: &str, error: &AppError) -> Response {
    if matches!(error, AppError::Storage | AppError::Internal) {
        tracing::error!(%error, "calendar file not served");
    }
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::NOT_FOUND);
    let mut response = (status, refusal_text(locale, error)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}
