//! Reactions on group posts: counted per post from `message_reaction_count` updates
//! (the latest total wins) and shown in the announcement's report.

use crate::announcements::steps::{compose_to_my_kim, coordinator_with_groups, refresh_until, wait_text};
use crate::support::spawn_app;

#[tokio::test]
async fn reactions_on_an_announcement_are_counted_per_post_and_shown_in_its_report() {
    let app = spawn_app().await;
    let (koor, groups) = coordinator_with_groups(&app, 9341, "IB1-BL", &[(-9341, "RT 01"), (-9342, "RT 02")]).await;
    compose_to_my_kim(&koor, "Kerja bakti Minggu pagi").await;
    koor.press("Kirim sekarang").await;
    wait_text(&koor, "Laporan pengumuman #1").await;
    let first = groups[0].next_message().await;
    let second = groups[1].next_message().await;
    refresh_until(&koor, "Terkirim 2").await;

    app.fake.react(-9342, 999, 7);
    app.fake.react(-9341, first.message_id, 2);
    app.fake.react(-9341, first.message_id, 4);
    app.fake.react(-9342, second.message_id, 3);
    let report = refresh_until(&koor, "Reaksi di grup: 7").await;

    assert!(report.text.contains("Terkirim 2"), "{}", report.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM post_reactions WHERE group_chat = $1", -9342).await, 1, "only the bot's own posts");
    assert_eq!(app.count("SELECT total FROM post_reactions WHERE group_chat = $1", -9341).await, 4, "the latest total wins");
    let cookie = crate::console::log_in(&app, &crate::console::link_for(&koor).await).await;
    let (_, page) = crate::console::get(&app, &cookie, "/dasbor/pengumuman/1").await;
    assert!(page.contains("Reaksi di grup: 7"), "the console's announcement page: {page}");
}
