//! Cek fakta in `/datasaya` and `/hapusdata` (issue 23, item 6): the requests are
//! shown and exported; erasure keeps only what a verdict needs (number, content key,
//! verdict, explanation, dates), drops the text that may hold a name or phone, and
//! deletes requests still waiting.

use super::{EXPLANATION, ask, give_verdict, staff};
use crate::announcements::steps::wait_text;
use crate::support::{MessageExt, spawn_app};

const WITH_PHONE: &str = "Bansos Rp 5 juta cair, hubungi Bu Siti 081234567890 di https://bansos-cepat.example.com/daftar";

#[tokio::test]
async fn datasaya_shows_cek_fakta_requests_and_hapusdata_keeps_only_what_the_verdict_needs() {
    let app = spawn_app().await;
    let staf = staff(&app, 8871, "Ilir Barat I").await;
    let siti = app.member_of(8872, "Siti", "IB1-BL").await;
    let budi = app.member_of(8873, "Budi", "IB1-LP").await;
    ask(&siti, WITH_PHONE).await;
    give_verdict(&staf, "❌ Hoaks", EXPLANATION).await;
    ask(&siti, "Jembatan Ampera ditutup total mulai besok pagi").await;

    siti.send("/datasaya").await;
    // The header of the /datasaya section (with its colon), not the acknowledgement of the
    // second request, which may still be on its way.
    let shown = wait_text(&siti, "Permintaan cek fakta:").await.text;
    let call = app.wait_for_call("sendDocument", |p| p["document"]["file_name"] == "datasaya.json").await;
    let json: serde_json::Value = serde_json::from_str(call.params["document"]["text"].as_str().unwrap()).unwrap();
    siti.send("/hapusdata").await;
    let confirm = wait_text(&siti, "Yakin ingin menghapus").await;
    siti.press("Hapus").await;
    wait_text(&siti, "sudah dihapus").await;
    let repeat = ask(&budi, WITH_PHONE).await;

    assert!(shown.contains("CEK-2026-000001") && shown.contains("081234567890") && shown.contains("menunggu pemeriksaan"), "{shown}");
    assert_eq!(json["fact_checks"][0]["text"], WITH_PHONE);
    assert_eq!(json["fact_checks"][0]["verdict"], "hoaks");
    assert_eq!(json["fact_checks"][1]["verdict"], serde_json::Value::Null);
    assert!(confirm.text.contains("cek fakta") && confirm.has_button("Hapus"), "{}", confirm.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM fact_checks WHERE user_id = $1", 8872).await, 0);
    let kept = "SELECT COUNT(*) FROM fact_checks WHERE user_id = $1 AND body = '' AND link IS NULL AND verdict = 'hoaks'";
    assert_eq!(app.count(kept, 0).await, 1, "the answered request stays without its text");
    assert_eq!(app.count("SELECT COUNT(*) FROM fact_checks WHERE status = 'open' AND id > $1", 0).await, 0, "the waiting one is gone");
    assert!(repeat.contains("sudah pernah diperiksa") && repeat.contains("(CEK-2026-000001)"), "the verdict still serves: {repeat}");
}
