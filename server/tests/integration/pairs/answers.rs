//! Proposals and answers: the emails, activation once both accept, declines
//! and their reasons (and who reads them), the coordinator's withdraw and end,
//! and capacity under acceptances sent at once.
use super::*;

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
    let mine: Vec<MyPair> = mine.json();
    assert_eq!(mine[0].partner_name, "Person marc@program.example");
    assert_eq!(mine[0].status, PairStatus::Proposed);

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
    let board: BoardView = board.json();
    assert_eq!(board.pairs[0].status, PairStatus::Declined, "{board:?}");
    assert_eq!(
        board.pairs[0].reason.as_deref(),
        Some("Horaire incompatible")
    );
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
            pairs
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
    assert!(
        !mentor_pairs.body.contains(decline_reason),
        "{}",
        mentor_pairs.body
    );
    let mentor_pairs: Vec<MyPair> = mentor_pairs.json();
    assert_eq!(mentor_pairs[0].status, PairStatus::Declined);
    assert_eq!(mentor_pairs[0].my_reason, None);
    let mentee_pairs: Vec<MyPair> = seen_by(&mentee).await.json();
    assert_eq!(mentee_pairs[0].my_reason.as_deref(), Some(decline_reason));
    assert!(page_of(&mentee, "/mentee").await.contains(decline_reason));
    let mentor_page = page_of(&mentor, "/mentor").await;
    assert!(mentor_page.contains("Person amina@program.example"));
    assert!(!mentor_page.contains(decline_reason));
    let board = program
        .as_coordinator(GetBoard::PATH, &[("cohort", "hiver-2025")])
        .await;
    let board: BoardView = board.json();
    assert!(
        board
            .pairs
            .iter()
            .any(|pair| pair.reason.as_deref() == Some(decline_reason)),
        "{board:?}"
    );

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
        assert!(!pairs.body.contains(end_reason), "{}", pairs.body);
        let pairs: Vec<MyPair> = pairs.json();
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
