//! Item 3: PostgreSQL restarted mid-broadcast while residents write. The server is
//! a private one started by the test (initdb/pg_ctl as user `postgres`, a fresh
//! port), never the shared one other tests use. Runs in `.ci/run`'s PostgreSQL
//! pass (when `TEST_DATABASE_URL` is set; root is needed for `su postgres`).
//! Stated: `/readyz` turns red while the database is down and green after; every
//! group gets the post, at most one twice: a send whose outcome the database
//! refused is kept and written when it is back, and until then the worker claims
//! nothing, so only the sends in hand when it went away (one per concurrent send
//! slot, `KIMBOT_SEND_CONCURRENCY` = 1 here) can be repeated, when their lease runs
//! out first; every resident who wrote meanwhile is answered once (the webhook
//! answered 503 until the update could be recorded).

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use fake_telegram::FakeTelegram;
use kimbot::platform::db::Db;

use super::{Kimbot, balancer, route_to, eventually, on_postgres, webhook_env};
use crate::delivery::broadcast;

/// Sends in flight at once: the most a restart may repeat.
const SEND_SLOTS: usize = 1;

/// A throwaway PostgreSQL cluster, stopped and removed when dropped.
struct PrivatePostgres {
    bin: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
}

impl PrivatePostgres {
    fn start() -> Result<PrivatePostgres, String> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .map_err(|e| format!("no /usr/lib/postgresql: {e}"))?
            .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
            .find(|b| b.join("initdb").exists())
            .ok_or("no initdb under /usr/lib/postgresql/*/bin")?;
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let chown = Command::new("chown").arg("postgres").arg(dir.path()).status().map_err(|e| e.to_string())?;
        if !chown.success() {
            return Err("cannot chown the data directory to postgres (not root?)".into());
        }
        let port = super::free_addr().rsplit(':').next().unwrap().parse().unwrap();
        let pg = PrivatePostgres { bin, dir, port };
        let d = pg.dir.path().display();
        pg.su(&format!("{}/initdb -D {d}/data -A trust -U postgres >/dev/null", pg.bin.display()))?;
        pg.pg_ctl_start()?;
        Ok(pg)
    }

    fn su(&self, script: &str) -> Result<(), String> {
        let out = Command::new("su").args(["postgres", "-s", "/bin/sh", "-c", script]).output().map_err(|e| e.to_string())?;
        if out.status.success() { Ok(()) } else { Err(format!("{script}: {}", String::from_utf8_lossy(&out.stderr))) }
    }

    fn pg_ctl_start(&self) -> Result<(), String> {
        let d = self.dir.path().display();
        self.su(&format!("{}/pg_ctl -D {d}/data -o '-p {} -k {d} -c listen_addresses=127.0.0.1' -l {d}/log -w start >/dev/null", self.bin.display(), self.port))
    }

    fn pg_ctl_stop(&self) -> Result<(), String> {
        let d = self.dir.path().display();
        self.su(&format!("{}/pg_ctl -D {d}/data -m fast -w stop >/dev/null", self.bin.display()))
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for PrivatePostgres {
    fn drop(&mut self) {
        let _ = self.pg_ctl_stop();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_restarted_mid_broadcast_loses_nothing_and_readyz_follows() {
    if !on_postgres("faults::postgres_restart") {
        return;
    }
    let pg = PrivatePostgres::start().unwrap_or_else(|why| panic!("a private PostgreSQL for this test: {why}"));
    sqlx::any::install_default_drivers();
    let fake = FakeTelegram::start().await;
    let config = crate::support::config_for(&fake, &pg.url());
    let db = Db::connect(&pg.url(), config.backend).await.expect("private PostgreSQL");
    db.migrate().await.unwrap();
    let (public, lb) = balancer().await;
    let mut env = webhook_env(&public);
    env.extend([
        ("KIMBOT_SEND_CONCURRENCY", SEND_SLOTS.to_string()),
        ("KIMBOT_SEND_PER_SECOND", "100".to_string()),
        ("KIMBOT_SEND_PRIVATE_PER_SECOND", "50".to_string()),
        ("KIMBOT_SEND_TIMEOUT_SECS", "2".to_string()),
        ("KIMBOT_SEND_LEASE_SECS", "3".to_string()),
    ]);
    let bot = Kimbot::start(&fake.api_url(), &pg.url(), &env);
    route_to(&lb, &[&bot]);
    bot.wait_readyz(200, Duration::from_secs(30)).await;
    let groups: Vec<i64> = (0..300).map(|i| -7_300_000 - i).collect();
    for id in &groups {
        fake.group(*id, "RT");
    }
    kimbot::platform::delivery::Outbox::new(db.clone(), std::sync::Arc::new(kimbot::platform::db::SystemClock))
        .enqueue(&broadcast(&groups, "Pengumuman"))
        .await
        .unwrap();
    eventually("first sends", Duration::from_secs(30), async || fake.stats().sends_ok >= 50).await;

    pg.pg_ctl_stop().unwrap();
    let stopped = Instant::now();
    let red_after = bot.wait_readyz(503, Duration::from_secs(30)).await;
    let residents: Vec<_> = (0..20).map(|i| fake.user(7_300_000 + i, "Warga")).collect();
    for p in &residents {
        p.send("/start").await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    pg.pg_ctl_start().unwrap();
    let restarted = Instant::now();
    let green_after = bot.wait_readyz(200, Duration::from_secs(60)).await;

    let unfinished = async || {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'sending')").fetch_one(&db.pool).await.unwrap_or(1) == 0
    };
    eventually("outbox drained", Duration::from_secs(60), unfinished).await;
    eventually("updates confirmed", Duration::from_secs(60), async || fake.pending_updates() == 0).await;
    eventually("residents answered", Duration::from_secs(30), async || residents.iter().all(|p| !fake.messages(p.id()).is_empty())).await;
    let recovered = restarted.elapsed();
    let copies: Vec<usize> = groups.iter().map(|g| fake.messages(*g).len()).collect();
    let twice = copies.iter().filter(|n| **n == 2).count();
    // At most the send in hand when PostgreSQL went away (one slot here): the worker
    // claims nothing more until the database takes that send's outcome.
    assert!(copies.iter().all(|n| (1..=2).contains(n)) && twice <= SEND_SLOTS, "{twice} groups twice: {copies:?}");
    let resent = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM outbox WHERE resent = 1").fetch_one(&db.pool).await.unwrap();
    assert!(resent as usize <= SEND_SLOTS, "{resent} rows resent");
    for p in &residents {
        assert_eq!(fake.messages(p.id()).len(), 1, "resident {} answered once", p.id());
    }
    println!(
        "fault PostgreSQL restart: /readyz red {:.1} s after the stop, green {:.1} s after the start; all settled {:.1} s after it ({:.1} s down); groups twice {twice}, rows resent {resent}",
        red_after.as_secs_f64(),
        green_after.as_secs_f64(),
        recovered.as_secs_f64(),
        restarted.duration_since(stopped).as_secs_f64()
    );
    db.close().await;
}
