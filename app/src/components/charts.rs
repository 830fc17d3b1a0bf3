//! Charts drawn on the server as SVG: no chart script and no inline style (the
//! Content-Security-Policy forbids both). Colours come from classes in the
//! style sheet. Every chart comes with its figures as a table and a sentence,
//! which is what screen readers and printers read.
use leptos::prelude::*;

/// The drawing's width in its own units (it scales to the page's width).
/// Narrow enough that its text stays readable in a third of a laptop's width.
pub const CHART_WIDTH: i64 = 400;
const ROW_HEIGHT: i64 = 50;
const BAR_TOP: i64 = 26;
const BAR_HEIGHT: i64 = 16;
/// Room kept right of the longest bar for its figure.
const FIGURE_ROOM: i64 = 50;

/// Where one row of a horizontal bar chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarGeometry {
    /// Baseline of the row's label.
    pub label_y: i64,
    pub bar_y: i64,
    pub bar_width: i64,
    /// Where the figure is written, right of the bar.
    pub figure_x: i64,
    pub figure_y: i64,
}

/// The drawing's height and each row's geometry: bars in proportion to the
/// largest value (all empty when every value is 0; negatives count as 0).
pub fn bar_layout(values: &[i64]) -> (i64, Vec<BarGeometry>) {
    let largest = values.iter().copied().max().unwrap_or(0).max(0);
    let room = CHART_WIDTH - FIGURE_ROOM;
    let rows = values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let top = index as i64 * ROW_HEIGHT;
            let bar_width = if largest == 0 {
                0
            } else {
                // i128: a value near i64::MAX times the room must not overflow.
                let width = i128::from((*value).max(0)) * i128::from(room) / i128::from(largest);
                i64::try_from(width).unwrap_or(room)
            };
            BarGeometry {
                label_y: top + 19,
                bar_y: top + BAR_TOP,
                bar_width,
                figure_x: bar_width + 6,
                figure_y: top + BAR_TOP + BAR_HEIGHT - 2,
            }
        })
        .collect();
    (values.len() as i64 * ROW_HEIGHT, rows)
}

/// A horizontal bar chart with its table and summary.
#[component]
pub fn BarChart(
    /// Unique on the page (ids of the title and table).
    #[prop(into)]
    id: String,
    #[prop(into)] title: Signal<String>,
    /// One sentence that says what the chart shows.
    #[prop(into)]
    summary: Signal<String>,
    /// The header of the labels' column in the table.
    #[prop(into)]
    label_header: Signal<String>,
    #[prop(into)] value_header: Signal<String>,
    /// Each row's label and value.
    #[prop(into)]
    rows: Signal<Vec<(String, i64)>>,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <figure class="chart" aria-labelledby=labelled_by>
            <figcaption>
                <h3 id=title_id>{move || title.get()}</h3>
                <p class="chart-summary">{move || summary.get()}</p>
            </figcaption>
            {move || {
                let rows = rows.get();
                let values: Vec<i64> = rows.iter().map(|(_, value)| *value).collect();
                let (height, geometry) = bar_layout(&values);
                view! {
                    // The table below says the same to screen readers.
                    <svg
                        class="chart-drawing"
                        viewBox=format!("0 0 {CHART_WIDTH} {height}")
                        aria-hidden="true"
                        focusable="false"
                    >
                        {rows
                            .iter()
                            .zip(geometry)
                            .map(|((label, value), at)| {
                                view! {
                                    <text class="chart-label" x="0" y=at.label_y>{label.clone()}</text>
                                    <rect
                                        class="chart-bar"
                                        x="0"
                                        y=at.bar_y
                                        width=at.bar_width
                                        height=BAR_HEIGHT
                                        rx="3"
                                    />
                                    <text class="chart-figure" x=at.figure_x y=at.figure_y>{*value}</text>
                                }
                            })
                            .collect_view()}
                    </svg>
                }
            }}
            <div class="table-scroll">
                <table class="data-table chart-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || label_header.get()}</th>
                            <th scope="col" class="figure">{move || value_header.get()}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .map(|(label, value)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{label}</th>
                                            <td class="figure">{value}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_in_proportion_to_the_largest_value() {
        let (height, rows) = bar_layout(&[10, 5, 0]);
        assert_eq!(height, 3 * ROW_HEIGHT);
        assert_eq!(rows[0].bar_width, CHART_WIDTH - FIGURE_ROOM);
        assert_eq!(rows[1].bar_width, (CHART_WIDTH - FIGURE_ROOM) / 2);
        assert_eq!(rows[2].bar_width, 0);
        // Rows stack downwards without overlapping.
        assert!(rows[1].label_y > rows[0].bar_y + BAR_HEIGHT);
    }

    #[test]
    fn empty_zero_negative_and_huge_values_draw_without_panicking() {
        assert_eq!(bar_layout(&[]), (0, Vec::new()));
        let (_, zeros) = bar_layout(&[0, 0]);
        assert!(zeros.iter().all(|row| row.bar_width == 0));
        let (_, mixed) = bar_layout(&[-4, 2]);
        assert_eq!(mixed[0].bar_width, 0);
        let (_, huge) = bar_layout(&[i64::MAX, 1]);
        assert_eq!(huge[0].bar_width, CHART_WIDTH - FIGURE_ROOM);
        assert_eq!(huge[1].bar_width, 0);
    }
}
