//! The demo program's people and applications: a cohort "Hiver 2025" with 15
//! mentors and 40 mentees whose profiles vary (domains, skills, languages,
//! availability, capacity), and applications in every status.
//!
//! Generated from a fixed seed, so every demo database is the same.
//!
//! This module holds the generator, the people and their profiles; the
//! applications are in `applications`.
use app::accounts::repo::{insert_account, NewAccount};
use app::accounts::Role;
use app::catalog::code_from_label;
use app::profiles::{LanguageLevel, MatchingFields, Modality, SpokenLanguage, WeeklyAvailability};
use sqlx::{SqliteConnection, SqlitePool};

mod applications;

pub use applications::add_applications;

/// A small deterministic generator (64-bit LCG): no dependency, same sequence everywhere.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % bound.max(1) as u64).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `count` distinct items, in the list's order.
    fn several<T: Clone>(&mut self, items: &[T], count: usize) -> Vec<T> {
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < count.min(items.len()) {
            let index = self.below(items.len());
            if !chosen.contains(&index) {
                chosen.push(index);
            }
        }
        chosen.sort_unstable();
        chosen
            .into_iter()
            .map(|index| items[index].clone())
            .collect()
    }
}

pub(crate) const FIRST_NAMES: &[&str] = &[
    "Julie",
    "Mathieu",
    "Catherine",
    "Alexandre",
    "Isabelle",
    "Olivier",
    "Nathalie",
    "Simon",
    "Geneviève",
    "Karim",
    "Mélanie",
    "Jean-François",
    "Fatima",
    "Vincent",
    "Chloé",
    "Samuel",
    "Émilie",
    "Gabriel",
    "Léa",
    "Antoine",
    "Maude",
    "Hugo",
    "Yasmine",
    "Thomas",
    "Rosalie",
    "William",
    "Sarah",
    "Félix",
    "Camille",
    "Nicolas",
    "Marie-Ève",
    "Louis",
    "Aïcha",
    "Zachary",
    "Jade",
    "Raphaël",
    "Océane",
    "Maxime",
    "Laurence",
    "Mohamed",
    "Ariane",
    "Étienne",
    "Nadia",
    "Philippe",
    "Inès",
    "Benjamin",
    "Sofia",
    "Charles",
    "Noémie",
    "Youssef",
    "Béatrice",
    "Éric",
];

pub(crate) const LAST_NAMES: &[&str] = &[
    "Gagné",
    "Roy",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagnon",
    "Ouellet",
    "Pelletier",
    "Bélanger",
    "Lévesque",
    "Bergeron",
    "Leblanc",
    "Paquette",
    "Girard",
    "Simard",
    "Boucher",
    "Caron",
    "Beaulieu",
    "Cloutier",
    "Dubé",
    "Poirier",
    "Fournier",
    "Lapointe",
    "Leclerc",
    "Lefebvre",
    "Poulin",
    "Thibault",
    "St-Pierre",
    "Nadeau",
    "Martin",
    "Landry",
    "Martel",
    "Bédard",
    "Grenier",
    "Lessard",
    "Bernier",
    "Richard",
    "Michaud",
    "Hébert",
    "Desjardins",
    "Côté",
    "Benali",
    "Haddad",
    "Joseph",
    "Pierre-Louis",
    "Tran",
    "Nguyen",
    "Li",
];

/// Domains and skills the demo draws from (codes of the starting taxonomy).
const DOMAINS: &[&str] = &[
    "nursing",
    "social-work",
    "psychology",
    "psychoeducation",
    "physiotherapy",
    "occupational-therapy",
    "nutrition",
    "public-health",
    "mental-health",
    "youth-protection",
    "seniors",
    "health-management",
    "human-resources",
    "health-it",
    "pharmacy",
    "community-organization",
];
const SKILLS: &[&str] = &[
    "career-planning",
    "job-search",
    "interviews",
    "networking",
    "internship",
    "workplace-integration",
    "clinical-reasoning",
    "intervention",
    "patient-communication",
    "interprofessional",
    "ethics",
    "professional-writing",
    "public-speaking",
    "leadership",
    "project-management",
    "data-analysis",
    "digital-tools",
    "stress-management",
    "work-life-balance",
    "newcomer-careers",
];
const PROGRAMS: &[(&str, &str)] = &[
    (
        "Baccalauréat en sciences infirmières",
        "Université de Montréal",
    ),
    (
        "Baccalauréat en travail social",
        "Université du Québec à Montréal",
    ),
    ("Baccalauréat en psychologie", "Université de Montréal"),
    ("Maîtrise en ergothérapie", "Université McGill"),
    ("Baccalauréat en nutrition", "Université de Montréal"),
    ("Technique de travail social", "Cégep du Vieux Montréal"),
    ("Soins infirmiers (DEC)", "Collège de Maisonneuve"),
    ("Maîtrise en santé publique", "Université de Montréal"),
    ("Baccalauréat en psychoéducation", "Université de Montréal"),
    ("Master of Science in Physical Therapy", "McGill University"),
    ("Bachelor of Social Work", "Concordia University"),
    (
        "Maîtrise en administration des services de santé",
        "Université de Montréal",
    ),
];
const NEEDS_NOTES: &[&str] = &[
    "Je termine mon stage cet hiver et j’aimerais me préparer à mes premières entrevues dans le réseau.",
    "J’aimerais comprendre comment on passe des études au travail d’équipe en CLSC.",
    "I would like advice on my first job search in Montréal as an international student.",
    "Je veux mieux gérer le stress des stages et concilier le travail et les études.",
    "J’hésite entre deux milieux de pratique et j’aimerais en parler avec quelqu’un du terrain.",
];

/// Languages some demo people also speak, besides French and English.
const OTHER_LANGUAGES: [&str; 6] = ["es", "ar", "ht", "zh", "pt", "vi"];

fn languages_for(random: &mut Seeded, english_first: bool) -> Vec<SpokenLanguage> {
    let spoken = |code: &str, level| SpokenLanguage {
        code: code.to_owned(),
        level,
    };
    let mut languages = if english_first {
        vec![
            spoken("en", LanguageLevel::Fluent),
            spoken(
                "fr",
                *random.pick(&[LanguageLevel::Basic, LanguageLevel::Working]),
            ),
        ]
    } else {
        vec![spoken("fr", LanguageLevel::Fluent)]
    };
    if !english_first && random.below(2) == 0 {
        languages.push(spoken(
            "en",
            *random.pick(&[LanguageLevel::Working, LanguageLevel::Fluent]),
        ));
    }
    if random.below(4) == 0 {
        let other: &&str = random.pick(&OTHER_LANGUAGES);
        languages.push(spoken(other, LanguageLevel::Fluent));
    }
    languages
}

fn availability_for(random: &mut Seeded) -> WeeklyAvailability {
    let mut bits = 0_u32;
    for _ in 0..(3 + random.below(6)) {
        // Evenings and weekends are likelier for people who work.
        let cell = if random.below(3) == 0 {
            random.below(WeeklyAvailability::CELLS)
        } else {
            let day = random.below(7);
            day * 3 + if day >= 5 { random.below(2) } else { 2 }
        };
        bits |= 1 << cell;
    }
    WeeklyAvailability(bits)
}

fn matching_fields(random: &mut Seeded, english_first: bool, mentor: bool) -> MatchingFields {
    let codes = |list: Vec<&&str>| list.into_iter().map(|code| (*code).to_owned()).collect();
    let domain_count = if mentor {
        1 + random.below(3)
    } else {
        1 + random.below(2)
    };
    let skill_count = if mentor {
        3 + random.below(3)
    } else {
        2 + random.below(3)
    };
    let domains: Vec<&&str> = random.several(&DOMAINS.iter().collect::<Vec<_>>(), domain_count);
    let skills: Vec<&&str> = random.several(&SKILLS.iter().collect::<Vec<_>>(), skill_count);
    MatchingFields {
        domains: codes(domains),
        skills: codes(skills),
        languages: languages_for(random, english_first),
        modality: Some(*random.pick(&[
            Modality::Either,
            Modality::Either,
            Modality::Video,
            Modality::InPerson,
        ])),
        availability: availability_for(random),
    }
}

/// One generated demo person.
pub struct GeneratedPerson {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub locale: &'static str,
}

/// The demo program's mentors and mentees beyond the named ones of the README.
pub fn generated_people() -> Vec<GeneratedPerson> {
    let mut random = Seeded(2025);
    let mut people = Vec::new();
    let mut used = Vec::new();
    for index in 0..(12 + 37) {
        let (first, last) = loop {
            let pair = (*random.pick(FIRST_NAMES), *random.pick(LAST_NAMES));
            if !used.contains(&pair) {
                used.push(pair);
                break pair;
            }
        };
        let local = format!("{}.{}", code_from_label(first), code_from_label(last));
        people.push(GeneratedPerson {
            email: format!("{local}@demo.mentorat.example"),
            display_name: format!("{first} {last}"),
            role: if index < 12 {
                Role::Mentor
            } else {
                Role::Mentee
            },
            locale: if random.below(5) == 0 { "en" } else { "fr" },
        });
    }
    people
}

/// Gives every demo mentor and mentee a varied, complete profile in the cohort
/// (only to those without one yet).
pub async fn fill_profiles(pool: &SqlitePool, cohort_code: &str) -> Result<u64, sqlx::Error> {
    let accounts: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT a.id, a.email, a.role, a.locale FROM accounts a \
         WHERE a.email LIKE '%@demo.mentorat.example' AND a.role IN ('mentor', 'mentee') \
         AND NOT EXISTS (SELECT 1 FROM profiles p WHERE p.account_id = a.id AND p.modality IS NOT NULL) \
         ORDER BY a.id",
    )
    .fetch_all(pool)
    .await?;
    let cohort_id: Option<i64> = sqlx::query_scalar("SELECT id FROM cohorts WHERE code = ?")
        .bind(cohort_code)
        .fetch_optional(pool)
        .await?;
    let mut random = Seeded(0x4d45_4e54);
    let mut transaction = app::write_transaction::begin_write(pool).await?;
    let mut filled = 0;
    for (id, email, role, locale) in accounts {
        let Some(role) = Role::parse(&role) else {
            continue;
        };
        let mentor = role == Role::Mentor;
        app::profiles::repo::ensure_profile(&mut transaction, id, &email, role, cohort_id).await?;
        let fields = matching_fields(&mut random, locale == "en", mentor);
        let (program, institution) = *random.pick(PROGRAMS);
        let profile_id: i64 = sqlx::query_scalar(
            "UPDATE profiles SET cohort_id = ?, capacity = ?, program_of_study = ?, \
             institution = ?, study_year = ?, needs_note = ? WHERE account_id = ? RETURNING id",
        )
        .bind(cohort_id)
        .bind(mentor.then(|| 1 + i64::try_from(random.below(4)).unwrap_or(0)))
        .bind((!mentor).then_some(program))
        .bind((!mentor).then_some(institution))
        .bind((!mentor).then(|| 1 + i64::try_from(random.below(4)).unwrap_or(0)))
        .bind((!mentor && random.below(2) == 0).then(|| *random.pick(NEEDS_NOTES)))
        .bind(id)
        .fetch_one(&mut *transaction)
        .await?;
        app::profiles::repo::replace_matching_fields(&mut transaction, profile_id, &fields).await?;
        filled += 1;
    }
    transaction.commit().await?;
    Ok(filled)
}

/// Inserts the generated people that do not exist yet, with one password hash per role.
pub async fn add_generated_people(
    connection: &mut SqliteConnection,
    mentor_hash: &str,
    mentee_hash: &str,
) -> Result<u64, sqlx::Error> {
    let mut added = 0;
    for person in generated_people() {
        let hash = if person.role == Role::Mentor {
            mentor_hash
        } else {
            mentee_hash
        };
        let inserted = insert_account(
            connection,
            &NewAccount {
                email: &person.email,
                password_hash: hash,
                display_name: &person.display_name,
                role: person.role,
                locale: person.locale,
                consent: app::consent::ConsentContext::AccountCreated,
            },
            chrono::Utc::now(),
        )
        .await?;
        added += u64::from(inserted.is_some());
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_program_is_the_same_every_time() {
        let first: Vec<String> = generated_people().into_iter().map(|p| p.email).collect();
        let second: Vec<String> = generated_people().into_iter().map(|p| p.email).collect();
        assert_eq!(first, second);
        assert_eq!(first.len(), 49);
        let mut unique = first.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), first.len(), "every email is distinct");
        assert!(first.iter().all(|email| email.is_ascii()));
    }

    #[test]
    fn generated_profiles_are_complete_and_varied() {
        let mut random = Seeded(1);
        let profiles: Vec<MatchingFields> = (0..40)
            .map(|index| matching_fields(&mut random, index % 5 == 0, false))
            .collect();
        assert!(profiles.iter().all(|fields| {
            !fields.domains.is_empty()
                && !fields.skills.is_empty()
                && !fields.languages.is_empty()
                && fields.modality.is_some()
                && !fields.availability.is_empty()
        }));
        let mut domains: Vec<&String> =
            profiles.iter().flat_map(|fields| &fields.domains).collect();
        domains.sort();
        domains.dedup();
        assert!(domains.len() >= 10, "only {} domains used", domains.len());
    }
}
