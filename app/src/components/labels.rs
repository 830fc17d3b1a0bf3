//! Small display pieces shared by features: translated labels for form
//! fields, and a labelled progress bar.
use leptos::prelude::*;

/// A translated label as the form fields take it.
macro_rules! label {
    ($i18n:ident, $($key:tt)+) => {
        Signal::derive(move || t_string!($i18n, $($key)+).to_owned())
    };
}
pub(crate) use label;

/// A progress bar with its figure, labelled.
#[component]
pub fn ProgressBar(
    percent: u8,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] id: String,
) -> impl IntoView {
    view! {
        <div class="progress">
            <label for=id.clone()>{move || label.get()}</label>
            <progress id=id max="100" value=percent>{format!("{percent} %")}</progress>
            <span class="progress-figure">{format!("{percent} %")}</span>
        </div>
    }
}
