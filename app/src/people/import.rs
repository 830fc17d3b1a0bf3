//! Importing a list of mentees: one person per line (name, email, language),
//! as a spreadsheet exports it. Every line is checked before anything is
//! sent, and each problem is said on its line: a missing name, an address
//! that is not one, a language the program does not speak, the same address
//! twice, an address that already has an account or a pending invitation.
//! Plain Rust, no I/O: the caller says which addresses are known.
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::catalog::Cohort;

/// At most this many people in one list.
pub const MAX_LINES: usize = 500;
/// At most this many bytes of list text.
pub const MAX_BYTES: usize = 200_000;

/// What is wrong with one line; the line is left out, the others go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LineProblem {
    /// Not two or three columns.
    Columns,
    MissingName,
    /// A name longer than a name may be, or with control characters.
    InvalidName,
    InvalidEmail,
    /// A language other than French or English.
    UnknownLanguage,
    /// The same address on an earlier line (its number).
    Duplicate {
        line: usize,
    },
    /// The address already has an account: nobody is invited twice.
    HasAccount,
    /// The address has an invitation that still works.
    AlreadyInvited,
}

/// One line of the list, as read and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportLine {
    /// Its number in the list, from 1 (a first line of column names counts).
    pub line: usize,
    pub name: String,
    pub email: String,
    /// `fr` or `en` once understood; as written otherwise.
    pub locale: String,
    pub problem: Option<LineProblem>,
}

impl ImportLine {
    pub fn is_ready(&self) -> bool {
        self.problem.is_none()
    }
}

/// The cohorts people may be invited into (not concluded), and the one a
/// form chooses first: the current cohort, else the newest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinableCohorts {
    pub cohorts: Vec<Cohort>,
    pub chosen: String,
}

impl JoinableCohorts {
    pub fn of(all: Vec<Cohort>, today: chrono::NaiveDate) -> JoinableCohorts {
        let cohorts: Vec<Cohort> = all
            .into_iter()
            .filter(|cohort| cohort.concluded_on.is_none())
            .collect();
        let chosen = crate::catalog::current_cohort(&cohorts, today)
            .or_else(|| cohorts.iter().max_by_key(|cohort| cohort.starts_on))
            .map(|cohort| cohort.code.clone())
            .unwrap_or_default();
        JoinableCohorts { cohorts, chosen }
    }
}

/// The import form: where to, in which language by default, and the list
/// (empty, or one kept earlier, to correct it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportForm {
    pub cohorts: JoinableCohorts,
    pub locale: String,
    pub list: String,
}

/// A list as the coordinator sees it before sending, and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub id: i64,
    pub cohort: Cohort,
    /// The language of lines that name none.
    pub default_locale: String,
    /// The list as pasted, to correct it.
    pub list: String,
    pub lines: Vec<ImportLine>,
    /// What sending confirms: the ready lines as shown (see [`seen_lines`]).
    pub seen: String,
    /// Once sent: when (program time) and how many were invited.
    pub sent: Option<(String, i64)>,
}

impl ImportPreview {
    pub fn ready(&self) -> usize {
        self.lines.iter().filter(|line| line.is_ready()).count()
    }

    /// More people than one import takes: nothing is sent; the list is to
    /// be split.
    pub fn too_many(&self) -> bool {
        self.lines.len() > MAX_LINES
    }
}

/// The ready lines, as the confirmation names them: sending refuses when
/// they changed since the preview (someone registered meanwhile).
pub fn seen_lines(lines: &[ImportLine]) -> String {
    lines
        .iter()
        .filter(|line| line.is_ready())
        .map(|line| format!("{}:{}", line.line, line.email.to_lowercase()))
        .collect::<Vec<_>>()
        .join(",")
}

/// The language a cell names, in either language's words; empty → `default`.
pub fn language_code<'a>(cell: &str, default: &'a str) -> Option<&'a str> {
    match cell.trim().to_lowercase().as_str() {
        "" => Some(default),
        "fr" | "fr-ca" | "français" | "francais" | "french" => Some("fr"),
        "en" | "en-ca" | "anglais" | "english" => Some("en"),
        _ => None,
    }
}

/// Which column holds what: read from a first line of column names, or
/// name, email, language in that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    name: usize,
    email: usize,
    language: Option<usize>,
}

impl Columns {
    const IN_ORDER: Columns = Columns {
        name: 0,
        email: 1,
        language: Some(2),
    };

    /// The columns a first line names, if it is a line of column names.
    fn from_header(cells: &[String]) -> Option<Columns> {
        let find = |words: &[&str]| {
            cells.iter().position(|cell| {
                let cell = cell.trim().to_lowercase();
                words.iter().any(|word| cell == *word)
            })
        };
        let name = find(&["name", "nom", "full name", "nom complet", "prénom et nom"])?;
        let email = find(&["email", "e-mail", "courriel", "adresse", "address", "mail"])?;
        let language = find(&["language", "langue", "lang"]);
        Some(Columns {
            name,
            email,
            language,
        })
    }
}

/// The separator a list uses: the most frequent of tab, semicolon and comma
/// on its first line (a French spreadsheet exports with semicolons).
pub fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|candidate| {
            (
                first.bytes().filter(|b| b == candidate).count(),
                *candidate == b',',
            )
        })
        .unwrap_or(b',')
}

/// Reads the rows of a list already split into cells (empty rows skipped,
/// each with its line number), and checks each line on its own and against
/// the earlier ones. `default_locale` fills an empty language.
pub fn check_rows(rows: &[(usize, Vec<String>)], default_locale: &str) -> Vec<ImportLine> {
    let mut rows = rows.iter().peekable();
    let columns = match rows
        .peek()
        .and_then(|(_, cells)| Columns::from_header(cells))
    {
        Some(columns) => {
            rows.next();
            columns
        }
        None => Columns::IN_ORDER,
    };
    let mut first_line_of: HashMap<String, usize> = HashMap::new();
    let mut lines = Vec::new();
    for (number, cells) in rows {
        let cell = |index: usize| cells.get(index).map(|text| text.trim()).unwrap_or_default();
        let language = columns.language.map(cell).unwrap_or_default();
        let locale = language_code(language, default_locale);
        let mut line = ImportLine {
            line: *number,
            name: cell(columns.name).to_owned(),
            email: cell(columns.email).to_owned(),
            locale: locale.unwrap_or(language).to_owned(),
            problem: None,
        };
        let width = cells
            .iter()
            .rposition(|text| !text.trim().is_empty())
            .map_or(0, |last| last + 1);
        line.problem = if width < 2 || (columns == Columns::IN_ORDER && width > 3) {
            Some(LineProblem::Columns)
        } else if line.name.is_empty() {
            Some(LineProblem::MissingName)
        } else if crate::input::parse_display_name("name", &line.name).is_err() {
            Some(LineProblem::InvalidName)
        } else if crate::input::parse_email("email", &line.email).is_err() {
            Some(LineProblem::InvalidEmail)
        } else if locale.is_none() {
            Some(LineProblem::UnknownLanguage)
        } else {
            first_line_of
                .get(&line.email.to_lowercase())
                .map(|first| LineProblem::Duplicate { line: *first })
        };
        if line.problem.is_none() {
            first_line_of.insert(line.email.to_lowercase(), line.line);
        }
        lines.push(line);
    }
    lines
}

/// Marks the ready lines whose address (lower case) has an account or a
/// pending invitation: they are reported, not invited again.
pub fn mark_known(lines: &mut [ImportLine], accounts: &HashSet<String>, invited: &HashSet<String>) {
    for line in lines.iter_mut().filter(|line| line.is_ready()) {
        let email = line.email.to_lowercase();
        if accounts.contains(&email) {
            line.problem = Some(LineProblem::HasAccount);
        } else if invited.contains(&email) {
            line.problem = Some(LineProblem::AlreadyInvited);
        }
    }
}

/// Splits a list into rows of cells (quotes as a spreadsheet writes them),
/// skipping empty lines. Any length: a list too long to send is kept and
/// said so ([`ImportPreview::too_many`]), never lost.
#[cfg(feature = "ssr")]
pub fn read_rows(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = separator(text);
    // Line by line, so that each row keeps the number the spreadsheet shows
    // (a person is one line; a cell is never split over two).
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delimiter)
                .from_reader(line.as_bytes());
            // A line the reader cannot split (a stray quote) still shows,
            // as one cell, with its problem.
            let cells = match reader.records().next() {
                Some(Ok(record)) => record.iter().map(str::to_owned).collect(),
                _ => vec![line.to_owned()],
            };
            (index + 1, cells)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&[&str]]) -> Vec<(usize, Vec<String>)> {
        lines
            .iter()
            .enumerate()
            .map(|(index, cells)| {
                (
                    index + 1,
                    cells.iter().map(|cell| (*cell).to_owned()).collect(),
                )
            })
            .collect()
    }

    fn problems(lines: &[ImportLine]) -> Vec<Option<LineProblem>> {
        lines.iter().map(|line| line.problem).collect()
    }

    #[test]
    fn each_line_says_its_own_problem_and_the_others_are_ready() {
        let lines = check_rows(
            &rows(&[
                &["Amina Diallo", "amina@example.org", "fr"],
                &["", "nobody@example.org", "fr"],
                &["Bruno", "not-an-address", ""],
                &["Chloé", "chloe@example.org", "espagnol"],
                &["Amina again", "AMINA@example.org", "en"],
                &["Dev", "dev@example.org", "English"],
                &["only one column"],
                &["Eve", "eve@example.org", "fr", "extra"],
            ]),
            "fr",
        );
        assert_eq!(
            problems(&lines),
            [
                None,
                Some(LineProblem::MissingName),
                Some(LineProblem::InvalidEmail),
                Some(LineProblem::UnknownLanguage),
                Some(LineProblem::Duplicate { line: 1 }),
                None,
                Some(LineProblem::Columns),
                Some(LineProblem::Columns),
            ]
        );
        assert_eq!(lines[5].locale, "en", "a language in words");
        assert_eq!(lines[3].locale, "espagnol", "shown as written");
    }

    #[test]
    fn a_line_of_column_names_is_read_and_may_reorder_the_columns() {
        let lines = check_rows(
            &rows(&[
                &["Courriel", "Nom", "Langue"],
                &["amina@example.org", "Amina Diallo", ""],
            ]),
            "en",
        );
        assert_eq!(lines.len(), 1);
        assert_eq!(
            (
                lines[0].line,
                lines[0].name.as_str(),
                lines[0].email.as_str(),
                lines[0].locale.as_str()
            ),
            (2, "Amina Diallo", "amina@example.org", "en"),
            "an empty language takes the list's"
        );
        assert!(lines[0].is_ready());
    }

    #[test]
    fn known_addresses_are_reported_not_invited_again() {
        let mut lines = check_rows(
            &rows(&[
                &["Amina", "Amina@example.org"],
                &["Bruno", "bruno@example.org"],
                &["Chloé", "chloe@example.org"],
            ]),
            "fr",
        );
        let accounts = HashSet::from(["amina@example.org".to_owned()]);
        let invited = HashSet::from(["bruno@example.org".to_owned()]);
        mark_known(&mut lines, &accounts, &invited);
        assert_eq!(
            problems(&lines),
            [
                Some(LineProblem::HasAccount),
                Some(LineProblem::AlreadyInvited),
                None
            ]
        );
        assert_eq!(seen_lines(&lines), "3:chloe@example.org");
    }

    #[test]
    fn the_separator_is_the_one_the_first_line_uses() {
        assert_eq!(separator("Nom;Courriel;Langue\nA;b@c.d;fr"), b';');
        assert_eq!(separator("Name\tEmail\nA\tb@c.d"), b'\t');
        assert_eq!(separator("Name,Email"), b',');
        assert_eq!(separator(""), b',');
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn quoted_cells_and_empty_lines_are_read_as_a_spreadsheet_writes_them() {
        let text = "\u{feff}name,email,language\n\"Tremblay, Marc\",marc@example.org,fr\n\n\"Lee \"\"Sam\"\"\",sam@example.org,en\n";
        let lines = check_rows(&read_rows(text), "fr");
        assert_eq!(lines.len(), 2);
        assert_eq!(
            (lines[0].line, lines[0].name.as_str()),
            (2, "Tremblay, Marc")
        );
        assert_eq!((lines[1].line, lines[1].name.as_str()), (4, "Lee \"Sam\""));
    }
}
