//! The desk in chat (issue 25): "Ambil" on a ticket card, `/antrian saya` with the
//! tickets one works on, and the card saying who handles a ticket.

use sqlx::Row;

use super::*;
use crate::support::{MessageExt, spawn_app};

#[tokio::test]
async fn staff_take_a_ticket_in_chat_and_find_it_under_antrian_saya() {
    let app = spawn_app().await;
    let resident = app.member_of(25101, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Gorong-gorong di gang dua ambruk separuh", false).await;
    let id = ticket_id(&app, &number).await;
    let rina = staff_of(&app, 25102, "Staf Rina", KECAMATAN).await;
    let budi = staff_of(&app, 25103, "Staf Budi", KECAMATAN).await;

    rina.send("/antrian saya").await;
    let empty = next_skipping_notices(&rina).await.text;
    let card = open_card(&rina, "/antrian").await;
    assert!(card.has_button("Ambil"), "{:?}", card.button_labels());
    rina.press("Ambil").await;
    let taken = next_skipping_notices(&rina).await.text;
    let mine = open_card(&rina, "/antrian saya").await;
    budi.send("/antrian saya").await;
    let theirs = next_skipping_notices(&budi).await.text;
    let for_budi = open_card(&budi, &format!("/antrian {number}")).await;
    let stale = press_forged(&rina, mine.message_id, &format!("a:t:{id}")).await;

    assert!(empty.contains("Belum ada tiket terbuka yang Anda tangani"), "{empty}");
    assert!(taken.contains(&number) && taken.contains("/antrian saya"), "{taken}");
    assert!(mine.text.contains(&number) && mine.text.contains("Ditangani oleh: Staf Rina"), "{}", mine.text);
    assert!(!mine.has_button("Ambil"), "one's own ticket offers no Ambil: {:?}", mine.button_labels());
    assert!(theirs.contains("Belum ada tiket terbuka yang Anda tangani"), "another's ticket is not mine: {theirs}");
    assert!(for_budi.text.contains("Ditangani oleh: Staf Rina") && for_budi.has_button("Ambil"), "{}", for_budi.text);
    assert!(stale.text.is_none() || stale.text.as_deref() != Some(STALE), "taking one's own ticket again is harmless: {:?}", stale.text);
    let assignee: Option<i64> = sqlx::query("SELECT assignee_id FROM aspirations WHERE id = $1").bind(id).fetch_one(&app.db.pool).await.unwrap().get("assignee_id");
    assert_eq!(assignee, Some(25102));
}
