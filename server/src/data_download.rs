//! A person's download of their own data: `/account/data/{token}`, the
//! link "my account" makes, that works once, for an hour, for its own
//! account's session only. The file comes from `app::my_data::download`.
use app::accounts::session::AuthSession;
use app::error::AppError;
use app::my_data::download::deliver;
use app::server_context::ClientAddress;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use sqlx::SqlitePool;

use crate::export_files::personal_file;

pub async fn my_data(
    State(pool): State<SqlitePool>,
    auth: AuthSession,
    client: Option<Extension<ClientAddress>>,
    Path(token): Path<String>,
) -> Response {
    let account = auth.user.as_ref().map(|user| &user.0);
    let client = client.as_ref().map(|Extension(address)| address.0.as_str());
    match deliver(&pool, account, &token, client).await {
        Ok(file) => personal_file(file.bytes, "application/zip", &file.file_name),
        // The link is spent or not theirs: back to the page that makes another.
        Err(AppError::Unauthorized) => {
            Redirect::to("/login?next=%2Faccount%2Fprivacy").into_response()
        }
        Err(AppError::NotFound) => Redirect::to("/account/privacy?download=spent").into_response(),
        Err(error) => {
            tracing::error!(%error, "data download not served");
            StatusCode::from_u16(error.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
                .into_response()
        }
    }
}
