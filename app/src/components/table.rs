//! The program's data tables: column titles, and a frame that scrolls
//! sideways on a phone (focusable, so a keyboard can scroll it too).
use leptos::prelude::*;

/// A table with one title per column; `children` are its rows.
#[component]
pub fn DataTable(
    columns: Vec<Signal<String>>,
    /// A class added to `data-table` (column widths of one feature).
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let class = if class.is_empty() {
        "data-table".to_string()
    } else {
        format!("data-table {class}")
    };
    view! {
        <div class="table-scroll" tabindex="0">
            <table class=class>
                <thead>
                    <tr>
                        {columns
                            .into_iter()
                            .map(|title| view! { <th scope="col">{move || title.get()}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
