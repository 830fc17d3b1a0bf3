//! The public home page, from the program's own text (see `shared/seed/`).
use leptos::prelude::*;

use crate::components::labels::label;
use leptos_meta::Meta;

use super::api::get_cohort_announcement;
use super::CohortAnnouncement;
use crate::catalog::api::list_domains;
use crate::catalog::Domain;
use crate::components::page::ErrorNotice;
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::program_time::long_date;

const TESTIMONIAL_SOURCE: &str = "https://www.fss.ulaval.ca/actualites/devenir-mentor-pourquoi-pas";

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    // One resource per Suspense: a resource read by two boundaries can leave a
    // streamed response hanging (leptos issue #4851).
    let announcement = OnceResource::new(get_cohort_announcement());
    let domains = OnceResource::new(list_domains());

    view! {
        <PageTitle text=label!(i18n, meta.home_title) />
        <Meta name="description" content=t_string!(i18n, meta.description) />
        <section class="hero" aria-labelledby="hero-title">
            <div class="container hero-inner">
                <p class="eyebrow">{t!(i18n, home.eyebrow)}</p>
                <h1 id="hero-title">{t!(i18n, home.hero_title)}</h1>
                <p class="lead">{t!(i18n, home.hero_lead)}</p>
                <div class="cta-row">
                    <JoinButtons />
                    <a class="button-link" href="/login">{t!(i18n, home.cta_sign_in)}</a>
                </div>
                <Suspense fallback=move || {
                    view! { <p class="cohort-status" aria-busy="true">{t!(i18n, common.loading)}</p> }
                }>
                    {move || Suspend::new(async move {
                        match announcement.await {
                            Ok(announcement) => {
                                view! { <CohortStatus announcement /> }.into_any()
                            }
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })}
                </Suspense>
            </div>
        </section>

        <section id="programme" class="section" aria-labelledby="what-title">
            <div class="container two-columns">
                <div>
                    <h2 id="what-title">{t!(i18n, home.what_title)}</h2>
                    <p>{t!(i18n, home.what_body)}</p>
                    <p>{t!(i18n, home.what_body_2)}</p>
                </div>
                <ul class="roles">
                    <li class="card">
                        <h3>{t!(i18n, home.mentor_role_title)}</h3>
                        <p>{t!(i18n, home.mentor_role_body)}</p>
                    </li>
                    <li class="card">
                        <h3>{t!(i18n, home.mentee_role_title)}</h3>
                        <p>{t!(i18n, home.mentee_role_body)}</p>
                    </li>
                </ul>
            </div>
        </section>

        <section class="section section-tinted" aria-labelledby="eligibility-title">
            <div class="container narrow">
                <h2 id="eligibility-title">{t!(i18n, home.eligibility_title)}</h2>
                <p>{t!(i18n, home.eligibility_lead)}</p>
                <ul class="checklist">
                    <li>{t!(i18n, home.eligibility_graduate)}</li>
                    <li>{t!(i18n, home.eligibility_employed)}</li>
                    <li>{t!(i18n, home.eligibility_outside_research)}</li>
                </ul>
                <p class="muted">{t!(i18n, home.eligibility_screening)}</p>
                <p>
                    <a class="button button-primary" href="/apply">{t!(i18n, home.cta_apply)}</a>
                </p>
            </div>
        </section>

        <section class="section" aria-labelledby="how-title">
            <div class="container">
                <h2 id="how-title">{t!(i18n, home.how_title)}</h2>
                <ol class="steps">
                    <li class="step">
                        <h3>{t!(i18n, home.step_apply_title)}</h3>
                        <p>{t!(i18n, home.step_apply_body)}</p>
                    </li>
                    <li class="step">
                        <h3>{t!(i18n, home.step_match_title)}</h3>
                        <p>{t!(i18n, home.step_match_body)}</p>
                    </li>
                    <li class="step">
                        <h3>{t!(i18n, home.step_goals_title)}</h3>
                        <p>{t!(i18n, home.step_goals_body)}</p>
                    </li>
                    <li class="step">
                        <h3>{t!(i18n, home.step_meet_title)}</h3>
                        <p>{t!(i18n, home.step_meet_body)}</p>
                    </li>
                    <li class="step">
                        <h3>{t!(i18n, home.step_feedback_title)}</h3>
                        <p>{t!(i18n, home.step_feedback_body)}</p>
                    </li>
                </ol>
            </div>
        </section>

        <section class="section section-tinted" aria-labelledby="domains-title">
            <div class="container">
                <h2 id="domains-title">{t!(i18n, home.domains_title)}</h2>
                <p>{t!(i18n, home.domains_lead)}</p>
                <Suspense fallback=move || view! { <p aria-busy="true">{t!(i18n, common.loading)}</p> }>
                    {move || Suspend::new(async move {
                        match domains.await {
                            Ok(domains) => view! { <DomainList domains /> }.into_any(),
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })}
                </Suspense>
            </div>
        </section>

        <section class="section" aria-labelledby="testimonial-title">
            <div class="container narrow">
                <h2 id="testimonial-title">{t!(i18n, home.testimonial_title)}</h2>
                <figure class="testimonial">
                    <blockquote lang="fr">
                        <p>{t!(i18n, home.testimonial_quote)}</p>
                    </blockquote>
                    <figcaption>
                        <strong>{t!(i18n, home.testimonial_author)}</strong>
                        ", "
                        {t!(i18n, home.testimonial_role)}
                        <br />
                        <a href=TESTIMONIAL_SOURCE hreflang="fr" rel="external">
                            {t!(i18n, home.testimonial_source)}
                        </a>
                    </figcaption>
                </figure>
                <crate::testimonials::ui::PublishedTestimonials />
            </div>
        </section>

        <section class="section section-cta" aria-labelledby="final-title">
            <div class="container narrow center">
                <h2 id="final-title">{t!(i18n, home.final_title)}</h2>
                <p>{t!(i18n, home.final_body)}</p>
                <div class="cta-row cta-center">
                    <JoinButtons />
                </div>
            </div>
        </section>
    }
}

/// The two ways into the program: apply as a mentor, sign up as a mentee.
#[component]
fn JoinButtons() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="button button-primary" href="/apply">{t!(i18n, home.cta_apply)}</a>
        <a class="button button-secondary" href="/register">{t!(i18n, home.cta_register)}</a>
    }
}

#[component]
fn CohortStatus(announcement: CohortAnnouncement) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let locale = i18n.get_locale();
        match &announcement {
            CohortAnnouncement::Running(cohort) => {
                let name = cohort.name.get(locale).unwrap_or(&cohort.code);
                let end = long_date(locale, cohort.ends_on);
                td_string!(locale, cohort.running, name, end).to_string()
            }
            CohortAnnouncement::Upcoming(cohort) => {
                let name = cohort.name.get(locale).unwrap_or(&cohort.code);
                let start = long_date(locale, cohort.starts_on);
                td_string!(locale, cohort.upcoming, name, start).to_string()
            }
            CohortAnnouncement::NotAnnounced => td_string!(locale, cohort.none).to_owned(),
        }
    };
    view! { <p class="cohort-status">{text}</p> }
}

#[component]
fn DomainList(domains: Vec<Domain>) -> impl IntoView {
    let i18n = use_i18n();
    let items = domains
        .into_iter()
        .map(|domain| {
            // The label in the current language, or a visible "missing" marker.
            let label = Memo::new(move |_| {
                let locale = i18n.get_locale();
                match domain.label.get(locale) {
                    Some(label) => (label.to_owned(), false),
                    None => {
                        let code = &domain.code;
                        (
                            td_string!(locale, domains.missing_label, code).to_string(),
                            true,
                        )
                    }
                }
            });
            view! {
                <li class=("missing-label", move || label.get().1)>{move || label.get().0}</li>
            }
        })
        .collect_view();
    view! { <ul class="domain-list">{items}</ul> }
}
