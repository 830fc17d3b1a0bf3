//! Reading workspaces: each kind of row once for all of a person's pairs
//! (a mentor's dashboard with ten mentees runs as many queries as with one).
use std::collections::BTreeMap;

use sqlx::SqlitePool;

use super::Workspace;
use crate::error::AppError;
use crate::joint::member::Member;
use crate::pairs::{PairStatus, Side};
use crate::program_time::{program_date, program_time, program_today, utc_now_text};

/// The workspaces of `members`' pairs as each reads them, in their order
/// (`read_messages`: the messages are on screen, marked read).
pub async fn load_many(
    pool: &SqlitePool,
    members: &[Member],
    read_messages: bool,
) -> Result<Vec<Workspace>, AppError> {
    let ids: Vec<i64> = members.iter().map(|member| member.pair.id).collect();
    // The private notes are in the workspace of whom the policy lets read them.
    let notes_for: Vec<i64> = members
        .iter()
        .filter(|member| {
            member.may(&crate::accounts::policy::Access::MentorPrivate {
                mentor_id: member.pair.mentor_account_id,
            })
        })
        .map(|member| member.pair.id)
        .collect();
    let mut goals = crate::goals::repo::goals_of_pairs(pool, &ids, program_today()).await?;
    let now = utc_now_text();
    let mut meetings =
        crate::meetings::repo::meetings_of_pairs(pool, &ids, &now, &notes_for).await?;
    let mut feedback = crate::feedback::repo::feedback_of_pairs(pool, &ids).await?;
    let mut end_requests = crate::pairs::repo::end_requests_of(pool, &ids).await?;
    // Read first: marking the thread read makes its unread count nought.
    let threads = crate::messages::api::load_threads(pool, members, read_messages).await?;
    let mut needs = crate::needs::repo::needs_of_pairs(pool, &ids).await?;
    // What depends on the reader's side: their own fit check, and the other
    // side's messages they have not read.
    let (mut fit_checks, mut unread) = (BTreeMap::new(), BTreeMap::new());
    for (side, ids) in crate::joint::member::pair_ids_by_side(members) {
        fit_checks.extend(crate::feedback::repo::my_fit_checks(pool, &ids, side).await?);
        unread.extend(crate::messages::repo::unread_counts(pool, &ids, side).await?);
    }
    let mut workspaces = Vec::with_capacity(members.len());
    for (member, thread) in members.iter().zip(threads) {
        let pair_id = member.pair.id;
        let side = member.side;
        let status = member.pair.known_status()?;
        let mut needs = needs.remove(&pair_id).unwrap_or_default();
        // The mentee edits them while the pair is active: she gets the choices.
        if side == Side::Mentee && status == PairStatus::Active {
            let kept: Vec<String> = needs.skills.iter().map(|need| need.code.clone()).collect();
            needs.choices = crate::catalog::repo::choices_keeping(pool, &[], &kept)
                .await?
                .skills;
        }
        workspaces.push(Workspace {
            pair_id,
            side,
            partner_name: member.partner().0.to_owned(),
            goals: goals.remove(&pair_id).unwrap_or_default(),
            meetings: meetings.remove(&pair_id).unwrap_or_default(),
            feedback: feedback.remove(&pair_id).unwrap_or_default(),
            fit_check: fit_checks.remove(&pair_id).unwrap_or_default(),
            status,
            closed_on: member
                .pair
                .closed_at
                .as_deref()
                .and_then(program_date)
                .map(|day| day.format("%Y-%m-%d").to_string()),
            my_end_request: end_requests
                .remove(&pair_id)
                .filter(|request| {
                    crate::stored::known(
                        Side::parse(&request.side),
                        "pairs",
                        "end_requested_side",
                        &request.side,
                    )
                    .ok()
                        == Some(side)
                })
                .map(|request| program_time(&request.at)),
            unread_messages: unread.get(&pair_id).copied().unwrap_or_default(),
            needs,
            thread,
        });
    }
    Ok(workspaces)
}
