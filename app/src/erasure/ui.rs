//! The coordination's pages of deletion and retention:
//! `/coordinator/privacy/deletions` (requests waiting, confirmed by the
//! privacy officer, and the register of deletions) and
//! `/coordinator/privacy/retention` (the periods, what the next run removes,
//! running it now). Every form is a plain post that works before the script.
use leptos::prelude::*;

use super::api::{get_deletions, get_retention, ConfirmDeletion, RunRetention, SaveRetention};
use super::{
    Deletions, ErasureCause, PendingDeletion, RegisterEntry, RetentionCounts, RetentionPreview,
    KEPT_MAX_CHARS,
};
use crate::components::access::{reload_or_deny, CoordinationPage};
use crate::components::forms::{
    action_error, action_succeeded, count_successes, restore_outcome, CheckboxField, FormError,
    SubmitButton, TextAreaField, TextField,
};
use crate::components::labels::label;
use crate::components::page::PageTitle;
use crate::components::table::DataTable;
use crate::components::when::when_text;
use crate::i18n::{t, t_string, use_i18n, Locale};
use crate::people::ui::role_label;

type I18n = leptos_i18n::I18nContext<Locale>;

/// `/coordinator/privacy/deletions`.
#[component]
pub fn DeletionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let changes = RwSignal::new(0_u64);
    let deletions = Resource::new(move || changes.get(), |_| get_deletions());
    let title = label!(i18n, erasure.deletions_title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(deletions, move |deletions| view! {
            <CoordinationPage title>
                <DeletionsView deletions changes />
            </CoordinationPage>
        })}
    }
}

#[component]
fn DeletionsView(deletions: Deletions, changes: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let may_confirm = deletions.may_confirm;
    let erased = action_succeeded(ServerAction::<ConfirmDeletion>::new());
    view! {
        <p>{t!(i18n, erasure.deletions_lead)}</p>
        <p><a href="/coordinator/privacy/retention">{t!(i18n, erasure.retention_title)}</a></p>
        <p role="status">{move || erased.get().then(|| t_string!(i18n, erasure.erased))}</p>
        <section aria-labelledby="pending-title">
            <h2 id="pending-title">{t!(i18n, erasure.pending_title)}</h2>
            {(!may_confirm).then(|| view! { <p class="muted">{t!(i18n, erasure.officer_confirms)}</p> })}
            {if deletions.pending.is_empty() {
                view! { <p class="empty-state">{t!(i18n, erasure.pending_empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {deletions.pending.into_iter().map(|request| view! {
                            <li><PendingCard request may_confirm changes /></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="register-title">
            <h2 id="register-title">{t!(i18n, erasure.register_title)}</h2>
            <p class="muted">{t!(i18n, erasure.register_lead)}</p>
            <Register entries=deletions.register />
        </section>
    }
}

#[component]
fn PendingCard(
    request: PendingDeletion,
    may_confirm: bool,
    changes: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirm = ServerAction::<ConfirmDeletion>::new();
    count_successes(confirm, changes);
    let error = action_error(confirm);
    let id = request.id;
    let scope = format!("request-{id}");
    let requested_at = request.requested_at.clone();
    let open_pairs = request.open_pairs;
    let role = request.role;
    let heading_id = format!("request-{id}-title");
    let labelled_by = heading_id.clone();
    view! {
        <article class="card" aria-labelledby=labelled_by>
            <h3 id=heading_id>{request.name.clone()} " " <span class="badge">{role_label(role)}</span></h3>
            <p>{move || t_string!(i18n, erasure.requested_on, date = when_text(i18n.get_locale(), &requested_at)).to_string()}</p>
            {(open_pairs > 0).then(|| view! {
                <p class="notice notice-warning">{move || crate::plural!(i18n, erasure.open_pairs_singular, erasure.open_pairs_plural, open_pairs)}</p>
            })}
            {may_confirm.then(|| view! {
                <ActionForm action=confirm attr:class="form" attr:novalidate=true>
                    <input type="hidden" name="id" value=id />
                    <TextAreaField
                        name="kept"
                        label=label!(i18n, erasure.kept)
                        hint=label!(i18n, erasure.kept_hint)
                        error
                        scope=scope.clone()
                        required=false
                        max_chars=KEPT_MAX_CHARS
                    />
                    <CheckboxField name="confirm" error scope>
                        {t!(i18n, erasure.confirm_box)}
                    </CheckboxField>
                    <FormError error />
                    <div class="form-actions">
                        <SubmitButton
                            label=label!(i18n, erasure.confirm_submit)
                            pending=confirm.pending()
                            class="button button-danger"
                            confirm=Some(t_string!(i18n, erasure.confirm_dialog).to_owned())
                        />
                    </div>
                </ActionForm>
            })}
        </article>
    }
}

fn cause_label(i18n: I18n, cause: ErasureCause) -> &'static str {
    match cause {
        ErasureCause::Request => t_string!(i18n, erasure.cause_request),
        ErasureCause::Retention => t_string!(i18n, erasure.cause_retention),
    }
}

#[component]
fn Register(entries: Vec<RegisterEntry>) -> impl IntoView {
    let i18n = use_i18n();
    if entries.is_empty() {
        return view! { <p class="empty-state">{t!(i18n, erasure.register_empty)}</p> }.into_any();
    }
    let columns = vec![
        label!(i18n, erasure.column_number),
        label!(i18n, erasure.column_role),
        label!(i18n, erasure.column_cause),
        label!(i18n, erasure.column_asked),
        label!(i18n, erasure.column_erased),
        label!(i18n, erasure.column_by),
        label!(i18n, erasure.column_kept),
        label!(i18n, erasure.column_rows),
    ];
    view! {
        <DataTable columns>
            {entries.into_iter().map(|entry| {
                let (asked, erased) = (entry.requested_at.clone(), entry.erased_at.clone());
                let cause = entry.cause;
                view! {
                    <tr>
                        <td>{entry.id}</td>
                        <td>{role_label(entry.role)}</td>
                        <td>{move || cause_label(i18n, cause)}</td>
                        <td>{move || when_text(i18n.get_locale(), &asked)}</td>
                        <td>{move || when_text(i18n.get_locale(), &erased)}</td>
                        <td>{entry.erased_by.clone().unwrap_or_else(|| "—".to_owned())}</td>
                        <td>{entry.kept.clone().unwrap_or_default()}</td>
                        <td>{entry.rows_changed}</td>
                    </tr>
                }
            }).collect_view()}
        </DataTable>
    }
    .into_any()
}

/// `/coordinator/privacy/retention`.
#[component]
pub fn RetentionPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveRetention>::new();
    let run = ServerAction::<RunRetention>::new();
    // The page that follows a plain post says how much the run removed.
    restore_outcome(run);
    let changes = RwSignal::new(0_u64);
    count_successes(save, changes);
    count_successes(run, changes);
    let preview = Resource::new(move || changes.get(), |_| get_retention());
    let title = label!(i18n, erasure.retention_title);
    view! {
        <PageTitle text=title />
        {reload_or_deny(preview, move |preview| view! {
            <CoordinationPage title>
                <RetentionView preview save run />
            </CoordinationPage>
        })}
    }
}

#[component]
fn RetentionView(
    preview: RetentionPreview,
    save: ServerAction<SaveRetention>,
    run: ServerAction<RunRetention>,
) -> impl IntoView {
    let i18n = use_i18n();
    let save_error = action_error(save);
    let saved = action_succeeded(save);
    let run_error = action_error(run);
    let settings = preview.settings;
    let last_run = preview.last_run.clone();
    let nothing = preview.next.total() == 0;
    let ran = move || run.value().get().and_then(Result::ok);
    view! {
        <p><a href="/coordinator/privacy/deletions">{t!(i18n, erasure.deletions_title)}</a></p>
        <p>{t!(i18n, erasure.retention_lead)}</p>
        <p class="muted">
            {move || match &last_run {
                Some(at) => t_string!(i18n, erasure.last_run, date = when_text(i18n.get_locale(), at)).to_string(),
                None => t_string!(i18n, erasure.never_run).to_owned(),
            }}
        </p>
        <p role="status">
            {move || ran().map(|done| t_string!(i18n, erasure.ran, count = done.total()).to_string())}
            {move || saved.get().then(|| t_string!(i18n, erasure.saved))}
        </p>

        <section aria-labelledby="next-title">
            <h2 id="next-title">{t!(i18n, erasure.next_title)}</h2>
            <NextRun counts=preview.next.clone() settings />
            {(!preview.people.is_empty()).then(|| view! {
                <h3>{t!(i18n, erasure.people_title)}</h3>
                <ul>
                    {preview.people.iter().map(|person| {
                        let closed = person.last_closed_at.clone();
                        view! {
                            <li>
                                {person.name.clone()} " (" {role_label(person.role)} ") — "
                                {move || t_string!(i18n, erasure.closed_on, date = when_text(i18n.get_locale(), &closed)).to_string()}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {preview.may_change.then(|| view! {
                <ActionForm action=run attr:class="form">
                    <FormError error=run_error />
                    <SubmitButton
                        label=label!(i18n, erasure.run_submit)
                        pending=run.pending()
                        class="button button-secondary"
                        confirm=(!nothing).then(|| t_string!(i18n, erasure.run_confirm).to_owned())
                    />
                </ActionForm>
            })}
        </section>

        <section aria-labelledby="periods-title">
            <h2 id="periods-title">{t!(i18n, erasure.periods_title)}</h2>
            {if preview.may_change {
                view! {
                    <ActionForm action=save attr:class="form" attr:novalidate=true>
                        <TextField name="applications_months" input_type="number" label=label!(i18n, erasure.applications_months) error=save_error value=settings.closed_applications_months.to_string() />
                        <TextField name="traces_days" input_type="number" label=label!(i18n, erasure.traces_days) hint=label!(i18n, erasure.traces_hint) error=save_error value=settings.sign_in_traces_days.to_string() />
                        <TextField name="outbox_months" input_type="number" label=label!(i18n, erasure.outbox_months) hint=label!(i18n, erasure.outbox_hint) error=save_error value=settings.outbox_months.to_string() />
                        <TextField name="cohort_years" input_type="number" label=label!(i18n, erasure.cohort_years) hint=label!(i18n, erasure.cohort_hint) error=save_error value=settings.ended_cohort_years.to_string() />
                        <FormError error=save_error />
                        <div class="form-actions">
                            <SubmitButton label=label!(i18n, erasure.save_submit) pending=save.pending() />
                        </div>
                    </ActionForm>
                }.into_any()
            } else {
                view! { <p class="muted">{t!(i18n, erasure.officer_sets)}</p> }.into_any()
            }}
        </section>
    }
}

/// What the next run removes, kind by kind, with each period.
#[component]
fn NextRun(counts: RetentionCounts, settings: super::RetentionSettings) -> impl IntoView {
    let i18n = use_i18n();
    let columns = vec![
        label!(i18n, erasure.column_kind),
        label!(i18n, erasure.column_period),
        label!(i18n, erasure.column_next),
    ];
    let rows: Vec<(Signal<String>, Signal<String>, i64)> = vec![
        (
            label!(i18n, erasure.kind_applications),
            period(i18n, Unit::Months, settings.closed_applications_months),
            counts.applications,
        ),
        (
            label!(i18n, erasure.kind_sign_in_failures),
            period(i18n, Unit::Days, settings.sign_in_traces_days),
            counts.sign_in_failures,
        ),
        (
            label!(i18n, erasure.kind_sessions),
            label!(i18n, erasure.when_expired),
            counts.sessions,
        ),
        (
            label!(i18n, erasure.kind_addresses),
            period(i18n, Unit::Days, settings.sign_in_traces_days),
            counts.addresses,
        ),
        (
            label!(i18n, erasure.kind_outbox_links),
            label!(i18n, erasure.once_sent),
            counts.outbox_links,
        ),
        (
            label!(i18n, erasure.kind_outbox_messages),
            period(i18n, Unit::Months, settings.outbox_months),
            counts.outbox_messages,
        ),
        (
            label!(i18n, erasure.kind_people),
            period(i18n, Unit::Years, settings.ended_cohort_years),
            counts.people,
        ),
    ];
    view! {
        <DataTable columns>
            {rows.into_iter().map(|(kind, period, count)| view! {
                <tr>
                    <td>{kind}</td>
                    <td>{period}</td>
                    <td class="number">{count}</td>
                </tr>
            }).collect_view()}
        </DataTable>
    }
}

#[derive(Clone, Copy)]
enum Unit {
    Days,
    Months,
    Years,
}

/// A retention period, "30 days" or "1 year", in the reader's language.
fn period(i18n: I18n, unit: Unit, count: i64) -> Signal<String> {
    Signal::derive(move || match unit {
        Unit::Days => crate::plural!(i18n, erasure.days_singular, erasure.days_plural, count),
        Unit::Months => crate::plural!(i18n, erasure.months_singular, erasure.months_plural, count),
        Unit::Years => crate::plural!(i18n, erasure.years_singular, erasure.years_plural, count),
    })
}
