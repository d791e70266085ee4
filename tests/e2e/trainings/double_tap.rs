//! "Batal ikut" takes the spot "Daftar" had: a double tap on "Daftar" must not
//! cancel the seat it just took, so cancelling asks first.

use super::{app_at_now, browse, kim_id, seed, status, training};
use crate::support::MessageExt;

#[tokio::test]
async fn a_double_tap_on_daftar_keeps_the_seat_and_cancelling_asks_first() {
    let (app, _clock) = app_at_now().await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Menjahit", 5)).await;
    let ani = app.member_of(8701, "Ani", "IB1-BL").await;
    browse(&ani).await;

    ani.press("Daftar").await;
    let registered = ani.next_message().await;
    ani.press("Batal ikut").await; // the second tap lands where "Daftar" was
    let asked = ani.next_message().await;
    let seat_after_double_tap = status(&app, id, 8701).await;
    ani.press("tetap ikut").await;
    let kept = ani.next_message().await;
    ani.press("Batal ikut").await;
    ani.next_message().await;
    ani.press("Ya, batalkan").await;
    let cancelled = ani.next_message().await;

    assert!(registered.text.contains("Anda terdaftar") && registered.has_button("Batal ikut"), "{}", registered.text);
    assert_eq!(seat_after_double_tap.as_deref(), Some("registered"), "the second tap only asks");
    assert!(asked.text.contains("Yakin batal ikut") && asked.has_button("Ya, batalkan"), "{}", asked.text);
    let first_row: Vec<&str> = asked.buttons[0].iter().map(|b| b.text.as_str()).collect();
    assert!(first_row.iter().all(|l| l.contains("tetap ikut")), "a third tap keeps the seat: {first_row:?}");
    assert!(kept.text.contains("tidak diubah") && kept.has_button("Batal ikut"), "{}", kept.text);
    assert!(cancelled.text.contains("dibatalkan"), "{}", cancelled.text);
    assert_eq!(status(&app, id, 8701).await.as_deref(), Some("cancelled"));
}
