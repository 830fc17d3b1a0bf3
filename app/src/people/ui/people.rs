//! The coordinator's people page: invite, the registration switch, every
//! account with its role and status, and invitations not used yet.
use crate::components::access::reload_or_deny;
use leptos::prelude::*;

use crate::components::table::DataTable;

use crate::components::labels::label;
use leptos_i18n::Locale as _;

use crate::accounts::{PeopleOverview, PersonSummary, Role};
use crate::components::access::CoordinationPage;
use crate::components::forms::{
    action_error, count_successes, echo_is_of, echoed_value, FieldMessage, FormError, RadioField,
    SelectField, SubmitButton, TextField,
};
use crate::components::page::PageTitle;
use crate::eligibility::DiplomaLevel;
use crate::i18n::{t, t_string, use_i18n};
use crate::people::api::{
    get_people, ChangeAccountRole, InvitePerson, SetAccountDisabled, SetRegistrationOpen,
};
use crate::people::import::JoinableCohorts;

/// A role's name in the current language.
pub fn role_label(role: Role) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || match role {
        Role::Coordinator => t_string!(i18n, roles.coordinator),
        Role::Mentor => t_string!(i18n, roles.mentor),
        Role::Mentee => t_string!(i18n, roles.mentee),
    }
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let invite = ServerAction::<InvitePerson>::new();
    // "Sent to …" after a plain form post too.
    crate::components::forms::restore_outcome(invite);
    let disable = ServerAction::<SetAccountDisabled>::new();
    let change_role = ServerAction::<ChangeAccountRole>::new();
    let registration = ServerAction::<SetRegistrationOpen>::new();
    // Reload after a change that happened, not after a refusal (which would
    // re-render the page and lose what was typed).
    let changes = RwSignal::new(0_u64);
    count_successes(invite, changes);
    count_successes(disable, changes);
    count_successes(change_role, changes);
    count_successes(registration, changes);
    let overview = Resource::new(move || changes.get(), |_| get_people());
    let disable_error = action_error(disable);
    let role_error = action_error(change_role);
    let row_error = Signal::derive(move || disable_error.get().or_else(|| role_error.get()));

    view! {
        <PageTitle text=label!(i18n, people.title) />
        {reload_or_deny(overview, move |(overview, cohorts)| {
                        view! {
                            <CoordinationPage title=label!(i18n, people.title)>
                                <InviteForm action=invite cohorts />
                                <RegistrationSwitch action=registration open=overview.registration_open />
                                <super::people_mfa::PeopleMfa overview=overview.clone() changes />
                                <FormError error=row_error />
                                <PeopleTable overview disable change_role />
                            </CoordinationPage>
                        }
                            .into_any()
                    })}
    }
}

#[component]
fn InviteForm(action: ServerAction<InvitePerson>, cohorts: JoinableCohorts) -> impl IntoView {
    let i18n = use_i18n();
    // A refused invitation comes back with what was chosen (`form_echo`);
    // a refused change of role (the rows' form) does not fill this one.
    let mine = echo_is_of(<InvitePerson as leptos::server_fn::ServerFn>::PATH);
    let echoed = |name: &str| mine.then(|| echoed_value(name)).flatten();
    let chosen_role = echoed("role").unwrap_or_else(|| Role::Mentee.as_str().to_owned());
    let chosen_cohort = echoed("cohort").unwrap_or_else(|| cohorts.chosen.clone());
    let chosen_locale = echoed("locale");
    let error = action_error(action);
    let sent_to = move || action.value().get().and_then(Result::ok);
    view! {
        <section class="panel" aria-labelledby="invite-title">
            <h2 id="invite-title">{t!(i18n, people.invite_title)}</h2>
            <p class="muted">{t!(i18n, people.invite_lead)}</p>
            <p><a class="button button-secondary" href="/coordinator/people/import">{t!(i18n, people.import_link)}</a></p>
            <ActionForm action attr:class="form form-grid" attr:novalidate=true>
                <TextField
                    name="email"
                    label=label!(i18n, fields.email)
                    input_type="email"
                    error
                />
                <TextField
                    name="display_name"
                    label=label!(i18n, fields.display_name)
                    error
                />
                <div class="field">
                    <label for="field-role">{t!(i18n, fields.role)}</label>
                    <select id="field-role" name="role" aria-describedby="role-error">
                        {[Role::Mentee, Role::Mentor, Role::Coordinator].into_iter().map(|role| view! {
                            <option value=role.as_str() selected=role.as_str() == chosen_role>{role_label(role)}</option>
                        }).collect_view()}
                    </select>
                    <FieldMessage field="role" error />
                </div>
                <div class="field">
                    <label for="field-invite-cohort">{t!(i18n, people.invite_cohort)}</label>
                    <crate::catalog::cohort_select::CohortSelect id="field-invite-cohort"
                        cohorts=cohorts.cohorts chosen=chosen_cohort described_by="cohort-error" />
                    <FieldMessage field="cohort" error />
                </div>
                <div class="field">
                    <label for="field-invite-locale">{t!(i18n, fields.email_language)}</label>
                    <select id="field-invite-locale" name="locale" aria-describedby="locale-error">
                        <option value="fr" selected={
                            let chosen = chosen_locale.clone();
                            move || chosen.as_deref().unwrap_or(i18n.get_locale().as_str()) == "fr"
                        }>
                            {t!(i18n, fields.language_fr)}
                        </option>
                        <option value="en" selected={
                            let chosen = chosen_locale.clone();
                            move || chosen.as_deref().unwrap_or(i18n.get_locale().as_str()) == "en"
                        }>
                            {t!(i18n, fields.language_en)}
                        </option>
                    </select>
                    <FieldMessage field="locale" error />
                </div>
                <MentorEligibilityFields error scope="invite" echo=mine />
                <FormError error />
                <div class="form-actions">
                    <SubmitButton
                        label=label!(i18n, people.invite_submit)
                        pending=action.pending()
                    />
                </div>
            </ActionForm>
            {move || {
                sent_to()
                    .map(|email| {
                        view! {
                            <p class="notice notice-success" role="status">
                                {move || t_string!(i18n, people.invite_sent, email = email.clone()).to_string()}
                                " "
                                <a href="/coordinator/outbox">{t!(i18n, people.see_outbox)}</a>
                            </p>
                        }
                    })
            }}
        </section>
    }
}

#[component]
fn RegistrationSwitch(action: ServerAction<SetRegistrationOpen>, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="registration-title">
            <h2 id="registration-title">{t!(i18n, people.registration_title)}</h2>
            <p>
                {move || {
                    if open {
                        t_string!(i18n, people.registration_open)
                    } else {
                        t_string!(i18n, people.registration_closed)
                    }
                }}
            </p>
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="open" value=if open { "false" } else { "true" } />
                <button type="submit" class="button button-secondary">
                    {move || {
                        if open {
                            t_string!(i18n, people.registration_close)
                        } else {
                            t_string!(i18n, people.registration_reopen)
                        }
                    }}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn PeopleTable(
    overview: PeopleOverview,
    disable: ServerAction<SetAccountDisabled>,
    change_role: ServerAction<ChangeAccountRole>,
) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = overview.viewer_id;
    let invitations = overview.invitations;
    view! {
        <section aria-labelledby="people-list-title">
            <h2 id="people-list-title">{t!(i18n, people.list_title)}</h2>
            <DataTable columns=vec![label!(i18n, fields.display_name), label!(i18n, fields.email), label!(i18n, fields.role), label!(i18n, people.status), label!(i18n, people.actions)]>
                {overview
                    .people
                    .into_iter()
                    .map(|person| {
                        let is_viewer = person.id == viewer;
                        view! { <PersonRow person is_viewer disable change_role /> }
                    })
                    .collect_view()}
            </DataTable>
            <h2>{t!(i18n, people.invitations_title)}</h2>
            <Show
                when={
                    let empty = invitations.is_empty();
                    move || !empty
                }
                fallback=move || view! { <p class="muted">{t!(i18n, people.no_invitations)}</p> }
            >
                {
                    let rows = {invitations
                        .clone()
                        .into_iter()
                        .map(|invitation| {
                            let expired = invitation.is_expired;
                            view! {
                                <tr>
                                    <td>{invitation.display_name}</td>
                                    <td>{invitation.email}</td>
                                    <td>{role_label(invitation.role)}</td>
                                    <td>
                                        <crate::components::when::When at=invitation.expires_at /> " "
                                        {move || expired.then(|| t_string!(i18n, people.expired))}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()};
                    view! {
                        <DataTable columns=vec![label!(i18n, fields.display_name), label!(i18n, fields.email), label!(i18n, fields.role), label!(i18n, people.expires)]>
                            {rows}
                        </DataTable>
                    }
                }
            </Show>
        </section>
    }
}

#[component]
fn PersonRow(
    person: PersonSummary,
    is_viewer: bool,
    disable: ServerAction<SetAccountDisabled>,
    change_role: ServerAction<ChangeAccountRole>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = person.id;
    // This row's form was the one refused: its answers and problems come
    // back here, and in no other row.
    let this_row = echo_is_of(<ChangeAccountRole as leptos::server_fn::ServerFn>::PATH)
        && echoed_value("account_id").as_deref() == Some(id.to_string().as_str());
    let all_rows_error = action_error(change_role);
    let role_error = Signal::derive(move || all_rows_error.get().filter(|_| this_row));
    let disabled = person.is_disabled;
    let name = person.display_name.clone();
    // A click on "Disable" asks first (`layout::PageBehaviours`); enabling does not.
    let confirm_disable = (!disabled)
        .then(|| t_string!(i18n, people.confirm_disable, name = name.clone()).to_string());
    let role_select_id = format!("role-of-{id}");
    let change_name = person.display_name.clone();
    let toggle_name = person.display_name.clone();
    view! {
        <tr class:row-disabled=disabled>
            <td>{person.display_name.clone()} {is_viewer.then(|| view! { " " <span class="tag">{t!(i18n, people.you)}</span> })}</td>
            <td>{person.email.clone()}</td>
            <td>
                {if is_viewer {
                    view! { <span>{role_label(person.role)}</span> }.into_any()
                } else {
                    view! {
                        <ActionForm action=change_role attr:class="inline-form">
                            <input type="hidden" name="account_id" value=id.to_string() />
                            <label class="visually-hidden" for=role_select_id.clone()>
                                {t!(i18n, people.role_of, name = person.display_name.clone())}
                            </label>
                            <select id=role_select_id name="role">
                                {Role::ALL
                                    .into_iter()
                                    .map(|role| {
                                        view! {
                                            <option value=role.as_str() selected=role == person.role>
                                                {role_label(role)}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                            <button
                                type="submit"
                                class="button button-small"
                                aria-label=move || t_string!(i18n, people.change_role_of, name = change_name.clone()).to_string()
                            >
                                {t!(i18n, people.change_role)}
                            </button>
                            {(person.role != Role::Mentor).then(|| view! {
                                <details class="eligibility-details" open=this_row>
                                    <summary>{t!(i18n, people.promote_answers)}</summary>
                                    <MentorEligibilityFields error=role_error scope=format!("role-{id}") echo=this_row />
                                </details>
                            })}
                        </ActionForm>
                    }
                        .into_any()
                }}
            </td>
            <td>
                {move || {
                    if disabled {
                        t_string!(i18n, people.disabled)
                    } else {
                        t_string!(i18n, people.active)
                    }
                }}
            </td>
            <td>
                {(!is_viewer)
                    .then(|| {
                        view! {
                            <ActionForm action=disable attr:class="inline-form">
                                <input type="hidden" name="account_id" value=id.to_string() />
                                <input type="hidden" name="disabled" value=if disabled { "false" } else { "true" } />
                                <button
                                    type="submit"
                                    class="button button-small"
                                    data-confirm=confirm_disable
                                    aria-label=move || {
                                        if disabled {
                                            t_string!(i18n, people.enable_account_of, name = toggle_name.clone()).to_string()
                                        } else {
                                            t_string!(i18n, people.disable_account_of, name = toggle_name.clone()).to_string()
                                        }
                                    }
                                >
                                    {move || {
                                        if disabled {
                                            t_string!(i18n, people.enable)
                                        } else {
                                            t_string!(i18n, people.disable)
                                        }
                                    }}
                                </button>
                            </ActionForm>
                        }
                    })}
            </td>
        </tr>
    }
}

/// The seed's three questions for a mentor who did not apply: the program's
/// rule checks them on the server, and they are recorded.
#[component]
fn MentorEligibilityFields(
    #[prop(into)] error: Signal<Option<crate::error::AppError>>,
    /// Makes the ids unique: the invitation's, and one per row.
    #[prop(into)]
    scope: String,
    /// Whether this form was the one refused: its answers come back.
    echo: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let yes_no = move || {
        vec![
            ("yes".to_owned(), t_string!(i18n, common.yes).to_owned()),
            ("no".to_owned(), t_string!(i18n, common.no).to_owned()),
        ]
    };
    let error_id = format!("{scope}-eligibility-error");
    view! {
        <fieldset class="form-section eligibility">
            <legend>{t!(i18n, people.eligibility_title)}</legend>
            <p class="field-hint">{t!(i18n, people.eligibility_hint)}</p>
            <SelectField
                name="diploma_level"
                label=label!(i18n, apply.diploma_level)
                options=DiplomaLevel::ALL
                    .into_iter()
                    .map(|level| (level.as_str().to_owned(), crate::eligibility::diploma_name(level)().to_owned()))
                    .collect()
                placeholder=t_string!(i18n, forms.choose).to_owned()
                error
                scope=scope.clone()
                echo
            />
            <RadioField name="is_employed" legend=label!(i18n, apply.is_employed) options=yes_no() error scope=scope.clone() echo />
            <RadioField name="works_in_research" legend=label!(i18n, apply.works_in_research) options=yes_no() error scope=scope.clone() echo />
            <FieldMessage field="eligibility" error id=error_id />
        </fieldset>
    }
}
