//! Sending: the evaluation with the conclusion of a cohort, in each
//! person's language; the one reminder; the pulse at mid-cohort, once.
use super::*;
use app::evaluations::sending::{send_due_pulses, send_due_reminders};
use app::evaluations::{QuestionnaireKind, ResponseStatus};
use chrono::{DateTime, Duration, Utc};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("a valid time")
        .with_timezone(&Utc)
}

#[derive(sqlx::FromRow, Debug)]
struct Sent {
    recipient: String,
    locale: String,
    subject: String,
    action_url: Option<String>,
}

async fn sent(program: &Program, kind: &str) -> Vec<Sent> {
    sqlx::query_as(
        "SELECT recipient, locale, subject, action_url FROM outbox WHERE kind = ? ORDER BY id",
    )
    .bind(kind)
    .fetch_all(&program.app.pool)
    .await
    .expect("the outbox")
}

#[tokio::test]
async fn concluding_a_cohort_sends_the_evaluation_to_each_person_of_a_pair_in_their_language() {
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "en").await;
    let bruno = program.person(Role::Mentee, "bruno", "en").await;
    let nadia = program.person(Role::Mentor, "nadia", "fr").await;
    let chloe = program.person(Role::Mentee, "chloe", "fr").await;
    program.active_pair(&amina, &marc).await;
    // A proposal never answered is withdrawn: no pair, no evaluation.
    program
        .app
        .insert_pair(COHORT, bruno.profile, nadia.profile)
        .await;
    // A pair ended early still had its time: it is asked too.
    let ended = program.active_pair(&chloe, &marc).await;
    sqlx::query(
        "UPDATE pairs SET status = 'ended', closed_at = '2026-03-01T12:00:00Z' WHERE id = ?",
    )
    .bind(ended)
    .execute(&program.app.pool)
    .await
    .expect("the pair ended");
    assert!(program.invites(&amina).await.is_empty(), "nothing before");

    program.conclude().await;

    let sendings = program
        .count("SELECT COUNT(*) FROM questionnaire_sendings WHERE kind = 'evaluation'")
        .await;
    assert_eq!(sendings, 1);
    // One response each, even for marc and his two pairs.
    assert_eq!(
        program
            .count("SELECT COUNT(*) FROM questionnaire_responses")
            .await,
        3
    );
    for person in [&amina, &marc, &chloe] {
        let invites = program.invites(person).await;
        assert_eq!(invites.len(), 1, "{}", person.email);
        assert_eq!(invites[0].kind, QuestionnaireKind::Evaluation);
        assert_eq!(invites[0].status, ResponseStatus::Pending);
    }
    for person in [&bruno, &nadia] {
        assert!(program.invites(person).await.is_empty(), "{}", person.email);
    }
    let emails = sent(&program, "questionnaire_sent").await;
    assert_eq!(emails.len(), 3, "{emails:?}");
    let amina_response = program.response_of(&amina).await;
    let to_amina = emails
        .iter()
        .find(|email| email.recipient == amina.email)
        .expect("amina's email");
    assert_eq!(to_amina.locale, "fr");
    assert_eq!(to_amina.subject, "Votre avis sur le programme de mentorat");
    assert!(to_amina
        .action_url
        .as_deref()
        .is_some_and(|url| url.ends_with(&format!("/questionnaire/{amina_response}"))));
    let to_marc = emails
        .iter()
        .find(|email| email.recipient == marc.email)
        .expect("marc's email");
    assert_eq!(
        (to_marc.locale.as_str(), to_marc.subject.as_str()),
        ("en", "Your opinion on the mentoring program")
    );
    let audited = program
        .count(
            "SELECT COUNT(*) FROM audit_log WHERE event = 'questionnaire_sent' \
             AND detail = 'hiver-2025/evaluation: 3'",
        )
        .await;
    assert_eq!(audited, 1);

    // Her area page says a questionnaire waits, with its link.
    let page = program.app.get_with_cookie("/mentee", &amina.cookie).await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Vos questionnaires"), "{}", page.body);
    assert!(page
        .body
        .contains(&format!("href=\"/questionnaire/{amina_response}\"")));
}

#[tokio::test]
async fn the_reminder_goes_once_a_week_later_to_those_who_have_not_sent() {
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "en").await;
    program.active_pair(&amina, &marc).await;
    program.conclude().await;
    // Amina sends hers; Marc keeps a draft (a draft is not sent: reminded).
    let id = program.response_of(&amina).await;
    let response = program.mine(&amina, id).await;
    program
        .save(
            &amina,
            id,
            "send",
            &complete_answers(&response, "4", "Merci"),
        )
        .await
        .assert_status(StatusCode::OK);
    let marc_id = program.response_of(&marc).await;
    program
        .save(&marc, marc_id, "draft", &[])
        .await
        .assert_status(StatusCode::OK);

    let sent_at: String = sqlx::query_scalar("SELECT sent_at FROM questionnaire_sendings")
        .fetch_one(&program.app.pool)
        .await
        .expect("the sending");
    let sent_at = at(&sent_at);
    let url = "http://mentorat.test";
    let too_early = send_due_reminders(&program.app.pool, url, sent_at + Duration::days(6))
        .await
        .expect("reminders run");
    assert_eq!(too_early, 0);
    assert!(sent(&program, "questionnaire_reminder").await.is_empty());

    let due = send_due_reminders(&program.app.pool, url, sent_at + Duration::days(7))
        .await
        .expect("reminders run");
    assert_eq!(due, 1);
    let reminders = sent(&program, "questionnaire_reminder").await;
    assert_eq!(reminders.len(), 1, "{reminders:?}");
    assert_eq!(reminders[0].recipient, marc.email);
    assert_eq!(
        reminders[0].subject,
        "Reminder: your opinion on the mentoring program"
    );
    assert_eq!(
        reminders[0].action_url.as_deref(),
        Some(format!("{url}/questionnaire/{marc_id}").as_str())
    );

    // Never twice.
    let again = send_due_reminders(&program.app.pool, url, sent_at + Duration::days(30))
        .await
        .expect("reminders run");
    assert_eq!(again, 0);
    assert_eq!(sent(&program, "questionnaire_reminder").await.len(), 1);
}

#[tokio::test]
async fn the_pulse_goes_once_at_mid_cohort_to_the_people_of_active_pairs() {
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "en").await;
    let bruno = program.person(Role::Mentee, "bruno", "fr").await;
    let nadia = program.person(Role::Mentor, "nadia", "fr").await;
    program.active_pair(&amina, &marc).await;
    let proposed = program
        .app
        .insert_pair(COHORT, bruno.profile, nadia.profile)
        .await;
    // The cohort runs from 2025-01-13 to 2026-12-18: its middle is 2025-12-31
    // (Montréal), 352 days after its start.
    let url = "http://mentorat.test";
    let before = send_due_pulses(&program.app.pool, url, at("2025-12-31T04:00:00Z"))
        .await
        .expect("pulses run");
    assert_eq!(before, 0, "still 2025-12-30 in Montréal");
    assert!(program.invites(&amina).await.is_empty());

    let due = send_due_pulses(&program.app.pool, url, at("2025-12-31T14:00:00Z"))
        .await
        .expect("pulses run");
    assert_eq!(due, 1);
    for person in [&amina, &marc] {
        let invites = program.invites(person).await;
        assert_eq!(invites.len(), 1, "{}", person.email);
        assert_eq!(invites[0].kind, QuestionnaireKind::Pulse);
    }
    for person in [&bruno, &nadia] {
        assert!(program.invites(person).await.is_empty(), "no active pair");
    }
    let emails = sent(&program, "questionnaire_sent").await;
    assert_eq!(emails.len(), 2);
    assert!(emails.iter().any(|email| email.recipient == amina.email
        && email.subject == "Comment se passe votre mentorat ?"));
    assert!(emails
        .iter()
        .any(|email| email.recipient == marc.email
            && email.subject == "How is your mentoring going?"));
    let pulse = program
        .mine(&amina, program.response_of(&amina).await)
        .await;
    assert_eq!(pulse.questions.len(), 2, "a pulse asks two questions");

    // Once: neither the next day nor when more pairs start.
    program.app.activate_pair(proposed).await;
    let again = send_due_pulses(&program.app.pool, url, at("2026-01-02T14:00:00Z"))
        .await
        .expect("pulses run");
    assert_eq!(again, 0);
    assert_eq!(sent(&program, "questionnaire_sent").await.len(), 2);
    assert_eq!(
        program
            .count("SELECT COUNT(*) FROM audit_log WHERE event = 'questionnaire_sent'")
            .await,
        1
    );
}
