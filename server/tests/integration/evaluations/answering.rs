//! Answering: a draft, then sent once; the answers read back by their
//! author; nobody else reads or writes them; the coordination reads only
//! what was sent, in its results, per person and in the CSV.
use super::*;
use app::error::{AppError, InputProblem};
use app::evaluations::results_api::{
    CohortResults, GetEvaluationResults, GetPersonAnswers, PersonAnswers,
};
use app::evaluations::{AnswerKind, AnswerValue, Audience, ResponseStatus};

/// A program with amina (mentee, French) and marc (mentor, English) in a
/// pair of the concluded cohort, and the id of amina's response.
async fn concluded() -> (Program, Person, Person, i64) {
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "en").await;
    program.active_pair(&amina, &marc).await;
    program.conclude().await;
    let id = program.response_of(&amina).await;
    (program, amina, marc, id)
}

#[tokio::test]
async fn a_person_keeps_a_draft_then_sends_once_and_reads_their_answers() {
    let (program, amina, _marc, id) = concluded().await;
    let response = program.mine(&amina, id).await;
    assert_eq!(response.status, ResponseStatus::Pending);
    assert_eq!(response.questions.len(), 6, "six questions for mentees");
    let scales: Vec<i64> = response
        .questions
        .iter()
        .filter(|answered| answered.question.kind == AnswerKind::Scale)
        .map(|answered| answered.question.id)
        .collect();
    let text = response
        .questions
        .iter()
        .find(|answered| answered.question.kind == AnswerKind::Text)
        .map(|answered| answered.question.id)
        .expect("a text question");

    // A draft needs nothing and keeps what was typed.
    let first_scale = scales[0].to_string();
    let draft = program
        .save(
            &amina,
            id,
            "draft",
            &[(scales[0], "4"), (text, "Les rencontres du mardi")],
        )
        .await;
    draft.assert_status(StatusCode::OK);
    assert_eq!(draft.json::<ResponseStatus>(), ResponseStatus::Draft);
    let kept = program.mine(&amina, id).await;
    assert_eq!(kept.status, ResponseStatus::Draft);
    let answer_of = |response: &MyResponse, question: i64| {
        response
            .questions
            .iter()
            .find(|answered| answered.question.id == question)
            .and_then(|answered| answered.answer.clone())
    };
    assert_eq!(answer_of(&kept, scales[0]), Some(AnswerValue::Scale(4)));
    assert_eq!(
        answer_of(&kept, text),
        Some(AnswerValue::Text("Les rencontres du mardi".to_owned()))
    );

    // A page read before the draft was saved names an older version.
    let stale = program
        .save_at(&amina, id, response.version, "draft", &[(scales[0], "2")])
        .await;
    stale.assert_status(StatusCode::CONFLICT);
    assert_eq!(stale.json::<AppError>(), AppError::ResponseSavedElsewhere);

    // Out of the scale: refused, nothing kept.
    let refused = program.save(&amina, id, "draft", &[(scales[0], "6")]).await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert_eq!(
        refused
            .json::<AppError>()
            .problem_with(&format!("answers[{first_scale}]")),
        Some(InputProblem::OutOfRange)
    );
    assert_eq!(
        answer_of(&program.mine(&amina, id).await, scales[0]),
        Some(AnswerValue::Scale(4))
    );

    // Sending requires every scale: refused, each missing one named, and
    // what was typed kept as the draft.
    let incomplete = program
        .save(
            &amina,
            id,
            "send",
            &[(scales[0], "5"), (text, "Les rencontres")],
        )
        .await;
    incomplete.assert_status(StatusCode::BAD_REQUEST);
    let error: AppError = incomplete.json();
    for missing in &scales[1..] {
        assert_eq!(
            error.problem_with(&format!("answers[{missing}]")),
            Some(InputProblem::Required),
            "{missing}"
        );
    }
    let kept = program.mine(&amina, id).await;
    assert_eq!(kept.status, ResponseStatus::Draft);
    assert_eq!(answer_of(&kept, scales[0]), Some(AnswerValue::Scale(5)));

    let sent = program
        .save(
            &amina,
            id,
            "send",
            &complete_answers(&kept, "5", "Les rencontres"),
        )
        .await;
    sent.assert_status(StatusCode::OK);
    assert_eq!(sent.json::<ResponseStatus>(), ResponseStatus::Submitted);

    // Final: a second send (or a draft) is refused, nothing changes.
    let read = program.mine(&amina, id).await;
    for intent in ["send", "draft"] {
        let again = program
            .save_at(&amina, id, read.version, intent, &[(scales[0], "1")])
            .await;
        again.assert_status(StatusCode::CONFLICT);
        assert_eq!(again.json::<AppError>(), AppError::AlreadySubmitted);
    }
    let after = program.mine(&amina, id).await;
    assert_eq!(after.status, ResponseStatus::Submitted);
    assert!(after.submitted_at.is_some());
    assert_eq!(answer_of(&after, scales[0]), Some(AnswerValue::Scale(5)));
    assert_eq!(
        answer_of(&after, text),
        Some(AnswerValue::Text("Les rencontres".to_owned()))
    );

    // Her page shows her answers, read only, and says they are final.
    let page = program
        .app
        .get_with_cookie(&format!("/questionnaire/{id}"), &amina.cookie)
        .await;
    page.assert_status(StatusCode::OK);
    assert!(
        page.body.contains("Vos réponses ont été envoyées"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Les rencontres"));
    assert!(!page.body.contains("name=\"intent\""), "no form once sent");
}

#[tokio::test]
async fn a_refused_form_comes_back_with_what_was_typed() {
    let (program, amina, _marc, id) = concluded().await;
    let response = program.mine(&amina, id).await;
    let page = format!("/questionnaire/{id}");
    let form_page = program.app.get_with_cookie(&page, &amina.cookie).await;
    form_page.assert_status(StatusCode::OK);
    assert!(form_page.body.contains("name=\"intent\" value=\"send\""));
    assert!(form_page.body.contains("data-confirm"));
    let scale = response.questions[0].question.id;
    let text = response
        .questions
        .iter()
        .find(|answered| answered.question.kind == AnswerKind::Text)
        .map(|answered| answered.question.id)
        .expect("a text question");
    let (scale_name, text_name) = (format!("answers[{scale}]"), format!("answers[{text}]"));
    let refused = program
        .app
        .plain_post_from(
            &page,
            SaveAnswers::PATH,
            &amina.cookie,
            form(&[
                ("id", &id.to_string()),
                ("version", &response.version.to_string()),
                ("intent", "send"),
                (&scale_name, "9"),
                (&text_name, "Un texte à ne pas perdre"),
            ]),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FOUND, "{}", refused.body);
    let echo =
        crate::common::cookie_set(&refused, "mentorat_form").expect("the typed values are kept");
    let back = refused
        .headers
        .get(axum::http::header::LOCATION)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .trim_start_matches("http://127.0.0.1:3000")
        .to_owned();
    let again = program
        .app
        .get_with_cookie(&back, &format!("{}; {echo}", amina.cookie))
        .await;
    assert!(
        again.body.contains("Un texte à ne pas perdre"),
        "{}",
        again.body
    );
    assert!(again.body.contains("aria-invalid=\"true\""));
}

#[tokio::test]
async fn a_response_is_read_and_written_by_its_author_only() {
    let (program, amina, marc, id) = concluded().await;
    let other = program.person(Role::Mentee, "ines", "fr").await;
    // Her mentor, another mentee, and the coordination: refused.
    for person in [&marc, &other] {
        program
            .read(person, id)
            .await
            .assert_status(StatusCode::FORBIDDEN);
        program
            .save_at(person, id, 0, "draft", &[])
            .await
            .assert_status(StatusCode::FORBIDDEN);
        let page = program
            .app
            .get_with_cookie(&format!("/questionnaire/{id}"), &person.cookie)
            .await;
        page.assert_status(StatusCode::FORBIDDEN);
    }
    let by_coordinator = program
        .as_coordinator(
            SaveAnswers::PATH,
            &[
                ("id", &id.to_string()),
                ("version", "0"),
                ("intent", "send"),
            ],
        )
        .await;
    by_coordinator.assert_status(StatusCode::FORBIDDEN);
    program
        .as_coordinator(GetMyQuestionnaire::PATH, &[("id", &id.to_string())])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    assert_eq!(
        program.mine(&amina, id).await.status,
        ResponseStatus::Pending
    );
    // Signed out: sign in first; an unknown response: not found.
    program
        .app
        .call(
            GetMyQuestionnaire::PATH,
            &form(&[("id", &id.to_string())]),
            None,
        )
        .await
        .assert_status(StatusCode::UNAUTHORIZED);
    program
        .read(&amina, 999_999)
        .await
        .assert_status(StatusCode::NOT_FOUND);

    // The results and a person's answers are the coordination's alone.
    for person in [&amina, &marc] {
        program
            .app
            .call(
                GetEvaluationResults::PATH,
                &form(&[("cohort", COHORT), ("kind", "evaluation")]),
                Some(&person.cookie),
            )
            .await
            .assert_status(StatusCode::FORBIDDEN);
        program
            .app
            .call(
                GetPersonAnswers::PATH,
                &form(&[("id", &id.to_string())]),
                Some(&person.cookie),
            )
            .await
            .assert_status(StatusCode::FORBIDDEN);
        let csv = program
            .app
            .get_with_cookie(
                "/coordinator/exports/hiver-2025/evaluations.csv",
                &person.cookie,
            )
            .await;
        csv.assert_status(StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn the_coordination_reads_only_submitted_answers_in_results_per_person_and_csv() {
    let (program, amina, marc, amina_id) = concluded().await;
    let response = program.mine(&amina, amina_id).await;
    program
        .save(
            &amina,
            amina_id,
            "send",
            &complete_answers(&response, "4", "Les rencontres du mardi"),
        )
        .await
        .assert_status(StatusCode::OK);
    // Marc keeps a draft: never counted, never read by the coordination.
    let marc_id = program.response_of(&marc).await;
    let marc_response = program.mine(&marc, marc_id).await;
    program
        .save(
            &marc,
            marc_id,
            "draft",
            &complete_answers(&marc_response, "1", "Brouillon privé"),
        )
        .await
        .assert_status(StatusCode::OK);

    let results: CohortResults = program
        .as_coordinator(
            GetEvaluationResults::PATH,
            &[("cohort", COHORT), ("kind", "evaluation")],
        )
        .await
        .json();
    assert!(results.sent_at.is_some());
    let of = |audience: Audience| {
        results
            .audiences
            .iter()
            .find(|results| results.audience == audience)
            .expect("both audiences")
    };
    let mentees = of(Audience::Mentee);
    assert_eq!(
        (
            mentees.rate.sent,
            mentees.rate.drafted,
            mentees.rate.submitted
        ),
        (1, 0, 1)
    );
    let first = &mentees.questions[0];
    assert_eq!(first.counts, [0, 0, 0, 1, 0]);
    assert_eq!(first.mean_tenths, Some(40));
    assert!(mentees
        .questions
        .iter()
        .any(|question| question.texts == ["Les rencontres du mardi"]));
    let mentors = of(Audience::Mentor);
    assert_eq!(
        (
            mentors.rate.sent,
            mentors.rate.drafted,
            mentors.rate.submitted
        ),
        (1, 1, 0)
    );
    assert!(mentors
        .questions
        .iter()
        .all(|question| question.answered == 0));
    assert_eq!(results.people.len(), 2);

    let marc_answers: PersonAnswers = program
        .as_coordinator(GetPersonAnswers::PATH, &[("id", &marc_id.to_string())])
        .await
        .json();
    assert_eq!(marc_answers.status, ResponseStatus::Draft);
    assert!(marc_answers.questions.is_empty(), "a draft is not read");
    let amina_answers: PersonAnswers = program
        .as_coordinator(GetPersonAnswers::PATH, &[("id", &amina_id.to_string())])
        .await
        .json();
    assert_eq!(
        amina_answers.questions.len(),
        5,
        "four scales and the text answered"
    );
    assert_eq!(
        program
            .count(
                "SELECT COUNT(*) FROM personal_data_reads \
                 WHERE what = 'questionnaire_answers' AND purpose = 'evaluation'"
            )
            .await,
        2
    );

    // The pages say the same.
    let page = program
        .app
        .get_with_cookie(
            "/coordinator/evaluations?cohort=hiver-2025&kind=evaluation",
            &program.coordinator,
        )
        .await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Les rencontres du mardi"));
    assert!(!page.body.contains("Brouillon privé"));
    assert!(page
        .body
        .contains(&format!("/coordinator/evaluations/answers/{amina_id}")));
    assert!(
        page.body.contains("Moyenne : 4,0 sur 5, pour 1 réponse."),
        "{}",
        page.body
    );

    // The CSV: the byte-order mark, a header, one row: amina's.
    let csv = program
        .app
        .get_with_cookie(
            "/coordinator/exports/hiver-2025/evaluations.csv",
            &program.coordinator,
        )
        .await;
    csv.assert_status(StatusCode::OK);
    assert!(
        csv.body.starts_with('\u{feff}'),
        "UTF-8 with a byte-order mark"
    );
    let lines: Vec<&str> = csv.body.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 2, "{}", csv.body);
    assert!(
        lines[0].contains("Mentoré·e·s — Dans l’ensemble"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("Mentoré·e·s,amina,"), "{}", lines[1]);
    assert!(lines[1].contains("Les rencontres du mardi"));
    assert!(!csv.body.contains("Brouillon privé"));
}
