//! The question editor: wordings in both languages, questions added, moved
//! and retired within the questionnaire's size; answers already given keep
//! their question.
use super::*;
use app::error::{AppError, InputProblem};
use app::evaluations::editor_api::{
    AddQuestion, GetQuestionnaireQuestions, MoveQuestion, QuestionnaireQuestions, RetireQuestion,
    SaveQuestionLabels,
};
use app::evaluations::AnswerKind;

async fn questions(program: &Program, kind: &str, audience: &str) -> QuestionnaireQuestions {
    program
        .as_coordinator(
            GetQuestionnaireQuestions::PATH,
            &[("kind", kind), ("audience", audience)],
        )
        .await
        .json()
}

async fn add(program: &Program, kind: &str, answer_kind: &str) -> TestResponse {
    program
        .as_coordinator(
            AddQuestion::PATH,
            &[
                ("kind", kind),
                ("audience", "mentee"),
                ("answer_kind", answer_kind),
                ("label_fr", "Le rythme des rencontres vous convenait-il ?"),
                ("label_en", "Did the pace of meetings suit you?"),
            ],
        )
        .await
}

#[tokio::test]
async fn questions_are_reworded_added_moved_and_retired_within_their_count() {
    let program = Program::new().await;
    let seeded = questions(&program, "evaluation", "mentee").await;
    assert_eq!(seeded.questions.len(), 6);
    let first = seeded.questions[0].id;

    // Both wordings are required.
    let missing = program
        .as_coordinator(
            SaveQuestionLabels::PATH,
            &[
                ("id", &first.to_string()),
                ("label_fr", "Satisfaction ?"),
                ("label_en", " "),
            ],
        )
        .await;
    missing.assert_status(StatusCode::BAD_REQUEST);
    assert_eq!(
        missing.json::<AppError>().problem_with("label_en"),
        Some(InputProblem::Required)
    );
    program
        .as_coordinator(
            SaveQuestionLabels::PATH,
            &[
                ("id", &first.to_string()),
                ("label_fr", "Êtes-vous satisfait·e du programme ?"),
                ("label_en", "Are you satisfied with the program?"),
            ],
        )
        .await
        .assert_status(StatusCode::OK);

    // Up to eight, not nine.
    add(&program, "evaluation", "scale")
        .await
        .assert_status(StatusCode::OK);
    add(&program, "evaluation", "text")
        .await
        .assert_status(StatusCode::OK);
    let full = add(&program, "evaluation", "scale").await;
    full.assert_status(StatusCode::CONFLICT);
    assert_eq!(full.json::<AppError>(), AppError::QuestionCount);
    let eight = questions(&program, "evaluation", "mentee").await;
    assert_eq!(eight.questions.len(), 8);
    assert_eq!(
        eight.questions[0].label.en.as_deref(),
        Some("Are you satisfied with the program?")
    );
    assert_eq!(eight.questions[7].kind, AnswerKind::Text);

    // The last moves up one place.
    let last = eight.questions[7].id;
    program
        .as_coordinator(
            MoveQuestion::PATH,
            &[("id", &last.to_string()), ("direction", "up")],
        )
        .await
        .assert_status(StatusCode::OK);
    let moved = questions(&program, "evaluation", "mentee").await;
    assert_eq!(moved.questions[6].id, last);

    // Down to five, not four.
    for question in &moved.questions[..3] {
        program
            .as_coordinator(RetireQuestion::PATH, &[("id", &question.id.to_string())])
            .await
            .assert_status(StatusCode::OK);
    }
    let too_few = program
        .as_coordinator(
            RetireQuestion::PATH,
            &[("id", &moved.questions[3].id.to_string())],
        )
        .await;
    too_few.assert_status(StatusCode::CONFLICT);
    let after = questions(&program, "evaluation", "mentee").await;
    assert_eq!(
        after
            .questions
            .iter()
            .filter(|question| !question.retired)
            .count(),
        5
    );
    assert_eq!(
        after
            .questions
            .iter()
            .filter(|question| question.retired)
            .count(),
        3
    );

    // A pulse holds two: none added, none retired.
    add(&program, "pulse", "text")
        .await
        .assert_status(StatusCode::CONFLICT);
    let pulse = questions(&program, "pulse", "mentor").await;
    program
        .as_coordinator(
            RetireQuestion::PATH,
            &[("id", &pulse.questions[0].id.to_string())],
        )
        .await
        .assert_status(StatusCode::CONFLICT);

    // Every change is in the audit log.
    let edits = program
        .count("SELECT COUNT(*) FROM audit_log WHERE event = 'questionnaire_edited'")
        .await;
    assert_eq!(edits, 1 + 2 + 1 + 3);
    // The editor's page lists the questions and the retired ones.
    let page = program
        .app
        .get_with_cookie(
            "/coordinator/evaluations/questions?kind=evaluation&audience=mentee",
            &program.coordinator,
        )
        .await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Questions retirées"));
    // Retired first, it is listed with the retired ones, in the reader’s language.
    assert!(page.body.contains("Êtes-vous satisfait·e du programme ?"));
}

#[tokio::test]
async fn a_retired_question_keeps_the_answers_already_given() {
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "fr").await;
    program.active_pair(&amina, &marc).await;
    program.conclude().await;
    let id = program.response_of(&amina).await;
    let response = program.mine(&amina, id).await;
    program
        .save(
            &amina,
            id,
            "send",
            &complete_answers(&response, "3", "Bien"),
        )
        .await
        .assert_status(StatusCode::OK);
    let answered = response.questions[0].question.id;
    program
        .as_coordinator(RetireQuestion::PATH, &[("id", &answered.to_string())])
        .await
        .assert_status(StatusCode::OK);

    let mine = program.mine(&amina, id).await;
    assert!(mine
        .questions
        .iter()
        .any(|question| question.question.id == answered && question.question.retired));
    let results: app::evaluations::results_api::CohortResults = program
        .as_coordinator(
            app::evaluations::results_api::GetEvaluationResults::PATH,
            &[("cohort", COHORT)],
        )
        .await
        .json();
    let retired = results.audiences[0]
        .questions
        .iter()
        .find(|result| result.question.id == answered)
        .expect("the retired question still shows its answers");
    assert!(retired.question.retired);
    assert_eq!(retired.answered, 1);
}
