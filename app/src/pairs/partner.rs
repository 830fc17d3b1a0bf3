//! What each person needs to decide on a proposal, on its card: for the
//! mentor, the mentee's studies, domains, needs note and needed skills; for
//! the mentee, the mentor's job title, sector, domains, skills and languages.
//! Sent only while the pair is proposed or active.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::catalog::Bilingual;
use crate::i18n::{t, t_string, use_i18n};

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

/// A mentee's studies and note: program, institution, year, needs note.
#[cfg(feature = "ssr")]
type StudiesRow = (Option<String>, Option<String>, Option<i64>, Option<String>);

/// The profile `profile_id` as its partner on a proposal reads it.
#[cfg(feature = "ssr")]
pub async fn load(
    pool: &sqlx::SqlitePool,
    profile_id: i64,
    is_mentor: bool,
) -> Result<PartnerProfile, sqlx::Error> {
    let labels = |table: &'static str| {
        let sql = format!(
            "SELECT t.label_fr, t.label_en FROM profile_{table} x \
             JOIN {table} t ON t.id = x.{column}_id WHERE x.profile_id = ? \
             ORDER BY t.position, t.code",
            column = if table == "domains" {
                "domain"
            } else {
                "skill"
            }
        );
        async move {
            let rows: Vec<(Option<String>, Option<String>)> = sqlx::query_as(&sql)
                .bind(profile_id)
                .fetch_all(pool)
                .await?;
            Ok::<_, sqlx::Error>(
                rows.into_iter()
                    .map(|(fr, en)| Bilingual { fr, en })
                    .collect::<Vec<_>>(),
            )
        }
    };
    let domains = labels("domains").await?;
    let skills = labels("skills").await?;
    if is_mentor {
        let job: Option<(Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT a.job_title, a.sector FROM profiles p \
             JOIN mentor_applications a ON a.id = p.application_id WHERE p.id = ?",
        )
        .bind(profile_id)
        .fetch_optional(pool)
        .await?;
        let (job_title, sector) = job.unwrap_or_default();
        let languages: Vec<(String, String)> = sqlx::query_as(
            "SELECT language, level FROM profile_languages WHERE profile_id = ? ORDER BY language",
        )
        .bind(profile_id)
        .fetch_all(pool)
        .await?;
        Ok(PartnerProfile::Mentor {
            job_title,
            sector,
            domains,
            skills,
            languages,
        })
    } else {
        let studies: Option<StudiesRow> = sqlx::query_as(
            "SELECT program_of_study, institution, study_year, needs_note FROM profiles \
                 WHERE id = ?",
        )
        .bind(profile_id)
        .fetch_optional(pool)
        .await?;
        let (program_of_study, institution, study_year, needs_note) = studies.unwrap_or_default();
        Ok(PartnerProfile::Mentee {
            program_of_study,
            institution,
            study_year,
            domains,
            needs_note,
            needed_skills: skills,
        })
    }
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
