//! Testimonials: written once a pair is completed, in the author's language
//! and signature; published on the home page only once approved, with its
//! language marked, and never with more of the name than the author chose;
//! withdrawn by its author at any time.
use super::*;
use app::closing::api::{ConcludeCohort, GetClosingPreview};
use app::closing::ClosingPreview;
use app::testimonials::api::*;
use app::testimonials::{MyTestimonial, PublicTestimonial, TestimonialStatus};

async fn published(program: &Program) -> Vec<PublicTestimonial> {
    let published = program
        .app
        .call(GetPublishedTestimonials::PATH, "", None)
        .await;
    published.assert_status(StatusCode::OK);
    published.json()
}

async fn write(program: &Program, person: &Person, signature: &str) -> crate::common::TestResponse {
    program
        .app
        .call(
            SaveTestimonial::PATH,
            &form(&[
                (
                    "body",
                    "Marc m’a aidée à préparer mes entrevues : j’ai obtenu mon stage.",
                ),
                ("language", "fr"),
                ("signature", signature),
            ]),
            Some(&person.cookie),
        )
        .await
}

/// Decides on the testimonial as the coordinator reads it now.
async fn decide(program: &Program, id: i64, decision: &str) -> crate::common::TestResponse {
    let listed: Vec<app::testimonials::Testimonial> = program
        .as_coordinator(ListTestimonials::PATH, &[])
        .await
        .json();
    let version = listed
        .iter()
        .find(|testimonial| testimonial.id == id)
        .map(|testimonial| testimonial.version.clone())
        .unwrap_or_default();
    program
        .as_coordinator(
            DecideTestimonial::PATH,
            &[
                ("id", &id.to_string()),
                ("decision", decision),
                ("version", &version),
            ],
        )
        .await
}

#[tokio::test]
async fn a_testimonial_is_published_once_approved_signed_as_chosen_until_withdrawn() {
    let program = Program::new().await;
    let amina = program.person(Role::Mentee, "amina", "fr").await;
    let marc = program.person(Role::Mentor, "marc", "fr").await;
    sqlx::query("UPDATE accounts SET display_name = 'Amina Diallo' WHERE email = ?")
        .bind(&amina.email)
        .execute(&program.app.pool)
        .await
        .expect("her name");
    program
        .propose(&amina, &marc)
        .await
        .assert_status(StatusCode::OK);
    let (pair, _) = program.pair_of(&amina).await;
    for person in [&amina, &marc] {
        program.answer(person, pair, "accepted", "").await;
    }

    // Not before the pair is completed.
    let early = write(&program, &amina, "first_name").await;
    assert!(early.body.contains("NotYet"), "{}", early.body);

    let preview: ClosingPreview = program
        .as_coordinator(GetClosingPreview::PATH, &[("code", "hiver-2025")])
        .await
        .json();
    program
        .as_coordinator(
            ConcludeCohort::PATH,
            &[("code", "hiver-2025"), ("seen", &preview.seen)],
        )
        .await
        .assert_status(StatusCode::OK);
    let mine: MyTestimonial = program
        .app
        .call(GetMyTestimonial::PATH, "", Some(&amina.cookie))
        .await
        .json();
    assert!(mine.may_write && mine.current.is_none());

    write(&program, &amina, "first_name")
        .await
        .assert_status(StatusCode::OK);
    assert!(published(&program).await.is_empty(), "not before approval");

    // Only the coordination decides.
    let by_mentor = program
        .app
        .call(
            DecideTestimonial::PATH,
            &form(&[("id", "1"), ("decision", "approve"), ("version", "")]),
            Some(&marc.cookie),
        )
        .await;
    by_mentor.assert_status(StatusCode::FORBIDDEN);
    let waiting: Vec<app::testimonials::Testimonial> = program
        .as_coordinator(ListTestimonials::PATH, &[])
        .await
        .json();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].status, TestimonialStatus::Submitted);
    assert_eq!(waiting[0].shown_name().as_deref(), Some("Amina"));
    let id = waiting[0].id;
    decide(&program, id, "approve")
        .await
        .assert_status(StatusCode::OK);

    // Published with her first name only: her surname is not in what the
    // home page receives, nor in the page itself.
    let public = program
        .app
        .call(GetPublishedTestimonials::PATH, "", None)
        .await;
    assert!(!public.body.contains("Diallo"), "{}", public.body);
    let shown: Vec<PublicTestimonial> = public.json();
    assert_eq!(shown.len(), 1);
    assert_eq!(
        (shown[0].author.as_deref(), shown[0].language.as_str()),
        (Some("Amina"), "fr")
    );
    let french = program.app.get("/").await;
    assert!(
        french
            .body
            .contains("<blockquote lang=\"fr\"><p>Marc m’a aidée"),
        "{}",
        french.body
    );
    assert!(!french.body.contains("Diallo"));
    // The English page shows it too, in French, marked as French.
    let english = program
        .app
        .get_with_cookie("/", "i18n_pref_locale=en")
        .await;
    assert!(english
        .body
        .contains("<blockquote lang=\"fr\"><p>Marc m’a aidée"));
    assert!(english.body.contains("(in French)"), "{}", english.body);

    // Withdrawn by its author: gone at once, and no longer decided on.
    program
        .app
        .call(WithdrawTestimonial::PATH, "", Some(&amina.cookie))
        .await
        .assert_status(StatusCode::OK);
    assert!(published(&program).await.is_empty());
    assert!(!program.app.get("/").await.body.contains("Marc m’a aidée"));
    decide(&program, id, "approve")
        .await
        .assert_status(StatusCode::CONFLICT);

    // Written again, anonymously: it waits for approval again, then shows
    // without any name. An approval of the text read before the change is
    // refused: nothing unread is published.
    let read_before = "2026-01-01T00:00:00Z";
    sqlx::query("UPDATE testimonials SET written_at = ?")
        .bind(read_before)
        .execute(&program.app.pool)
        .await
        .expect("an older writing");
    write(&program, &amina, "anonymous")
        .await
        .assert_status(StatusCode::OK);
    program
        .as_coordinator(
            DecideTestimonial::PATH,
            &[
                ("id", &id.to_string()),
                ("decision", "approve"),
                ("version", read_before),
            ],
        )
        .await
        .assert_status(StatusCode::CONFLICT);
    assert!(published(&program).await.is_empty());
    decide(&program, id, "approve")
        .await
        .assert_status(StatusCode::OK);
    let public = program
        .app
        .call(GetPublishedTestimonials::PATH, "", None)
        .await;
    assert!(!public.body.contains("Amina"), "{}", public.body);
    assert_eq!(public.json::<Vec<PublicTestimonial>>()[0].author, None);
    assert!(program
        .app
        .get("/")
        .await
        .body
        .contains("Une personne mentorée du programme"));
    // Declined later: off the home page.
    decide(&program, id, "decline")
        .await
        .assert_status(StatusCode::OK);
    assert!(published(&program).await.is_empty());
}
