//! *Ringkasan* over HTTP: period and area pickers, scope (another kecamatan's area
//! answers exactly like a missing one), the numbers themselves, and the tallies the
//! page reads agreeing with the tickets for periods on and off week boundaries.

use kimbot::kernel::members::{UserId, areas};
use kimbot::features::aspirations::tally::{self, RESPONSE_BOUNDS, WEEK};
use reqwest::StatusCode;
use sqlx::Row;

use super::{get, link_for, log_in};
use crate::aspirations::{KECAMATAN, staff_of};
use crate::support::{TestApp, spawn_app};

/// Monday 2026-11-30 00:00 WIB, a tally-week boundary.
const MONDAY: i64 = 1_795_971_600;
const DAY: i64 = 86_400;

/// A ticket straight in the table (the triggers keep the tallies), as the chat
/// would store it; `responded` adds a status change that many seconds later.
pub(super) async fn ticket(app: &TestApp, n: i64, kim: &str, category: &str, created_at: i64, responded: Option<i64>) -> i64 {
    let kim = areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    let row = sqlx::query(
        "INSERT INTO aspirations (ticket, year, seq, user_id, kim_id, category, body, status, created_at, updated_at) \
         VALUES ($1, 2026, $2, 77, $3, $4, 'Jalan rusak', 'diterima', $5, $5) RETURNING id",
    )
    .bind(format!("ASP-2026-{n:06}"))
    .bind(n)
    .bind(kim.id)
    .bind(category)
    .bind(created_at)
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    let id: i64 = row.try_get("id").unwrap();
    if let Some(after) = responded {
        sqlx::query("UPDATE aspirations SET status = 'diteruskan' WHERE id = $1").bind(id).execute(&app.db.pool).await.unwrap();
        sqlx::query("INSERT INTO aspiration_status_log (aspiration_id, from_status, to_status, actor, at) VALUES ($1, 'diterima', 'diteruskan', 5, $2)")
            .bind(id)
            .bind(created_at + after)
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
    id
}

/// A business of `user_id` (a member of IB1-BL): kuliner, needing capital and QRIS.
async fn business(app: &TestApp, user_id: i64) {
    use kimbot::features::umkm::model::{Need, Place, Registration, Scale, Sector};
    let kim = areas::kim_by_code(&app.db, "IB1-BL").await.unwrap().unwrap();
    let area = areas::area_by_id(&app.db, kim.kelurahan_id).await.unwrap().unwrap();
    let reg = Registration {
        owner: "Ibu Sari".into(),
        business: "Pempek Sari".into(),
        sector: Sector::Kuliner,
        scale: Scale::Mikro,
        kelurahan: Place { id: area.id, name: area.name },
        phone: "+6281234567890".into(),
        nib: None,
        needs: vec![Need::Modal, Need::Qris],
        description: None,
    };
    kimbot::features::umkm::store::save(&app.db, UserId(user_id), kim.id, &reg, Some(1), 1).await.unwrap();
}

async fn area_id(app: &TestApp, name: &str) -> i64 {
    areas::find_scope_areas(&app.db, name).await.unwrap().remove(0).id
}

fn dates(from: i64, to: i64) -> String {
    let day = |ts: i64| chrono::DateTime::from_timestamp(ts + 7 * 3600, 0).unwrap().format("%Y-%m-%d").to_string();
    format!("period=dates&from={}&to={}", day(from), day(to))
}

#[tokio::test]
async fn the_summary_counts_a_period_in_scope_and_another_kecamatans_area_looks_missing() {
    let app = spawn_app().await;
    ticket(&app, 1, "IB1-BL", "infrastruktur", MONDAY + 3600, Some(5 * 3600)).await;
    let closed = ticket(&app, 2, "IB1-BL", "infrastruktur", MONDAY + 2 * DAY, None).await;
    sqlx::query("UPDATE aspirations SET status = 'selesai' WHERE id = $1").bind(closed).execute(&app.db.pool).await.unwrap();
    let late = ticket(&app, 3, "IB1-BB", "kesehatan", MONDAY + 9 * DAY + 100, None).await;
    sqlx::query("UPDATE aspirations SET overdue_at = $1 WHERE id = $2").bind(MONDAY + 12 * DAY).bind(late).execute(&app.db.pool).await.unwrap();
    ticket(&app, 4, "IB1-BL", "ekonomi", MONDAY - DAY, None).await; // before the period
    ticket(&app, 5, "KMN-KM", "ekonomi", MONDAY + DAY, None).await; // another kecamatan
    let staff = staff_of(&app, 6101, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;

    business(&app, 6101).await;
    let period = dates(MONDAY, MONDAY + 13 * DAY);
    let (status, page) = get(&app, &cookie, &format!("/dasbor/ringkasan?{period}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("UMKM terdaftar di wilayah ini: 1"), "{page}");
    let umkm = &page[page.find("UMKM terdaftar").unwrap()..];
    for label in ["Kuliner", "Modal", "QRIS"] {
        let after = &umkm[umkm.find(label).unwrap_or_else(|| panic!("no {label}: {umkm}"))..];
        let num = after.find("<td class=\"num\">").unwrap() + 16;
        assert!(after[num..].starts_with("1<"), "one business under {label}: {umkm}");
    }
    assert!(!umkm.contains("Perizinan"), "needs nobody named are left out: {umkm}");
    let tile = |label: &str| {
        let at = page.find(label).unwrap_or_else(|| panic!("no {label} in {page}"));
        let before = &page[..at];
        let num = before.rfind("<span class=\"num\">").unwrap();
        before[num + 18..].split('<').next().unwrap().to_string()
    };
    assert_eq!(tile("Aspirasi masuk"), "3");
    assert_eq!(tile("Masih terbuka"), "2");
    assert_eq!(tile("Lewat batas layanan"), "1");
    assert_eq!(tile("Median waktu respons pertama"), "≈ 6 jam", "one response after 5 h: the 4–8 h band's middle");
    assert!(page.contains("Bukit Lama") && page.contains("Bukit Baru") && !page.contains("Kemuning</td>"), "{page}");
    assert!(page.contains("<svg") && page.matches("<rect").count() == 2, "two weeks with tickets: {page}");

    let kelurahan = areas::find_scope_areas(&app.db, KECAMATAN).await.unwrap().remove(0);
    let bukit_lama = areas::children(&app.db, Some(kelurahan.id)).await.unwrap().into_iter().find(|a| a.name == "Bukit Lama").unwrap();
    let (status, one) = get(&app, &cookie, &format!("/dasbor/ringkasan?{period}&area={}", bukit_lama.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(one.contains("<span class=\"num\">2</span><span>Aspirasi masuk"), "{one}");

    let elsewhere = area_id(&app, "Kemuning").await;
    let (guessed, guessed_page) = get(&app, &cookie, &format!("/dasbor/ringkasan?area={elsewhere}")).await;
    let (missing, missing_page) = get(&app, &cookie, "/dasbor/ringkasan?area=999999").await;
    assert_eq!((guessed, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(guessed_page, missing_page, "another kecamatan looks exactly missing");

    let (bad, page) = get(&app, &cookie, "/dasbor/ringkasan?period=dates&from=2026-12-31&to=2026-01-01").await;
    assert_eq!(bad, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Tanggal pilihan tidak bisa dipakai") && page.contains("value=\"2026-12-31\""), "the typed dates stay");
}

#[tokio::test]
async fn dates_at_the_end_of_the_calendar_are_refused_on_the_summary_and_downloads_instead_of_panicking() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6102, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let far = "from=%2B262142-12-30&to=%2B262142-12-31";

    let (summary, page) = get(&app, &cookie, &format!("/dasbor/ringkasan?period=dates&{far}")).await;
    assert_eq!(summary, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("antara tahun 2000 dan 2100"), "{page}");
    let (download, _) = get(&app, &cookie, &format!("/dasbor/unduh/aspirasi?{far}")).await;
    assert_eq!(download, StatusCode::BAD_REQUEST);
    let (early, _) = get(&app, &cookie, "/dasbor/ringkasan?period=dates&from=1999-12-31&to=2000-01-01").await;
    assert_eq!(early, StatusCode::UNPROCESSABLE_ENTITY);
}

/// Seconds → histogram bucket, as the triggers and the page count them.
fn bucket(secs: i64) -> usize {
    RESPONSE_BOUNDS.iter().position(|b| secs < *b).unwrap_or(RESPONSE_BOUNDS.len())
}

#[tokio::test]
async fn the_tallies_agree_with_the_tickets_for_periods_on_and_off_week_boundaries() {
    let app = spawn_app().await;
    let kims: Vec<i64> = areas::all_kims(&app.db).await.unwrap().iter().map(|k| k.id.get()).collect();
    let codes = ["IB1-BL", "IB1-BB", "KMN-KM"];
    let categories = ["infrastruktur", "ekonomi", "kesehatan"];
    for n in 0..60 {
        let at = MONDAY - 10 * DAY + n * 37_003;
        let responded = (n % 3 != 0).then_some(n * 5_011 % (9 * DAY));
        let id = ticket(&app, 100 + n, codes[n as usize % 3], categories[n as usize % 3], at, responded).await;
        if n % 4 == 0 {
            // Moves the update trigger: closes some, flags some overdue.
            sqlx::query("UPDATE aspirations SET status = 'selesai' WHERE id = $1").bind(id).execute(&app.db.pool).await.unwrap();
        } else if n % 5 == 0 {
            sqlx::query("UPDATE aspirations SET overdue_at = 1 WHERE id = $1 AND status = 'diterima'").bind(id).execute(&app.db.pool).await.unwrap();
        }
    }
    // Tickets right at and around week boundaries, where a misplaced edge shows.
    for (i, at) in [-WEEK, 0, WEEK, 2 * WEEK].iter().flat_map(|w| [-1800, -1, 0, 1, 1800].map(|off| MONDAY + w + off)).enumerate() {
        ticket(&app, 200 + i as i64, codes[i % 3], categories[i % 2], at, Some(i as i64 * 3000)).await;
    }
    let some: Vec<i64> = kims.iter().copied().take(3).collect();
    let periods = [
        (MONDAY - 7 * WEEK, MONDAY + 7 * WEEK),
        (MONDAY, MONDAY + WEEK),
        (MONDAY - 3 * DAY - 3600, MONDAY + 9 * DAY + 7),
        (MONDAY + 3600, MONDAY + 5 * DAY),
        (MONDAY - 5 * DAY, MONDAY + WEEK),
    ];
    for (from, to) in periods {
        for scope in [&kims, &some] {
            let got = tally::gather(&app.db, scope, from, to).await.unwrap();
            let rows = sqlx::query("SELECT kim_id, status, overdue_at, created_at, first_response_at FROM aspirations WHERE created_at >= $1 AND created_at < $2")
                .bind(from)
                .bind(to)
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
            let (mut n, mut open, mut overdue, mut response) = (0, 0, 0, [0i64; 17]);
            for r in rows.iter().filter(|r| scope.contains(&r.get::<i64, _>("kim_id"))) {
                let status: String = r.get("status");
                n += 1;
                open += i64::from(status != "selesai" && status != "ditolak");
                overdue += i64::from(status == "diterima" && r.get::<Option<i64>, _>("overdue_at").is_some());
                if let Some(at) = r.get::<Option<i64>, _>("first_response_at") {
                    response[bucket(at - r.get::<i64, _>("created_at"))] += 1;
                }
            }
            let total = got.total();
            assert_eq!((total.n, total.open, total.overdue), (n, open, overdue), "{from}..{to}");
            assert_eq!(got.response, response, "{from}..{to}");
            assert_eq!(got.by_week.values().sum::<i64>(), n, "{from}..{to}");
        }
    }
    assert!(tally::gather(&app.db, &kims, periods[0].0, periods[0].1).await.unwrap().total().n == 80, "the widest period holds all");
}
