//! A group application: the lead applies and gets a join code; members join with it,
//! each confirming their own consent; it is complete when the fifth member joins.

use super::{answer, owner, programme, status_of, tap};
use crate::support::PersonExt;
use crate::trainings::{NOW, app_at_now};
use kimbot::features::programmes::model::Selection;
use kimbot::kernel::members::UserId;

#[tokio::test]
async fn a_group_application_completes_when_the_fifth_member_joins() {
    let (app, _clock) = app_at_now().await;
    let id = kimbot::features::programmes::store::insert(&app.db, &programme(3, 5, Selection::Review, NOW), UserId(1), NOW).await.unwrap();
    let lead = owner(&app, 8911, "Lina", "IB1-BL", "kuliner").await;
    lead.send(&format!("/start prg_{id}")).await;
    let card = lead.next_message().await;
    assert!(card.text.contains("kelompok, minimal 5 anggota"), "{}", card.text);
    tap(&lead, "Daftar", "pendaftaran kelompok").await;
    let made = tap(&lead, "Kirim pendaftaran", "Kode gabung").await;
    let code = made.text.lines().find_map(|l| l.strip_prefix("Kode gabung: ")).expect("a code").trim().to_string();
    assert_eq!(status_of(&app, 8911).await, "forming");

    for (n, member) in (8912..=8915).enumerate() {
        let person = app.member_of(member, &format!("Anggota {member}"), "IB1-BL").await;
        if n == 0 {
            // Without a code first: the code is asked for, a wrong one is refused.
            answer(&person, "/gabungprogram", "kode gabung").await;
            answer(&person, "ZZZZZZ", "tidak ditemukan").await;
        }
        answer(&person, &format!("/gabungprogram {}", code.to_lowercase()), "Gabung ke kelompok").await;
        let expect = if n == 3 { "sudah lengkap" } else { "Anda bergabung" };
        tap(&person, "Setuju & gabung", expect).await;
        let told = lead.next_message_skipping_edits().await;
        assert!(told.text.contains(&format!("{} anggota", n + 2)), "{}", told.text);
    }
    assert_eq!(status_of(&app, 8911).await, "submitted");
    assert_eq!(app.count("SELECT members FROM programme_applications WHERE programme_id = $1", id.get()).await, 5);

    // A sixth person finds the group complete.
    let late = app.member_of(8916, "Telat", "IB1-BL").await;
    answer(&late, &format!("/gabungprogram {code}"), "sudah lengkap").await;
}
