//! The authorization policy: one function, plain Rust, no web and no database.
//!
//! Every server function states what it needs as an [`Access`] and asks
//! [`decide`] (through `session::authorize` on the server) before doing anything.
//! A caller who is not signed in is told to sign in (401); a signed-in caller
//! who may not is refused (403).
use super::Role;

/// Who is calling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    Anonymous,
    Member {
        id: i64,
        role: Role,
        /// Named the person in charge of the protection of personal
        /// information (counts only for a coordinator).
        privacy_officer: bool,
    },
}

impl Caller {
    /// A member who is not the privacy officer.
    pub const fn member(id: i64, role: Role) -> Caller {
        Caller::Member {
            id,
            role,
            privacy_officer: false,
        }
    }
}

/// What a server function needs to be allowed to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Public: anyone, signed in or not (reference data, sign-in, registration).
    Anyone,
    /// Any signed-in person, acting on their own account.
    SignedIn,
    /// The area of one role: only people with that role (the coordinator's
    /// administration, the mentor's area, the mentee's area).
    RoleArea(Role),
    /// A person's own matching profile: mentors and mentees (coordinators have none).
    OwnProfile,
    /// A pair as the coordination follows it (its overview and follow-up
    /// page: progress, activity, fit checks; never notes): coordinators only.
    PairOverview,
    /// The pair's workspace, to read or to change (its goals, meetings and
    /// their calendar files, feedback, messages, the answer to a proposal):
    /// its mentor and its mentee only, not the coordinator.
    PairWorkspace { mentor_id: i64, mentee_id: i64 },
    /// What one mentor alone may ever read or write (private notes): not even
    /// a coordinator, nor the mentee.
    MentorPrivate { mentor_id: i64 },
    /// One person's response to a questionnaire, to read, keep as a draft or
    /// send: its author alone (a mentor or a mentee). The coordination reads
    /// submitted answers through its own area (`RoleArea(Coordinator)`),
    /// and never writes them.
    OwnResponse { author_id: i64 },
    /// What the person in charge of the protection of personal information
    /// alone does (the log of every read, the incident register, the
    /// notice's new versions, confirming a deletion): a coordinator who
    /// holds that charge.
    PrivacyOfficer,
}

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denial {
    /// Not signed in: answer 401 and offer to sign in.
    SignInRequired,
    /// Signed in, but not theirs: answer 403.
    Forbidden,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny(Denial),
}

/// The whole policy.
pub fn decide(caller: &Caller, access: &Access) -> Decision {
    let (id, role) = match (caller, access) {
        (_, Access::Anyone) => return Decision::Allow,
        (Caller::Anonymous, _) => return Decision::Deny(Denial::SignInRequired),
        (
            Caller::Member {
                role,
                privacy_officer,
                ..
            },
            Access::PrivacyOfficer,
        ) => {
            return if *role == Role::Coordinator && *privacy_officer {
                Decision::Allow
            } else {
                Decision::Deny(Denial::Forbidden)
            };
        }
        (Caller::Member { id, role, .. }, _) => (*id, *role),
    };
    let allowed = match *access {
        Access::Anyone | Access::SignedIn => true,
        Access::RoleArea(area) => role == area,
        Access::OwnProfile => matches!(role, Role::Mentor | Role::Mentee),
        Access::PairOverview => role == Role::Coordinator,
        Access::PairWorkspace {
            mentor_id,
            mentee_id,
        } => is_member_of_pair(id, role, mentor_id, mentee_id),
        Access::MentorPrivate { mentor_id } => role == Role::Mentor && id == mentor_id,
        Access::OwnResponse { author_id } => {
            matches!(role, Role::Mentor | Role::Mentee) && id == author_id
        }
        // Decided above, with the flag.
        Access::PrivacyOfficer => false,
    };
    if allowed {
        Decision::Allow
    } else {
        Decision::Deny(Denial::Forbidden)
    }
}

/// Whether `caller` may: `decide` as a yes or no, for what a page reads
/// rather than refuses (the private notes in a workspace).
pub fn allows(caller: &Caller, access: &Access) -> bool {
    decide(caller, access) == Decision::Allow
}

fn is_member_of_pair(id: i64, role: Role, mentor_id: i64, mentee_id: i64) -> bool {
    (role == Role::Mentor && id == mentor_id) || (role == Role::Mentee && id == mentee_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MENTOR: Caller = Caller::member(10, Role::Mentor);
    const OTHER_MENTOR: Caller = Caller::member(11, Role::Mentor);
    const MENTEE: Caller = Caller::member(20, Role::Mentee);
    const OTHER_MENTEE: Caller = Caller::member(21, Role::Mentee);
    const COORDINATOR: Caller = Caller::member(1, Role::Coordinator);
    const PAIR_OVERVIEW: Access = Access::PairOverview;
    const PAIR_WRITE: Access = Access::PairWorkspace {
        mentor_id: 10,
        mentee_id: 20,
    };

    const ALLOW: Decision = Decision::Allow;
    const LOGIN: Decision = Decision::Deny(Denial::SignInRequired);
    const FORBID: Decision = Decision::Deny(Denial::Forbidden);

    #[test]
    fn public_access_is_open_to_everyone() {
        for caller in [Caller::Anonymous, MENTOR, MENTEE, COORDINATOR] {
            assert_eq!(decide(&caller, &Access::Anyone), ALLOW);
        }
    }

    #[test]
    fn anything_else_asks_an_anonymous_caller_to_sign_in() {
        for access in [
            Access::SignedIn,
            Access::RoleArea(Role::Mentee),
            PAIR_OVERVIEW,
            PAIR_WRITE,
            Access::MentorPrivate { mentor_id: 10 },
        ] {
            assert_eq!(decide(&Caller::Anonymous, &access), LOGIN, "{access:?}");
        }
    }

    #[test]
    fn role_areas_admit_their_role_only() {
        let coordination = Access::RoleArea(Role::Coordinator);
        assert_eq!(decide(&COORDINATOR, &coordination), ALLOW);
        assert_eq!(decide(&MENTOR, &coordination), FORBID);
        assert_eq!(decide(&MENTEE, &coordination), FORBID);
        assert_eq!(decide(&MENTEE, &Access::RoleArea(Role::Mentee)), ALLOW);
        assert_eq!(decide(&MENTOR, &Access::RoleArea(Role::Mentee)), FORBID);
        assert_eq!(
            decide(&COORDINATOR, &Access::RoleArea(Role::Mentor)),
            FORBID
        );
    }

    #[test]
    fn a_profile_is_for_mentors_and_mentees() {
        assert_eq!(decide(&MENTOR, &Access::OwnProfile), ALLOW);
        assert_eq!(decide(&MENTEE, &Access::OwnProfile), ALLOW);
        assert_eq!(decide(&COORDINATOR, &Access::OwnProfile), FORBID);
        assert_eq!(
            decide(&Caller::Anonymous, &Access::OwnProfile),
            Decision::Deny(Denial::SignInRequired)
        );
    }

    #[test]
    fn a_pair_s_overview_is_the_coordination_s() {
        assert_eq!(decide(&COORDINATOR, &PAIR_OVERVIEW), ALLOW);
        assert_eq!(decide(&MENTOR, &PAIR_OVERVIEW), FORBID);
        assert_eq!(decide(&MENTEE, &PAIR_OVERVIEW), FORBID);
        assert_eq!(decide(&OTHER_MENTOR, &PAIR_OVERVIEW), FORBID);
        assert_eq!(decide(&OTHER_MENTEE, &PAIR_OVERVIEW), FORBID);
    }

    #[test]
    fn a_pair_is_changed_by_its_two_people_only() {
        assert_eq!(decide(&MENTOR, &PAIR_WRITE), ALLOW);
        assert_eq!(decide(&MENTEE, &PAIR_WRITE), ALLOW);
        assert_eq!(decide(&COORDINATOR, &PAIR_WRITE), FORBID);
        assert_eq!(decide(&OTHER_MENTOR, &PAIR_WRITE), FORBID);
        assert_eq!(decide(&OTHER_MENTEE, &PAIR_WRITE), FORBID);
    }

    #[test]
    fn an_id_only_counts_with_the_matching_role() {
        // A mentee whose account id happens to equal the pair's mentor id is not its mentor.
        let impostor = Caller::member(10, Role::Mentee);
        assert_eq!(decide(&impostor, &PAIR_WRITE), FORBID);
        let coordinator_with_mentee_id = Caller::member(20, Role::Coordinator);
        assert_eq!(decide(&coordinator_with_mentee_id, &PAIR_WRITE), FORBID);
    }

    #[test]
    fn private_notes_are_their_mentor_s_alone() {
        let notes = Access::MentorPrivate { mentor_id: 10 };
        assert_eq!(decide(&MENTOR, &notes), ALLOW);
        assert_eq!(decide(&OTHER_MENTOR, &notes), FORBID);
        assert_eq!(decide(&MENTEE, &notes), FORBID);
        assert_eq!(decide(&COORDINATOR, &notes), FORBID);
        assert!(allows(&MENTOR, &notes) && !allows(&MENTEE, &notes));
    }

    #[test]
    fn a_response_is_its_author_s_alone_the_coordinator_included() {
        let response = Access::OwnResponse { author_id: 20 };
        assert_eq!(decide(&MENTEE, &response), ALLOW);
        assert_eq!(decide(&OTHER_MENTEE, &response), FORBID);
        assert_eq!(decide(&MENTOR, &response), FORBID);
        assert_eq!(decide(&Caller::Anonymous, &response), LOGIN);
        let coordinator_with_that_id = Caller::member(20, Role::Coordinator);
        assert_eq!(decide(&coordinator_with_that_id, &response), FORBID);
        assert_eq!(decide(&COORDINATOR, &response), FORBID);
    }

    #[test]
    fn the_privacy_officer_s_charge_needs_the_flag_and_the_coordinator_role() {
        let officer = Caller::Member {
            id: 1,
            role: Role::Coordinator,
            privacy_officer: true,
        };
        assert_eq!(decide(&officer, &Access::PrivacyOfficer), ALLOW);
        assert_eq!(decide(&COORDINATOR, &Access::PrivacyOfficer), FORBID);
        let flagged_mentor = Caller::Member {
            id: 10,
            role: Role::Mentor,
            privacy_officer: true,
        };
        assert_eq!(decide(&flagged_mentor, &Access::PrivacyOfficer), FORBID);
        assert_eq!(decide(&MENTOR, &Access::PrivacyOfficer), FORBID);
        assert_eq!(decide(&Caller::Anonymous, &Access::PrivacyOfficer), LOGIN);
        // The flag opens nothing else: an officer is a coordinator like the others.
        assert_eq!(decide(&officer, &PAIR_WRITE), FORBID);
        assert_eq!(
            decide(&officer, &Access::OwnResponse { author_id: 1 }),
            FORBID
        );
    }

    #[test]
    fn any_member_may_act_on_their_own_account() {
        for caller in [MENTOR, MENTEE, COORDINATOR] {
            assert_eq!(decide(&caller, &Access::SignedIn), ALLOW);
        }
    }
}
