//! The scenario: a staff member composes a capital-aid programme for kuliner
//! micro businesses with quota 2 and announces it; three matching owners are invited
//! and apply, a fashion business is refused with the reason; staff accept two and
//! waitlist one; a withdrawal moves the waitlisted one up and tells them. Forged
//! presses and another kecamatan's staff are refused.

use std::time::Duration;

use sqlx::Row;

use super::{answer, owner, status_of, tap};
use crate::support::MessageExt;
use crate::trainings::{STALE, app_at_now, press_forged};

#[tokio::test]
async fn a_programme_is_announced_applied_for_selected_within_its_quota_and_the_waitlist_moves_up() {
    let (app, _clock) = app_at_now().await;
    let sari = app.member_of(8901, "Sari", "IB1-BL").await;
    app.grant_staff(8901, "Ilir Barat I").await;
    let ani = owner(&app, 8902, "Ani", "IB1-BL", "kuliner").await;
    let budi = owner(&app, 8903, "Budi", "IB1-LP", "kuliner").await;
    let cici = owner(&app, 8904, "Cici", "IB1-BL", "kuliner").await;
    let dedi = owner(&app, 8905, "Dedi", "IB1-BL", "fashion").await;

    // Compose with buttons, type only what has no closed choice.
    answer(&sari, "/programbaru", "penyelenggaranya").await;
    tap(&sari, "Kantor kami sendiri", "nama programnya").await;
    answer(&sari, "Bantuan Modal Kuliner", "Jenis programnya").await;
    tap(&sari, "Bantuan modal", "keterangan singkat").await;
    answer(&sari, "Modal Rp5 juta untuk usaha kuliner mikro.", "sektor").await;
    sari.press("Kuliner").await;
    assert!(sari.next_message().await.has_button("✅ Kuliner"));
    tap(&sari, "Selesai", "skala usaha").await;
    sari.press("Mikro").await;
    sari.next_message().await;
    tap(&sari, "Selesai", "NIB wajib").await;
    tap(&sari, "Tidak wajib", "perorangan atau kelompok").await;
    tap(&sari, "Perorangan", "kuota").await;
    answer(&sari, "dua", "angka").await;
    answer(&sari, "2", "Berapa lama").await;
    tap(&sari, "14 hari", "dipilih").await;
    tap(&sari, "Diseleksi petugas", "Pertanyaan untuk pendaftar").await;
    answer(&sari, "Berapa omzet per bulan?", "Pertanyaan 1 dari 5 tersimpan").await;
    tap(&sari, "Selesai", "tindak lanjut").await;
    let review = tap(&sari, "Tidak usah", "Periksa lagi").await;
    for expected in ["Bantuan Modal Kuliner", "Kuota: 2", "Sektor: Kuliner"] {
        assert!(review.text.contains(expected), "{expected:?}: {}", review.text);
    }
    tap(&sari, "Umumkan", "3 pemilik UMKM").await;
    let id = app.count("SELECT MAX(id) FROM programmes WHERE quota = $1", 2).await;

    // Three matching owners apply from the invitation.
    for (person, omzet) in [(&ani, "3 juta"), (&budi, "5 juta"), (&cici, "2 juta")] {
        let invite = person.next_message().await;
        assert!(invite.text.contains("Bantuan Modal Kuliner") && invite.has_button("Daftar"), "{}", invite.text);
        tap(person, "Daftar", "Berapa omzet").await;
        let review = answer(person, omzet, "Periksa pendaftaran").await;
        assert!(review.text.contains("Kelurahan: Bukit Lama") || review.text.contains("Kelurahan: Lorok Pakjo"), "{}", review.text);
        let done = tap(person, "Kirim pendaftaran", "PRG-2026-").await;
        assert!(done.text.contains("diajukan"), "{}", done.text);
    }
    // The fashion business was not invited; its link to the programme tells it why not.
    dedi.expect_no_message(Duration::from_millis(200)).await;
    dedi.send(&format!("/start prg_{id}")).await;
    dedi.next_message().await;
    let refused = tap(&dedi, "Daftar", "belum bisa mendaftar").await;
    assert!(refused.text.contains("Sektor usaha Anda tidak termasuk"), "{}", refused.text);

    // Another kecamatan's staff and a resident cannot select: it looks missing.
    let other = app.member_of(8906, "Oki", "KMN-AK").await;
    app.grant_staff(8906, "Kemuning").await;
    answer(&other, "/seleksi", "Belum ada program").await;
    let first = app.count("SELECT MIN(id) FROM programme_applications WHERE programme_id = $1", id).await;
    assert_eq!(press_forged(&other, &format!("pr:d:{first}:a")).await.text.as_deref(), Some(STALE));
    assert_eq!(press_forged(&dedi, &format!("pr:m:{id}")).await.text.as_deref(), Some(STALE));
    assert_eq!(press_forged(&dedi, &format!("pr:jy:{first}")).await.text.as_deref(), Some(STALE));
    assert_eq!(status_of(&app, 8902).await, "submitted");

    // Staff accept two; the quota refuses a third; the third is waitlisted.
    answer(&sari, "/seleksi", "Program yang Anda kelola").await;
    let list = tap(&sari, "Bantuan Modal Kuliner", "0 dari 2 diterima").await;
    assert!(list.text.contains("Usaha Ani") && list.text.contains("Usaha Cici"), "{}", list.text);
    tap(&sari, "✅ 000001", "diterima").await;
    tap(&sari, "✅ 000002", "diterima").await;
    tap(&sari, "✅ 000003", "sudah penuh").await;
    tap(&sari, "⏳ 000003", "daftar tunggu").await;
    assert!(ani.next_message().await.text.contains("Selamat"));
    assert!(budi.next_message().await.text.contains("Selamat"));
    assert!(cici.next_message().await.text.contains("daftar tunggu"));
    assert_eq!(app.count("SELECT accepted FROM programmes WHERE id = $1", id).await, 2);

    // Ani withdraws: Cici moves up and is told.
    let mine = answer(&ani, "/programsaya", "PRG-2026-000001").await;
    assert!(mine.text.contains("diterima"), "{}", mine.text);
    tap(&ani, "Tarik PRG-2026-000001", "Tarik pendaftaran").await;
    tap(&ani, "Ya, tarik", "sudah ditarik").await;
    assert!(cici.next_message().await.text.contains("Kabar baik"));
    assert_eq!(status_of(&app, 8902).await, "withdrawn");
    assert_eq!(status_of(&app, 8904).await, "accepted");
    assert_eq!(app.count("SELECT accepted FROM programmes WHERE id = $1", id).await, 2);

    // Every decision is in the audit log.
    let decided = sqlx::query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'programme.decide'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .try_get::<i64, _>("n")
        .unwrap();
    assert_eq!(decided, 3);
}
