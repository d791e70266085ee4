//! `/datasaya` in people's words: stored codes (sector, scale, needs, category,
//! status, role, language) shown through the messages in the reader's language, with
//! plural rules, the UMKM description, which tickets are anonymous, and dates in the
//! same format as tickets.

use super::*;

const NO_RAW_CODES: [&str; 5] = ["kuliner", "mikro", "qris,", "ditindaklanjuti", "infrastruktur"];

async fn datasaya_text(p: &Person) -> String {
    let shown = replies_until(p, "/datasaya", |m| m.file.is_some()).await;
    shown.iter().map(|m| m.text.as_str()).collect::<Vec<_>>().join("\n")
}

async fn arrange_readable(app: &TestApp) -> Arranged {
    let a = arrange(app).await;
    for sql in [
        "UPDATE umkm_registrations SET description = 'Pempek kapal selam, pesan antar' WHERE user_id = $1",
        "UPDATE aspirations SET anonymous = 1, status = 'ditindaklanjuti' WHERE user_id = $1",
    ] {
        sqlx::query(sql).bind(SITI).execute(&app.db.pool).await.unwrap();
    }
    a
}

#[tokio::test]
async fn datasaya_in_english_shows_no_stored_indonesian_codes_and_counts_in_english() {
    let (app, _clock) = app_at_now().await;
    let a = arrange_readable(&app).await;
    sqlx::query("UPDATE users SET language = 'en' WHERE id = $1").bind(SITI).execute(&app.db.pool).await.unwrap();

    let text = datasaya_text(&a.siti).await;

    for expected in [
        "Language: English",
        "KIM coordinator for",
        "Sector: Food and drink, scale Micro",
        "Needs: Capital, QRIS / digital payments",
        "Description: Pempek kapal selam, pesan antar",
        "Infrastructure, In progress",
        "1 photo, location shared, anonymous to coordinators",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in: {text}");
    }
    for raw in NO_RAW_CODES {
        assert!(!text.to_lowercase().contains(raw), "raw code {raw:?} in: {text}");
    }
    assert!(!text.contains("1 photos") && !text.contains("photo(s)"), "{text}");
}

#[tokio::test]
async fn datasaya_in_indonesian_names_codes_marks_anonymous_tickets_and_dates_like_tickets() {
    let (app, _clock) = app_at_now().await;
    let a = arrange_readable(&app).await;

    let text = datasaya_text(&a.siti).await;

    for expected in [
        "Bahasa: Bahasa Indonesia",
        "koordinator KIM untuk",
        "Sektor: Kuliner, skala Mikro",
        "Deskripsi: Pempek kapal selam",
        "Ditindaklanjuti",
        "anonim bagi koordinator",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in: {text}");
    }
    assert!(!text.contains("coordinator"), "no English role code: {text}");
    let ticket_time = kimbot::features::aspirations::model::local_time(NOW, chrono_tz::Asia::Jakarta);
    assert!(text.contains(&ticket_time), "dates as on tickets ({ticket_time}) in: {text}");
}
