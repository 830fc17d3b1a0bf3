//! Exports: a cohort's pairs, goals, meetings and mentor applications as CSV
//! files the coordination opens in a spreadsheet. Coordinators only; never any
//! notes (shared or private) nor next steps; every download is written to the
//! audit log. Column names and values are in the reader's language.
//!
//! [`write_csv`] is the one CSV writer: UTF-8 with a byte-order mark (so that
//! spreadsheet programs show the accents) and every cell a spreadsheet would
//! read as a formula neutralized. Any other export (the dashboard's figures…)
//! calls it with its own headers and rows.
use std::borrow::Cow;

use crate::components::access::encode_query_value;

#[cfg(feature = "ssr")]
mod files;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

#[cfg(feature = "ssr")]
pub use files::{export_file, reader_locale, refusal_text, ExportFile};

/// What a cohort's export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum ExportKind {
    Pairs,
    Goals,
    Meetings,
    Applications,
    /// The program dashboard's figures for the cohort.
    Figures,
    /// The submitted answers to the end-of-cycle evaluation (`evaluations`).
    Evaluations,
    /// The submitted answers to the mid-cohort pulse.
    Pulses,
}

crate::stored_text!(ExportKind);

impl ExportKind {
    pub const ALL: [ExportKind; 7] = [
        ExportKind::Pairs,
        ExportKind::Goals,
        ExportKind::Meetings,
        ExportKind::Applications,
        ExportKind::Figures,
        ExportKind::Evaluations,
        ExportKind::Pulses,
    ];

    /// The kind in a file name such as `pairs.csv`.
    pub fn of_file(file: &str) -> Option<ExportKind> {
        file.strip_suffix(".csv").and_then(ExportKind::parse)
    }
}

/// Where a cohort's export is served.
pub fn export_path(cohort_code: &str, kind: ExportKind) -> String {
    format!(
        "/coordinator/exports/{}/{}.csv",
        encode_query_value(cohort_code),
        kind.as_str()
    )
}

/// Where a signed-out visitor of an export goes: sign in, then the cohort's
/// dashboard, where the links are (after sign-in the app's router would not fetch a file).
pub fn sign_in_path(cohort_code: &str) -> String {
    let cohort_page = format!("/coordinator?cohort={}", encode_query_value(cohort_code));
    format!("/login?next={}", encode_query_value(&cohort_page))
}

/// The name the browser saves the file under. Mentor applications are tied to
/// a cohort only once accepted into it (through the mentor's profile), so that
/// file also holds the applications tied to no cohort yet, and says so.
pub fn file_name(cohort_code: &str, kind: ExportKind) -> String {
    let code: String = cohort_code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    match kind {
        ExportKind::Applications => {
            format!("mentorat-{code}-applications-with-unassigned.csv")
        }
        other => format!("mentorat-{code}-{}.csv", other.as_str()),
    }
}

/// The UTF-8 byte-order mark: without it, spreadsheet programs read the file
/// in the machine's legacy encoding and garble the accents.
pub const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// A cell as it is safe to give to a spreadsheet: one that would be read as a
/// formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return, as
/// OWASP's "CSV injection" advice lists) gets a leading single quote, which
/// spreadsheets show as text. Everything else is left as it is.
pub fn neutralized(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// A whole CSV file: the byte-order mark, the header row, then the rows, every
/// cell neutralized ([`neutralized`]) and quoted when it needs to be (commas,
/// quotes, line breaks); lines end with CRLF (RFC 4180). Rows may have any
/// number of cells.
#[cfg(feature = "ssr")]
pub fn write_csv<R>(headers: &[String], rows: R) -> Vec<u8>
where
    R: IntoIterator<Item = Vec<String>>,
{
    let mut bytes = UTF8_BOM.to_vec();
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut bytes);
    let records = std::iter::once(headers.to_vec()).chain(rows);
    // The sink is memory and `flexible` accepts rows of any length: writing
    // cannot fail. Should it ever, the file stops at the last whole row.
    let written = records
        .into_iter()
        .try_for_each(|record| {
            writer.write_record(record.iter().map(|cell| neutralized(cell).into_owned()))
        })
        .and_then(|()| writer.flush().map_err(csv::Error::from));
    if let Err(error) = written {
        tracing::error!(%error, "CSV file cut short");
    }
    drop(writer);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_read_from_their_file_names() {
        for kind in ExportKind::ALL {
            assert_eq!(
                ExportKind::of_file(&format!("{}.csv", kind.as_str())),
                Some(kind)
            );
        }
        assert_eq!(ExportKind::of_file("pairs"), None);
        assert_eq!(ExportKind::of_file("notes.csv"), None);
        assert_eq!(ExportKind::of_file(".csv"), None);
    }

    #[test]
    fn paths_and_file_names_name_the_cohort_and_the_kind() {
        assert_eq!(
            export_path("hiver-2025", ExportKind::Meetings),
            "/coordinator/exports/hiver-2025/meetings.csv"
        );
        assert_eq!(
            file_name("hiver-2025", ExportKind::Pairs),
            "mentorat-hiver-2025-pairs.csv"
        );
        assert_eq!(
            file_name("hiver-2025", ExportKind::Applications),
            "mentorat-hiver-2025-applications-with-unassigned.csv"
        );
        // Nothing in a code can break out of the header's quotes.
        assert_eq!(
            file_name("a\"b;c", ExportKind::Goals),
            "mentorat-a_b_c-goals.csv"
        );
        assert_eq!(
            sign_in_path("hiver-2025"),
            "/login?next=/coordinator%3Fcohort%3Dhiver-2025"
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_compute_are_neutralized() {
        for (cell, expected) in [
            ("=1+1", "'=1+1"),
            ("-5", "'-5"),
            ("+x", "'+x"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            (
                "=HYPERLINK(\"http://evil.example\")",
                "'=HYPERLINK(\"http://evil.example\")",
            ),
        ] {
            assert_eq!(neutralized(cell), expected, "{cell:?}");
        }
        for cell in ["", "Zoé", "5", "a=b", " =1", "2026-11-27 08:09", "'quoted"] {
            assert_eq!(neutralized(cell), cell, "{cell:?}");
        }
    }

    #[cfg(feature = "ssr")]
    fn parsed(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = bytes
            .strip_prefix(&UTF8_BOM)
            .expect("the file starts with a BOM");
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text)
            .records()
            .map(|record| {
                record
                    .expect("a readable record")
                    .iter()
                    .map(str::to_owned)
                    .collect()
            })
            .collect()
    }

    #[cfg(feature = "ssr")]
    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|cell| (*cell).to_owned()).collect()
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_file_starts_with_a_byte_order_mark_and_keeps_the_accents() {
        let bytes = write_csv(
            &strings(&["Mentoré·e", "Mentor·e"]),
            [strings(&["Zoé Lévesque-Bérubé", "François Côté"])],
        );
        assert!(bytes.starts_with(&UTF8_BOM));
        let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
        assert_eq!(
            text,
            "Mentoré·e,Mentor·e\r\nZoé Lévesque-Bérubé,François Côté\r\n"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn formulas_are_neutralized_and_separators_escaped() {
        let rows = vec![
            strings(&["=1+1", "-5", "@x", "+x"]),
            strings(&["a, b", "say \"hi\"", "line 1\nline 2", "plain"]),
        ];
        let bytes = write_csv(&strings(&["A", "B", "C", "D"]), rows);
        let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
        assert!(
            text.contains("\"a, b\",\"say \"\"hi\"\"\",\"line 1\nline 2\",plain"),
            "{text}"
        );
        assert_eq!(
            parsed(&bytes),
            vec![
                strings(&["A", "B", "C", "D"]),
                strings(&["'=1+1", "'-5", "'@x", "'+x"]),
                strings(&["a, b", "say \"hi\"", "line 1\nline 2", "plain"]),
            ]
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_file_without_rows_still_has_its_header() {
        let bytes = write_csv(&strings(&["Cohorte"]), Vec::<Vec<String>>::new());
        assert_eq!(parsed(&bytes), vec![strings(&["Cohorte"])]);
    }
}
