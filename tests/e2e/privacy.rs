//! Own data (UU 27/2022): `/datasaya`, `/hapusdata`, `/berhenti`; the audit log
//! for admins (`/audit`) and on the CLI (`kimbot audit --actor --action`).

use std::time::Duration;
use kimbot::kernel::members::UserId;

use fake_telegram::{BotMessage, Person};
use kimbot::features::aspirations::model::{Category, GeoPoint};
use kimbot::features::aspirations::store::{NewAspiration, add_message, submit};
use kimbot::features::trainings::{seats, store as trainings};
use sqlx::Row;

use crate::support::{MessageExt, PersonExt, TestApp};
use crate::trainings::{NOW, app_at_now, training};

mod coverage;
mod linkable;
mod schedules;
mod readable;
mod schema;

const SITI: i64 = 8101;
const WAITING: i64 = 8102;
const PHONE: &str = "+6281234567890";

/// Everything a resident can leave behind: membership, a coordinator role, an UMKM
/// record, a ticket with photo, location and thread, a training seat (with someone
/// waiting behind her), a rating, and a message still queued for her.
struct Arranged {
    siti: Person,
    ticket: String,
}

async fn arrange(app: &TestApp) -> Arranged {
    let siti = app.member_of(SITI, "Siti Rahayu", "IB1-BL").await;
    app.grant_coordinator(SITI, "IB1-BL").await;
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, "IB1-BL").await.unwrap().unwrap();
    sqlx::query(
        "INSERT INTO umkm_registrations (user_id, owner_name, business_name, sector, scale, kelurahan_id, kim_id, phone, \
         nib, needs, description, created_at, updated_at) VALUES ($1, 'Siti Rahayu', 'Pempek Siti', 'kuliner', 'mikro', \
         $2, $3, $4, NULL, 'modal,qris', NULL, $5, $5)",
    )
    .bind(SITI)
    .bind(kim.kelurahan_id)
    .bind(kim.id)
    .bind(PHONE)
    .bind(NOW)
    .execute(&app.db.pool)
    .await
    .unwrap();
    let new = NewAspiration {
        user_id: SITI,
        kim_id: kim.id.get(),
        category: Category::Infrastruktur,
        body: "Jalan berlubang di depan masjid".into(),
        photos: vec!["photo-file-1".into()],
        location: Some(GeoPoint { lat_e6: -2_976_000, lon_e6: 104_745_000 }),
        anonymous: false,
    };
    let ticket = submit(&app.db, &new, 2026, NOW, &[]).await.unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let reply = add_message(&mut tx, ticket.id, UserId(7777), None, "Sudah kami teruskan", NOW).await.unwrap();
    add_message(&mut tx, ticket.id, UserId(SITI), Some(reply), "Terima kasih, Pak", NOW).await.unwrap();
    tx.commit().await.unwrap();
    let training_id = trainings::insert(&app.db, &training(kim.id.get(), "Membatik", 1), UserId(7777), NOW).await.unwrap();
    seats::register(&app.db, training_id, UserId(SITI), NOW).await.unwrap();
    seats::register(&app.db, training_id, UserId(WAITING), NOW).await.unwrap();
    sqlx::query("INSERT INTO training_feedback (training_id, user_id, rating, comment, created_at, updated_at) VALUES ($1, $2, 5, 'Bagus', $3, $3)")
        .bind(training_id)
        .bind(SITI)
        .bind(NOW)
        .execute(&app.db.pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO outbox (chat_id, priority, body, status, not_before, created_at, updated_at) VALUES ($1, 1, '{}', 'queued', $2, $3, $3)")
        .bind(SITI)
        .bind(NOW + 86_400 * 365)
        .bind(NOW)
        .execute(&app.db.pool)
        .await
        .unwrap();
    Arranged { siti, ticket: ticket.number }
}

/// Sends text and collects the bot's new messages until `done` says enough.
async fn replies_until(p: &Person, text: &str, done: impl Fn(&BotMessage) -> bool) -> Vec<BotMessage> {
    p.send(text).await;
    let mut out = Vec::new();
    loop {
        let m = p.next_message_skipping_edits().await;
        let last = done(&m);
        out.push(m);
        if last {
            return out;
        }
    }
}

/// The bot's answers to these presses (waits up to 5 s for all of them).
async fn answers_to(p: &Person, ids: &[String]) -> Vec<fake_telegram::CallbackAnswer> {
    let ours = || p.callback_answers().into_iter().filter(|a| ids.contains(&a.callback_query_id)).collect::<Vec<_>>();
    for _ in 0..100 {
        if ours().len() == ids.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    ours()
}

async fn count2(app: &TestApp, sql: &'static str, a: i64, b: &str) -> i64 {
    sqlx::query(sql).bind(a).bind(b).fetch_one(&app.db.pool).await.unwrap().try_get(0).unwrap()
}

#[tokio::test]
async fn datasaya_shows_the_umkm_record_ticket_and_training_and_sends_them_as_json() {
    let (app, _clock) = app_at_now().await;
    let a = arrange(&app).await;

    let shown = replies_until(&a.siti, "/datasaya", |m| m.file.is_some()).await;

    let text: String = shown.iter().map(|m| m.text.as_str()).collect::<Vec<_>>().join("\n");
    for expected in [
        "Siti Rahayu",
        "Pempek Siti",
        PHONE,
        a.ticket.as_str(),
        "Jalan berlubang",
        "Membatik",
        "terdaftar",
        "Bagus",
        "koordinator KIM",
        "Keanggotaan KIM",
    ] {
        assert!(text.contains(expected), "{expected} missing in: {text}");
    }
    assert!(shown.iter().all(|m| m.text.chars().count() <= 4096));
    let call = app.wait_for_call("sendDocument", |p| p["document"]["file_name"] == "datasaya.json").await;
    let json: serde_json::Value = serde_json::from_str(call.params["document"]["text"].as_str().unwrap()).unwrap();
    assert_eq!(json["telegram_user_id"], SITI);
    assert_eq!(json["profile"]["first_name"], "Siti Rahayu");
    assert_eq!(json["umkm"]["phone"], PHONE);
    assert_eq!(json["umkm"]["needs"], serde_json::json!(["modal", "qris"]));
    assert_eq!(json["aspirations"][0]["ticket"], a.ticket.as_str());
    assert_eq!(json["aspirations"][0]["photos"], 1);
    assert_eq!(json["aspirations"][0]["thread"][1]["body"], "Terima kasih, Pak");
    assert_eq!(json["trainings"][0]["title"], "Membatik");
    assert_eq!(json["trainings"][0]["status"], "registered");
    assert_eq!(json["training_feedback"][0]["rating"], 5);
    assert_eq!(json["roles"][0]["role"], "coordinator");
}

#[tokio::test]
async fn hapusdata_after_confirmation_erases_the_person_and_reports_still_count_the_ticket() {
    let (app, _clock) = app_at_now().await;
    let a = arrange(&app).await;
    let tickets_before = app.count("SELECT COUNT(*) FROM aspirations WHERE id > $1", 0).await;

    a.siti.send("/hapusdata").await;
    let confirm = a.siti.next_message_skipping_edits().await;
    assert!(confirm.text.contains("tiket aspirasi") && confirm.text.contains("nomor HP"), "{}", confirm.text);
    assert!(confirm.has_button("Hapus") && confirm.has_button("Batal"));
    a.siti.press("Hapus").await;
    let done = a.siti.next_message().await;

    assert!(done.text.contains("sudah dihapus"), "{}", done.text);
    let gone: [(&'static str, &str); 11] = [
        ("SELECT COUNT(*) FROM users WHERE id = $1 OR first_name = $2", "Siti Rahayu"),
        ("SELECT COUNT(*) FROM umkm_registrations WHERE user_id = $1 OR phone = $2", PHONE),
        ("SELECT COUNT(*) FROM aspirations WHERE user_id = $1 OR lat_e6 IS NOT NULL OR body = $2", "-"),
        ("SELECT COUNT(*) FROM aspiration_messages WHERE author = $1 OR body = $2", "-"),
        ("SELECT COUNT(*) FROM training_registrations WHERE user_id = $1 OR status = $2", "cancelled"),
        ("SELECT COUNT(*) FROM training_feedback WHERE user_id = $1 OR comment = $2", "Bagus"),
        (
            "SELECT COUNT(*) FROM consents WHERE user_id = $1 OR (withdrawn_at IS NULL AND user_id = 0 AND purpose <> $2)",
            "-",
        ),
        ("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1 OR state = $2", "-"),
        ("SELECT COUNT(*) FROM grants WHERE user_id = $1 OR role = $2", "coordinator"),
        ("SELECT COUNT(*) FROM outbox WHERE chat_id = $1 OR body = $2", "-"),
        ("SELECT COUNT(*) FROM aspiration_photos WHERE aspiration_id = $1 OR file_id = $2", "photo-file-1"),
    ];
    for (sql, text) in gone {
        assert_eq!(count2(&app, sql, SITI, text).await, 0, "{sql}");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM aspirations WHERE id > $1", 0).await,
        tickets_before,
        "reports still count it"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM aspirations WHERE user_id = $1 AND anonymous = 1", 0).await, 1);
    let moved_up = "SELECT COUNT(*) FROM training_registrations WHERE user_id = $1 AND status = 'registered'";
    assert_eq!(app.count(moved_up, WAITING).await, 1, "the waitlist moved up into the freed seat");
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE chat_id = $1", WAITING).await, 1, "and was told");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.erase' AND actor = $1", 0).await,
        1,
        "the erasure is recorded, without an id that links to the tickets"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE actor = $1", SITI).await, 0);
    let after = replies_until(&a.siti, "/datasaya", |_| true).await;
    assert!(after[0].text.contains("Tidak ada data"), "{}", after[0].text);
}

#[tokio::test]
async fn batal_on_the_erase_confirmation_erases_nothing() {
    let (app, _clock) = app_at_now().await;
    let a = arrange(&app).await;

    a.siti.send("/hapusdata").await;
    a.siti.next_message_skipping_edits().await;
    a.siti.press("Batal").await;
    let kept = a.siti.next_message().await;

    assert!(kept.text.contains("tidak ada yang dihapus"), "{}", kept.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE id = $1", SITI).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM umkm_registrations WHERE user_id = $1", SITI).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM aspirations WHERE user_id = $1", SITI).await, 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.erase' AND actor = $1", SITI).await,
        0
    );
}

#[tokio::test]
async fn a_forged_erase_button_from_another_user_does_nothing() {
    let (app, _clock) = app_at_now().await;
    let a = arrange(&app).await;
    let other = app.member_of(8103, "Budi", "IB1-BL").await;
    a.siti.send("/hapusdata").await;
    a.siti.next_message_skipping_edits().await;

    // Budi presses Siti's confirmation data on his own chat, with and without being asked.
    let budi_msg = other.last_message().unwrap().message_id;
    let first = other.press_data(budi_msg, &format!("p:ey:{SITI}")).await;
    other.send("/hapusdata").await;
    other.next_message_skipping_edits().await;
    let confirm = other.last_message().unwrap().message_id;
    let second = other.press_data(confirm, &format!("p:ey:{SITI}")).await;

    let answers = answers_to(&other, &[first, second]).await;
    assert_eq!(answers.len(), 2);
    assert!(answers.iter().all(|a| a.text.as_deref().is_some_and(|t| t.contains("tidak berlaku"))), "{answers:?}");
    for id in [SITI, 8103] {
        assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE id = $1", id).await, 1);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.erase' AND actor > $1", 0).await, 0);
}

#[tokio::test]
async fn berhenti_asks_first_then_withdraws_programme_news_and_says_how_to_turn_it_back_on() {
    let (app, _clock) = app_at_now().await;
    let siti = app.member_of(SITI, "Siti", "IB1-BL").await;
    sqlx::query("INSERT INTO consents (user_id, purpose, notice_version, granted_at) VALUES ($1, 'news', 'v1', $2)")
        .bind(SITI)
        .bind(NOW)
        .execute(&app.db.pool)
        .await
        .unwrap();

    let asked = replies_until(&siti, "/berhenti", |_| true).await;
    siti.press("Batal").await;
    let kept = siti.next_message().await;
    let standing_after_cancel = app.count("SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'news' AND withdrawn_at IS NULL", SITI).await;
    replies_until(&siti, "/berhenti", |_| true).await;
    siti.press("Ya, berhenti").await;
    let stopped = siti.next_message().await;
    let again = replies_until(&siti, "/berhenti", |_| true).await;

    assert!(asked[0].text.contains("Berhenti menerima berita program") && asked[0].text.contains("/umkm"), "{}", asked[0].text);
    assert!(kept.text.contains("tetap menerima") && kept.edited, "{}", kept.text);
    assert_eq!(standing_after_cancel, 1, "Batal changes nothing");
    assert!(stopped.text.contains("tidak akan lagi") && stopped.text.contains("/umkm"), "{}", stopped.text);
    assert!(again[0].text.contains("tidak sedang menerima"), "{}", again[0].text);
    let standing = "SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'news' AND withdrawn_at IS NULL";
    assert_eq!(app.count(standing, SITI).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'news'", SITI).await, 1);
}

async fn fill_audit(app: &TestApp) {
    for i in 0..12 {
        kimbot::platform::audit::record(&app.db, Some(UserId(7001)), "group.link", &format!("chat=-100{i}"), NOW + i).await.unwrap();
    }
    kimbot::platform::audit::record(&app.db, Some(UserId(7002)), "aspiration.status", "ASP-2026-000001: diterima -> diteruskan", NOW)
        .await
        .unwrap();
    kimbot::platform::audit::record(&app.db, Some(UserId(7002)), "aspiration.reply", "ASP-2026-000001", NOW).await.unwrap();
    kimbot::platform::audit::record(&app.db, None, "role.grant", "user=7002 via=cli", NOW).await.unwrap();
}

#[tokio::test]
async fn audit_is_refused_for_non_admins_and_pages_filtered_entries_for_the_admin() {
    let (app, _clock) = app_at_now().await;
    fill_audit(&app).await;
    let staff = app.member_of(8104, "Staf", "IB1-BL").await;
    app.grant_staff(8104, "Ilir Barat I").await;
    let admin = app.member_of(crate::support::ADMIN_ID, "Admin", "IB1-BL").await;

    let refused = replies_until(&staff, "/audit", |_| true).await;
    let by_kind = replies_until(&admin, "/audit aspiration", |_| true).await;
    let by_person = replies_until(&admin, "/audit 7001", |_| true).await;

    assert!(refused[0].text.contains("hanya untuk admin"), "{}", refused[0].text);
    let kind = &by_kind[0].text;
    assert!(
        kind.contains("mengubah status ASP-2026-000001") && kind.contains("membalas ASP-2026-000001") && !kind.contains("group.link"),
        "{kind}"
    );
    let person = &by_person[0];
    assert!(
        person.text.contains("halaman 1 dari 2") && person.text.matches("group.link").count() == 10,
        "{}",
        person.text
    );
    assert!(!person.text.contains("aspiration"));
    // Next page; then the same button pressed by a non-admin changes nothing.
    let next = person.buttons.iter().flatten().find(|b| b.text.contains("Berikutnya")).unwrap();
    let data = next.callback_data.clone().unwrap();
    admin.press("Berikutnya").await;
    let page2 = admin.next_message().await;
    assert!(page2.text.contains("halaman 2 dari 2") && page2.text.matches("group.link").count() == 2, "{}", page2.text);
    let staff_msg = staff.last_message().unwrap().message_id;
    let press = staff.press_data(staff_msg, &data).await;
    let answers = answers_to(&staff, &[press]).await;
    assert!(answers[0].text.as_deref().is_some_and(|t| t.contains("tidak berlaku")), "{answers:?}");
    assert!(!staff.last_message().unwrap().text.contains("group.link"));
}

#[tokio::test]
async fn the_cli_audit_filters_by_actor_and_action_prefix() {
    let (app, _clock) = app_at_now().await;
    fill_audit(&app).await;
    let cli = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kimbot"))
            .arg("audit")
            .args(args)
            .env("DATABASE_URL", &app.database_url)
            .env("TELOXIDE_TOKEN", fake_telegram::TOKEN)
            .env_remove("KIMBOT_ADMINS")
            .env_remove("KIMBOT_TZ")
            .output()
            .expect("kimbot runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };

    let by_actor = cli(&["--actor", "7002"]);
    let by_action = cli(&["--action", "group.", "--limit", "100"]);
    let both = cli(&["--actor", "7002", "--action", "aspiration.rep"]);

    assert_eq!(by_actor.lines().count(), 2, "{by_actor}");
    assert!(by_actor.lines().all(|l| l.contains("\t7002\t")));
    assert_eq!(by_action.lines().count(), 12, "{by_action}");
    assert_eq!(both.lines().count(), 1, "{both}");
    assert!(both.contains("aspiration.reply"));
}
