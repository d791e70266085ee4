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

    group.set_member_status(&koor, "creator");
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

    warga.in_group(&group).send("/hubungkan").await;
    let usage = group.next_message().await;
    warga.in_group(&group).send("/hubungkan KIM01").await;
    let unknown = group.next_message().await;
    warga.in_group(&group).send("/hubungkan IB1-BL").await;

    let denied = group.next_message().await;
    assert!(usage.text.contains("/hubungkan IB1-BB"), "a real code as the example: {}", usage.text);
    assert!(unknown.text.contains("tidak ditemukan") && !unknown.text.contains("daftar"), "no list here: {}", unknown.text);
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
    group.set_member_status(&other, "administrator");
    group.set_member_status(&staff, "administrator");

    other.in_group(&group).send("/hubungkan IB1-LP").await;
    assert!(group.next_message().await.text.contains("hanya koordinator"));
    staff.in_group(&group).send("/hubungkan@kimbot_test_bot IB1-LP").await;
    assert!(group.next_message().await.text.contains("terhubung dengan KIM Lorok Pakjo"));

    staff.in_group(&group).send("/putuskan").await;
    assert!(group.next_message().await.text.contains("tidak lagi terhubung"));
}

#[tokio::test]
async fn a_coordinator_who_is_not_a_group_admin_cannot_link_it_until_made_admin() {
    let app = spawn_app().await;
    let koor = app.member_of(2006, "Koordinator Rudi", "IB1-BL").await;
    app.grant_coordinator(2006, "IB1-BL").await;
    let group = app.fake.group(-504, "Grup Tetangga");
    group.add_bot(&koor).await;
    group.next_message().await;

    koor.in_group(&group).send("/hubungkan IB1-BL").await;
    let refused = group.next_message().await;
    let stored = app.count("SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1 AND kim_id IS NOT NULL", -504).await;
    group.set_member_status(&koor, "administrator");
    koor.in_group(&group).send("/hubungkan IB1-BL").await;
    let linked = group.next_message().await;

    assert!(refused.text.contains("hanya admin grup"), "{}", refused.text);
    assert_eq!(stored, 0, "nothing linked for a plain member");
    assert!(linked.text.contains("terhubung dengan KIM Bukit Lama"), "{}", linked.text);
}

#[tokio::test]
async fn a_group_linked_to_one_kim_cannot_be_moved_by_another_kims_coordinator_but_staff_over_both_can() {
    let app = spawn_app().await;
    let owner = app.member_of(2007, "Koordinator Bukit Lama", "IB1-BL").await;
    app.grant_coordinator(2007, "IB1-BL").await;
    let rival = app.member_of(2008, "Koordinator Kemuning", "KMN-KM").await;
    app.grant_coordinator(2008, "KMN-KM").await;
    let staff = app.user(2009, "Staf Ilir Barat");
    app.grant_staff(2009, "Ilir Barat I").await;
    let group = app.fake.supergroup(-100_505, "Warga Bukit Lama");
    group.add_bot(&owner).await;
    group.next_message().await;
    for p in [&owner, &rival, &staff] {
        group.set_member_status(p, "administrator");
    }
    owner.in_group(&group).send("/hubungkan IB1-BL").await;
    assert!(group.next_message().await.text.contains("terhubung dengan KIM Bukit Lama"));
    let bukit_lama = app.count("SELECT kim_id FROM tg_groups WHERE chat_id = $1", -100_505).await;

    rival.in_group(&group).send("/hubungkan KMN-KM").await;
    let refused = group.next_message().await;
    rival.in_group(&group).send("/putuskan").await;
    let unlink_refused = group.next_message().await;
    let after_rival = app.count("SELECT kim_id FROM tg_groups WHERE chat_id = $1", -100_505).await;
    staff.in_group(&group).send("/hubungkan IB1-LP").await;
    let moved = group.next_message().await;

    assert!(refused.text.contains("sudah terhubung dengan KIM Bukit Lama"), "{}", refused.text);
    assert!(unlink_refused.text.contains("dapat memutuskan grup ini"), "{}", unlink_refused.text);
    assert_eq!(after_rival, bukit_lama, "the link did not move");
    assert!(moved.text.contains("terhubung dengan KIM Lorok Pakjo"), "{}", moved.text);
    assert_ne!(app.count("SELECT kim_id FROM tg_groups WHERE chat_id = $1", -100_505).await, bukit_lama);
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

#[tokio::test]
async fn grupsaya_lists_only_the_groups_of_kims_one_coordinates_even_after_gantikim() {
    let app = spawn_app().await;
    let kemuning = app.member_of(2010, "Koordinator Kemuning", "KMN-KM").await;
    app.grant_coordinator(2010, "KMN-KM").await;
    let group = app.fake.group(-506, "Rahasia Kemuning");
    group.add_bot(&kemuning).await;
    group.next_message().await;
    group.set_member_status(&kemuning, "administrator");
    kemuning.in_group(&group).send("/hubungkan KMN-KM").await;
    assert!(group.next_message().await.text.contains("terhubung"));
    let other = app.member_of(2011, "Koordinator Bukit Lama", "IB1-BL").await;
    app.grant_coordinator(2011, "IB1-BL").await;

    other.send("/gantikim").await;
    other.next_message().await;
    other.send("KMN-KM").await;
    assert!(other.next_message().await.text.contains("tergabung"));
    other.send("/grupsaya").await;
    let list = other.next_message().await;
    kemuning.send("/grupsaya").await;
    let own = kemuning.next_message().await;

    assert!(!list.text.contains("Rahasia Kemuning"), "{}", list.text);
    assert!(own.text.contains("Rahasia Kemuning"), "{}", own.text);
}
