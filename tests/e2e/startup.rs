use std::process::Command;

fn kimbot(env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kimbot"));
    cmd.arg("run").env_remove("TELOXIDE_TOKEN").env_remove("DATABASE_URL").env_remove("KIMBOT_TZ").env_remove("KIMBOT_ADMINS").env_remove("TELOXIDE_API_URL");
    cmd.envs(env.iter().copied());
    cmd.output().expect("kimbot runs")
}

#[test]
fn a_missing_or_malformed_setting_stops_start_up_with_one_clear_line() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[], "TELOXIDE_TOKEN is not set"),
        (&[("TELOXIDE_TOKEN", "nonsense")], "TELOXIDE_TOKEN looks wrong"),
        (&[("TELOXIDE_TOKEN", "1:A"), ("DATABASE_URL", "mysql://x")], "DATABASE_URL must start with"),
        (&[("TELOXIDE_TOKEN", "1:A"), ("KIMBOT_TZ", "Mars/Base")], "KIMBOT_TZ is not a known time zone"),
        (&[("TELOXIDE_TOKEN", "1:A"), ("KIMBOT_ADMINS", "x")], "KIMBOT_ADMINS must be"),
        (&[("TELOXIDE_TOKEN", "1:A"), ("KIMBOT_METRICS_TOKEN", "secret")], "KIMBOT_METRICS_TOKEN must be at least 16 characters"),
    ];
    for (env, expected) in cases {
        let out = kimbot(env);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{env:?}: {stderr}");
        assert!(stderr.contains(expected), "{env:?}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "one line, no backtrace: {stderr}");
        assert!(!stderr.contains("panicked"));
    }
}
