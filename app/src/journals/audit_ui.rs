//! The coordinator's audit log page.
use leptos::prelude::*;

use crate::components::table::DataTable;

use crate::components::access::load_or_deny;

use crate::components::labels::label;

use crate::audit::{AuditEntry, AuditEvent};
use crate::components::access::CoordinationPage;
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n};
use crate::journals::audit_api::list_audit_log;

fn event_label(event: Option<AuditEvent>, raw: String) -> impl Fn() -> String + Send + Sync {
    let i18n = use_i18n();
    move || {
        let Some(event) = event else {
            return raw.clone();
        };
        match event {
            AuditEvent::LoginSucceeded => t_string!(i18n, audit.events.login_succeeded),
            AuditEvent::LoginFailed => t_string!(i18n, audit.events.login_failed),
            AuditEvent::LoginThrottled => t_string!(i18n, audit.events.login_throttled),
            AuditEvent::LoggedOut => t_string!(i18n, audit.events.logged_out),
            AuditEvent::MenteeRegistered => t_string!(i18n, audit.events.mentee_registered),
            AuditEvent::InvitationSent => t_string!(i18n, audit.events.invitation_sent),
            AuditEvent::InvitationAccepted => t_string!(i18n, audit.events.invitation_accepted),
            AuditEvent::PasswordResetRequested => {
                t_string!(i18n, audit.events.password_reset_requested)
            }
            AuditEvent::PasswordReset => t_string!(i18n, audit.events.password_reset),
            AuditEvent::PasswordChanged => t_string!(i18n, audit.events.password_changed),
            AuditEvent::RoleChanged => t_string!(i18n, audit.events.role_changed),
            AuditEvent::AccountDisabled => t_string!(i18n, audit.events.account_disabled),
            AuditEvent::AccountEnabled => t_string!(i18n, audit.events.account_enabled),
            AuditEvent::RegistrationOpened => t_string!(i18n, audit.events.registration_opened),
            AuditEvent::RegistrationClosed => t_string!(i18n, audit.events.registration_closed),
            AuditEvent::CoordinatorCreated => t_string!(i18n, audit.events.coordinator_created),
            AuditEvent::ApplicationSubmitted => {
                t_string!(i18n, audit.events.application_submitted)
            }
            AuditEvent::ApplicationAccepted => t_string!(i18n, audit.events.application_accepted),
            AuditEvent::ApplicationDeclined => t_string!(i18n, audit.events.application_declined),
            AuditEvent::ApplicationInfoRequested => {
                t_string!(i18n, audit.events.application_info_requested)
            }
            AuditEvent::ApplicationWithdrawn => {
                t_string!(i18n, audit.events.application_withdrawn)
            }
            AuditEvent::ProfileUpdated => t_string!(i18n, audit.events.profile_updated),
            AuditEvent::PairProposed => t_string!(i18n, audit.events.pair_proposed),
            AuditEvent::PairAnswered => t_string!(i18n, audit.events.pair_answered),
            AuditEvent::PairWithdrawn => t_string!(i18n, audit.events.pair_withdrawn),
            AuditEvent::PairEnded => t_string!(i18n, audit.events.pair_ended),
            AuditEvent::MatchingSettingsChanged => {
                t_string!(i18n, audit.events.matching_settings_changed)
            }
            AuditEvent::NudgeSent => t_string!(i18n, audit.events.nudge_sent),
            AuditEvent::ParticipantViewed => t_string!(i18n, audit.events.participant_viewed),
            AuditEvent::DataExported => t_string!(i18n, audit.events.data_exported),
            AuditEvent::PairEndRequested => t_string!(i18n, audit.events.pair_end_requested),
            AuditEvent::MessageReported => t_string!(i18n, audit.events.message_reported),
            AuditEvent::EmailActionUsed => t_string!(i18n, audit.events.email_action_used),
            AuditEvent::CohortConcluded => t_string!(i18n, audit.events.cohort_concluded),
            AuditEvent::MentorEligibilityRecorded => {
                t_string!(i18n, audit.events.mentor_eligibility_recorded)
            }
            AuditEvent::MenteesImported => t_string!(i18n, audit.events.mentees_imported),
            AuditEvent::MentorsCarriedOver => t_string!(i18n, audit.events.mentors_carried_over),
            AuditEvent::CohortParticipationAnswered => {
                t_string!(i18n, audit.events.cohort_participation_answered)
            }
            AuditEvent::QuestionnaireSent => t_string!(i18n, audit.events.questionnaire_sent),
            AuditEvent::QuestionnaireEdited => t_string!(i18n, audit.events.questionnaire_edited),
            AuditEvent::QuestionnaireAnswersViewed => {
                t_string!(i18n, audit.events.questionnaire_answers_viewed)
            }
            AuditEvent::ConsentWithdrawn => t_string!(i18n, audit.events.consent_withdrawn),
            AuditEvent::ConsentRenewed => t_string!(i18n, audit.events.consent_renewed),
            AuditEvent::PersonalDataDownloaded => {
                t_string!(i18n, audit.events.personal_data_downloaded)
            }
            AuditEvent::PersonInChargeNamed => t_string!(i18n, audit.events.person_in_charge_named),
            AuditEvent::PrivacyOfficerChanged => {
                t_string!(i18n, audit.events.privacy_officer_changed)
            }
            AuditEvent::PrivacyNoticePublished => {
                t_string!(i18n, audit.events.privacy_notice_published)
            }
            AuditEvent::ConfidentialityIncidentRecorded => {
                t_string!(i18n, audit.events.confidentiality_incident_recorded)
            }
            AuditEvent::ConfidentialityIncidentEdited => {
                t_string!(i18n, audit.events.confidentiality_incident_edited)
            }
            AuditEvent::DeletionRequested => t_string!(i18n, audit.events.deletion_requested),
            AuditEvent::DeletionCancelled => t_string!(i18n, audit.events.deletion_cancelled),
            AuditEvent::PersonErased => t_string!(i18n, audit.events.person_erased),
            AuditEvent::RetentionApplied => t_string!(i18n, audit.events.retention_applied),
            AuditEvent::RetentionChanged => t_string!(i18n, audit.events.retention_changed),
            AuditEvent::CurrentPasswordFailed => {
                t_string!(i18n, audit.events.current_password_failed)
            }
            AuditEvent::CurrentPasswordThrottled => {
                t_string!(i18n, audit.events.current_password_throttled)
            }
            AuditEvent::SessionsEnded => t_string!(i18n, audit.events.sessions_ended),
            AuditEvent::MfaEnabled => t_string!(i18n, audit.events.mfa_enabled),
            AuditEvent::MfaDisabled => t_string!(i18n, audit.events.mfa_disabled),
            AuditEvent::MfaReset => t_string!(i18n, audit.events.mfa_reset),
            AuditEvent::MfaRequirementChanged => {
                t_string!(i18n, audit.events.mfa_requirement_changed)
            }
            AuditEvent::RecoveryCodeUsed => t_string!(i18n, audit.events.recovery_code_used),
            AuditEvent::SecondStepFailed => t_string!(i18n, audit.events.second_step_failed),
        }
        .to_owned()
    }
}

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let i18n = use_i18n();
    let entries = OnceResource::new(list_audit_log());
    view! {
        <PageTitle text=label!(i18n, audit.title) />
        {load_or_deny(entries, move |entries| {
                        view! {
                            <CoordinationPage title=label!(i18n, audit.title)>
                                <AuditTable entries />
                            </CoordinationPage>
                        }
                            .into_any()
                    })}
    }
}

#[component]
fn AuditTable(entries: Vec<AuditEntry>) -> impl IntoView {
    let i18n = use_i18n();
    if entries.is_empty() {
        return view! { <p class="muted">{t!(i18n, audit.empty)}</p> }.into_any();
    }
    view! {
        <DataTable columns=vec![label!(i18n, audit.at), label!(i18n, audit.event), label!(i18n, audit.actor), label!(i18n, audit.subject), label!(i18n, audit.client), label!(i18n, audit.detail)]>
            {entries
                .into_iter()
                .map(|entry| {
                    let warning = entry.event.is_some_and(AuditEvent::is_warning);
                    let repeats = entry.repeats;
                    view! {
                        <tr class:row-warning=warning>
                            <td>{entry.at}</td>
                            <td>
                                {event_label(entry.event, entry.event_name)}
                                {(repeats > 1)
                                    .then(|| {
                                        view! {
                                            " "
                                            <span class="badge">
                                                {t_string!(i18n, audit.repeats, count = repeats).to_string()}
                                            </span>
                                        }
                                    })}
                            </td>
                            <td>{entry.actor.unwrap_or_default()}</td>
                            <td>{entry.subject.unwrap_or_default()}</td>
                            <td>{entry.client.unwrap_or_default()}</td>
                            <td>{entry.detail.unwrap_or_default()}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </DataTable>
    }
    .into_any()
}
