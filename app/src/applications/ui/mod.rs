//! Pages of mentor applications: the public form, the applicant's private
//! page, the coordinator's queue and review.
mod apply;
mod queue;
mod review;
mod status;

pub use apply::{sector_name, ApplyPage};
pub use queue::ApplicationQueuePage;
pub use review::ApplicationReviewPage;
pub use status::ApplicationStatusPage;

use leptos::prelude::*;

use super::{ApplicationStatus, IneligibilityReason};
use crate::i18n::{t_string, use_i18n};

/// A status's name in the reader's language.
pub fn status_name(status: ApplicationStatus) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match status {
        ApplicationStatus::Submitted => t_string!(i18n, applications.status_submitted),
        ApplicationStatus::InfoRequested => t_string!(i18n, applications.status_info_requested),
        ApplicationStatus::Accepted => t_string!(i18n, applications.status_accepted),
        ApplicationStatus::Declined => t_string!(i18n, applications.status_declined),
        ApplicationStatus::Withdrawn => t_string!(i18n, applications.status_withdrawn),
    }
}

/// A status as a badge.
#[component]
pub fn StatusBadge(status: ApplicationStatus) -> impl IntoView {
    let class = format!("badge badge-{}", status.as_str().replace('_', "-"));
    view! { <span class=class>{status_name(status)}</span> }
}

/// Why an application is ineligible, as the coordinator reads it.
pub fn reason_for_coordinator(
    reason: IneligibilityReason,
) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match reason {
        IneligibilityReason::NoDiploma => t_string!(i18n, applications.reason_no_diploma),
        IneligibilityReason::NotEmployed => t_string!(i18n, applications.reason_not_employed),
        IneligibilityReason::ResearchProfession => t_string!(i18n, applications.reason_research),
    }
}

/// Why an application is ineligible, said kindly to the applicant.
pub fn reason_for_applicant(
    reason: IneligibilityReason,
) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match reason {
        IneligibilityReason::NoDiploma => t_string!(i18n, application_status.reason_no_diploma),
        IneligibilityReason::NotEmployed => t_string!(i18n, application_status.reason_not_employed),
        IneligibilityReason::ResearchProfession => {
            t_string!(i18n, application_status.reason_research)
        }
    }
}
