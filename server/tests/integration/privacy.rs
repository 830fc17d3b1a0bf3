//! Privacy under Law 25 over HTTP (issue 20): consents recorded with their
//! version and withdrawn with their effect, consenting again after a
//! material change; a person's download holds every table's rows about
//! them and nothing of anyone else; reads of personal data are logged and
//! shown to their person and to the privacy officer alone; a confirmed
//! deletion leaves nothing personal of the person in any table; retention
//! removes exactly what its preview said.
mod consents;
mod deletion;
mod download;
mod reads;
mod retention;

use crate::common::{form, TestApp};
use app::accounts::Role;
use leptos::server_fn::ServerFn;

const PASSWORD: &str = "privacy-password-1";
const COHORT: &str = "hiver-2025";

/// Two mentees with similar data, each in a pair with their own mentor,
/// and the coordinator (the privacy officer: the first coordinator).
struct TwoPeople {
    app: TestApp,
    ana: Person,
    bea: Person,
    marc: Person,
    paul: Person,
    coordinator: String,
}

struct Person {
    account: i64,
    profile: i64,
    email: String,
    name: String,
    cookie: String,
    pair: i64,
}

impl TwoPeople {
    async fn new() -> TwoPeople {
        let app = TestApp::new().await;
        app.create_cohort(COHORT).await;
        app.create_account(Role::Coordinator, "claire@privacy.example", PASSWORD)
            .await;
        let coordinator = app.sign_in("claire@privacy.example", PASSWORD).await;
        let mut ana = person(&app, Role::Mentee, "Ana Arsenault").await;
        let mut bea = person(&app, Role::Mentee, "Béa Bouchard").await;
        let mut marc = person(&app, Role::Mentor, "Marc Martel").await;
        let mut paul = person(&app, Role::Mentor, "Paul Perron").await;
        for (mentee, mentor, marker) in [(&mut ana, &mut marc, "ANA"), (&mut bea, &mut paul, "BEA")]
        {
            let pair = app
                .insert_pair(COHORT, mentee.profile, mentor.profile)
                .await;
            app.activate_pair(pair).await;
            mentee.pair = pair;
            mentor.pair = pair;
            let ids = app.insert_workspace(pair).await;
            // Each person's texts carry their marker, to find them anywhere.
            for sql in [
                "UPDATE goals SET title = 'Objectif ' || ?1 WHERE id = ?2",
                "UPDATE meetings SET shared_notes = 'Notes ' || ?1 WHERE id = ?2",
                "UPDATE feedback SET strengths = 'Forces ' || ?1 WHERE id = ?2",
                "UPDATE pair_messages SET body = 'Bonjour ' || ?1 WHERE id = ?2",
            ] {
                let id = if sql.contains("goals") {
                    ids.goal_id
                } else if sql.contains("meetings") {
                    ids.meeting_id
                } else if sql.contains("feedback") {
                    ids.feedback_id
                } else {
                    ids.message_id
                };
                sqlx::query(sql)
                    .bind(marker)
                    .bind(id)
                    .execute(&app.pool)
                    .await
                    .expect("a marked text");
            }
            for sql in [
                "INSERT INTO meeting_private_notes (meeting_id, body, updated_at) \
                 VALUES (?2, 'Note privée ' || ?1, '2026-11-28T10:00:00Z')",
                "INSERT INTO pair_messages (pair_id, author_side, body, sent_at) \
                 SELECT pair_id, 'mentee', 'Réponse ' || ?1, '2026-11-28T10:00:00Z' \
                 FROM meetings WHERE id = ?2",
                "INSERT INTO fit_checks (pair_id, side, answer, comment, answered_at) \
                 SELECT pair_id, 'mentee', 'good_fit', 'Bilan mentoré ' || ?1, \
                        '2026-11-28T10:00:00Z' FROM meetings WHERE id = ?2",
                "INSERT INTO fit_checks (pair_id, side, answer, comment, answered_at) \
                 SELECT pair_id, 'mentor', 'good_fit', 'Bilan mentor ' || ?1, \
                        '2026-11-28T10:00:00Z' FROM meetings WHERE id = ?2",
            ] {
                sqlx::query(sql)
                    .bind(marker)
                    .bind(ids.meeting_id)
                    .execute(&app.pool)
                    .await
                    .expect("a marked row");
            }
        }
        TwoPeople {
            app,
            ana,
            bea,
            marc,
            paul,
            coordinator,
        }
    }

    /// Calls a server function with a session; the JSON answer decoded.
    async fn call<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        body: &str,
        cookie: &str,
    ) -> T {
        let response = self.app.call(path, body, Some(cookie)).await;
        assert!(
            response.status.is_success(),
            "{path}: {} {}",
            response.status,
            response.body
        );
        response.json()
    }
}

/// A signed-in mentor or mentee named `name`, with a profile in the cohort.
async fn person(app: &TestApp, role: Role, name: &str) -> Person {
    let first = name
        .split_whitespace()
        .next()
        .unwrap_or(name)
        .to_lowercase()
        .replace('é', "e");
    let email = format!("{first}@privacy.example");
    let account = app.create_account(role, &email, PASSWORD).await;
    sqlx::query("UPDATE accounts SET display_name = ? WHERE id = ?")
        .bind(name)
        .bind(account)
        .execute(&app.pool)
        .await
        .expect("the name is stored");
    let profile = app.profile_id_of(account).await;
    app.fill_profile(profile, COHORT, &[("fr", "fluent")], &[])
        .await;
    if role == Role::Mentor {
        app.set_capacity(profile, 2).await;
    }
    let cookie = app.sign_in(&email, PASSWORD).await;
    Person {
        account,
        profile,
        email,
        name: name.to_owned(),
        cookie,
        pair: 0,
    }
}

/// The log of reads, as the officer narrows it.
fn reads_filter(subject: &str, what: &str) -> String {
    form(&[
        ("reader", ""),
        ("subject", subject),
        ("what", what),
        ("from", ""),
        ("to", ""),
    ])
}

/// The path of a server function.
fn path<F: ServerFn>() -> &'static str {
    F::PATH
}
