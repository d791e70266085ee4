//! `aspiration.rated` with outcome `unrated`: a done ticket whose resident never
//! answered closes after `KIMBOT_VERDICT_CLOSE_DAYS` (here 2, the reminder after
//! `KIMBOT_VERDICT_REMINDER_DAYS` = 1) and the receiver hears it, with no score and
//! no identities.

use std::sync::Arc;

use chrono::TimeZone;
use kimbot::features::aspirations::verdict;
use kimbot::platform::db::ManualClock;

use super::receiver::Receiver;
use super::{endpoint, is_rfc3339, settles, signed_with_secret};
use crate::aspirations::{KECAMATAN, KIM, next_skipping_notices, open_card, staff_of, submit};
use crate::support::{PersonExt, spawn_app_with_clock};

const DAY: i64 = 86_400;

#[tokio::test]
async fn the_verdict_days_are_settings_and_an_unrated_close_posts_aspiration_rated_without_a_score() {
    let t0 = chrono_tz::Asia::Jakarta.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap().timestamp();
    let clock: Arc<ManualClock> = ManualClock::new(t0);
    let mut app = spawn_app_with_clock(clock.clone()).await;
    app.stop().await;
    app.env.push(("KIMBOT_VERDICT_REMINDER_DAYS".into(), "1".into()));
    app.env.push(("KIMBOT_VERDICT_CLOSE_DAYS".into(), "2".into()));
    app.start().await;
    let hook = Receiver::start().await;
    endpoint(&app, &hook, &[&verdict::webhook::RATED]).await;
    let staff = staff_of(&app, 5731, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5732, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", "Jalan di depan SD 12 berlubang besar sejak Januari.", false).await;
    open_card(&staff, &format!("/status {number}")).await;
    staff.press("Selesai").await;
    next_skipping_notices(&staff).await;
    staff.send("Lubang sudah ditambal oleh Dinas PUPR pagi ini.").await;
    next_skipping_notices(&staff).await;
    assert!(budi.next_message().await.text.contains("Apakah masalahnya sudah beres?"));
    let ctx = app.ctx.clone().unwrap();

    let early = verdict::job::check(&ctx, t0 + DAY - 60).await.unwrap();
    clock.set(t0 + DAY + 60);
    let reminder = loop {
        let m = budi.next_message_skipping_edits().await;
        if m.text.starts_with("⏰") {
            break m.text;
        }
    };
    clock.set(t0 + 2 * DAY + 60);
    let hit = hook.wait_for(1).await.remove(0);

    assert_eq!(early, 0, "not before the one day set");
    assert!(reminder.contains(&number) && reminder.contains("Pengingat"), "{reminder}");
    let body = hit.json();
    assert!(signed_with_secret(&hit));
    assert_eq!(hit.header("X-Kimbot-Event"), "aspiration.rated");
    assert_eq!(body["ticket"]["number"].as_str(), Some(number.as_str()));
    assert_eq!(body["verdict"]["outcome"], "unrated", "{body}");
    assert!(body["verdict"]["score"].is_null(), "{body}");
    assert!(is_rfc3339(&body["verdict"]["at"]));
    for who in ["Budi", "5732", "Rina", "5731"] {
        assert!(!hit.text().contains(who), "no identity ({who}): {}", hit.text());
    }
    settles(&app, hit.header("X-Kimbot-Delivery"), "delivered").await;
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_verdicts WHERE outcome = 'unrated' AND id > $1", 0).await, 1);
}
