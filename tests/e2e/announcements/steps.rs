//! Steps shared by the announcement tests: a coordinator with linked groups, the
//! compose flow up to "when?", reading until a text or button shows, the report.

use std::sync::Arc;
use std::time::Duration;

use chrono::TimeZone;
use fake_telegram::{BotMessage, Group, Person};
use kimbot::platform::db::ManualClock;

use crate::support::{MessageExt, TestApp};

/// Unix time of a wall-clock time in Jakarta (WIB).
pub fn wib(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
    chrono_tz::Asia::Jakarta.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap().timestamp()
}

/// Sunday 20 December 2026, 10:00 WIB: where the manual clock starts.
pub fn sunday_morning() -> Arc<ManualClock> {
    ManualClock::new(wib(2026, 12, 20, 10, 0))
}

/// Reads the person's chat until a message (new or edited) contains `needle`.
pub async fn wait_text(p: &Person, needle: &str) -> BotMessage {
    loop {
        let m = p.next_message().await;
        if m.text.contains(needle) {
            return m;
        }
    }
}

/// A coordinator of `kim` who added the bot to the given groups and linked them.
pub async fn coordinator_with_groups(app: &TestApp, id: i64, kim: &str, groups: &[(i64, &str)]) -> (Person, Vec<Group>) {
    let koor = app.member_of(id, "Koordinator", kim).await;
    app.grant_coordinator(id, kim).await;
    let mut linked = Vec::new();
    for (chat, title) in groups {
        let group = app.fake.group(*chat, title);
        group.add_bot(&koor).await;
        group.next_message().await;
        group.set_member_status(&koor, "administrator");
        koor.in_group(&group).send(&format!("/hubungkan {kim}")).await;
        assert!(group.next_message().await.text.contains("terhubung"));
        linked.push(group);
    }
    (koor, linked)
}

/// `/umumkan`, the given text, then "all groups of my KIM": ends at the "when?" choices.
pub async fn compose_to_my_kim(koor: &Person, text: &str) -> BotMessage {
    koor.send("/umumkan").await;
    wait_text(koor, "Tulis pengumuman").await;
    koor.send(text).await;
    wait_text(koor, "Tersimpan").await;
    koor.press("Lanjut").await;
    wait_text(koor, "Kirim ke mana?").await;
    koor.press("Semua grup KIM").await;
    wait_text(koor, "Kapan dikirim?").await
}

/// From "Kapan dikirim?": schedules the composed announcement for `when` (typed as
/// `2026-12-26 08:00`) and waits until it is saved as announcement #1.
pub async fn schedule_first_on(koor: &Person, when: &str) {
    koor.press("Pada tanggal").await;
    koor.send(when).await;
    wait_text(koor, "Simpan jadwal ini?").await;
    koor.press("Simpan jadwal").await;
    wait_text(koor, "pengumuman #1").await;
}

/// Presses "Perbarui" on the report until it shows `needle` (bounded). The report
/// is edited before the press is answered, so after the answer it is current.
pub async fn refresh_until(koor: &Person, needle: &str) -> BotMessage {
    for _ in 0..50 {
        let cb = koor.press("Perbarui").await;
        answer_to(koor, &cb).await;
        koor.skip_unread();
        let report = koor.messages().into_iter().rev().find(|m| m.text.contains("Laporan") && !m.deleted);
        if let Some(report) = report.filter(|r| r.text.contains(needle)) {
            return report;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("report never showed {needle:?}");
}

/// Reads the person's chat until a message has a button labelled with `label`.
pub async fn wait_button(p: &Person, label: &str) -> BotMessage {
    loop {
        let m = p.next_message().await;
        if m.has_button(label) {
            return m;
        }
    }
}

/// The bot's answer to one button press (bounded wait).
pub async fn answer_to(p: &Person, callback_id: &str) -> Option<String> {
    for _ in 0..100 {
        if let Some(a) = p.callback_answers().into_iter().find(|a| a.callback_query_id == callback_id) {
            return a.text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("callback {callback_id} never answered");
}
