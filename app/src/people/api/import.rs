//! The coordinator's import of a list of mentees: kept, previewed line by
//! line, then sent as invitations into the chosen cohort. Coordinators only.
use leptos::prelude::*;

use crate::error::AppError;
use crate::people::import::{ImportForm, ImportPreview};

/// The import form, empty or with a kept list (`from`) to correct.
#[server(endpoint = "mentee_import_form")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_import_form(from: Option<i64>) -> Result<ImportForm, AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::people::import::JoinableCohorts;
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let locale = authorized.account()?.locale.clone();
    let pool = pool()?;
    let mut cohorts = JoinableCohorts::of(
        crate::catalog::repo::list_cohorts(&pool).await?,
        crate::program_time::program_today(),
    );
    let kept = match from {
        Some(id) => crate::people::repo::find_import(&pool, id).await?,
        None => None,
    };
    Ok(match kept {
        Some(kept) => {
            if cohorts
                .cohorts
                .iter()
                .any(|cohort| cohort.code == kept.cohort_code)
            {
                cohorts.chosen = kept.cohort_code;
            }
            ImportForm {
                cohorts,
                locale: kept.default_locale,
                list: kept.list,
            }
        }
        None => ImportForm {
            cohorts,
            locale,
            list: String::new(),
        },
    })
}

/// Keeps a pasted list for its preview, and goes to it. Refused when the
/// cohort is concluded or unknown, the list empty or longer than one import.
#[server(endpoint = "stage_mentee_import")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn stage_mentee_import(
    cohort: String,
    locale: String,
    list: String,
) -> Result<i64, AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::error::InputProblem;
    use crate::input::parse_locale_choice;
    use crate::people::import::{check_rows, read_rows, MAX_BYTES};
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let coordinator = authorized.account()?.id;
    let pool = pool()?;
    let cohort_id = crate::catalog::repo::joinable_cohort_id(&pool, cohort.trim())
        .await?
        .ok_or_else(|| AppError::InvalidInput {
            field: "cohort".to_owned(),
            problem: InputProblem::InvalidChoice,
        })?;
    let locale = parse_locale_choice("locale", &locale)?;
    if list.len() > MAX_BYTES {
        return Err(AppError::InvalidInput {
            field: "list".to_owned(),
            problem: InputProblem::TooLong,
        });
    }
    if check_rows(&read_rows(&list), locale).is_empty() {
        return Err(AppError::InvalidInput {
            field: "list".to_owned(),
            problem: InputProblem::Required,
        });
    }
    let id = crate::people::repo::insert_import(
        &pool,
        cohort_id,
        locale,
        &list,
        coordinator,
        &crate::program_time::utc_now_text(),
    )
    .await?;
    leptos_axum::redirect(&format!("/coordinator/people/import/{id}"));
    Ok(id)
}

/// A kept list, each line checked now (an address may have registered
/// since the list was pasted).
#[server(endpoint = "mentee_import")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn get_mentee_import(id: i64) -> Result<ImportPreview, AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::server_context::pool;

    authorize_role(Role::Coordinator).await?;
    preview(&pool()?, id).await
}

#[cfg(feature = "ssr")]
async fn preview(pool: &sqlx::SqlitePool, id: i64) -> Result<ImportPreview, AppError> {
    use crate::people::import::{check_rows, mark_known, read_rows, seen_lines};

    let row = crate::people::repo::find_import(pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let cohort = crate::catalog::repo::find_cohort(pool, &row.cohort_code)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut lines = check_rows(&read_rows(&row.list), &row.default_locale);
    if row.sent_at.is_none() {
        let emails: Vec<String> = lines
            .iter()
            .filter(|line| line.is_ready())
            .map(|line| line.email.to_lowercase())
            .collect();
        let (accounts, invited) = crate::people::repo::known_addresses(
            pool,
            &emails,
            &crate::program_time::utc_now_text(),
        )
        .await?;
        mark_known(&mut lines, &accounts, &invited);
    }
    Ok(ImportPreview {
        id: row.id,
        cohort,
        default_locale: row.default_locale,
        list: row.list,
        seen: seen_lines(&lines),
        lines,
        sent: row.sent_at.map(|at| {
            (
                crate::program_time::program_time(&at),
                row.invited.unwrap_or_default(),
            )
        }),
    })
}

/// Invites the ready lines of a kept list, each in their language, into its
/// cohort; once only. `seen` names the ready lines the coordinator saw:
/// refused (409) when they changed since. Answers how many were invited.
#[server(endpoint = "send_mentee_import")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn send_mentee_import(id: i64, seen: String) -> Result<usize, AppError> {
    use crate::accounts::session::authorize_role;
    use crate::accounts::Role;
    use crate::audit::repo::record_by_caller;
    use crate::audit::AuditEvent;
    use crate::people::api::{issue_invitation, Invitee};
    use crate::server_context::pool;

    let authorized = authorize_role(Role::Coordinator).await?;
    let inviter = authorized.account()?.clone();
    let pool = pool()?;
    let preview = preview(&pool, id).await?;
    if preview.too_many() {
        return Err(AppError::InvalidInput {
            field: "list".to_owned(),
            problem: crate::error::InputProblem::TooManyLines,
        });
    }
    if preview.sent.is_some() || preview.seen != seen || preview.cohort.concluded_on.is_some() {
        return Err(AppError::Conflict);
    }
    let row = crate::people::repo::find_import(&pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let ready: Vec<_> = preview
        .lines
        .iter()
        .filter(|line| line.is_ready())
        .collect();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    for line in &ready {
        issue_invitation(
            &mut transaction,
            &inviter,
            &Invitee {
                email: &line.email,
                display_name: &line.name,
                role: Role::Mentee,
                locale: &line.locale,
                cohort_id: Some(row.cohort_id),
            },
        )
        .await?;
    }
    let invited = i64::try_from(ready.len()).unwrap_or(i64::MAX);
    if !crate::people::repo::mark_sent(
        &mut transaction,
        id,
        invited,
        &crate::program_time::utc_now_text(),
    )
    .await?
    {
        return Err(AppError::Conflict);
    }
    transaction.commit().await?;
    for line in &ready {
        record_by_caller(
            &pool,
            AuditEvent::InvitationSent,
            Some(inviter.id),
            Some(&line.email),
            Some(Role::Mentee.as_str()),
        )
        .await;
    }
    record_by_caller(
        &pool,
        AuditEvent::MenteesImported,
        Some(inviter.id),
        None,
        Some(&format!("{}: {invited} invited", preview.cohort.code)),
    )
    .await;
    Ok(ready.len())
}
