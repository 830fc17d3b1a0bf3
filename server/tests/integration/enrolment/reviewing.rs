//! The coordinator's review: eligibility, a request for more information and
//! its answer, a decline, an acceptance that makes the profile and invites
//! the mentor, and one acceptance per address.
use super::*;

#[tokio::test]
async fn an_ineligible_application_shows_its_reasons_and_cannot_be_accepted() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("luc@applicant.example", false)
        .await;
    let view: ApplicantView = review.applicant_view(&sent.token).await.json();
    assert_eq!(view.reasons, [IneligibilityReason::NotEmployed]);

    let queue: ApplicationQueue = review
        .decide(ListApplications::PATH, &[("eligibility", "ineligible")])
        .await
        .json();
    assert_eq!(queue.applications[0].id, sent.id);
    let eligible_only: ApplicationQueue = review
        .decide(ListApplications::PATH, &[("eligibility", "eligible")])
        .await
        .json();
    assert!(
        eligible_only.applications.is_empty(),
        "{:?}",
        eligible_only.applications
    );

    let refused = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &sent.id.to_string()), ("cohort", "hiver-2025")],
        )
        .await;
    refused.assert_status(StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("NotEligible"), "{}", refused.body);
    assert_eq!(review.status_of(sent.id).await, "submitted");
    let invitations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invitations")
        .fetch_one(&review.app.pool)
        .await
        .unwrap_or(-1);
    assert_eq!(invitations, 0);
}

#[tokio::test]
async fn asking_for_more_information_emails_the_question_and_the_answer_returns_to_the_queue() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("marc@applicant.example", true)
        .await;
    let id = sent.id.to_string();
    let empty = review
        .decide(
            RequestApplicationInfo::PATH,
            &[("id", &id), ("message", " ")],
        )
        .await;
    empty.assert_status(StatusCode::BAD_REQUEST);
    let asked = review
        .decide(
            RequestApplicationInfo::PATH,
            &[("id", &id), ("message", "Which year did you graduate?")],
        )
        .await;
    asked.assert_status(StatusCode::OK);
    assert_eq!(review.status_of(sent.id).await, "info_requested");

    let emails = review.emails_to("marc@applicant.example").await;
    let (kind, _, body, link) = emails.last().cloned().unwrap_or_default();
    assert_eq!(kind, "application_info_requested");
    assert!(body.contains("Which year did you graduate?"), "{body}");
    // The email's fresh link works, and so does the first one.
    let fresh = link
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_ne!(fresh, sent.token);
    let through_fresh: ApplicantView = review.applicant_view(&fresh).await.json();
    assert_eq!(through_fresh.status, ApplicationStatus::InfoRequested);
    assert_eq!(
        through_fresh.latest_message.as_deref(),
        Some("Which year did you graduate?")
    );

    let answered = review
        .app
        .call(
            AnswerApplication::PATH,
            &form(&[("token", &sent.token), ("answer", "In 2012, at Laval.")]),
            None,
        )
        .await;
    answered.assert_status(StatusCode::OK);
    assert_eq!(review.status_of(sent.id).await, "submitted");
    let again = review
        .app
        .call(
            AnswerApplication::PATH,
            &form(&[("token", &sent.token), ("answer", "Twice?")]),
            None,
        )
        .await;
    again.assert_status(StatusCode::CONFLICT);

    let detail: ApplicationDetail = review
        .decide(GetApplication::PATH, &[("id", &id)])
        .await
        .json();
    let events = &detail.events;
    let kinds: Vec<ApplicationEventKind> = events.iter().map(|event| event.kind).collect();
    assert_eq!(
        kinds,
        [
            ApplicationEventKind::Submitted,
            ApplicationEventKind::InfoRequested,
            ApplicationEventKind::InfoProvided
        ]
    );
    assert_eq!(
        events[1].actor.as_deref(),
        Some("Person claire@program.example")
    );
    assert_eq!(events[2].actor, None, "the applicant acted");
    assert_eq!(events[2].message.as_deref(), Some("In 2012, at Laval."));
}

#[tokio::test]
async fn declining_emails_the_reason_and_closes_the_application() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("rob@applicant.example", true)
        .await;
    let id = sent.id.to_string();
    let declined = review
        .decide(
            DeclineApplication::PATH,
            &[("id", &id), ("reason", "Our cohort is full this year.")],
        )
        .await;
    declined.assert_status(StatusCode::OK);
    assert_eq!(review.status_of(sent.id).await, "declined");
    let (kind, locale, body, _) = review
        .emails_to("rob@applicant.example")
        .await
        .last()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (kind.as_str(), locale.as_str()),
        ("application_declined", "en")
    );
    assert!(body.contains("Our cohort is full this year."));

    // A closed application takes no other decision, and cannot be withdrawn.
    for (path, pairs) in [
        (
            AcceptApplication::PATH,
            vec![("id", id.as_str()), ("cohort", "")],
        ),
        (
            RequestApplicationInfo::PATH,
            vec![("id", id.as_str()), ("message", "More?")],
        ),
    ] {
        let late = review.decide(path, &pairs).await;
        assert_eq!(late.status, StatusCode::CONFLICT, "{path}");
    }
    let withdraw = review
        .app
        .call(
            WithdrawApplication::PATH,
            &form(&[("token", &sent.token)]),
            None,
        )
        .await;
    withdraw.assert_status(StatusCode::CONFLICT);
    assert_eq!(review.status_of(sent.id).await, "declined");
}

#[tokio::test]
async fn accepting_makes_the_profile_and_invites_the_mentor_who_finds_it_on_arrival() {
    let review = Review::new().await;
    let sent = review
        .app
        .submit_application("priya@applicant.example", true)
        .await;
    let accepted = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &sent.id.to_string()), ("cohort", "hiver-2025")],
        )
        .await;
    accepted.assert_status(StatusCode::OK);
    assert_eq!(review.status_of(sent.id).await, "accepted");
    let (pending, capacity): (Option<String>, i64) = sqlx::query_as(
        "SELECT pending_email, capacity FROM profiles WHERE application_id = ? \
         AND account_id IS NULL AND cohort_id = (SELECT id FROM cohorts WHERE code = 'hiver-2025')",
    )
    .bind(sent.id)
    .fetch_one(&review.app.pool)
    .await
    .expect("the profile waits for its mentor");
    assert_eq!(
        (pending.as_deref(), capacity),
        (Some("priya@applicant.example"), 2)
    );

    let (kind, locale, _, link) = review
        .emails_to("priya@applicant.example")
        .await
        .last()
        .cloned()
        .unwrap_or_default();
    assert_eq!((kind.as_str(), locale.as_str()), ("invitation", "en"));
    let token = link
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let joined = review
        .app
        .call(
            AcceptInvitation::PATH,
            &form(&[
                ("token", &token),
                ("display_name", "Priya Raman"),
                ("password", PASSWORD),
                ("consent", "on"),
            ]),
            None,
        )
        .await;
    joined.assert_status(StatusCode::OK);
    let mentor = review
        .app
        .sign_in("priya@applicant.example", PASSWORD)
        .await;
    let profile = review.app.call(GetMyProfile::PATH, "", Some(&mentor)).await;
    profile.assert_status(StatusCode::OK);
    let profile = profile.json::<ProfilePage>().profile;
    assert_eq!(profile.fields.domains, ["nursing", "mental-health"]);
    assert_eq!(profile.fields.modality, Some(Modality::Either));
    assert_eq!(profile.mentor.map(|mentor| mentor.capacity), Some(2));
    assert_eq!(
        profile.cohort.and_then(|cohort| cohort.fr).as_deref(),
        Some("Cohorte hiver-2025")
    );
    let profiles: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM profiles")
        .fetch_one(&review.app.pool)
        .await
        .unwrap_or(-1);
    assert_eq!(
        profiles, 1,
        "the waiting profile became the mentor's, no second one"
    );

    // A second acceptance of the same application is refused.
    let again = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &sent.id.to_string()), ("cohort", "")],
        )
        .await;
    again.assert_status(StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_second_application_from_an_accepted_address_cannot_be_accepted_too() {
    let review = Review::new().await;
    let first = review
        .app
        .submit_application("twice@applicant.example", true)
        .await;
    let second = review
        .app
        .submit_application("twice@applicant.example", true)
        .await;
    let closed_cohort = sqlx::query("UPDATE cohorts SET is_open = 0 WHERE code = 'hiver-2025'")
        .execute(&review.app.pool)
        .await;
    assert!(closed_cohort.is_ok());
    let into_closed = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &first.id.to_string()), ("cohort", "hiver-2025")],
        )
        .await;
    assert_eq!(
        into_closed.status,
        StatusCode::BAD_REQUEST,
        "a closed cohort takes nobody new"
    );
    assert_eq!(review.status_of(first.id).await, "submitted");

    let accepted = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &first.id.to_string()), ("cohort", "")],
        )
        .await;
    accepted.assert_status(StatusCode::OK);
    let again = review
        .decide(
            AcceptApplication::PATH,
            &[("id", &second.id.to_string()), ("cohort", "")],
        )
        .await;
    again.assert_status(StatusCode::BAD_REQUEST);
    assert!(again.body.contains("EmailTaken"), "{}", again.body);
    assert_eq!(review.status_of(second.id).await, "submitted");
}
