//! The checks made while the server is down, on a copy of the database as
//! the kill left it (the file and its WAL: SQLite's own recovery reads
//! them, as the next start will; the original stays untouched for that start).
//!
//! - `PRAGMA integrity_check` is `ok`, and no foreign key points nowhere
//!   (beyond what the demo data had before the run).
//! - Every acknowledged write, of this round and of all before, is there.
//! - No half-written change: for every row the harness wrote, acknowledged
//!   or not, the rows its transaction wrote with it are there too (see
//!   `HALF_WRITTEN`).
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection as _, SqliteConnection};

use crate::workload::{Write, MARKER_LEN, MARKER_PREFIX};
use crate::HarnessError;

/// Where the run started: rows before these ids are not the harness's.
#[derive(Debug, Clone, Copy)]
pub struct Baseline {
    pub outbox_id: i64,
    pub held_notice_id: i64,
    pub foreign_key_problems: i64,
}

/// What one check found.
#[derive(Debug, Default)]
pub struct Findings {
    pub integrity: Option<String>,
    pub foreign_key_problems: i64,
    /// Acknowledged writes looked for.
    pub checked: usize,
    /// Acknowledged writes not found.
    pub missing: Vec<String>,
    /// Rows written without the rows of the same transaction.
    pub half_written: Vec<String>,
    /// Harness rows found, acknowledged or not.
    pub rows_found: usize,
}

impl Findings {
    pub fn failed(&self) -> bool {
        self.integrity.is_some()
            || self.foreign_key_problems > 0
            || !self.missing.is_empty()
            || !self.half_written.is_empty()
    }
}

/// Copies `database` and its WAL into `folder` (emptied first).
pub fn copy_for_check(database: &Path, folder: &Path) -> Result<PathBuf, HarnessError> {
    let io = HarnessError::io;
    if folder.exists() {
        std::fs::remove_dir_all(folder).map_err(io(format!("emptying {}", folder.display())))?;
    }
    std::fs::create_dir_all(folder).map_err(io(format!("creating {}", folder.display())))?;
    let copy = folder.join("check.sqlite3");
    std::fs::copy(database, &copy).map_err(io(format!("copying {}", database.display())))?;
    let wal = with_suffix(database, "-wal");
    if wal.exists() {
        std::fs::copy(&wal, with_suffix(&copy, "-wal"))
            .map_err(io(format!("copying {}", wal.display())))?;
    }
    Ok(copy)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

pub async fn open(path: &Path, read_only: bool) -> Result<SqliteConnection, HarnessError> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .read_only(read_only);
    Ok(SqliteConnection::connect_with(&options).await?)
}

/// The ids the run starts after, read from the live database.
pub async fn baseline(connection: &mut SqliteConnection) -> Result<Baseline, HarnessError> {
    Ok(Baseline {
        outbox_id: sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM outbox")
            .fetch_one(&mut *connection)
            .await?,
        held_notice_id: sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM held_notices")
            .fetch_one(&mut *connection)
            .await?,
        foreign_key_problems: sqlx::query_scalar("SELECT count(*) FROM pragma_foreign_key_check")
            .fetch_one(&mut *connection)
            .await?,
    })
}

/// The active pairs, with their mentor's and mentee's emails.
pub async fn active_pairs(
    connection: &mut SqliteConnection,
) -> Result<Vec<(i64, String, String)>, HarnessError> {
    Ok(sqlx::query_as(
        "SELECT p.id, mentor.email, mentee.email FROM pairs p \
         JOIN profiles mp ON mp.id = p.mentor_profile_id \
         JOIN accounts mentor ON mentor.id = mp.account_id \
         JOIN profiles ep ON ep.id = p.mentee_profile_id \
         JOIN accounts mentee ON mentee.id = ep.account_id \
         WHERE p.status = 'active' AND mentor.is_disabled = 0 AND mentee.is_disabled = 0 \
         ORDER BY p.id",
    )
    .fetch_all(&mut *connection)
    .await?)
}

/// One rule a single server function's transaction keeps across tables:
/// the SQL lists the harness's rows that break it.
struct Invariant {
    what: &'static str,
    sql: String,
}

/// The notices a transaction writes for the partner: one queued email
/// (`outbox`) or, for a person who chose the weekly digest, one held notice.
/// Only those written since `baseline`: the demo data has notices of its own.
fn notices(kind: &str, matching: &str, baseline: &Baseline) -> String {
    format!(
        "((SELECT count(*) FROM outbox o WHERE o.id > {} AND o.kind = '{kind}' {matching}) + \
          (SELECT count(*) FROM held_notices o WHERE o.id > {} AND o.kind = '{kind}' {matching}))",
        baseline.outbox_id, baseline.held_notice_id
    )
}

fn invariants(baseline: &Baseline) -> Vec<Invariant> {
    use app::goals::GoalEventKind as Event;
    use app::outbox::action_links::LinkAction;
    use app::outbox::EmailKind;

    let proposed = Event::Proposed.as_str();
    let agreed = Event::Agreed.as_str();
    let assessed = Event::Assessed.as_str();
    let events = |kind: &str| {
        format!("(SELECT count(*) FROM goal_events e WHERE e.goal_id = g.id AND e.kind = '{kind}')")
    };
    let with_progress = "(SELECT count(*) FROM feedback f WHERE f.goal_id = g.id \
                         AND f.goal_progress IS NOT NULL)";
    let goals = |condition: String| {
        format!("SELECT g.title FROM goals g WHERE g.title LIKE 'kh:%' AND ({condition})")
    };
    let per_kind = |kind: EmailKind, table: &str, column: &str| {
        format!(
            "SELECT '{kind} notices: ' || notices || ', {table} rows: ' || written FROM \
             (SELECT {} AS notices, (SELECT count(*) FROM {table} WHERE {column} LIKE 'kh:%') \
              AS written) WHERE notices != written",
            notices(kind.as_str(), "", baseline),
            kind = kind.as_str(),
        )
    };
    vec![
        // propose_goal: the goal, its milestones, its "proposed" event and
        // the notice naming it, in one transaction.
        Invariant {
            what: "goal without its two milestones",
            sql: goals(
                "(SELECT count(*) FROM milestones m WHERE m.goal_id = g.id \
                 AND m.title IN (g.title || ':m1', g.title || ':m2')) != 2 \
                 OR (SELECT count(*) FROM milestones m WHERE m.goal_id = g.id) != 2"
                    .to_owned(),
            ),
        },
        Invariant {
            what: "goal without exactly one 'proposed' event",
            sql: goals(format!("{} != 1", events(proposed))),
        },
        // Matched by the marker the email quotes (markers have one length),
        // not by searching every email for every goal.
        Invariant {
            what: "goal without exactly one notice naming it",
            sql: format!(
                "SELECT g.title FROM goals g LEFT JOIN \
                 (SELECT substr(body, instr(body, '{MARKER_PREFIX}'), {MARKER_LEN}) AS marker, \
                         count(*) AS notices \
                  FROM (SELECT body FROM outbox WHERE id > {} AND kind = '{kind}' \
                        UNION ALL \
                        SELECT body FROM held_notices WHERE id > {} AND kind = '{kind}') \
                  WHERE instr(body, '{MARKER_PREFIX}') > 0 GROUP BY marker) n \
                 ON n.marker = g.title \
                 WHERE g.title LIKE 'kh:%' AND coalesce(n.notices, 0) != 1",
                baseline.outbox_id,
                baseline.held_notice_id,
                kind = EmailKind::AgreementRequested.as_str(),
            ),
        },
        // agree_goal: the agreement (and the version it bumps) with its event.
        Invariant {
            what: "goal agreed without its 'agreed' event, or the event without the agreement",
            sql: goals(format!(
                "(g.agreement = 'agreed') != ({0} = 1) OR {0} > 1",
                events(agreed)
            )),
        },
        // give_feedback with a progress: the feedback, the goal's progress,
        // its version and its "assessed" event.
        Invariant {
            what: "goal assessments not one per feedback giving a progress",
            sql: goals(format!("{} != {with_progress}", events(assessed))),
        },
        Invariant {
            what: "goal's progress not the one of its newest feedback",
            sql: goals(
                "g.assessed_progress IS NOT (SELECT f.goal_progress FROM feedback f \
                 WHERE f.goal_id = g.id AND f.goal_progress IS NOT NULL ORDER BY f.id DESC LIMIT 1)"
                    .to_owned(),
            ),
        },
        Invariant {
            what: "goal version not 1 + its agreements and assessments",
            sql: goals(format!(
                "g.version != 1 + {} + {}",
                events(agreed),
                events(assessed)
            )),
        },
        // plan_meeting: the meeting, its objective, the partner's link to
        // agree from the email, and that email.
        Invariant {
            what: "meeting without exactly its one objective",
            sql: "SELECT m.location FROM meetings m WHERE m.location LIKE 'kh:%' AND \
                  ((SELECT count(*) FROM meeting_objectives o WHERE o.meeting_id = m.id) != 1 \
                   OR NOT EXISTS (SELECT 1 FROM meeting_objectives o WHERE o.meeting_id = m.id \
                                  AND o.text = m.location || ':o'))"
                .to_owned(),
        },
        Invariant {
            what: "meeting without exactly one link to agree",
            sql: format!(
                "SELECT m.location FROM meetings m WHERE m.location LIKE 'kh:%' AND \
                 (SELECT count(*) FROM action_links l WHERE l.action = '{}' \
                  AND l.object_id = m.id AND l.object_version = 1) != 1",
                LinkAction::AgreeMeeting.as_str()
            ),
        },
        // give_feedback: the feedback, the mentee's link to acknowledge it,
        // and the email.
        Invariant {
            what: "feedback without exactly one link to acknowledge",
            sql: format!(
                "SELECT f.strengths FROM feedback f WHERE f.strengths LIKE 'kh:%' AND \
                 (SELECT count(*) FROM action_links l WHERE l.action = '{}' \
                  AND l.object_id = f.id) != 1",
                LinkAction::AcknowledgeFeedback.as_str()
            ),
        },
        // One notice per write, counted by kind: a message's email does not
        // quote it, so it is matched by count, as are meetings and feedback.
        Invariant {
            what: "messages and their notices differ in number",
            sql: per_kind(EmailKind::MessageReceived, "pair_messages", "body"),
        },
        Invariant {
            what: "meetings and their notices differ in number",
            sql: per_kind(EmailKind::MeetingPlanned, "meetings", "location"),
        },
        Invariant {
            what: "feedback and its notices differ in number",
            sql: per_kind(EmailKind::FeedbackReceived, "feedback", "strengths"),
        },
    ]
}

/// Runs every check on the database at `path` against the writes acknowledged so far.
pub async fn check(
    connection: &mut SqliteConnection,
    acknowledged: &[Write],
    baseline: &Baseline,
) -> Result<Findings, HarnessError> {
    let mut findings = Findings::default();
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *connection)
        .await?;
    if integrity != ["ok"] {
        findings.integrity = Some(integrity.join("; "));
    }
    let foreign_keys: i64 = sqlx::query_scalar("SELECT count(*) FROM pragma_foreign_key_check")
        .fetch_one(&mut *connection)
        .await?;
    findings.foreign_key_problems = (foreign_keys - baseline.foreign_key_problems).max(0);

    let messages = marked_texts(connection, "pair_messages", "body").await?;
    let goals: HashSet<(i64, String)> =
        sqlx::query_as("SELECT id, title FROM goals WHERE title LIKE 'kh:%'")
            .fetch_all(&mut *connection)
            .await?
            .into_iter()
            .collect();
    let agreed: HashSet<i64> =
        sqlx::query_scalar("SELECT id FROM goals WHERE title LIKE 'kh:%' AND agreement = 'agreed'")
            .fetch_all(&mut *connection)
            .await?
            .into_iter()
            .collect();
    let meetings = marked_texts(connection, "meetings", "location").await?;
    let feedback = marked_texts(connection, "feedback", "strengths").await?;
    findings.rows_found = messages.len() + goals.len() + meetings.len() + feedback.len();
    for write in acknowledged {
        findings.checked += 1;
        let present = match write {
            Write::Message { marker } => messages.contains(marker),
            Write::Goal { marker, id } => goals.contains(&(*id, marker.clone())),
            Write::Agreement { goal_id } => agreed.contains(goal_id),
            Write::Meeting { marker } => meetings.contains(marker),
            Write::Feedback { marker } => feedback.contains(marker),
        };
        if !present {
            findings.missing.push(format!("{write:?}"));
        }
    }

    // Indexes the program does not need, on the copy only: the invariants
    // look rows up by these columns, once per harness row.
    for index in [
        "CREATE INDEX IF NOT EXISTS kill_harness_links ON action_links (action, object_id)",
        "CREATE INDEX IF NOT EXISTS kill_harness_feedback ON feedback (goal_id)",
    ] {
        sqlx::query(index).execute(&mut *connection).await?;
    }
    for invariant in invariants(baseline) {
        let broken: Vec<String> = sqlx::query_scalar(&invariant.sql)
            .fetch_all(&mut *connection)
            .await?;
        findings.half_written.extend(
            broken
                .into_iter()
                .map(|row| format!("{}: {row}", invariant.what)),
        );
    }
    Ok(findings)
}

/// The harness's markers found in `table.column` (names of this file, never input).
async fn marked_texts(
    connection: &mut SqliteConnection,
    table: &str,
    column: &str,
) -> Result<HashSet<String>, HarnessError> {
    let sql = format!("SELECT {column} FROM {table} WHERE {column} LIKE '{MARKER_PREFIX}%'");
    Ok(sqlx::query_scalar(&sql)
        .fetch_all(&mut *connection)
        .await?
        .into_iter()
        .collect())
}

/// Breaks the copy on purpose, once for each kind of rule, and returns what
/// each break must be reported as: the checks that then find every one are
/// checks that can fail. Breaks with no row to break are left out.
pub async fn tamper(connection: &mut SqliteConnection) -> Result<Vec<&'static str>, HarnessError> {
    let harness_goal = "SELECT min(id) FROM goals WHERE title LIKE 'kh:%'";
    let breaks = [
        (
            format!(
                "DELETE FROM milestones WHERE id = \
                 (SELECT min(id) FROM milestones WHERE goal_id = ({harness_goal}))"
            ),
            "goal without its two milestones",
        ),
        (
            "DELETE FROM goal_events WHERE id = (SELECT max(e.id) FROM goal_events e \
             JOIN goals g ON g.id = e.goal_id WHERE g.title LIKE 'kh:%' AND e.kind = 'proposed')"
                .to_owned(),
            "goal without exactly one 'proposed' event",
        ),
        (
            "DELETE FROM outbox WHERE id = \
             (SELECT max(id) FROM outbox WHERE kind = 'agreement_requested')"
                .to_owned(),
            "goal without exactly one notice naming it",
        ),
        (
            "UPDATE goals SET agreement = 'proposed' WHERE id = (SELECT max(id) FROM goals \
             WHERE title LIKE 'kh:%' AND agreement = 'agreed')"
                .to_owned(),
            "goal agreed without its 'agreed' event, or the event without the agreement",
        ),
        (
            format!("UPDATE goals SET version = version + 1 WHERE id = ({harness_goal})"),
            "goal version not 1 + its agreements and assessments",
        ),
        (
            "DELETE FROM action_links WHERE id = (SELECT max(l.id) FROM action_links l \
             JOIN meetings m ON m.id = l.object_id \
             WHERE l.action = 'agree_meeting' AND m.location LIKE 'kh:%')"
                .to_owned(),
            "meeting without exactly one link to agree",
        ),
        (
            "DELETE FROM outbox WHERE id = \
             (SELECT max(id) FROM outbox WHERE kind = 'feedback_received')"
                .to_owned(),
            "feedback and its notices differ in number",
        ),
        (
            "DELETE FROM pair_messages WHERE id = \
             (SELECT min(id) FROM pair_messages WHERE body LIKE 'kh:%')"
                .to_owned(),
            "messages and their notices differ in number",
        ),
    ];
    let mut expected = Vec::new();
    for (statement, reported_as) in breaks {
        let changed = sqlx::query(&statement)
            .execute(&mut *connection)
            .await?
            .rows_affected();
        if changed > 0 {
            expected.push(reported_as);
        }
    }
    Ok(expected)
}
