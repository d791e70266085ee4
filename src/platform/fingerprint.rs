//! Keyed fingerprints of a person within one poll or one survey: HMAC-SHA256 of
//! `scope:item:user` under a secret generated once per database (in `settings`).
//!
//! Why: a tally must count a person once, even after they erased their data and came
//! back, and a poll must count group members who never started the bot without
//! keeping their Telegram ids. A fingerprint is the same for the same person in the
//! same poll (so a second answer replaces the first), differs between polls (so it
//! does not line up one person's answers across polls), and cannot be turned back
//! into an id without the secret and a guess at the id.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use sqlx::Row;
use crate::platform::ids::UserId;

use crate::platform::db::{Db, DbResult};

/// Where the secret is kept, shared by every process of the bot.
const SECRET_KEY: &str = "respondent_fingerprint_secret";

/// What a fingerprint is taken within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Poll,
    Survey,
}

impl Scope {
    fn code(self) -> &'static str {
        match self {
            Scope::Poll => "poll",
            Scope::Survey => "survey",
        }
    }
}

/// The secret, generated and stored on first use.
pub async fn secret(db: &Db, now: i64) -> DbResult<String> {
    let make = || hex::encode(rand::random::<[u8; 32]>());
    crate::platform::settings::get_or_init(db, SECRET_KEY, make, now).await
}

/// Gives rows stored before fingerprints theirs, 500 at a time: `select` returns up to
/// 500 rows still to do as `id, item, user_id`; `update` stores the fingerprint (`$1`)
/// in row `$2`, after which `select` no longer returns it. Returns how many were done.
pub async fn rekey(db: &Db, now: i64, scope: Scope, select: &'static str, update: &'static str) -> DbResult<u64> {
    let mut done = 0;
    loop {
        let rows = sqlx::query(select).fetch_all(&db.pool).await?;
        if rows.is_empty() {
            return Ok(done);
        }
        let secret = secret(db, now).await?;
        let mut tx = db.begin().await?;
        for r in &rows {
            let key = of(&secret, scope, r.try_get("item")?, r.try_get("user_id")?);
            sqlx::query(update).bind(key).bind(r.try_get::<i64, _>("id")?).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        done += rows.len() as u64;
    }
}

/// The fingerprint of `user_id` within `scope` item `item`: always negative, so it
/// never equals a Telegram user id (those are positive) in columns that held ids.
pub fn of(secret: &str, scope: Scope, item: i64, user_id: UserId) -> i64 {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(format!("{}:{item}:{user_id}", scope.code()).as_bytes());
    let bytes = mac.finalize().into_bytes();
    let head = u64::from_be_bytes(bytes[..8].try_into().expect("SHA-256 gives 32 bytes"));
    -((head >> 1) as i64) - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_negative_and_differ_by_item_scope_and_secret() {
        let a = of("k1", Scope::Poll, 7, UserId(12345));
        assert_eq!(a, of("k1", Scope::Poll, 7, UserId(12345)));
        assert!(a < 0);
        for other in [of("k1", Scope::Poll, 8, UserId(12345)), of("k1", Scope::Survey, 7, UserId(12345)), of("k2", Scope::Poll, 7, UserId(12345)), of("k1", Scope::Poll, 7, UserId(12346))] {
            assert_ne!(a, other);
            assert!(other < 0);
        }
    }
}
