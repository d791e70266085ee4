//! Canned replies ("balasan siap"): texts kept per kota that staff of the kota (and
//! admins) manage in the console and use in a reply from the console or the chat.
//! Variables `{nama}`, `{tiket}`, `{kategori}`, `{kim}` are filled when the reply is
//! used, in one pass: a value (a resident's name is typed by the resident) is
//! inserted as it is and never read again as a variable; an unknown `{x}` stays as
//! typed.

use super::desk_store::{self, Canned};
use super::flow::Scoped;
use super::model::{Access, REPLY_MAX, check_free_text};
use super::render;
use crate::kernel::members::agencies::kota_of;
use crate::kernel::members::{Actor, UserId, areas};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::i18n::t;

/// The longest title (characters).
pub const TITLE_MAX: usize = 80;
/// The longest text: a reply's.
pub const BODY_MAX: usize = REPLY_MAX;

/// The kotas whose canned replies `actor` manages: those their staff areas lie in;
/// every kota with a KIM for admins.
pub async fn managed_kotas(ctx: &AppCtx, actor: &Actor) -> DbResult<Vec<String>> {
    let mut kotas: Vec<String> = if actor.is_admin {
        areas::all_kims(&ctx.db).await?.iter().map(|k| kota_of(&k.area_path).to_string()).collect()
    } else {
        actor.staff_areas.iter().map(|a| kota_of(a).to_string()).collect()
    };
    kotas.sort();
    kotas.dedup();
    Ok(kotas)
}

/// The canned replies `actor` manages.
pub async fn managed(ctx: &AppCtx, actor: &Actor) -> DbResult<Vec<Canned>> {
    let kotas = managed_kotas(ctx, actor).await?;
    desk_store::canned_of(&ctx.db, Some(&kotas)).await
}

/// One canned reply `actor` manages; another kota's looks missing.
pub async fn managed_one(ctx: &AppCtx, actor: &Actor, id: i64) -> DbResult<Option<Canned>> {
    let Some(c) = desk_store::canned(&ctx.db, id).await? else { return Ok(None) };
    Ok(managed_kotas(ctx, actor).await?.contains(&c.kota).then_some(c))
}

/// The canned replies usable on a ticket: its kota's, for people who may reply.
pub async fn for_ticket(ctx: &AppCtx, scoped: &Scoped) -> DbResult<Vec<Canned>> {
    if scoped.access != Access::Triage {
        return Ok(Vec::new());
    }
    let kota = [kota_of(&scoped.kim.area_path).to_string()];
    desk_store::canned_of(&ctx.db, Some(&kota)).await
}

/// Why a canned reply was not saved.
#[derive(Debug, thiserror::Error)]
pub enum CannedError {
    #[error("title must be 1-{TITLE_MAX} characters")]
    Title,
    #[error("text must be 1-{BODY_MAX} characters")]
    Body,
    /// Not a kota (or reply) this person manages: the same as missing.
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Db(#[from] crate::platform::db::DbError),
}

fn checked(title: &str, body: &str) -> Result<(String, String), CannedError> {
    let title = check_free_text(title, TITLE_MAX).map_err(|_| CannedError::Title)?;
    let body = check_free_text(body, BODY_MAX).map_err(|_| CannedError::Body)?;
    Ok((title, body))
}

/// Adds a canned reply to `kota` (audited).
pub async fn add(ctx: &AppCtx, actor: &Actor, kota: &str, title: &str, body: &str) -> Result<i64, CannedError> {
    let (title, body) = checked(title, body)?;
    if !managed_kotas(ctx, actor).await?.iter().any(|k| k == kota) {
        return Err(CannedError::NotFound);
    }
    let now = ctx.now();
    let id = desk_store::insert_canned(&ctx.db, kota, &title, &body, actor.user_id, now).await?;
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.canned_add", &format!("{id} kota={kota}"), now).await?;
    Ok(id)
}

/// Changes a canned reply this person manages (audited).
pub async fn edit(ctx: &AppCtx, actor: &Actor, id: i64, title: &str, body: &str) -> Result<(), CannedError> {
    let (title, body) = checked(title, body)?;
    let c = managed_one(ctx, actor, id).await?.ok_or(CannedError::NotFound)?;
    let now = ctx.now();
    desk_store::update_canned(&ctx.db, id, &title, &body, actor.user_id, now).await?;
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.canned_edit", &format!("{id} kota={}", c.kota), now).await?;
    Ok(())
}

/// Deletes a canned reply this person manages (audited).
pub async fn delete(ctx: &AppCtx, actor: &Actor, id: i64) -> Result<(), CannedError> {
    let c = managed_one(ctx, actor, id).await?.ok_or(CannedError::NotFound)?;
    let now = ctx.now();
    desk_store::delete_canned(&ctx.db, id).await?;
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.canned_delete", &format!("{id} kota={}", c.kota), now).await?;
    Ok(())
}

/// The values of a ticket's variables, in the resident's language (the reply is
/// theirs to read). An erased or unnamed resident is addressed as "Bapak/Ibu".
pub async fn values(ctx: &AppCtx, scoped: &Scoped) -> DbResult<[(&'static str, String); 4]> {
    let ticket = &scoped.ticket;
    let lang = crate::kernel::members::users::language(&ctx.db, UserId(ticket.user_id)).await?;
    let name = if ticket.user_id == crate::platform::personal::ERASED_USER {
        None
    } else {
        super::store::identity(&ctx.db, UserId(ticket.user_id)).await?.and_then(|(name, _)| name)
    };
    Ok([
        ("nama", name.unwrap_or_else(|| t(lang, "desk-canned-no-name"))),
        ("tiket", ticket.number.clone()),
        ("kategori", render::category(lang, ticket.category)),
        ("kim", scoped.kim.name.clone()),
    ])
}

/// `template` with each known `{name}` replaced by its value, in one pass.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            values.iter().find(|(k, _)| *k == name).map(|(_, v)| (v, close))
        });
        match known {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A canned reply filled for a ticket, cut to a reply's length.
pub async fn filled(ctx: &AppCtx, scoped: &Scoped, canned: &Canned) -> DbResult<String> {
    let values = values(ctx, scoped).await?;
    Ok(fill(&canned.body, &values).chars().take(BODY_MAX).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Vec<(&'static str, String)> {
        vec![("nama", "Sari {tiket}".into()), ("tiket", "ASP-2026-000002".into()), ("kategori", "Infrastruktur".into()), ("kim", "KIM Bukit Lama".into())]
    }

    #[test]
    fn variables_are_filled_once_and_unknown_ones_stay_as_typed() {
        let cases = [
            ("Halo {nama}, tiket {tiket} ({kategori}) di {kim}.", "Halo Sari {tiket}, tiket ASP-2026-000002 (Infrastruktur) di KIM Bukit Lama."),
            ("{x} dan {tiket}", "{x} dan ASP-2026-000002"),
            ("kurung { terbuka {tiket", "kurung { terbuka {tiket"),
            ("{{tiket}}", "{ASP-2026-000002}"),
            ("tanpa variabel", "tanpa variabel"),
            ("{}", "{}"),
            ("é{kim}ü", "éKIM Bukit Lamaü"),
        ];
        for (template, want) in cases {
            assert_eq!(fill(template, &values()), want, "{template}");
        }
    }
}
