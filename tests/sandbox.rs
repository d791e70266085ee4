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
    /// Everything written to stderr.
    errors: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Sandbox {
    fn start(dir: &Path) -> Sandbox {
        Sandbox::start_with(dir, &[], &[])
    }

    /// A sandbox with extra environment variables set and others removed.
    fn start_with(dir: &Path, set: &[(&str, &str)], remove: &[&str]) -> Sandbox {
        let db = dir.join("s.db");
        let mut command = Command::new(env!("CARGO_BIN_EXE_kimbot"));
        command
            .args(["sandbox", "--db"])
            .arg(&db)
            .current_dir(dir)
            // Never the default port: another sandbox or bot may hold it.
            .env("KIMBOT_HTTP_ADDR", "127.0.0.1:0")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in set {
            command.env(k, v);
        }
        for k in remove {
            command.env_remove(k);
        }
        let mut child = command.spawn().expect("kimbot binary starts");
        let stderr = child.stderr.take().expect("piped stderr");
        let errors = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let collected = errors.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                collected.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
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
        Sandbox { child, stdin, lines, transcript: Vec::new(), deadline: Instant::now() + SESSION, errors }
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

    fn stderr(&self) -> String {
        self.errors.lock().unwrap().clone()
    }

    /// `/start IB1-BL` and the number of "Setuju" as the current persona.
    fn join(&mut self) {
        self.type_line("/start IB1-BL");
        let buttons = self.wait_for("the privacy notice's buttons", |l| l.contains("Setuju") && l.contains("[1]"));
        self.type_line(&button_number(&buttons, "Setuju", "Tidak"));
        self.wait_for("the join confirmation", |l| l.contains("tergabung"));
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
        ":as warga|koordinator|staf|admin",
        "'N  or  :ketik N",
        "staf Dewi (1004)",
        "· log: ",
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

#[test]
fn log_lines_go_to_the_log_file_named_in_the_banner_and_not_into_the_chat() {
    let dir = tempfile::tempdir().unwrap();
    let mut sandbox = Sandbox::start_with(dir.path(), &[("RUST_LOG", "info")], &[]);
    sandbox.join();
    let status = sandbox.finish();

    assert_eq!(status.code(), Some(0), "{}", sandbox.text());
    let log = std::fs::read_to_string(dir.path().join("s.log")).expect("the log file exists");
    assert!(log.contains("INFO"), "info lines are logged to the file:\n{log}");
    assert!(sandbox.text().contains(&format!("· log: {}", dir.path().join("s.log").display())), "{}", sandbox.text());
    for screen in [sandbox.text(), sandbox.stderr()] {
        assert!(!screen.contains(" INFO ") && !screen.contains(" WARN "), "a log line on the screen:\n{screen}");
    }
}

#[test]
fn a_quoted_number_is_sent_as_text_where_a_bare_number_presses_a_button() {
    let dir = tempfile::tempdir().unwrap();
    let mut sandbox = Sandbox::start(dir.path());
    sandbox.type_line("/start");
    let buttons = sandbox.wait_for("the privacy notice's buttons", |l| l.contains("Setuju") && l.contains("[1]"));
    sandbox.type_line(&button_number(&buttons, "Setuju", "Tidak"));
    sandbox.wait_for("the KIM question with area buttons", |l| l.contains("ketik kode KIM"));
    sandbox.type_line("123");
    let pressed = sandbox.wait_for("the note on the bare number", |l| l.contains("no button [123]"));
    sandbox.type_line("'123");
    let typed = sandbox.wait_for("the bot's answer to the typed code", |l| l.contains("tidak ditemukan"));
    sandbox.type_line(":ketik 456");
    let typed_too = sandbox.wait_for("the bot's answer to :ketik", |l| l.contains("tidak ditemukan") && l.contains("456"));
    let status = sandbox.finish();

    assert_eq!(status.code(), Some(0), "{}", sandbox.text());
    assert!(pressed.contains("choose 1.."), "{pressed}");
    assert!(typed.contains("Kode KIM \"123\""), "the number reached the bot as text, without the quote: {typed}");
    assert!(typed_too.contains("Kode KIM \"456\""), "{typed_too}");
}

#[test]
fn file_shows_the_datasaya_json_and_saves_it_to_the_files_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut sandbox = Sandbox::start(dir.path());
    sandbox.type_line(":file");
    sandbox.wait_for("the no-file note", |l| l.contains("no file sent to you yet"));
    sandbox.join();
    sandbox.type_line("/datasaya");
    sandbox.wait_for("the JSON document", |l| l.contains("(dokumen datasaya.json)"));
    sandbox.type_line(":file");
    let saved = sandbox.wait_for("the saved path", |l| l.contains("saved to"));
    sandbox.wait_for("the JSON shown", |l| l.starts_with("  | "));
    let status = sandbox.finish();

    assert_eq!(status.code(), Some(0), "{}", sandbox.text());
    let path = dir.path().join("s-files").join("datasaya.json");
    assert!(saved.contains(&path.display().to_string()), "{saved}");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).expect("valid JSON");
    assert!(json.to_string().contains("Ani"), "{json}");
}

/// A one-item RSS feed on 127.0.0.1 (a thread answering every request the same).
fn local_feed() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/feed.xml", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Bazar UMKM</title><guid>b1</guid></item></channel></rss>";
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = [0u8; 4096];
            let _ = std::io::Read::read(&mut stream, &mut request);
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let _ = stream.write_all(format!("{head}{body}").as_bytes());
        }
    });
    url
}

/// As the staff persona: join, `/sumber`, send `url`; returns the line that says
/// whether it could be read.
fn staff_sends_feed(sandbox: &mut Sandbox, url: &str) -> String {
    sandbox.type_line(":as staf");
    sandbox.join();
    sandbox.type_line("/sumber");
    sandbox.wait_for("the URL prompt", |l| l.contains("kirim alamat RSS"));
    sandbox.type_line(url);
    sandbox.wait_for("the check", |l| l.contains("bisa dibaca"))
}

#[test]
fn the_staff_persona_checks_a_feed_on_this_machine_when_kimbot_outbound_allow_private_is_set() {
    let url = local_feed();
    let (allowed_dir, refused_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());

    let mut allowed = Sandbox::start_with(allowed_dir.path(), &[("KIMBOT_OUTBOUND_ALLOW_PRIVATE", "1")], &[]);
    let readable = staff_sends_feed(&mut allowed, &url);
    allowed.finish();
    let mut refused = Sandbox::start_with(refused_dir.path(), &[], &["KIMBOT_OUTBOUND_ALLOW_PRIVATE"]);
    let blocked = staff_sends_feed(&mut refused, &url);
    refused.finish();

    assert!(readable.contains("bisa dibaca: 1 berita") && readable.contains("Bazar UMKM"), "{}", allowed.text());
    assert!(refused.text().contains("jaringan internal"), "{}", refused.text());
    assert!(blocked.contains("belum bisa dibaca"), "{blocked}");
    assert!(allowed.text().contains("Dewi presses") || allowed.text().contains("[Dewi]"), "{}", allowed.text());
}
