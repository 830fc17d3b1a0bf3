//! Re-matching: a "not a fit" answer or a pair ended early puts the mentee
//! back on the board with a note of the pairing, which is never proposed
//! again; proposing another mentor ends the pair that is not a fit.
use super::*;
use app::board::{PreviousPairing, RematchReason};
use app::feedback::api::AnswerFitCheck;

/// How the board names Marc.
const MARC: &str = "Person marc@program.example";

impl Program {
    /// Proposes the pair, both accept, and a first meeting is held.
    async fn active_pair(&self, mentee: &Person, mentor: &Person) -> i64 {
        self.propose(mentee, mentor)
            .await
            .assert_status(StatusCode::OK);
        let (pair, _) = self.pair_of(mentee).await;
        for person in [mentee, mentor] {
            self.answer(person, pair, "accepted", "")
                .await
                .assert_status(StatusCode::OK);
        }
        sqlx::query(
            "INSERT INTO meetings (pair_id, starts_at, duration_minutes, modality, agreement, \
             agreement_side, status, created_at, updated_at) VALUES (?, '2026-01-05T19:00:00Z', \
             60, 'video', 'agreed', 'mentor', 'held', '2026-01-01T00:00:00Z', \
             '2026-01-01T00:00:00Z')",
        )
        .bind(pair)
        .execute(&self.app.pool)
        .await
        .expect("a meeting was held");
        pair
    }

    async fn board_for(&self, mentee: &Person) -> BoardView {
        let board = self
            .as_coordinator(
                GetBoard::PATH,
                &[
                    ("cohort", "hiver-2025"),
                    ("mentee", &mentee.profile.to_string()),
                ],
            )
            .await;
        board.assert_status(StatusCode::OK);
        board.json()
    }

    async fn status_and_reason(&self, pair: i64) -> (String, Option<String>) {
        sqlx::query_as("SELECT status, reason FROM pairs WHERE id = ?")
            .bind(pair)
            .fetch_one(&self.app.pool)
            .await
            .expect("the pair")
    }
}

#[tokio::test]
async fn a_not_a_fit_answer_puts_the_mentee_back_and_a_new_proposal_ends_that_pair() {
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "fr").await;
    let nadia = program.person(Role::Mentor, "nadia", "en").await;
    let unfit = program.active_pair(&amina, &marc).await;

    // Before the answer, the mentee is paired and off the list.
    let board = program.board_for(&amina).await;
    assert_eq!(board.mentees.total, 0);

    let answered = program
        .app
        .call(
            AnswerFitCheck::PATH,
            &form(&[("pair_id", &unfit.to_string()), ("answer", "not_a_fit")]),
            Some(&amina.cookie),
        )
        .await;
    answered.assert_status(StatusCode::OK);

    // Back on the board, with the note; the pair is still open meanwhile.
    let board = program.board_for(&amina).await;
    assert_eq!(board.mentees.total, 1);
    let waiting = &board.mentees.items[0];
    assert_eq!(waiting.profile_id, amina.profile);
    let [PreviousPairing {
        mentor_profile_id,
        mentor_name,
        reason,
        still_open,
        ..
    }] = waiting.previous.as_slice()
    else {
        panic!("one earlier pairing: {:?}", waiting.previous);
    };
    assert_eq!(
        (
            *mentor_profile_id,
            mentor_name.as_str(),
            *reason,
            *still_open
        ),
        (marc.profile, MARC, RematchReason::NotAFit, true)
    );
    assert_eq!(program.status_and_reason(unfit).await.0, "active");
    let selected = board.selected.expect("the mentee is selected");
    assert!(!selected.has_open_pair, "she may be proposed again");
    let ranked_marc = selected
        .ranked
        .iter()
        .find(|ranked| ranked.profile_id == marc.profile)
        .expect("marc is still ranked, to compare");
    assert_eq!(
        ranked_marc.suggestion.obstacle,
        Some(matching::Obstacle::Forbidden)
    );
    // The board's page says it, in the coordinator's words.
    let page = program
        .app
        .get_with_cookie(
            &format!(
                "/coordinator/matching?cohort=hiver-2025&mentee={}",
                amina.profile
            ),
            &program.coordinator,
        )
        .await;
    assert!(page.body.contains("Jumelages précédents"), "{}", page.body);
    assert!(page
        .body
        .contains(&format!("Avec {MARC} : « ça ne convient pas »")));

    // The same pair is never proposed again, by hand or by the engine.
    let again = program.propose(&amina, &marc).await;
    again.assert_status(StatusCode::BAD_REQUEST);
    assert!(again.body.contains("PairNotAllowed"), "{}", again.body);
    let draft: DraftView = program
        .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
        .await
        .json();
    let key = format!("{}-{}", amina.profile, nadia.profile);
    assert_eq!(draft.keys, std::slice::from_ref(&key));
    assert_eq!(draft.ends, 1);
    assert_eq!(draft.added(), 0, "she moves: not a new pair");
    assert_eq!(draft.pairs[0].ends_pair_with.as_deref(), Some(MARC));
    // The emails accepting it sends, read first, each in its recipient's language.
    let previews: Vec<(&str, &str)> = draft
        .previews
        .iter()
        .map(|preview| (preview.locale.as_str(), preview.subject.as_str()))
        .collect();
    assert_eq!(
        previews,
        [
            ("fr", "Une proposition de jumelage vous attend"),
            ("en", "A mentoring pair is waiting for your answer"),
        ]
    );

    // Accepting ends the pair that is not a fit and tells its two people.
    let accepted = program
        .as_coordinator(
            AcceptDraft::PATH,
            &[("cohort", "hiver-2025"), ("pairs[]", &key)],
        )
        .await;
    accepted.assert_status(StatusCode::OK);
    let (status, reason) = program.status_and_reason(unfit).await;
    assert_eq!(status, "ended");
    assert_eq!(
        reason.as_deref(),
        Some("Nouveau jumelage proposé après la réponse « ça ne convient pas ».")
    );
    let (newest, status) = program.pair_of(&amina).await;
    assert_ne!(newest, unfit);
    assert_eq!(status, "proposed");
    let told: Vec<String> = sqlx::query_scalar(
        "SELECT recipient FROM outbox WHERE kind = 'pair_ended' ORDER BY recipient",
    )
    .fetch_all(&program.app.pool)
    .await
    .expect("the outbox");
    assert_eq!(told, [amina.email.clone(), marc.email.clone()]);
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE event = 'pair_ended' AND detail = ?",
    )
    .bind(unfit.to_string())
    .fetch_one(&program.app.pool)
    .await
    .expect("the audit log");
    assert_eq!(audited, 1);

    // Once re-matched, the note stays but nothing is open to end any more.
    let board = program.board_for(&amina).await;
    assert_eq!(board.mentees.total, 0);
    let selected = board.selected.expect("the mentee is selected");
    assert!(selected.has_open_pair);
    assert_eq!(selected.mentee.previous.len(), 1);
    assert!(!selected.mentee.previous[0].still_open);
}

#[tokio::test]
async fn a_pair_ended_early_is_noted_and_never_proposed_again() {
    let program = Program::new().await;
    let bruno = program.person(Role::Mentee, "bruno", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "fr").await;
    let pair = program.active_pair(&bruno, &marc).await;
    program
        .as_coordinator(
            EndPair::PATH,
            &[("id", &pair.to_string()), ("reason", "Schedules never met")],
        )
        .await
        .assert_status(StatusCode::OK);

    let board = program.board_for(&bruno).await;
    assert_eq!(board.mentees.total, 1);
    let previous = &board.mentees.items[0].previous;
    assert_eq!(previous.len(), 1);
    assert_eq!(
        (previous[0].reason, previous[0].still_open),
        (RematchReason::EndedEarly, false)
    );
    // Marc is the only mentor: the draft leaves Bruno without one rather
    // than pairing them again, and a proposal by hand is refused.
    let draft: DraftView = program
        .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
        .await
        .json();
    assert_eq!(draft.matched, 0);
    assert_eq!(draft.unmatched[0].mentee_profile_id, bruno.profile);
    program
        .propose(&bruno, &marc)
        .await
        .assert_status(StatusCode::BAD_REQUEST);
    // A lock cannot bring them back either: it is left out of the run.
    program
        .constrain(&bruno, &marc, "locked")
        .await
        .assert_status(StatusCode::OK);
    let draft: DraftView = program
        .as_coordinator(RunMatching::PATH, &[("cohort", "hiver-2025")])
        .await
        .json();
    assert_eq!(draft.matched, 0);
}
