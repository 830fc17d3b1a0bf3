//! The cohort chooser of the coordination's forms (board, dashboard, pairs,
//! invitations, imports): a `<select name="cohort">` of the cohorts given, in
//! the reader's language.
use leptos::prelude::*;

use crate::catalog::Cohort;
use crate::i18n::use_i18n;

#[component]
pub fn CohortSelect(
    /// The select's id, for its label.
    id: &'static str,
    cohorts: Vec<Cohort>,
    /// The code of the cohort shown now.
    #[prop(into)]
    chosen: String,
    /// The id of the field's message, in a form that may refuse it.
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select id=id name="cohort" aria-describedby=described_by>
            {cohorts
                .into_iter()
                .map(|option| {
                    let selected = option.code == chosen;
                    let name = option.name.clone();
                    view! {
                        <option value=option.code.clone() selected=selected>
                            {move || name.get(i18n.get_locale()).unwrap_or_default().to_owned()}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
