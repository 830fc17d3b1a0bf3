//! Opening a cohort: mentees imported from a list after a preview that says
//! every line's problem, and mentors invited or promoted without an
//! application only with the program's three criteria answered, recorded and
//! audited.
use super::*;
use app::people::import::{ImportPreview, LineProblem};

const COHORT: &str = "printemps-2027";

/// Pastes a list for the cohort and answers the preview's id.
async fn stage(app: &TestApp, coordinator: &str, list: &str) -> i64 {
    let staged = app
        .call(
            StageMenteeImport::PATH,
            &form(&[("cohort", COHORT), ("locale", "fr"), ("list", list)]),
            Some(coordinator),
        )
        .await;
    assert!(
        staged.status == StatusCode::OK || staged.status == StatusCode::FOUND,
        "{} {}",
        staged.status,
        staged.body
    );
    sqlx::query_scalar("SELECT max(id) FROM mentee_imports")
        .fetch_one(&app.pool)
        .await
        .expect("the list is kept")
}

async fn preview(app: &TestApp, coordinator: &str, id: i64) -> ImportPreview {
    let preview = app
        .call(
            GetMenteeImport::PATH,
            &form(&[("id", &id.to_string())]),
            Some(coordinator),
        )
        .await;
    preview.assert_status(StatusCode::OK);
    preview.json()
}

#[tokio::test]
async fn a_list_of_mentees_is_previewed_line_by_line_and_only_its_ready_lines_are_invited() {
    let (app, coordinator) = app_with_coordinator().await;
    app.create_cohort(COHORT).await;
    app.create_account(Role::Mentee, "known@student.example", "known-password-1")
        .await;
    app.call(
        InvitePerson::PATH,
        &form(&[
            ("email", "pending@student.example"),
            ("display_name", "Pending"),
            ("role", "mentee"),
            ("locale", "fr"),
        ]),
        Some(&coordinator),
    )
    .await
    .assert_status(StatusCode::OK);

    // Empty: refused, nothing kept.
    let empty = app
        .call(
            StageMenteeImport::PATH,
            &form(&[("cohort", COHORT), ("locale", "fr"), ("list", " \n ")]),
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        error_of(&empty).problem_with("list"),
        Some(InputProblem::Required)
    );

    let list = "Nom;Courriel;Langue\n\
                Amina Diallo;amina@student.example;fr\n\
                Bruno;not-an-address;fr\n\
                Chloé;chloe@student.example;espagnol\n\
                Amina bis;AMINA@student.example;\n\
                Known;known@student.example;fr\n\
                Pending;pending@student.example;en\n\
                Dev Patel;dev@student.example;anglais\n";
    let id = stage(&app, &coordinator, list).await;
    let seen = preview(&app, &coordinator, id).await;
    let problems: Vec<(usize, Option<LineProblem>)> = seen
        .lines
        .iter()
        .map(|line| (line.line, line.problem))
        .collect();
    assert_eq!(
        problems,
        [
            (2, None),
            (3, Some(LineProblem::InvalidEmail)),
            (4, Some(LineProblem::UnknownLanguage)),
            (5, Some(LineProblem::Duplicate { line: 2 })),
            (6, Some(LineProblem::HasAccount)),
            (7, Some(LineProblem::AlreadyInvited)),
            (8, None),
        ]
    );
    assert_eq!(seen.ready(), 2);
    assert_eq!(seen.cohort.code, COHORT);
    let invitations_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invitations")
        .fetch_one(&app.pool)
        .await
        .expect("count");
    assert_eq!(invitations_before, 1, "a preview sends nothing");

    // The preview's page says each line's problem, in the reader's language.
    let page = app
        .get_with_cookie(&format!("/coordinator/people/import/{id}"), &coordinator)
        .await;
    page.assert_status(StatusCode::OK);
    assert!(
        page.body.contains("Même adresse qu’à la ligne 2."),
        "{}",
        page.body
    );
    assert!(page.body.contains("Cette adresse a déjà un compte"));
    // Correcting it starts from the list as pasted.
    let correct = app
        .get_with_cookie(
            &format!("/coordinator/people/import?from={id}"),
            &coordinator,
        )
        .await;
    assert!(correct
        .body
        .contains("Chloé;chloe@student.example;espagnol"));

    // A confirmation of other lines than those shown sends nothing.
    let stale = app
        .call(
            SendMenteeImport::PATH,
            &form(&[("id", &id.to_string()), ("seen", "2:amina@student.example")]),
            Some(&coordinator),
        )
        .await;
    stale.assert_status(StatusCode::CONFLICT);

    let sent = app
        .call(
            SendMenteeImport::PATH,
            &form(&[("id", &id.to_string()), ("seen", &seen.seen)]),
            Some(&coordinator),
        )
        .await;
    sent.assert_status(StatusCode::OK);
    assert_eq!(sent.body, "2");
    let invited: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT o.recipient, o.locale, i.role FROM outbox o \
         JOIN invitations i ON i.email = o.recipient \
         WHERE o.kind = 'invitation' AND o.recipient <> 'pending@student.example' \
         ORDER BY o.recipient",
    )
    .fetch_all(&app.pool)
    .await
    .expect("the outbox");
    assert_eq!(
        invited,
        [
            ("amina@student.example".into(), "fr".into(), "mentee".into()),
            ("dev@student.example".into(), "en".into(), "mentee".into()),
        ]
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE event = 'mentees_imported' AND detail = ?",
    )
    .bind(format!("{COHORT}: 2 invited"))
    .fetch_one(&app.pool)
    .await
    .expect("audit");
    assert_eq!(audited, 1);

    // Once only.
    let again = app
        .call(
            SendMenteeImport::PATH,
            &form(&[("id", &id.to_string()), ("seen", &seen.seen)]),
            Some(&coordinator),
        )
        .await;
    again.assert_status(StatusCode::CONFLICT);
    assert_eq!(
        preview(&app, &coordinator, id)
            .await
            .sent
            .map(|(_, count)| count),
        Some(2)
    );

    // The invitee lands in the cohort of the list, as a mentee.
    let (url, _, _) = sqlx::query_as::<_, (String, String, String)>(
        "SELECT action_url, locale, body FROM outbox WHERE recipient = 'dev@student.example'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("dev's invitation");
    app.call(
        AcceptInvitation::PATH,
        &form(&[
            ("token", &token_of(&url)),
            ("display_name", "Dev Patel"),
            ("password", "dev-password-1"),
            ("consent", "on"),
        ]),
        None,
    )
    .await;
    let joined: (String, String) = sqlx::query_as(
        "SELECT p.role, c.code FROM profiles p JOIN accounts a ON a.id = p.account_id \
         JOIN cohorts c ON c.id = p.cohort_id WHERE a.email = 'dev@student.example'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("dev's profile");
    assert_eq!(joined, ("mentee".to_owned(), COHORT.to_owned()));
}

async fn eligibility_rows(app: &TestApp) -> Vec<(String, String, String, bool, bool)> {
    sqlx::query_as(
        "SELECT email, way, diploma_level, is_employed, works_in_research \
         FROM mentor_eligibility ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .expect("the answers")
}

#[tokio::test]
async fn a_mentor_without_an_application_needs_the_three_criteria_met_and_they_are_recorded() {
    let (app, coordinator) = app_with_coordinator().await;
    let invite = |answers: &'static [(&'static str, &'static str)]| {
        let app = &app;
        let coordinator = coordinator.clone();
        async move {
            let mut fields = vec![
                ("email", "sam@mentor.example"),
                ("display_name", "Sam"),
                ("role", "mentor"),
                ("locale", "fr"),
            ];
            fields.extend_from_slice(answers);
            app.call(InvitePerson::PATH, &form(&fields), Some(&coordinator))
                .await
        }
    };

    let unanswered = invite(&[]).await;
    assert_eq!(
        error_of(&unanswered).problem_with("diploma_level"),
        Some(InputProblem::Required)
    );
    let in_research = invite(&[
        ("diploma_level", "doctorate"),
        ("is_employed", "yes"),
        ("works_in_research", "yes"),
    ])
    .await;
    assert_eq!(
        error_of(&in_research).problem_with("eligibility"),
        Some(InputProblem::MentorNotEligible)
    );
    let invitations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invitations")
        .fetch_one(&app.pool)
        .await
        .expect("count");
    assert_eq!(invitations, 0, "no invitation around the rule");

    invite(&[
        ("diploma_level", "master"),
        ("is_employed", "yes"),
        ("works_in_research", "no"),
    ])
    .await
    .assert_status(StatusCode::OK);

    // Promoting a mentee: the same answers, the same rule.
    let mentee = app
        .create_account(Role::Mentee, "lea@student.example", "lea-password-1")
        .await;
    let promote = |answers: &'static [(&'static str, &'static str)]| {
        let app = &app;
        let coordinator = coordinator.clone();
        async move {
            let id = mentee.to_string();
            let mut fields = vec![("account_id", id.as_str()), ("role", "mentor")];
            fields.extend_from_slice(answers);
            app.call(ChangeAccountRole::PATH, &form(&fields), Some(&coordinator))
                .await
        }
    };
    let unemployed = promote(&[
        ("diploma_level", "bachelor"),
        ("is_employed", "no"),
        ("works_in_research", "no"),
    ])
    .await;
    assert_eq!(
        error_of(&unemployed).problem_with("eligibility"),
        Some(InputProblem::MentorNotEligible)
    );
    let role: String = sqlx::query_scalar("SELECT role FROM accounts WHERE id = ?")
        .bind(mentee)
        .fetch_one(&app.pool)
        .await
        .expect("role");
    assert_eq!(role, "mentee");
    promote(&[
        ("diploma_level", "bachelor"),
        ("is_employed", "yes"),
        ("works_in_research", "no"),
    ])
    .await
    .assert_status(StatusCode::OK);

    assert_eq!(
        eligibility_rows(&app).await,
        [
            (
                "sam@mentor.example".into(),
                "invitation".into(),
                "master".into(),
                true,
                false
            ),
            (
                "lea@student.example".into(),
                "promotion".into(),
                "bachelor".into(),
                true,
                false
            ),
        ]
    );
    let audited: Vec<String> = sqlx::query_scalar(
        "SELECT detail FROM audit_log WHERE event = 'mentor_eligibility_recorded' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .expect("audit");
    assert_eq!(
        audited,
        [
            "invitation: diploma master, employed yes, research no",
            "promotion: diploma bachelor, employed yes, research no",
        ]
    );

    // A mentee is invited without any of it.
    app.call(
        InvitePerson::PATH,
        &form(&[
            ("email", "noor@student.example"),
            ("display_name", "Noor"),
            ("role", "mentee"),
            ("locale", "en"),
        ]),
        Some(&coordinator),
    )
    .await
    .assert_status(StatusCode::OK);
    assert_eq!(eligibility_rows(&app).await.len(), 2);
}

#[tokio::test]
async fn a_refused_promotion_comes_back_in_its_own_row_and_nowhere_else() {
    let (app, coordinator) = app_with_coordinator().await;
    let lea = app
        .create_account(Role::Mentee, "lea@student.example", "lea-password-1")
        .await;
    let noor = app
        .create_account(Role::Mentee, "noor@student.example", "noor-password-1")
        .await;
    let refused = app
        .plain_post_from(
            "/coordinator/people",
            ChangeAccountRole::PATH,
            &coordinator,
            form(&[
                ("account_id", &lea.to_string()),
                ("role", "mentor"),
                ("diploma_level", "master"),
                ("is_employed", "no"),
                ("works_in_research", "no"),
            ]),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FOUND, "{}", refused.body);
    let echo = crate::common::cookie_set(&refused, "mentorat_form").expect("what was typed");
    let back = redirect_of(&refused)
        .unwrap_or_default()
        .trim_start_matches("http://127.0.0.1:3000")
        .to_owned();
    let page = app
        .get_with_cookie(&back, &format!("{coordinator}; {echo}"))
        .await;
    page.assert_status(StatusCode::OK);
    // Léa's row opens on her answers and their problem…
    let lea_no =
        format!("id=\"field-role-{lea}-is_employed-no\" name=\"is_employed\" value=\"no\" checked");
    assert!(page.body.contains(&lea_no), "{}", page.body);
    assert!(page.body.contains("ne peut pas devenir mentor"));
    // …and neither Noor's row nor the invitation is filled with them.
    assert!(!page.body.contains(&format!(
        "id=\"field-role-{noor}-is_employed-no\" name=\"is_employed\" value=\"no\" checked"
    )));
    assert!(!page
        .body
        .contains("id=\"field-invite-is_employed-no\" name=\"is_employed\" value=\"no\" checked"));
    assert_eq!(
        page.body.matches("ne peut pas devenir mentor").count(),
        1,
        "the problem shows in her row only"
    );
}
