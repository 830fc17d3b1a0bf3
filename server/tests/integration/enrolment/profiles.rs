//! Profiles, cohorts and the taxonomy: a mentee's profile and how complete
//! it is, the current cohort on registration, cohorts made and filled by the
//! coordinator, and taxonomy entries added or withdrawn.
use super::*;

#[tokio::test]
async fn a_mentee_completes_a_profile_and_sees_how_complete_it_is() {
    let review = Review::new().await;
    let app = &review.app;
    app.create_account(Role::Mentee, "amina@student.example", PASSWORD)
        .await;
    let mentee = app.sign_in("amina@student.example", PASSWORD).await;
    let empty: ProfilePage = app.call(GetMyProfile::PATH, "", Some(&mentee)).await.json();
    assert_eq!(
        empty
            .profile
            .mentee
            .and_then(|mentee| mentee.program_of_study),
        None
    );
    assert!(empty.choices.skills.len() >= 20);

    let wrong = app
        .call(
            SaveMyProfile::PATH,
            &form(&[("study_year", "12"), ("skills[]", "juggling")]),
            Some(&mentee),
        )
        .await;
    wrong.assert_status(StatusCode::BAD_REQUEST);
    assert!(wrong.body.contains("study_year") && wrong.body.contains("skills"));

    let saved = app
        .call(
            SaveMyProfile::PATH,
            &form(&[
                ("program_of_study", "Baccalauréat en sciences infirmières"),
                ("institution", "Université de Montréal"),
                ("study_year", "2"),
                ("domains[]", "nursing"),
                ("skills[]", "interviews"),
                ("skills[]", "internship"),
                ("languages[fr]", "fluent"),
                ("needs_note", "Préparer mes entrevues."),
                // A mentor's field sent by a mentee is ignored.
                ("capacity", "5"),
            ]),
            Some(&mentee),
        )
        .await;
    saved.assert_status(StatusCode::OK);
    let profile = app
        .call(GetMyProfile::PATH, "", Some(&mentee))
        .await
        .json::<ProfilePage>()
        .profile;
    let measure = app::profiles::completeness(&profile);
    assert_eq!((measure.done, measure.total), (6, 8));
    assert_eq!(profile.mentor, None);
    assert_eq!(profile.fields.skills, ["interviews", "internship"]);

    // The page itself shows the measure and what is missing.
    let html = app.get_with_cookie("/profile", &mentee).await;
    assert!(html.body.contains("Profil rempli à 75 %"), "{}", html.body);
    assert!(html.body.contains("Modalité des rencontres"));
}

#[tokio::test]
async fn a_registered_mentee_joins_the_current_cohort() {
    let app = TestApp::new().await;
    let today = chrono::Utc::now().date_naive();
    sqlx::query(
        "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on) VALUES ('now', 'Maintenant', 'Now', ?, ?)",
    )
    .bind(today - chrono::Duration::days(30))
    .bind(today + chrono::Duration::days(300))
    .execute(&app.pool)
    .await
    .expect("a running cohort");
    let registered = app
        .register_and_confirm(
            &form(&[
                ("display_name", "Léa"),
                ("email", "lea@student.example"),
                ("password", PASSWORD),
                ("locale", "fr"),
                ("student", "on"),
                ("consent", "on"),
            ]),
            "lea@student.example",
        )
        .await;
    registered.assert_status(StatusCode::OK);
    let cohort: Option<String> = sqlx::query_scalar(
        "SELECT c.code FROM profiles p JOIN accounts a ON a.id = p.account_id \
         LEFT JOIN cohorts c ON c.id = p.cohort_id WHERE a.email = 'lea@student.example'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("the mentee has a profile");
    assert_eq!(cohort.as_deref(), Some("now"));
}

#[tokio::test]
async fn the_coordinator_creates_a_cohort_and_places_people_in_it() {
    let review = Review::new().await;
    let backwards = review
        .decide(
            SaveCohort::PATH,
            &[
                ("code", ""),
                ("name_fr", "Automne 2026"),
                ("name_en", "Fall 2026"),
                ("starts_on", "2026-12-01"),
                ("ends_on", "2026-09-01"),
            ],
        )
        .await;
    backwards.assert_status(StatusCode::BAD_REQUEST);
    assert!(backwards.body.contains("EndBeforeStart"));
    let created = review
        .decide(
            SaveCohort::PATH,
            &[
                ("code", ""),
                ("name_fr", "Automne 2026"),
                ("name_en", "Fall 2026"),
                ("starts_on", "2026-09-01"),
                ("ends_on", "2026-12-18"),
                ("is_open", "on"),
            ],
        )
        .await;
    created.assert_status(StatusCode::OK);
    assert_eq!(created.json::<String>(), "automne-2026");

    let mentee = review
        .app
        .create_account(Role::Mentee, "lucas@student.example", PASSWORD)
        .await;
    let profile = review.app.profile_id_of(mentee).await;
    let nobody = review
        .decide(
            PlaceInCohort::PATH,
            &[("code", "automne-2026"), ("place", "true")],
        )
        .await;
    nobody.assert_status(StatusCode::BAD_REQUEST);
    let placed = review
        .decide(
            PlaceInCohort::PATH,
            &[
                ("code", "automne-2026"),
                ("place", "true"),
                ("profiles[]", &profile.to_string()),
            ],
        )
        .await;
    assert_eq!(placed.json::<u64>(), 1);
    let summaries: Vec<CohortSummary> = review.decide(ListCohortSummaries::PATH, &[]).await.json();
    let autumn = summaries
        .iter()
        .find(|summary| summary.cohort.code == "automne-2026")
        .expect("the new cohort is listed");
    assert_eq!((autumn.mentees, autumn.mentors), (1, 0));
    let unknown = review
        .decide(GetCohortMembers::PATH, &[("code", "nowhere")])
        .await;
    unknown.assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_missing_label_stays_missing_and_a_withdrawn_entry_leaves_the_forms() {
    let review = Review::new().await;
    let neither = review
        .decide(
            SaveTaxonomyEntry::PATH,
            &[
                ("kind", "skill"),
                ("code", ""),
                ("label_fr", " "),
                ("label_en", ""),
            ],
        )
        .await;
    neither.assert_status(StatusCode::BAD_REQUEST);
    assert!(neither.body.contains("OneLabelRequired"));
    let added = review
        .decide(
            SaveTaxonomyEntry::PATH,
            &[
                ("kind", "skill"),
                ("code", ""),
                ("label_fr", "Gestion des listes d’attente"),
                ("label_en", ""),
            ],
        )
        .await;
    added.assert_status(StatusCode::OK);
    let choices: ProfileChoices = review
        .app
        .call(GetProfileChoices::PATH, "", None)
        .await
        .json();
    let skill = choices
        .skills
        .iter()
        .find(|skill| skill.code == "gestion-des-listes-d-attente")
        .expect("the new skill is offered");
    assert_eq!(
        skill.label.fr.as_deref(),
        Some("Gestion des listes d’attente")
    );
    assert_eq!(skill.label.en, None, "never filled with the French");
    let page = review
        .app
        .get_with_cookie("/coordinator/taxonomy", &review.coordinator)
        .await;
    assert!(page.body.contains("Libellé manquant"));

    let withdrawn = review
        .decide(
            SetTaxonomyEntryActive::PATH,
            &[("kind", "domain"), ("code", "nursing"), ("active", "false")],
        )
        .await;
    withdrawn.assert_status(StatusCode::OK);
    let choices: ProfileChoices = review
        .app
        .call(GetProfileChoices::PATH, "", None)
        .await
        .json();
    assert!(!choices
        .domains
        .iter()
        .any(|domain| domain.code == "nursing"));
}

#[tokio::test]
async fn a_profile_keeps_an_entry_withdrawn_from_the_taxonomy() {
    let review = Review::new().await;
    let app = &review.app;
    app.create_account(Role::Mentee, "kept@student.example", PASSWORD)
        .await;
    let mentee = app.sign_in("kept@student.example", PASSWORD).await;
    let _ = app.call(GetMyProfile::PATH, "", Some(&mentee)).await;
    let chose = app
        .call(
            SaveMyProfile::PATH,
            &form(&[("domains[]", "nursing"), ("skills[]", "ethics")]),
            Some(&mentee),
        )
        .await;
    chose.assert_status(StatusCode::OK);
    review
        .decide(
            SetTaxonomyEntryActive::PATH,
            &[("kind", "skill"), ("code", "ethics"), ("active", "false")],
        )
        .await;
    // The profile page still lists it (ticked), and saving again keeps it.
    let page: ProfilePage = app.call(GetMyProfile::PATH, "", Some(&mentee)).await.json();
    assert!(page
        .choices
        .skills
        .iter()
        .any(|skill| skill.code == "ethics"));
    let saved = app
        .call(
            SaveMyProfile::PATH,
            &form(&[
                ("domains[]", "nursing"),
                ("skills[]", "ethics"),
                ("institution", "UdeM"),
            ]),
            Some(&mentee),
        )
        .await;
    saved.assert_status(StatusCode::OK);
    let page: ProfilePage = app.call(GetMyProfile::PATH, "", Some(&mentee)).await.json();
    assert_eq!(page.profile.fields.skills, ["ethics"]);
    // Someone who never had it cannot pick it any more.
    app.create_account(Role::Mentee, "new@student.example", PASSWORD)
        .await;
    let newcomer = app.sign_in("new@student.example", PASSWORD).await;
    let _ = app.call(GetMyProfile::PATH, "", Some(&newcomer)).await;
    let refused = app
        .call(
            SaveMyProfile::PATH,
            &form(&[("skills[]", "ethics")]),
            Some(&newcomer),
        )
        .await;
    refused.assert_status(StatusCode::BAD_REQUEST);
}
