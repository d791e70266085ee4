use std::time::Duration;

use crate::support::spawn_app;

#[tokio::test]
async fn a_group_is_greeted_linked_migrated_and_removed_and_the_table_follows() {
    let app = spawn_app().await;
    let koor = app.member_of(2001, "Koordinator Hana", "IB1-BL").await;
    app.grant_coordinator(2001, "IB1-BL").await;
    let group = app.fake.group(-500, "Warga RT 01 Bukit Lama");

    group.add_bot(&koor).await;
    let hello = group.next_message().await;
    assert!(hello.text.contains("/hubungkan"), "{}", hello.text);

    koor.in_group(&group).send("/hubungkan ib1-bl").await;
    let linked = group.next_message().await;
    assert!(linked.text.contains("terhubung dengan KIM Bukit Lama"), "{}", linked.text);
    let kim = app.count("SELECT kim_id FROM tg_groups WHERE chat_id = $1", -500).await;
    assert!(kim > 0);

    let supergroup = group.migrate_to_supergroup(-100_500).await;
    wait_for_count(&app, "SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1 AND status = 'active'", -100_500, 1).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1", -500).await, 0, "old id gone");
    assert_eq!(app.count("SELECT kim_id FROM tg_groups WHERE chat_id = $1", -100_500).await, kim, "link kept");

    supergroup.remove_bot(&koor).await;
    wait_for_count(&app, "SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1 AND status = 'left'", -100_500, 1).await;

    koor.send("/grupsaya").await;
    let list = koor.next_message().await;
    assert!(list.text.contains("Warga RT 01 Bukit Lama") && list.text.contains("dikeluarkan"), "{}", list.text);
}

#[tokio::test]
async fn a_resident_cannot_link_a_group_and_nothing_is_stored() {
    let app = spawn_app().await;
    let warga = app.member_of(2002, "Indra", "IB1-BL").await;
    let group = app.fake.group(-501, "Arisan RT 02");
    group.add_bot(&warga).await;
    group.next_message().await;

    warga.in_group(&group).send("/hubungkan IB1-BL").await;

    let denied = group.next_message().await;
    assert!(denied.text.contains("hanya koordinator KIM Bukit Lama"), "{}", denied.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1 AND kim_id IS NOT NULL", -501).await, 0);
}

#[tokio::test]
async fn a_coordinator_of_another_kim_cannot_link_and_kecamatan_staff_can() {
    let app = spawn_app().await;
    let other = app.member_of(2003, "Joko", "KMN-KM").await;
    app.grant_coordinator(2003, "KMN-KM").await;
    let staff = app.user(2004, "Staf Kartika");
    app.grant_staff(2004, "Ilir Barat I").await;
    let group = app.fake.supergroup(-100_502, "KIM Lorok Pakjo");
    group.add_bot(&other).await;
    group.next_message().await;

    other.in_group(&group).send("/hubungkan IB1-LP").await;
    assert!(group.next_message().await.text.contains("hanya koordinator"));
    staff.in_group(&group).send("/hubungkan@kimbot_test_bot IB1-LP").await;
    assert!(group.next_message().await.text.contains("terhubung dengan KIM Lorok Pakjo"));

    staff.in_group(&group).send("/putuskan").await;
    assert!(group.next_message().await.text.contains("tidak lagi terhubung"));
}

#[tokio::test]
async fn a_group_restricting_the_bot_is_marked_and_chatter_is_ignored() {
    let app = spawn_app().await;
    let koor = app.member_of(2005, "Lia", "IB1-BB").await;
    let group = app.fake.group(-503, "Pengajian");
    group.add_bot(&koor).await;
    group.next_message().await;

    koor.in_group(&group).send("selamat pagi semua").await;
    koor.in_group(&group).send("/start@other_bot").await;
    group.expect_no_message(Duration::from_millis(500)).await;

    group.set_bot_status(&koor, "restricted").await;
    wait_for_count(&app, "SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1 AND status = 'restricted'", -503, 1).await;
    group.set_bot_status(&koor, "member").await;
    wait_for_count(&app, "SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1 AND status = 'active'", -503, 1).await;
}

/// Group events produce no reply to wait on: poll the table (bounded) instead.
async fn wait_for_count(app: &crate::support::TestApp, sql: &'static str, bind: i64, want: i64) {
    for _ in 0..100 {
        if app.count(sql, bind).await == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{sql} with {bind} never reached {want}");
}
