//! The operator's command line: `kimbot doctor` on good and broken setups, and
//! `kimbot backup` while the bot runs, restored into a fresh file the bot starts on.

use std::collections::HashMap;

use kimbot::tools::doctor::{self, Line};

use crate::support::{ADMIN_ID, PersonExt, TestApp, spawn_app, spawn_app_without_areas};

/// The settings `kimbot run` would get for this test app.
fn env_of(app: &TestApp, extra: &[(&str, &str)]) -> HashMap<String, String> {
    let mut env: HashMap<String, String> = [
        ("TELOXIDE_TOKEN", fake_telegram::TOKEN.to_string()),
        ("TELOXIDE_API_URL", app.fake.api_url()),
        ("DATABASE_URL", app.database_url.clone()),
        ("KIMBOT_ADMINS", ADMIN_ID.to_string()),
        ("KIMBOT_OUTBOUND_ALLOW_PRIVATE", "1".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    for (k, v) in extra {
        env.insert(k.to_string(), v.to_string());
    }
    env
}

async fn doctor(env: &HashMap<String, String>) -> (Vec<Line>, String) {
    let mut out = Vec::new();
    let lines = doctor::run(env, &mut out).await;
    (lines, String::from_utf8(out).unwrap())
}

fn failed(lines: &[Line]) -> Vec<&'static str> {
    lines.iter().filter(|l| !l.ok).map(|l| l.check).collect()
}

/// A loopback address nothing listens on.
async fn closed_port() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}")
}

#[tokio::test]
async fn doctor_passes_every_check_on_a_working_setup() {
    let app = spawn_app().await;

    let (lines, out) = doctor(&env_of(&app, &[])).await;

    assert_eq!(failed(&lines), Vec::<&str>::new(), "{out}");
    for expected in [
        "✓ configuration",
        "✓ telegram: token works: @kimbot_test_bot",
        "✓ telegram webhook: none set (long polling), 0 update(s) pending",
        "✓ time zone: Asia/Jakarta",
        "✓ admins: 1 in KIMBOT_ADMINS",
        "✓ database: ",
        "✓ migrations: current",
        "✓ areas: ",
        "✓ outbound: no feeds or webhooks configured",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
}

#[tokio::test]
async fn doctor_names_each_broken_part_and_what_to_do() {
    let app = spawn_app_without_areas().await;
    let dead = closed_port().await;
    let hook = format!("{dead}/hook");
    kimbot::features::webhooks::store::add_endpoint(&app.db, &hook, kimbot::app::registry::webhook_events(), "hook_secret", 0)
        .await
        .unwrap();
    let env = env_of(&app, &[("TELOXIDE_API_URL", &format!("{dead}/")), ("KIMBOT_ADMINS", "")]);

    let (lines, out) = doctor(&env).await;

    assert_eq!(failed(&lines), ["telegram", "admins", "areas", "outbound"], "{out}");
    assert!(out.contains("✗ telegram: getMe at"), "{out}");
    assert!(out.contains("check TELOXIDE_TOKEN"), "{out}");
    assert!(out.contains("✗ admins: KIMBOT_ADMINS is empty"), "{out}");
    assert!(out.contains("✗ areas: no KIMs loaded; run `kimbot areas import FILE`"), "{out}");
    assert!(out.contains(&format!("✗ outbound: webhook 1 {hook}: not reachable")), "{out}");
    assert!(out.contains("✓ database") && out.contains("✓ migrations: current"), "{out}");
}

#[tokio::test]
async fn doctor_stops_at_a_malformed_setting_naming_it() {
    let app = spawn_app_without_areas().await;

    let (lines, out) = doctor(&env_of(&app, &[("KIMBOT_TZ", "Mars/Olympus")])).await;

    assert_eq!(lines.len(), 1, "{out}");
    assert!(out.starts_with("✗ configuration: KIMBOT_TZ is not a known time zone"), "{out}");
}

#[tokio::test]
async fn doctor_reports_a_missing_database_and_telegrams_webhook_error() {
    let app = spawn_app_without_areas().await;
    app.fake.set_webhook_error("Connection refused");
    let env = env_of(&app, &[("DATABASE_URL", "sqlite:///nonexistent-dir/kimbot.db?mode=rwc")]);

    let (lines, out) = doctor(&env).await;

    assert_eq!(failed(&lines), ["telegram webhook", "database"], "{out}");
    assert!(out.contains("Telegram's last error") && out.contains("Connection refused"), "{out}");
    assert!(out.contains("✗ database: cannot open it"), "{out}");
    assert!(!std::path::Path::new("/nonexistent-dir").exists(), "doctor creates nothing");
}

#[tokio::test]
async fn the_doctor_command_exits_1_when_a_check_fails() {
    let app = spawn_app_without_areas().await;
    let env = env_of(&app, &[]);
    // On a blocking thread: the fake Telegram answering it runs on this test's runtime.
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_kimbot")).arg("doctor").env_clear().envs(env).output().unwrap()
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("✗ areas"), "{stdout}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("kimbot: 1 check(s) failed"), "{stderr}\n{stdout}");
}

#[tokio::test]
async fn a_backup_taken_while_the_bot_runs_restores_into_a_bot_that_sees_the_data() {
    let mut app = spawn_app().await;
    if app.database_url.starts_with("postgres") {
        let mut out = Vec::new();
        let config = crate::support::config_for(&app.fake, &app.database_url);
        kimbot::tools::backup::run(&config, std::path::Path::new("/tmp/kimbot.dump"), &mut out).await.unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("pg_dump --format=custom --no-owner --file='/tmp/kimbot.dump' \"$DATABASE_URL\""), "{text}");
        assert!(text.contains("pg_restore"), "{text}");
        return;
    }
    let rina = app.member_of(7301, "Rina", "IB1-BL").await;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("backup.db");

    let config = crate::support::config_for(&app.fake, &app.database_url);
    let mut out = Vec::new();
    kimbot::tools::backup::run(&config, &copy, &mut out).await.expect("backup while running");
    assert!(String::from_utf8(out).unwrap().starts_with("backed up to"));
    let again = kimbot::tools::backup::run(&config, &copy, &mut Vec::new()).await;
    assert!(again.is_err(), "an existing file is never overwritten");

    // Restore: stop the bot, put the copy where DATABASE_URL points, start it.
    app.stop().await;
    let restored = dir.path().join("restored.db");
    std::fs::copy(&copy, &restored).unwrap();
    app.database_url = format!("sqlite://{}?mode=rwc", restored.display());
    app.db = kimbot::platform::db::Db::connect(&app.database_url, kimbot::platform::config::Backend::Sqlite).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE id = $1", 7301).await, 1);
    app.start().await;

    rina.send("/datasaya").await;
    let shown = rina.next_message_skipping_edits().await;
    assert!(shown.text.contains("Rina") && !shown.text.contains("Tidak ada data"), "{}", shown.text);
}
