//! Demo data: a believable program to explore. Loaded only on request
//! (`--demo-data`, `MENTORAT_DEMO_DATA=true`, or `server demo-data`), never by default.
//! Safe to load again: rows that exist already are left as they are.
use app::accounts::repo::{insert_account, NewAccount};
use app::accounts::session::hash_password;
use app::accounts::Role;
use sqlx::SqlitePool;

struct DemoCohort {
    code: &'static str,
    name_fr: &'static str,
    name_en: &'static str,
    starts_on: &'static str,
    ends_on: &'static str,
    is_open: bool,
}

/// The program's first cohort (launched in winter 2025, followed over two years)
/// and the next one, open for sign-ups.
const DEMO_COHORTS: &[DemoCohort] = &[
    DemoCohort {
        code: "hiver-2025",
        name_fr: "Hiver 2025",
        name_en: "Winter 2025",
        starts_on: "2025-01-13",
        ends_on: "2026-12-18",
        is_open: true,
    },
    DemoCohort {
        code: "hiver-2027",
        name_fr: "Hiver 2027",
        name_en: "Winter 2027",
        starts_on: "2027-01-11",
        ends_on: "2027-12-17",
        is_open: true,
    },
];

/// A demo person. Every demo password is documented in the README; they exist
/// only in a database loaded with the demo data, never in a real start.
pub struct DemoPerson {
    pub email: &'static str,
    pub display_name: &'static str,
    pub role: Role,
    pub locale: &'static str,
    pub password: &'static str,
}

pub const DEMO_COORDINATOR_PASSWORD: &str = "demo-coordination";
pub const DEMO_MENTOR_PASSWORD: &str = "demo-mentor-2025";
pub const DEMO_MENTEE_PASSWORD: &str = "demo-mentee-2025";

pub const DEMO_PEOPLE: &[DemoPerson] = &[
    DemoPerson {
        email: "coordination@demo.mentorat.example",
        display_name: "Claire Gagnon",
        role: Role::Coordinator,
        locale: "fr",
        password: DEMO_COORDINATOR_PASSWORD,
    },
    DemoPerson {
        email: "marc.tremblay@demo.mentorat.example",
        display_name: "Marc Tremblay",
        role: Role::Mentor,
        locale: "fr",
        password: DEMO_MENTOR_PASSWORD,
    },
    DemoPerson {
        email: "sophie.nguyen@demo.mentorat.example",
        display_name: "Sophie Nguyen",
        role: Role::Mentor,
        locale: "fr",
        password: DEMO_MENTOR_PASSWORD,
    },
    DemoPerson {
        email: "david.cote@demo.mentorat.example",
        display_name: "David Côté",
        role: Role::Mentor,
        locale: "en",
        password: DEMO_MENTOR_PASSWORD,
    },
    DemoPerson {
        email: "amina.diallo@demo.mentorat.example",
        display_name: "Amina Diallo",
        role: Role::Mentee,
        locale: "fr",
        password: DEMO_MENTEE_PASSWORD,
    },
    DemoPerson {
        email: "lucas.roy@demo.mentorat.example",
        display_name: "Lucas Roy",
        role: Role::Mentee,
        locale: "fr",
        password: DEMO_MENTEE_PASSWORD,
    },
    DemoPerson {
        email: "emily.chen@demo.mentorat.example",
        display_name: "Emily Chen",
        role: Role::Mentee,
        locale: "en",
        password: DEMO_MENTEE_PASSWORD,
    },
];

/// What a demo load added (zero everywhere on a second run).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoLoad {
    pub cohorts_added: u64,
    pub skills_added: u64,
    pub people_added: u64,
    pub profiles_filled: u64,
    pub applications_added: u64,
    /// Active pairs with goals, meetings and feedback.
    pub pairs_added: u64,
}

pub async fn load_demo_data(pool: &SqlitePool) -> Result<DemoLoad, sqlx::Error> {
    let mut transaction = app::write_transaction::begin_write(pool).await?;
    let mut load = DemoLoad::default();
    for cohort in DEMO_COHORTS {
        let result = sqlx::query(
            "INSERT INTO cohorts (code, name_fr, name_en, starts_on, ends_on, is_open) \
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING",
        )
        .bind(cohort.code)
        .bind(cohort.name_fr)
        .bind(cohort.name_en)
        .bind(cohort.starts_on)
        .bind(cohort.ends_on)
        .bind(cohort.is_open)
        .execute(&mut *transaction)
        .await?;
        load.cohorts_added += result.rows_affected();
    }
    // A skill a coordinator added in French only: the taxonomy page and the
    // forms show its English label as missing.
    let result = sqlx::query(
        "INSERT INTO skills (code, label_fr, label_en, position) \
         VALUES ('waiting-lists', 'Gestion des listes d''attente', NULL, 210) \
         ON CONFLICT (code) DO NOTHING",
    )
    .execute(&mut *transaction)
    .await?;
    load.skills_added = result.rows_affected();
    transaction.commit().await?;
    // The demo's accounts are published with their passwords, to be tried in
    // a minute: its coordinator is not made to set up two-step sign-in first
    // (each person may still turn it on from "my account"). Only when the
    // demo brings the people: a real program that loads the demo keeps its choice.
    if load.cohorts_added > 0 {
        app::accounts::repo::set_mfa_required_for_coordinators(pool, false).await?;
    }
    load.people_added = load_demo_people(pool).await?;
    name_privacy_officer(pool).await?;
    load.profiles_filled = crate::demo_program::fill_profiles(pool, "hiver-2025").await?;
    if let Some(coordinator) = account_id(pool, DEMO_PEOPLE[0].email).await? {
        load.applications_added = crate::demo_program::add_applications(pool, coordinator).await?;
    }
    load.pairs_added = crate::demo_workspace::add_workspaces(pool).await?;
    load.pairs_added += crate::demo_follow_up::add_follow_up(pool).await?;
    tracing::info!(
        cohorts_added = load.cohorts_added,
        people_added = load.people_added,
        profiles_filled = load.profiles_filled,
        applications_added = load.applications_added,
        pairs_added = load.pairs_added,
        "demo data loaded"
    );
    Ok(load)
}

/// The id of the account of `email`. Only the id: the demo also loads into a
/// database of an older schema (the upgrade test), whose accounts lack the
/// columns added since, which `find_account_by_email` reads.
async fn account_id(pool: &SqlitePool, email: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM accounts WHERE email = ?")
        .bind(email)
        .fetch_optional(pool)
        .await
}

/// The demo coordinator holds the charge of privacy officer (unless a
/// coordinator already does), and the privacy page names a person in charge,
/// so that the privacy pages are filled. Left as it is when already named.
async fn name_privacy_officer(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    // A database from before the privacy migrations (the upgrade test loads
    // the demo into one) has no charge to give: its upgrade gives it.
    let has_privacy_office: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' \
                        AND name = 'privacy_contact')",
    )
    .fetch_one(pool)
    .await?;
    let coordinator = account_id(pool, DEMO_PEOPLE[0].email).await?;
    let Some(coordinator) = coordinator.filter(|_| has_privacy_office) else {
        return Ok(());
    };
    app::privacy_office::repo::take_charge_when_nobody_holds_it(pool, coordinator).await?;
    sqlx::query(
        "INSERT INTO privacy_contact (id, name, title_fr, title_en, email, phone, \
                                      updated_at, updated_by) \
         VALUES (1, ?, 'Responsable de la protection des renseignements personnels', \
                 'Person in charge of the protection of personal information', \
                 'vie.privee@demo.mentorat.example', '514 555-0100', ?, ?) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(DEMO_PEOPLE[0].display_name)
    .bind(app::program_time::utc_now_text())
    .bind(coordinator)
    .execute(pool)
    .await?;
    Ok(())
}

async fn load_demo_people(pool: &SqlitePool) -> Result<u64, sqlx::Error> {
    let hash = |password: &str| {
        let password = password.to_owned();
        async move {
            hash_password(password)
                .await
                .map_err(|error| sqlx::Error::Protocol(format!("password hashing: {error}")))
        }
    };
    // One hash per demo password: hashing is slow on purpose, and 55 people share three.
    let mentor_hash = hash(DEMO_MENTOR_PASSWORD).await?;
    let mentee_hash = hash(DEMO_MENTEE_PASSWORD).await?;
    let mut added = 0;
    for person in DEMO_PEOPLE {
        if account_id(pool, person.email).await?.is_some() {
            continue;
        }
        let hash = match person.role {
            Role::Mentor => mentor_hash.clone(),
            Role::Mentee => mentee_hash.clone(),
            Role::Coordinator => hash(person.password).await?,
        };
        let mut connection = pool.acquire().await?;
        let inserted = insert_account(
            &mut connection,
            &NewAccount {
                email: person.email,
                password_hash: &hash,
                display_name: person.display_name,
                role: person.role,
                locale: person.locale,
                consent: app::consent::ConsentContext::AccountCreated,
            },
            chrono::Utc::now(),
        )
        .await?;
        added += u64::from(inserted.is_some());
    }
    let mut connection = pool.acquire().await?;
    added += crate::demo_program::add_generated_people(&mut connection, &mentor_hash, &mentee_hash)
        .await?;
    Ok(added)
}
