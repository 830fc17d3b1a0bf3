//! The applicant's side: a complete application confirmed by email with a
//! private link, the daily limit per address, a form refused field by field
//! (with or without JavaScript), and an application withdrawn for good.
use super::*;

#[tokio::test]
async fn an_application_is_confirmed_by_email_and_its_link_shows_only_that_application() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("nadia@applicant.example", true)
        .await;
    let other = review
        .app
        .submit_application("other@applicant.example", true)
        .await;
    assert_eq!(review.status_of(sent.id).await, "submitted");

    let emails = review.emails_to("nadia@applicant.example").await;
    assert_eq!(emails.len(), 1);
    let (kind, locale, body, link) = &emails[0];
    assert_eq!(
        (kind.as_str(), locale.as_str()),
        ("application_received", "en")
    );
    assert!(body.contains("Hello Nadia Benali"), "{body}");
    let link = link.clone().unwrap_or_default();
    assert!(
        link.ends_with(&format!("/application/{}", sent.token)),
        "{link}"
    );

    let mine = review.applicant_view(&sent.token).await;
    mine.assert_status(StatusCode::OK);
    let mine: ApplicantView = mine.json();
    assert_eq!(mine.status, ApplicationStatus::Submitted);
    assert_eq!(mine.display_name, "Nadia Benali");
    assert!(mine.reasons.is_empty(), "{:?}", mine.reasons);
    // Another applicant's token shows the other application, never this one;
    // an unknown token shows nothing.
    assert_ne!(other.token, sent.token);
    let unknown = review.applicant_view("not-a-token").await;
    unknown.assert_status(StatusCode::GONE);
    assert!(!unknown.body.contains("Nadia"));
    // The private link page renders for its holder only.
    let page = review
        .app
        .get(&format!("/application/{}", sent.token))
        .await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Nadia Benali"));
    let dead = review.app.get("/application/not-a-token").await;
    dead.assert_status(StatusCode::GONE);
}

#[tokio::test]
async fn one_address_cannot_send_more_than_three_applications_a_day() {
    let review = Review::new().await;
    for _ in 0..3 {
        review
            .app
            .submit_application("flood@applicant.example", true)
            .await;
    }
    let fourth = review
        .app
        .call(
            SubmitApplication::PATH,
            &application_form("flood@applicant.example", true),
            None,
        )
        .await;
    fourth.assert_status(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(review.emails_to("flood@applicant.example").await.len(), 3);
    let other = review
        .app
        .call(
            SubmitApplication::PATH,
            &application_form("someone-else@applicant.example", true),
            None,
        )
        .await;
    other.assert_status(StatusCode::OK);
}

#[tokio::test]
async fn an_incomplete_application_is_refused_field_by_field_and_nothing_is_stored() {
    let review = Review::new().await;
    let before = review.app.fingerprint().await;
    let response = review
        .app
        .call(
            SubmitApplication::PATH,
            &form(&[
                ("locale", "fr"),
                ("display_name", "Nadia"),
                ("email", "pas une adresse"),
                ("diploma_level", "bachelor"),
                ("is_employed", "yes"),
                ("domains[]", "astrology"),
                ("capacity", "9"),
                ("motivation", ""),
            ]),
            None,
        )
        .await;
    response.assert_status(StatusCode::BAD_REQUEST);
    let AppError::InvalidFields(problems) = response.json::<AppError>() else {
        panic!("every field's problem at once: {}", response.body);
    };
    let field_problem = |field: &str| {
        problems
            .iter()
            .find(|problem| problem.field == field)
            .map(|problem| problem.problem)
    };
    assert_eq!(field_problem("email"), Some(InputProblem::InvalidEmail));
    assert_eq!(field_problem("diploma_field"), Some(InputProblem::Required));
    assert_eq!(field_problem("employer"), Some(InputProblem::Required));
    assert_eq!(
        field_problem("works_in_research"),
        Some(InputProblem::Required)
    );
    assert_eq!(field_problem("domains"), Some(InputProblem::InvalidChoice));
    assert_eq!(field_problem("capacity"), Some(InputProblem::OutOfRange));
    assert_eq!(field_problem("motivation"), Some(InputProblem::Required));
    assert_eq!(
        field_problem("consent"),
        Some(InputProblem::ConsentRequired)
    );
    assert_eq!(
        review.app.fingerprint().await,
        before,
        "nothing half-written"
    );
}

#[tokio::test]
async fn without_javascript_a_refused_application_comes_back_with_what_was_typed() {
    let app = TestApp::new().await;
    let mut body = application_form("jade@applicant.example", true);
    body = body.replace("consent=on", "consent=");
    let (echo, back) = app
        .refused_form_post(SubmitApplication::PATH, "/apply", body)
        .await;
    let page = app.get_with_cookie(&back, &echo).await;
    assert!(page.body.contains("value=\"jade@applicant.example\""));
    assert!(page.body.contains("value=\"Clinical nurse\""));
    // Ticked boxes and chosen levels come back ticked and chosen.
    assert!(
        page.body.contains("value=\"nursing\" checked"),
        "the domain stays ticked"
    );
    assert!(page.body.contains("value=\"tue-evening\" checked"));
    assert!(page.body.contains("value=\"fluent\" selected"));
    assert!(page.body.contains("Give back what I received."));
    assert!(page
        .body
        .contains("Pour continuer, acceptez l’avis de confidentialité."));

    // A complete post without JavaScript lands on the private link.
    let accepted = app
        .post_form(
            SubmitApplication::PATH,
            &application_form("jade@applicant.example", true),
        )
        .await;
    accepted.assert_status(StatusCode::FOUND);
    let location = accepted
        .headers
        .get("location")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    assert!(location.starts_with("/application/"), "{location}");
}

#[tokio::test]
async fn a_withdrawn_application_leaves_the_queue_for_good() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("syl@applicant.example", true)
        .await;
    let withdrawn = review
        .app
        .call(
            WithdrawApplication::PATH,
            &form(&[("token", &sent.token)]),
            None,
        )
        .await;
    withdrawn.assert_status(StatusCode::OK);
    assert_eq!(review.status_of(sent.id).await, "withdrawn");
    let accept = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &sent.id.to_string()), ("cohort", "")],
        )
        .await;
    accept.assert_status(StatusCode::CONFLICT);
    let waiting: ApplicationQueue = review
        .decide(ListApplications::PATH, &[("status", "submitted")])
        .await
        .json();
    assert!(
        waiting.applications.is_empty(),
        "{:?}",
        waiting.applications
    );
}
