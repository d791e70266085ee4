//! Residents who agreed to the privacy notice, and their consent receipts.

use super::model::{KimId, Member, UserId, NOTICE_VERSION};
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::Lang;

/// Consent purposes asked separately, as UU 27/2022 requires.
pub const PURPOSE_MEMBERSHIP: &str = "membership";

const MEMBER_COLUMNS: &str = "SELECT id, first_name, username, language, kim_id, menu_role FROM users";

pub async fn get(db: &Db, user_id: UserId) -> DbResult<Option<Member>> {
    let sql = format!("{MEMBER_COLUMNS} WHERE id = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(user_id).fetch_optional(&db.pool).await?)
}

/// Profile facts Telegram gives us with every message.
#[derive(Debug, Clone)]
pub struct Profile<'a> {
    pub user_id: UserId,
    pub first_name: &'a str,
    pub username: Option<&'a str>,
    pub language: &'a str,
}

/// Records agreement: creates (or refreshes) the member and stores a consent receipt
/// naming the notice version, in one transaction.
#[tracing::instrument(skip_all, fields(user = p.user_id.get()))]
pub async fn agree(db: &Db, p: &Profile<'_>, now: i64) -> DbResult<Member> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO users (id, first_name, username, language, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5) \
         ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, username = excluded.username, \
         language = excluded.language, updated_at = excluded.updated_at",
    )
    .bind(p.user_id)
    .bind(p.first_name)
    .bind(p.username)
    .bind(p.language)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO consents (user_id, purpose, notice_version, granted_at) VALUES ($1, $2, $3, $4)")
        .bind(p.user_id)
        .bind(PURPOSE_MEMBERSHIP)
        .bind(NOTICE_VERSION)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(get(db, p.user_id).await?.expect("member row was just written"))
}

/// The member, but only while their membership consent stands.
pub async fn consenting(db: &Db, user_id: UserId) -> DbResult<Option<Member>> {
    let row = sqlx::query(
        "SELECT 1 AS ok FROM consents WHERE user_id = $1 AND purpose = $2 AND withdrawn_at IS NULL",
    )
    .bind(user_id)
    .bind(PURPOSE_MEMBERSHIP)
    .fetch_optional(&db.pool)
    .await?;
    match row {
        Some(_) => get(db, user_id).await,
        None => Ok(None),
    }
}

pub async fn set_language(db: &Db, user_id: UserId, language: &str, now: i64) -> DbResult<()> {
    sqlx::query("UPDATE users SET language = $1, updated_at = $2 WHERE id = $3")
        .bind(language)
        .bind(now)
        .bind(user_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn set_kim(db: &Db, user_id: UserId, kim_id: KimId, now: i64) -> DbResult<()> {
    sqlx::query("UPDATE users SET kim_id = $1, updated_at = $2 WHERE id = $3")
        .bind(kim_id)
        .bind(now)
        .bind(user_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Remembers which role's command menu Telegram shows this person, so the menu is
/// only re-sent when the role changes.
pub async fn set_menu_role(db: &Db, user_id: UserId, role: &str) -> DbResult<()> {
    sqlx::query("UPDATE users SET menu_role = $1 WHERE id = $2").bind(role).bind(user_id).execute(&db.pool).await?;
    Ok(())
}

/// Writes a consent receipt for `purpose` (notice version, when) unless one stands
/// already; `true` when one was written. Takes the pool or a transaction, so a grant
/// can be part of a larger change (a UMKM sign-up).
pub async fn grant_consent<'e>(
    exec: impl sqlx::Executor<'e, Database = sqlx::Any>,
    user_id: UserId,
    purpose: &str,
    at: i64,
) -> DbResult<bool> {
    let done = sqlx::query(
        "INSERT INTO consents (user_id, purpose, notice_version, granted_at) \
         SELECT $1, $2, $3, $4 WHERE NOT EXISTS \
         (SELECT 1 FROM consents WHERE user_id = $1 AND purpose = $2 AND withdrawn_at IS NULL)",
    )
    .bind(user_id)
    .bind(purpose)
    .bind(NOTICE_VERSION)
    .bind(at)
    .execute(exec)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// The language a person chose (Indonesian when unknown or erased): every notice sent
/// to someone other than the one in the chat is written in it.
pub async fn language(db: &Db, user_id: UserId) -> DbResult<Lang> {
    let row = sqlx::query("SELECT language FROM users WHERE id = $1").bind(user_id).fetch_optional(&db.pool).await?;
    let code: Option<String> = row.map(|r| sqlx::Row::try_get(&r, "language")).transpose()?;
    Ok(code.as_deref().and_then(Lang::from_code).unwrap_or_default())
}
