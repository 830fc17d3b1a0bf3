//! The cohort chooser of the coordination's GET forms (board, dashboard, pairs):
//! a `<select name="cohort">` of every cohort in the reader's language.
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
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select id=id name="cohort">
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
