//! The log of reads of personal data (Law 25, issue 20 item 5): each time
//! someone other than its owner opens a person's data (the coordination
//! opening a participant's page, a pair's overview, an application, one
//! person's questionnaire answers, a reported message, or downloading an
//! export), one row says who, when, whose, what and why. A person reads the
//! rows about them in "my account"; the privacy officer reads them all.
//!
//! What a pair's two people read of each other in their own workspace is
//! theirs to share and is not logged; lists (the people list, the board)
//! show names to choose from and are not logged either: the log is of
//! opening one person's record.
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

crate::stored_enum! {
    /// What was read.
    #[derive(Hash)]
    pub enum ReadWhat {
        ParticipantPage,
        PairOverview,
        Application,
        Export,
        QuestionnaireAnswers,
        ReportedMessage,
    }
}

impl ReadWhat {
    pub const ALL: [ReadWhat; 6] = [
        ReadWhat::ParticipantPage,
        ReadWhat::PairOverview,
        ReadWhat::Application,
        ReadWhat::Export,
        ReadWhat::QuestionnaireAnswers,
        ReadWhat::ReportedMessage,
    ];

    /// Why it is read: each kind of read serves one of the program's purposes.
    pub fn purpose(self) -> ReadPurpose {
        match self {
            ReadWhat::ParticipantPage | ReadWhat::PairOverview => ReadPurpose::FollowUp,
            ReadWhat::Application => ReadPurpose::Screening,
            ReadWhat::Export => ReadPurpose::Reporting,
            ReadWhat::QuestionnaireAnswers => ReadPurpose::Evaluation,
            ReadWhat::ReportedMessage => ReadPurpose::Moderation,
        }
    }
}

crate::stored_enum! {
    /// Why it was read.
    #[derive(Hash)]
    pub enum ReadPurpose {
        /// Following a person or a pair through the program.
        FollowUp,
        /// Deciding on an application.
        Screening,
        /// Reporting on a cohort (exports).
        Reporting,
        /// Reading the answers to an evaluation.
        Evaluation,
        /// Acting on a message reported to the coordination.
        Moderation,
    }
}

impl ReadPurpose {
    pub const ALL: [ReadPurpose; 5] = [
        ReadPurpose::FollowUp,
        ReadPurpose::Screening,
        ReadPurpose::Reporting,
        ReadPurpose::Evaluation,
        ReadPurpose::Moderation,
    ];
}

/// One read, as the person read about and the privacy officer see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalDataRead {
    pub id: i64,
    /// Stored UTC text.
    pub at: String,
    /// Who read (empty when their account is gone).
    pub reader: String,
    /// Whose data: their name, or the applicant's.
    pub subject: String,
    pub what: ReadWhat,
    pub purpose: ReadPurpose,
    /// Which one: a cohort and a file for an export, a pair, a questionnaire.
    pub detail: String,
}

/// What the privacy officer narrows the log to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadFilter {
    /// Part of the reader's name or address.
    pub reader: String,
    /// Part of the subject's name or address.
    pub subject: String,
    pub what: Option<ReadWhat>,
    /// Program days, inclusive.
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
}

/// At most this many rows on a page of the log.
pub const PAGE_ROWS: i64 = 200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_read_has_its_purpose() {
        let purposes: std::collections::HashSet<ReadPurpose> =
            ReadWhat::ALL.iter().map(|what| what.purpose()).collect();
        assert_eq!(purposes.len(), ReadPurpose::ALL.len());
        assert_eq!(ReadWhat::Application.purpose(), ReadPurpose::Screening);
        assert_eq!(ReadWhat::Export.purpose(), ReadPurpose::Reporting);
    }
}
