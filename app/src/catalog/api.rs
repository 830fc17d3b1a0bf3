//! Server functions for the shared reference data. Public: no personal data.
use leptos::prelude::*;

use super::Domain;
use crate::error::AppError;

/// The active domains of the taxonomy, in the coordinator's order.
#[server(endpoint = "domains")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn list_domains() -> Result<Vec<Domain>, AppError> {
    use crate::accounts::{policy::Access, session::authorize};

    authorize(Access::Anyone).await?;
    let pool = crate::server_context::pool()?;
    Ok(super::repo::list_active_domains(&pool).await?)
}

/// The active domains and skills the application and profile forms offer.
#[server(endpoint = "profile_choices")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_profile_choices() -> Result<crate::catalog::ProfileChoices, AppError> {
    use crate::accounts::{policy::Access, session::authorize};

    authorize(Access::Anyone).await?;
    let pool = crate::server_context::pool()?;
    Ok(super::repo::profile_choices(&pool).await?)
}
