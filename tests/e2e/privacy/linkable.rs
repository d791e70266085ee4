//! Erasure leaves nothing that identifies the person or links them to what stays
//! (issue 16 item 3): no column of the schema holds their id afterwards, the audit
//! log does not name them, tickets keep their own `updated_at`, and a copy of an
//! announcement sent to their UMKM stays counted in its report without their chat id
//! or business name.

use kimbot::kernel::members::areas::kim_by_code;
use kimbot::kernel::members::roles::{self, Scope};
use kimbot::features::trainings::store as trainings;
use kimbot::platform::audit;
use sqlx::Row;
use kimbot::kernel::members::UserId;

use super::schema::user_id_columns;
use super::{SITI, arrange};
use crate::announcements::steps::wait_text;
use crate::support::TestApp;
use crate::trainings::{NOW, app_at_now, training};

const OTHER_UMKM: i64 = 8111;

async fn id_of(app: &TestApp, sql: &'static str, binds: &[i64]) -> i64 {
    let mut q = sqlx::query(sql);
    for b in binds {
        q = q.bind(*b);
    }
    q.fetch_one(&app.db.pool).await.unwrap().get(0)
}

async fn exec(app: &TestApp, sql: &'static str, binds: &[i64]) {
    let mut q = sqlx::query(sql);
    for b in binds {
        q = q.bind(*b);
    }
    q.execute(&app.db.pool).await.unwrap();
}

/// Siti as a coordinator who did things: linked a group, granted a role, made and
/// used invites, sent an announcement (which also reached her own UMKM in private),
/// created a training and invited someone to it, added a feed and acted on a draft,
/// opened the console, reopened her ticket. Returns the announcement run's id.
async fn arrange_acts(app: &TestApp) -> i64 {
    let kim = kim_by_code(&app.db, "IB1-BL").await.unwrap().unwrap();
    exec(app, "INSERT INTO tg_groups (chat_id, title, kim_id, status, linked_by, linked_at, updated_at) \
               VALUES (-5001, 'RT 01', $1, 'active', $2, $3, $3)", &[kim.id.get(), SITI, NOW]).await;
    roles::grant(&app.db, UserId(8110), &Scope::Kim(kim.clone()), Some(UserId(SITI)), NOW).await.unwrap();
    roles::create_invite(&app.db, &Scope::Kim(kim.clone()), UserId(SITI), NOW).await.unwrap();
    exec(app, "INSERT INTO invites (code, role, kim_id, created_by, created_at, expires_at, used_by, used_at) \
               VALUES ('USEDSITI', 'coordinator', $1, 9000, $2, $3, $4, $2)", &[kim.id.get(), NOW, NOW + 86_400, SITI]).await;
    let ann = id_of(app, "INSERT INTO announcements (author_id, kim_id, area_path, text, entities, target_kind, target_ref, \
               target_name, schedule_kind, tz, status, runs, created_at, updated_at) VALUES ($1, $2, 'x', 'Pelatihan QRIS', '[]', \
               'kim', 'x', 'x', 'now', 'Asia/Jakarta', 'done', 1, $3, $3) RETURNING id", &[SITI, kim.id.get(), NOW]).await;
    let run = id_of(app, "INSERT INTO announcement_runs (announcement_id, n, due_at, fired_at) VALUES ($1, 1, $2, $2) RETURNING id", &[ann, NOW]).await;
    for (chat, title) in [(SITI, "Pempek Siti"), (OTHER_UMKM, "Warung Budi")] {
        let outbox = id_of(app, "INSERT INTO outbox (chat_id, priority, body, status, not_before, message_id, sent_at, created_at, updated_at) \
                   VALUES ($1, 2, '{}', 'sent', $2, 77, $2, $2, $2) RETURNING id", &[chat, NOW]).await;
        sqlx::query("INSERT INTO announcement_deliveries (run_id, outbox_id, chat_id, kim_id, title) VALUES ($1, $2, $3, $4, $5)")
            .bind(run).bind(outbox).bind(chat).bind(kim.id).bind(title).execute(&app.db.pool).await.unwrap();
    }
    let made = trainings::insert(&app.db, &training(kim.id.get(), "Menjahit", 5), UserId(SITI), NOW).await.unwrap();
    exec(app, "INSERT INTO training_invitations (training_id, user_id, invited_by, created_at) VALUES ($1, $2, $3, $4)", &[made, OTHER_UMKM, SITI, NOW]).await;
    exec(app, "INSERT INTO training_invitations (training_id, user_id, invited_by, created_at) VALUES ($1, $2, 7777, $3)", &[made, SITI, NOW]).await;
    let feed = id_of(app, "INSERT INTO feeds (url, area_id, cron, next_poll_at, created_by, created_at) \
               VALUES ('https://example.go.id/rss', $1, '0 */30 * * * *', $2, $3, $4) RETURNING id", &[kim.kelurahan_id, NOW + 999_999, SITI, NOW]).await;
    let item = id_of(app, "INSERT INTO feed_items (feed_id, item_key, title, summary, seen_at) VALUES ($1, 'guid:1', 'T', 'S', $2) RETURNING id", &[feed, NOW]).await;
    exec(app, "INSERT INTO feed_drafts (item_id, kim_id, status, acted_by, created_at, updated_at) VALUES ($1, $2, 'dismissed', $3, $4, $4)", &[item, kim.id.get(), SITI, NOW]).await;
    exec(app, "INSERT INTO staff_notices (staff_id, pending) VALUES ($1, 2)", &[SITI]).await;
    exec(app, "INSERT INTO console_logins (token_hash, user_id, created_at, expires_at) VALUES ('h1', $1, $2, $2)", &[SITI, NOW]).await;
    exec(app, "INSERT INTO console_sessions (id_hash, user_id, csrf, lang, created_at, last_seen_at) VALUES ('h2', $1, 'c', 'id', $2, $2)", &[SITI, NOW]).await;
    audit::record(&app.db, Some(UserId(SITI)), "aspiration.reopen", "ASP-2026-000001: selesai -> ditindaklanjuti", NOW).await.unwrap();
    audit::record(&app.db, None, "role.grant", &format!("user={SITI} role=coordinator scope=KIM Bukit Lama via=cli"), NOW).await.unwrap();
    audit::record(&app.db, Some(UserId(SITI)), "group.status", &format!("chat=-5001 status=active by={SITI}"), NOW).await.unwrap();
    run
}

#[tokio::test]
async fn erasure_leaves_no_id_name_or_time_that_links_the_person_to_what_stays() {
    let (app, clock) = app_at_now().await;
    let a = arrange(&app).await;
    let run = arrange_acts(&app).await;
    let ticket_updated = "SELECT updated_at FROM aspirations WHERE id = $1";
    let updated_before = app.count(ticket_updated, 1).await;
    clock.advance(3_600);

    a.siti.send("/hapusdata").await;
    // A staff notice set up above ("2 aspirasi baru…") may come first: wait for the question.
    wait_text(&a.siti, "Yakin ingin menghapus").await;
    a.siti.press("Hapus").await;
    // Read past anything else due for her in the hour that passed (a training reminder).
    wait_text(&a.siti, "sudah dihapus").await;

    for (table, column) in user_id_columns(&app).await {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1");
        let n: i64 = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(SITI).fetch_one(&app.db.pool).await.unwrap().get(0);
        assert_eq!(n, 0, "{table}.{column} still holds the erased person's id");
    }
    let naming = "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%' || $1 || '%'";
    let named: i64 = sqlx::query(naming).bind(SITI.to_string()).fetch_one(&app.db.pool).await.unwrap().get(0);
    assert_eq!(named, 0, "no audit detail names the person");
    assert_eq!(app.count(ticket_updated, 1).await, updated_before, "the ticket does not carry the erasure's time");
    let erase_at = app.count("SELECT at FROM audit_log WHERE action = 'privacy.erase' AND actor = $1", 0).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM aspirations WHERE updated_at = $1", erase_at).await, 0);
    let copies = "SELECT COUNT(*) FROM announcement_deliveries d JOIN outbox o ON o.id = d.outbox_id WHERE d.run_id = $1";
    assert_eq!(app.count(copies, run).await, 2, "both copies still count in the report");
    assert_eq!(app.count("SELECT COUNT(*) FROM announcement_deliveries WHERE run_id = $1 AND title = 'Pempek Siti'", run).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE message_id = $1", 77).await, 1, "only the other owner's copy keeps its message id");
    assert_eq!(app.count("SELECT COUNT(*) FROM trainings WHERE created_by = $1", 0).await, 1, "her training stays");
    assert_eq!(app.count("SELECT COUNT(*) FROM tg_groups WHERE kim_id IS NOT NULL AND chat_id = $1", -5001).await, 1, "the group stays linked");
}
