//! A broadcast survives a restart: a graceful one repeats nothing, a `kill -9`
//! repeats at most the messages that were in flight, each flagged `resent`.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fake_telegram::{FailRule, Failure};

use crate::delivery::{broadcast, outbox, wait_until_drained};
use crate::support::{TestApp, spawn_app_with, spawn_app_without_areas};

/// Sends that land slowly, so a restart finds rows queued and in flight.
fn slow_sends(app: &TestApp, each: Duration) {
    app.fake.fail_next(FailRule::method("sendMessage", Failure::Slow(each)).times(10_000));
}

async fn wait_for_sends(app: &TestApp, at_least: u64) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while app.fake.stats().sends_ok < at_least {
        assert!(Instant::now() < deadline, "only {} sends", app.fake.stats().sends_ok);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn copies(app: &TestApp, chats: &[i64]) -> Vec<usize> {
    chats.iter().map(|c| app.fake.messages(*c).len()).collect()
}

#[tokio::test]
async fn a_restart_in_the_middle_of_a_broadcast_delivers_every_group_exactly_once() {
    let mut app = spawn_app_with(&[("KIMBOT_SEND_CONCURRENCY", "4")]).await;
    let groups: Vec<i64> = (0..40).map(|i| -8000 - i).collect();
    for id in &groups {
        app.fake.group(*id, "RT");
    }
    slow_sends(&app, Duration::from_millis(200));
    outbox(&app).enqueue(&broadcast(&groups, "Pengumuman")).await.unwrap();
    wait_for_sends(&app, 8).await;

    app.restart().await;

    assert!(app.fake.stats().sends_ok < 40, "the restart came mid-broadcast");
    app.fake.clear_failures();
    wait_until_drained(&app, Duration::from_secs(20)).await;
    assert_eq!(copies(&app, &groups), vec![1; 40]);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE resent = $1", 1).await, 0);
}

/// The real binary as a child process; killed with SIGKILL when dropped.
struct Kimbot(Child);

impl Kimbot {
    fn start(app: &TestApp, concurrency: usize) -> Kimbot {
        let child = Command::new(env!("CARGO_BIN_EXE_kimbot"))
            .arg("run")
            .env("TELOXIDE_TOKEN", fake_telegram::TOKEN)
            .env("TELOXIDE_API_URL", app.fake.api_url())
            .env("DATABASE_URL", &app.database_url)
            // No HTTP: the default port may be taken (by the other process, or anyone).
            .env("KIMBOT_HTTP_ADDR", "off")
            .env("KIMBOT_SEND_CONCURRENCY", concurrency.to_string())
            .env("KIMBOT_SEND_TIMEOUT_SECS", "2")
            .env("KIMBOT_SEND_LEASE_SECS", "3")
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("kimbot binary runs");
        Kimbot(child)
    }

    fn kill_9(&mut self) {
        self.0.kill().expect("SIGKILL");
        self.0.wait().expect("reaped");
    }
}

impl Drop for Kimbot {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn a_hard_kill_mid_broadcast_repeats_at_most_the_messages_in_flight_and_flags_them() {
    let app = spawn_app_without_areas().await;
    let groups: Vec<i64> = (0..50).map(|i| -9000 - i).collect();
    for id in &groups {
        app.fake.group(*id, "RT");
    }
    outbox(&app).enqueue(&broadcast(&groups, "Pengumuman")).await.unwrap();
    slow_sends(&app, Duration::from_millis(300));
    let concurrency = 4;
    let mut first = Kimbot::start(&app, concurrency);
    wait_for_sends(&app, 10).await;

    first.kill_9();
    let in_flight = app.count("SELECT COUNT(*) FROM outbox WHERE status = 'sending' AND id > $1", 0).await;
    let _second = Kimbot::start(&app, concurrency);

    wait_until_drained(&app, Duration::from_secs(30)).await;
    let copies = copies(&app, &groups);
    assert!(copies.iter().all(|n| (1..=2).contains(n)), "{copies:?}");
    let twice: Vec<i64> = groups.iter().zip(&copies).filter(|(_, n)| **n == 2).map(|(g, _)| *g).collect();
    assert!(twice.len() as i64 <= in_flight, "{} repeated, {in_flight} were in flight", twice.len());
    assert!((1..=concurrency as i64).contains(&in_flight), "killed with {in_flight} sends in flight");
    for chat in twice {
        assert_eq!(app.count("SELECT resent FROM outbox WHERE chat_id = $1", chat).await, 1, "group {chat}");
    }
}

#[tokio::test]
async fn two_processes_draining_one_outbox_never_send_the_same_row() {
    let app = spawn_app_with(&[("KIMBOT_SEND_CONCURRENCY", "4")]).await;
    let groups: Vec<i64> = (0..60).map(|i| -9500 - i).collect();
    for id in &groups {
        app.fake.group(*id, "RT");
    }
    slow_sends(&app, Duration::from_millis(150));
    let _other = Kimbot::start(&app, 4);
    let both_up = app.fake.wait_until(|st| st.calls_to("getMe").len() >= 2, Duration::from_secs(10)).await;
    assert!(both_up, "the second process connected");

    outbox(&app).enqueue(&broadcast(&groups, "Pengumuman")).await.unwrap();

    wait_until_drained(&app, Duration::from_secs(30)).await;
    assert_eq!(copies(&app, &groups), vec![1; 60]);
    let workers: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT claimed_by) FROM outbox").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(workers, 2, "both processes sent part of the broadcast");
}
