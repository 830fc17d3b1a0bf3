//! The download links of a cohort's exports, for the cohort's page.
use leptos::prelude::*;

use super::{export_path, ExportKind};
use crate::i18n::{t, t_string, use_i18n};

/// One link per export. Plain requests, not the router's (`rel="external"`),
/// and no `download` attribute: when the session has expired the browser
/// follows the way to sign in instead of saving a page as a CSV file.
#[component]
pub fn CohortExports(code: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="exports-title">
            <h2 id="exports-title">{t!(i18n, exports.title)}</h2>
            <p class="muted">{t!(i18n, exports.lead)}</p>
            <ul class="plain-list">
                {ExportKind::ALL
                    .into_iter()
                    .map(|kind| {
                        let label = move || match kind {
                            ExportKind::Pairs => t_string!(i18n, exports.download_pairs),
                            ExportKind::Goals => t_string!(i18n, exports.download_goals),
                            ExportKind::Meetings => t_string!(i18n, exports.download_meetings),
                            ExportKind::Applications => {
                                t_string!(i18n, exports.download_applications)
                            }
                            ExportKind::Figures => t_string!(i18n, exports.download_figures),
                            ExportKind::Evaluations => t_string!(i18n, exports.download_evaluations),
                            ExportKind::Pulses => t_string!(i18n, exports.download_pulses),
                        };
                        view! {
                            <li>
                                <a href=export_path(&code, kind) rel="external">{label}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
