//! The city the web bench measures: 1 kota, 13 kecamatan, 104 kelurahan with one
//! KIM each (the size PRODUCT.md gives), `rows` aspirations over the last year, and
//! in proportion UMKM (1 per 20 tickets), trainings (1 per 500, a sixth still to
//! come, with registrations), announcements (1 per 1,000, each sent to 3 groups)
//! and audit entries (1 per 2).
//!
//! Tickets age as in an office that keeps up: most older than a month are closed,
//! the last week's are still open, and untouched ones past 5 days are overdue; every
//! fourth resident shared a location (the map's pins), and every forwarded ticket is
//! with one agency, open at it (the desk's "Menunggu OPD"). Rows
//! go in through multi-row INSERTs in large transactions; the tally triggers run
//! for every ticket, as they would in production.

use crate::platform::db::{Db, DbResult};

const KECAMATAN: i64 = 13;
const KELURAHAN_EACH: i64 = 8;
pub const KIMS: i64 = KECAMATAN * KELURAHAN_EACH;
/// Residents (and UMKM owners) have ids from here.
pub const FIRST_USER: i64 = 1_000_000;
/// The staff member the desk's "Milik saya" tickets are assigned to.
const STAFF_ASSIGNEE: i64 = super::STAFF;
const DAY: i64 = 86_400;
const BATCH: i64 = 500;
const PER_TX: i64 = 20_000;
const CATEGORIES: [&str; 9] =
    ["infrastruktur", "ekonomi", "pelatihan", "kesehatan", "pendidikan", "lingkungan", "keamanan", "layanan", "lainnya"];
const SECTORS: [&str; 7] = ["kuliner", "fashion", "kriya", "jasa", "pertanian", "perdagangan", "lainnya"];
const NEEDS: [&str; 5] = ["modal", "pelatihan", "pemasaran", "perizinan,qris", "modal,pemasaran,kemasan"];
/// What residents write; one ticket in 10,000 mentions the rare "jembatan gantung".
const BODIES: [&str; 6] = [
    "Jalan berlubang di depan rumah nomor {i}, tergenang air saat hujan.",
    "Lampu penerangan jalan mati di gang {i} sejak minggu lalu.",
    "Sampah menumpuk di pasar blok {i}, mohon diangkut.",
    "Saluran air tersumbat di RT {i}, banjir tiap hujan deras.",
    "Mohon pelatihan menjahit untuk ibu-ibu RW {i}.",
    "Posyandu di RW {i} kekurangan timbangan bayi.",
];

/// Everything, in order; `now` is the bench's clock.
pub async fn city(db: &Db, rows: i64, now: i64) -> DbResult<()> {
    areas(db).await?;
    in_batches(db, rows / 20, |a, b| users_sql(a, b, now)).await?;
    in_batches(db, rows, |a, b| aspirations_sql(a, b, rows, now)).await?;
    in_batches(db, rows, |a, b| log_sql(a, b, rows, now)).await?;
    in_batches(db, rows, |a, b| dispositions_sql(a, b, rows, now)).await?;
    in_batches(db, rows / 20, |a, b| umkm_sql(a, b, now)).await?;
    in_batches(db, rows / 500, |a, b| trainings_sql(a, b, rows / 500, now)).await?;
    in_batches(db, rows / 500, |a, b| registrations_sql(a, b, rows / 500, now)).await?;
    in_batches(db, rows / 1000, |a, b| announcements_sql(a, b, rows / 1000, now)).await?;
    in_batches(db, rows / 2, |a, b| audit_sql(a, b, rows / 2, now)).await?;
    Ok(())
}

/// Runs `sql(from, to)` for `[1, n]` in slices of [`BATCH`], [`PER_TX`] per commit.
async fn in_batches(db: &Db, n: i64, sql: impl Fn(i64, i64) -> Vec<String>) -> DbResult<()> {
    let mut next = 1;
    while next <= n {
        let mut tx = db.begin().await?;
        let end = (next + PER_TX).min(n + 1);
        while next < end {
            let upto = (next + BATCH).min(end);
            for statement in sql(next, upto) {
                sqlx::query(sqlx::AssertSqlSafe(statement)).execute(&mut *tx).await?;
            }
            next = upto;
        }
        tx.commit().await?;
    }
    Ok(())
}

fn values(sql: &str, rows: impl Iterator<Item = String>) -> String {
    format!("{sql} VALUES {}", rows.collect::<Vec<_>>().join(","))
}

async fn areas(db: &Db) -> DbResult<()> {
    let mut areas = vec!["(1, 'kota', 'Kota Bench', NULL, 'Kota Bench')".to_string()];
    let mut kims = Vec::new();
    for k in 1..=KECAMATAN {
        let kec = 1 + k;
        areas.push(format!("({kec}, 'kecamatan', 'Kecamatan {k:02}', 1, 'Kota Bench/Kecamatan {k:02}')"));
        for l in 1..=KELURAHAN_EACH {
            let id = 100 + k * 10 + l;
            areas.push(format!("({id}, 'kelurahan', 'Kelurahan {k:02}-{l}', {kec}, 'Kota Bench/Kecamatan {k:02}/Kelurahan {k:02}-{l}')"));
            kims.push(format!("({}, 'B{k:02}-{l}', 'KIM {k:02}-{l}', {id})", (k - 1) * KELURAHAN_EACH + l));
        }
    }
    sqlx::query(sqlx::AssertSqlSafe(values("INSERT INTO areas (id, kind, name, parent_id, path)", areas.into_iter()))).execute(&db.pool).await?;
    sqlx::query(sqlx::AssertSqlSafe(values("INSERT INTO kims (id, code, name, kelurahan_id)", kims.into_iter()))).execute(&db.pool).await?;
    sqlx::query("INSERT INTO agencies (id, kota, code, name, created_at, updated_at) VALUES (1, 'Kota Bench', 'PUPR', 'Dinas PUPR', 0, 0)")
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// KIM `1..=KIMS` of row `i`, and its kelurahan's area id.
pub(super) fn kim_of(i: i64) -> (i64, i64) {
    let kim = (i * 7919) % KIMS + 1;
    let (k, l) = ((kim - 1) / KELURAHAN_EACH + 1, (kim - 1) % KELURAHAN_EACH + 1);
    (kim, 100 + k * 10 + l)
}

fn users_sql(from: i64, to: i64, now: i64) -> Vec<String> {
    let rows = (from..to).map(|j| format!("({}, 'Warga {j}', 'id', {}, {now}, {now})", FIRST_USER + j, kim_of(j).0));
    vec![values("INSERT INTO users (id, first_name, language, kim_id, created_at, updated_at)", rows)]
}

/// When ticket `i` of `rows` was sent: evenly over the year before `now`.
fn created(i: i64, rows: i64, now: i64) -> i64 {
    now - 365 * DAY + (i - 1) * (365 * DAY - 3600) / rows.max(1)
}

/// Status, overdue flag and first response of ticket `i`, from its age.
fn fate(i: i64, created: i64, now: i64) -> (&'static str, Option<i64>, Option<i64>) {
    let age = now - created;
    let status = if age > 30 * DAY {
        ["ditolak", "ditindaklanjuti", "ditindaklanjuti"].get((i % 20) as usize).copied().unwrap_or("selesai")
    } else if age > 7 * DAY {
        ["selesai", "ditindaklanjuti", "diteruskan", "diterima"][(i % 4) as usize]
    } else {
        ["diteruskan", "diterima", "diterima"][(i % 3) as usize]
    };
    if status == "diterima" {
        return (status, (age > 5 * DAY).then_some(created + 5 * DAY), None);
    }
    (status, None, Some(created + 600 + (i * 4993) % (72 * 3600)))
}

fn opt(v: Option<i64>) -> String {
    v.map_or_else(|| "NULL".into(), |v| v.to_string())
}

fn aspirations_sql(from: i64, to: i64, rows: i64, now: i64) -> Vec<String> {
    let rows = (from..to).map(|i| {
        let at = created(i, rows, now);
        let (status, overdue, responded) = fate(i, at, now);
        let body = if i % 10_000 == 0 { format!("Jembatan gantung di RT {i} rusak.") } else { BODIES[(i % 6) as usize].replace("{i}", &i.to_string()) };
        format!(
            "({i}, 'ASP-2026-{i:06}', 2026, {i}, {}, {}, '{}', '{body}', {}, '{status}', {at}, {at}, {}, {}, '{}', {}, {})",
            FIRST_USER + 1 + i % (rows / 20).max(1),
            kim_of(i).0,
            CATEGORIES[(i % 9) as usize],
            i64::from(i % 3 == 0),
            opt(overdue),
            opt(responded),
            crate::features::aspirations::find::fold(&body),
            // Every 7th open ticket is someone's (the desk's "Milik saya").
            if i % 7 == 0 && status != "selesai" && status != "ditolak" { STAFF_ASSIGNEE.to_string() } else { "NULL".into() },
            location(i),
        )
    });
    let sql = "INSERT INTO aspirations (id, ticket, year, seq, user_id, kim_id, category, body, anonymous, status, \
               created_at, updated_at, overdue_at, first_response_at, search_text, assignee_id, lat_e6, lon_e6)";
    vec![values(sql, rows)]
}

/// Where resident `i` stood when sharing a location: every fourth one did, spread
/// over a city-sized box (about 20 × 20 km).
fn location(i: i64) -> String {
    if i % 4 != 0 {
        return "NULL, NULL".into();
    }
    format!("{}, {}", -2_990_000 + (i * 7_907) % 200_000, 104_660_000 + (i * 6_899) % 200_000)
}

/// Each forwarded ticket is open at the one agency: accepted when older than a week.
fn dispositions_sql(from: i64, to: i64, rows: i64, now: i64) -> Vec<String> {
    let mut out = Vec::new();
    for i in from..to {
        let at = created(i, rows, now);
        if let ("diteruskan", _, Some(sent)) = fate(i, at, now) {
            let (state, accepted) = if now - at > 7 * DAY { ("accepted", (sent + 3600).to_string()) } else { ("sent", "NULL".into()) };
            out.push(format!("({i}, 1, '{state}', 'Mohon ditindaklanjuti', 900, {sent}, {accepted})"));
        }
    }
    if out.is_empty() {
        return Vec::new();
    }
    vec![values("INSERT INTO aspiration_dispositions (aspiration_id, agency_id, state, note, disposed_by, disposed_at, accepted_at)", out.into_iter())]
}

fn log_sql(from: i64, to: i64, rows: i64, now: i64) -> Vec<String> {
    let mut out = Vec::new();
    for i in from..to {
        let at = created(i, rows, now);
        out.push(format!("({i}, NULL, 'diterima', NULL, {}, {at})", FIRST_USER));
        if let (status, _, Some(responded)) = fate(i, at, now) {
            out.push(format!("({i}, 'diterima', '{status}', 'Sudah ditangani dinas terkait', 900, {responded})"));
        }
    }
    vec![values("INSERT INTO aspiration_status_log (aspiration_id, from_status, to_status, note, actor, at)", out.into_iter())]
}

fn umkm_sql(from: i64, to: i64, now: i64) -> Vec<String> {
    let rows = (from..to).map(|j| {
        let (kim, kelurahan) = kim_of(j);
        format!(
            "({j}, {}, 'Pemilik {j}', 'Usaha {j}', '{}', 'mikro', {kelurahan}, {kim}, '+6281{j:08}', NULL, '{}', NULL, {}, {})",
            FIRST_USER + j,
            SECTORS[(j % 7) as usize],
            NEEDS[(j % 5) as usize],
            now - j * 600,
            now - j * 600,
        )
    });
    let sql = "INSERT INTO umkm_registrations (id, user_id, owner_name, business_name, sector, scale, kelurahan_id, \
               kim_id, phone, nib, needs, description, created_at, updated_at)";
    vec![values(sql, rows)]
}

/// Training `k` of `n` starts between 300 days ago and 60 days from now.
fn starts(k: i64, n: i64, now: i64) -> i64 {
    now - 300 * DAY + k * 360 * DAY / n.max(1)
}

fn trainings_sql(from: i64, to: i64, n: i64, now: i64) -> Vec<String> {
    let rows = (from..to).map(|k| {
        let at = starts(k, n, now);
        format!(
            "({k}, {}, 'Pelatihan pemasaran digital {k}', 'Dinas Koperasi dan UKM', 'Materi dasar', {at}, {}, 'Balai RW', 30, 'open', 30, 900, {}, {})",
            kim_of(k).0,
            at + 3 * 3600,
            at - 30 * DAY,
            at - 30 * DAY,
        )
    });
    let sql = "INSERT INTO trainings (id, kim_id, title, organiser, description, starts_at, ends_at, place, quota, \
               status, next_seq, created_by, created_at, updated_at)";
    vec![values(sql, rows)]
}

/// 0–34 people per training (so some are full, with a waitlist).
fn registrations_sql(from: i64, to: i64, _n: i64, now: i64) -> Vec<String> {
    let mut out = Vec::new();
    for k in from..to {
        for seat in 0..(k * 13) % 35 {
            let status = if seat < 30 { "registered" } else { "waitlisted" };
            out.push(format!("({k}, {}, '{status}', {seat}, {now}, {now})", FIRST_USER + 1 + (k * 37 + seat) % 40_000));
        }
    }
    if out.is_empty() {
        return Vec::new();
    }
    vec![values("INSERT INTO training_registrations (training_id, user_id, status, seq, created_at, updated_at)", out.into_iter())]
}

/// Half an audit entry per ticket over the year: views, queue reads, status changes.
fn audit_sql(from: i64, to: i64, n: i64, now: i64) -> Vec<String> {
    const ACTS: [&str; 4] = ["console.view", "console.queue", "aspiration.status", "report.export"];
    let rows = (from..to).map(|e| format!("({}, '{}', 'ASP-2026-{e:07}', {})", 900 + e % 50, ACTS[(e % 4) as usize], now - (n - e) * 60));
    vec![values("INSERT INTO audit_log (actor, action, detail, at)", rows)]
}

/// Announcement `a` went to its KIM's three groups; the last of every ten failed in
/// one group.
fn announcements_sql(from: i64, to: i64, n: i64, now: i64) -> Vec<String> {
    let (mut anns, mut runs, mut outbox, mut deliveries) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for a in from..to {
        let (kim, kelurahan) = kim_of(a);
        let at = now - (n - a) * 8 * 3600;
        let k = (kelurahan - 100) / 10;
        let path = format!("Kota Bench/Kecamatan {k:02}/Kelurahan {k:02}-{}", (kelurahan - 100) % 10);
        anns.push(format!(
            "({a}, 900, {kim}, '{path}', 'Pengumuman kerja bakti nomor {a}', '[]', 'kim', '{kim}', 'KIM', 'now', 'Asia/Jakarta', 'done', 1, {at}, {at}, {at})"
        ));
        runs.push(format!("({a}, {a}, 1, {at}, {at})"));
        for g in 0..3 {
            let id = a * 3 + g;
            let failed = a % 10 == 0 && g == 2;
            let (status, error) = if failed { ("failed", "'Forbidden: bot was kicked from the group chat'") } else { ("sent", "NULL") };
            outbox.push(format!("({id}, {}, 2, '{{}}', 'announcement:{a}:run:1', '{status}', 1, {at}, {id}, {at}, {error}, {at}, {at})", -(kim * 10 + g)));
            deliveries.push(format!("({a}, {id}, {}, {kim}, 'RT {g:02} KIM {kim}')", -(kim * 10 + g)));
        }
    }
    vec![
        values("INSERT INTO announcements (id, author_id, kim_id, area_path, text, entities, target_kind, target_ref, target_name, schedule_kind, tz, status, runs, last_run_at, created_at, updated_at)", anns.into_iter()),
        values("INSERT INTO announcement_runs (id, announcement_id, n, due_at, fired_at)", runs.into_iter()),
        values("INSERT INTO outbox (id, chat_id, priority, body, source, status, attempts, not_before, message_id, sent_at, error, created_at, updated_at)", outbox.into_iter()),
        values("INSERT INTO announcement_deliveries (run_id, outbox_id, chat_id, kim_id, title)", deliveries.into_iter()),
    ]
}
