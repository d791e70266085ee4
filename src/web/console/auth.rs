//! Login links and sessions of the console, stored in the database so they work
//! across restarts and several processes. Only SHA-256 hashes of the secrets are
//! stored: a leaked database copy opens nothing.

use rand::Rng;
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::kernel::members::UserId;
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::Lang;

/// A login link is valid this long (seconds).
pub const LINK_TTL: i64 = 10 * 60;
/// A session ends after this long without a request (seconds).
pub const IDLE_TTL: i64 = 8 * 3600;
/// A session ends this long after login however busy it is (seconds): a stolen or
/// forgotten cookie does not live on by being used.
pub const MAX_AGE: i64 = 12 * 3600;
/// Used and expired login links are kept this long (seconds), so opening one late
/// still says "used" or "expired" rather than "unknown"; then pruned.
const LINK_KEPT: i64 = 24 * 3600;
/// How often ended sessions and old links are deleted.
const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(600);
/// `last_seen_at` is written at most this often, so reading pages does not write on
/// every request.
const TOUCH_EVERY: i64 = 60;

/// 256 random bits as 64 hex characters (links, session ids, CSRF tokens).
pub fn secret() -> String {
    hex::encode(rand::rng().random::<[u8; 32]>())
}

pub fn hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Compares two strings in time independent of where they first differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Creates a one-time login link token for `user_id`; returns the token itself.
pub async fn create_link(db: &Db, user_id: UserId, now: i64) -> DbResult<String> {
    let token = secret();
    sqlx::query("INSERT INTO console_logins (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(hash(&token))
        .bind(user_id)
        .bind(now)
        .bind(now + LINK_TTL)
        .execute(&db.pool)
        .await?;
    Ok(token)
}

/// What became of a login token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// Valid and now used: the person to log in.
    Ok(UserId),
    Expired,
    Used,
    /// Not a token we issued.
    Unknown,
}

/// Uses a login token once: the conditional update lets exactly one request win.
pub async fn claim_link(db: &Db, token: &str, now: i64) -> DbResult<Claim> {
    let token_hash = hash(token);
    let won = sqlx::query(
        "UPDATE console_logins SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
         RETURNING user_id",
    )
    .bind(now)
    .bind(&token_hash)
    .fetch_optional(&db.pool)
    .await?;
    if let Some(row) = won {
        return Ok(Claim::Ok(row.try_get("user_id")?));
    }
    let row = sqlx::query("SELECT used_at FROM console_logins WHERE token_hash = $1")
        .bind(&token_hash)
        .fetch_optional(&db.pool)
        .await?;
    Ok(match row {
        None => Claim::Unknown,
        Some(r) if r.try_get::<Option<i64>, _>("used_at")?.is_some() => Claim::Used,
        Some(_) => Claim::Expired,
    })
}

/// What a login token would give if pressed now, without using it: the link page
/// says "used" or "expired" before the press, not after.
pub async fn peek_link(db: &Db, token: &str, now: i64) -> DbResult<Claim> {
    let row = sqlx::query("SELECT user_id, used_at, expires_at FROM console_logins WHERE token_hash = $1")
        .bind(hash(token))
        .fetch_optional(&db.pool)
        .await?;
    let Some(row) = row else { return Ok(Claim::Unknown) };
    if row.try_get::<Option<i64>, _>("used_at")?.is_some() {
        return Ok(Claim::Used);
    }
    if row.try_get::<i64, _>("expires_at")? <= now {
        return Ok(Claim::Expired);
    }
    Ok(Claim::Ok(row.try_get("user_id")?))
}

/// A live session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id_hash: String,
    pub user_id: UserId,
    pub csrf: String,
    pub lang: Lang,
}

/// Opens a session; returns the cookie value (the session id itself).
pub async fn open(db: &Db, user_id: UserId, lang: Lang, now: i64) -> DbResult<String> {
    let id = secret();
    sqlx::query(
        "INSERT INTO console_sessions (id_hash, user_id, csrf, lang, created_at, last_seen_at) \
         VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(hash(&id))
    .bind(user_id)
    .bind(secret())
    .bind(lang.code())
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(id)
}

/// The session behind a cookie value, if it is not ended, not idle too long and not
/// older than [`MAX_AGE`]; refreshes its idle clock.
pub async fn find(db: &Db, cookie: &str, now: i64) -> DbResult<Option<Session>> {
    let id_hash = hash(cookie);
    let row = sqlx::query(
        "SELECT user_id, csrf, lang, last_seen_at FROM console_sessions \
         WHERE id_hash = $1 AND ended_at IS NULL AND last_seen_at > $2 AND created_at > $3",
    )
    .bind(&id_hash)
    .bind(now - IDLE_TTL)
    .bind(now - MAX_AGE)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let last_seen: i64 = row.try_get("last_seen_at")?;
    if now - last_seen >= TOUCH_EVERY {
        sqlx::query("UPDATE console_sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(now)
            .bind(&id_hash)
            .execute(&db.pool)
            .await?;
    }
    let lang: String = row.try_get("lang")?;
    Ok(Some(Session {
        id_hash,
        user_id: row.try_get("user_id")?,
        csrf: row.try_get("csrf")?,
        lang: Lang::from_code(&lang).unwrap_or_default(),
    }))
}

/// Ends a session (logout, or its person lost their role).
pub async fn end(db: &Db, id_hash: &str, now: i64) -> DbResult<()> {
    sqlx::query("UPDATE console_sessions SET ended_at = $1 WHERE id_hash = $2 AND ended_at IS NULL")
        .bind(now)
        .bind(id_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Deletes sessions that can no longer be used (ended, idle, too old) and login
/// links a day past their expiry; returns how many rows went.
pub async fn prune(db: &Db, now: i64) -> DbResult<usize> {
    let sessions = sqlx::query(
        "DELETE FROM console_sessions WHERE ended_at IS NOT NULL OR last_seen_at <= $1 OR created_at <= $2",
    )
    .bind(now - IDLE_TTL)
    .bind(now - MAX_AGE)
    .execute(&db.pool)
    .await?;
    let links = sqlx::query("DELETE FROM console_logins WHERE expires_at <= $1")
        .bind(now - LINK_KEPT)
        .execute(&db.pool)
        .await?;
    Ok((sessions.rows_affected() + links.rows_affected()) as usize)
}

/// The periodic job around [`prune`].
pub async fn run_pruning(ctx: std::sync::Arc<crate::platform::ctx::AppCtx>, stop: tokio::sync::watch::Receiver<bool>) {
    crate::platform::scheduler::every("console session pruning", PRUNE_EVERY, stop, || prune(&ctx.db, ctx.now())).await;
}

pub async fn set_lang(db: &Db, id_hash: &str, lang: Lang) -> DbResult<()> {
    sqlx::query("UPDATE console_sessions SET lang = $1 WHERE id_hash = $2")
        .bind(lang.code())
        .bind(id_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_256_random_bits_and_stored_only_hashed() {
        let (a, b) = (secret(), secret());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(hash(&a).len(), 64);
        assert_ne!(hash(&a), a);
    }

    #[test]
    fn comparison_needs_equal_strings() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
    }
}
