//! Publishing a training offers to invite the registered UMKM that match it and
//! agreed to programme news; each is invited once and registers from the invitation.

use std::time::Duration;

use fake_telegram::{BotMessage, Person};

use super::{STALE, app_at_now, coordinator, press_forged, status};
use crate::support::{MessageExt, PersonExt, TestApp};

/// A member of `kim` with a saved UMKM registration and the 'umkm' consent; `news`
/// says whether the programme-news consent stands too.
async fn owner(app: &TestApp, id: i64, kim: &str, sector: &str, needs: &str, news: bool) -> Person {
    let person = app.member_of(id, &format!("Pemilik {id}"), kim).await;
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    sqlx::query(
        "INSERT INTO umkm_registrations (user_id, owner_name, business_name, sector, scale, kelurahan_id, kim_id, \
         phone, needs, created_at, updated_at) VALUES ($1, 'Pemilik', 'Usaha', $2, 'mikro', $3, $4, '+6281234567890', $5, 1, 1)",
    )
    .bind(id)
    .bind(sector)
    .bind(kim.kelurahan_id)
    .bind(kim.id)
    .bind(needs)
    .execute(&app.db.pool)
    .await
    .unwrap();
    let purposes: &[&str] = if news { &["umkm", "news"] } else { &["umkm"] };
    for purpose in purposes {
        sqlx::query("INSERT INTO consents (user_id, purpose, notice_version, granted_at) VALUES ($1, $2, '2026-11', 1)")
            .bind(id)
            .bind(*purpose)
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
    person
}

async fn answer(p: &Person, text: &str, expect: &str) {
    p.send(text).await;
    let got = p.next_message_skipping_edits().await;
    assert!(got.text.contains(expect), "after {text:?}: {}", got.text);
}

async fn tap(p: &Person, label: &str, expect: &str) {
    p.press(label).await;
    let got = p.next_message_skipping_edits().await;
    assert!(got.text.contains(expect), "after {label:?}: {}", got.text);
}

/// `/pelatihanbaru` through to "Terbitkan" for KIM Bukit Lama, aimed at `target`
/// (no groups are linked, so "no groups" is the last fixed message).
async fn publish(p: &Person, choose_kim: bool, target: &str) {
    p.send("/pelatihanbaru").await;
    p.next_message().await; // "for which KIM?", or "a new training for KIM …"
    if choose_kim {
        p.press("KIM Bukit Lama").await;
    }
    let title = p.next_message_skipping_edits().await;
    assert!(title.text.contains("judul"), "{}", title.text);
    answer(p, "Pelatihan Pempek Kemasan", "penyelenggara").await;
    tap(p, "Dinas Koperasi dan UMKM", "keterangan").await;
    answer(p, "Mengemas pempek untuk dijual daring.", "Kapan mulainya").await;
    answer(p, "25/12 08:00", "selesainya").await;
    answer(p, "12:00", "tempatnya").await;
    answer(p, "Balai Kelurahan Bukit Lama", "lokasi peta").await;
    tap(p, "Lewati", "kuota").await;
    answer(p, "20", "pendaftaran dibuka").await;
    tap(p, "Sampai mulai", "untuk siapa").await;
    p.press(target).await;
    p.next_message().await;
    tap(p, "Selesai", "poster").await;
    tap(p, "Lewati", "Periksa lagi").await;
    tap(p, "Terbitkan", "Belum ada grup").await;
}

/// Publishes, then returns the invitation offer that follows.
async fn publish_with_offer(p: &Person, choose_kim: bool, target: &str) -> BotMessage {
    publish(p, choose_kim, target).await;
    p.next_message_skipping_edits().await
}

async fn training_id(app: &TestApp) -> i64 {
    app.count("SELECT MAX(id) FROM trainings WHERE quota = $1", 20).await
}

#[tokio::test]
async fn a_matching_owner_with_news_consent_is_invited_once_and_registers_from_the_invitation() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 8601, "Sari", "IB1-BL").await;
    let ani = owner(&app, 8602, "IB1-BL", "kuliner", "modal", true).await;
    let budi = owner(&app, 8603, "IB1-BL", "fashion", "kemasan", true).await;
    let cici = owner(&app, 8604, "IB1-BL", "kuliner", "modal", false).await;
    let dedi = owner(&app, 8605, "IB1-LP", "kuliner", "modal", true).await;

    let offer = publish_with_offer(&koor, false, "Kuliner").await;
    assert!(offer.text.contains("1 pemilik UMKM"), "{}", offer.text);
    assert!(offer.has_button("Kirim undangan ke UMKM yang cocok (1 orang)"), "{:?}", offer.button_labels());
    koor.press("Kirim undangan").await;
    assert!(koor.next_message().await.text.contains("dikirim ke 1 pemilik"));

    let invitation = ani.next_message().await;
    for expected in ["Undangan pelatihan", "Pelatihan Pempek Kemasan", "Jumat, 25 Desember 2026", "08:00–12:00 WIB", "Balai Kelurahan Bukit Lama", "Sisa kursi: 20 dari 20"] {
        assert!(invitation.text.contains(expected), "{expected:?} missing: {}", invitation.text);
    }
    assert!(invitation.has_button("Daftar"), "{:?}", invitation.button_labels());
    for other in [&budi, &cici, &dedi] {
        other.expect_no_message(Duration::from_millis(300)).await;
    }

    ani.press("Daftar").await;
    let registered = ani.next_message().await;
    assert!(registered.edited && registered.text.contains("Anda terdaftar"), "{registered:?}");
    let id = training_id(&app).await;
    assert_eq!(status(&app, id, 8602).await.as_deref(), Some("registered"));

    let again = press_forged(&koor, &format!("t:iv:{id}")).await;
    assert_eq!(again.text, None, "a second press is answered, not refused");
    assert!(koor.next_message().await.text.contains("sudah diundang sebelumnya"));
    assert_eq!(app.count("SELECT COUNT(*) FROM training_invitations WHERE training_id = $1", id).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE chat_id = $1 AND source LIKE 'training-invite:%'", 8602).await, 1);
    ani.expect_no_message(Duration::from_millis(300)).await;
    let audited = app.count("SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'training.invite'", 8601).await;
    assert_eq!(audited, 2);
    ani.send("/datasaya").await;
    let listed = |p: &serde_json::Value| p["text"].as_str().is_some_and(|t| t.contains("Undangan pelatihan untuk usaha Anda"));
    app.wait_for_call("sendMessage", |p| p["chat_id"] == 8602 && listed(p)).await;
}

#[tokio::test]
async fn staff_invite_across_their_kecamatan_and_only_the_invited_may_use_the_daftar_button() {
    let (app, _clock) = app_at_now().await;
    let staf = app.member_of(8611, "Staf", "IB1-BL").await;
    app.grant_staff(8611, "Ilir Barat I").await;
    let ani = owner(&app, 8612, "IB1-LP", "jasa", "modal,qris", true).await;
    let budi = owner(&app, 8613, "KMN-KM", "jasa", "qris", true).await;
    let cici = app.member_of(8614, "Cici", "IB1-BL").await;

    let offer = publish_with_offer(&staf, true, "QRIS").await;
    assert!(offer.has_button("(1 orang)"), "{:?}", offer.button_labels());
    staf.press("Kirim undangan").await;
    staf.next_message().await;

    let invitation = ani.next_message().await;
    assert!(invitation.text.contains("Pelatihan Pempek Kemasan"), "{}", invitation.text);
    budi.expect_no_message(Duration::from_millis(300)).await;
    let id = training_id(&app).await;
    assert_eq!(press_forged(&cici, &format!("t:j:{id}")).await.text.as_deref(), Some(STALE));
    assert_eq!(status(&app, id, 8614).await, None);

    ani.press("Daftar").await;
    assert!(ani.next_message().await.text.contains("Anda terdaftar"));
    assert_eq!(status(&app, id, 8612).await.as_deref(), Some("registered"), "another KIM of the kecamatan may register");
}

#[tokio::test]
async fn nobody_matching_with_news_consent_means_no_offer() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 8621, "Sari", "IB1-BL").await;
    let ani = owner(&app, 8622, "IB1-BL", "kuliner", "modal", false).await;

    publish(&koor, false, "Kuliner").await;
    koor.expect_no_message(Duration::from_millis(400)).await;
    ani.expect_no_message(Duration::from_millis(100)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM training_invitations WHERE user_id = $1", 8622).await, 0);
}
