//! Testimonials (issue 19): once one of their pairs is completed, a mentor
//! or a mentee may write a testimonial, in the language they write it in,
//! signed with their name, their first name only, or anonymously. The
//! coordinator approves or declines it; approved ones show on the home page,
//! after the program's own, each with its language marked. The author may
//! change it (it waits for approval again) or withdraw it at any time.
//!
//! What the home page receives is only what it shows: the signature is
//! applied on the server, so an anonymous author's name never leaves it.
use serde::{Deserialize, Serialize};

use crate::accounts::Role;

pub mod api;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod ui;

/// At most this many characters in a testimonial.
pub const BODY_MAX_CHARS: usize = 1200;

crate::stored_enum! {
    /// How a published testimonial is signed.
    #[derive(Hash)]
    pub enum Signature {
        FullName,
        FirstName,
        Anonymous,
    }
}

impl Signature {
    pub const ALL: [Signature; 3] = [
        Signature::FullName,
        Signature::FirstName,
        Signature::Anonymous,
    ];

    /// The name the home page shows for `display_name`; `None` when anonymous
    /// (the page then says "a mentor", "a mentee").
    pub fn shown_name(self, display_name: &str) -> Option<String> {
        let name = display_name.trim();
        match self {
            Signature::FullName => Some(name.to_owned()),
            Signature::FirstName => name.split_whitespace().next().map(str::to_owned),
            Signature::Anonymous => None,
        }
    }
}

crate::stored_enum! {
    /// Where a testimonial stands.
    #[derive(Hash)]
    pub enum TestimonialStatus {
        /// Written (or changed), waiting for the coordinator.
        Submitted,
        Approved,
        Declined,
        /// Taken back by its author.
        Withdrawn,
    }
}

impl TestimonialStatus {
    /// The coordinator decides on what the author has not withdrawn; an
    /// approved testimonial may still be declined (taken off the home page).
    pub fn may_be_decided(self) -> bool {
        self != TestimonialStatus::Withdrawn
    }
}

/// A testimonial as the home page shows it: nothing more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicTestimonial {
    pub id: i64,
    pub body: String,
    /// `fr` or `en`: the `lang` of the quotation.
    pub language: String,
    /// The signature as chosen; `None` when anonymous.
    pub author: Option<String>,
    pub role: Role,
}

/// One's own testimonial, and whether one may write one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyTestimonial {
    /// One of their pairs is completed.
    pub may_write: bool,
    /// How each signature would read (full name, first name).
    pub display_name: String,
    pub locale: String,
    pub current: Option<Testimonial>,
}

/// A testimonial as its author and the coordinator read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Testimonial {
    pub id: i64,
    pub author_name: String,
    pub role: Role,
    pub body: String,
    pub language: String,
    pub signature: Signature,
    pub status: TestimonialStatus,
    /// Program time.
    pub written_at: String,
    /// When it was last written, as stored: a decision names the text it
    /// was taken on, so that one changed meanwhile is not published unread.
    pub version: String,
}

impl Testimonial {
    /// What the home page would show as its signature.
    pub fn shown_name(&self) -> Option<String> {
        self.signature.shown_name(&self.author_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_shows_the_name_the_first_name_or_nothing() {
        let name = "  Amina Diallo ";
        assert_eq!(
            Signature::FullName.shown_name(name).as_deref(),
            Some("Amina Diallo")
        );
        assert_eq!(
            Signature::FirstName.shown_name(name).as_deref(),
            Some("Amina")
        );
        assert_eq!(Signature::Anonymous.shown_name(name), None);
        assert_eq!(Signature::FirstName.shown_name(""), None);
    }

    #[test]
    fn a_withdrawn_testimonial_is_never_decided_again() {
        assert!(TestimonialStatus::Submitted.may_be_decided());
        assert!(TestimonialStatus::Approved.may_be_decided());
        assert!(TestimonialStatus::Declined.may_be_decided());
        assert!(!TestimonialStatus::Withdrawn.may_be_decided());
    }

    #[test]
    fn signatures_round_trip_through_their_stored_value() {
        for signature in Signature::ALL {
            assert_eq!(Signature::parse(signature.as_str()), Some(signature));
        }
    }
}
