//! The demo program's applications to become a mentor, one or more in every
//! status (submitted, information requested, accepted, declined, withdrawn),
//! from people of `@candidats.example`.
use app::applications::{
    repo as applications, ApplicationEventKind, ApplicationStatus, CheckedApplication, DiplomaLevel,
};
use app::program_time::utc_text;
use sqlx::SqlitePool;

use super::{matching_fields, Seeded};

/// One demo application: who applies, and the status the demo leaves it in
/// (with the coordinator's message, if any).
struct DemoApplication {
    name: &'static str,
    email: &'static str,
    locale: &'static str,
    status: ApplicationStatus,
    diploma: DiplomaLevel,
    employed: bool,
    research: bool,
    job: &'static str,
    message: Option<&'static str>,
}

/// The demo applications, inserted in this order.
const DEMO_APPLICATIONS: &[DemoApplication] = &[
    DemoApplication {
        name: "Nadia Benali",
        email: "nadia.benali@candidats.example",
        locale: "fr",
        status: ApplicationStatus::Submitted,
        diploma: DiplomaLevel::Bachelor,
        employed: true,
        research: false,
        job: "Infirmière clinicienne",
        message: None,
    },
    DemoApplication {
        name: "Kevin O’Brien",
        email: "kevin.obrien@candidats.example",
        locale: "en",
        status: ApplicationStatus::Submitted,
        diploma: DiplomaLevel::Master,
        employed: true,
        research: false,
        job: "Social worker",
        message: None,
    },
    DemoApplication {
        name: "Hélène Vachon",
        email: "helene.vachon@candidats.example",
        locale: "fr",
        status: ApplicationStatus::Submitted,
        diploma: DiplomaLevel::Doctorate,
        employed: true,
        research: true,
        job: "Chercheuse en santé publique",
        message: None,
    },
    DemoApplication {
        name: "Marc-André Pilon",
        email: "marc-andre.pilon@candidats.example",
        locale: "fr",
        status: ApplicationStatus::InfoRequested,
        diploma: DiplomaLevel::College,
        employed: true,
        research: false,
        job: "Technicien en éducation spécialisée",
        message: Some("Pourriez-vous préciser l’année d’obtention de votre DEC et votre milieu de travail actuel ?"),
    },
    DemoApplication {
        name: "Priya Raman",
        email: "priya.raman@candidats.example",
        locale: "en",
        status: ApplicationStatus::Accepted,
        diploma: DiplomaLevel::Master,
        employed: true,
        research: false,
        job: "Occupational therapist",
        message: None,
    },
    DemoApplication {
        name: "Robert Gingras",
        email: "robert.gingras@candidats.example",
        locale: "fr",
        status: ApplicationStatus::Declined,
        diploma: DiplomaLevel::None,
        employed: false,
        research: false,
        job: "",
        message: Some("Merci de votre générosité ! Le programme accueille pour l’instant des personnes diplômées et en emploi ; nous gardons votre nom pour nos activités bénévoles."),
    },
    DemoApplication {
        name: "Sylvie Lamarche",
        email: "sylvie.lamarche@candidats.example",
        locale: "fr",
        status: ApplicationStatus::Withdrawn,
        diploma: DiplomaLevel::Bachelor,
        employed: true,
        research: false,
        job: "Nutritionniste",
        message: None,
    },
];

/// Applications in every status (skipped when the demo already has them).
/// Their private links are random: nobody can open them, which is fine for a demo.
pub async fn add_applications(pool: &SqlitePool, coordinator_id: i64) -> Result<u64, sqlx::Error> {
    let existing: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mentor_applications WHERE email LIKE '%@candidats.example'",
    )
    .fetch_one(pool)
    .await?;
    if existing > 0 {
        return Ok(0);
    }
    let mut random = Seeded(7);
    let mut transaction = app::write_transaction::begin_write(pool).await?;
    let mut added = 0;
    for (index, demo) in DEMO_APPLICATIONS.iter().enumerate() {
        let employed_text =
            |text: &str| (demo.employed && !text.is_empty()).then(|| text.to_owned());
        let application = CheckedApplication {
            display_name: demo.name.to_owned(),
            email: demo.email.to_owned(),
            phone: None,
            diploma_level: demo.diploma,
            diploma_field: (demo.diploma != DiplomaLevel::None)
                .then(|| "Sciences de la santé".to_owned()),
            diploma_year: (demo.diploma != DiplomaLevel::None)
                .then_some(2008 + i64::try_from(index).unwrap_or(0)),
            is_employed: demo.employed,
            employer: employed_text("CIUSSS du Centre-Sud-de-l’Île-de-Montréal"),
            job_title: employed_text(demo.job),
            sector: employed_text("health-network"),
            works_in_research: demo.research,
            matching: matching_fields(&mut random, demo.locale == "en", true),
            capacity: 1 + i64::try_from(random.below(3)).unwrap_or(0),
            motivation:
                "J’ai eu la chance d’être accompagnée à mes débuts ; j’aimerais rendre la pareille."
                    .to_owned(),
        };
        let (_, token_hash) = app::accounts::tokens::new_token();
        let submitted =
            chrono::Utc::now() - chrono::Duration::days(20 - i64::try_from(index).unwrap_or(0) * 2);
        let id = applications::insert_application(
            &mut transaction,
            &application,
            &token_hash,
            demo.locale,
            submitted,
        )
        .await?;
        let later = utc_text(submitted + chrono::Duration::days(3));
        added += 1;
        let (event, actor) = match demo.status {
            ApplicationStatus::Submitted => continue,
            ApplicationStatus::InfoRequested => {
                (ApplicationEventKind::InfoRequested, Some(coordinator_id))
            }
            ApplicationStatus::Accepted => (ApplicationEventKind::Accepted, Some(coordinator_id)),
            ApplicationStatus::Declined => (ApplicationEventKind::Declined, Some(coordinator_id)),
            ApplicationStatus::Withdrawn => (ApplicationEventKind::Withdrawn, None),
        };
        applications::change_status(
            &mut transaction,
            id,
            &[ApplicationStatus::Submitted],
            demo.status,
            &later,
        )
        .await?;
        applications::add_event(&mut transaction, id, event, actor, demo.message, &later).await?;
        if demo.status == ApplicationStatus::Accepted {
            applications::create_mentor_profile(&mut transaction, id, None, &later).await?;
        }
    }
    transaction.commit().await?;
    Ok(added)
}
