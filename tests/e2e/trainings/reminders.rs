//! Reminders and feedback on a clock the tests move: once each, across a restart
//! and with several loops, never for withdrawn seats or cancelled trainings, and
//! following a training that was moved.

use std::time::Duration;
use kimbot::kernel::members::UserId;

use kimbot::platform::delivery::Outbox;
use kimbot::features::trainings::reminders::Reminders;
use kimbot::features::trainings::model::TrainingId;
use kimbot::features::trainings::seats;
use sqlx::Row;

use super::{NOW, app_at_now, coordinator, kim_id, seed, training, wib};
use crate::support::MessageExt;

/// Longer than one round of the reminder loop (2 s), for "nothing more came".
const A_ROUND: Duration = Duration::from_millis(3000);

async fn reminders_sent(app: &crate::support::TestApp, training: i64) -> i64 {
    app.count(
        "SELECT COUNT(*) FROM training_reminders m JOIN training_registrations r ON r.id = m.registration_id WHERE r.training_id = $1",
        training,
    )
    .await
}

#[tokio::test]
async fn reminders_come_the_evening_before_and_two_hours_before_once_each_even_across_a_restart() {
    let (mut app, clock) = app_at_now().await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Sablon", 10)).await;
    let warga = app.member_of(8601, "Gita", "IB1-BL").await;
    seats::register(&app.db, id, UserId(8601), NOW).await.unwrap();

    clock.set(wib(12, 24, 17, 59));
    warga.expect_no_message(A_ROUND).await;
    clock.set(wib(12, 24, 18, 0));
    let evening = warga.next_message().await.text;
    assert!(evening.contains("besok") && evening.contains("Pelatihan Sablon"), "{evening}");
    assert!(evening.contains("Balai Kelurahan Bukit Lama") && evening.contains("08:00–12:00 WIB"), "{evening}");

    app.restart().await;
    clock.set(wib(12, 24, 18, 5));
    warga.expect_no_message(A_ROUND).await;
    clock.set(wib(12, 25, 6, 0));
    assert!(warga.next_message().await.text.contains("Dua jam lagi"));
    warga.expect_no_message(A_ROUND).await;
    assert_eq!(reminders_sent(&app, id).await, 2);
}

#[tokio::test]
async fn several_reminder_loops_racing_over_the_same_due_reminders_send_each_one_once() {
    let (app, clock) = app_at_now().await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Kriya", 10)).await;
    let mut people = Vec::new();
    for i in 0..5 {
        people.push(app.member_of(8700 + i, &format!("Warga {i}"), "IB1-BL").await);
        seats::register(&app.db, id, UserId(8700 + i), NOW).await.unwrap();
    }
    let other_process = || Reminders::new(app.db.clone(), app.clock.clone(), Outbox::new(app.db.clone(), app.clock.clone()), chrono_tz::Asia::Jakarta);
    let (a, b, c) = (other_process(), other_process(), other_process());

    clock.set(wib(12, 24, 18, 0));
    for _ in 0..3 {
        let (x, y, z) = tokio::join!(a.tick(), b.tick(), c.tick());
        x.unwrap();
        y.unwrap();
        z.unwrap();
    }

    for p in &people {
        assert!(p.next_message().await.text.contains("besok"));
    }
    people[0].expect_no_message(A_ROUND).await;
    for p in &people[1..] {
        p.expect_no_message(Duration::from_millis(100)).await;
    }
    assert_eq!(reminders_sent(&app, id).await, 5);
    let queued: i64 = sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE source = $1")
        .bind(format!("training:{id}"))
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .try_get("n")
        .unwrap();
    assert_eq!(queued, 5);
}

#[tokio::test]
async fn no_reminders_go_to_withdrawn_people_or_for_a_cancelled_training() {
    let (app, clock) = app_at_now().await;
    let kim = kim_id(&app, "IB1-BL").await;
    let kept = seed(&app, training(kim, "Pelatihan Tetap", 10)).await;
    let dropped = seed(&app, training(kim, "Pelatihan Dibatalkan", 10)).await;
    let ani = app.member_of(8801, "Ani", "IB1-BL").await;
    let budi = app.member_of(8802, "Budi", "IB1-BL").await;
    for (training, user) in [(kept, 8801), (dropped, 8801), (kept, 8802)] {
        seats::register(&app.db, training, UserId(user), NOW).await.unwrap();
    }
    let mut tx = app.db.begin().await.unwrap();
    seats::withdraw_in(&mut tx, app.db.backend, TrainingId(kept), UserId(8802), NOW).await.unwrap();
    tx.commit().await.unwrap();
    sqlx::query("UPDATE trainings SET status = 'cancelled' WHERE id = $1").bind(dropped).execute(&app.db.pool).await.unwrap();

    clock.set(wib(12, 24, 18, 0));

    assert!(ani.next_message().await.text.contains("Pelatihan Tetap"));
    ani.expect_no_message(A_ROUND).await;
    budi.expect_no_message(Duration::from_millis(100)).await;
    assert_eq!(reminders_sent(&app, dropped).await, 0);
}

#[tokio::test]
async fn a_moved_training_tells_its_participants_and_its_reminders_move_with_it() {
    let (app, clock) = app_at_now().await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Sablon", 10)).await;
    let koor = coordinator(&app, 8901, "Sari", "IB1-BL").await;
    let warga = app.member_of(8902, "Hana", "IB1-BL").await;
    seats::register(&app.db, id, UserId(8902), NOW).await.unwrap();

    koor.send("/peserta").await;
    koor.next_message().await;
    koor.press("Pelatihan Sablon").await;
    koor.next_message().await;
    koor.press("Ubah waktu").await;
    assert!(koor.next_message().await.text.contains("Jadwal sekarang"));
    koor.send("27/12 08:00").await;
    koor.next_message().await;
    koor.send("12:00").await;
    assert!(koor.next_message().await.text.contains("1 peserta terdaftar dan 0 orang di daftar tunggu"));
    koor.press("Ya, pindahkan").await;
    let done = koor.next_message().await.text;
    assert!(done.contains("Minggu, 27 Desember 2026") && done.contains("1 orang"), "{done}");

    let notice = warga.next_message().await.text;
    assert!(notice.contains("BERUBAH") && notice.contains("27 Desember 2026"), "{notice}");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.edit' AND actor = $1", 8901).await, 1);
    clock.set(wib(12, 24, 18, 0));
    warga.expect_no_message(A_ROUND).await;
    clock.set(wib(12, 26, 18, 0));
    let evening = warga.next_message().await.text;
    assert!(evening.contains("besok") && evening.contains("27 Desember 2026"), "{evening}");
}

#[tokio::test]
async fn after_the_session_participants_rate_it_and_may_comment_but_absentees_are_not_asked() {
    let (app, clock) = app_at_now().await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Roti", 10)).await;
    let ani = app.member_of(8951, "Ani", "IB1-BL").await;
    let budi = app.member_of(8952, "Budi", "IB1-BL").await;
    seats::register(&app.db, id, UserId(8951), NOW).await.unwrap();
    seats::register(&app.db, id, UserId(8952), NOW).await.unwrap();
    sqlx::query("UPDATE training_registrations SET attended = 0 WHERE user_id = $1").bind(8952_i64).execute(&app.db.pool).await.unwrap();

    clock.set(wib(12, 25, 12, 0));
    let ask = ani.next_message().await;
    assert!(ask.text.contains("Bagaimana pelatihannya") && ask.has_button("5 ⭐"), "{:?}", ask);
    ani.press("4 ⭐").await;
    assert!(ani.next_message().await.text.contains("4 ⭐"));
    ani.send("Materinya bagus, waktunya kurang.").await;

    assert!(ani.next_message().await.text.contains("Terima kasih atas masukan"));
    let row = sqlx::query("SELECT rating, comment FROM training_feedback WHERE training_id = $1 AND user_id = $2")
        .bind(id)
        .bind(8951_i64)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(row.try_get::<i64, _>("rating").unwrap(), 4);
    assert_eq!(row.try_get::<Option<String>, _>("comment").unwrap().as_deref(), Some("Materinya bagus, waktunya kurang."));
    budi.expect_no_message(A_ROUND).await;
}
