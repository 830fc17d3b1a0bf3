//! The authorization matrix: every server function of the app, called through
//! HTTP by each kind of caller, answers as the policy says — and a refused call
//! changes nothing. The callers include three whose old cookie no longer
//! proves their account (disabled, role changed, password changed), and the
//! routes outside the server functions (calendar files, exports, the data
//! download) have their own table (`files`); the rows are in `rows`.
//! `cross_pair` reuses them with the second pair's ids.
//!
//! The list of server functions comes from the running app's registry, not
//! from this file: a server function without a row here fails the test.

use std::collections::BTreeMap;

use crate::common::{form, TestApp, WorkspaceIds};
use app::accounts::Role;
use app::people::api::{ChangeAccountRole, ChangePassword, GetMyAccount, SetAccountDisabled};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

mod files;
mod rows;
pub(crate) use files::*;
pub(crate) use rows::rows;

pub(crate) const PASSWORD: &str = "matrix-password-1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Caller {
    Anonymous,
    Mentee,
    OtherMentee,
    Mentor,
    OtherMentor,
    Coordinator,
    /// A coordinator holding the charge of privacy officer: a coordinator
    /// like the others, who alone may call the privacy office's functions.
    PrivacyOfficer,
    /// `Mentee`'s cookie from before a coordinator disabled her account.
    Disabled,
    /// `Mentor`'s cookie from before a coordinator made him a mentee.
    RoleChanged,
    /// `PrivacyOfficer`'s cookie from before she changed her password (on
    /// another device).
    StaleSession,
}

/// The callers who sign in afresh for every call.
pub(crate) const CALLERS: [Caller; 7] = [
    Caller::Anonymous,
    Caller::Mentee,
    Caller::OtherMentee,
    Caller::Mentor,
    Caller::OtherMentor,
    Caller::Coordinator,
    Caller::PrivacyOfficer,
];

/// The callers whose one cookie, taken while it was good, stopped proving
/// their account (see `lapse`). Each is the person with the most to open
/// of their kind: the first pair's two people and the privacy officer.
pub(crate) const LAPSED: [Caller; 3] =
    [Caller::Disabled, Caller::RoleChanged, Caller::StaleSession];

impl Caller {
    /// The account's email: a lapsed caller's is the account whose old cookie it holds.
    pub(crate) fn email(self) -> Option<&'static str> {
        match self {
            Caller::Anonymous => None,
            Caller::Mentee | Caller::Disabled => Some("mentee@matrix.example"),
            Caller::OtherMentee => Some("other-mentee@matrix.example"),
            Caller::Mentor | Caller::RoleChanged => Some("mentor@matrix.example"),
            Caller::OtherMentor => Some("other-mentor@matrix.example"),
            Caller::Coordinator => Some("coordinator@matrix.example"),
            Caller::PrivacyOfficer | Caller::StaleSession => Some("officer@matrix.example"),
        }
    }

    /// The role the caller's session proves: none when signed out, nor for
    /// a cookie that no longer proves its account.
    pub(crate) fn role(self) -> Option<Role> {
        match self {
            Caller::Anonymous | Caller::Disabled | Caller::RoleChanged | Caller::StaleSession => {
                None
            }
            Caller::Mentee | Caller::OtherMentee => Some(Role::Mentee),
            Caller::Mentor | Caller::OtherMentor => Some(Role::Mentor),
            Caller::Coordinator | Caller::PrivacyOfficer => Some(Role::Coordinator),
        }
    }
}

/// Who may call a server function.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Rule {
    /// Everyone, signed in or not.
    Public,
    /// Any signed-in person (on their own account).
    SignedIn,
    /// Only people with this role.
    Only(Role),
    /// Mentors and mentees, each on their own profile (coordinators have none).
    OwnProfile,
    /// The two people of the fixture's pair (`Mentor` and `Mentee`), no one else.
    PairMember,
    /// The fixture pair's mentor alone (feedback, assessments, private notes).
    PairMentor,
    /// The fixture pair's mentee alone (acknowledging feedback).
    PairMentee,
    /// The author of the fixture's questionnaire response (`Mentee`) alone:
    /// not the other person of the pair, not the coordination.
    ResponseAuthor,
    /// The privacy officer alone (`Access::PrivacyOfficer`): not another
    /// coordinator.
    PrivacyOfficer,
}

impl Rule {
    /// The status the caller must get: `None` for "allowed" (anything but 401/403).
    pub(crate) fn refusal_for(self, caller: Caller) -> Option<StatusCode> {
        match (self, caller.role()) {
            (Rule::Public, _) => None,
            (_, None) => Some(StatusCode::UNAUTHORIZED),
            (Rule::SignedIn, Some(_)) => None,
            (Rule::Only(required), Some(role)) if role == required => None,
            (Rule::Only(_), Some(_)) => Some(StatusCode::FORBIDDEN),
            (Rule::OwnProfile, Some(Role::Coordinator)) => Some(StatusCode::FORBIDDEN),
            (Rule::OwnProfile, Some(_)) => None,
            (Rule::PairMember, Some(_)) if matches!(caller, Caller::Mentor | Caller::Mentee) => {
                None
            }
            (Rule::PairMember, Some(_)) => Some(StatusCode::FORBIDDEN),
            (Rule::PairMentor, Some(_)) if caller == Caller::Mentor => None,
            (Rule::PairMentee, Some(_)) if caller == Caller::Mentee => None,
            (Rule::PairMentor | Rule::PairMentee, Some(_)) => Some(StatusCode::FORBIDDEN),
            (Rule::ResponseAuthor, Some(_)) if caller == Caller::Mentee => None,
            (Rule::ResponseAuthor, Some(_)) => Some(StatusCode::FORBIDDEN),
            (Rule::PrivacyOfficer, Some(_)) if caller == Caller::PrivacyOfficer => None,
            (Rule::PrivacyOfficer, Some(_)) => Some(StatusCode::FORBIDDEN),
        }
    }

    /// The first pair's people a pair-scoped rule lets in (none for the
    /// other rules): who `cross_pair` sends at the second pair's ids.
    pub(crate) fn rightful_pair_callers(self) -> &'static [Caller] {
        match self {
            Rule::PairMember => &[Caller::Mentee, Caller::Mentor],
            Rule::PairMentor => &[Caller::Mentor],
            Rule::PairMentee | Rule::ResponseAuthor => &[Caller::Mentee],
            Rule::Public
            | Rule::SignedIn
            | Rule::Only(_)
            | Rule::OwnProfile
            | Rule::PrivacyOfficer => &[],
        }
    }
}

/// One row: a server function, who may call it, and a request body. Bodies of
/// writes are valid enough to reach the authorization check, and aimed at a
/// bystander account so that an allowed call harms none of the callers.
pub(crate) struct Row {
    pub(crate) path: &'static str,
    pub(crate) rule: Rule,
    pub(crate) body: fn(&Fixture) -> String,
}

/// The ids of one pair and of what is in its workspace.
#[derive(Debug, Clone)]
pub(crate) struct PairIds {
    pub(crate) pair_id: i64,
    pub(crate) mentor_profile_id: i64,
    pub(crate) goal_id: i64,
    pub(crate) milestone_id: i64,
    pub(crate) meeting_id: i64,
    pub(crate) next_step_id: i64,
    pub(crate) feedback_id: i64,
    pub(crate) message_id: i64,
    /// The pair's mentee's response to the cohort's evaluation.
    pub(crate) response_id: i64,
}

#[derive(Debug, Clone)]
pub(crate) struct Fixture {
    pub(crate) bystander_id: i64,
    pub(crate) bystander_profile_id: i64,
    /// A proposed pair of two other bystanders, for the coordination's
    /// writes that close a pair (withdraw, end): not the callers' pair.
    pub(crate) closing_pair_id: i64,
    /// Another, for the coordination's decision on its unanswered proposal
    /// and its nudge.
    pub(crate) nudged_pair_id: i64,
    pub(crate) application_id: i64,
    /// An active pair of `Caller::Mentor` and `Caller::Mentee`: what the
    /// pair-scoped rows aim at.
    pub(crate) pair_id: i64,
    pub(crate) mentor_profile_id: i64,
    /// A goal, its milestone, a meeting (with a next step), a feedback and
    /// a message of that pair.
    pub(crate) goal_id: i64,
    pub(crate) milestone_id: i64,
    pub(crate) meeting_id: i64,
    pub(crate) next_step_id: i64,
    pub(crate) feedback_id: i64,
    pub(crate) message_id: i64,
    /// `Caller::Mentee`'s response to an evaluation, and a pulse question.
    pub(crate) response_id: i64,
    pub(crate) pulse_question_id: i64,
    /// The second pair (`OtherMentor` and `OtherMentee`, active too, its
    /// workspace holding the same items): the rows never aim at it, but
    /// `cross_pair` aims them there (`aimed_at_second_pair`).
    pub(crate) second_pair: PairIds,
    /// The calendar feed token of `OtherMentee`.
    pub(crate) feed_token: String,
    /// The token of a data download link of `Mentee` (made again before
    /// each call: a link works once).
    pub(crate) download_token: String,
}

impl Fixture {
    /// The same fixture with every id of the first pair replaced by the
    /// second pair's: the rows' bodies then aim at a pair the first pair's
    /// people are strangers to.
    pub(crate) fn aimed_at_second_pair(&self) -> Fixture {
        let other = &self.second_pair;
        Fixture {
            pair_id: other.pair_id,
            mentor_profile_id: other.mentor_profile_id,
            goal_id: other.goal_id,
            milestone_id: other.milestone_id,
            meeting_id: other.meeting_id,
            next_step_id: other.next_step_id,
            feedback_id: other.feedback_id,
            message_id: other.message_id,
            response_id: other.response_id,
            ..self.clone()
        }
    }
}

/// An evaluation sent to the cohort `cohort`, with a pending response of
/// each mentee of `profile_ids` (in that order), straight into the database.
async fn insert_responses(app: &TestApp, cohort: &str, profile_ids: &[i64]) -> Vec<i64> {
    let sending: i64 = sqlx::query(
        "INSERT INTO questionnaire_sendings (cohort_id, kind, sent_at) \
         VALUES ((SELECT id FROM cohorts WHERE code = ?), 'evaluation', '2026-11-27T10:00:00Z')",
    )
    .bind(cohort)
    .execute(&app.pool)
    .await
    .expect("the sending is stored")
    .last_insert_rowid();
    let mut responses = Vec::new();
    for profile_id in profile_ids {
        let response = sqlx::query(
            "INSERT INTO questionnaire_responses (sending_id, questionnaire_id, profile_id) \
             VALUES (?, (SELECT id FROM questionnaires WHERE kind = 'evaluation' \
                         AND audience = 'mentee'), ?)",
        )
        .bind(sending)
        .bind(profile_id)
        .execute(&app.pool)
        .await
        .expect("the response is stored")
        .last_insert_rowid();
        responses.push(response);
    }
    responses
}

#[tokio::test]
async fn every_server_function_has_a_row_in_the_matrix() {
    // The registry fills when the app is linked; building the router makes sure.
    let _app = TestApp::new().await;
    let rows: BTreeMap<&str, Rule> = rows().into_iter().map(|row| (row.path, row.rule)).collect();
    let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    assert!(
        registered.len() >= 20,
        "the registry looks empty: {registered:?}"
    );
    let missing: Vec<&&str> = registered
        .iter()
        .filter(|path| !rows.contains_key(**path))
        .collect();
    assert!(
        missing.is_empty(),
        "server functions without a row in the authorization matrix: {missing:?}. \
         Add a row saying who may call each one."
    );
    let stale: Vec<&&str> = rows
        .keys()
        .filter(|path| !registered.contains(path))
        .collect();
    assert!(
        stale.is_empty(),
        "rows for server functions that no longer exist: {stale:?}"
    );
}

/// The account of `caller`.
pub(crate) async fn account_of(app: &TestApp, caller: Caller) -> i64 {
    sqlx::query_scalar("SELECT id FROM accounts WHERE email = ?")
        .bind(caller.email())
        .fetch_one(&app.pool)
        .await
        .expect("the caller has an account")
}

/// An active pair of two profiles of the cohort `matrix`, with a workspace.
async fn active_pair(
    app: &TestApp,
    mentee_profile: i64,
    mentor_profile: i64,
) -> (i64, WorkspaceIds) {
    let pair_id = app
        .insert_pair("matrix", mentee_profile, mentor_profile)
        .await;
    app.activate_pair(pair_id).await;
    (pair_id, app.insert_workspace(pair_id).await)
}

/// A calendar feed of `account_id`, straight into the database: its token.
pub(crate) async fn insert_feed(app: &TestApp, account_id: i64) -> String {
    let (token, hash) = app::accounts::tokens::new_token();
    app::calendar::repo::replace_feed(&app.pool, account_id, &hash, "2026-11-27T10:00:00Z")
        .await
        .expect("the feed is stored");
    token
}

/// The matrix's program: the callers' accounts, a cohort `matrix` with two
/// active pairs (`Mentor` and `Mentee`; `OtherMentor` and `OtherMentee`),
/// each with a goal, a milestone, a meeting, a next step, a feedback, a
/// message and its mentee's pending evaluation; a waiting bystander mentee;
/// a bystander mentor in two proposed pairs with two other mentees; an
/// application; `OtherMentee`'s calendar feed.
pub(crate) async fn matrix_app() -> (TestApp, Fixture) {
    // Every caller signs in again for every row: far more sign-ins a minute
    // than one address, or everyone, is allowed (`rate_limit`, tested on its own).
    let app = TestApp::with_config(|config| {
        config.rate_limit_per_client = 100_000;
        config.rate_limit_overall = 100_000;
    })
    .await;
    for caller in CALLERS {
        if let (Some(email), Some(role)) = (caller.email(), caller.role()) {
            app.create_account(role, email, PASSWORD).await;
        }
    }
    sqlx::query("UPDATE accounts SET is_privacy_officer = (email = ?)")
        .bind(Caller::PrivacyOfficer.email())
        .execute(&app.pool)
        .await
        .expect("the privacy officer is named");
    let bystander_id = app
        .create_account(Role::Mentee, "bystander@matrix.example", PASSWORD)
        .await;
    let bystander_mentor_id = app
        .create_account(Role::Mentor, "bystander-mentor@matrix.example", PASSWORD)
        .await;
    app.create_cohort("matrix").await;
    let mut profiles = BTreeMap::new();
    for caller in [
        Caller::Mentee,
        Caller::Mentor,
        Caller::OtherMentee,
        Caller::OtherMentor,
    ] {
        let account = account_of(&app, caller).await;
        profiles.insert(caller, app.profile_id_of(account).await);
    }
    let bystander_profile_id = app.profile_id_of(bystander_id).await;
    let bystander_mentor_profile = app.profile_id_of(bystander_mentor_id).await;
    for profile in profiles
        .values()
        .chain([&bystander_profile_id, &bystander_mentor_profile])
    {
        app.fill_profile(*profile, "matrix", &[("fr", "fluent")], &[])
            .await;
    }
    for mentor in [
        profiles[&Caller::Mentor],
        profiles[&Caller::OtherMentor],
        bystander_mentor_profile,
    ] {
        app.set_capacity(mentor, 3).await;
    }
    let (pair_id, workspace) =
        active_pair(&app, profiles[&Caller::Mentee], profiles[&Caller::Mentor]).await;
    let (second_pair_id, second_workspace) = active_pair(
        &app,
        profiles[&Caller::OtherMentee],
        profiles[&Caller::OtherMentor],
    )
    .await;
    // Two more mentees, each proposed with the bystander mentor (the
    // bystander mentee, whom the board's rows name, stays unpaired).
    let mut bystander_pairs = Vec::new();
    for email in [
        "closing-mentee@matrix.example",
        "nudged-mentee@matrix.example",
    ] {
        let account = app.create_account(Role::Mentee, email, PASSWORD).await;
        let profile = app.profile_id_of(account).await;
        app.fill_profile(profile, "matrix", &[("fr", "fluent")], &[])
            .await;
        bystander_pairs.push(
            app.insert_pair("matrix", profile, bystander_mentor_profile)
                .await,
        );
    }
    // Unanswered for long: the dashboard lists it, to decide on or nudge.
    sqlx::query("UPDATE pairs SET proposed_at = '2026-10-01T10:00:00Z' WHERE id = ?")
        .bind(bystander_pairs[1])
        .execute(&app.pool)
        .await
        .expect("the proposal is old");
    let responses = insert_responses(
        &app,
        "matrix",
        &[profiles[&Caller::Mentee], profiles[&Caller::OtherMentee]],
    )
    .await;
    let pulse_question_id: i64 = sqlx::query_scalar(
        "SELECT q.id FROM questionnaire_questions q JOIN questionnaires qn \
         ON qn.id = q.questionnaire_id WHERE qn.kind = 'pulse' AND qn.audience = 'mentee' \
         ORDER BY q.position LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .expect("a pulse question");
    let other_mentee = account_of(&app, Caller::OtherMentee).await;
    let feed_token = insert_feed(&app, other_mentee).await;
    let (download_token, _) = app::accounts::tokens::new_token();
    let fixture = Fixture {
        response_id: responses[0],
        pulse_question_id,
        goal_id: workspace.goal_id,
        milestone_id: workspace.milestone_id,
        meeting_id: workspace.meeting_id,
        next_step_id: workspace.next_step_id,
        feedback_id: workspace.feedback_id,
        message_id: workspace.message_id,
        bystander_id,
        bystander_profile_id,
        closing_pair_id: bystander_pairs[0],
        nudged_pair_id: bystander_pairs[1],
        application_id: app
            .submit_application("candidate@matrix.example", true)
            .await
            .id,
        pair_id,
        mentor_profile_id: profiles[&Caller::Mentor],
        second_pair: PairIds {
            pair_id: second_pair_id,
            mentor_profile_id: profiles[&Caller::OtherMentor],
            goal_id: second_workspace.goal_id,
            milestone_id: second_workspace.milestone_id,
            meeting_id: second_workspace.meeting_id,
            next_step_id: second_workspace.next_step_id,
            feedback_id: second_workspace.feedback_id,
            message_id: second_workspace.message_id,
            response_id: responses[1],
        },
        feed_token,
        download_token,
    };
    (app, fixture)
}

/// Makes the `LAPSED` callers: each signs in while their account is as it
/// was (the cookie proven good by reading their account), then, through the
/// real server functions, a coordinator disables `Mentee`, a coordinator
/// makes `Mentor` a mentee, and `PrivacyOfficer` changes her password from
/// another device. Returns the cookies taken before, to be used as they are.
pub(crate) async fn lapse(app: &TestApp) -> Vec<(Caller, String)> {
    let mut kept = Vec::new();
    for caller in LAPSED {
        let email = caller.email().expect("a lapsed caller had an account");
        let cookie = app.sign_in(email, PASSWORD).await;
        // Good now: whatever refuses it later is the change below, not the cookie.
        app.call(GetMyAccount::PATH, "", Some(&cookie))
            .await
            .assert_status(StatusCode::OK);
        kept.push((caller, cookie));
    }
    let coordinator = app
        .sign_in(
            Caller::Coordinator.email().expect("a coordinator"),
            PASSWORD,
        )
        .await;
    let mentee = account_of(app, Caller::Mentee).await;
    app.call(
        SetAccountDisabled::PATH,
        &form(&[("account_id", &mentee.to_string()), ("disabled", "true")]),
        Some(&coordinator),
    )
    .await
    .assert_status(StatusCode::OK);
    let mentor = account_of(app, Caller::Mentor).await;
    app.call(
        ChangeAccountRole::PATH,
        &form(&[("account_id", &mentor.to_string()), ("role", "mentee")]),
        Some(&coordinator),
    )
    .await
    .assert_status(StatusCode::OK);
    let other_device = app
        .sign_in(
            Caller::PrivacyOfficer.email().expect("an officer"),
            PASSWORD,
        )
        .await;
    app.call(
        ChangePassword::PATH,
        &form(&[
            ("current_password", PASSWORD),
            ("new_password", "violet lantern over the harbour 42"),
        ]),
        Some(&other_device),
    )
    .await
    .assert_status(StatusCode::OK);
    kept
}

/// Calls `row` as `caller` with `cookie`: what is wrong with the answer, if
/// anything (a refusal must also have changed nothing).
pub(crate) async fn check_row(
    app: &TestApp,
    row: &Row,
    fixture: &Fixture,
    caller: Caller,
    cookie: Option<&str>,
) -> Option<String> {
    let before = app.fingerprint().await;
    let response = app.call(row.path, &(row.body)(fixture), cookie).await;
    match row.rule.refusal_for(caller) {
        Some(expected) if response.status != expected => Some(format!(
            "{} as {caller:?}: expected {expected}, got {} {}",
            row.path, response.status, response.body
        )),
        Some(_) if app.fingerprint().await != before => Some(format!(
            "{} as {caller:?}: refused but changed data",
            row.path
        )),
        Some(_) => None,
        None if matches!(
            response.status,
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
        ) =>
        {
            Some(format!(
                "{} as {caller:?}: should be allowed, got {} {}",
                row.path, response.status, response.body
            ))
        }
        None => None,
    }
}

#[tokio::test]
async fn every_caller_gets_what_the_policy_says_and_refusals_change_nothing() {
    let (app, fixture) = matrix_app().await;
    let mut failures = Vec::new();
    let mut checked = 0;
    for row in rows() {
        for caller in CALLERS {
            // A fresh session per call: an allowed `log_out` must not leak into the next row.
            let cookie = match caller.email() {
                Some(email) => Some(app.sign_in(email, PASSWORD).await),
                None => None,
            };
            failures.extend(check_row(&app, &row, &fixture, caller, cookie.as_deref()).await);
            checked += 1;
        }
    }
    assert_eq!(checked, rows().len() * CALLERS.len());
    assert!(
        failures.is_empty(),
        "authorization matrix violations:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn a_cookie_from_before_a_disabling_a_role_change_or_a_new_password_opens_nothing() {
    let (app, fixture) = matrix_app().await;
    let kept = lapse(&app).await;
    let mut failures = Vec::new();
    let mut refused = 0;
    for row in rows() {
        // One old cookie each, for every row: none of them proves an account
        // any more, so there is no session for an allowed call to spoil.
        for (caller, cookie) in &kept {
            failures.extend(check_row(&app, &row, &fixture, *caller, Some(cookie)).await);
            refused += usize::from(row.rule.refusal_for(*caller).is_some());
        }
    }
    let non_public = rows()
        .iter()
        .filter(|row| !matches!(row.rule, Rule::Public))
        .count();
    assert_eq!(refused, non_public * LAPSED.len());
    assert!(non_public >= 100, "only {non_public} non-public rows");
    assert!(
        failures.is_empty(),
        "old cookies that still open something:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn the_fingerprint_sees_a_change_in_any_table_the_workspace_ones_included() {
    let app = TestApp::new().await;
    app.create_cohort("matrix").await;
    let mut profiles = Vec::new();
    for (role, email) in [
        (Role::Mentee, "mentee@matrix.example"),
        (Role::Mentor, "mentor@matrix.example"),
    ] {
        let account = app.create_account(role, email, PASSWORD).await;
        profiles.push(app.profile_id_of(account).await);
    }
    let pair_id = app.insert_pair("matrix", profiles[0], profiles[1]).await;
    let workspace = app.insert_workspace(pair_id).await;
    // Writes a refused call must never make, one per workspace table that
    // holds what only some people may read or write.
    let writes = [
        format!(
            "INSERT INTO meeting_private_notes (meeting_id, body, updated_at) \
             VALUES ({}, 'Private', '2026-11-27T10:00:00Z')",
            workspace.meeting_id
        ),
        format!(
            "INSERT INTO fit_checks (pair_id, side, answer, comment, answered_at) \
             VALUES ({pair_id}, 'mentee', 'not_sure', 'For the coordination', '2026-11-27T10:00:00Z')"
        ),
        format!(
            "UPDATE feedback SET response = 'Thanks' WHERE id = {}",
            workspace.feedback_id
        ),
        format!(
            "UPDATE milestones SET done_at = '2026-11-27T10:00:00Z' WHERE id = {}",
            workspace.milestone_id
        ),
        format!(
            "UPDATE pair_messages SET reported_at = '2026-11-27T10:00:00Z' WHERE id = {}",
            workspace.message_id
        ),
        format!(
            "INSERT INTO pair_message_reads (pair_id, side, last_read_id) \
             VALUES ({pair_id}, 'mentee', {})",
            workspace.message_id
        ),
        format!(
            "INSERT INTO pair_contact_sharing (pair_id, side, share_email) \
             VALUES ({pair_id}, 'mentee', 1)"
        ),
    ];
    for write in writes {
        let before = app.fingerprint().await;
        sqlx::query(&write)
            .execute(&app.pool)
            .await
            .unwrap_or_else(|error| panic!("{write}: {error}"));
        assert_ne!(app.fingerprint().await, before, "unseen: {write}");
    }
}
