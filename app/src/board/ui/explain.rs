//! Why the board ranks as it does: a score in parts, the reasons said in words, who is left unmatched and why.
#[allow(unused_imports)]
use super::*;

/// A score broken into its parts, each with its points and why.
#[component]
pub fn ScoreBreakdown(
    breakdown: Breakdown,
    choices: crate::catalog::ProfileChoices,
) -> impl IntoView {
    let i18n = use_i18n();
    let score = breakdown.score;
    view! {
        <div class="breakdown">
            <p class="score">
                <strong>{move || t_string!(i18n, board.score, score = score).to_string()}</strong>
            </p>
            <ul class="plain-list parts">
                {breakdown
                    .parts
                    .into_iter()
                    .map(|part| {
                        let name = part_name(part.name);
                        // Tenths, as classes: the page's CSP allows no inline style.
                        let tenths = (part.points * 10 + part.max / 2).checked_div(part.max).unwrap_or(0);
                        let fill = format!("fill-{}", tenths.min(10));
                        let (points, max) = (part.points, part.max);
                        view! {
                            <li class="part">
                                <span class="part-name">{name}</span>
                                <span class="part-points">{move || t_string!(i18n, board.points, points = points, max = max).to_string()}</span>
                                <span class="part-bar" aria-hidden="true"><span class=fill></span></span>
                                <span class="part-reason"><ReasonText reason=part.reason choices=choices.clone() /></span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

pub(super) fn part_name(name: PartName) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match name {
        PartName::Domain => t_string!(i18n, board.part_domain),
        PartName::Skills => t_string!(i18n, board.part_skills),
        PartName::Language => t_string!(i18n, board.part_language),
        PartName::Modality => t_string!(i18n, board.part_modality),
        PartName::Availability => t_string!(i18n, board.part_availability),
    }
}

pub(super) fn level_name(level: matching::Level) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match level {
        matching::Level::Basic => t_string!(i18n, languages.level_basic),
        matching::Level::Working => t_string!(i18n, languages.level_working),
        matching::Level::Fluent => t_string!(i18n, languages.level_fluent),
    }
}

#[component]
pub(super) fn CodeList(codes: Vec<String>, choices: Vec<TaxonomyChoice>) -> impl IntoView {
    let count = codes.len();
    codes
        .into_iter()
        .enumerate()
        .map(|(index, code)| {
            let choice = label_of(&choices, &code);
            view! {
                <TaxonomyLabel code=choice.code label=choice.label />
                {(index + 1 < count).then_some(", ")}
            }
        })
        .collect_view()
}

#[component]
pub(super) fn ReasonText(reason: Reason, choices: crate::catalog::ProfileChoices) -> impl IntoView {
    let i18n = use_i18n();
    match reason {
        Reason::Domains { shared, of } => {
            let count = shared.len();
            view! {
                {move || t_string!(i18n, board.reason_domains, shared = count, of = of).to_string()}
                {(count > 0).then(|| view! { " : " <CodeList codes=shared.clone() choices=choices.domains.clone() /> })}
            }
            .into_any()
        }
        Reason::Skills { shared, of } => {
            let count = shared.len();
            view! {
                {move || t_string!(i18n, board.reason_skills, shared = count, of = of).to_string()}
                {(count > 0).then(|| view! { " : " <CodeList codes=shared.clone() choices=choices.skills.clone() /> })}
            }
            .into_any()
        }
        Reason::Language { code, level } if !code.is_empty() => {
            let language = language_name(&code);
            let level = level_name(level);
            view! { {move || t_string!(i18n, board.reason_language, language = language(), level = level()).to_string()} }.into_any()
        }
        Reason::Language { .. } => view! { {t!(i18n, board.reason_no_language)} }.into_any(),
        Reason::Modality { compatible: true } => view! { {t!(i18n, board.reason_modality_ok)} }.into_any(),
        Reason::Modality { compatible: false } => view! { {t!(i18n, board.reason_modality_no)} }.into_any(),
        Reason::Availability { common_half_days } => view! {
            {move || crate::plural!(i18n, board.reason_availability_singular, board.reason_availability_plural, common_half_days)}
        }
        .into_any(),
    }
}

pub(super) fn obstacle_name(obstacle: Obstacle) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match obstacle {
        Obstacle::NoCommonLanguage => t_string!(i18n, board.obstacle_language),
        Obstacle::MentorPaused => t_string!(i18n, board.obstacle_paused),
        Obstacle::Forbidden => t_string!(i18n, board.obstacle_forbidden),
        Obstacle::ModalityIncompatible => t_string!(i18n, board.obstacle_modality),
        Obstacle::BelowMinScore => t_string!(i18n, board.obstacle_min_score),
    }
}

#[component]
pub(super) fn UnmatchedText(reason: UnmatchedReason) -> impl IntoView {
    let i18n = use_i18n();
    match reason {
        UnmatchedReason::NoMentorInCohort => view! { {t!(i18n, board.unmatched_no_mentor)} }.into_any(),
        UnmatchedReason::NoMentorSharesLanguage => view! { {t!(i18n, board.unmatched_language)} }.into_any(),
        UnmatchedReason::CompatibleMentorsFull { compatible } => view! {
            {move || t_string!(i18n, board.unmatched_full, count = compatible).to_string()}
        }
        .into_any(),
        UnmatchedReason::NoCompatibleMentor { obstacles } => view! {
            {t!(i18n, board.unmatched_none)} " "
            {obstacles
                .into_iter()
                .map(|(obstacle, count)| {
                    let name = obstacle_name(obstacle);
                    view! { <span class="obstacle">{move || t_string!(i18n, board.obstacle_count, count = count, obstacle = name()).to_string()}</span> " " }
                })
                .collect_view()}
        }
        .into_any(),
    }
}
