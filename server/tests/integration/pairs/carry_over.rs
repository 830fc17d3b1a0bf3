//! Mentors across cohorts: the coordinator carries a cohort's mentors over to
//! the next in one step, each confirms (or declines) by their own link, the
//! next cohort's board matches only its confirmed members, and nobody is
//! copied: one account, one profile, pairs in both cohorts.
use super::*;
use app::participation::api::{
    AnswerCohortInvitation, CarryMentorsOver, GetCarryOver, GetCohortInvitation,
    GetWaitingInvitations,
};
use app::participation::{CarryOver, CohortInvitation, MembershipStatus};

impl Program {
    /// The next cohort, starting after the fixture's.
    async fn next_cohort(&self) {
        self.app.create_cohort("automne-2026").await;
        sqlx::query(
            "UPDATE cohorts SET starts_on = '2026-09-01', ends_on = '2027-06-30' \
             WHERE code = 'automne-2026'",
        )
        .execute(&self.app.pool)
        .await
        .expect("the next cohort is dated");
    }

    async fn board_mentors(&self, cohort: &str) -> Vec<i64> {
        let board = self
            .as_coordinator(GetBoard::PATH, &[("cohort", cohort)])
            .await;
        board.assert_status(StatusCode::OK);
        let board: BoardView = board.json();
        board
            .mentors
            .items
            .iter()
            .map(|mentor| mentor.profile_id)
            .collect()
    }

    /// Carries these profiles of the fixture's cohort over to the next one.
    async fn carry(&self, profiles: &[i64]) -> crate::common::TestResponse {
        let ids: Vec<String> = profiles.iter().map(i64::to_string).collect();
        let mut body = vec![("code", "automne-2026"), ("from", "hiver-2025")];
        body.extend(ids.iter().map(|id| ("profiles[]", id.as_str())));
        self.as_coordinator(CarryMentorsOver::PATH, &body).await
    }

    async fn answer_for(
        &self,
        mentor: &Person,
        cohort: &str,
        fields: &[(&str, &str)],
    ) -> crate::common::TestResponse {
        let mut body = vec![("code", cohort)];
        body.extend_from_slice(fields);
        self.app
            .call(
                AnswerCohortInvitation::PATH,
                &form(&body),
                Some(&mentor.cookie),
            )
            .await
    }
}

#[tokio::test]
async fn mentors_carried_over_confirm_by_their_link_and_only_confirmed_ones_are_matched() {
    let program = Program::new().await;
    program.next_cohort().await;
    let marc = program.person(Role::Mentor, "marc", "fr").await;
    let nadia = program.person(Role::Mentor, "nadia", "en").await;
    let olga = program.person(Role::Mentor, "olga", "fr").await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    program.app.set_capacity(marc.profile, 2).await;
    program
        .propose(&amina, &marc)
        .await
        .assert_status(StatusCode::OK);
    let (pair, _) = program.pair_of(&amina).await;
    for person in [&amina, &marc] {
        program.answer(person, pair, "accepted", "").await;
    }

    // Nobody is in the new cohort yet: its board has no mentor.
    assert!(program.board_mentors("automne-2026").await.is_empty());

    // The page lists the previous cohort's mentors; only the coordinator reads it.
    let code = [("code", "automne-2026")];
    let refused = program
        .app
        .call(GetCarryOver::PATH, &form(&code), Some(&marc.cookie))
        .await;
    refused.assert_status(StatusCode::FORBIDDEN);
    let page: CarryOver = program
        .as_coordinator(GetCarryOver::PATH, &code)
        .await
        .json();
    assert_eq!(page.from.as_deref(), Some("hiver-2025"));
    let names: Vec<&str> = page.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names.len(),
        3,
        "the three mentors, not the mentee: {names:?}"
    );
    let marc_row = page
        .candidates
        .iter()
        .find(|candidate| candidate.profile_id == marc.profile)
        .expect("Marc is listed");
    assert_eq!((marc_row.capacity, marc_row.open_pairs), (2, 1));
    assert!(page.asked.is_empty());

    // Nothing ticked: refused, nothing written.
    let nothing = program.carry(&[]).await;
    nothing.assert_status(StatusCode::BAD_REQUEST);
    // A mentee's profile (or a stranger's id) is never carried over as a mentor.
    let carried = program
        .carry(&[marc.profile, nadia.profile, olga.profile, amina.profile])
        .await;
    carried.assert_status(StatusCode::OK);
    assert_eq!(carried.json::<u64>(), 3);
    // A second carry-over emails nobody twice.
    let again = program.carry(&[marc.profile]).await;
    assert_eq!(again.json::<u64>(), 0);
    let emails: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT recipient, locale, subject, action_url FROM outbox \
         WHERE kind = 'cohort_invitation' ORDER BY recipient",
    )
    .fetch_all(&program.app.pool)
    .await
    .expect("the outbox is read");
    assert_eq!(emails.len(), 3);
    assert_eq!(emails[0].0, marc.email);
    assert!(emails[0].2.contains("Cohorte automne-2026"), "{emails:?}");
    assert_eq!(emails[1].0, nadia.email);
    assert_eq!(emails[1].1, "en");
    assert!(emails[1].2.contains("Cohort automne-2026"), "{emails:?}");
    assert!(emails[1]
        .3
        .as_deref()
        .is_some_and(|link| link.ends_with("/mentor/cohorts/automne-2026")));

    // Asked is not in: the board still matches nobody.
    assert!(program.board_mentors("automne-2026").await.is_empty());
    let waiting: Vec<app::catalog::Cohort> = program
        .app
        .call(GetWaitingInvitations::PATH, "", Some(&nadia.cookie))
        .await
        .json();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].code, "automne-2026");

    // Each mentor reads and answers their own invitation only.
    let mine: CohortInvitation = program
        .app
        .call(GetCohortInvitation::PATH, &form(&code), Some(&marc.cookie))
        .await
        .json();
    assert_eq!(mine.status, MembershipStatus::Invited);
    assert_eq!((mine.capacity, mine.open_pairs), (2, 1));
    let mentee = program
        .app
        .call(GetCohortInvitation::PATH, &form(&code), Some(&amina.cookie))
        .await;
    mentee.assert_status(StatusCode::FORBIDDEN);
    let coordinator = program
        .as_coordinator(
            AnswerCohortInvitation::PATH,
            &[
                ("code", "automne-2026"),
                ("answer", "decline"),
                ("capacity", ""),
            ],
        )
        .await;
    coordinator.assert_status(StatusCode::FORBIDDEN);

    // A capacity below the pairs already open is refused, with the other problem.
    let below = program
        .answer_for(
            &marc,
            "automne-2026",
            &[("answer", "confirm"), ("capacity", "0")],
        )
        .await;
    below.assert_status(StatusCode::BAD_REQUEST);
    let confirmed = program
        .answer_for(
            &marc,
            "automne-2026",
            &[
                ("answer", "confirm"),
                ("capacity", "3"),
                ("availability[]", "tue-evening"),
                ("availability[]", "sat-morning"),
            ],
        )
        .await;
    confirmed.assert_status(StatusCode::OK);
    assert_eq!(
        confirmed.json::<MembershipStatus>(),
        MembershipStatus::Confirmed
    );
    program
        .answer_for(
            &nadia,
            "automne-2026",
            &[("answer", "decline"), ("capacity", "")],
        )
        .await
        .assert_status(StatusCode::OK);

    // The new board matches Marc alone (Nadia declined, Olga has not answered).
    assert_eq!(program.board_mentors("automne-2026").await, [marc.profile]);
    // The old cohort still has all three, and Marc is one profile in both.
    let old = program.board_mentors("hiver-2025").await;
    assert_eq!(old.len(), 3);
    assert!(old.contains(&marc.profile));
    let (profiles, capacity, latest): (i64, i64, String) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM profiles WHERE account_id = p.account_id), p.capacity, \
                c.code FROM profiles p JOIN cohorts c ON c.id = p.cohort_id WHERE p.id = ?",
    )
    .bind(marc.profile)
    .fetch_one(&program.app.pool)
    .await
    .expect("Marc's profile is read");
    assert_eq!(
        (profiles, capacity, latest.as_str()),
        (1, 3, "automne-2026")
    );

    // Declining the cohort that became their latest gives back the one before.
    program
        .answer_for(
            &marc,
            "automne-2026",
            &[("answer", "decline"), ("capacity", "")],
        )
        .await
        .assert_status(StatusCode::OK);
    let latest: String = sqlx::query_scalar(
        "SELECT c.code FROM profiles p JOIN cohorts c ON c.id = p.cohort_id WHERE p.id = ?",
    )
    .bind(marc.profile)
    .fetch_one(&program.app.pool)
    .await
    .expect("Marc's latest cohort is read");
    assert_eq!(latest, "hiver-2025");
    assert!(program.board_mentors("automne-2026").await.is_empty());
    program
        .answer_for(
            &marc,
            "automne-2026",
            &[
                ("answer", "confirm"),
                ("capacity", "3"),
                ("availability[]", "tue-evening"),
            ],
        )
        .await
        .assert_status(StatusCode::OK);

    // The page shows the answers; the audit log has the carry-over and each answer.
    let page: CarryOver = program
        .as_coordinator(GetCarryOver::PATH, &code)
        .await
        .json();
    let mut answers: Vec<(String, MembershipStatus)> = page
        .asked
        .iter()
        .map(|mentor| (mentor.name.clone(), mentor.status))
        .collect();
    answers.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        answers.iter().map(|a| a.1).collect::<Vec<_>>(),
        [
            MembershipStatus::Confirmed,
            MembershipStatus::Declined,
            MembershipStatus::Invited
        ]
    );
    assert!(page
        .candidates
        .iter()
        .all(|candidate| !candidate.may_carry()));
    let audited: Vec<String> = sqlx::query_scalar(
        "SELECT event FROM audit_log WHERE event IN \
         ('mentors_carried_over', 'cohort_participation_answered') ORDER BY id",
    )
    .fetch_all(&program.app.pool)
    .await
    .expect("the audit log is read");
    assert_eq!(
        audited,
        [
            "mentors_carried_over",
            "mentors_carried_over",
            "cohort_participation_answered",
            "cohort_participation_answered",
            "cohort_participation_answered",
            "cohort_participation_answered"
        ]
    );
}

#[tokio::test]
async fn a_concluded_cohort_takes_no_carry_over_and_no_answer() {
    let program = Program::new().await;
    program.next_cohort().await;
    let marc = program.person(Role::Mentor, "marc", "fr").await;
    program
        .carry(&[marc.profile])
        .await
        .assert_status(StatusCode::OK);
    sqlx::query(
        "UPDATE cohorts SET closed_at = '2026-11-30T12:00:00Z' WHERE code = 'automne-2026'",
    )
    .execute(&program.app.pool)
    .await
    .expect("the cohort is concluded");
    let refused = program.carry(&[marc.profile]).await;
    refused.assert_status(StatusCode::CONFLICT);
    let answer = program
        .answer_for(
            &marc,
            "automne-2026",
            &[
                ("answer", "confirm"),
                ("capacity", "2"),
                ("availability[]", "mon-morning"),
            ],
        )
        .await;
    answer.assert_status(StatusCode::CONFLICT);
    let status: String = sqlx::query_scalar(
        "SELECT status FROM cohort_members WHERE profile_id = ? \
         AND cohort_id = (SELECT id FROM cohorts WHERE code = 'automne-2026')",
    )
    .bind(marc.profile)
    .fetch_one(&program.app.pool)
    .await
    .expect("the membership is read");
    assert_eq!(status, "invited");
}
