//! The matrix's rows: every server function of the app, who may call it,
//! and a request body valid enough to reach its authorization check, aimed
//! so that an allowed call harms none of the callers.
use crate::common::form;
use app::accounts::Role;
use app::applications::api::*;
use app::board::api::*;
use app::calendar::api::{CreateCalendarFeed, GetCalendarFeed, RevokeCalendarFeed};
use app::catalog::admin_api::*;
use app::catalog::api::{GetProfileChoices, ListDomains};
use app::closing::api::{ConcludeCohort, GetClosingPreview};
use app::email_links::api::*;
use app::erasure::api::*;
use app::evaluations::api::{GetMyQuestionnaire, GetMyQuestionnaires, SaveAnswers};
use app::evaluations::editor_api::{
    AddQuestion, GetQuestionnaireQuestions, MoveQuestion, RetireQuestion, SaveQuestionLabels,
};
use app::evaluations::results_api::{GetEvaluationResults, GetPersonAnswers};
use app::feedback::api::*;
use app::goals::api::*;
use app::home::api::GetCohortAnnouncement;
use app::home::areas_api::{GetCoordinatorHome, GetMenteeHome, GetMentorHome};
use app::journals::audit_api::ListAuditLog;
use app::journals::outbox_api::{ListOutbox, ResendFailedEmails};
use app::layout::SetLocale;
use app::meetings::api::*;
use app::messages::api::*;
use app::my_data::api::*;
use app::needs::api::*;
use app::pairs::api::*;
use app::participation::api::*;
use app::people::api::*;
use app::privacy_office::api::*;
use app::profiles::api::{GetMyProfile, SaveMyProfile};
use app::reports::api::{
    DecideAttentionItem, GetProgramDashboard, SaveFollowUpSettings, SendNudge,
};
use app::reports::pair_follow_up::GetPairFollowUp;
use app::reports::pairs_table::ListCohortPairs;
use app::reports::participant::GetParticipant;
use app::testimonials::api::*;
use app::workspace::ending_api::RequestPairEnd;
use app::workspace::{GetMyWorkspaces, GetPairOverview, GetWorkspace};
use leptos::server_fn::ServerFn;

use super::{Row, Rule};

pub(crate) fn rows() -> Vec<Row> {
    vec![
        // Public reference data and language.
        Row {
            path: SetLocale::PATH,
            rule: Rule::Public,
            body: |_| form(&[("locale", "en"), ("return_to", "/")]),
        },
        Row {
            path: GetCohortAnnouncement::PATH,
            rule: Rule::Public,
            body: |_| String::new(),
        },
        // Testimonials: the home page's list is public; the author writes and
        // withdraws their own (the fixture's people have no completed pair:
        // refused as "not yet", which is not a denial); the coordination
        // reads all and decides (on an id that does not exist).
        Row {
            path: GetPublishedTestimonials::PATH,
            rule: Rule::Public,
            body: |_| String::new(),
        },
        Row {
            path: GetMyTestimonial::PATH,
            rule: Rule::OwnProfile,
            body: |_| String::new(),
        },
        Row {
            path: SaveTestimonial::PATH,
            rule: Rule::OwnProfile,
            body: |_| {
                form(&[
                    ("body", "Merci"),
                    ("language", "fr"),
                    ("signature", "anonymous"),
                ])
            },
        },
        Row {
            path: WithdrawTestimonial::PATH,
            rule: Rule::OwnProfile,
            body: |_| String::new(),
        },
        Row {
            path: ListTestimonials::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        Row {
            path: DecideTestimonial::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("id", "999999"), ("decision", "approve"), ("version", "")]),
        },
        // Questionnaires: the author alone reads and writes their response;
        // the coordination alone reads the answers and edits the questions
        // (aimed at a pulse, which refuses to grow or shrink: nothing changes).
        Row {
            path: GetMyQuestionnaires::PATH,
            rule: Rule::OwnProfile,
            body: |_| String::new(),
        },
        Row {
            path: GetMyQuestionnaire::PATH,
            rule: Rule::ResponseAuthor,
            body: |fixture| form(&[("id", &fixture.response_id.to_string())]),
        },
        Row {
            path: SaveAnswers::PATH,
            rule: Rule::ResponseAuthor,
            body: |fixture| {
                form(&[
                    ("id", &fixture.response_id.to_string()),
                    ("version", "0"),
                    ("intent", "draft"),
                    ("answers[1]", "4"),
                ])
            },
        },
        Row {
            path: GetEvaluationResults::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("cohort", "matrix"), ("kind", "evaluation")]),
        },
        Row {
            path: GetPersonAnswers::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| form(&[("id", &fixture.response_id.to_string())]),
        },
        Row {
            path: GetQuestionnaireQuestions::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("kind", "pulse"), ("audience", "mentee")]),
        },
        Row {
            path: SaveQuestionLabels::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("id", &fixture.pulse_question_id.to_string()),
                    ("label_fr", "Comment ça va ?"),
                    ("label_en", "How is it going?"),
                ])
            },
        },
        Row {
            path: AddQuestion::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| {
                form(&[
                    ("kind", "pulse"),
                    ("audience", "mentee"),
                    ("answer_kind", "text"),
                    ("label_fr", "Autre chose ?"),
                    ("label_en", "Anything else?"),
                ])
            },
        },
        Row {
            path: MoveQuestion::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("id", &fixture.pulse_question_id.to_string()),
                    ("direction", "up"),
                ])
            },
        },
        Row {
            path: RetireQuestion::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| form(&[("id", &fixture.pulse_question_id.to_string())]),
        },
        Row {
            path: ListDomains::PATH,
            rule: Rule::Public,
            body: |_| String::new(),
        },
        // Ways in: public by nature; bodies are refused for their content, not for who sends them.
        Row {
            path: GetCurrentUser::PATH,
            rule: Rule::Public,
            body: |_| String::new(),
        },
        Row {
            path: LogIn::PATH,
            rule: Rule::Public,
            body: |_| {
                form(&[
                    ("email", "nobody@matrix.example"),
                    ("password", "wrong"),
                    ("next", ""),
                ])
            },
        },
        Row {
            path: GetRegistrationStatus::PATH,
            rule: Rule::Public,
            body: |_| String::new(),
        },
        Row {
            path: RegisterMentee::PATH,
            rule: Rule::Public,
            body: |_| {
                form(&[
                    ("display_name", "Someone"),
                    ("email", "someone@matrix.example"),
                    ("password", "long enough password"),
                    ("locale", "fr"),
                ])
            },
        },
        Row {
            path: GetPendingRegistration::PATH,
            rule: Rule::Public,
            body: |_| form(&[("token", "unknown")]),
        },
        Row {
            path: ConfirmRegistration::PATH,
            rule: Rule::Public,
            body: |_| form(&[("token", "unknown")]),
        },
        Row {
            path: GetInvitation::PATH,
            rule: Rule::Public,
            body: |_| form(&[("token", "unknown")]),
        },
        Row {
            path: AcceptInvitation::PATH,
            rule: Rule::Public,
            body: |_| {
                form(&[
                    ("token", "unknown"),
                    ("display_name", "X"),
                    ("password", "long enough password"),
                ])
            },
        },
        Row {
            path: RequestPasswordReset::PATH,
            rule: Rule::Public,
            body: |_| form(&[("email", "not an email")]),
        },
        Row {
            path: CheckPasswordReset::PATH,
            rule: Rule::Public,
            body: |_| form(&[("token", "unknown")]),
        },
        Row {
            path: ResetPassword::PATH,
            rule: Rule::Public,
            body: |_| form(&[("token", "unknown"), ("password", "long enough password")]),
        },
        // Signing out last for each caller is handled by signing in afresh for every row.
        Row {
            path: LogOut::PATH,
            rule: Rule::Public,
            body: |_| String::new(),
        },
        // One's own account.
        // One's own privacy (issue 20), and the officer's log of reads.
        Row {
            path: GetMyPrivacy::PATH,
            rule: Rule::SignedIn,
            body: |_| String::new(),
        },
        Row {
            path: WithdrawConsent::PATH,
            rule: Rule::SignedIn,
            body: |_| form(&[("purpose", "weekly_digest")]),
        },
        Row {
            path: GetConsentRenewal::PATH,
            rule: Rule::SignedIn,
            body: |_| String::new(),
        },
        Row {
            path: RenewConsent::PATH,
            rule: Rule::SignedIn,
            body: |_| form(&[("consent", ""), ("next", "/")]),
        },
        Row {
            path: PrepareDataDownload::PATH,
            rule: Rule::SignedIn,
            body: |_| String::new(),
        },
        Row {
            path: GetPersonalDataReads::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| {
                form(&[
                    ("reader", ""),
                    ("subject", ""),
                    ("what", ""),
                    ("from", ""),
                    ("to", ""),
                ])
            },
        },
        Row {
            path: GetMyAccount::PATH,
            rule: Rule::SignedIn,
            body: |_| String::new(),
        },
        Row {
            path: UpdateMyAccount::PATH,
            rule: Rule::SignedIn,
            body: |_| {
                form(&[
                    ("display_name", ""),
                    ("locale", "fr"),
                    ("notification_delivery", "weekly_digest"),
                ])
            },
        },
        Row {
            path: GetMyMfa::PATH,
            rule: Rule::SignedIn,
            body: |_| String::new(),
        },
        Row {
            path: StartMfa::PATH,
            rule: Rule::SignedIn,
            body: |_| String::new(),
        },
        Row {
            path: ConfirmMfa::PATH,
            rule: Rule::SignedIn,
            body: |_| form(&[("code", "000000")]),
        },
        Row {
            path: TurnOffMfa::PATH,
            rule: Rule::SignedIn,
            body: |_| form(&[("code", "000000")]),
        },
        Row {
            path: RenewRecoveryCodes::PATH,
            rule: Rule::SignedIn,
            body: |_| form(&[("code", "000000")]),
        },
        Row {
            path: GetMfaChallenge::PATH,
            rule: Rule::Public,
            body: |_| String::new(),
        },
        Row {
            path: VerifySignInCode::PATH,
            rule: Rule::Public,
            body: |_| form(&[("code", "000000"), ("next", "")]),
        },
        Row {
            // Aimed at the bystander; the caller has no app: refused with a 400.
            path: ResetMfa::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("account_id", &fixture.bystander_id.to_string()),
                    ("code", "000000"),
                ])
            },
        },
        Row {
            path: SetMfaRequired::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("required", "false")]),
        },
        Row {
            path: GetMySessions::PATH,
            rule: Rule::SignedIn,
            body: |_| String::new(),
        },
        Row {
            // A session id of nobody's: an allowed call ends nothing.
            path: EndMySessions::PATH,
            rule: Rule::SignedIn,
            body: |_| form(&[("session_id", "999999")]),
        },
        Row {
            path: ChangePassword::PATH,
            rule: Rule::SignedIn,
            body: |_| {
                form(&[
                    ("current_password", "not the password"),
                    ("new_password", "another long password"),
                ])
            },
        },
        // Areas.
        Row {
            path: GetMentorHome::PATH,
            rule: Rule::Only(Role::Mentor),
            body: |_| String::new(),
        },
        Row {
            path: GetMenteeHome::PATH,
            rule: Rule::Only(Role::Mentee),
            body: |_| String::new(),
        },
        Row {
            path: GetCoordinatorHome::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        // Coordination.
        Row {
            path: GetPeople::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        Row {
            path: InvitePerson::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| {
                form(&[
                    ("email", "invitee@matrix.example"),
                    ("display_name", "Invitee"),
                    ("role", "mentor"),
                    ("locale", "fr"),
                    ("diploma_level", "master"),
                    ("is_employed", "yes"),
                    ("works_in_research", "no"),
                ])
            },
        },
        // Importing mentees: the coordination's alone. The allowed calls read
        // or send an import that does not exist, so nobody is invited.
        Row {
            path: GetImportForm::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        Row {
            path: StageMenteeImport::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| {
                form(&[
                    ("cohort", "matrix"),
                    ("locale", "fr"),
                    ("list", "Ines, ines@matrix.example, fr"),
                ])
            },
        },
        Row {
            path: GetMenteeImport::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("id", "999999")]),
        },
        Row {
            path: SendMenteeImport::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("id", "999999"), ("seen", "")]),
        },
        Row {
            path: SetAccountDisabled::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("account_id", &fixture.bystander_id.to_string()),
                    ("disabled", "true"),
                ])
            },
        },
        Row {
            path: ChangeAccountRole::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("account_id", &fixture.bystander_id.to_string()),
                    ("role", "coordinator"),
                ])
            },
        },
        Row {
            path: SetRegistrationOpen::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("open", "false")]),
        },
        Row {
            path: ListOutbox::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        // Sends again what the outbox gave up on (nothing in the fixture).
        Row {
            path: ResendFailedEmails::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        Row {
            path: ListAuditLog::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        // Enrolment: the public form and the applicant's link (the token is the key).
        Row {
            path: GetProfileChoices::PATH,
            rule: Rule::Public,
            body: |_| String::new(),
        },
        Row {
            path: SubmitApplication::PATH,
            rule: Rule::Public,
            body: |_| {
                form(&[
                    ("locale", "fr"),
                    ("display_name", ""),
                    ("email", ""),
                    ("motivation", ""),
                ])
            },
        },
        Row {
            path: GetMyApplication::PATH,
            rule: Rule::Public,
            body: |_| form(&[("token", "unknown")]),
        },
        Row {
            path: WithdrawApplication::PATH,
            rule: Rule::Public,
            body: |_| form(&[("token", "unknown")]),
        },
        Row {
            path: AnswerApplication::PATH,
            rule: Rule::Public,
            body: |_| form(&[("token", "unknown"), ("answer", "Voici.")]),
        },
        // One's own matching profile.
        Row {
            path: GetMyProfile::PATH,
            rule: Rule::OwnProfile,
            body: |_| String::new(),
        },
        Row {
            path: SaveMyProfile::PATH,
            rule: Rule::OwnProfile,
            body: |_| form(&[("capacity", "2"), ("modality", "video")]),
        },
        // The coordinator's review, cohorts and taxonomy.
        Row {
            path: ListApplications::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        Row {
            path: GetApplication::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| form(&[("id", &fixture.application_id.to_string())]),
        },
        Row {
            path: RequestApplicationInfo::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("id", &fixture.application_id.to_string()),
                    ("message", "Quelle année ?"),
                ])
            },
        },
        Row {
            path: DeclineApplication::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("id", &fixture.application_id.to_string()),
                    ("reason", "Merci."),
                ])
            },
        },
        Row {
            path: AcceptApplication::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| form(&[("id", &fixture.application_id.to_string()), ("cohort", "")]),
        },
        Row {
            path: GetTaxonomy::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        Row {
            path: SaveTaxonomyEntry::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| {
                form(&[
                    ("kind", "skill"),
                    ("code", ""),
                    ("label_fr", "Compétence ajoutée"),
                    ("label_en", ""),
                ])
            },
        },
        Row {
            path: SetTaxonomyEntryActive::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("kind", "domain"), ("code", "nursing"), ("active", "false")]),
        },
        Row {
            path: ListCohortSummaries::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        Row {
            path: SaveCohort::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| {
                form(&[
                    ("code", ""),
                    ("name_fr", "Automne 2026"),
                    ("name_en", "Fall 2026"),
                    ("starts_on", "2026-09-01"),
                    ("ends_on", "2026-12-18"),
                    ("is_open", "on"),
                ])
            },
        },
        // Pairs: each person answers their own (the fixture's pair is active:
        // an answer now is refused as too late, which is not a denial); the
        // coordinator withdraws and ends, aimed at a bystanders' proposal so
        // that the callers' pair stays active for the rows after.
        Row {
            path: GetMyPairs::PATH,
            rule: Rule::OwnProfile,
            body: |_| String::new(),
        },
        Row {
            path: AnswerPair::PATH,
            rule: Rule::PairMember,
            body: |fixture| form(&[("id", &fixture.pair_id.to_string()), ("answer", "accepted")]),
        },
        Row {
            path: WithdrawPair::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| form(&[("id", &fixture.closing_pair_id.to_string())]),
        },
        // Messages: the pair's two people only; the coordinator included
        // in the refusals.
        Row {
            path: GetThread::PATH,
            rule: Rule::PairMember,
            body: |fixture| form(&[("pair_id", &fixture.pair_id.to_string())]),
        },
        Row {
            path: SendMessage::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("pair_id", &fixture.pair_id.to_string()),
                    ("body", "Bonjour"),
                ])
            },
        },
        Row {
            path: ReportMessage::PATH,
            rule: Rule::PairMember,
            body: |fixture| form(&[("id", &fixture.message_id.to_string()), ("note", "À voir")]),
        },
        Row {
            path: SaveContactSharing::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("pair_id", &fixture.pair_id.to_string()),
                    ("share_email", "on"),
                    ("phone", ""),
                ])
            },
        },
        // Email action links: public, the token is the credential (an
        // unknown one is gone for everyone).
        Row {
            path: GetActionLink::PATH,
            rule: Rule::Public,
            body: |_| form(&[("token", "not-a-token")]),
        },
        Row {
            path: UseActionLink::PATH,
            rule: Rule::Public,
            body: |_| form(&[("token", "not-a-token")]),
        },
        Row {
            path: SaveMyNeeds::PATH,
            rule: Rule::PairMentee,
            body: |fixture| {
                form(&[
                    ("pair_id", &fixture.pair_id.to_string()),
                    ("skills[]", "interviews"),
                    ("needs_note", "Entrevues"),
                ])
            },
        },
        Row {
            path: RequestPairEnd::PATH,
            rule: Rule::PairMember,
            body: |fixture| form(&[("pair_id", &fixture.pair_id.to_string()), ("reason", "Fin")]),
        },
        Row {
            path: EndPair::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("id", &fixture.closing_pair_id.to_string()),
                    ("reason", "Fin"),
                ])
            },
        },
        // The matching board and the engine's data: the coordinator's only.
        Row {
            path: GetBoard::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("cohort", "matrix"),
                    ("mentee", &fixture.bystander_profile_id.to_string()),
                ])
            },
        },
        Row {
            path: RunMatching::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("cohort", "matrix")]),
        },
        Row {
            path: ProposePair::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("cohort", "matrix"),
                    ("mentee", &fixture.bystander_profile_id.to_string()),
                    ("mentor", &fixture.mentor_profile_id.to_string()),
                ])
            },
        },
        Row {
            path: DiscardDraft::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("cohort", "matrix")]),
        },
        Row {
            path: AcceptDraft::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("cohort", "matrix"),
                    (
                        "pairs[]",
                        &format!(
                            "{}-{}",
                            fixture.bystander_profile_id, fixture.mentor_profile_id
                        ),
                    ),
                ])
            },
        },
        Row {
            path: SetPairConstraint::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("cohort", "matrix"),
                    ("mentee", &fixture.bystander_profile_id.to_string()),
                    ("mentor", &fixture.mentor_profile_id.to_string()),
                    ("kind", "forbidden"),
                ])
            },
        },
        // Concluding a cohort: the coordination's alone. The allowed call names
        // a cohort that does not exist, so the fixture's pair stays active for
        // the rows after it.
        Row {
            path: GetClosingPreview::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("code", "matrix")]),
        },
        Row {
            path: ConcludeCohort::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("code", "no-such-cohort"), ("seen", "")]),
        },
        Row {
            path: GetCarryOver::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("code", "matrix")]),
        },
        Row {
            path: CarryMentorsOver::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| {
                form(&[
                    ("code", "no-such-cohort"),
                    ("from", "matrix"),
                    ("profiles[]", "999999"),
                ])
            },
        },
        Row {
            path: GetCohortInvitation::PATH,
            rule: Rule::Only(Role::Mentor),
            body: |_| form(&[("code", "matrix")]),
        },
        Row {
            path: GetWaitingInvitations::PATH,
            rule: Rule::Only(Role::Mentor),
            body: |_| String::new(),
        },
        Row {
            path: AnswerCohortInvitation::PATH,
            rule: Rule::Only(Role::Mentor),
            body: |_| {
                form(&[
                    ("code", "no-such-cohort"),
                    ("answer", "decline"),
                    ("capacity", ""),
                ])
            },
        },
        Row {
            path: SaveMatchingSettings::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| {
                form(&[
                    ("cohort", "matrix"),
                    ("domain", "40"),
                    ("skills", "20"),
                    ("language", "15"),
                    ("modality", "10"),
                    ("availability", "15"),
                    ("min_score", "0"),
                ])
            },
        },
        Row {
            path: GetCohortMembers::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("code", "matrix")]),
        },
        Row {
            path: PlaceInCohort::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("code", "matrix"),
                    ("place", "true"),
                    ("profiles[]", &fixture.bystander_profile_id.to_string()),
                ])
            },
        },
        // The pair's workspace: its two people (some things one side only);
        // the coordinator reads an overview without the notes.
        Row {
            path: GetMyWorkspaces::PATH,
            rule: Rule::OwnProfile,
            body: |_| String::new(),
        },
        // Each person's own calendar feed; coordinators have no meetings.
        Row {
            path: GetCalendarFeed::PATH,
            rule: Rule::OwnProfile,
            body: |_| String::new(),
        },
        Row {
            path: CreateCalendarFeed::PATH,
            rule: Rule::OwnProfile,
            body: |_| String::new(),
        },
        Row {
            path: RevokeCalendarFeed::PATH,
            rule: Rule::OwnProfile,
            body: |_| String::new(),
        },
        Row {
            path: GetWorkspace::PATH,
            rule: Rule::PairMember,
            body: |fixture| form(&[("pair_id", &fixture.pair_id.to_string())]),
        },
        Row {
            path: GetPairOverview::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| form(&[("pair_id", &fixture.pair_id.to_string())]),
        },
        Row {
            path: ProposeGoal::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("pair_id", &fixture.pair_id.to_string()),
                    ("title", "Objectif"),
                    ("description", ""),
                    ("success_criterion", "Critère"),
                    ("target_date", ""),
                    ("milestones", ""),
                ])
            },
        },
        Row {
            path: ReviseGoal::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("id", &fixture.goal_id.to_string()),
                    ("version", "1"),
                    ("title", "Objectif"),
                    ("description", ""),
                    ("success_criterion", "Critère"),
                    ("target_date", ""),
                ])
            },
        },
        Row {
            path: AgreeGoal::PATH,
            rule: Rule::PairMember,
            body: |fixture| form(&[("id", &fixture.goal_id.to_string()), ("version", "1")]),
        },
        Row {
            path: RequestGoalChange::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("id", &fixture.goal_id.to_string()),
                    ("version", "1"),
                    ("comment", "Plus précis"),
                ])
            },
        },
        Row {
            path: TickMilestone::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("id", &fixture.milestone_id.to_string()),
                    ("version", "1"),
                    ("state", "done"),
                ])
            },
        },
        Row {
            path: AddMilestone::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("goal_id", &fixture.goal_id.to_string()),
                    ("version", "1"),
                    ("title", "Étape"),
                    ("due_date", ""),
                ])
            },
        },
        Row {
            path: AssessGoal::PATH,
            rule: Rule::PairMentor,
            body: |fixture| {
                form(&[
                    ("id", &fixture.goal_id.to_string()),
                    ("version", "1"),
                    ("progress", "50"),
                    ("comment", "Bien"),
                ])
            },
        },
        Row {
            path: ProposeGoalStatus::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("id", &fixture.goal_id.to_string()),
                    ("version", "1"),
                    ("status", "achieved"),
                ])
            },
        },
        Row {
            path: AnswerGoalChange::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("id", &fixture.goal_id.to_string()),
                    ("version", "1"),
                    ("answer", "agree"),
                ])
            },
        },
        Row {
            path: PlanMeeting::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("pair_id", &fixture.pair_id.to_string()),
                    ("date", "2099-01-05"),
                    ("time", "14:00"),
                    ("duration_minutes", "60"),
                    ("modality", "video"),
                    ("location", ""),
                    ("free_objectives", "Faire le point"),
                ])
            },
        },
        Row {
            path: ReviseMeeting::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("id", &fixture.meeting_id.to_string()),
                    ("version", "1"),
                    ("date", "2099-01-05"),
                    ("time", "14:00"),
                    ("duration_minutes", "60"),
                    ("modality", "video"),
                    ("location", ""),
                    ("free_objectives", "Faire le point"),
                ])
            },
        },
        Row {
            path: AgreeMeeting::PATH,
            rule: Rule::PairMember,
            body: |fixture| form(&[("id", &fixture.meeting_id.to_string()), ("version", "1")]),
        },
        Row {
            path: RequestMeetingChange::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("id", &fixture.meeting_id.to_string()),
                    ("version", "1"),
                    ("comment", "Plus tard"),
                ])
            },
        },
        Row {
            path: LogMeeting::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("id", &fixture.meeting_id.to_string()),
                    ("version", "1"),
                    ("outcome", "cancelled"),
                    ("shared_notes", ""),
                    ("next_steps", ""),
                ])
            },
        },
        Row {
            path: NextStepToMilestone::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("step_id", &fixture.next_step_id.to_string()),
                    ("goal_id", &fixture.goal_id.to_string()),
                    ("goal_version", "1"),
                ])
            },
        },
        Row {
            path: SavePrivateNote::PATH,
            rule: Rule::PairMentor,
            body: |fixture| form(&[("id", &fixture.meeting_id.to_string()), ("body", "Note")]),
        },
        Row {
            path: GiveFeedback::PATH,
            rule: Rule::PairMentor,
            body: |fixture| {
                form(&[
                    ("pair_id", &fixture.pair_id.to_string()),
                    ("meeting_id", ""),
                    ("goal_id", ""),
                    ("goal_progress", ""),
                    ("strengths", "Forces"),
                    ("to_improve", "À améliorer"),
                    ("observations", "Observations"),
                    ("next_step", "Suite"),
                ])
            },
        },
        Row {
            path: AcknowledgeFeedback::PATH,
            rule: Rule::PairMentee,
            body: |fixture| form(&[("id", &fixture.feedback_id.to_string())]),
        },
        // Following the program: the coordinator's only. The decision and
        // the nudge are aimed at a bystanders' unanswered proposal.
        Row {
            path: GetProgramDashboard::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| form(&[("cohort", "matrix")]),
        },
        Row {
            path: DecideAttentionItem::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("cohort", "matrix"),
                    ("key", &format!("proposal:pair:{}", fixture.nudged_pair_id)),
                    ("decision", "handled"),
                    ("days", ""),
                    ("note", "Vu"),
                ])
            },
        },
        Row {
            path: SendNudge::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| {
                form(&[
                    ("cohort", "matrix"),
                    ("key", &format!("proposal:pair:{}", fixture.nudged_pair_id)),
                    ("personal_line", ""),
                ])
            },
        },
        Row {
            path: SaveFollowUpSettings::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| {
                form(&[
                    ("cohort", "matrix"),
                    ("proposal_unanswered_days", "5"),
                    ("no_meeting_weeks", "4"),
                    ("meeting_unlogged_days", "3"),
                    ("feedback_unacknowledged_days", "7"),
                    ("mentee_waiting_days", "14"),
                    ("nudge_interval_days", "7"),
                ])
            },
        },
        Row {
            path: ListCohortPairs::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| {
                form(&[
                    ("cohort", "matrix"),
                    ("q", ""),
                    ("status", ""),
                    ("page", "1"),
                ])
            },
        },
        Row {
            path: GetPairFollowUp::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| form(&[("pair_id", &fixture.pair_id.to_string())]),
        },
        Row {
            path: GetParticipant::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |fixture| form(&[("profile_id", &fixture.bystander_profile_id.to_string())]),
        },
        Row {
            path: AnswerFitCheck::PATH,
            rule: Rule::PairMember,
            body: |fixture| {
                form(&[
                    ("pair_id", &fixture.pair_id.to_string()),
                    ("answer", "good_fit"),
                ])
            },
        },
        // The privacy page is public; everything else of the privacy office
        // is the privacy officer's alone. Writes are refused as invalid (a
        // version that is not the latest, an incident that does not exist,
        // an account that cannot take the charge), so that an allowed call
        // changes nothing either.
        Row {
            path: GetPrivacyPage::PATH,
            rule: Rule::Public,
            body: |_| String::new(),
        },
        // Deletion (issue 20 item 3): a mentor or a mentee asks (refused
        // here as unticked) or takes back (nothing waits: 404); any
        // coordinator reads the requests and what retention removes; the
        // privacy officer alone confirms (an unknown request), sets the
        // periods (refused as out of range) and runs the rules (nothing in
        // the fixture is old enough to go).
        Row {
            path: AskForDeletion::PATH,
            rule: Rule::OwnProfile,
            body: |_| form(&[("understood", "")]),
        },
        Row {
            path: CancelDeletionRequest::PATH,
            rule: Rule::OwnProfile,
            body: |_| String::new(),
        },
        Row {
            path: GetDeletions::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        Row {
            path: ConfirmDeletion::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| form(&[("id", "999999"), ("kept", ""), ("confirm", "on")]),
        },
        Row {
            path: GetRetention::PATH,
            rule: Rule::Only(Role::Coordinator),
            body: |_| String::new(),
        },
        Row {
            path: SaveRetention::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| {
                form(&[
                    ("applications_months", "0"),
                    ("traces_days", "30"),
                    ("outbox_months", "12"),
                    ("cohort_years", "3"),
                ])
            },
        },
        Row {
            path: RunRetention::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| String::new(),
        },
        Row {
            path: GetPrivacyOffice::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| String::new(),
        },
        Row {
            path: SavePersonInCharge::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| {
                form(&[
                    ("name", ""),
                    ("title_fr", "Responsable"),
                    ("title_en", "Officer"),
                    ("email", "officer@matrix.example"),
                    ("phone", ""),
                ])
            },
        },
        Row {
            path: HandPrivacyCharge::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| form(&[("account_id", "999999")]),
        },
        Row {
            path: GetNoticeForEditing::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| String::new(),
        },
        Row {
            path: PublishPrivacyNotice::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| {
                form(&[
                    ("based_on", "999999"),
                    ("body_fr", "Texte"),
                    ("body_en", "Text"),
                    ("changes_fr", ""),
                    ("changes_en", ""),
                ])
            },
        },
        Row {
            path: ListIncidents::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| String::new(),
        },
        Row {
            path: GetIncident::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| form(&[("id", "999999")]),
        },
        Row {
            path: RecordIncident::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| incident_form(&[("nature", "")]),
        },
        Row {
            path: EditIncident::PATH,
            rule: Rule::PrivacyOfficer,
            body: |_| incident_form(&[("id", "999999"), ("revision", "1")]),
        },
    ]
}

/// An incident's form, with `extra` fields added or replacing its own.
fn incident_form(extra: &[(&str, &str)]) -> String {
    let mut fields = vec![
        ("occurred_on", "2026-11-20"),
        ("discovered_on", "2026-11-21"),
        ("nature", "A list sent to the wrong address."),
        ("information_concerned", "Names"),
        ("people_concerned", "Mentees"),
        ("people_count", "3"),
        ("risk", "low"),
        ("risk_reasoning", "Inside the network."),
        ("measures", "Deleted."),
        ("commission_notified_on", ""),
        ("people_notified_on", ""),
    ];
    for (name, value) in extra {
        fields.retain(|(field, _)| field != name);
        fields.push((*name, *value));
    }
    form(&fields)
}
