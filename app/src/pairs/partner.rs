//! What each person needs to decide on a proposal, on its card: for the
//! mentor, the mentee's studies, domains, needs note and needed skills; for
//! the mentee, the mentor's job title, sector, domains, skills and languages.
//! Sent only while the pair is proposed or active.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::catalog::Bilingual;
use crate::i18n::{t, t_string, use_i18n};
#[cfg(feature = "ssr")]
use crate::sql_ids::{grouped, json_ids, IN_LIST};

/// The other person of a proposal, as the reader needs to know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PartnerProfile {
    Mentee {
        program_of_study: Option<String>,
        institution: Option<String>,
        study_year: Option<i64>,
        domains: Vec<Bilingual>,
        needs_note: Option<String>,
        needed_skills: Vec<Bilingual>,
    },
    Mentor {
        job_title: Option<String>,
        /// A sector code (`applications::SECTORS`).
        sector: Option<String>,
        domains: Vec<Bilingual>,
        skills: Vec<Bilingual>,
        /// (language code, level code).
        languages: Vec<(String, String)>,
    },
}

/// The profiles `profile_ids` as their partners on proposals read them (all
/// mentors' when `are_mentors`, all mentees' otherwise), by profile: each
/// kind of row read once for all of them.
#[cfg(feature = "ssr")]
pub async fn load_many(
    pool: &sqlx::SqlitePool,
    profile_ids: &[i64],
    are_mentors: bool,
) -> Result<std::collections::BTreeMap<i64, PartnerProfile>, sqlx::Error> {
    let ids = json_ids(profile_ids);
    let mut domains = grouped(profile_ids, labels(pool, &ids, "domain").await?);
    let mut skills = grouped(profile_ids, labels(pool, &ids, "skill").await?);
    let mut profiles = std::collections::BTreeMap::new();
    if are_mentors {
        let jobs: Vec<(i64, Option<String>, Option<String>)> = sqlx::query_as(&format!(
            "SELECT p.id, a.job_title, a.sector FROM profiles p \
             JOIN mentor_applications a ON a.id = p.application_id WHERE p.id {IN_LIST}"
        ))
        .bind(&ids)
        .fetch_all(pool)
        .await?;
        let languages: Vec<(i64, String, String)> = sqlx::query_as(&format!(
            "SELECT profile_id, language, level FROM profile_languages \
             WHERE profile_id {IN_LIST} ORDER BY language"
        ))
        .bind(&ids)
        .fetch_all(pool)
        .await?;
        let mut languages = grouped(
            profile_ids,
            languages
                .into_iter()
                .map(|(id, code, level)| (id, (code, level))),
        );
        for id in profile_ids {
            let (job_title, sector) = jobs
                .iter()
                .find(|(profile, ..)| profile == id)
                .map(|(_, job, sector)| (job.clone(), sector.clone()))
                .unwrap_or_default();
            let mentor = PartnerProfile::Mentor {
                job_title,
                sector,
                domains: domains.remove(id).unwrap_or_default(),
                skills: skills.remove(id).unwrap_or_default(),
                languages: languages.remove(id).unwrap_or_default(),
            };
            profiles.insert(*id, mentor);
        }
    } else {
        let studies: Vec<StudiesRow> = sqlx::query_as(&format!(
            "SELECT id, program_of_study, institution, study_year, needs_note FROM profiles \
             WHERE id {IN_LIST}"
        ))
        .bind(&ids)
        .fetch_all(pool)
        .await?;
        for (id, program_of_study, institution, study_year, needs_note) in studies {
            let mentee = PartnerProfile::Mentee {
                program_of_study,
                institution,
                study_year,
                domains: domains.remove(&id).unwrap_or_default(),
                needs_note,
                needed_skills: skills.remove(&id).unwrap_or_default(),
            };
            profiles.insert(id, mentee);
        }
    }
    Ok(profiles)
}

/// A mentee's studies and note: profile, program, institution, year, needs note.
#[cfg(feature = "ssr")]
type StudiesRow = (
    i64,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
);

/// The labels of the profiles' domains or skills (`kind`), by profile, in
/// the catalogue's order.
#[cfg(feature = "ssr")]
async fn labels(
    pool: &sqlx::SqlitePool,
    ids: &str,
    kind: &str,
) -> Result<Vec<(i64, Bilingual)>, sqlx::Error> {
    let rows: Vec<(i64, Option<String>, Option<String>)> = sqlx::query_as(&format!(
        "SELECT x.profile_id, t.label_fr, t.label_en FROM profile_{kind}s x \
         JOIN {kind}s t ON t.id = x.{kind}_id WHERE x.profile_id {IN_LIST} \
         ORDER BY t.position, t.code"
    ))
    .bind(ids)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, fr, en)| (id, Bilingual { fr, en }))
        .collect())
}

fn labels_view(labels: Vec<Bilingual>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="tags">
            {labels.into_iter().map(|label| view! {
                <span class="tag">{move || label.get(i18n.get_locale()).or(label.fr.as_deref()).unwrap_or_default().to_owned()}</span> " "
            }).collect_view()}
        </span>
    }
}

/// The partner's profile on a proposal card.
#[component]
pub fn PartnerProfileView(profile: PartnerProfile) -> impl IntoView {
    use crate::applications::ui::sector_name;
    use crate::profiles::choices::LanguageLevel;
    use crate::profiles::fields::{language_name, level_name};

    let i18n = use_i18n();
    match profile {
        PartnerProfile::Mentee {
            program_of_study,
            institution,
            study_year,
            domains,
            needs_note,
            needed_skills,
        } => {
            let studies: Vec<String> = [program_of_study, institution].into_iter().flatten().collect();
            view! {
                <dl class="partner-profile">
                    {(!studies.is_empty() || study_year.is_some()).then(|| view! {
                        <dt>{t!(i18n, pairs.partner_studies)}</dt>
                        <dd>{studies.join(" · ")}
                            {study_year.map(|year| view! { " · " {move || t_string!(i18n, needs.study_year, year = year).to_string()} })}
                        </dd>
                    })}
                    {(!domains.is_empty()).then(|| view! { <dt>{t!(i18n, pairs.partner_domains)}</dt><dd>{labels_view(domains)}</dd> })}
                    {needs_note.map(|note| view! { <dt>{t!(i18n, pairs.partner_needs_note)}</dt><dd class="prewrap">{note}</dd> })}
                    {(!needed_skills.is_empty()).then(|| view! { <dt>{t!(i18n, pairs.partner_needed_skills)}</dt><dd>{labels_view(needed_skills)}</dd> })}
                </dl>
            }
            .into_any()
        }
        PartnerProfile::Mentor {
            job_title,
            sector,
            domains,
            skills,
            languages,
        } => view! {
            <dl class="partner-profile">
                {job_title.map(|title| view! { <dt>{t!(i18n, pairs.partner_job)}</dt><dd>{title}</dd> })}
                {sector.map(|sector| view! { <dt>{t!(i18n, pairs.partner_sector)}</dt><dd>{move || sector_name(&sector)}</dd> })}
                {(!domains.is_empty()).then(|| view! { <dt>{t!(i18n, pairs.partner_domains)}</dt><dd>{labels_view(domains)}</dd> })}
                {(!skills.is_empty()).then(|| view! { <dt>{t!(i18n, pairs.partner_skills)}</dt><dd>{labels_view(skills)}</dd> })}
                {(!languages.is_empty()).then(|| view! {
                    <dt>{t!(i18n, pairs.partner_languages)}</dt>
                    <dd>
                        {languages.into_iter().map(|(code, level)| {
                            let level = LanguageLevel::parse(&level);
                            view! {
                                <span class="tag">{language_name(&code)}
                                    {level.map(|level| view! { " (" {level_name(level)} ")" })}
                                </span> " "
                            }
                        }).collect_view()}
                    </dd>
                })}
            </dl>
        }
        .into_any(),
    }
}
