//! The export route: `/coordinator/exports/{cohort_code}/{kind}.csv`, for
//! coordinators (their session decides; signed out, they are sent to sign
//! in). The files themselves, and who may have them, come from `app::exports`.
use app::accounts::session::AuthSession;
use app::error::AppError;
use app::i18n::Locale;
use app::reports::exports::{export_file, reader_locale, refusal_text, sign_in_path};
use app::server_context::ClientAddress;
use axum::extract::{Path, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use sqlx::SqlitePool;

pub async fn cohort_export(
    State(pool): State<SqlitePool>,
    auth: AuthSession,
    client: Option<Extension<ClientAddress>>,
    headers: HeaderMap,
    Path((cohort_code, file)): Path<(String, String)>,
) -> Response {
    let account = auth.user.as_ref().map(|user| &user.0);
    let cookies = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok());
    let locale = reader_locale(cookies, account.map(|account| account.locale.as_str()));
    let client = client.as_ref().map(|Extension(address)| address.0.as_str());
    match export_file(&pool, account, locale, &cohort_code, &file, client).await {
        Ok(export) => personal_file(export.bytes, "text/csv; charset=utf-8", &export.file_name),
        // To sign in, then to the cohort's page, where the links are.
        Err(AppError::Unauthorized) => Redirect::to(&sign_in_path(&cohort_code)).into_response(),
        Err(error) => refused(locale, &error),
    }
}

/// A file of personal data to download: its type, its name, kept by no
/// cache and indexed by no robot. Also the data download's (`data_download`).
pub(crate) fn personal_file(
    bytes: Vec<u8>,
    content_type: &'static str,
    file_name: &str,
) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    // Personal data: kept by no cache, shared or not.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
    response
}

/// A short, translated refusal with its status (a file has no page to show it on).
fn refused(locale: Locale, error: &AppError) -> Response {
    if matches!(error, AppError::Storage | AppError::Internal) {
        tracing::error!(%error, "export not served");
    }
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::NOT_FOUND);
    let mut response = (status, refusal_text(locale, error)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}
