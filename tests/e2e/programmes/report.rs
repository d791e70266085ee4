//! `/laporan` → Program UMKM: the XLSX and CSV come with a chart of applicants and
//! recipients per kecamatan, sent as a photo.

use kimbot::features::programmes::apps::{self, Applied};
use kimbot::features::programmes::decide::{self, Decision};
use kimbot::features::programmes::model::Selection;
use kimbot::features::programmes::store;
use kimbot::kernel::members::UserId;

use super::{answer, owner, programme};
use crate::announcements::steps::wait_text;
use crate::support::MessageExt;
use crate::trainings::{NOW, app_at_now};

#[tokio::test]
async fn the_programme_report_in_laporan_delivers_the_chart_per_kecamatan() {
    let (app, _clock) = app_at_now().await;
    let ctx = app.ctx.clone().expect("running");
    let rina = app.member_of(8971, "Rina", "IB1-BL").await;
    app.grant_staff(8971, "Ilir Barat I").await;
    let id = store::insert(&app.db, &programme(5, 0, Selection::Review, NOW), UserId(8971), NOW).await.unwrap();
    let p = store::get(&app.db, id).await.unwrap().unwrap();
    for (user, kim, accept) in [(8972, "IB1-BL", true), (8973, "IB1-LP", false), (8974, "KMN-AK", true)] {
        owner(&app, user, &format!("Pemilik {user}"), kim, "kuliner").await;
        let business = store::business_of(&app.db, UserId(user)).await.unwrap().unwrap();
        let Applied::New(a) = apps::apply(&app.db, chrono_tz::Asia::Jakarta, &p, UserId(user), &business, &[], NOW).await.unwrap() else {
            panic!("a new application")
        };
        if accept {
            decide::decide(&ctx, &p, a.id, &Decision::Accept, UserId(8971)).await.unwrap();
        }
    }

    let kinds = answer(&rina, "/laporan", "").await;
    assert!(kinds.has_button("Program UMKM"), "{:?}", kinds.button_labels());
    rina.press("Program UMKM").await;
    assert!(rina.next_message().await.text.contains("Laporan program UMKM"));
    rina.press("Tanggal lain").await;
    rina.next_message().await;
    let areas = answer(&rina, "1/11/2026 - 30/11/2026", "Wilayah mana?").await;
    assert!(areas.has_button("Seluruh Ilir Barat I") && !areas.has_button("Kemuning"), "{:?}", areas.button_labels());
    rina.press("Seluruh Ilir Barat I").await;
    let done = wait_text(&rina, "Laporan program").await;
    assert!(done.text.contains("2 pendaftaran"), "only Ilir Barat I's applicants: {}", done.text);

    let photo = app.wait_for_call("sendPhoto", |c| c["photo"]["hex"].is_string()).await;
    assert!(photo.params["caption"].as_str().unwrap_or_default().contains("per kecamatan"), "{}", photo.params);
    let hex = photo.params["photo"]["hex"].as_str().expect("an uploaded PNG");
    assert!(hex.starts_with("89504e470d0a1a0a"), "a PNG: {}", &hex[..16]);
    assert!(photo.params["photo"]["file_name"].as_str().unwrap_or_default().ends_with("-grafik.png"), "{}", photo.params["photo"]);
}
