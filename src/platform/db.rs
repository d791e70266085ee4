//! The database pool, migrations and small helpers shared by every store.
//!
//! One `AnyPool` serves SQLite and PostgreSQL (picked by `DATABASE_URL`), so the same
//! store functions and the same test suite run on both. The schema is limited to
//! INTEGER/BIGINT/TEXT because `Any` decodes nothing richer (see TECH-NOTES.md).

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, ConnectOptions, Connection, Executor};

use crate::platform::config::{Backend, PoolConfig};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Errors of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
}

impl DbError {
    /// True when the statement broke a UNIQUE or PRIMARY KEY constraint, which stores
    /// turn into a friendly "already exists" answer.
    pub fn is_unique_violation(&self) -> bool {
        match self {
            DbError::Sqlx(sqlx::Error::Database(e)) => e.is_unique_violation(),
            _ => false,
        }
    }
}

pub type DbResult<T> = Result<T, DbError>;

/// Per-connection SQLite settings. The page cache is bounded at 2 MiB per connection
/// (SQLite's default, stated so no later change grows it unseen) and memory-mapped
/// I/O stays off: a report streaming a million rows then reads through the operating
/// system's file cache, which is not the bot's own memory. Temporary tables and
/// indexes go to files. (1 MiB saved 4 MB of the export's peak; its timing was lost in
/// the noise of a shared machine, so the default stays.)
const SQLITE_PRAGMAS: &str = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; \
     PRAGMA cache_size=-2048; PRAGMA mmap_size=0; PRAGMA temp_store=FILE";

/// The pool plus which engine is behind it (for the few places SQL differs).
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    /// A small pool of its own for the answer journal
    /// ([`crate::platform::delivery::answers`]): a journal write stands between an
    /// answer Telegram took and its record, so it must not wait for a connection
    /// behind the handlers' queries.
    pub journal: AnyPool,
    pub backend: Backend,
}

impl Db {
    /// Connects with the default pool sizes (tools, benches, tests).
    pub async fn connect(url: &str, backend: Backend) -> DbResult<Self> {
        Self::connect_with(url, backend, PoolConfig::default()).await
    }

    /// Connects; on SQLite also switches the file to WAL once, which later
    /// connections inherit (the pragma cannot be set in the URL).
    #[tracing::instrument(skip_all, fields(backend = ?backend))]
    pub async fn connect_with(url: &str, backend: Backend, sizes: PoolConfig) -> DbResult<Self> {
        sqlx::any::install_default_drivers();
        if backend == Backend::Sqlite {
            let mut conn = sqlx::AnyConnection::connect(url).await?;
            conn.execute("PRAGMA journal_mode=WAL").await?;
            conn.close().await?;
        }
        let options: AnyConnectOptions = url.parse()?;
        let options = options.disable_statement_logging();
        let pool = pool_options(backend, if backend == Backend::Sqlite { 4 } else { 10 }).connect_with(options.clone()).await?;
        // Opened now and kept open: connecting on demand, under the load that fills
        // the journal, is the wait this pool is here to avoid.
        let journal = pool_options(backend, sizes.journal_connections)
            .min_connections(sizes.journal_connections)
            .idle_timeout(None)
            .connect_with(options)
            .await?;
        Ok(Self { pool, journal, backend })
    }

    fn migrator(&self) -> &'static Migrator {
        match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }

    /// Applies the migrations of this backend (idempotent).
    #[tracing::instrument(skip_all)]
    pub async fn migrate(&self) -> DbResult<()> {
        self.migrator().run(&self.pool).await?;
        Ok(())
    }

    /// Versions of the migrations this build carries that the database has not
    /// applied (empty: the schema is current). For readiness checks and `doctor`.
    pub async fn pending_migrations(&self) -> DbResult<Vec<i64>> {
        use sqlx::Row;
        let rows = sqlx::query("SELECT version FROM _sqlx_migrations WHERE success").fetch_all(&self.pool).await?;
        let applied: Vec<i64> = rows.iter().map(|r| r.try_get::<i64, _>(0)).collect::<Result<_, _>>()?;
        Ok(self.migrator().iter().map(|m| m.version).filter(|v| !applied.contains(v)).collect())
    }

    /// Begins a transaction. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`): a deferred transaction that reads first and writes later fails with
    /// "database is locked" when another connection wrote in between, because SQLite
    /// cannot upgrade its snapshot; taking the lock up front makes it wait instead.
    pub async fn begin(&self) -> DbResult<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    pub async fn close(&self) {
        self.journal.close().await;
        self.pool.close().await;
    }
}

/// A pool of at most `size` connections, each set up for `backend`.
fn pool_options(backend: Backend, size: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(size)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    conn.execute(SQLITE_PRAGMAS).await?;
                }
                Ok(())
            })
        })
}

/// Where "now" comes from. Production uses the system clock; tests can pin or
/// advance time so schedules and deadlines are checked without sleeping.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Unix seconds, UTC.
    fn now(&self) -> i64;
}

#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        chrono::Utc::now().timestamp()
    }
}

/// A clock that tests move by hand.
#[derive(Debug)]
pub struct ManualClock(AtomicI64);

impl ManualClock {
    pub fn new(start: i64) -> Arc<Self> {
        Arc::new(Self(AtomicI64::new(start)))
    }
    pub fn advance(&self, seconds: i64) {
        self.0.fetch_add(seconds, Ordering::SeqCst);
    }
    pub fn set(&self, unix: i64) {
        self.0.store(unix, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

pub type SharedClock = Arc<dyn Clock>;

/// A `LIKE … ESCAPE '\'` pattern matching `text` anywhere: `%`, `_` and `\` match
/// literally; lower-cased, for comparison with `LOWER(column)`.
pub fn like_contains(text: &str) -> String {
    let mut out = String::from("%");
    for c in text.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}
