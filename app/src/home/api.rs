//! Server functions of the home page. Public: they read only program-wide reference data.
use leptos::prelude::*;

use super::CohortAnnouncement;
use crate::error::AppError;

/// Where the cohort people should hear about stands today (no personal data).
#[server(endpoint = "cohort_announcement")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_cohort_announcement() -> Result<CohortAnnouncement, AppError> {
    use crate::accounts::{policy::Access, session::authorize};
    use crate::catalog::{current_cohort, repo};
    use crate::program_time::program_today;
    use crate::server_context::pool;

    authorize(Access::Anyone).await?;

    let cohorts = repo::list_cohorts(&pool()?).await?;
    let today = program_today();
    Ok(CohortAnnouncement::for_day(
        current_cohort(&cohorts, today),
        today,
    ))
}
