//! The mentee's needs at the centre: the proposal card shows each side what
//! they need to decide, the workspace opens with the needs (the mentee edits
//! them, the mentor reads them), and a goal is tied to one or more needs.
use super::*;
use app::needs::api::SaveMyNeeds;
use app::pairs::api::GetMyPairs;
use app::pairs::partner::PartnerProfile;
use app::pairs::MyPair;

impl Pair {
    /// Emily needs interviews and networking, studies nursing, and says why;
    /// Marc's accepted application says he is a nurse in the health network.
    async fn with_needs(&self) {
        let emily: i64 = self.profile_of("emily@pair.example").await;
        sqlx::query(
            "UPDATE profiles SET program_of_study = 'Nursing', institution = 'Université de Montréal', \
             study_year = 2, needs_note = 'I freeze in interviews' WHERE id = ?",
        )
        .bind(emily)
        .execute(&self.app.pool)
        .await
        .expect("studies");
        for code in ["interviews", "networking"] {
            sqlx::query(
                "INSERT INTO profile_skills (profile_id, skill_id) SELECT ?, id FROM skills WHERE code = ?",
            )
            .bind(emily)
            .bind(code)
            .execute(&self.app.pool)
            .await
            .expect("a need");
        }
        let application = self
            .app
            .submit_application("marc.app@pair.example", true)
            .await;
        sqlx::query("UPDATE profiles SET application_id = ? WHERE id = ?")
            .bind(application.id)
            .bind(self.profile_of("marc@pair.example").await)
            .execute(&self.app.pool)
            .await
            .expect("the mentor's application");
    }

    async fn profile_of(&self, email: &str) -> i64 {
        sqlx::query_scalar(
            "SELECT p.id FROM profiles p JOIN accounts a ON a.id = p.account_id WHERE a.email = ?",
        )
        .bind(email)
        .fetch_one(&self.app.pool)
        .await
        .expect("the profile")
    }
}

#[tokio::test]
async fn each_side_reads_what_they_need_to_decide_on_the_proposal_card() {
    let pair = Pair::new().await;
    pair.with_needs().await;
    let mentor_view: Vec<MyPair> = pair.call(&pair.mentor, GetMyPairs::PATH, &[]).await.json();
    let Some(PartnerProfile::Mentee {
        program_of_study,
        needs_note,
        needed_skills,
        ..
    }) = &mentor_view[0].partner
    else {
        panic!("the mentor reads a mentee: {:?}", mentor_view[0].partner);
    };
    assert_eq!(program_of_study.as_deref(), Some("Nursing"));
    assert_eq!(needs_note.as_deref(), Some("I freeze in interviews"));
    let needed: Vec<&str> = needed_skills
        .iter()
        .filter_map(|label| label.en.as_deref())
        .collect();
    assert_eq!(needed, ["Interview preparation", "Professional networking"]);
    let mentee_view: Vec<MyPair> = pair.call(&pair.mentee, GetMyPairs::PATH, &[]).await.json();
    let mentor = &mentee_view[0].partner;
    let Some(PartnerProfile::Mentor {
        job_title,
        sector,
        languages,
        ..
    }) = mentor
    else {
        panic!("the mentee reads a mentor: {mentor:?}");
    };
    assert!(job_title.is_some(), "{mentor:?}");
    assert!(sector.is_some(), "{mentor:?}");
    assert!(!languages.is_empty());
    // The card on the page shows them (Emily reads English).
    let page = pair.app.get_with_cookie("/mentor", &pair.mentor).await;
    assert!(page.body.contains("I freeze in interviews"));
}

#[tokio::test]
async fn the_mentee_edits_her_needs_the_mentor_reads_them_and_a_goal_answers_one() {
    let pair = Pair::new().await;
    pair.with_needs().await;
    let needs = pair.workspace(&pair.mentor).await.needs;
    assert_eq!(needs.note.as_deref(), Some("I freeze in interviews"));
    assert_eq!(needs.skills.len(), 2);
    // Only the mentee gets the choices to edit them.
    assert_eq!(needs.choices.len(), 0);
    assert!(pair.workspace(&pair.mentee).await.needs.choices.len() > 5);
    // The mentee changes them; the mentor and a stranger cannot.
    let fields = [
        ("pair_id", pair.id.to_string()),
        ("skills[]", "interviews".to_owned()),
        ("skills[]", "internship".to_owned()),
        (
            "needs_note",
            "Interviews, and my first internship".to_owned(),
        ),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for cookie in [&pair.mentor, &pair.stranger, &pair.coordinator] {
        let refused = pair.call(cookie, SaveMyNeeds::PATH, &fields).await;
        refused.assert_status(StatusCode::FORBIDDEN);
    }
    let saved = pair.call(&pair.mentee, SaveMyNeeds::PATH, &fields).await;
    saved.assert_status(StatusCode::OK);
    let wrong = pair
        .call(
            &pair.mentee,
            SaveMyNeeds::PATH,
            &[
                ("pair_id", &pair.id.to_string()),
                ("skills[]", "juggling"),
                ("needs_note", ""),
            ],
        )
        .await;
    wrong.assert_status(StatusCode::BAD_REQUEST);
    let needs = pair.workspace(&pair.mentor).await.needs;
    assert_eq!(
        needs.note.as_deref(),
        Some("Interviews, and my first internship")
    );
    let codes: Vec<&str> = needs.skills.iter().map(|need| need.code.as_str()).collect();
    assert_eq!(codes, ["interviews", "internship"]);
    // A goal tied to a need: the need is answered, the other still has none.
    let pair = &pair;
    let propose = |needs: &'static str| {
        let pair_id = pair.id.to_string();
        async move {
            pair.call(
                &pair.mentee,
                ProposeGoal::PATH,
                &[
                    ("pair_id", &pair_id),
                    ("title", "Pass a mock interview"),
                    ("description", ""),
                    ("success_criterion", "A mock interview passed"),
                    ("target_date", ""),
                    ("milestones", ""),
                    ("needs[]", needs),
                ],
            )
            .await
        }
    };
    let unknown = propose("networking").await;
    assert_eq!(
        unknown.status,
        StatusCode::BAD_REQUEST,
        "a need she no longer has"
    );
    let proposed = propose("interviews").await;
    proposed.assert_status(StatusCode::OK);
    let id: i64 = proposed.body.trim().parse().expect("the goal's id");
    let workspace = pair.workspace(&pair.mentor).await;
    assert_eq!(goal(&workspace, id).needs[0].0, "interviews");
    let skills = &workspace.needs.skills;
    let interviews = skills
        .iter()
        .find(|need| need.code == "interviews")
        .expect("need");
    assert_eq!(interviews.goals, [id]);
    let internship = skills
        .iter()
        .find(|need| need.code == "internship")
        .expect("need");
    assert!(internship.goals.is_empty(), "{:?}", internship.goals);
    // The workspace page opens with the needs and shows the one without a goal.
    let page = pair
        .app
        .get_with_cookie(&format!("/pairs/{}", pair.id), &pair.mentor)
        .await;
    let needs_at = page.body.find("id=\"needs\"").expect("the needs panel");
    let waiting_at = page.body.find("waiting-title").expect("the waiting panel");
    assert!(needs_at < waiting_at, "the workspace opens with the needs");
    assert!(page.body.contains("Aucun objectif encore"));
}
