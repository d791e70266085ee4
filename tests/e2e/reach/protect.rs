//! Messages that carry personal data are sent with `protect_content`: the
//! `/datasaya` file and the ticket card shown to staff. Group posts are not.

use crate::aspirations::{KECAMATAN, open_card, staff_of, submit};
use crate::support::spawn_app;

/// Whether a call asked Telegram to protect the message (JSON or multipart form).
fn protected(params: &serde_json::Value) -> bool {
    params["protect_content"] == serde_json::json!(true) || params["protect_content"] == "true"
}

#[tokio::test]
async fn the_datasaya_file_and_the_ticket_card_for_staff_are_protected() {
    let app = spawn_app().await;
    let warga = app.member_of(9331, "Warga Sinta", "IB1-BL").await;
    let staff = staff_of(&app, 9332, "Staf Budi", KECAMATAN).await;
    let number = submit(&warga, "Infrastruktur", "Lampu jalan mati di RT 04", false).await;

    warga.send("/datasaya").await;
    let file = app.wait_for_call("sendDocument", |p| p["document"]["file_name"] == "datasaya.json").await;
    let card = open_card(&staff, "/antrian").await;

    assert!(protected(&file.params), "{}", file.params);
    assert!(card.text.contains(&number), "{}", card.text);
    assert_eq!(card.raw["has_protected_content"], true, "{}", card.raw);
    let answers = app.fake.calls_to("sendMessage");
    let receipt = answers.iter().find(|c| c.params["text"].as_str().is_some_and(|t| t.contains(&number) && !t.contains("📋 Tiket")));
    assert!(receipt.is_some_and(|c| !protected(&c.params)), "ordinary answers are not protected");
}
