//! Issue 16: a training's group post carries "Daftar" (a deep link that opens its
//! registration in private chat), "Daftar tunggu" once full.

use kimbot::features::trainings::{actions, store};
use kimbot::kernel::members::UserId;

use super::{app_at_now, coordinator, kim_id, seed, training};
use crate::support::{MessageExt, PersonExt};

#[tokio::test]
async fn the_group_post_has_a_daftar_link_that_opens_registration_for_a_newcomer() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 9701, "Sari", "IB1-BL").await;
    let group = app.fake.group(-9711, "RT 71 Bukit Lama");
    group.add_bot(&koor).await;
    group.next_message().await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Batik Jumputan", 1)).await;
    let ctx = app.ctx.clone().unwrap();
    let tr = store::get(&app.db, id).await.unwrap().unwrap();

    actions::announce(&ctx, UserId(9701), &tr, &[-9711]).await.unwrap();
    let post = group.next_message().await;
    let link = format!("https://t.me/{}?start=tr_{id}", app.fake.bot_username());
    let button = post.buttons.iter().flatten().next().expect("a button under the post").clone();
    assert_eq!((button.text.as_str(), button.url.as_deref()), ("✅ Daftar", Some(link.as_str())), "{post:?}");

    let wati = app.user(9712, "Wati");
    wati.send(&format!("/start tr_{id}")).await;
    wati.next_message().await;
    wati.press("Setuju").await;
    assert!(wati.next_message_skipping_edits().await.text.contains("tergabung di KIM Bukit Lama"));
    let card = wati.next_message().await;
    assert!(card.text.contains("Pelatihan Batik Jumputan") && card.has_button("Daftar"), "{card:?}");
    wati.press("Daftar").await;
    assert!(wati.next_message().await.text.contains("Anda terdaftar di \"Pelatihan Batik Jumputan\""));

    let full = store::get(&app.db, id).await.unwrap().unwrap();
    actions::announce(&ctx, UserId(9701), &full, &[-9711]).await.unwrap();
    assert!(group.next_message().await.has_button("⏳ Daftar tunggu"));
}

#[tokio::test]
async fn a_link_to_another_kims_training_or_to_nothing_registers_nobody() {
    let (app, _clock) = app_at_now().await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Kemasan", 5)).await;
    let far = app.member_of(9721, "Jauh", "KMN-KM").await;

    far.send(&format!("/start tr_{id}")).await;
    let card = far.next_message().await;
    assert!(card.text.contains("Pelatihan Kemasan") && card.text.contains("untuk warga KIM Bukit Lama"), "{}", card.text);
    assert!(card.buttons.is_empty(), "{:?}", card.button_labels());
    far.send("/start tr_99999").await;
    assert!(far.next_message().await.text.contains("tidak ditemukan"));
    assert_eq!(app.count("SELECT COUNT(*) FROM training_registrations WHERE training_id = $1", id).await, 0);
}
