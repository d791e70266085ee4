//! `kimbot sandbox` driven as a user would: the built binary with piped stdin,
//! its transcript read line by line. Every wait is bounded, so a broken sandbox
//! fails the test with the transcript instead of hanging it.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Budget for one whole sandbox session, start-up to exit.
const SESSION: Duration = Duration::from_secs(20);

/// A running `kimbot sandbox` with its stdout collected.
struct Sandbox {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    transcript: Vec<String>,
    deadline: Instant,
}

impl Sandbox {
    fn start(dir: &Path) -> Sandbox {
        let db = dir.join("s.db");
        let mut child = Command::new(env!("CARGO_BIN_EXE_kimbot"))
            .args(["sandbox", "--db"])
            .arg(&db)
            .current_dir(dir)
            // Never the default port: another sandbox or bot may hold it.
            .env("KIMBOT_HTTP_ADDR", "127.0.0.1:0")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("kimbot binary starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take();
        Sandbox { child, stdin, lines, transcript: Vec::new(), deadline: Instant::now() + SESSION }
    }

    fn type_line(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin still open");
        writeln!(stdin, "{line}").expect("sandbox reads stdin");
        stdin.flush().expect("stdin flush");
    }

    /// Reads until a line satisfies `want`; panics with the transcript at the deadline.
    fn wait_for(&mut self, what: &str, want: impl Fn(&str) -> bool) -> String {
        loop {
            let left = self.deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.transcript.push(line.clone());
                    if want(&line) {
                        return line;
                    }
                }
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}\n{}", self.text()),
                Err(RecvTimeoutError::Disconnected) => panic!("sandbox exited before {what}\n{}", self.text()),
            }
        }
    }

    /// Closes stdin if still open, waits for the exit, and collects the rest of stdout.
    fn finish(&mut self) -> ExitStatus {
        self.stdin.take();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            if Instant::now() > self.deadline {
                panic!("sandbox did not exit in time\n{}", self.text());
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(2)) {
            self.transcript.push(line);
        }
        status
    }

    fn text(&self) -> String {
        self.transcript.join("\n")
    }
}

impl Drop for Sandbox {
    /// A failed test must not leave a sandbox running.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The number shown for the button whose label contains `label` (and not `not`),
/// from a line like `[1] ✅ Setuju  [2] ❌ Tidak setuju`.
fn button_number(line: &str, label: &str, not: &str) -> String {
    line.split("  ")
        .filter_map(|b| b.trim().strip_prefix('['))
        .filter_map(|b| b.split_once("] "))
        .find(|(_, text)| text.contains(label) && !text.contains(not))
        .map(|(n, _)| n.to_string())
        .unwrap_or_else(|| panic!("no button {label:?} in {line:?}"))
}

#[test]
fn a_resident_joins_a_kim_by_typing_the_deep_link_and_the_number_of_the_agree_button() {
    let dir = tempfile::tempdir().unwrap();
    let mut sandbox = Sandbox::start(dir.path());

    sandbox.type_line("/start IB1-BL");
    let buttons = sandbox.wait_for("the privacy notice's buttons", |l| l.contains("Setuju") && l.contains("[1]"));
    sandbox.type_line(&button_number(&buttons, "Setuju", "Tidak"));
    sandbox.wait_for("the join confirmation", |l| l.contains("tergabung"));
    sandbox.type_line(":q");
    let status = sandbox.finish();

    assert_eq!(status.code(), Some(0), "{}", sandbox.text());
    let text = sandbox.text();
    for expected in [
        ":as warga|koordinator|admin",
        "Anda sebagai warga",
        "Ani > /start IB1-BL",
        "[Ani]",
        "Pemberitahuan privasi (versi",
        "  [1] ✅ Setuju  [2] ❌ Tidak setuju",
        "Ani presses [1]",
        "[Ani] (diubah): tombol dihapus",
        "Anda tergabung di KIM Bukit Lama",
        "· console: http://127.0.0.1:",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(dir.path().join("s.db").exists(), "the --db file is used");
}

#[test]
fn a_second_run_on_the_same_database_still_answers_and_end_of_input_quits() {
    let dir = tempfile::tempdir().unwrap();
    for run in 1..=2 {
        let mut sandbox = Sandbox::start(dir.path());
        sandbox.type_line(":as koordinator");
        sandbox.type_line("/bantuan");
        sandbox.wait_for("the coordinator's help", |l| l.contains("Untuk koordinator KIM"));
        let status = sandbox.finish();
        assert_eq!(status.code(), Some(0), "run {run}\n{}", sandbox.text());
        assert!(sandbox.text().contains("[Budi]"), "run {run}\n{}", sandbox.text());
    }
}

#[test]
fn the_coordinator_persona_gets_a_console_login_link_with_one_command_once_joined() {
    let dir = tempfile::tempdir().unwrap();
    let mut sandbox = Sandbox::start(dir.path());
    sandbox.type_line(":as koordinator");
    sandbox.type_line("/start IB1-BL");
    let buttons = sandbox.wait_for("the privacy notice's buttons", |l| l.contains("Setuju") && l.contains("[1]"));
    sandbox.type_line(&button_number(&buttons, "Setuju", "Tidak"));
    sandbox.wait_for("the join confirmation", |l| l.contains("tergabung"));
    sandbox.type_line(":dasbor");
    let link = sandbox.wait_for("the login link", |l| l.contains("/masuk/"));
    let status = sandbox.finish();
    assert_eq!(status.code(), Some(0), "{}", sandbox.text());
    // The console's own address (8080, or a free port when 8080 is taken), as printed at start.
    let base = sandbox.text().lines().find_map(|l| l.split("console: ").nth(1).and_then(|u| u.split("/dasbor").next()).map(str::to_string));
    let base = base.unwrap_or_else(|| panic!("no console address printed:\n{}", sandbox.text()));
    assert!(link.trim().starts_with(&format!("{base}/masuk/")), "{link} (console at {base})");
}
