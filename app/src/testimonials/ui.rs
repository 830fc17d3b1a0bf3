//! Testimonials' pages: the author's (`/testimonial`), the coordinator's
//! (`/coordinator/testimonials`), the home page's list, and the invitation
//! to write one on a mentor's or a mentee's page.
use leptos::prelude::*;

use super::api::{
    get_my_testimonial, get_published_testimonials, list_testimonials, DecideTestimonial,
    SaveTestimonial, WithdrawTestimonial,
};
use super::{MyTestimonial, PublicTestimonial, Signature, Testimonial, TestimonialStatus};
use crate::accounts::Role;
use crate::components::access::{reload_or_deny, CoordinationPage};
use crate::components::forms::{
    action_error, action_succeeded, count_successes, FieldMessage, FormError, SubmitButton,
};
use crate::components::labels::label;
use crate::components::page::PageTitle;
use crate::i18n::{t, t_string, use_i18n, Locale};
use leptos_i18n::Locale as _;

/// A language's name in the reader's language, to mark a quotation in the other one.
fn language_label(i18n: leptos_i18n::I18nContext<Locale>, code: &str) -> &'static str {
    match code {
        "en" => t_string!(i18n, testimonials.in_english),
        _ => t_string!(i18n, testimonials.in_french),
    }
}

fn status_label(i18n: leptos_i18n::I18nContext<Locale>, status: TestimonialStatus) -> &'static str {
    match status {
        TestimonialStatus::Submitted => t_string!(i18n, testimonials.status_submitted),
        TestimonialStatus::Approved => t_string!(i18n, testimonials.status_approved),
        TestimonialStatus::Declined => t_string!(i18n, testimonials.status_declined),
        TestimonialStatus::Withdrawn => t_string!(i18n, testimonials.status_withdrawn),
    }
}

/// "A mentor", "a mentee": an anonymous signature (by the author's role
/// now; one who became a coordinator since is "a person of the program").
fn anonymous(i18n: leptos_i18n::I18nContext<Locale>, role: Role) -> &'static str {
    match role {
        Role::Mentor => t_string!(i18n, testimonials.anonymous_mentor),
        Role::Mentee => t_string!(i18n, testimonials.anonymous_mentee),
        Role::Coordinator => t_string!(i18n, testimonials.anonymous_participant),
    }
}

/// The approved testimonials, after the program's own, each in its language.
#[component]
pub fn PublishedTestimonials() -> impl IntoView {
    let published = OnceResource::new(get_published_testimonials());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                published.await.ok().map(|testimonials| {
                    testimonials
                        .into_iter()
                        .map(|testimonial| view! { <PublishedTestimonial testimonial /> })
                        .collect_view()
                })
            })}
        </Suspense>
    }
}

#[component]
fn PublishedTestimonial(testimonial: PublicTestimonial) -> impl IntoView {
    let i18n = use_i18n();
    let language = testimonial.language.clone();
    let marker = language.clone();
    let (author, role) = (testimonial.author.clone(), testimonial.role);
    view! {
        <figure class="testimonial">
            <blockquote lang=language.clone()>
                <p>{testimonial.body}</p>
            </blockquote>
            <figcaption>
                <strong>{move || author.clone().unwrap_or_else(|| anonymous(i18n, role).to_owned())}</strong>
                {move || {
                    (i18n.get_locale().as_str() != marker).then(|| format!(" ({})", language_label(i18n, &marker)))
                }}
            </figcaption>
        </figure>
    }
}

/// On a mentor's or a mentee's page, once one of their pairs is completed.
#[component]
pub fn TestimonialInvite() -> impl IntoView {
    let i18n = use_i18n();
    let mine = OnceResource::new(get_my_testimonial());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                mine.await.ok().filter(|mine| mine.may_write).map(|mine| {
                    let status = mine.current.as_ref().map(|current| current.status);
                    view! {
                        <section class="section no-print" aria-labelledby="testimonial-invite-title">
                            <div class="container">
                                <div class="card">
                                    <h2 id="testimonial-invite-title">{t!(i18n, testimonials.invite_title)}</h2>
                                    <p>{t!(i18n, testimonials.invite_lead)}</p>
                                    {status.map(|status| view! { <p><span class="badge">{move || status_label(i18n, status)}</span></p> })}
                                    <p><a class="button button-secondary" href="/testimonial">{t!(i18n, testimonials.invite_link)}</a></p>
                                </div>
                            </div>
                        </section>
                    }
                })
            })}
        </Suspense>
    }
}

/// The author's page: write, change or withdraw one's testimonial.
#[component]
pub fn MyTestimonialPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveTestimonial>::new();
    let withdraw = ServerAction::<WithdrawTestimonial>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(save, changes);
    count_successes(withdraw, changes);
    let mine = Resource::new(move || changes.get(), |_| get_my_testimonial());
    view! {
        <PageTitle text=label!(i18n, testimonials.my_title) />
        <section class="section">
            <div class="container narrow">
                <h1>{t!(i18n, testimonials.my_title)}</h1>
                {reload_or_deny(mine, move |mine| view! { <MyTestimonialForm mine save withdraw /> }.into_any())}
            </div>
        </section>
    }
}

#[component]
fn MyTestimonialForm(
    mine: MyTestimonial,
    save: ServerAction<SaveTestimonial>,
    withdraw: ServerAction<WithdrawTestimonial>,
) -> impl IntoView {
    let i18n = use_i18n();
    if !mine.may_write {
        return view! { <p class="empty-state">{t!(i18n, testimonials.not_yet)}</p> }.into_any();
    }
    let error = action_error(save);
    let withdraw_error = action_error(withdraw);
    let saved = action_succeeded(save);
    let withdrawn = action_succeeded(withdraw);
    let current = mine.current.clone();
    let live = current
        .as_ref()
        .filter(|current| current.status != TestimonialStatus::Withdrawn);
    let body = live.map(|current| current.body.clone()).unwrap_or_default();
    // A refused form comes back with what was chosen (`form_echo`).
    let language = crate::components::forms::echoed_value("language")
        .or_else(|| live.map(|current| current.language.clone()))
        .unwrap_or_else(|| mine.locale.clone());
    let signature = crate::components::forms::echoed_value("signature")
        .and_then(|chosen| Signature::parse(&chosen))
        .unwrap_or_else(|| live.map_or(Signature::FirstName, |current| current.signature));
    let status = current.as_ref().map(|current| current.status);
    let name = mine.display_name.clone();
    let role_anonymous = move || t_string!(i18n, testimonials.anonymous_signature);
    let signatures: Vec<(Signature, String)> = Signature::ALL
        .into_iter()
        .map(|option| (option, option.shown_name(&name).unwrap_or_default()))
        .collect();
    let confirm_withdraw = t_string!(i18n, testimonials.withdraw_confirm).to_string();
    view! {
        <p>{t!(i18n, testimonials.my_lead)}</p>
        {status.map(|status| view! {
            <p>{t!(i18n, testimonials.status)} " " <span class="badge">{move || status_label(i18n, status)}</span></p>
        })}
        <p role="status">
            {move || {
                if saved.get() {
                    Some(t_string!(i18n, testimonials.saved).to_string())
                } else {
                    withdrawn.get().then(|| t_string!(i18n, testimonials.withdrawn).to_string())
                }
            }}
        </p>
        <ActionForm action=save attr:class="form" attr:novalidate=true>
            <div class="field">
                <label for="field-body">{t!(i18n, testimonials.body)}</label>
                <p class="field-hint" id="body-hint">{move || t_string!(i18n, testimonials.body_hint, count = super::BODY_MAX_CHARS).to_string()}</p>
                <textarea id="field-body" name="body" rows="8" maxlength=super::BODY_MAX_CHARS required=true
                    aria-describedby="body-hint body-error">{crate::components::forms::echoed_value("body").unwrap_or(body)}</textarea>
                <FieldMessage field="body" error />
            </div>
            <div class="field">
                <label for="field-language">{t!(i18n, testimonials.language)}</label>
                <select id="field-language" name="language" aria-describedby="language-error">
                    <option value="fr" selected=language == "fr">{t!(i18n, fields.language_fr)}</option>
                    <option value="en" selected=language == "en">{t!(i18n, fields.language_en)}</option>
                </select>
                <FieldMessage field="language" error />
            </div>
            <fieldset class="field" aria-describedby="signature-error">
                <legend>{t!(i18n, testimonials.signature)}</legend>
                {signatures.into_iter().map(|(option, shown)| {
                    let id = format!("field-signature-{}", option.as_str());
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name="signature" value=option.as_str() checked=option == signature />
                            <label for=id>
                                {move || match option {
                                    Signature::FullName => t_string!(i18n, testimonials.signature_full_name, name = shown.clone()).to_string(),
                                    Signature::FirstName => t_string!(i18n, testimonials.signature_first_name, name = shown.clone()).to_string(),
                                    Signature::Anonymous => role_anonymous().to_string(),
                                }}
                            </label>
                        </div>
                    }
                }).collect_view()}
                <FieldMessage field="signature" error />
            </fieldset>
            <FormError error />
            <div class="form-actions">
                <SubmitButton label=label!(i18n, testimonials.submit) pending=save.pending() />
            </div>
        </ActionForm>
        {live.is_some().then(|| view! {
            <ActionForm action=withdraw attr:class="form">
                <FormError error=withdraw_error />
                <button type="submit" class="button button-secondary" data-confirm=confirm_withdraw
                    disabled=move || withdraw.pending().get()>
                    {t!(i18n, testimonials.withdraw)}
                </button>
            </ActionForm>
        })}
    }
    .into_any()
}

/// The coordinator's page: every testimonial not withdrawn, those waiting
/// first, each with how the home page would sign it.
#[component]
pub fn TestimonialsPage() -> impl IntoView {
    let i18n = use_i18n();
    let decide = ServerAction::<DecideTestimonial>::new();
    let changes = RwSignal::new(0_u64);
    count_successes(decide, changes);
    let error = action_error(decide);
    let all = Resource::new(move || changes.get(), |_| list_testimonials());
    view! {
        <PageTitle text=label!(i18n, testimonials.title) />
        {reload_or_deny(all, move |all| view! {
            <CoordinationPage title=label!(i18n, testimonials.title)>
                <p>{t!(i18n, testimonials.lead)}</p>
                <FormError error />
                {if all.is_empty() {
                    view! { <p class="empty-state">{t!(i18n, testimonials.empty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list testimonials">
                            {all.into_iter().map(|testimonial| view! { <li><TestimonialCard testimonial decide /></li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </CoordinationPage>
        })}
    }
}

#[component]
fn TestimonialCard(
    testimonial: Testimonial,
    decide: ServerAction<DecideTestimonial>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = testimonial.shown_name();
    let (role, status, id) = (testimonial.role, testimonial.status, testimonial.id);
    let language = testimonial.language.clone();
    let written = testimonial.written_at.clone();
    let version = testimonial.version.clone();
    let author = testimonial.author_name.clone();
    let heading = format!("testimonial-{id}");
    let labelled_by = heading.clone();
    view! {
        <article class="card" aria-labelledby=labelled_by>
            <h2 id=heading class="card-title">
                {author} " " <span class="badge">{move || status_label(i18n, status)}</span>
            </h2>
            <p class="muted">
                {move || t_string!(i18n, testimonials.meta, language = language_label(i18n, &language), date = crate::components::when::when_text(i18n.get_locale(), &written)).to_string()}
            </p>
            <blockquote lang=testimonial.language.clone()><p>{testimonial.body}</p></blockquote>
            <p>
                {move || t_string!(i18n, testimonials.shown_as, name = shown.clone().unwrap_or_else(|| anonymous(i18n, role).to_owned())).to_string()}
            </p>
            <div class="button-row">
                {(status != TestimonialStatus::Approved).then(|| view! { <DecideButton id version=version.clone() decision="approve" decide /> })}
                {(status != TestimonialStatus::Declined).then(|| view! { <DecideButton id version=version.clone() decision="decline" decide /> })}
            </div>
        </article>
    }
}

#[component]
fn DecideButton(
    id: i64,
    version: String,
    decision: &'static str,
    decide: ServerAction<DecideTestimonial>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (class, label) = if decision == "approve" {
        ("button button-small", label!(i18n, testimonials.approve))
    } else {
        (
            "button button-small button-secondary",
            label!(i18n, testimonials.decline),
        )
    };
    view! {
        <ActionForm action=decide attr:class="inline-form">
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="decision" value=decision />
            <input type="hidden" name="version" value=version />
            <SubmitButton class label pending=decide.pending() />
        </ActionForm>
    }
}
