//! `/audit` in people's words: sentences with names, in the reader's language, one
//! per kind of action; an unknown action still reads as a sentence.

use fake_telegram::Person;
use kimbot::kernel::members::UserId;

use crate::support::{ADMIN_ID, PersonExt, TestApp};
use crate::trainings::{NOW, app_at_now};

async fn record(app: &TestApp, actor: Option<i64>, action: &str, detail: &str) {
    kimbot::platform::audit::record(&app.db, actor.map(UserId), action, detail, NOW).await.unwrap();
}

/// Sends `/audit` and returns the page.
async fn audit_page(admin: &Person) -> String {
    admin.send("/audit").await;
    loop {
        let m = admin.next_message_skipping_edits().await;
        if m.text.contains("Log audit") || m.text.contains("Audit log") {
            return m.text;
        }
    }
}

#[tokio::test]
async fn audit_entries_read_as_sentences_with_names_in_the_readers_language() {
    let (app, _clock) = app_at_now().await;
    let admin = app.member_of(ADMIN_ID, "Citra", "IB1-BL").await;
    app.member_of(7002, "Budi", "KMN-KM").await;
    record(&app, Some(7002), "report.export", "kind=aspirations scope=Kota Palembang/Kemuning period=2026-01-01..2026-12-31 rows=120").await;
    record(&app, Some(7002), "aspiration.status", "ASP-2026-000001: diterima -> diteruskan").await;
    record(&app, Some(7002), "group.link", "chat=-100777 kim=KMN-KM").await;
    record(&app, None, "role.grant", "user=7002 role=staff scope=Kemuning via=cli").await;
    record(&app, Some(0), "privacy.erase", "tickets_anonymised=2 seats_freed=1 schedules_paused=0").await;
    record(&app, Some(7002), "mystery.thing", "x=1").await;

    let id = audit_page(&admin).await;
    sqlx::query("UPDATE users SET language = 'en' WHERE id = $1").bind(ADMIN_ID).execute(&app.db.pool).await.unwrap();
    let en = audit_page(&admin).await;

    for expected in [
        "Budi (7002)\nmengekspor laporan aspirasi untuk Kemuning (01/01/2026–31/12/2026), 120 baris",
        "mengubah status ASP-2026-000001 dari Diterima menjadi Diteruskan",
        "menghubungkan grup -100777 ke KIM Kemuning",
        "sistem/CLI\nmemberi Budi (7002) peran",
        "untuk Kemuning, lewat CLI",
        "seseorang yang datanya sudah dihapus\nmenghapus datanya sendiri: 2 tiket dianonimkan, 1 kursi pelatihan dilepas",
        "melakukan tindakan mystery.thing: x=1",
    ] {
        assert!(id.contains(expected), "missing {expected:?} in\n{id}");
    }
    for raw in ["report.export", "kind=", "scope=", "aspiration.status", "group.link", "user=7002"] {
        assert!(!id.contains(raw), "raw {raw:?} shown in\n{id}");
    }
    for expected in [
        "exported the aspiration report for Kemuning (01/01/2026–31/12/2026), 120 rows",
        "changed the status of ASP-2026-000001 from",
        "linked group -100777 to KIM Kemuning",
        "someone whose data was erased\nerased their own data",
        "did mystery.thing: x=1",
    ] {
        assert!(en.contains(expected), "missing {expected:?} in\n{en}");
    }
}
