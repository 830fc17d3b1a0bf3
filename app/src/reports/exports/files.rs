//! The export files themselves, in the reader's language: who may have one,
//! what each holds, and the audit line each download leaves. The HTTP route
//! (in the server) only adds headers to what [`export_file`] returns.
use sqlx::SqlitePool;

use super::{file_name, repo, write_csv, ExportKind};
use crate::accounts::policy::{decide, Access, Caller, Decision, Denial};
use crate::accounts::repo::AccountRow;
use crate::accounts::Role;
use crate::applications::{
    ineligibility_reasons, ApplicationStatus, DiplomaLevel, EligibilityFacts, IneligibilityReason,
};
use crate::audit::repo::{record, AuditRecord};
use crate::audit::AuditEvent;
use crate::error::AppError;
use crate::evaluations::QuestionnaireKind::{Evaluation, Pulse};
use crate::goals::GoalStatus;
use crate::i18n::{td_string, Locale};
use crate::joint::agreement::Agreement;
use crate::locale::{parse_locale, LOCALE_COOKIE};
use crate::meetings::{MeetingModality, MeetingStatus};
use crate::pairs::{Answer, PairStatus, Side};
use crate::program_time::{program_time, program_today};

/// A file ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The language the reader is using: the language cookie the interface sets
/// (what they see on screen), else their account's language, else French.
pub fn reader_locale<'a>(
    cookie_headers: impl IntoIterator<Item = &'a str>,
    account_locale: Option<&str>,
) -> Locale {
    let from_cookie = cookie_headers
        .into_iter()
        .flat_map(tower_sessions::cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == LOCALE_COOKIE)
        .and_then(|cookie| parse_locale(cookie.value()));
    from_cookie
        .or_else(|| account_locale.and_then(parse_locale))
        .unwrap_or(Locale::fr)
}

/// The export `file` (`pairs.csv`…) of the cohort `cohort_code`, for `caller`
/// (`None` when signed out): 401 signed out, 403 for anyone but a
/// coordinator, 404 for an unknown cohort or kind. Each file made is recorded
/// in the audit log (who, from where, which cohort and kind).
pub async fn export_file(
    pool: &SqlitePool,
    caller: Option<&AccountRow>,
    locale: Locale,
    cohort_code: &str,
    file: &str,
    client: Option<&str>,
) -> Result<ExportFile, AppError> {
    let member = match caller {
        Some(account) => account.caller(),
        None => Caller::Anonymous,
    };
    match decide(&member, &Access::RoleArea(Role::Coordinator)) {
        Decision::Allow => {}
        Decision::Deny(Denial::SignInRequired) => return Err(AppError::Unauthorized),
        Decision::Deny(Denial::Forbidden) => {
            tracing::warn!(?member, cohort_code, file, "export refused");
            return Err(AppError::Forbidden);
        }
    }
    let account = caller.ok_or(AppError::Unauthorized)?;
    let kind = ExportKind::of_file(file).ok_or(AppError::NotFound)?;
    if !repo::cohort_exists(pool, cohort_code).await? {
        return Err(AppError::NotFound);
    }
    let (headers, rows) = match kind {
        ExportKind::Pairs => pairs(pool, cohort_code, locale).await?,
        ExportKind::Goals => goals(pool, cohort_code, locale).await?,
        ExportKind::Meetings => meetings(pool, cohort_code, locale).await?,
        ExportKind::Applications => applications(pool, cohort_code, locale).await?,
        ExportKind::Figures => figures(pool, cohort_code, locale).await?,
        ExportKind::Evaluations => answers(pool, cohort_code, Evaluation, locale).await?,
        ExportKind::Pulses => answers(pool, cohort_code, Pulse, locale).await?,
    };
    let bytes = write_csv(&headers, rows);
    let detail = format!("{cohort_code}/{}", kind.as_str());
    let people = repo::people_in_export(pool, cohort_code, kind).await?;
    crate::access_log::repo::record_reads(
        pool,
        account.id,
        &people,
        crate::access_log::ReadWhat::Export,
        &detail,
    )
    .await?;
    record(
        pool,
        AuditEvent::DataExported,
        AuditRecord {
            actor_id: Some(account.id),
            subject: None,
            client,
            detail: Some(&detail),
        },
    )
    .await;
    Ok(ExportFile {
        file_name: file_name(cohort_code, kind),
        bytes,
    })
}

/// What a refused download says, in the reader's language.
pub fn refusal_text(locale: Locale, error: &AppError) -> String {
    match error {
        AppError::Unauthorized => td_string!(locale, exports.refused_sign_in),
        AppError::Forbidden => td_string!(locale, exports.refused_forbidden),
        AppError::NotFound => td_string!(locale, exports.refused_not_found),
        _ => td_string!(locale, exports.refused_unavailable),
    }
    .to_owned()
}

type Table = (Vec<String>, Vec<Vec<String>>);

fn texts(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|cell| (*cell).to_owned()).collect()
}

fn time_or_empty(utc_text: Option<&str>) -> String {
    utc_text.map(program_time).unwrap_or_default()
}

/// The submitted answers to a questionnaire kind (`evaluations::export`).
async fn answers(
    pool: &SqlitePool,
    code: &str,
    kind: crate::evaluations::QuestionnaireKind,
    locale: Locale,
) -> Result<Table, AppError> {
    let cohort_id = crate::board::repo::cohort_id(pool, code)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::evaluations::export::answers_table(pool, cohort_id, kind, locale).await
}

/// The dashboard's figures (`reports`), one per line: what, and how many.
async fn figures(pool: &SqlitePool, code: &str, locale: Locale) -> Result<Table, AppError> {
    use crate::program_time::program_today;
    use crate::reports::repo as reports;

    let cohort_id = crate::board::repo::cohort_id(pool, code)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = program_today();
    let facts =
        reports::facts(pool, cohort_id, today, &crate::program_time::utc_now_text()).await?;
    let f = reports::figures(pool, cohort_id, &facts, today).await?;
    let headers = texts(&[
        td_string!(locale, exports.columns.figure),
        td_string!(locale, exports.columns.value),
    ]);
    let line = |label: &str, value: i64| vec![label.to_owned(), value.to_string()];
    let mut rows = vec![
        line(
            td_string!(locale, follow_up.mentees_waiting),
            f.mentees_waiting,
        ),
        line(
            td_string!(locale, follow_up.pairs_proposed),
            f.pairs_proposed,
        ),
        line(td_string!(locale, follow_up.pairs_active), f.pairs_active),
        line(
            td_string!(locale, follow_up.pairs_completed),
            f.pairs_completed,
        ),
        line(td_string!(locale, follow_up.pairs_ended), f.pairs_ended),
        line(td_string!(locale, exports.columns.mentors), f.mentors),
        line(td_string!(locale, follow_up.places_used), f.places_used),
        line(td_string!(locale, follow_up.places_free), f.places_free),
        line(td_string!(locale, follow_up.goals_agreed), f.goals_agreed),
        line(
            td_string!(locale, follow_up.goals_achieved),
            f.goals_achieved,
        ),
        line(td_string!(locale, follow_up.goals_overdue), f.goals_overdue),
        line(
            td_string!(locale, follow_up.feedback_given),
            f.feedback_given,
        ),
        line(
            td_string!(locale, follow_up.feedback_acknowledged),
            f.feedback_acknowledged,
        ),
        line(td_string!(locale, workspace.fit_good), f.fit_good),
        line(td_string!(locale, workspace.fit_not_sure), f.fit_not_sure),
        line(td_string!(locale, workspace.fit_not_a_fit), f.fit_not_a_fit),
    ];
    for (monday, count) in &f.meetings_per_week {
        rows.push(line(
            &td_string!(locale, exports.meetings_week, date = monday.clone()).to_string(),
            *count,
        ));
    }
    for (status, count) in &f.applications {
        let label = ApplicationStatus::parse(status).map_or(status.clone(), |known| {
            application_status_label(locale, known).to_owned()
        });
        rows.push(line(
            &td_string!(locale, exports.applications_status, status = label).to_string(),
            *count,
        ));
    }
    Ok((headers, rows))
}

async fn pairs(pool: &SqlitePool, code: &str, locale: Locale) -> Result<Table, AppError> {
    let headers = texts(&[
        td_string!(locale, exports.columns.mentee),
        td_string!(locale, exports.columns.mentor),
        td_string!(locale, exports.columns.status),
        td_string!(locale, exports.columns.score),
        td_string!(locale, exports.columns.proposed_at),
        td_string!(locale, exports.columns.activated_at),
        td_string!(locale, exports.columns.closed_at),
        td_string!(locale, exports.columns.mentee_answer),
        td_string!(locale, exports.columns.mentor_answer),
        td_string!(locale, exports.columns.reason),
        td_string!(locale, exports.columns.meetings_held),
        td_string!(locale, exports.columns.goals_agreed),
    ]);
    let rows = repo::pairs_of_cohort(pool, code)
        .await?
        .into_iter()
        .map(|pair| {
            vec![
                pair.mentee_name,
                pair.mentor_name,
                PairStatus::parse(&pair.status).map_or(pair.status.clone(), |status| {
                    pair_status_label(locale, status).to_owned()
                }),
                pair.score.to_string(),
                program_time(&pair.proposed_at),
                time_or_empty(pair.activated_at.as_deref()),
                time_or_empty(pair.closed_at.as_deref()),
                answer_label(locale, pair.mentee_answer.as_deref()),
                answer_label(locale, pair.mentor_answer.as_deref()),
                pair.reason.unwrap_or_default(),
                pair.meetings_held.to_string(),
                pair.goals_agreed.to_string(),
            ]
        })
        .collect();
    Ok((headers, rows))
}

async fn goals(pool: &SqlitePool, code: &str, locale: Locale) -> Result<Table, AppError> {
    let headers = texts(&[
        td_string!(locale, exports.columns.mentee),
        td_string!(locale, exports.columns.mentor),
        td_string!(locale, exports.columns.goal),
        td_string!(locale, exports.columns.success_criterion),
        td_string!(locale, exports.columns.target_date),
        td_string!(locale, exports.columns.agreement),
        td_string!(locale, exports.columns.status),
        td_string!(locale, exports.columns.progress),
        td_string!(locale, exports.columns.milestones_done),
        td_string!(locale, exports.columns.milestones),
    ]);
    let today = program_today();
    let mut rows = Vec::new();
    for pair in repo::pairs_with_goals(pool, code).await? {
        // The same goals, progress included, as the pair's page shows them.
        for goal in crate::goals::repo::goals_of_pair(pool, pair.id, today).await? {
            let done = goal.milestones.iter().filter(|m| m.done).count();
            rows.push(vec![
                pair.mentee_name.clone(),
                pair.mentor_name.clone(),
                goal.title,
                goal.success_criterion,
                goal.target_date.unwrap_or_default(),
                agreement_label(locale, goal.agreement.as_str()).to_owned(),
                goal_status_label(locale, goal.status).to_owned(),
                goal.progress.to_string(),
                done.to_string(),
                goal.milestones.len().to_string(),
            ]);
        }
    }
    Ok((headers, rows))
}

async fn meetings(pool: &SqlitePool, code: &str, locale: Locale) -> Result<Table, AppError> {
    let headers = texts(&[
        td_string!(locale, exports.columns.mentee),
        td_string!(locale, exports.columns.mentor),
        td_string!(locale, exports.columns.starts_at),
        td_string!(locale, exports.columns.duration),
        td_string!(locale, exports.columns.modality),
        td_string!(locale, exports.columns.agreement),
        td_string!(locale, exports.columns.status),
        td_string!(locale, exports.columns.objectives),
    ]);
    let objectives = repo::objectives_of_cohort(pool, code).await?;
    let rows = repo::meetings_of_cohort(pool, code)
        .await?
        .into_iter()
        .map(|meeting| {
            let objectives: Vec<&str> = objectives
                .iter()
                .filter(|(meeting_id, _)| *meeting_id == meeting.id)
                .map(|(_, text)| text.as_str())
                .collect();
            vec![
                meeting.mentee_name,
                meeting.mentor_name,
                program_time(&meeting.starts_at),
                meeting.duration_minutes.to_string(),
                match MeetingModality::parse(&meeting.modality) {
                    Some(MeetingModality::InPerson) => td_string!(locale, workspace.in_person),
                    Some(MeetingModality::Video) => td_string!(locale, workspace.video),
                    None => meeting.modality.as_str(),
                }
                .to_owned(),
                agreement_label(locale, &meeting.agreement).to_owned(),
                match MeetingStatus::parse(&meeting.status) {
                    Some(MeetingStatus::Planned) => td_string!(locale, workspace.meeting_planned),
                    Some(MeetingStatus::Held) => td_string!(locale, workspace.meeting_held),
                    Some(MeetingStatus::Cancelled) => {
                        td_string!(locale, workspace.meeting_cancelled)
                    }
                    None => meeting.status.as_str(),
                }
                .to_owned(),
                // One objective per line of the cell.
                objectives.join("\n"),
            ]
        })
        .collect();
    Ok((headers, rows))
}

async fn applications(pool: &SqlitePool, code: &str, locale: Locale) -> Result<Table, AppError> {
    let headers = texts(&[
        td_string!(locale, exports.columns.candidate),
        td_string!(locale, exports.columns.email),
        td_string!(locale, exports.columns.status),
        td_string!(locale, exports.columns.eligibility),
        td_string!(locale, exports.columns.diploma),
        td_string!(locale, exports.columns.diploma_field),
        td_string!(locale, exports.columns.employer),
        td_string!(locale, exports.columns.job_title),
        td_string!(locale, exports.columns.capacity),
        td_string!(locale, exports.columns.submitted_at),
        td_string!(locale, exports.columns.cohort),
    ]);
    let rows = repo::applications_for_cohort(pool, code)
        .await?
        .into_iter()
        .map(|application| {
            let diploma = DiplomaLevel::parse(&application.diploma_level);
            let reasons = ineligibility_reasons(EligibilityFacts {
                diploma: diploma.unwrap_or(DiplomaLevel::None),
                is_employed: application.is_employed,
                works_in_research: application.works_in_research,
            });
            vec![
                application.display_name,
                application.email,
                ApplicationStatus::parse(&application.status)
                    .map_or(application.status.clone(), |status| {
                        application_status_label(locale, status).to_owned()
                    }),
                eligibility_text(locale, &reasons),
                diploma.map_or(application.diploma_level.clone(), |level| {
                    diploma_label(locale, level).to_owned()
                }),
                application.diploma_field.unwrap_or_default(),
                application.employer.unwrap_or_default(),
                application.job_title.unwrap_or_default(),
                application.capacity.to_string(),
                program_time(&application.submitted_at),
                application.cohort_code.unwrap_or_default(),
            ]
        })
        .collect();
    Ok((headers, rows))
}

fn pair_status_label(locale: Locale, status: PairStatus) -> &'static str {
    match status {
        PairStatus::Proposed => td_string!(locale, pairs.status_proposed),
        PairStatus::Active => td_string!(locale, pairs.status_active),
        PairStatus::Declined => td_string!(locale, pairs.status_declined),
        PairStatus::Withdrawn => td_string!(locale, pairs.status_withdrawn),
        PairStatus::Ended => td_string!(locale, pairs.status_ended),
        PairStatus::Completed => td_string!(locale, pairs.status_completed),
    }
}

/// A stored answer, or "waiting" when there is none yet.
fn answer_label(locale: Locale, answer: Option<&str>) -> String {
    match answer.map(|text| (text, Answer::parse(text))) {
        None => td_string!(locale, pairs.answer_waiting).to_owned(),
        Some((_, Some(Answer::Accepted))) => td_string!(locale, pairs.answer_accepted).to_owned(),
        Some((_, Some(Answer::Declined))) => td_string!(locale, pairs.answer_declined).to_owned(),
        Some((text, None)) => text.to_owned(),
    }
}

/// Where a goal or a meeting plan stands between the two people (from its
/// stored name; an unknown one is shown as stored).
fn agreement_label(locale: Locale, stored: &str) -> &str {
    // The side does not change the label.
    match Agreement::parse(stored, Side::Mentor) {
        Some(Agreement::Proposed { .. }) => td_string!(locale, exports.agreement_proposed),
        Some(Agreement::Agreed) => td_string!(locale, exports.agreement_agreed),
        Some(Agreement::ChangesRequested { .. }) => {
            td_string!(locale, exports.agreement_changes_requested)
        }
        None => stored,
    }
}

fn goal_status_label(locale: Locale, status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::InProgress => td_string!(locale, workspace.goal_in_progress),
        GoalStatus::Achieved => td_string!(locale, workspace.goal_achieved),
        GoalStatus::Dropped => td_string!(locale, workspace.goal_dropped),
    }
}

fn application_status_label(locale: Locale, status: ApplicationStatus) -> &'static str {
    match status {
        ApplicationStatus::Submitted => td_string!(locale, applications.status_submitted),
        ApplicationStatus::InfoRequested => td_string!(locale, applications.status_info_requested),
        ApplicationStatus::Accepted => td_string!(locale, applications.status_accepted),
        ApplicationStatus::Declined => td_string!(locale, applications.status_declined),
        ApplicationStatus::Withdrawn => td_string!(locale, applications.status_withdrawn),
    }
}

/// "Eligible", or "Not eligible: reason; reason".
fn eligibility_text(locale: Locale, reasons: &[IneligibilityReason]) -> String {
    if reasons.is_empty() {
        return td_string!(locale, applications.eligible).to_owned();
    }
    let reasons: Vec<&str> = reasons
        .iter()
        .map(|reason| match reason {
            IneligibilityReason::NoDiploma => td_string!(locale, applications.reason_no_diploma),
            IneligibilityReason::NotEmployed => {
                td_string!(locale, applications.reason_not_employed)
            }
            IneligibilityReason::ResearchProfession => {
                td_string!(locale, applications.reason_research)
            }
        })
        .collect();
    td_string!(
        locale,
        exports.not_eligible_because,
        reasons = reasons.join(" ; ")
    )
    .to_string()
}

fn diploma_label(locale: Locale, level: DiplomaLevel) -> &'static str {
    match level {
        DiplomaLevel::None => td_string!(locale, apply.diploma_none),
        DiplomaLevel::Secondary => td_string!(locale, apply.diploma_secondary),
        DiplomaLevel::College => td_string!(locale, apply.diploma_college),
        DiplomaLevel::Bachelor => td_string!(locale, apply.diploma_bachelor),
        DiplomaLevel::Master => td_string!(locale, apply.diploma_master),
        DiplomaLevel::Doctorate => td_string!(locale, apply.diploma_doctorate),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_cookie_wins_then_the_account_then_french() {
        let cookies = ["mentorat_session=abc; i18n_pref_locale=en"];
        assert_eq!(reader_locale(cookies, Some("fr")), Locale::en);
        assert_eq!(
            reader_locale(["i18n_pref_locale=fr"], Some("en")),
            Locale::fr
        );
        assert_eq!(
            reader_locale(["mentorat_session=abc"], Some("en")),
            Locale::en
        );
        assert_eq!(reader_locale(["i18n_pref_locale=de"], None), Locale::fr);
        assert_eq!(reader_locale([], None), Locale::fr);
    }

    #[test]
    fn stored_values_read_in_the_reader_s_language() {
        assert_eq!(
            agreement_label(Locale::fr, "agreed"),
            "Accepté par les deux"
        );
        assert_eq!(
            agreement_label(Locale::en, "something_else"),
            "something_else"
        );
        assert_eq!(answer_label(Locale::en, None), "Waiting");
        assert_eq!(
            eligibility_text(
                Locale::fr,
                &[
                    IneligibilityReason::NoDiploma,
                    IneligibilityReason::NotEmployed
                ]
            ),
            "Non admissible : Aucun diplôme ; Pas en emploi"
        );
    }
}
