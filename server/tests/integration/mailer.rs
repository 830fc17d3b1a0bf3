//! The outbox is delivered by SMTP when a server is configured: checked against
//! a minimal SMTP server on a local port.

use crate::common::TestApp;
use app::outbox::repo::{enqueue, NewEmail};
use app::outbox::EmailKind;
use server::mailer::Mailer;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// Accepts one SMTP session and returns the DATA it received.
async fn fake_smtp_server(listener: TcpListener) -> String {
    let (socket, _) = listener.accept().await.expect("a connection");
    let (reader, mut writer) = socket.into_split();
    let mut lines = BufReader::new(reader).lines();
    writer
        .write_all(b"220 fake ESMTP\r\n")
        .await
        .expect("greet");
    let mut data = String::new();
    let mut in_data = false;
    while let Ok(Some(line)) = lines.next_line().await {
        if in_data {
            if line == "." {
                in_data = false;
                writer.write_all(b"250 queued\r\n").await.expect("queued");
            } else {
                data.push_str(&line);
                data.push('\n');
            }
            continue;
        }
        let command = line.to_ascii_uppercase();
        let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
            b"250 fake\r\n"
        } else if command.starts_with("DATA") {
            in_data = true;
            b"354 go ahead\r\n"
        } else if command.starts_with("QUIT") {
            writer.write_all(b"221 bye\r\n").await.expect("bye");
            break;
        } else {
            b"250 ok\r\n"
        };
        writer.write_all(reply).await.expect("reply");
    }
    data
}

#[tokio::test]
async fn waiting_messages_are_sent_by_smtp_and_marked_sent() {
    let app = TestApp::new().await;
    let mut connection = app.pool.acquire().await.expect("a connection");
    enqueue(
        &mut connection,
        &NewEmail {
            kind: EmailKind::Invitation,
            recipient: "marc@mentor.example",
            locale: "fr",
            subject: "Invitation",
            body: "Bonjour Marc",
            action_url: Some("http://x.example/invitation/abc"),
        },
    )
    .await
    .expect("queued");
    drop(connection);

    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let port = listener.local_addr().expect("address").port();
    let server = tokio::spawn(fake_smtp_server(listener));
    let mailer = Mailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "Mentorat <no-reply@example.org>",
    )
    .expect("valid settings");
    mailer
        .deliver_pending(&app.pool)
        .await
        .expect("the outbox is read");

    let (sent_at, attempts, error): (Option<String>, i64, Option<String>) =
        sqlx::query_as("SELECT sent_at, attempts, last_error FROM outbox")
            .fetch_one(&app.pool)
            .await
            .expect("the message");
    assert!(sent_at.is_some(), "not sent: {error:?}");
    assert_eq!(attempts, 1);
    drop(mailer);
    let data = tokio::time::timeout(std::time::Duration::from_secs(10), server)
        .await
        .expect("the SMTP session ends")
        .expect("the fake server ran");
    assert!(data.contains("To: marc@mentor.example"), "{data}");
    assert!(data.contains("Subject: Invitation"), "{data}");
    assert!(data.contains("Bonjour Marc"), "{data}");
    assert!(data.contains("http://x.example/invitation/abc"), "{data}");

    // Delivered once: a second pass sends nothing more.
    mailer_without_server_sends_nothing(&app).await;
}

async fn mailer_without_server_sends_nothing(app: &TestApp) {
    let mailer = Mailer::new("smtp://127.0.0.1:9", "Mentorat <no-reply@example.org>")
        .expect("valid settings");
    mailer
        .deliver_pending(&app.pool)
        .await
        .expect("the outbox is read");
    let attempts: i64 = sqlx::query_scalar("SELECT attempts FROM outbox")
        .fetch_one(&app.pool)
        .await
        .expect("the message");
    assert_eq!(attempts, 1, "a delivered message is not tried again");
}

/// An SMTP server that refuses every session (421) while `up` is false, then
/// accepts each message; the messages it accepted.
async fn flaky_smtp_server(
    listener: TcpListener,
    up: std::sync::Arc<std::sync::atomic::AtomicBool>,
    accepted: std::sync::Arc<std::sync::atomic::AtomicUsize>,
) {
    use std::sync::atomic::Ordering;
    loop {
        let Ok((socket, _)) = listener.accept().await else {
            return;
        };
        let (up, accepted) = (up.clone(), accepted.clone());
        tokio::spawn(async move {
            let (reader, mut writer) = socket.into_split();
            if !up.load(Ordering::Relaxed) {
                let _ = writer.write_all(b"421 try again later\r\n").await;
                return;
            }
            let mut lines = BufReader::new(reader).lines();
            let _ = writer.write_all(b"220 fake ESMTP\r\n").await;
            let mut in_data = false;
            while let Ok(Some(line)) = lines.next_line().await {
                let reply: &[u8] = if in_data {
                    if line != "." {
                        continue;
                    }
                    in_data = false;
                    accepted.fetch_add(1, Ordering::Relaxed);
                    b"250 queued\r\n"
                } else {
                    let command = line.to_ascii_uppercase();
                    if command.starts_with("DATA") {
                        in_data = true;
                        b"354 go ahead\r\n"
                    } else if command.starts_with("QUIT") {
                        let _ = writer.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 ok\r\n"
                    }
                };
                if writer.write_all(reply).await.is_err() {
                    break;
                }
            }
        });
    }
}

async fn queue_one(app: &TestApp) {
    let mut connection = app.pool.acquire().await.expect("a connection");
    enqueue(
        &mut connection,
        &NewEmail {
            kind: EmailKind::PairActivated,
            recipient: "lea@student.example",
            locale: "fr",
            subject: "Votre jumelage est actif",
            body: "Bonjour Léa",
            action_url: None,
        },
    )
    .await
    .expect("queued");
}

/// The outbox row: attempts, next attempt, given up, sent.
async fn state(app: &TestApp) -> (i64, Option<String>, Option<String>, Option<String>) {
    sqlx::query_as("SELECT attempts, next_attempt_at, failed_at, sent_at FROM outbox")
        .fetch_one(&app.pool)
        .await
        .expect("the message")
}

#[tokio::test]
async fn an_outage_costs_a_delay_on_a_kept_schedule_and_a_message_given_up_can_be_sent_again() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;

    let app = TestApp::new().await;
    queue_one(&app).await;
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let port = listener.local_addr().expect("address").port();
    let up = Arc::new(AtomicBool::new(false));
    let accepted = Arc::new(AtomicUsize::new(0));
    tokio::spawn(flaky_smtp_server(listener, up.clone(), accepted.clone()));
    let mailer = Mailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "Mentorat <no-reply@example.org>",
    )
    .expect("valid settings");
    let start = chrono::DateTime::parse_from_rfc3339("2026-12-02T10:00:00Z")
        .expect("a time")
        .to_utc();
    let at = |minutes: i64| start + chrono::Duration::minutes(minutes);

    // The server is down for half an hour: attempts at 0, 1, 3, 7, 15 min,
    // each waiting twice as long; nothing is tried before its time.
    let mut tried_at = Vec::new();
    for minute in 0..30 {
        let before = state(&app).await.0;
        mailer
            .deliver_due(&app.pool, at(minute))
            .await
            .expect("read");
        if state(&app).await.0 > before {
            tried_at.push(minute);
        }
    }
    assert_eq!(tried_at, [0, 1, 3, 7, 15]);
    let (attempts, next, failed, sent) = state(&app).await;
    assert_eq!(attempts, 5);
    assert_eq!(
        next.as_deref(),
        Some("2026-12-02T10:31:00Z"),
        "kept in the outbox"
    );
    assert_eq!((failed, sent), (None, None));

    // A restart keeps the schedule: a new mailer waits for the same minute.
    let restarted = Mailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "Mentorat <no-reply@example.org>",
    )
    .expect("valid settings");
    up.store(true, Ordering::Relaxed);
    restarted
        .deliver_due(&app.pool, at(30))
        .await
        .expect("read");
    assert_eq!(accepted.load(Ordering::Relaxed), 0, "not before its time");
    restarted
        .deliver_due(&app.pool, at(31))
        .await
        .expect("read");
    assert_eq!(accepted.load(Ordering::Relaxed), 1);
    let (attempts, _, failed, sent) = state(&app).await;
    assert_eq!(attempts, 6);
    assert!(sent.is_some() && failed.is_none());

    // A second message meets a server down for days: given up after its
    // last attempt, shown to the coordination, and sent again on request.
    sqlx::query("DELETE FROM outbox")
        .execute(&app.pool)
        .await
        .expect("emptied");
    queue_one(&app).await;
    up.store(false, Ordering::Relaxed);
    let mut minute = 0;
    for _ in 0..app::outbox::backoff::attempts_allowed() {
        restarted
            .deliver_due(&app.pool, at(minute))
            .await
            .expect("read");
        minute += 24 * 60;
    }
    let (attempts, next, failed, sent) = state(&app).await;
    assert_eq!(attempts, app::outbox::backoff::attempts_allowed());
    assert!(failed.is_some() && next.is_none() && sent.is_none());
    restarted
        .deliver_due(&app.pool, at(minute * 2))
        .await
        .expect("read");
    assert_eq!(state(&app).await.0, attempts, "a message given up waits");

    app.create_account(
        app::accounts::Role::Coordinator,
        "claire@program.example",
        "coordination-2026",
    )
    .await;
    let cookie = app
        .sign_in("claire@program.example", "coordination-2026")
        .await;
    let dashboard = app
        .call(
            <app::reports::api::GetProgramDashboard as leptos::server_fn::ServerFn>::PATH,
            "",
            Some(&cookie),
        )
        .await;
    let dashboard: app::reports::ProgramDashboard = dashboard.json();
    assert_eq!(
        dashboard.undelivered_emails, 1,
        "first on the coordinator's page"
    );
    let page = app.get_with_cookie("/coordinator", &cookie).await;
    assert!(
        page.body
            .contains("Courriels non remis après tous leurs essais : 1."),
        "{}",
        page.body
    );
    let resent = app
        .call(
            <app::journals::outbox_api::ResendFailedEmails as leptos::server_fn::ServerFn>::PATH,
            "",
            Some(&cookie),
        )
        .await;
    assert_eq!(resent.body, "1");
    up.store(true, Ordering::Relaxed);
    restarted
        .deliver_due(&app.pool, at(minute * 2))
        .await
        .expect("read");
    let (_, _, failed, sent) = state(&app).await;
    assert!(sent.is_some() && failed.is_none());
    assert_eq!(accepted.load(Ordering::Relaxed), 2);
}
