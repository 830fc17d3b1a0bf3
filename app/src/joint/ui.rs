//! The badge of a jointly set item, said from the reader's side.
use leptos::prelude::*;

use super::agreement::Agreement;
use crate::i18n::{t_string, use_i18n};
use crate::pairs::Side;

/// Where a jointly set item stands, said from the reader's side.
#[component]
pub fn AgreementBadge(agreement: Agreement, reader: Side) -> impl IntoView {
    let i18n = use_i18n();
    let (class, text): (&str, Box<dyn Fn() -> &'static str + Send + Sync>) = match agreement {
        Agreement::Agreed => (
            "badge badge-ok",
            Box::new(move || t_string!(i18n, workspace.agreed)),
        ),
        Agreement::Proposed { side } if side == reader => (
            "badge badge-waiting",
            Box::new(move || t_string!(i18n, workspace.waiting_for_them)),
        ),
        Agreement::Proposed { .. } => (
            "badge badge-action",
            Box::new(move || t_string!(i18n, workspace.waiting_for_you)),
        ),
        Agreement::ChangesRequested { side } if side == reader => (
            "badge badge-waiting",
            Box::new(move || t_string!(i18n, workspace.change_asked_by_you)),
        ),
        Agreement::ChangesRequested { .. } => (
            "badge badge-action",
            Box::new(move || t_string!(i18n, workspace.change_asked_of_you)),
        ),
    };
    view! { <span class=class>{text}</span> }
}
