//! Personal data, owner by owner: the contract between privacy (`/datasaya`,
//! `/hapusdata`) and every part of kimbot that stores something about a person.
//!
//! Each owner (a feature, the platform's own tables, the web console) declares one
//! [`PersonalData`]: which of its columns hold a Telegram user id, an `erase` hook
//! that clears them inside the erasure's single transaction, and an `export` hook
//! that reads what it holds for `/datasaya`. The list of owners is
//! [`crate::app::registry::personal_data`]; a test compares the declared columns with the
//! schema, so a new table holding a user id cannot be forgotten.
//!
//! This module also owns the platform's own tables: the outbox, the dialogues and
//! the audit log ([`PLATFORM`]).

use std::future::Future;
use std::pin::Pin;

use chrono_tz::Tz;
use sqlx::Row;

use crate::platform::ids::UserId;
use crate::platform::ctx::AppCtx;
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, Lang, t};

/// Stands in for an erased person's Telegram id where a row must keep a value
/// (tickets, their threads and history, things they authored). No Telegram account
/// has id 0.
pub const ERASED_USER: i64 = 0;

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;
/// What the hooks return: a boxed future, so hooks fit in one static list.
pub type Hook<'a, T> = Pin<Box<dyn Future<Output = DbResult<T>> + Send + 'a>>;

/// One erasure in progress: whose, when, and what it did so far (for the answer
/// to the person and the audit entry).
pub struct Erasure<'c> {
    pub ctx: &'c AppCtx,
    pub user_id: UserId,
    pub now: i64,
    pub tickets_kept: u64,
    pub seats_freed: usize,
    pub schedules_paused: usize,
}

/// A purpose a person consents to (the `purpose` of a `consents` row) and the words
/// `/datasaya` shows for it. Whoever asks for the consent declares it
/// (`Feature::with_consent_purpose`), so the kernel, which keeps the receipts, names
/// none of the features that ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentPurpose {
    /// As stored, snake_case (`umkm`, `news`).
    pub code: &'static str,
    /// The message key of its words.
    pub label_key: &'static str,
}

/// What a section is read with: the reader's language and zone, and the words the
/// app collected from the declarations (handed down, since sections are built from
/// the database alone).
pub struct Reading<'a> {
    pub lang: Lang,
    pub tz: Tz,
    pub purposes: &'a [&'static ConsentPurpose],
}

impl Reading<'_> {
    /// A consent purpose in words; an undeclared code is shown as stored.
    pub fn purpose(&self, code: &str) -> String {
        match self.purposes.iter().find(|p| p.code == code) {
            Some(p) => t(self.lang, p.label_key),
            None => code.to_string(),
        }
    }
}

/// A person who has just lost their last role (revoked, or their KIM retired), inside
/// the transaction that took it: what they set going with that role's rights (e.g.
/// repeating announcements) is handed to others in the same commit.
pub struct RoleLost<'c> {
    pub db: &'c Db,
    pub user_id: UserId,
    /// Told when no staff member covers what is handed over.
    pub admins: &'c [i64],
    pub now: i64,
}

/// What a feature does when a person loses their last role
/// (`Feature::with_role_lost`); returns how many things it handed over. The kernel's
/// revoke runs every declared one, so it names none of the features.
pub type RoleLostHook = for<'a, 'c> fn(&'a mut Tx, &'a RoleLost<'c>) -> Hook<'a, usize>;

/// One owner's part of a person's data, as `/datasaya` shows and sends it.
pub trait Section: Send + Sync {
    /// Nothing of the person is stored here.
    fn is_empty(&self) -> bool;
    /// Top-level fields of the JSON document, in order.
    fn fields(&self) -> Vec<(&'static str, serde_json::Value)>;
    /// The readable message pieces (each a paragraph), in order.
    fn pieces(&self, lang: Lang, tz: Tz) -> Vec<String>;
    /// The same pieces, for a section that needs the declared words (consent
    /// purposes); the others need only the language and the zone.
    fn read(&self, reading: &Reading<'_>) -> Vec<String> {
        self.pieces(reading.lang, reading.tz)
    }
    /// How many items stay (anonymised) after erasure, for the confirmation.
    fn kept_on_erasure(&self) -> u64 {
        0
    }
}

/// A section with nothing in it, for owners that hold data but show none.
pub struct Nothing;

impl Section for Nothing {
    fn is_empty(&self) -> bool {
        true
    }
    fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        Vec::new()
    }
    fn pieces(&self, _: Lang, _: Tz) -> Vec<String> {
        Vec::new()
    }
}

/// `(table, column)`.
pub type Column = (&'static str, &'static str);

/// One owner of personal data. See the module docs.
pub struct PersonalData {
    pub owner: &'static str,
    /// Columns holding a user id that `erase` clears (deletes the row, or replaces
    /// the id with [`ERASED_USER`]).
    pub erases: &'static [Column],
    /// Columns that look like they hold a user id but are kept, with the reason.
    pub keeps: &'static [(&'static str, &'static str, &'static str)],
    pub erase: for<'a, 'c> fn(&'a mut Tx, &'a mut Erasure<'c>) -> Hook<'a, ()>,
    pub export: for<'a> fn(&'a Db, UserId) -> Hook<'a, Box<dyn Section>>,
}

impl std::fmt::Debug for PersonalData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersonalData").field("owner", &self.owner).finish_non_exhaustive()
    }
}

/// A time in the configured zone, as `/datasaya` shows it: the same format as
/// tickets and the console ([`stamp`](super::when::stamp)).
pub fn when(at: i64, tz: Tz) -> String {
    super::when::stamp(at, tz)
}

/// The value, or "-" when there is none.
pub fn or_dash(value: Option<&str>) -> Arg {
    Arg::from(value.filter(|v| !v.is_empty()).unwrap_or("-"))
}

/// A header and one line per item; nothing when there are none.
pub fn section(lang: Lang, header: &str, items: impl Iterator<Item = String>) -> Option<String> {
    let lines: Vec<String> = items.collect();
    (!lines.is_empty()).then(|| format!("{}\n{}", t(lang, header), lines.join("\n")))
}

/// Runs `sql` (one `$1`: the user id, or the id of one of their rows) and decodes
/// every row with `decode`.
pub async fn rows<T>(
    db: &Db,
    sql: &'static str,
    key: impl Into<i64>,
    decode: fn(&sqlx::any::AnyRow) -> DbResult<T>,
) -> DbResult<Vec<T>> {
    let found = sqlx::query(sql).bind(key.into()).fetch_all(&db.pool).await?;
    found.iter().map(decode).collect()
}

/// Serialises a section's field (plain data always serialises).
pub fn json(value: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(value).expect("plain data serialises")
}

/// The platform's tables: queued and sent messages to the person's chat, their
/// dialogue, and their acts in the audit log.
pub const PLATFORM: PersonalData = PersonalData {
    owner: "platform",
    erases: &[("outbox", "chat_id"), ("dialogues", "chat_id"), ("audit_log", "actor")],
    keeps: &[],
    erase: erase_platform,
    export: export_nothing,
};

/// The `export` hook of owners that show nothing in `/datasaya`.
pub fn export_nothing(_: &Db, _: UserId) -> Hook<'_, Box<dyn Section>> {
    Box::pin(async { Ok(Box::new(Nothing) as Box<dyn Section>) })
}

fn erase_platform<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        for sql in ["DELETE FROM outbox WHERE chat_id = $1", "DELETE FROM dialogues WHERE chat_id = $1"] {
            sqlx::query(sql).bind(e.user_id).execute(&mut **tx).await?;
        }
        anonymise_audit(tx, e.user_id).await
    })
}

/// The audit log keeps every act, without the person: their rows get
/// [`ERASED_USER`] as actor, and `user=<id>` / `by=<id>` in details become `=0`, so
/// no entry (such as `aspiration.reopen` with its ticket) links them to anything.
async fn anonymise_audit(tx: &mut Tx, user_id: UserId) -> DbResult<()> {
    sqlx::query("UPDATE audit_log SET actor = $1 WHERE actor = $2")
        .bind(ERASED_USER)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    let rows = sqlx::query("SELECT id, detail FROM audit_log WHERE detail LIKE $1")
        .bind(format!("%={user_id}%"))
        .fetch_all(&mut **tx)
        .await?;
    for row in rows {
        let detail: String = row.try_get("detail")?;
        let cleaned = without_id(&detail, user_id);
        if cleaned != detail {
            sqlx::query("UPDATE audit_log SET detail = $1 WHERE id = $2")
                .bind(cleaned)
                .bind(row.try_get::<i64, _>("id")?)
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}

/// Replaces the person's id in `key=<id>` words of an audit detail (exact words only,
/// so `user=12` is not touched when erasing 1).
fn without_id(detail: &str, user_id: UserId) -> String {
    let id = user_id.to_string();
    detail
        .split(' ')
        .map(|word| match word.split_once('=') {
            Some((key, value)) if value == id && matches!(key, "user" | "by") => format!("{key}={ERASED_USER}"),
            _ => word.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_details_lose_the_persons_id_and_only_theirs() {
        let cases = [
            ("user=42 role=staff scope=Ilir Barat I via=invite", "user=0 role=staff scope=Ilir Barat I via=invite"),
            ("chat=-100 status=active by=42", "chat=-100 status=active by=0"),
            ("user=421 grants=1 via=cli", "user=421 grants=1 via=cli"),
            ("chat=42 kim=IB1-BL", "chat=42 kim=IB1-BL"),
        ];
        for (detail, expected) in cases {
            assert_eq!(without_id(detail, UserId(42)), expected, "{detail}");
        }
    }
}

/// Puts [`ERASED_USER`] in place of the person in each `(table, column)`: for rows
/// that stay (they serve others) but must not point at the person any more.
pub async fn reassign(tx: &mut Tx, user_id: UserId, columns: &[(&str, &str)]) -> DbResult<()> {
    for (table, column) in columns {
        let sql = format!("UPDATE {table} SET {column} = $2 WHERE {column} = $1");
        sqlx::query(sqlx::AssertSqlSafe(sql)).bind(user_id).bind(ERASED_USER).execute(&mut **tx).await?;
    }
    Ok(())
}
