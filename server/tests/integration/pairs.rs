//! Matching and pairs over HTTP: proposals from the board and their emails,
//! each person's answer, activation when both accept, capacity under
//! concurrent acceptances, the coordinator's withdraw and end, the optimal
//! draft and its acceptance, the weights' validation.

use crate::common::{form, TestApp};
use app::accounts::Role;
use app::board::api::*;
use app::pairs::api::*;
use app::pairs::{MyPair, PairStatus};
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;
use serde_json::Value;

const PASSWORD: &str = "pairs-password-1";

struct Program {
    app: TestApp,
    coordinator: String,
}

/// A signed-in mentor or mentee with a profile in the cohort.
struct Person {
    email: String,
    profile: i64,
    cookie: String,
}

impl Program {
    async fn new() -> Program {
        let _ = tracing_subscriber::fmt().with_test_writer().try_init();
        let app = TestApp::new().await;
        app.create_cohort("hiver-2025").await;
        app.create_account(Role::Coordinator, "claire@program.example", PASSWORD)
            .await;
        let coordinator = app.sign_in("claire@program.example", PASSWORD).await;
        Program { app, coordinator }
    }

    async fn person(&self, role: Role, name: &str, locale: &str) -> Person {
        let email = format!("{name}@program.example");
        let account = self.app.create_account(role, &email, PASSWORD).await;
        sqlx::query("UPDATE accounts SET locale = ? WHERE id = ?")
            .bind(locale)
            .bind(account)
            .execute(&self.app.pool)
            .await
            .expect("the locale is stored");
        let profile = self.app.profile_id_of(account).await;
        self.app
            .fill_profile(profile, "hiver-2025", &[("fr", "fluent")], &["nursing"])
            .await;
        let cookie = self.app.sign_in(&email, PASSWORD).await;
        Person {
            email,
            profile,
            cookie,
        }
    }

    async fn as_coordinator(
        &self,
        path: &str,
        pairs: &[(&str, &str)],
    ) -> crate::common::TestResponse {
        self.app
            .call(path, &form(pairs), Some(&self.coordinator))
            .await
    }

    async fn propose(&self, mentee: &Person, mentor: &Person) -> crate::common::TestResponse {
        self.as_coordinator(
            ProposePair::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("mentee", &mentee.profile.to_string()),
                ("mentor", &mentor.profile.to_string()),
            ],
        )
        .await
    }

    async fn pair_of(&self, mentee: &Person) -> (i64, String) {
        sqlx::query_as(
            "SELECT id, status FROM pairs WHERE mentee_profile_id = ? ORDER BY id DESC LIMIT 1",
        )
        .bind(mentee.profile)
        .fetch_one(&self.app.pool)
        .await
        .expect("the pair exists")
    }

    async fn answer(
        &self,
        person: &Person,
        pair: i64,
        answer: &str,
        reason: &str,
    ) -> crate::common::TestResponse {
        self.app
            .call(
                AnswerPair::PATH,
                &form(&[
                    ("id", &pair.to_string()),
                    ("answer", answer),
                    ("reason", reason),
                ]),
                Some(&person.cookie),
            )
            .await
    }
}

#[tokio::test]
async fn a_proposal_emails_both_in_their_language_and_is_active_once_both_accept() {
    let program = Program::new().await;
    let mentee = program.person(Role::Mentee, "amina", "fr").await;
    let mentor = program.person(Role::Mentor, "marc", "en").await;

    let response = program.propose(&mentee, &mentor).await;
    response.assert_status(StatusCode::OK);
    let emails: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT recipient, locale, subject, action_url FROM outbox WHERE kind = 'pair_proposed' ORDER BY recipient",
    )
    .fetch_all(&program.app.pool)
    .await
    .expect("the outbox");
    assert_eq!(emails.len(), 2);
    assert_eq!(emails[0].0, mentee.email);
    assert_eq!(emails[0].1, "fr");
    assert!(emails[0].2.contains("jumelage"), "{:?}", emails[0]);
    assert!(emails[0]
        .3
        .as_deref()
        .is_some_and(|url| url.ends_with("/mentee")));
    assert_eq!(emails[1].0, mentor.email);
    assert_eq!(emails[1].1, "en");
    assert!(emails[1].2.contains("pair"), "{:?}", emails[1]);

    // The mentee's second proposal is refused while the first is open.
    let other_mentor = program.person(Role::Mentor, "nadia", "fr").await;
    let again = program.propose(&mentee, &other_mentor).await;
    again.assert_status(StatusCode::CONFLICT);

    let (pair, status) = program.pair_of(&mentee).await;
    assert_eq!(status, "proposed");
    let mine = program
        .app
        .call(GetMyPairs::PATH, "", Some(&mentee.cookie))
        .await;
    let mine: Value = serde_json::from_str(&mine.body).expect("JSON pairs");
    assert_eq!(mine[0]["partner_name"], "Person marc@program.example");
    assert_eq!(mine[0]["status"], "Proposed");

    assert_eq!(
        program.answer(&mentee, pair, "accepted", "").await.status,
        StatusCode::OK
    );
    assert_eq!(
        program.pair_of(&mentee).await.1,
        "proposed",
        "one answer is not enough"
    );
    // Answering twice changes nothing.
    assert_eq!(
        program
            .answer(&mentee, pair, "declined", "changed my mind")
            .await
            .status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        program.answer(&mentor, pair, "accepted", "").await.status,
        StatusCode::OK
    );
    assert_eq!(program.pair_of(&mentee).await.1, "active");

    // Someone else's pair: refused, nothing changes.
    let stranger = program.person(Role::Mentee, "zoe", "fr").await;
    assert_eq!(
        program
            .answer(&stranger, pair, "declined", "no")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let theirs = program
        .app
        .call(GetMyPairs::PATH, "", Some(&stranger.cookie))
        .await;
    assert_eq!(theirs.body, "[]");

    // The coordinator ends it, with a reason.
    let without_reason = program
        .as_coordinator(EndPair::PATH, &[("id", &pair.to_string()), ("reason", " ")])
        .await;
    without_reason.assert_status(StatusCode::BAD_REQUEST);
    let ended = program
        .as_coordinator(
            EndPair::PATH,
            &[("id", &pair.to_string()), ("reason", "Déménagement")],
        )
        .await;
    ended.assert_status(StatusCode::OK);
    assert_eq!(program.pair_of(&mentee).await.1, "ended");
}

#[tokio::test]
async fn declining_needs_a_reason_and_frees_the_mentee_and_the_place() {
    let program = Program::new().await;
    let mentee = program.person(Role::Mentee, "amina", "fr").await;
    let mentor = program.person(Role::Mentor, "marc", "fr").await;
    program.app.set_capacity(mentor.profile, 1).await;
    assert_eq!(
        program.propose(&mentee, &mentor).await.status,
        StatusCode::OK
    );
    let (pair, _) = program.pair_of(&mentee).await;

    // A full mentor cannot get a second proposal.
    let second = program.person(Role::Mentee, "bruno", "fr").await;
    let full = program.propose(&second, &mentor).await;
    full.assert_status(StatusCode::CONFLICT);
    assert!(full.body.contains("MentorFull"), "{}", full.body);

    let no_reason = program.answer(&mentor, pair, "declined", "").await;
    no_reason.assert_status(StatusCode::BAD_REQUEST);
    assert!(no_reason.body.contains("reason"), "{}", no_reason.body);
    assert_eq!(
        program
            .answer(&mentor, pair, "declined", "Horaire incompatible")
            .await
            .status,
        StatusCode::OK
    );
    let reason: Option<String> = sqlx::query_scalar("SELECT reason FROM pairs WHERE id = ?")
        .bind(pair)
        .fetch_one(&program.app.pool)
        .await
        .expect("the pair");
    assert_eq!(reason.as_deref(), Some("Horaire incompatible"));
    assert_eq!(program.pair_of(&mentee).await.1, "declined");
    // The coordinator reads the decline and its reason on the board.
    let board = program
        .as_coordinator(GetBoard::PATH, &[("cohort", "hiver-2025")])
        .await;
    let board: Value = serde_json::from_str(&board.body).expect("JSON board");
    assert_eq!(board["pairs"][0]["status"], "Declined", "{board}");
    assert_eq!(board["pairs"][0]["reason"], "Horaire incompatible");
    // The place and the mentee are free again.
    assert_eq!(
        program.propose(&second, &mentor).await.status,
        StatusCode::OK
    );
    let other = program.person(Role::Mentor, "nadia", "fr").await;
    assert_eq!(
        program.propose(&mentee, &other).await.status,
        StatusCode::OK
    );

    // The coordinator withdraws a proposal (the board's undo); twice is a conflict.
    let (pair, _) = program.pair_of(&mentee).await;
    let withdraw = [("id", pair.to_string())];
    let withdraw: Vec<(&str, &str)> = withdraw.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        program
            .as_coordinator(WithdrawPair::PATH, &withdraw)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(program.pair_of(&mentee).await.1, "withdrawn");
    assert_eq!(
        program
            .as_coordinator(WithdrawPair::PATH, &withdraw)
            .await
            .status,
        StatusCode::CONFLICT
    );
}

#[tokio::test]
async fn a_decline_reason_reaches_its_writer_and_the_coordination_and_an_end_reason_only_the_coordination(
) {
    let program = Program::new().await;
    let mentee = program.person(Role::Mentee, "amina", "fr").await;
    let mentor = program.person(Role::Mentor, "marc", "en").await;
    program.app.set_capacity(mentor.profile, 2).await;
    let seen_by = |person: &Person| {
        let app = &program.app;
        let cookie = person.cookie.clone();
        async move {
            let pairs = app.call(GetMyPairs::PATH, "", Some(&cookie)).await;
            pairs.assert_status(StatusCode::OK);
            pairs.body
        }
    };
    let page_of = |person: &Person, page: &'static str| {
        let app = &program.app;
        let cookie = person.cookie.clone();
        async move {
            let html = app.get_with_cookie(page, &cookie).await;
            html.assert_status(StatusCode::OK);
            html.body
        }
    };

    // The mentee declines: she and the coordination read why, the mentor does not.
    assert_eq!(
        program.propose(&mentee, &mentor).await.status,
        StatusCode::OK
    );
    let (declined, _) = program.pair_of(&mentee).await;
    let decline_reason = "Je cherche plutot une mentore en soins a domicile";
    let answered = program
        .answer(&mentee, declined, "declined", decline_reason)
        .await;
    answered.assert_status(StatusCode::OK);
    let mentor_pairs = seen_by(&mentor).await;
    assert!(!mentor_pairs.contains(decline_reason), "{mentor_pairs}");
    let mentor_pairs: Vec<MyPair> = serde_json::from_str(&mentor_pairs).expect("the pairs");
    assert_eq!(mentor_pairs[0].status, PairStatus::Declined);
    assert_eq!(mentor_pairs[0].my_reason, None);
    let mentee_pairs: Vec<MyPair> =
        serde_json::from_str(&seen_by(&mentee).await).expect("the pairs");
    assert_eq!(mentee_pairs[0].my_reason.as_deref(), Some(decline_reason));
    assert!(page_of(&mentee, "/mentee").await.contains(decline_reason));
    let mentor_page = page_of(&mentor, "/mentor").await;
    assert!(mentor_page.contains("Person amina@program.example"));
    assert!(!mentor_page.contains(decline_reason));
    let board = program
        .as_coordinator(GetBoard::PATH, &[("cohort", "hiver-2025")])
        .await;
    assert!(board.body.contains(decline_reason), "{}", board.body);

    // The coordinator ends an active pair: the reason stays with the coordination.
    let other = program.person(Role::Mentee, "bruno", "fr").await;
    assert_eq!(
        program.propose(&other, &mentor).await.status,
        StatusCode::OK
    );
    let (ended, _) = program.pair_of(&other).await;
    for person in [&other, &mentor] {
        assert_eq!(
            program.answer(person, ended, "accepted", "").await.status,
            StatusCode::OK
        );
    }
    let end_reason = "Signalement recu par la coordination";
    let closed = program
        .as_coordinator(
            EndPair::PATH,
            &[("id", &ended.to_string()), ("reason", end_reason)],
        )
        .await;
    closed.assert_status(StatusCode::OK);
    for (person, page) in [(&other, "/mentee"), (&mentor, "/mentor")] {
        let pairs = seen_by(person).await;
        assert!(!pairs.contains(end_reason), "{pairs}");
        let pairs: Vec<MyPair> = serde_json::from_str(&pairs).expect("the pairs");
        assert_eq!(pairs[0].status, PairStatus::Ended);
        assert_eq!(pairs[0].my_reason, None);
        assert!(!page_of(person, page).await.contains(end_reason));
    }
}

#[tokio::test]
async fn two_acceptances_at_once_never_exceed_the_mentors_capacity() {
    for round in 0..5 {
        let program = Program::new().await;
        let mentor = program.person(Role::Mentor, "marc", "fr").await;
        program.app.set_capacity(mentor.profile, 2).await;
        let first = program.person(Role::Mentee, "amina", "fr").await;
        let second = program.person(Role::Mentee, "bruno", "fr").await;
        assert_eq!(
            program.propose(&first, &mentor).await.status,
            StatusCode::OK
        );
        assert_eq!(
            program.propose(&second, &mentor).await.status,
            StatusCode::OK
        );
        let (pair_one, _) = program.pair_of(&first).await;
        let (pair_two, _) = program.pair_of(&second).await;
        assert_eq!(
            program
                .answer(&mentor, pair_one, "accepted", "")
                .await
                .status,
            StatusCode::OK
        );
        assert_eq!(
            program
                .answer(&mentor, pair_two, "accepted", "")
                .await
                .status,
            StatusCode::OK
        );
        // The mentor lowers their capacity before the mentees answer.
        program.app.set_capacity(mentor.profile, 1).await;

        let (one, two) = tokio::join!(
            program.answer(&first, pair_one, "accepted", ""),
            program.answer(&second, pair_two, "accepted", ""),
        );
        let mut statuses = [one.status, two.status];
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::OK, StatusCode::CONFLICT],
            "round {round}: {} / {}",
            one.body,
            two.body
        );
        let active: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM pairs WHERE mentor_profile_id = ? AND status = 'active'",
        )
        .bind(mentor.profile)
        .fetch_one(&program.app.pool)
        .await
        .expect("a count");
        assert_eq!(active, 1, "round {round}");
        // The refused acceptance left no trace: that mentee can still answer.
        let refused = if one.status == StatusCode::OK {
            (&second, pair_two)
        } else {
            (&first, pair_one)
        };
        let answer: Option<String> =
            sqlx::query_scalar("SELECT mentee_answer FROM pairs WHERE id = ?")
                .bind(refused.1)
                .fetch_one(&program.app.pool)
                .await
                .expect("the pair");
        assert_eq!(answer, None, "round {round}");
    }
}

#[tokio::test]
async fn when_both_accept_at_the_same_moment_the_pair_is_active() {
    for round in 0..5 {
        let program = Program::new().await;
        let mentee = program.person(Role::Mentee, "amina", "fr").await;
        let mentor = program.person(Role::Mentor, "marc", "fr").await;
        assert_eq!(
            program.propose(&mentee, &mentor).await.status,
            StatusCode::OK
        );
        let (pair, _) = program.pair_of(&mentee).await;
        let (one, two) = tokio::join!(
            program.answer(&mentee, pair, "accepted", ""),
            program.answer(&mentor, pair, "accepted", ""),
        );
        assert_eq!(
            (one.status, two.status),
            (StatusCode::OK, StatusCode::OK),
            "round {round}"
        );
        assert_eq!(program.pair_of(&mentee).await.1, "active", "round {round}");
    }
}

#[tokio::test]
async fn the_board_ranks_explains_drafts_and_the_draft_can_be_accepted() {
    let program = Program::new().await;
    let mentee = program.person(Role::Mentee, "amina", "fr").await;
    let english = program.person(Role::Mentee, "john", "en").await;
    sqlx::query("DELETE FROM profile_languages WHERE profile_id = ?")
        .bind(english.profile)
        .execute(&program.app.pool)
        .await
        .expect("languages cleared");
    program
        .app
        .fill_profile(english.profile, "hiver-2025", &[("en", "fluent")], &[])
        .await;
    let mentor = program.person(Role::Mentor, "marc", "fr").await;

    let board = program
        .as_coordinator(
            GetBoard::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("mentee", &mentee.profile.to_string()),
            ],
        )
        .await;
    board.assert_status(StatusCode::OK);
    let board: Value = serde_json::from_str(&board.body).expect("JSON board");
    assert_eq!(board["mentees"]["total"], 2);
    let best = &board["selected"]["ranked"][0];
    assert_eq!(best["profile_id"], mentor.profile);
    let parts = best["suggestion"]["breakdown"]["parts"]
        .as_array()
        .expect("parts");
    let sum: u64 = parts
        .iter()
        .map(|part| part["points"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(best["suggestion"]["breakdown"]["score"].as_u64(), Some(sum));
    assert_eq!(parts[0]["reason"]["shared"][0], "nursing");

    let draft = program
        .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
        .await;
    draft.assert_status(StatusCode::OK);
    let draft: Value = serde_json::from_str(&draft.body).expect("JSON draft");
    assert_eq!(draft["matched"], 1);
    assert_eq!(draft["pairs"][0]["mentee_profile_id"], mentee.profile);
    assert_eq!(draft["unmatched"][0]["mentee_profile_id"], english.profile);
    assert_eq!(
        draft["unmatched"][0]["reason"]["kind"],
        "no_mentor_shares_language"
    );

    // Accepting a pair that breaks a rule proposes nothing at all.
    let mixed = program
        .as_coordinator(
            AcceptDraft::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("pairs[]", &format!("{}-{}", mentee.profile, mentor.profile)),
                (
                    "pairs[]",
                    &format!("{}-{}", english.profile, mentor.profile),
                ),
            ],
        )
        .await;
    mixed.assert_status(StatusCode::BAD_REQUEST);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pairs")
        .fetch_one(&program.app.pool)
        .await
        .expect("a count");
    assert_eq!(count, 0);
    let accepted = program
        .as_coordinator(
            AcceptDraft::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("pairs[]", &format!("{}-{}", mentee.profile, mentor.profile)),
            ],
        )
        .await;
    accepted.assert_status(StatusCode::OK);
    assert_eq!(accepted.body, "1");
    assert_eq!(program.pair_of(&mentee).await.1, "proposed");

    // Forbidding a pair keeps it out of the next draft.
    let withdraw = program.pair_of(&mentee).await.0.to_string();
    program
        .as_coordinator(WithdrawPair::PATH, &[("id", &withdraw)])
        .await;
    let forbid = program
        .as_coordinator(
            SetPairConstraint::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("mentee", &mentee.profile.to_string()),
                ("mentor", &mentor.profile.to_string()),
                ("kind", "forbidden"),
            ],
        )
        .await;
    forbid.assert_status(StatusCode::OK);
    let draft = program
        .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
        .await;
    let draft: Value = serde_json::from_str(&draft.body).expect("JSON draft");
    assert_eq!(draft["matched"], 0);
    assert_eq!(
        draft["unmatched"][0]["reason"]["obstacles"][0][0], "forbidden",
        "{draft}"
    );
}

#[tokio::test]
async fn before_any_mentor_joins_the_draft_leaves_every_mentee_waiting_and_says_why() {
    // A cohort's first days: mentees wait, no mentor yet. The engine used to
    // panic, and the board answered a storage error.
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let john = program.person(Role::Mentee, "john", "en").await;

    let draft = program
        .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
        .await;
    draft.assert_status(StatusCode::OK);
    let draft: app::board::DraftView = serde_json::from_str(&draft.body).expect("JSON draft");
    assert_eq!((draft.matched, draft.pairs.len()), (0, 0));
    let mut waiting: Vec<(i64, matching::UnmatchedReason)> = draft
        .unmatched
        .into_iter()
        .map(|unmatched| (unmatched.mentee_profile_id, unmatched.reason))
        .collect();
    waiting.sort_by_key(|(profile, _)| *profile);
    let mut expected = vec![
        (amina.profile, matching::UnmatchedReason::NoMentorInCohort),
        (john.profile, matching::UnmatchedReason::NoMentorInCohort),
    ];
    expected.sort_by_key(|(profile, _)| *profile);
    assert_eq!(waiting, expected);
}

#[tokio::test]
async fn weights_must_add_up_to_100_and_change_the_scores() {
    let program = Program::new().await;
    let settings = |domain: &'static str| {
        [
            ("cohort", "hiver-2025"),
            ("domain", domain),
            ("skills", "30"),
            ("language", "15"),
            ("modality", "10"),
            ("availability", "15"),
            ("min_score", "0"),
        ]
    };
    let wrong = program
        .as_coordinator(SaveMatchingSettings::PATH, &settings("31"))
        .await;
    wrong.assert_status(StatusCode::BAD_REQUEST);
    assert!(wrong.body.contains("WeightsTotal"), "{}", wrong.body);
    let out_of_range = program
        .as_coordinator(SaveMatchingSettings::PATH, &settings("-5"))
        .await;
    out_of_range.assert_status(StatusCode::BAD_REQUEST);
    let right = program
        .as_coordinator(SaveMatchingSettings::PATH, &settings("30"))
        .await;
    right.assert_status(StatusCode::OK);
    let board = program
        .as_coordinator(GetBoard::PATH, &[("cohort", "hiver-2025")])
        .await;
    let board: Value = serde_json::from_str(&board.body).expect("JSON board");
    assert_eq!(board["settings"]["weights"]["domain"], 30);
}

#[tokio::test]
async fn the_large_demo_cohort_loads_once_and_the_board_can_match_it() {
    let program = Program::new().await;
    let added = server::large_demo::load_large_cohort(&program.app.pool, 60, 15)
        .await
        .expect("the large cohort loads");
    assert_eq!(added, 75);
    let again = server::large_demo::load_large_cohort(&program.app.pool, 60, 15)
        .await
        .expect("loading twice is harmless");
    assert_eq!(again, 0);
    let cohort = server::large_demo::LARGE_COHORT;
    let board = program
        .as_coordinator(GetBoard::PATH, &[("cohort", cohort), ("page", "2")])
        .await;
    board.assert_status(StatusCode::OK);
    let board: Value = serde_json::from_str(&board.body).expect("JSON board");
    assert_eq!(board["mentees"]["total"], 60);
    assert_eq!(board["mentees"]["page"], 2);
    assert_eq!(board["mentees"]["items"].as_array().map(Vec::len), Some(20));
    let draft = program
        .as_coordinator(RunMatching::PATH, &[("cohort", cohort)])
        .await;
    draft.assert_status(StatusCode::OK);
    let draft: Value = serde_json::from_str(&draft.body).expect("JSON draft");
    let matched = draft["matched"].as_u64().unwrap_or(0);
    let unmatched = draft["unmatched"].as_array().map(Vec::len).unwrap_or(0) as u64;
    assert!(matched > 0, "{draft}");
    assert_eq!(matched + unmatched, 60);
}
