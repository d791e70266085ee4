//! `factcheck.verdict`: a staff verdict on a cek fakta request reaches receivers that
//! want it, signed, with the documented body and no one's identity; a repeat of the
//! same rumour answered at once is posted too, marked `repeat`.


use super::receiver::Receiver;
use super::{endpoint, is_rfc3339, keys, set, settles, signed_with_secret};
use crate::announcements::steps::wait_text;
use crate::support::{TestApp, spawn_app};

const RUMOUR: &str = "Bansos Rp 5 juta cair hari ini, daftar lewat https://bansos-cepat.example.com/daftar sebelum jam 12";
const EXPLANATION: &str = "Tidak ada program bansos Rp 5 juta. Tautan itu bukan situs pemerintah. Sumber: Dinas Sosial Kota.";

async fn ask(p: &fake_telegram::Person, text: &str) {
    p.send("/cekfakta").await;
    wait_text(p, "Teruskan (forward)").await;
    p.send(text).await;
    p.next_message().await;
}

async fn staff(app: &TestApp, id: i64) -> fake_telegram::Person {
    let p = app.member_of(id, "Staf Rina", "IB1-BL").await;
    app.grant_staff(id, "Ilir Barat I").await;
    p
}

#[tokio::test]
async fn a_verdict_and_its_repeat_reach_the_receiver_with_the_documented_body_and_no_identities() {
    let app = spawn_app().await;
    let (hook, aspirations_only) = (Receiver::start().await, Receiver::start().await);
    endpoint(&app, &hook, &[&kimbot::features::factcheck::webhook::VERDICT]).await;
    endpoint(&app, &aspirations_only, &[&kimbot::features::aspirations::webhook::CREATED, &kimbot::features::aspirations::webhook::STATUS_CHANGED, &kimbot::features::aspirations::webhook::REPLIED]).await;
    let rina = staff(&app, 5601).await;
    let siti = app.member_of(5602, "Siti", "IB1-BL").await;
    let budi = app.member_of(5603, "Budi", "IB1-LP").await;

    ask(&siti, RUMOUR).await;
    wait_text(&rina, "permintaan cek fakta baru").await;
    rina.send("/cekfakta antrian").await;
    wait_text(&rina, "Bansos Rp 5 juta").await;
    rina.press("❌ Hoaks").await;
    wait_text(&rina, "tulis klaim").await;
    rina.send("Bansos Rp 5 juta cair hari ini").await;
    wait_text(&rina, "Tulis penjelasan").await;
    rina.send(EXPLANATION).await;
    wait_text(&rina, "tersimpan").await;
    let first = hook.wait_for(1).await.remove(0);
    ask(&budi, RUMOUR).await;
    let second = hook.wait_for(2).await.remove(1);

    let body = first.json();
    assert!(signed_with_secret(&first), "{}", first.text());
    assert_eq!(first.header("X-Kimbot-Event"), "factcheck.verdict");
    assert_eq!(keys(&body), set(&["event", "delivery_id", "occurred_at", "fact_check"]));
    let check = &body["fact_check"];
    let documented = ["number", "area", "text", "link", "verdict", "explanation", "repeat", "created_at", "answered_at"];
    assert_eq!(keys(check), set(&documented));
    assert_eq!(check["number"], "CEK-2026-000001");
    assert_eq!((check["verdict"].as_str(), check["explanation"].as_str()), (Some("hoaks"), Some(EXPLANATION)));
    assert_eq!(check["link"], "https://bansos-cepat.example.com/daftar");
    assert_eq!(check["repeat"], false);
    assert_eq!(check["area"]["kecamatan"], "Ilir Barat I");
    assert!(is_rfc3339(&check["created_at"]) && is_rfc3339(&check["answered_at"]) && is_rfc3339(&body["occurred_at"]));
    for id in ["5601", "5602", "5603", "Siti", "Rina"] {
        assert!(!first.text().contains(id) && !second.text().contains(id), "no identity ({id}): {}", first.text());
    }
    let repeat = second.json();
    assert_eq!(repeat["fact_check"]["number"], "CEK-2026-000002");
    assert_eq!(repeat["fact_check"]["repeat"], true);
    assert_eq!(repeat["fact_check"]["area"]["kelurahan"], "Lorok Pakjo");
    assert_eq!(repeat["fact_check"]["area"]["kode_wilayah"], "16.71.04.1002", "the official code travels too");
    settles(&app, first.header("X-Kimbot-Delivery"), "delivered").await;
    assert!(aspirations_only.hits().is_empty(), "an endpoint without the event hears nothing");
}
