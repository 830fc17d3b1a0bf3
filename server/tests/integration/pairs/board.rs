//! The matching board: mentors ranked with the score explained, the optimal
//! draft and its acceptance, forbidden pairs, the weights, and a large cohort.
use super::*;

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
    let board: BoardView = board.json();
    assert_eq!(board.mentees.total, 2);
    let best = &board
        .selected
        .as_ref()
        .expect("the mentee is selected")
        .ranked[0];
    assert_eq!(best.profile_id, mentor.profile);
    let parts = &best.suggestion.breakdown.parts;
    let sum: u32 = parts.iter().map(|part| part.points).sum();
    assert_eq!(best.suggestion.breakdown.score, sum);
    let matching::Reason::Domains { shared, .. } = &parts[0].reason else {
        panic!("the first part is the domains: {:?}", parts[0]);
    };
    assert_eq!(shared[0], "nursing");

    let draft = program
        .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
        .await;
    draft.assert_status(StatusCode::OK);
    let draft: DraftView = draft.json();
    assert_eq!(draft.matched, 1);
    assert_eq!(draft.pairs[0].mentee_profile_id, mentee.profile);
    assert_eq!(draft.unmatched[0].mentee_profile_id, english.profile);
    assert_eq!(
        draft.unmatched[0].reason,
        matching::UnmatchedReason::NoMentorSharesLanguage
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
    let forbid = program.constrain(&mentee, &mentor, "forbidden").await;
    forbid.assert_status(StatusCode::OK);
    let draft = program
        .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
        .await;
    let draft: DraftView = draft.json();
    assert_eq!(draft.matched, 0);
    let matching::UnmatchedReason::NoCompatibleMentor { obstacles } = &draft.unmatched[0].reason
    else {
        panic!("no compatible mentor: {draft:?}");
    };
    assert_eq!(obstacles[0].0, matching::Obstacle::Forbidden, "{draft:?}");
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
    let draft: DraftView = draft.json();
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
    let board: BoardView = board.json();
    assert_eq!(board.settings.weights.domain, 30);
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
    let board: BoardView = board.json();
    assert_eq!(board.mentees.total, 60);
    assert_eq!(board.mentees.page, 2);
    assert_eq!(board.mentees.items.len(), 20);
    let draft = program
        .as_coordinator(RunMatching::PATH, &[("cohort", cohort)])
        .await;
    draft.assert_status(StatusCode::OK);
    let draft: DraftView = draft.json();
    assert!(draft.matched > app::board::PAGE_SIZE, "{draft:?}");
    assert_eq!(draft.matched + draft.unmatched_count, 60);
    // Only the first page of pairs is explained; every pair's key comes.
    assert_eq!(draft.pairs.len(), app::board::PAGE_SIZE);
    assert_eq!(draft.keys.len(), draft.matched);

    // The board shows the kept draft; asking for more explains the next page
    // as the engine explained the first.
    let board = program
        .as_coordinator(GetBoard::PATH, &[("cohort", cohort), ("shown", "40")])
        .await;
    board.assert_status(StatusCode::OK);
    let board: BoardView = board.json();
    let kept = board.draft.expect("the draft is kept");
    assert_eq!(kept.keys, draft.keys);
    assert_eq!(kept.pairs.len(), draft.matched.min(40));
    assert_eq!(kept.pairs[..20], draft.pairs[..]);
    assert_eq!(
        app::board::pair_key(
            kept.pairs[20].mentee_profile_id,
            kept.pairs[20].mentor_profile_id
        ),
        draft.keys[20]
    );
    // However much is asked, at most the whole draft is explained.
    let all: BoardView = program
        .as_coordinator(GetBoard::PATH, &[("cohort", cohort), ("shown", "1000000")])
        .await
        .json();
    assert_eq!(
        all.draft.map(|draft| draft.pairs.len()),
        Some(draft.matched)
    );
}

#[tokio::test]
async fn the_board_sees_every_change_at_once_though_it_keeps_the_cohort_loaded() {
    let program = Program::new().await;
    let mentee = program.person(Role::Mentee, "amina", "fr").await;
    let mentor = program.person(Role::Mentor, "marc", "fr").await;
    let before = board_of(&program).await;
    assert_eq!(before.mentees.total, 1);
    assert_eq!(
        before.mentees.items[0].name,
        format!("Person {}", mentee.email)
    );

    // A name changed behind the board's back (any write, by any path).
    sqlx::query("UPDATE accounts SET display_name = 'Amina D.' WHERE email = ?")
        .bind(&mentee.email)
        .execute(&program.app.pool)
        .await
        .expect("renamed");
    assert_eq!(board_of(&program).await.mentees.items[0].name, "Amina D.");

    // A proposal: the mentee no longer waits, the mentor's place is used.
    program
        .as_coordinator(
            ProposePair::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("mentee", &mentee.profile.to_string()),
                ("mentor", &mentor.profile.to_string()),
            ],
        )
        .await
        .assert_status(StatusCode::OK);
    let after = board_of(&program).await;
    assert_eq!(after.mentees.total, 0);
    assert_eq!(after.mentors.items[0].used, 1);

    // Something the board does not read leaves the counter where it was.
    let counter = || async {
        sqlx::query_scalar::<_, i64>("SELECT value FROM change_counters WHERE name = 'board'")
            .fetch_one(&program.app.pool)
            .await
            .expect("the counter")
    };
    let was = counter().await;
    sqlx::query("UPDATE accounts SET password_hash = password_hash WHERE email = ?")
        .bind(&mentee.email)
        .execute(&program.app.pool)
        .await
        .expect("password written again");
    assert_eq!(counter().await, was);
    // A language is read (the draft's emails are written in it).
    sqlx::query("UPDATE accounts SET locale = 'en' WHERE email = ?")
        .bind(&mentee.email)
        .execute(&program.app.pool)
        .await
        .expect("language changed");
    assert_eq!(counter().await, was + 1);
}

async fn board_of(program: &Program) -> BoardView {
    let board = program
        .as_coordinator(GetBoard::PATH, &[("cohort", "hiver-2025")])
        .await;
    board.assert_status(StatusCode::OK);
    board.json()
}

#[tokio::test]
async fn a_draft_is_kept_until_accepted_or_discarded_and_follows_the_board_meanwhile() {
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let john = program.person(Role::Mentee, "john", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "fr").await;
    sqlx::query("UPDATE profiles SET capacity = 1 WHERE id = ?")
        .bind(marc.profile)
        .execute(&program.app.pool)
        .await
        .expect("one place");
    assert_eq!(
        board_of(&program).await.draft,
        None,
        "no draft before a run"
    );

    let run: DraftView = program
        .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
        .await
        .json();
    assert_eq!(run.matched, 1);
    // "Nobody is told anything until you accept."
    let emails: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
        .fetch_one(&program.app.pool)
        .await
        .expect("the outbox");
    assert_eq!(emails, 0);
    // Kept: a later visit (a reload, another day's sitting) finds it as it was.
    assert_eq!(board_of(&program).await.draft.as_ref(), Some(&run));

    // The board changed (a second mentor joined): the draft shown is
    // computed again, with both mentees matched.
    let lea = program.person(Role::Mentor, "lea", "fr").await;
    let after = board_of(&program).await.draft.expect("still kept");
    assert_eq!((after.matched, after.unmatched_count), (2, 0));
    assert!(
        after
            .pairs
            .iter()
            .any(|pair| pair.mentor_profile_id == lea.profile),
        "{after:?}"
    );

    // Two mentees locked with a mentor of one place: the kept draft follows,
    // honouring the lock that fits and placing the other mentee elsewhere.
    for mentee in [&amina, &john] {
        program
            .constrain(mentee, &marc, "locked")
            .await
            .assert_status(StatusCode::OK);
    }
    let locked = board_of(&program).await.draft.expect("still kept");
    assert_eq!(locked.matched, 2);
    assert_eq!(
        locked
            .pairs
            .iter()
            .filter(|pair| pair.locked && pair.mentor_profile_id == marc.profile)
            .count(),
        1,
        "{locked:?}"
    );
    for mentee in [&amina, &john] {
        program
            .constrain(mentee, &marc, "none")
            .await
            .assert_status(StatusCode::OK);
    }

    // Discarded: gone, nothing proposed; discarding again finds nothing.
    let discarded = program
        .as_coordinator(DiscardDraft::PATH, &[("cohort", "hiver-2025")])
        .await;
    discarded.assert_status(StatusCode::OK);
    assert_eq!(discarded.body, "true");
    assert_eq!(board_of(&program).await.draft, None);
    let again = program
        .as_coordinator(DiscardDraft::PATH, &[("cohort", "hiver-2025")])
        .await;
    assert_eq!(again.body, "false");
    program
        .as_coordinator(DiscardDraft::PATH, &[("cohort", "no-such-cohort")])
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let pairs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pairs")
        .fetch_one(&program.app.pool)
        .await
        .expect("a count");
    assert_eq!(pairs, 0);

    // Accepted: its pairs are proposals, and the draft is done with.
    let run: DraftView = program
        .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
        .await
        .json();
    let mut fields = vec![("cohort", "hiver-2025")];
    fields.extend(run.keys.iter().map(|key| ("pairs[]", key.as_str())));
    let accepted = program.as_coordinator(AcceptDraft::PATH, &fields).await;
    accepted.assert_status(StatusCode::OK);
    assert_eq!(accepted.body, "2");
    assert_eq!(program.pair_of(&amina).await.1, "proposed");
    assert_eq!(program.pair_of(&john).await.1, "proposed");
    let board = board_of(&program).await;
    assert_eq!(board.draft, None);
    assert_eq!(board.mentees.total, 0);
}

#[tokio::test]
async fn the_mentor_column_is_searched_and_a_chosen_mentor_ranks_the_waiting_mentees() {
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let bruno = program.person(Role::Mentee, "bruno", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "fr").await;
    let nadia = program.person(Role::Mentor, "nadia", "fr").await;
    program.app.set_capacity(nadia.profile, 1).await;
    program
        .propose(&bruno, &nadia)
        .await
        .assert_status(StatusCode::OK);

    let board = |fields: &'static [(&'static str, &'static str)]| {
        let program = &program;
        async move {
            let mut fields = fields.to_vec();
            fields.push(("cohort", "hiver-2025"));
            let board = program.as_coordinator(GetBoard::PATH, &fields).await;
            board.assert_status(StatusCode::OK);
            board.json::<BoardView>()
        }
    };
    let names = |view: &BoardView| -> Vec<i64> {
        view.mentors
            .items
            .iter()
            .map(|mentor| mentor.profile_id)
            .collect()
    };
    assert_eq!(board(&[]).await.mentors.total, 2);
    assert_eq!(names(&board(&[("mq", "nadia")]).await), [nadia.profile]);
    assert_eq!(
        names(&board(&[("free", "true")]).await),
        [marc.profile],
        "Nadia is full"
    );
    let listed = board(&[("mdomain", "nursing"), ("mlanguage", "fr")]).await;
    assert_eq!(listed.mentors.total, 2);
    assert_eq!(listed.mentors.items[0].languages[0].code, "fr");
    assert_eq!(listed.mentors.items[0].domains, ["nursing"]);

    // Marc chosen: the waiting mentees who suit him, each score explained.
    let marc_id = marc.profile.to_string();
    let chosen = program
        .as_coordinator(
            GetBoard::PATH,
            &[("cohort", "hiver-2025"), ("mentor", &marc_id)],
        )
        .await
        .json::<BoardView>()
        .selected_mentor
        .expect("Marc is chosen");
    assert_eq!(chosen.mentor.profile_id, marc.profile);
    let ranked: Vec<i64> = chosen
        .ranked
        .iter()
        .map(|ranked| ranked.profile_id)
        .collect();
    assert_eq!(ranked, [amina.profile], "Bruno has a proposal");
    let parts: u32 = chosen.ranked[0]
        .breakdown
        .parts
        .iter()
        .map(|part| part.points)
        .sum();
    assert_eq!(parts, chosen.ranked[0].breakdown.score);
    let page = program
        .app
        .get_with_cookie(
            &format!("/coordinator/matching?cohort=hiver-2025&mentor={marc_id}"),
            &program.coordinator,
        )
        .await;
    assert!(
        page.body
            .contains("Meilleur·e·s mentoré·e·s en attente pour Person marc@program.example"),
        "{}",
        page.body
    );
    // A mentor of no cohort here: not found.
    program
        .as_coordinator(
            GetBoard::PATH,
            &[
                ("cohort", "hiver-2025"),
                ("mentor", &amina.profile.to_string()),
            ],
        )
        .await
        .assert_status(StatusCode::NOT_FOUND);
}
