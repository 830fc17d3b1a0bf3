//! One pair's people and another pair's ids: every pair-scoped server
//! function of the authorization matrix (and a meeting's `.ics`), called by
//! the first pair's own mentor or mentee — who may call it on their pair —
//! with the ids of the second pair, is refused and changes nothing. And an
//! item of the second pair cannot be slipped into a write on one's own pair.
//!
//! The rows and the fixture are the matrix's (`authorization_matrix`): a
//! function added there with a pair-scoped rule is checked here too.
use std::collections::BTreeMap;

use app::feedback::api::GiveFeedback;
use app::meetings::api::{NextStepToMilestone, PlanMeeting};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

use crate::authorization_matrix::{
    file_rows, matrix_app, rows, Caller, FileRule, Fixture, PASSWORD,
};
use crate::common::{form, TestApp};

/// The pair-scoped rows there are today, less a few: fewer checked means a
/// rule or a row was lost, not that there is less to check.
const AT_LEAST_PAIR_SCOPED_ROWS: usize = 25;

/// One session for each of the first pair's people: every call below must
/// be refused, so none of them can end it.
async fn first_pair_sessions(app: &TestApp) -> BTreeMap<Caller, String> {
    let mut cookies = BTreeMap::new();
    for caller in [Caller::Mentee, Caller::Mentor] {
        let email = caller.email().expect("the pair's people have accounts");
        cookies.insert(caller, app.sign_in(email, PASSWORD).await);
    }
    cookies
}

#[tokio::test]
async fn a_pair_s_own_people_are_refused_everything_of_another_pair_by_its_ids() {
    let (app, fixture) = matrix_app().await;
    let cookies = first_pair_sessions(&app).await;
    let second = fixture.aimed_at_second_pair();
    assert_ne!(second.pair_id, fixture.pair_id, "the ids are swapped");
    let mut failures = Vec::new();
    let mut rows_checked = 0;
    let mut calls = 0;
    for row in rows() {
        let callers = row.rule.rightful_pair_callers();
        if callers.is_empty() {
            continue;
        }
        rows_checked += 1;
        for caller in callers {
            // On their own pair the matrix lets this caller in: here only the
            // ids differ.
            assert_eq!(row.rule.refusal_for(*caller), None, "{}", row.path);
            let before = app.fingerprint().await;
            let response = app
                .call(row.path, &(row.body)(&second), Some(&cookies[caller]))
                .await;
            calls += 1;
            // 403 or, where the function answers so for an item the caller
            // may not know of, 404; never a success, nor a 409 or a 400
            // that would mean the pair's state was looked at first.
            if !matches!(
                response.status,
                StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
            ) {
                failures.push(format!(
                    "{} as {caller:?} on the second pair: got {} {}",
                    row.path, response.status, response.body
                ));
            } else if app.fingerprint().await != before {
                failures.push(format!(
                    "{} as {caller:?} on the second pair: refused but changed data",
                    row.path
                ));
            }
        }
    }
    // The second pair's meeting as a calendar file.
    for row in file_rows() {
        if !matches!(row.rule, FileRule::PairMember) {
            continue;
        }
        rows_checked += 1;
        let path = (row.path)(&second);
        for (caller, cookie) in &cookies {
            let before = app.fingerprint().await;
            let response = app.get_with_cookie(&path, cookie).await;
            calls += 1;
            if response.status != StatusCode::FORBIDDEN || response.body.contains("VEVENT") {
                failures.push(format!(
                    "GET {path} as {caller:?}: got {} {}",
                    response.status, response.body
                ));
            } else if app.fingerprint().await != before {
                failures.push(format!("GET {path} as {caller:?}: changed data"));
            }
        }
    }
    assert!(
        rows_checked >= AT_LEAST_PAIR_SCOPED_ROWS,
        "only {rows_checked} pair-scoped rows checked ({calls} calls)"
    );
    assert!(
        failures.is_empty(),
        "reached across pairs:\n{}",
        failures.join("\n")
    );
}

/// A write on one's own pair that names an item of the second pair.
struct Mixed {
    what: &'static str,
    caller: Caller,
    path: &'static str,
    /// The body, naming the second pair's item (`true`) or the first's.
    body: fn(&Fixture, bool) -> String,
}

fn mixed_writes() -> Vec<Mixed> {
    vec![
        Mixed {
            what: "a feedback on one's pair about the other pair's meeting",
            caller: Caller::Mentor,
            path: GiveFeedback::PATH,
            body: |fixture, across| {
                let meeting = if across {
                    fixture.second_pair.meeting_id
                } else {
                    fixture.meeting_id
                };
                feedback_form(fixture.pair_id, &meeting.to_string(), "")
            },
        },
        Mixed {
            what: "a feedback on one's pair about the other pair's goal",
            caller: Caller::Mentor,
            path: GiveFeedback::PATH,
            body: |fixture, across| {
                let goal = if across {
                    fixture.second_pair.goal_id
                } else {
                    fixture.goal_id
                };
                feedback_form(fixture.pair_id, "", &goal.to_string())
            },
        },
        Mixed {
            what: "a meeting of one's pair with the other pair's goal as objective",
            caller: Caller::Mentee,
            path: PlanMeeting::PATH,
            body: |fixture, across| {
                let goal = if across {
                    fixture.second_pair.goal_id
                } else {
                    fixture.goal_id
                };
                meeting_form(fixture.pair_id, &format!("goal:{goal}"))
            },
        },
        Mixed {
            what: "a meeting of one's pair with the other pair's milestone as objective",
            caller: Caller::Mentee,
            path: PlanMeeting::PATH,
            body: |fixture, across| {
                let milestone = if across {
                    fixture.second_pair.milestone_id
                } else {
                    fixture.milestone_id
                };
                meeting_form(fixture.pair_id, &format!("milestone:{milestone}"))
            },
        },
        Mixed {
            what: "one's meeting's next step made a milestone of the other pair's goal",
            caller: Caller::Mentee,
            path: NextStepToMilestone::PATH,
            body: |fixture, across| {
                let goal = if across {
                    fixture.second_pair.goal_id
                } else {
                    fixture.goal_id
                };
                form(&[
                    ("step_id", &fixture.next_step_id.to_string()),
                    ("goal_id", &goal.to_string()),
                    ("goal_version", "1"),
                ])
            },
        },
    ]
}

fn feedback_form(pair_id: i64, meeting_id: &str, goal_id: &str) -> String {
    form(&[
        ("pair_id", &pair_id.to_string()),
        ("meeting_id", meeting_id),
        ("goal_id", goal_id),
        ("goal_progress", ""),
        ("strengths", "Forces"),
        ("to_improve", "À améliorer"),
        ("observations", "Observations"),
        ("next_step", "Suite"),
    ])
}

fn meeting_form(pair_id: i64, objective: &str) -> String {
    form(&[
        ("pair_id", &pair_id.to_string()),
        ("date", "2099-01-05"),
        ("time", "14:00"),
        ("duration_minutes", "60"),
        ("modality", "video"),
        ("location", ""),
        ("objectives[]", objective),
        ("free_objectives", ""),
    ])
}

#[tokio::test]
async fn an_item_of_another_pair_cannot_be_slipped_into_a_write_on_ones_own_pair() {
    let (app, fixture) = matrix_app().await;
    let cookies = first_pair_sessions(&app).await;
    let mut failures = Vec::new();
    for mixed in mixed_writes() {
        let before = app.fingerprint().await;
        let response = app
            .call(
                mixed.path,
                &(mixed.body)(&fixture, true),
                Some(&cookies[&mixed.caller]),
            )
            .await;
        // Refused as a wrong choice (400) or a stranger's item (403/404).
        if !response.status.is_client_error() || response.status == StatusCode::UNAUTHORIZED {
            failures.push(format!(
                "{}: got {} {}",
                mixed.what, response.status, response.body
            ));
        } else if app.fingerprint().await != before {
            failures.push(format!("{}: refused but changed data", mixed.what));
        }
    }
    // The same writes naming the first pair's own items go through: what
    // was refused above was the other pair's item, not the rest of the form.
    for mixed in mixed_writes() {
        let response = app
            .call(
                mixed.path,
                &(mixed.body)(&fixture, false),
                Some(&cookies[&mixed.caller]),
            )
            .await;
        if response.status != StatusCode::OK {
            failures.push(format!(
                "{} with the pair's own item: got {} {}",
                mixed.what, response.status, response.body
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
