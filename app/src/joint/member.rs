//! The caller as one of the two people of a pair: the one check every
//! workspace server function starts with (goals, meetings, feedback).
use sqlx::SqlitePool;

use crate::accounts::policy::Access;
use crate::accounts::session::authorize;
use crate::error::AppError;
use crate::outbox::compose::ComposedEmail;
use crate::outbox::repo::{notify, NewEmail};
use crate::outbox::EmailKind;
use crate::pairs::repo::{find_pair, PairRecord};
use crate::pairs::{PairStatus, Side};

/// One of the two people of a pair, and the pair.
pub struct Member {
    pub pair: PairRecord,
    pub side: Side,
    pub account_id: i64,
}

impl Member {
    /// `account_id` as one of the two people of `pair`: 403 for anyone else.
    pub fn of_record(pair: PairRecord, account_id: i64) -> Result<Self, AppError> {
        let side = if account_id == pair.mentor_account_id {
            Side::Mentor
        } else if account_id == pair.mentee_account_id {
            Side::Mentee
        } else {
            return Err(AppError::Forbidden);
        };
        Ok(Member {
            pair,
            side,
            account_id,
        })
    }

    /// Whether this person may, by the policy: one of the pair's two people,
    /// with the role their side gives.
    pub fn may(&self, access: &Access) -> bool {
        let role = match self.side {
            Side::Mentor => crate::accounts::Role::Mentor,
            Side::Mentee => crate::accounts::Role::Mentee,
        };
        let caller = crate::accounts::policy::Caller::member(self.account_id, role);
        crate::accounts::policy::allows(&caller, access)
    }

    /// The other person's name, email and language.
    pub fn partner(&self) -> (&str, &str, &str) {
        match self.side {
            Side::Mentor => (
                &self.pair.mentee_name,
                &self.pair.mentee_email,
                &self.pair.mentee_locale,
            ),
            Side::Mentee => (
                &self.pair.mentor_name,
                &self.pair.mentor_email,
                &self.pair.mentor_locale,
            ),
        }
    }

    /// The other person's account.
    pub fn partner_account_id(&self) -> i64 {
        match self.side {
            Side::Mentor => self.pair.mentee_account_id,
            Side::Mentee => self.pair.mentor_account_id,
        }
    }

    /// The other person's area (their home page).
    pub fn partner_area_url(&self, public_url: &str) -> String {
        let area = match self.side.other() {
            Side::Mentor => "mentor",
            Side::Mentee => "mentee",
        };
        format!("{public_url}/{area}")
    }

    pub fn name(&self) -> &str {
        match self.side {
            Side::Mentor => &self.pair.mentor_name,
            Side::Mentee => &self.pair.mentee_name,
        }
    }

    /// Refuses unless the pair is active (goals, meetings and feedback are
    /// written only while it is).
    pub fn require_active(&self) -> Result<(), AppError> {
        if self.pair.known_status()? == PairStatus::Active {
            Ok(())
        } else {
            Err(AppError::Conflict)
        }
    }

    /// Refuses unless the caller is on the side `who` names.
    fn require(&self, who: Who) -> Result<(), AppError> {
        let allowed = match who {
            Who::Either => true,
            Who::Mentor => self.side == Side::Mentor,
            Who::Mentee => self.side == Side::Mentee,
        };
        if allowed {
            Ok(())
        } else {
            tracing::warn!(pair = self.pair.id, ?who, "the other side's action refused");
            Err(AppError::Forbidden)
        }
    }

    /// Tells the other person, in their language, linking to their area
    /// (which asks them to sign in); held for their digest when they chose
    /// one and the notice may wait.
    pub async fn notify_partner(
        &self,
        connection: &mut sqlx::SqliteConnection,
        kind: EmailKind,
        compose: impl FnOnce(&str, &str, &str) -> ComposedEmail,
        public_url: &str,
    ) -> Result<(), AppError> {
        self.notify_partner_about(connection, kind, None, compose, public_url)
            .await
    }

    /// `notify_partner` for a notice about the meeting starting at
    /// `meeting_starts_at` (whether it may wait depends on when).
    pub async fn notify_partner_about(
        &self,
        connection: &mut sqlx::SqliteConnection,
        kind: EmailKind,
        meeting_starts_at: Option<&str>,
        compose: impl FnOnce(&str, &str, &str) -> ComposedEmail,
        public_url: &str,
    ) -> Result<(), AppError> {
        let url = self.partner_area_url(public_url);
        self.notify_partner_at(connection, kind, meeting_starts_at, compose, &url)
            .await
    }

    /// `notify_partner_about` with the email's link given (an action link).
    pub async fn notify_partner_at(
        &self,
        connection: &mut sqlx::SqliteConnection,
        kind: EmailKind,
        meeting_starts_at: Option<&str>,
        compose: impl FnOnce(&str, &str, &str) -> ComposedEmail,
        action_url: &str,
    ) -> Result<(), AppError> {
        let (name, email, locale) = self.partner();
        let composed = compose(locale, name, self.name());
        notify(
            connection,
            &NewEmail {
                kind,
                recipient: email,
                locale,
                subject: &composed.subject,
                body: &composed.body,
                action_url: Some(action_url),
            },
            meeting_starts_at,
        )
        .await?;
        Ok(())
    }
}

/// The pairs of `members` by the side their person is on, sides without a
/// pair left out: what depends on the reader's side is read once per side.
pub fn pair_ids_by_side(members: &[Member]) -> Vec<(Side, Vec<i64>)> {
    [Side::Mentor, Side::Mentee]
        .into_iter()
        .map(|side| {
            let ids = members
                .iter()
                .filter(|member| member.side == side)
                .map(|member| member.pair.id)
                .collect::<Vec<_>>();
            (side, ids)
        })
        .filter(|(_, ids)| !ids.is_empty())
        .collect()
}

/// The caller as one of the two people of pair `pair_id`: 401 when signed
/// out, 404 for an unknown pair, 403 for anyone else (the coordinator too).
pub async fn pair_member(pool: &SqlitePool, pair_id: i64) -> Result<Member, AppError> {
    let (pair, side, account_id) = crate::pairs::api::pair_of_caller(pool, pair_id).await?;
    Ok(Member {
        pair,
        side,
        account_id,
    })
}

/// `account_id` as one of the two people of pair `pair_id`, without a
/// session (an email's action link names the account): 403 for anyone else.
pub async fn member_as(
    pool: &SqlitePool,
    pair_id: i64,
    account_id: i64,
) -> Result<Member, AppError> {
    let pair = find_pair(pool, pair_id).await?.ok_or(AppError::NotFound)?;
    Member::of_record(pair, account_id)
}

/// Which of the pair's two people may do something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Either,
    Mentor,
    Mentee,
}

/// `pair_member` on the side `who` names (403 otherwise), and the pair must
/// be active (409 otherwise): who may ask is answered before when.
pub async fn active_pair_member(
    pool: &SqlitePool,
    pair_id: i64,
    who: Who,
) -> Result<Member, AppError> {
    let member = pair_member(pool, pair_id).await?;
    member.require(who)?;
    member.require_active()?;
    Ok(member)
}

/// The item and the caller as one of its pair's two people, on the side
/// `who` names, while the pair is active: signed in first, then 404 when
/// there is no such item. Written once for goals and meetings.
pub async fn item_for_change<T: crate::joint::JointItem>(
    id: i64,
    who: Who,
) -> Result<(SqlitePool, Member, T), AppError> {
    authorize(Access::SignedIn).await?;
    let pool = crate::server_context::pool()?;
    let item = T::find(&pool, id).await?.ok_or(AppError::NotFound)?;
    let member = active_pair_member(&pool, item.pair_id(), who).await?;
    Ok((pool, member, item))
}
