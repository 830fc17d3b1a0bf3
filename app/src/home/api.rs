//! Server functions of the home page. Public: they read only program-wide reference data.
use leptos::prelude::*;

use super::ProgramOverview;
use crate::error::AppError;

/// The current cohort and the domains covered, for everyone (no personal data).
#[server(endpoint = "program_overview")]
#[cfg_attr(feature = "ssr", tracing::instrument)]
pub async fn get_program_overview() -> Result<ProgramOverview, AppError> {
    use super::CohortAnnouncement;
    use crate::catalog::{current_cohort, repo};
    use crate::server_context::{pool, program_today};

    let pool = pool()?;
    let cohorts = repo::list_cohorts(&pool).await?;
    let domains = repo::list_active_domains(&pool).await?;
    let today = program_today();
    Ok(ProgramOverview {
        cohort: CohortAnnouncement::for_day(current_cohort(&cohorts, today), today),
        domains,
    })
}
