//! `kimbot webhooks add|list|remove`, parsed as the binary parses them.

use clap::Parser;
use kimbot::tools::cli::{Cli, Command};
use kimbot::features::webhooks::WebhookError;

use super::SECRET;
use crate::support::{TestApp, spawn_app_without_areas};

async fn kimbot(app: &TestApp, args: &[&str]) -> Result<String, WebhookError> {
    let cli = Cli::try_parse_from(["kimbot", "webhooks"].iter().chain(args)).expect("the command line parses");
    let Command::Webhooks { action } = cli.command else { panic!("not a webhooks command") };
    let mut out = Vec::new();
    kimbot::features::webhooks::cli::run(&app.db, kimbot::app::registry::webhook_events(), action, 1_795_788_300, &mut out).await?;
    Ok(String::from_utf8(out).unwrap())
}

#[tokio::test]
async fn staff_add_list_and_remove_endpoints_on_the_command_line_and_never_see_a_secret_again() {
    let app = spawn_app_without_areas().await;
    let url = "https://lapor.palembang.go.id/kimbot";

    let events = "aspiration.status_changed,aspiration.created";
    let added = kimbot(&app, &["add", url, "--events", events, "--secret", SECRET]).await.unwrap();
    let generated = kimbot(&app, &["add", "http://10.0.0.5:8080/hook", "--events", "aspiration.replied"]).await.unwrap();
    let listed = kimbot(&app, &["list"]).await.unwrap();
    let removed = kimbot(&app, &["remove", "1"]).await.unwrap();
    let after = kimbot(&app, &["list"]).await.unwrap();
    let again = kimbot(&app, &["remove", "1"]).await.unwrap_err().to_string();

    assert!(added.starts_with("added endpoint 1: ") && !added.contains(SECRET), "{added}");
    let secret = generated.lines().nth(1).and_then(|l| l.rsplit(' ').next()).unwrap();
    assert_eq!(secret.len(), 64, "a generated secret is shown once: {generated}");
    assert!(listed.contains(url) && listed.contains("aspiration.created,aspiration.status_changed"), "{listed}");
    assert!(listed.contains("http://10.0.0.5:8080/hook") && listed.contains("queued 0\tfailed 0"), "{listed}");
    assert!(!listed.contains(SECRET) && !listed.contains(secret), "{listed}");
    assert!(removed.contains("removed endpoint 1"), "{removed}");
    assert!(!after.contains(url) && after.contains("10.0.0.5"), "{after}");
    assert!(again.contains("no webhook endpoint with id 1"), "{again}");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'webhook.%' AND id > $1", 0).await, 3);
}

#[tokio::test]
async fn bad_endpoints_are_refused_with_a_line_that_says_what_to_fix() {
    let app = spawn_app_without_areas().await;
    let cases: [(&[&str], &str); 5] = [
        (&["add", "ftp://lapor.go.id/x", "--events", "aspiration.created", "--secret", SECRET], "http:// or https://"),
        (&["add", "lapor.go.id/hook", "--events", "aspiration.created", "--secret", SECRET], "not a valid URL"),
        (&["add", "https://lapor.go.id/x", "--events", "aspiration.deleted", "--secret", SECRET], "unknown event"),
        (&["add", "https://lapor.go.id/x", "--events", ",", "--secret", SECRET], "no events given"),
        (&["add", "https://lapor.go.id/x", "--events", "aspiration.created", "--secret", "rahasia"], "at least 16"),
    ];
    for (args, says) in cases {
        let err = kimbot(&app, args).await.unwrap_err().to_string();
        assert!(err.contains(says) && !err.contains('\n'), "{args:?}: {err}");
    }
    let retry = kimbot(&app, &["retry", "99"]).await.unwrap_err().to_string();
    assert!(retry.contains("no webhook delivery with id 99"), "{retry}");
    assert!(kimbot(&app, &["list"]).await.unwrap().contains("no webhook endpoints"));
}

#[tokio::test]
async fn the_kimbot_binary_takes_the_secret_from_the_environment_and_exits_2_with_one_line_on_a_mistake() {
    let app = spawn_app_without_areas().await;
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kimbot"))
            .arg("webhooks")
            .args(args)
            .env("DATABASE_URL", &app.database_url)
            .env("KIMBOT_WEBHOOK_SECRET", SECRET)
            .env("RUST_LOG", "error")
            .output()
            .expect("kimbot runs")
    };

    let added = run(&["add", "https://lapor.palembang.go.id/kimbot", "--events", "aspiration.created"]);
    let listed = run(&["list"]);
    let missing = run(&["retry", "42"]);

    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    let (added, listed) = (String::from_utf8(added.stdout).unwrap(), String::from_utf8(listed.stdout).unwrap());
    assert!(added.contains("added endpoint 1") && !added.contains("secret"), "no secret generated: {added}");
    assert!(listed.contains("lapor.palembang.go.id") && !listed.contains(SECRET), "{listed}");
    let stored = sqlx::query("SELECT COUNT(*) FROM webhook_endpoints WHERE secret = $1").bind(SECRET);
    let stored: i64 = sqlx::Row::try_get(&stored.fetch_one(&app.db.pool).await.unwrap(), 0).unwrap();
    assert_eq!(stored, 1, "the secret from KIMBOT_WEBHOOK_SECRET is the one stored");
    assert_eq!(missing.status.code(), Some(2));
    let err = String::from_utf8(missing.stderr).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no webhook delivery with id 42"), "{err}");
}
