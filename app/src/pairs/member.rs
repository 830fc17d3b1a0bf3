//! The caller as one of the two people of a pair: the one check every
//! workspace server function starts with (goals, meetings, feedback).
use sqlx::SqlitePool;

use super::repo::{find_pair, PairRecord};
use super::{PairStatus, Side};
use crate::accounts::policy::Access;
use crate::accounts::session::authorize;
use crate::error::AppError;
use crate::outbox::compose::ComposedEmail;
use crate::outbox::repo::{notify, NewEmail};
use crate::outbox::EmailKind;

/// One of the two people of a pair, and the pair.
pub struct Member {
    pub pair: PairRecord,
    pub side: Side,
    pub account_id: i64,
}

impl Member {
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

    pub fn name(&self) -> &str {
        match self.side {
            Side::Mentor => &self.pair.mentor_name,
            Side::Mentee => &self.pair.mentee_name,
        }
    }

    /// Refuses unless the pair is active (goals, meetings and feedback are
    /// written only while it is).
    pub fn require_active(&self) -> Result<(), AppError> {
        if self.pair.status() == Some(PairStatus::Active) {
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
        let (name, email, locale) = self.partner();
        let composed = compose(locale, name, self.name());
        let area = match self.side.other() {
            Side::Mentor => "mentor",
            Side::Mentee => "mentee",
        };
        notify(
            connection,
            &NewEmail {
                kind,
                recipient: email,
                locale,
                subject: &composed.subject,
                body: &composed.body,
                action_url: Some(&format!("{public_url}/{area}")),
            },
            meeting_starts_at,
        )
        .await?;
        Ok(())
    }
}

/// The caller as one of the two people of pair `pair_id`: 401 when signed
/// out, 404 for an unknown pair, 403 for anyone else (the coordinator too).
pub async fn pair_member(pool: &SqlitePool, pair_id: i64) -> Result<Member, AppError> {
    let caller = authorize(Access::SignedIn).await?;
    let account_id = caller.account()?.id;
    let pair = find_pair(pool, pair_id).await?.ok_or(AppError::NotFound)?;
    authorize(Access::PairWrite {
        mentor_id: pair.mentor_account_id,
        mentee_id: pair.mentee_account_id,
    })
    .await?;
    let side = if account_id == pair.mentor_account_id {
        Side::Mentor
    } else {
        Side::Mentee
    };
    Ok(Member {
        pair,
        side,
        account_id,
    })
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
