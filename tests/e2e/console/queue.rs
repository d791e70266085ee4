//! The console queue's area, overdue and order filters: a kecamatan's staff narrow
//! the queue to one kelurahan, to the tickets past the service level, and read the
//! oldest first page by page; an area outside their scope looks missing.

use reqwest::StatusCode;
use sqlx::Row;

use super::{get, link_for, log_in};
use crate::aspirations::{KECAMATAN, KIM, staff_of, submit, ticket_id};
use crate::support::spawn_app;

#[tokio::test]
async fn staff_filter_the_queue_by_kelurahan_and_overdue_and_read_the_oldest_first() {
    let app = spawn_app().await;
    let lama = app.member_of(5901, "Warga Lama", KIM).await;
    let baru = app.member_of(5902, "Warga Baru", "IB1-BB").await;
    let first = submit(&lama, "Infrastruktur", "Selokan tersumbat di gang tiga sejak hujan", false).await;
    let second = submit(&baru, "Infrastruktur", "Lampu taman padam dua minggu terakhir", false).await;
    let third = submit(&lama, "Infrastruktur", "Trotoar rusak di depan pasar pagi", false).await;
    let late = ticket_id(&app, &first).await;
    sqlx::query("UPDATE aspirations SET overdue_at = created_at + 1 WHERE id = $1").bind(late).execute(&app.db.pool).await.unwrap();
    let kelurahan: i64 = sqlx::query("SELECT kelurahan_id FROM kims WHERE code = $1")
        .bind(KIM)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .get("kelurahan_id");
    let elsewhere: i64 = sqlx::query("SELECT id FROM areas WHERE name = 'Kemuning'").fetch_one(&app.db.pool).await.unwrap().get("id");
    let staff = staff_of(&app, 5903, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;

    let (_, all) = get(&app, &cookie, "/dasbor/aspirasi").await;
    assert!([&first, &second, &third].iter().all(|n| all.contains(n.as_str())), "{all}");
    assert!(all.find(&third).unwrap() < all.find(&first).unwrap(), "newest first by default");

    let (status, mine) = get(&app, &cookie, &format!("/dasbor/aspirasi?area={kelurahan}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(mine.contains(&first) && mine.contains(&third) && !mine.contains(&second), "one kelurahan: {mine}");

    let (_, late_only) = get(&app, &cookie, "/dasbor/aspirasi?overdue=1").await;
    assert!(late_only.contains(&first) && !late_only.contains(&second) && !late_only.contains(&third), "{late_only}");

    let (_, oldest) = get(&app, &cookie, "/dasbor/aspirasi?sort=old").await;
    assert!(oldest.find(&first).unwrap() < oldest.find(&third).unwrap(), "oldest first");
    let after_first = format!("/dasbor/aspirasi?sort=old&after={late}");
    let (_, next) = get(&app, &cookie, &after_first).await;
    assert!(!next.contains(&first) && next.contains(&second) && next.contains(&third), "the next page goes on upwards: {next}");

    let (guessed, guessed_page) = get(&app, &cookie, &format!("/dasbor/aspirasi?area={elsewhere}")).await;
    let (missing, missing_page) = get(&app, &cookie, "/dasbor/aspirasi?area=999999").await;
    assert_eq!((guessed, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(guessed_page, missing_page, "another kecamatan looks exactly like a missing area");
}
