//! The routes outside the server functions (a meeting's `.ics`, the
//! calendar feed, the exports, the data download): who may have each file.
use axum::http::{header, StatusCode};

use super::{
    account_of, insert_feed, lapse, matrix_app, Caller, Fixture, CALLERS, LAPSED, PASSWORD,
};
use crate::common::TestApp;
use app::accounts::Role;
use app::reports::exports::{export_path, ExportKind};

/// Who may have a file served outside the server functions.
#[derive(Debug, Clone, Copy)]
pub(crate) enum FileRule {
    /// A meeting's `.ics`: its pair's two people (their session decides);
    /// anyone else signed in is refused (403); no session, sent to sign in.
    PairMember,
    /// A cohort's export: coordinators; anyone else signed in is refused
    /// (403); no session, sent to sign in and back to the cohort's page.
    Coordinator,
    /// The data download link of `Mentee`: hers alone. Anyone else signed in
    /// is told the link is spent, as for a spent one of theirs: on purpose,
    /// the answer does not say that the link exists and is someone else's
    /// (and their try leaves it working). No session, sent to sign in.
    LinkOwner,
    /// `OtherMentee`'s calendar feed: its token is the key, for whoever
    /// sends it (calendar apps send no cookie); a session adds nothing.
    TokenHolder,
    /// A feed token nobody has: 404 for everyone.
    Nobody,
}

/// What a caller must get from a file route.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum FileAnswer {
    /// 200 and the file.
    File,
    Refused(StatusCode),
    /// 303 to this address (a download has no page to answer 401 on).
    SentTo(String),
}

impl FileRule {
    pub(crate) fn answer_for(self, caller: Caller) -> FileAnswer {
        use FileAnswer::{File, Refused, SentTo};
        match (self, caller.role()) {
            (FileRule::TokenHolder, _) => File,
            (FileRule::Nobody, _) => Refused(StatusCode::NOT_FOUND),
            (FileRule::PairMember, None) => SentTo("/login".to_owned()),
            (FileRule::PairMember, Some(_))
                if matches!(caller, Caller::Mentee | Caller::Mentor) =>
            {
                File
            }
            (FileRule::Coordinator, None) => SentTo(app::reports::exports::sign_in_path("matrix")),
            (FileRule::Coordinator, Some(Role::Coordinator)) => File,
            (FileRule::PairMember | FileRule::Coordinator, Some(_)) => {
                Refused(StatusCode::FORBIDDEN)
            }
            (FileRule::LinkOwner, None) => SentTo("/login?next=%2Faccount%2Fprivacy".to_owned()),
            (FileRule::LinkOwner, Some(_)) if caller == Caller::Mentee => File,
            (FileRule::LinkOwner, Some(_)) => SentTo("/account/privacy?download=spent".to_owned()),
        }
    }
}

/// One route outside the server functions (all are GETs): its path and who
/// may have it.
pub(crate) struct FileRow {
    pub(crate) path: Box<dyn Fn(&Fixture) -> String>,
    pub(crate) rule: FileRule,
}

/// The `.ics` downloads, the calendar feed, the exports and the data download.
pub(crate) fn file_rows() -> Vec<FileRow> {
    let mut rows = vec![
        FileRow {
            path: Box::new(|fixture| format!("/meetings/{}.ics", fixture.meeting_id)),
            rule: FileRule::PairMember,
        },
        FileRow {
            path: Box::new(|fixture| format!("/account/data/{}", fixture.download_token)),
            rule: FileRule::LinkOwner,
        },
        FileRow {
            path: Box::new(|fixture| format!("/calendar/{}.ics", fixture.feed_token)),
            rule: FileRule::TokenHolder,
        },
        FileRow {
            path: Box::new(|_| "/calendar/not-a-feed-token.ics".to_owned()),
            rule: FileRule::Nobody,
        },
    ];
    for kind in ExportKind::ALL {
        rows.push(FileRow {
            path: Box::new(move |_| export_path("matrix", kind)),
            rule: FileRule::Coordinator,
        });
    }
    rows
}

/// A new data download link of `Mentee` with the fixture's token (a link
/// works once, and the mentee's own call spends it).
async fn renew_download_link(app: &TestApp, fixture: &Fixture) {
    let mentee = account_of(app, Caller::Mentee).await;
    let hash = app::accounts::tokens::hash_token(&fixture.download_token);
    // A spent link stays, as spent: it goes first.
    sqlx::query("DELETE FROM data_downloads WHERE token_hash = ?")
        .bind(&hash)
        .execute(&app.pool)
        .await
        .expect("the spent link is removed");
    app::my_data::repo::create_download(&app.pool, mentee, &hash, chrono::Utc::now())
        .await
        .expect("the link is stored");
}

/// Gets `path` as `caller` with `cookie`: what is wrong with the answer, if
/// anything (a refusal must also have changed nothing).
pub(crate) async fn check_file(
    app: &TestApp,
    path: &str,
    expected: FileAnswer,
    caller: Caller,
    cookie: Option<&str>,
) -> Option<String> {
    let before = app.fingerprint().await;
    let response = match cookie {
        Some(cookie) => app.get_with_cookie(path, cookie).await,
        None => app.get(path).await,
    };
    let location = response
        .headers
        .get(header::LOCATION)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let wrong = match &expected {
        FileAnswer::File => response.status != StatusCode::OK || response.bytes.is_empty(),
        FileAnswer::Refused(status) => response.status != *status,
        FileAnswer::SentTo(to) => response.status != StatusCode::SEE_OTHER || location != to,
    };
    if wrong {
        return Some(format!(
            "GET {path} as {caller:?}: expected {expected:?}, got {} (to {location:?}) {}",
            response.status,
            response.body.chars().take(200).collect::<String>()
        ));
    }
    if expected != FileAnswer::File && app.fingerprint().await != before {
        return Some(format!(
            "GET {path} as {caller:?}: refused but changed data"
        ));
    }
    None
}

#[tokio::test]
async fn every_caller_gets_the_files_the_policy_says_and_refusals_change_nothing() {
    let (app, fixture) = matrix_app().await;
    let mentee = account_of(&app, Caller::Mentee).await;
    let mentee_feed = format!("/calendar/{}.ics", insert_feed(&app, mentee).await);
    app.get(&mentee_feed).await.assert_status(StatusCode::OK);
    // One session each: no file route signs anyone out.
    let mut callers = Vec::new();
    for caller in CALLERS {
        let cookie = match caller.email() {
            Some(email) => Some(app.sign_in(email, PASSWORD).await),
            None => None,
        };
        callers.push((caller, cookie));
    }
    let mut failures = Vec::new();
    let mut checked = 0;
    // The signed-in callers first, then the same files with the cookies of
    // `lapse`, which must open no more than no cookie at all.
    for lapsed in [false, true] {
        if lapsed {
            callers = lapse(&app)
                .await
                .into_iter()
                .map(|(caller, cookie)| (caller, Some(cookie)))
                .collect();
        }
        for row in file_rows() {
            let path = (row.path)(&fixture);
            for (caller, cookie) in &callers {
                if matches!(row.rule, FileRule::LinkOwner) {
                    renew_download_link(&app, &fixture).await;
                }
                let expected = row.rule.answer_for(*caller);
                failures
                    .extend(check_file(&app, &path, expected, *caller, cookie.as_deref()).await);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, file_rows().len() * (CALLERS.len() + LAPSED.len()));
    // A disabled person's feed goes with her account.
    failures.extend(
        check_file(
            &app,
            &mentee_feed,
            FileAnswer::Refused(StatusCode::NOT_FOUND),
            Caller::Anonymous,
            None,
        )
        .await,
    );
    assert!(
        failures.is_empty(),
        "file route violations:\n{}",
        failures.join("\n")
    );
}
