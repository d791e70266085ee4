//! `kimbot export aspirations` run as the office runs it: a bad `--from`/`--to`
//! gets one sentence saying what to type, exit code 2, and no files.

use crate::support::spawn_app;

#[tokio::test]
async fn a_bad_period_on_the_command_line_is_explained_in_a_sentence() {
    let app = spawn_app().await;
    let cases = [
        ("2026-11-30", "2026-11-01", "the period ends before it starts: --from 2026-11-30 is after --to 2026-11-01; swap them"),
        ("November", "2026-11-30", "cannot read the dates --from \"November\" --to \"2026-11-30\"; write each day as 2026-11-01 or 1/11/2026"),
        ("2020-01-01", "2026-11-30", "is longer than 1098 days; export it in parts"),
    ];
    for (from, to, want) in cases {
        let out = tempfile::tempdir().unwrap();
        let (url, dir) = (app.database_url.clone(), out.path().to_path_buf());
        let output = tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_kimbot"))
                .args(["export", "aspirations", "--from", from, "--to", to, "--out"])
                .arg(&dir)
                .env_clear()
                .env("DATABASE_URL", url)
                .output()
                .unwrap()
        })
        .await
        .unwrap();

        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.starts_with("kimbot: ") && stderr.contains(want) && !stderr.contains("Order"), "{from}..{to}: {stderr}");
        assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0, "nothing written");
    }
}
