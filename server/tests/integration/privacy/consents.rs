//! Consents: each names its version, its purpose and where it was given;
//! withdrawing an optional one undoes what it allowed; a material change of
//! the notice asks for consent again at the next sign-in.
use super::*;
use app::consent::{ConsentContext, ConsentPurpose};
use app::my_data::api::{GetConsentRenewal, GetMyPrivacy, RenewConsent, WithdrawConsent};
use app::my_data::{ConsentRenewal, MyPrivacy};
use app::people::api::UpdateMyAccount;
use app::testimonials::api::{GetPublishedTestimonials, SaveTestimonial};
use app::testimonials::PublicTestimonial;
use axum::http::StatusCode;

fn location(response: &crate::common::TestResponse) -> Option<String> {
    response
        .headers
        .get("location")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

#[tokio::test]
async fn each_way_in_records_its_consent_with_the_notice_s_version() {
    let people = TwoPeople::new().await;
    let app = &people.app;
    let registered = app
        .register_and_confirm(
            &form(&[
                ("display_name", "Zoé"),
                ("email", "zoe@privacy.example"),
                ("password", "zoe-password-long"),
                ("locale", "fr"),
                ("student", "on"),
                ("consent", "on"),
            ]),
            "zoe@privacy.example",
        )
        .await;
    registered.assert_status(StatusCode::OK);
    let zoe = crate::common::session_cookie(&registered).expect("signed in");
    let privacy: MyPrivacy = people.call(path::<GetMyPrivacy>(), "", &zoe).await;
    assert_eq!(privacy.notice_version, 2);
    assert_eq!(privacy.consents.len(), 1);
    let consent = &privacy.consents[0];
    assert_eq!(consent.purpose, ConsentPurpose::Program);
    assert_eq!(consent.context, ConsentContext::Registration);
    assert_eq!(consent.notice_version, 2);
    assert!(consent.in_force() && !consent.may_withdraw());

    // An applicant consents before having an account.
    let application = app
        .submit_application("candidate@privacy.example", true)
        .await;
    let (purpose, context, version): (String, String, i64) = sqlx::query_as(
        "SELECT purpose, context, notice_version FROM consents WHERE application_id = ?",
    )
    .bind(application.id)
    .fetch_one(&app.pool)
    .await
    .expect("the application's consent");
    assert_eq!(
        (purpose.as_str(), context.as_str(), version),
        ("program", "application", 2)
    );
}

#[tokio::test]
async fn withdrawing_an_optional_consent_undoes_what_it_allowed_and_the_required_one_stays() {
    let people = TwoPeople::new().await;
    let app = &people.app;
    let ana = &people.ana;
    // Choosing the weekly digest gives its consent; withdrawing it sends notices at once.
    app.call(
        path::<UpdateMyAccount>(),
        &form(&[
            ("display_name", &ana.name),
            ("locale", "fr"),
            ("notification_delivery", "weekly_digest"),
        ]),
        Some(&ana.cookie),
    )
    .await
    .assert_status(StatusCode::OK);
    let privacy: MyPrivacy = people.call(path::<GetMyPrivacy>(), "", &ana.cookie).await;
    let digest = privacy
        .consents
        .iter()
        .find(|consent| consent.purpose == ConsentPurpose::WeeklyDigest)
        .expect("the digest's consent");
    assert!(digest.may_withdraw());
    assert_eq!(digest.context, ConsentContext::Choice);

    let withdraw = |purpose: &str| {
        let body = form(&[("purpose", purpose)]);
        async move {
            app.call(path::<WithdrawConsent>(), &body, Some(&ana.cookie))
                .await
        }
    };
    withdraw("weekly_digest")
        .await
        .assert_status(StatusCode::OK);
    let delivery: String =
        sqlx::query_scalar("SELECT notification_delivery FROM accounts WHERE id = ?")
            .bind(ana.account)
            .fetch_one(&app.pool)
            .await
            .expect("her choice");
    assert_eq!(delivery, "immediate");
    let privacy: MyPrivacy = people.call(path::<GetMyPrivacy>(), "", &ana.cookie).await;
    assert!(privacy
        .consents
        .iter()
        .any(|consent| consent.purpose == ConsentPurpose::WeeklyDigest && !consent.in_force()));
    withdraw("weekly_digest")
        .await
        .assert_status(StatusCode::NOT_FOUND);
    // The consent to take part is not withdrawn from here; nor is a made-up one.
    withdraw("program")
        .await
        .assert_status(StatusCode::BAD_REQUEST);
    withdraw("marketing")
        .await
        .assert_status(StatusCode::BAD_REQUEST);
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE event = 'consent_withdrawn' AND actor_id = ?",
    )
    .bind(ana.account)
    .fetch_one(&app.pool)
    .await
    .expect("a count");
    assert_eq!(audited, 1);

    // Writing a testimonial consents to its publication; withdrawing the
    // consent takes it off the home page.
    sqlx::query(
        "UPDATE pairs SET status = 'completed', closed_at = '2026-11-29T10:00:00Z' WHERE id = ?",
    )
    .bind(ana.pair)
    .execute(&app.pool)
    .await
    .expect("the pair is completed");
    app.call(
        path::<SaveTestimonial>(),
        &form(&[
            ("body", "Un programme qui m’a ouvert des portes."),
            ("language", "fr"),
            ("signature", "first_name"),
        ]),
        Some(&ana.cookie),
    )
    .await
    .assert_status(StatusCode::OK);
    sqlx::query("UPDATE testimonials SET status = 'approved', decided_at = '2026-11-30T10:00:00Z'")
        .execute(&app.pool)
        .await
        .expect("approved");
    let published = || async {
        app.call(path::<GetPublishedTestimonials>(), "", None)
            .await
            .json::<Vec<PublicTestimonial>>()
    };
    assert_eq!(published().await.len(), 1);
    withdraw("testimonial_publication")
        .await
        .assert_status(StatusCode::OK);
    assert!(published().await.is_empty());
    let status: String = sqlx::query_scalar("SELECT status FROM testimonials WHERE account_id = ?")
        .bind(ana.account)
        .fetch_one(&app.pool)
        .await
        .expect("her testimonial");
    assert_eq!(status, "withdrawn");
}

#[tokio::test]
async fn a_material_change_of_the_notice_asks_for_consent_at_the_next_sign_in_only() {
    let people = TwoPeople::new().await;
    let app = &people.app;
    let publish = |version: i64, material: bool| async move {
        sqlx::query(
            "INSERT INTO privacy_notices (version, body_fr, body_en, changes_fr, changes_en, \
             is_material, published_at) VALUES (?, 'Avis', 'Notice', 'Nouvelle finalité', \
             'New purpose', ?, '2026-12-01T10:00:00Z')",
        )
        .bind(version)
        .bind(material)
        .execute(&app.pool)
        .await
        .expect("a new version");
    };
    // A correction asks nothing.
    publish(3, false).await;
    let signed_in = app.log_in(&people.ana.email, PASSWORD).await;
    assert_eq!(location(&signed_in).as_deref(), Some("/mentee"));

    publish(4, true).await;
    let signed_in = app.log_in(&people.ana.email, PASSWORD).await;
    signed_in.assert_status(StatusCode::OK);
    assert_eq!(
        location(&signed_in).as_deref(),
        Some("/consent?next=/mentee")
    );
    let cookie = crate::common::session_cookie(&signed_in).expect("signed in");
    let renewal: ConsentRenewal = people.call(path::<GetConsentRenewal>(), "", &cookie).await;
    assert_eq!(renewal.due, Some(4));
    assert_eq!(renewal.changes_fr, "Nouvelle finalité");
    assert_eq!(renewal.changes_en, "New purpose");

    let page = app.get_with_cookie("/consent?next=/mentee", &cookie).await;
    page.assert_status(StatusCode::OK);
    for shown in [
        "Nouvel avis de confidentialité",
        "Nouvelle finalité",
        "Avis",
        "name=\"consent\"",
    ] {
        assert!(page.body.contains(shown), "the consent page shows {shown}");
    }
    let unticked = app
        .call(
            path::<RenewConsent>(),
            &form(&[("next", "/mentee")]),
            Some(&cookie),
        )
        .await;
    unticked.assert_status(StatusCode::BAD_REQUEST);
    let renewed = app
        .call(
            path::<RenewConsent>(),
            &form(&[("consent", "on"), ("next", "/mentee")]),
            Some(&cookie),
        )
        .await;
    renewed.assert_status(StatusCode::OK);
    assert_eq!(location(&renewed).as_deref(), Some("/mentee"));
    let privacy: MyPrivacy = people.call(path::<GetMyPrivacy>(), "", &cookie).await;
    assert_eq!(privacy.consents[0].notice_version, 4);
    assert_eq!(privacy.consents[0].context, ConsentContext::Renewal);

    let signed_in = app.log_in(&people.ana.email, PASSWORD).await;
    assert_eq!(location(&signed_in).as_deref(), Some("/mentee"));
    // Others still have it to do.
    let bea = app.log_in(&people.bea.email, PASSWORD).await;
    assert_eq!(location(&bea).as_deref(), Some("/consent?next=/mentee"));
}
