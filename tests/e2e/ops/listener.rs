//! The HTTP listener against clients that misbehave, over raw TCP: one that never
//! finishes its headers, one that idles, one that never sends the body it
//! announced, more clients than the connection cap, and a handler that panics.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::{TestApp, spawn_app_with};

/// Generous bound for "disconnected within the timeout" on a loaded machine.
const SLACK: Duration = Duration::from_secs(5);

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.console_url.trim_start_matches("http://")).await.expect("the listener accepts")
}

/// Reads until the server closes the connection; `None` if it is still open after `limit`.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<Vec<u8>> {
    let mut seen = Vec::new();
    let read = tokio::time::timeout(limit, async {
        let mut chunk = [0u8; 1024];
        // A reset counts as closed as well as an orderly end.
        while let Ok(n @ 1..) = stream.read(&mut chunk).await {
            seen.extend_from_slice(&chunk[..n]);
        }
    });
    read.await.ok().map(|()| seen)
}

/// Reads until `wanted` has arrived; `None` if it has not after `limit`.
async fn received_within(stream: &mut TcpStream, wanted: &str, limit: Duration) -> Option<String> {
    let mut seen = Vec::new();
    let read = tokio::time::timeout(limit, async {
        let mut chunk = [0u8; 1024];
        while !String::from_utf8_lossy(&seen).contains(wanted) {
            match stream.read(&mut chunk).await {
                Ok(n @ 1..) => seen.extend_from_slice(&chunk[..n]),
                _ => return,
            }
        }
    });
    read.await.ok().map(|()| String::from_utf8_lossy(&seen).into_owned()).filter(|s| s.contains(wanted))
}

const HEALTHZ: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: kimbot\r\n\r\n";

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_or_idles_is_disconnected_within_the_timeout() {
    let app = spawn_app_with(&[("KIMBOT_HTTP_HEADER_TIMEOUT_SECS", "1")]).await;
    let started = Instant::now();
    let mut half = connect(&app).await;
    half.write_all(b"GET /healthz HTTP/1.1\r\nHost: kimbot\r\nX-Slow: ").await.unwrap();
    let mut silent = connect(&app).await;
    let mut idle = connect(&app).await;
    idle.write_all(HEALTHZ).await.unwrap();
    let first = received_within(&mut idle, "\"ok\"}", SLACK).await.expect("a whole request is answered");
    assert!(first.starts_with("HTTP/1.1 200"), "{first}");

    assert!(closed_within(&mut half, SLACK).await.is_some(), "half a header: closed after the header timeout");
    assert!(closed_within(&mut silent, SLACK).await.is_some(), "nothing sent: closed after the header timeout");
    assert!(closed_within(&mut idle, SLACK).await.is_some(), "idle after an answer: closed too");
    assert!(started.elapsed() >= Duration::from_millis(900), "closed by the timeout, not at once: {:?}", started.elapsed());
}

#[tokio::test]
async fn a_request_body_that_never_arrives_is_cut_off_after_the_body_timeout() {
    let app = spawn_app_with(&[("KIMBOT_HTTP_BODY_TIMEOUT_SECS", "1")]).await;
    let mut slow = connect(&app).await;
    let head = "POST /masuk HTTP/1.1\r\nHost: kimbot\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n";
    slow.write_all(format!("{head}token=abc").as_bytes()).await.unwrap();

    let answer = received_within(&mut slow, "\r\n\r\n", SLACK).await.expect("answered once the body timeout passed");
    assert!(answer.starts_with("HTTP/1.1 4"), "a client error, the handler not left waiting: {answer}");
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_until_one_ends() {
    let app = spawn_app_with(&[("KIMBOT_HTTP_MAX_CONNECTIONS", "2"), ("KIMBOT_HTTP_HEADER_TIMEOUT_SECS", "30")]).await;
    let first = connect(&app).await;
    let _second = connect(&app).await;
    tokio::time::sleep(Duration::from_millis(200)).await;

    let mut third = connect(&app).await;
    third.write_all(HEALTHZ).await.unwrap();
    assert!(received_within(&mut third, "\r\n\r\n", Duration::from_millis(800)).await.is_none(), "a third connection is not served while two are open");

    drop(first);
    let answer = received_within(&mut third, "\"ok\"}", SLACK).await.expect("served once a slot is free");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

/// Panic probes exist in debug builds only (`kimbot::platform::probe`).
#[cfg(debug_assertions)]
#[tokio::test]
async fn a_handler_that_panics_answers_with_the_error_page_and_the_listener_goes_on() {
    let app = spawn_app_with(&[]).await;
    let probe = format!("panic_probe_web_{}", std::process::id());
    kimbot::platform::probe::arm(&probe);

    let failed = reqwest::get(format!("{}/{probe}", app.console_url)).await.expect("an answer, not a dropped connection");
    assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(failed.text().await.unwrap().contains("Terjadi kesalahan"), "the console's error page");

    let after = reqwest::get(format!("{}/healthz", app.console_url)).await.unwrap();
    assert_eq!(after.status(), StatusCode::OK);
}
