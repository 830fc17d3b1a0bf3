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
