//! `aspiration.disposed` and `aspiration.returned`: the agency's code and name, the
//! return's reason, and no person at all.

use super::*;
use crate::aspirations::opd::{load_agencies, officer_of, send_to};

#[tokio::test]
async fn sending_a_ticket_to_an_agency_and_its_return_are_posted_with_the_agency_and_no_identities() {
    let app = spawn_app().await;
    let hook = Receiver::start().await;
    let events: [Event; 2] = [&kimbot::features::aspirations::webhook::DISPOSED, &kimbot::features::aspirations::webhook::RETURNED];
    endpoint(&app, &hook, &events).await;
    load_agencies(&app).await;
    let staff = staff_of(&app, 5321, "Staf Rina", KECAMATAN).await;
    let officer = officer_of(&app, 5322, "Pak Joko", "PUPR").await;
    app.user(5323, "Budi").with_username("budi_bl");
    let budi = app.member_of(5323, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;

    open_card(&staff, "/antrian").await;
    send_to(&staff, "Dinas PUPR", None).await;
    let disposed = hook.wait_for(1).await.remove(0);
    assert!(officer.next_message().await.text.contains("Tiket baru"), "the officer hears of it first");
    open_card(&officer, "/antrian").await;
    officer.press("Bukan kewenangan kami").await;
    next_skipping_notices(&officer).await;
    officer.send("Bukan kewenangan kami, ini urusan Dinas Perhubungan.").await;
    let returned = hook.wait_for(2).await.remove(1);

    assert_eq!(disposed.header("X-Kimbot-Event"), "aspiration.disposed");
    assert!(signed_with_secret(&disposed));
    let (d, r) = (disposed.json(), returned.json());
    assert_eq!(d["ticket"]["number"], number.as_str());
    assert_eq!(d["ticket"]["reporter"], serde_json::Value::Null, "no reporter in agency events");
    let agency = serde_json::json!({ "code": "PUPR", "name": "Dinas Pekerjaan Umum dan Penataan Ruang" });
    assert_eq!(d["disposition"]["agency"], agency);
    assert_eq!(keys(&d["disposition"]), set(&["agency", "disposed_at"]));
    assert!(is_rfc3339(&d["disposition"]["disposed_at"]));
    assert_eq!(returned.header("X-Kimbot-Event"), "aspiration.returned");
    assert_eq!(keys(&r["disposition"]), set(&["agency", "disposed_at", "returned_at", "return_reason"]));
    assert_eq!(r["disposition"]["return_reason"], "Bukan kewenangan kami, ini urusan Dinas Perhubungan.");
    for hit in [&disposed, &returned] {
        // The delivery id is random hex and may contain any digits; every other field
        // must name nobody.
        let mut body: serde_json::Value = serde_json::from_str(&hit.text()).expect("a JSON body");
        body.as_object_mut().expect("an object").remove("delivery_id");
        let text = body.to_string();
        for person in ["5321", "5322", "5323", "budi_bl", "Budi\"", "Joko", "Rina"] {
            assert!(!text.contains(person), "{person} in {text}");
        }
    }
}
