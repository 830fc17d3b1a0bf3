//! The privacy pages: the public one (`/privacy`: the latest notice, the
//! person in charge, how to use one's rights in the app), and the privacy
//! officer's (`/coordinator/privacy`: the person in charge and the charge;
//! `/coordinator/privacy/notice`: a new version of the notice;
//! `/coordinator/privacy/incidents`, `…/incidents/:id`: the register).
//! Every form is a plain post that works before the script.
use leptos::prelude::*;
use leptos_i18n::Locale as _;

use super::api::{
    get_incident, get_notice_for_editing, get_privacy_office, get_privacy_page, list_incidents,
    EditIncident, HandPrivacyCharge, PublishPrivacyNotice, RecordIncident, SavePersonInCharge,
};
use super::{
    notice_blocks, Incident, NoticeBlock, Notification, PersonInCharge, PrivacyNotice,
    PrivacyOffice, PrivacyPageData, Risk, INCIDENT_TEXT_MAX_CHARS, NATURE_MAX_CHARS,
    NOTICE_BODY_MAX_CHARS, NOTICE_CHANGES_MAX_CHARS,
};
use crate::components::access::{load_or_deny, reload_or_deny, CoordinationPage};
use crate::components::forms::{
    action_error, action_succeeded, count_successes, CheckboxField, FormError, RadioField,
    SelectField, SubmitButton, TextAreaField, TextField,
};
use crate::components::labels::label;
use crate::components::page::{id_in_address, PageTitle};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n, Locale};
use crate::program_time::long_date_text;

/// The Commission d'accès à l'information du Québec, where complaints go.
const COMMISSION_ADDRESS: &str = "https://www.cai.gouv.qc.ca";

/// A notice's text as headings and paragraphs (`notice_blocks`), each shown
/// as text: whatever it holds, no markup of its own reaches the page.
#[component]
pub fn NoticeBody(#[prop(into)] body: String) -> impl IntoView {
    let blocks = notice_blocks(&body);
    view! {
        <div class="notice-body">
            {blocks
                .into_iter()
                .map(|block| match block {
                    NoticeBlock::Heading(text) => view! { <h2>{text}</h2> }.into_any(),
                    NoticeBlock::Paragraph(text) => view! { <p>{text}</p> }.into_any(),
                })
                .collect_view()}
        </div>
    }
}

/// The day of a program time (`YYYY-MM-DD HH:MM`) in words.
fn day_in_words(locale: Locale, program_time: &str) -> String {
    long_date_text(locale, program_time.get(..10).unwrap_or(program_time))
}

/// The public privacy page: the notice in force, who is in charge, and how
/// to use one's rights.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let page = OnceResource::new(get_privacy_page());
    view! {
        <PageTitle text=label!(i18n, privacy.title) />
        <section class="section">
            <div class="container narrow prose">
                <h1>{t!(i18n, privacy.title)}</h1>
                {load_or_deny(page, move |page| view! { <PrivacyPageView page /> })}
            </div>
        </section>
    }
}

#[component]
fn PrivacyPageView(page: PrivacyPageData) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {page.notice.map(|notice| view! { <NoticeInForce notice /> })}
        <h2 id="person-in-charge">{t!(i18n, privacy.person_title)}</h2>
        {match page.person_in_charge {
            Some(person) => view! { <PersonInChargeCard person /> }.into_any(),
            None => view! { <NoPersonInCharge /> }.into_any(),
        }}
        <RightsInTheApp />
    }
}

#[component]
fn NoticeInForce(notice: PrivacyNotice) -> impl IntoView {
    let i18n = use_i18n();
    let (version, published_at) = (notice.version, notice.published_at.clone());
    let language = move || i18n.get_locale().as_str();
    let changes = {
        let notice = notice.clone();
        move || {
            let changes = notice.changes(language()).trim().to_owned();
            (!changes.is_empty()).then(|| {
                view! {
                    <div class="notice notice-info">
                        <p class="notice-title">{t!(i18n, privacy.changes_title)}</p>
                        <p>{changes}</p>
                    </div>
                }
            })
        }
    };
    view! {
        <p class="muted">
            {move || t_string!(i18n, privacy.version, version = version, date = day_in_words(i18n.get_locale(), &published_at)).to_string()}
        </p>
        {changes}
        {move || view! { <NoticeBody body=notice.body(language()).to_owned() /> }}
    }
}

#[component]
fn PersonInChargeCard(person: PersonInCharge) -> impl IntoView {
    let i18n = use_i18n();
    let email = person.email.clone();
    let title = {
        let person = person.clone();
        move || person.title(i18n.get_locale().as_str()).to_owned()
    };
    view! {
        <p>{t!(i18n, privacy.person_lead)}</p>
        <dl class="details">
            <dt>{t!(i18n, privacy.person_name)}</dt>
            <dd>{person.name.clone()}</dd>
            <dt>{t!(i18n, privacy.person_role)}</dt>
            <dd>{title}</dd>
            <dt>{t!(i18n, privacy.person_email)}</dt>
            <dd><a href=format!("mailto:{email}")>{email.clone()}</a></dd>
            {person.phone.clone().map(|phone| {
                let dial: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
                view! {
                    <dt>{t!(i18n, privacy.person_phone)}</dt>
                    <dd><a href=format!("tel:{dial}")>{phone}</a></dd>
                }
            })}
        </dl>
    }
}

/// Until the program names the person in charge: say so, and where to write.
#[component]
fn NoPersonInCharge() -> impl IntoView {
    let i18n = use_i18n();
    let email = move || t_string!(i18n, footer.contact_email);
    view! {
        <p>{t!(i18n, privacy.person_not_named)}</p>
        <p><a href=move || format!("mailto:{}", email())>{email}</a></p>
    }
}

/// How each right is used in the app, and where to complain.
#[component]
fn RightsInTheApp() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2 id="rights-in-the-app">{t!(i18n, privacy.rights_title)}</h2>
        <p>
            {t!(i18n, privacy.rights_lead)} " "
            <a href="/account/privacy">{t!(i18n, privacy.rights_account_link)}</a>
        </p>
        <ul>
            <li><strong>{t!(i18n, privacy.right_correct_title)}</strong> " " {t!(i18n, privacy.right_correct)}</li>
            <li><strong>{t!(i18n, privacy.right_consents_title)}</strong> " " {t!(i18n, privacy.right_consents)}</li>
            <li><strong>{t!(i18n, privacy.right_download_title)}</strong> " " {t!(i18n, privacy.right_download)}</li>
            <li><strong>{t!(i18n, privacy.right_reads_title)}</strong> " " {t!(i18n, privacy.right_reads)}</li>
            <li><strong>{t!(i18n, privacy.right_deletion_title)}</strong> " " {t!(i18n, privacy.right_deletion)}</li>
        </ul>
        <p>{t!(i18n, privacy.rights_other)}</p>
        <p>
            {t!(i18n, privacy.complaint)} " "
            <a href=COMMISSION_ADDRESS rel="external">{t!(i18n, privacy.commission_name)}</a>
        </p>
    }
}

/// `/coordinator/privacy`: the privacy officer's page.
#[component]
pub fn PrivacyOfficePage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SavePersonInCharge>::new();
    let hand = ServerAction::<HandPrivacyCharge>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(save, changes);
    let office = Resource::new(move || changes.get(), |_| get_privacy_office());
    let title = label!(i18n, privacy_office.title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(office, move |office| view! {
            <CoordinationPage title>
                <PrivacyOfficeView office save hand />
            </CoordinationPage>
        })}
    }
}

#[component]
fn PrivacyOfficeView(
    office: PrivacyOffice,
    save: ServerAction<SavePersonInCharge>,
    hand: ServerAction<HandPrivacyCharge>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (incidents, to_notify) = (office.incidents, office.incidents_to_notify);
    let notice = office
        .notice_version
        .zip(office.notice_published_at.clone());
    view! {
        <p>{t!(i18n, privacy_office.lead)}</p>
        <ul class="tiles">
            <li class="card tile">
                <h2><a href="/coordinator/privacy/incidents">{t!(i18n, privacy_office.incidents_title)}</a></h2>
                <p>{move || crate::plural!(i18n, privacy_office.incidents_count_singular, privacy_office.incidents_count_plural, incidents)}</p>
                {(to_notify > 0).then(|| view! {
                    <p><span class="badge badge-late">{move || crate::plural!(i18n, privacy_office.to_notify_count_singular, privacy_office.to_notify_count_plural, to_notify)}</span></p>
                })}
            </li>
            <li class="card tile">
                <h2><a href="/coordinator/privacy/notice">{t!(i18n, privacy_office.notice_title)}</a></h2>
                {notice.map(|(version, published_at)| view! {
                    <p>{move || t_string!(i18n, privacy.version, version = version, date = day_in_words(i18n.get_locale(), &published_at)).to_string()}</p>
                })}
            </li>
            <li class="card tile">
                <h2><a href="/coordinator/privacy/reads">{t!(i18n, my_data.log_title)}</a></h2>
                <p>{t!(i18n, my_data.log_lead)}</p>
            </li>
            <li class="card tile">
                <h2><a href="/privacy">{t!(i18n, privacy_office.public_page)}</a></h2>
                <p>{t!(i18n, privacy_office.public_page_lead)}</p>
            </li>
        </ul>
        <PersonInChargeForm person=office.person_in_charge save />
        <HandChargeForm coordinators=office.coordinators hand />
    }
}

#[component]
fn PersonInChargeForm(
    person: Option<PersonInCharge>,
    save: ServerAction<SavePersonInCharge>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(save);
    let saved = action_succeeded(save);
    let value =
        |field: fn(&PersonInCharge) -> String| person.as_ref().map(field).unwrap_or_default();
    let name = value(|person| person.name.clone());
    let title_fr = value(|person| person.title_fr.clone());
    let title_en = value(|person| person.title_en.clone());
    let email = value(|person| person.email.clone());
    let phone = value(|person| person.phone.clone().unwrap_or_default());
    view! {
        <section aria-labelledby="person-title">
            <h2 id="person-title">{t!(i18n, privacy_office.person_title)}</h2>
            <p>{t!(i18n, privacy_office.person_lead)}</p>
            {person.is_none().then(|| view! {
                <div class="notice notice-warning"><p>{t!(i18n, privacy_office.person_missing)}</p></div>
            })}
            <p role="status">{move || saved.get().then(|| t_string!(i18n, privacy_office.person_saved))}</p>
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <TextField name="name" label=label!(i18n, privacy_office.person_name) error value=name autocomplete="name" />
                <TextField name="title_fr" label=label!(i18n, privacy_office.person_title_fr) error value=title_fr />
                <TextField name="title_en" label=label!(i18n, privacy_office.person_title_en) error value=title_en />
                <TextField name="email" label=label!(i18n, privacy_office.person_email) error value=email input_type="email" autocomplete="email" />
                <TextField name="phone" label=label!(i18n, privacy_office.person_phone) error value=phone input_type="tel" autocomplete="tel" required=false />
                <FormError error />
                <div class="form-actions">
                    <SubmitButton label=label!(i18n, privacy_office.person_submit) pending=save.pending() />
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn HandChargeForm(
    coordinators: Vec<super::Coordinator>,
    hand: ServerAction<HandPrivacyCharge>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(hand);
    let options: Vec<(String, String)> = coordinators
        .iter()
        .map(|coordinator| {
            (
                coordinator.id.to_string(),
                format!("{} <{}>", coordinator.name, coordinator.email),
            )
        })
        .collect();
    let confirm = t_string!(i18n, privacy_office.charge_confirm).to_owned();
    view! {
        <section aria-labelledby="charge-title">
            <h2 id="charge-title">{t!(i18n, privacy_office.charge_title)}</h2>
            <p>{t!(i18n, privacy_office.charge_lead)}</p>
            {if options.is_empty() {
                view! { <p class="empty-state">{t!(i18n, privacy_office.charge_nobody)}</p> }.into_any()
            } else {
                view! {
                    <ActionForm action=hand attr:class="form" attr:novalidate=true>
                        <SelectField
                            name="account_id"
                            label=label!(i18n, privacy_office.charge_to)
                            error
                            options
                            placeholder=t_string!(i18n, forms.choose).to_owned()
                        />
                        <FormError error />
                        <div class="form-actions">
                            <SubmitButton
                                label=label!(i18n, privacy_office.charge_submit)
                                pending=hand.pending()
                                class="button button-secondary"
                                confirm=Some(confirm)
                            />
                        </div>
                    </ActionForm>
                }.into_any()
            }}
        </section>
    }
}

/// `/coordinator/privacy/notice`: publishing a new version of the notice.
#[component]
pub fn PublishNoticePage() -> impl IntoView {
    let i18n = use_i18n();
    let publish = ServerAction::<PublishPrivacyNotice>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(publish, changes);
    let latest = Resource::new(move || changes.get(), |_| get_notice_for_editing());
    let title = label!(i18n, privacy_office.publish_title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(latest, move |latest| view! {
            <CoordinationPage title>
                <PublishNoticeForm latest publish />
            </CoordinationPage>
        })}
    }
}

#[component]
fn PublishNoticeForm(
    latest: Option<PrivacyNotice>,
    publish: ServerAction<PublishPrivacyNotice>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(publish);
    let published = action_succeeded(publish);
    let based_on = latest.as_ref().map_or(0, |notice| notice.version);
    let current = latest
        .as_ref()
        .map(|notice| (notice.version, notice.published_at.clone()));
    let (body_fr, body_en) = latest
        .map(|notice| (notice.body_fr, notice.body_en))
        .unwrap_or_default();
    let confirm = t_string!(i18n, privacy_office.publish_confirm).to_owned();
    let format_hint =
        Signal::derive(move || t_string!(i18n, privacy_office.format_hint).to_owned());
    let changes_hint =
        Signal::derive(move || t_string!(i18n, privacy_office.changes_hint).to_owned());
    view! {
        <p><a href="/coordinator/privacy">{t!(i18n, privacy_office.back)}</a></p>
        {current.map(|(version, published_at)| view! {
            <p>{move || t_string!(i18n, privacy_office.current_version, version = version, date = day_in_words(i18n.get_locale(), &published_at)).to_string()}</p>
        })}
        <p>{t!(i18n, privacy_office.publish_lead)}</p>
        <p role="status">
            {move || published.get().then(|| view! {
                <span>{t!(i18n, privacy_office.published)} " " <a href="/privacy">{t!(i18n, privacy_office.public_page)}</a></span>
            })}
        </p>
        <ActionForm action=publish attr:class="form" attr:novalidate=true>
            <input type="hidden" name="based_on" value=based_on />
            <TextAreaField name="body_fr" label=label!(i18n, privacy_office.body_fr) error value=body_fr hint=format_hint max_chars=NOTICE_BODY_MAX_CHARS />
            <TextAreaField name="body_en" label=label!(i18n, privacy_office.body_en) error value=body_en hint=format_hint max_chars=NOTICE_BODY_MAX_CHARS />
            <TextAreaField name="changes_fr" label=label!(i18n, privacy_office.changes_fr) error hint=changes_hint required=false max_chars=NOTICE_CHANGES_MAX_CHARS />
            <TextAreaField name="changes_en" label=label!(i18n, privacy_office.changes_en) error hint=changes_hint required=false max_chars=NOTICE_CHANGES_MAX_CHARS />
            <CheckboxField name="is_material" error required=false>
                {t!(i18n, privacy_office.material)}
            </CheckboxField>
            <FormError error />
            <div class="form-actions">
                <SubmitButton label=label!(i18n, privacy_office.publish_submit) pending=publish.pending() confirm=Some(confirm) />
            </div>
        </ActionForm>
    }
}

fn risk_name(i18n: leptos_i18n::I18nContext<Locale>, risk: Risk) -> &'static str {
    match risk {
        Risk::Low => t_string!(i18n, privacy_office.risk_low),
        Risk::Serious => t_string!(i18n, privacy_office.risk_serious),
    }
}

fn notification_name(
    i18n: leptos_i18n::I18nContext<Locale>,
    notification: Notification,
) -> &'static str {
    match notification {
        Notification::Commission => t_string!(i18n, privacy_office.notify_commission),
        Notification::People => t_string!(i18n, privacy_office.notify_people),
    }
}

/// `/coordinator/privacy/incidents`: the register, and a form to record one.
#[component]
pub fn IncidentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let record = ServerAction::<RecordIncident>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(record, changes);
    let incidents = Resource::new(move || changes.get(), |_| list_incidents());
    let title = label!(i18n, privacy_office.incidents_title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(incidents, move |incidents| view! {
            <CoordinationPage title>
                <IncidentsView incidents record />
            </CoordinationPage>
        })}
    }
}

#[component]
fn IncidentsView(incidents: Vec<Incident>, record: ServerAction<RecordIncident>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(record);
    let recorded = action_succeeded(record);
    view! {
        <p><a href="/coordinator/privacy">{t!(i18n, privacy_office.back)}</a></p>
        <p>{t!(i18n, privacy_office.incidents_lead)}</p>
        <p role="status">{move || recorded.get().then(|| t_string!(i18n, privacy_office.incident_recorded))}</p>
        <h2 id="register-title">{t!(i18n, privacy_office.register_title)}</h2>
        {if incidents.is_empty() {
            view! { <p class="empty-state">{t!(i18n, privacy_office.register_empty)}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list">
                    {incidents.into_iter().map(|incident| view! { <li><IncidentCard incident /></li> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2 id="record-title">{t!(i18n, privacy_office.record_title)}</h2>
        <ActionForm action=record attr:class="form" attr:novalidate=true>
            <IncidentFields incident=None error />
            <FormError error />
            <div class="form-actions">
                <SubmitButton label=label!(i18n, privacy_office.record_submit) pending=record.pending() />
            </div>
        </ActionForm>
    }
}

/// The warning of an incident of serious risk that still owes a notification.
#[component]
fn NotificationWarning(missing: Vec<Notification>) -> impl IntoView {
    let i18n = use_i18n();
    (!missing.is_empty()).then(|| {
        view! {
            <div class="notice notice-warning">
                <p class="notice-title">{t!(i18n, privacy_office.to_notify_title)}</p>
                <p>{t!(i18n, privacy_office.to_notify_body)}</p>
                <ul>
                    {missing.into_iter().map(|notification| view! { <li>{move || notification_name(i18n, notification)}</li> }).collect_view()}
                </ul>
            </div>
        }
    })
}

#[component]
fn IncidentCard(incident: Incident) -> impl IntoView {
    let i18n = use_i18n();
    let id = incident.id;
    let heading = format!("incident-{id}");
    let labelled_by = heading.clone();
    let risk = incident.risk;
    let badge = if risk == Risk::Serious {
        "badge badge-late"
    } else {
        "badge"
    };
    let occurred = incident.occurred_on.clone();
    let day = move |text: String| move || long_date_text(i18n.get_locale(), &text);
    let not_yet = move |date: Option<String>| {
        move || match &date {
            Some(day) => long_date_text(i18n.get_locale(), day),
            None => t_string!(i18n, privacy_office.not_notified).to_owned(),
        }
    };
    let people_count = incident.people_count;
    let recorded = (incident.recorded_at.clone(), incident.recorded_by.clone());
    let updated = incident
        .updated_at
        .clone()
        .map(|at| (at, incident.updated_by.clone()));
    let someone = move |name: Option<String>| {
        name.unwrap_or_else(|| t_string!(i18n, privacy_office.someone).to_owned())
    };
    view! {
        <article class="card" aria-labelledby=labelled_by>
            <h3 id=heading class="card-title">
                {move || t_string!(i18n, privacy_office.incident_heading, number = id, date = long_date_text(i18n.get_locale(), &occurred)).to_string()}
                " "
                <span class=badge>{move || risk_name(i18n, risk)}</span>
            </h3>
            <NotificationWarning missing=incident.missing_notifications() />
            <dl class="details">
                <dt>{t!(i18n, privacy_office.occurred_on)}</dt>
                <dd>{day(incident.occurred_on.clone())}</dd>
                <dt>{t!(i18n, privacy_office.discovered_on)}</dt>
                <dd>{day(incident.discovered_on.clone())}</dd>
                <dt>{t!(i18n, privacy_office.nature)}</dt>
                <dd>{incident.nature.clone()}</dd>
                <dt>{t!(i18n, privacy_office.information_concerned)}</dt>
                <dd>{incident.information_concerned.clone()}</dd>
                <dt>{t!(i18n, privacy_office.people_concerned)}</dt>
                <dd>
                    {incident.people_concerned.clone()}
                    {people_count.map(|count| view! {
                        " (" {move || crate::plural!(i18n, privacy_office.people_count_singular, privacy_office.people_count_plural, count)} ")"
                    })}
                </dd>
                <dt>{t!(i18n, privacy_office.risk)}</dt>
                <dd>{move || risk_name(i18n, risk)} " — " {incident.risk_reasoning.clone()}</dd>
                <dt>{t!(i18n, privacy_office.measures)}</dt>
                <dd>{incident.measures.clone()}</dd>
                <dt>{t!(i18n, privacy_office.commission_notified_on)}</dt>
                <dd>{not_yet(incident.commission_notified_on.clone())}</dd>
                <dt>{t!(i18n, privacy_office.people_notified_on)}</dt>
                <dd>{not_yet(incident.people_notified_on.clone())}</dd>
                <dt>{t!(i18n, privacy_office.recorded)}</dt>
                <dd>
                    {move || t_string!(i18n, privacy_office.recorded_by, name = someone(recorded.1.clone()), date = crate::components::when::when_text(i18n.get_locale(), &recorded.0)).to_string()}
                    {updated.map(|(at, by)| view! {
                        <br />
                        {move || t_string!(i18n, privacy_office.updated_by, name = someone(by.clone()), date = crate::components::when::when_text(i18n.get_locale(), &at)).to_string()}
                    })}
                </dd>
            </dl>
            <p>
                <a href=format!("/coordinator/privacy/incidents/{id}")>
                    {move || t_string!(i18n, privacy_office.edit_link, number = id).to_string()}
                </a>
            </p>
        </article>
    }
}

/// The fields of an incident, empty or as recorded (a refused post shows
/// what was typed: the fields read it back).
#[component]
fn IncidentFields(
    incident: Option<Incident>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let value = |field: fn(&Incident) -> String| incident.as_ref().map(field).unwrap_or_default();
    let occurred_on = value(|incident| incident.occurred_on.clone());
    let discovered_on = value(|incident| incident.discovered_on.clone());
    let nature = value(|incident| incident.nature.clone());
    let information_concerned = value(|incident| incident.information_concerned.clone());
    let people_concerned = value(|incident| incident.people_concerned.clone());
    let people_count = value(|incident| {
        incident
            .people_count
            .map(|count| count.to_string())
            .unwrap_or_default()
    });
    let risk = value(|incident| incident.risk.as_str().to_owned());
    let risk_reasoning = value(|incident| incident.risk_reasoning.clone());
    let measures = value(|incident| incident.measures.clone());
    let commission_notified_on =
        value(|incident| incident.commission_notified_on.clone().unwrap_or_default());
    let people_notified_on =
        value(|incident| incident.people_notified_on.clone().unwrap_or_default());
    let risks: Vec<(String, String)> = Risk::ALL
        .into_iter()
        .map(|risk| (risk.as_str().to_owned(), risk_name(i18n, risk).to_owned()))
        .collect();
    let hint = |text: fn(leptos_i18n::I18nContext<Locale>) -> &'static str| {
        Signal::derive(move || text(i18n).to_owned())
    };
    view! {
        <TextField name="occurred_on" label=label!(i18n, privacy_office.occurred_on) error value=occurred_on input_type="date" />
        <TextField name="discovered_on" label=label!(i18n, privacy_office.discovered_on) error value=discovered_on input_type="date" />
        <TextAreaField name="nature" label=label!(i18n, privacy_office.nature) error value=nature max_chars=NATURE_MAX_CHARS
            hint=hint(|i18n| t_string!(i18n, privacy_office.nature_hint)) />
        <TextAreaField name="information_concerned" label=label!(i18n, privacy_office.information_concerned) error value=information_concerned max_chars=INCIDENT_TEXT_MAX_CHARS />
        <TextAreaField name="people_concerned" label=label!(i18n, privacy_office.people_concerned) error value=people_concerned max_chars=INCIDENT_TEXT_MAX_CHARS />
        <TextField name="people_count" label=label!(i18n, privacy_office.people_count) error value=people_count input_type="number" required=false
            hint=hint(|i18n| t_string!(i18n, privacy_office.people_count_hint)) />
        <RadioField name="risk" legend=label!(i18n, privacy_office.risk) error options=risks selected=risk
            hint=hint(|i18n| t_string!(i18n, privacy_office.risk_hint)) />
        <TextAreaField name="risk_reasoning" label=label!(i18n, privacy_office.risk_reasoning) error value=risk_reasoning max_chars=INCIDENT_TEXT_MAX_CHARS />
        <TextAreaField name="measures" label=label!(i18n, privacy_office.measures) error value=measures max_chars=INCIDENT_TEXT_MAX_CHARS />
        <TextField name="commission_notified_on" label=label!(i18n, privacy_office.commission_notified_on) error value=commission_notified_on input_type="date" required=false
            hint=hint(|i18n| t_string!(i18n, privacy_office.notified_hint)) />
        <TextField name="people_notified_on" label=label!(i18n, privacy_office.people_notified_on) error value=people_notified_on input_type="date" required=false
            hint=hint(|i18n| t_string!(i18n, privacy_office.notified_hint)) />
    }
}

/// `/coordinator/privacy/incidents/:id`: changing an incident of the register.
#[component]
pub fn IncidentPage() -> impl IntoView {
    let i18n = use_i18n();
    let id_in_address = id_in_address();
    let edit = ServerAction::<EditIncident>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(edit, changes);
    let incident = Resource::new(
        move || (id_in_address().unwrap_or_default(), changes.get()),
        |(id, _)| get_incident(id),
    );
    let title = label!(i18n, privacy_office.edit_title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(incident, move |incident| view! {
            <CoordinationPage title>
                <IncidentEditView incident edit />
            </CoordinationPage>
        })}
    }
}

#[component]
fn IncidentEditView(incident: Incident, edit: ServerAction<EditIncident>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(edit);
    let saved = action_succeeded(edit);
    let (id, revision) = (incident.id, incident.revision);
    let occurred = incident.occurred_on.clone();
    view! {
        <p><a href="/coordinator/privacy/incidents">{t!(i18n, privacy_office.back_to_register)}</a></p>
        <h2>
            {move || t_string!(i18n, privacy_office.incident_heading, number = id, date = long_date_text(i18n.get_locale(), &occurred)).to_string()}
        </h2>
        <p role="status">{move || saved.get().then(|| t_string!(i18n, privacy_office.incident_saved))}</p>
        <NotificationWarning missing=incident.missing_notifications() />
        <ActionForm action=edit attr:class="form" attr:novalidate=true>
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="revision" value=revision />
            <IncidentFields incident=Some(incident) error />
            <FormError error />
            <div class="form-actions">
                <SubmitButton label=label!(i18n, privacy_office.edit_submit) pending=edit.pending() />
            </div>
        </ActionForm>
    }
}
