//! Sending questionnaires: the evaluation when a cohort is concluded (in the
//! conclusion's transaction), the pulse at mid-cohort and the one reminder a
//! week after a sending (the server's background task calls
//! [`send_due_pulses`] and [`send_due_reminders`]). Each email goes in its
//! recipient's language, with the link to their own response.
use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

use super::{pulse_is_due, reminder_is_due, QuestionnaireKind};
use crate::audit::repo::{record, AuditRecord};
use crate::audit::AuditEvent;
use crate::outbox::compose::{questionnaire_reminder, questionnaire_sent};
use crate::outbox::repo::enqueue_composed;
use crate::outbox::EmailKind;
use crate::program_time::utc_text;

/// A person a questionnaire goes to.
#[derive(sqlx::FromRow)]
struct Recipient {
    profile_id: i64,
    audience: String,
    email: String,
    display_name: String,
    locale: String,
}

#[derive(sqlx::FromRow)]
struct CohortNames {
    name_fr: String,
    name_en: String,
}

async fn cohort_names(
    connection: &mut SqliteConnection,
    cohort_id: i64,
) -> Result<CohortNames, sqlx::Error> {
    sqlx::query_as("SELECT name_fr, name_en FROM cohorts WHERE id = ?")
        .bind(cohort_id)
        .fetch_one(&mut *connection)
        .await
}

/// The link a person answers at.
pub fn response_url(public_url: &str, response_id: i64) -> String {
    format!("{public_url}/questionnaire/{response_id}")
}

/// Sends the questionnaire of `kind` to the cohort's people, in the
/// caller's transaction: the evaluation to each person who had a pair in it
/// (completed or ended early), the pulse to each person of an active pair;
/// one response each (one per person, whatever their number of pairs), and
/// an email each. `None` when it was already sent to this cohort; `Some(0)`
/// when nobody is concerned (then nothing is recorded, so that a pulse may
/// still go once a pair is active).
pub async fn send_questionnaire(
    connection: &mut SqliteConnection,
    cohort_id: i64,
    kind: QuestionnaireKind,
    public_url: &str,
    now: &str,
) -> Result<Option<usize>, sqlx::Error> {
    let already: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM questionnaire_sendings WHERE cohort_id = ? AND kind = ?)",
    )
    .bind(cohort_id)
    .bind(kind.as_str())
    .fetch_one(&mut *connection)
    .await?;
    if already {
        return Ok(None);
    }
    let concerned = match kind {
        QuestionnaireKind::Evaluation => "p.status IN ('completed', 'ended')",
        QuestionnaireKind::Pulse => "p.status = 'active'",
    };
    let recipients: Vec<Recipient> = sqlx::query_as(&format!(
        "SELECT DISTINCT pr.id AS profile_id, pr.role AS audience, a.email, a.display_name, \
                a.locale \
         FROM pairs p \
         JOIN profiles pr ON pr.id = p.mentee_profile_id OR pr.id = p.mentor_profile_id \
         JOIN accounts a ON a.id = pr.account_id \
         WHERE p.cohort_id = ? AND {concerned} AND a.is_disabled = 0 \
         ORDER BY pr.id"
    ))
    .bind(cohort_id)
    .fetch_all(&mut *connection)
    .await?;
    if recipients.is_empty() {
        return Ok(Some(0));
    }
    let names = cohort_names(connection, cohort_id).await?;
    let sending_id = sqlx::query(
        "INSERT INTO questionnaire_sendings (cohort_id, kind, sent_at) VALUES (?, ?, ?)",
    )
    .bind(cohort_id)
    .bind(kind.as_str())
    .bind(now)
    .execute(&mut *connection)
    .await?
    .last_insert_rowid();
    let mut sent = 0;
    for recipient in &recipients {
        // The others still get theirs; this one is logged, naming the role.
        let Some(audience) = crate::stored::decode_or_skip("profiles", "role", &recipient.audience)
        else {
            tracing::error!(
                profile = recipient.profile_id,
                "a profile of an unknown role"
            );
            continue;
        };
        let questionnaire = super::repo::questionnaire_id(connection, kind, audience).await?;
        let response_id = sqlx::query(
            "INSERT INTO questionnaire_responses (sending_id, questionnaire_id, profile_id) \
             VALUES (?, ?, ?)",
        )
        .bind(sending_id)
        .bind(questionnaire)
        .bind(recipient.profile_id)
        .execute(&mut *connection)
        .await?
        .last_insert_rowid();
        let composed = questionnaire_sent(
            &recipient.locale,
            &recipient.display_name,
            &names.name_fr,
            &names.name_en,
            kind == QuestionnaireKind::Pulse,
        );
        enqueue_composed(
            connection,
            EmailKind::QuestionnaireSent,
            &recipient.email,
            &recipient.locale,
            &composed,
            Some(&response_url(public_url, response_id)),
        )
        .await?;
        sent += 1;
    }
    Ok(Some(sent))
}

#[derive(sqlx::FromRow)]
struct OpenCohort {
    id: i64,
    code: String,
    starts_on: chrono::NaiveDate,
    ends_on: chrono::NaiveDate,
}

/// Sends the pulse of each cohort at its middle (program day), once, to
/// the people of its active pairs; how many cohorts got it.
pub async fn send_due_pulses(
    pool: &SqlitePool,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    let today = now
        .with_timezone(&crate::program_time::TIME_ZONE)
        .date_naive();
    let cohorts: Vec<OpenCohort> = sqlx::query_as(
        "SELECT c.id, c.code, c.starts_on, c.ends_on FROM cohorts c \
         WHERE c.closed_at IS NULL AND NOT EXISTS ( \
             SELECT 1 FROM questionnaire_sendings s WHERE s.cohort_id = c.id AND s.kind = 'pulse') \
         ORDER BY c.id",
    )
    .fetch_all(pool)
    .await?;
    let mut cohorts_sent = 0;
    for cohort in cohorts
        .into_iter()
        .filter(|cohort| pulse_is_due(cohort.starts_on, cohort.ends_on, false, today))
    {
        let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
        let sent = send_questionnaire(
            &mut transaction,
            cohort.id,
            QuestionnaireKind::Pulse,
            public_url,
            &utc_text(now),
        )
        .await?;
        transaction.commit().await?;
        if let Some(count @ 1..) = sent {
            cohorts_sent += 1;
            audit_sending(pool, None, &cohort.code, QuestionnaireKind::Pulse, count).await;
        }
    }
    Ok(cohorts_sent)
}

/// Records a sending in the audit log: who (`None`: the program itself),
/// which cohort and questionnaire, to how many people.
pub async fn audit_sending(
    pool: &SqlitePool,
    actor_id: Option<i64>,
    cohort_code: &str,
    kind: QuestionnaireKind,
    count: usize,
) {
    let detail = format!("{cohort_code}/{}: {count}", kind.as_str());
    record(
        pool,
        AuditEvent::QuestionnaireSent,
        AuditRecord {
            actor_id,
            detail: Some(&detail),
            ..AuditRecord::default()
        },
    )
    .await;
}

#[derive(sqlx::FromRow)]
struct UnremindedSending {
    id: i64,
    cohort_id: i64,
    kind: String,
    sent_at: String,
}

#[derive(sqlx::FromRow)]
struct Unanswered {
    response_id: i64,
    email: String,
    display_name: String,
    locale: String,
}

/// Reminds, once, a week after each sending, the people who have not
/// submitted their response (a draft included); how many sendings were
/// reminded. The sending is marked first, in the same transaction: a
/// reminder never goes twice.
pub async fn send_due_reminders(
    pool: &SqlitePool,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, sqlx::Error> {
    let sendings: Vec<UnremindedSending> = sqlx::query_as(
        "SELECT id, cohort_id, kind, sent_at FROM questionnaire_sendings \
         WHERE reminded_at IS NULL ORDER BY id",
    )
    .fetch_all(pool)
    .await?;
    let now_text = utc_text(now);
    let mut reminded = 0;
    for sending in sendings {
        let due = chrono::DateTime::parse_from_rfc3339(&sending.sent_at)
            .map(|sent| reminder_is_due(sent.with_timezone(&Utc), now))
            .unwrap_or(false);
        if !due {
            continue;
        }
        // The other reminders still go; this one is logged, naming the kind.
        let Some(kind) = crate::stored::decode_or_skip::<QuestionnaireKind>(
            "questionnaire_sendings",
            "kind",
            &sending.kind,
        ) else {
            continue;
        };
        let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
        let marked = sqlx::query(
            "UPDATE questionnaire_sendings SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL",
        )
        .bind(&now_text)
        .bind(sending.id)
        .execute(&mut *transaction)
        .await?;
        if marked.rows_affected() == 0 {
            continue;
        }
        let names = cohort_names(&mut transaction, sending.cohort_id).await?;
        let unanswered: Vec<Unanswered> = sqlx::query_as(
            "SELECT r.id AS response_id, a.email, a.display_name, a.locale \
             FROM questionnaire_responses r \
             JOIN profiles p ON p.id = r.profile_id JOIN accounts a ON a.id = p.account_id \
             WHERE r.sending_id = ? AND r.submitted_at IS NULL AND a.is_disabled = 0 \
             ORDER BY r.id",
        )
        .bind(sending.id)
        .fetch_all(&mut *transaction)
        .await?;
        for person in &unanswered {
            let composed = questionnaire_reminder(
                &person.locale,
                &person.display_name,
                &names.name_fr,
                &names.name_en,
                kind == QuestionnaireKind::Pulse,
            );
            enqueue_composed(
                &mut transaction,
                EmailKind::QuestionnaireReminder,
                &person.email,
                &person.locale,
                &composed,
                Some(&response_url(public_url, person.response_id)),
            )
            .await?;
        }
        transaction.commit().await?;
        reminded += 1;
    }
    Ok(reminded)
}
