//! Server functions of the mentee's needs: read by the pair's two people
//! (with the workspace), written by the mentee alone while the pair is active.
use leptos::prelude::*;

use crate::error::AppError;

/// The mentee updates her needs from the workspace: the skills she asks for
/// and her note (the same as in her profile, which matching reads).
#[server(endpoint = "save_my_needs")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn save_my_needs(
    pair_id: i64,
    skills: Option<Vec<String>>,
    needs_note: String,
) -> Result<(), AppError> {
    use crate::error::InputProblem;
    use crate::input::parse_optional_text;
    use crate::joint::member::{active_pair_member, Who};
    use crate::program_time::utc_now_text;
    use crate::server_context::pool;

    let pool = pool()?;
    let member = active_pair_member(&pool, pair_id, Who::Mentee).await?;
    let note = parse_optional_text("needs_note", &needs_note, super::NOTE_MAX_CHARS)?;
    let mut skills = skills.unwrap_or_default();
    skills.sort();
    skills.dedup();
    // Withdrawn skills she already has stay valid for her.
    let mut connection = pool.acquire().await?;
    let current = super::repo::needed_codes(&mut connection, pair_id).await?;
    drop(connection);
    let choices = crate::catalog::repo::choices_keeping(&pool, &[], &current).await?;
    if skills
        .iter()
        .any(|code| !choices.skills.iter().any(|choice| choice.code == *code))
    {
        return Err(AppError::InvalidInput {
            field: "skills".into(),
            problem: InputProblem::InvalidChoice,
        });
    }
    let now = utc_now_text();
    let mut transaction = crate::write_transaction::begin_write(&pool).await?;
    super::repo::save_needs(
        &mut transaction,
        member.pair.mentee_profile_id,
        &skills,
        note.as_deref(),
        &now,
    )
    .await?;
    transaction.commit().await?;
    Ok(())
}
