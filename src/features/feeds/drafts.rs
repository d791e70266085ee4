//! Drafts: a new feed item offered to each KIM in the feed's area, as a private
//! message to the KIM's coordinators with Pratinjau / Umumkan / Abaikan. Nothing
//! reaches a group from here: "Umumkan" only opens the normal `/umumkan` flow.
//!
//! One draft per (item, KIM), created with `ON CONFLICT DO NOTHING RETURNING`, so
//! a draft (and its messages) exists once whoever polled. Its status moves with
//! conditional updates (`new` → `opened` | `dismissed`), so a second press of the
//! same button is recognised and answered kindly.

use sqlx::{Any, Row, Transaction};

use super::buttons::Btn;
use super::fetch::Item;
use crate::platform::db::{Db, DbResult};
use crate::platform::buttons::Payload;
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::{UserId, covers};

/// At most this many items of one poll become drafts (newest first); older ones are
/// remembered without a message, so a feed added with 50 old items does not flood
/// coordinators.
pub const MAX_PER_POLL: usize = 5;
/// The outbox source of a draft's review message (`feed-draft:<id>`; spelt in two
/// parts so the message-key check does not read it as a key).
pub const SOURCE: crate::platform::delivery::outbox::SourceKind =
    crate::platform::delivery::outbox::SourceKind::new(concat!("feed", "-draft"));

/// A coordinator to offer drafts to: the KIM, its name, the person and language.
#[derive(Debug, Clone)]
pub struct Coordinator {
    pub kim_id: i64,
    pub kim_name: String,
    pub user_id: i64,
    pub lang: Lang,
}

/// Coordinators of every KIM inside `area_path`.
pub async fn coordinators_in(db: &Db, area_path: &str) -> DbResult<Vec<Coordinator>> {
    let rows = sqlx::query(
        "SELECT g.user_id, k.id AS kim_id, k.name AS kim_name, a.path, u.language \
         FROM grants g JOIN kims k ON k.id = g.kim_id JOIN areas a ON a.id = k.kelurahan_id \
         LEFT JOIN users u ON u.id = g.user_id \
         WHERE g.role = 'coordinator' AND g.revoked_at IS NULL ORDER BY k.id, g.user_id",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::new();
    for r in rows {
        let path: String = r.try_get("path")?;
        if !covers(area_path, &path) {
            continue;
        }
        let lang: Option<String> = r.try_get("language")?;
        out.push(Coordinator {
            kim_id: r.try_get("kim_id")?,
            kim_name: r.try_get("kim_name")?,
            user_id: r.try_get("user_id")?,
            lang: lang.as_deref().and_then(Lang::from_code).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Creates the drafts of one new item and their messages (in the poll's
/// transaction); returns the messages to queue.
pub async fn offer(tx: &mut Transaction<'_, Any>, item_id: i64, item: &Item, to: &[Coordinator], now: i64) -> DbResult<Vec<Outgoing>> {
    let mut out = Vec::new();
    let mut kims: Vec<i64> = to.iter().map(|c| c.kim_id).collect();
    kims.dedup();
    for kim_id in kims {
        let row = sqlx::query(
            "INSERT INTO feed_drafts (item_id, kim_id, status, created_at, updated_at) VALUES ($1, $2, 'new', $3, $3) \
             ON CONFLICT (item_id, kim_id) DO NOTHING RETURNING id",
        )
        .bind(item_id)
        .bind(kim_id)
        .bind(now)
        .fetch_optional(&mut **tx)
        .await?;
        let Some(row) = row else { continue };
        let draft_id: i64 = row.try_get("id")?;
        for c in to.iter().filter(|c| c.kim_id == kim_id) {
            out.push(message(c, draft_id, &item.title));
        }
    }
    Ok(out)
}

fn message(c: &Coordinator, draft_id: i64, title: &str) -> Outgoing {
    let lang = c.lang;
    let text = ta(lang, "feed-draft-new", &[("title", Arg::from(title)), ("kim", Arg::from(c.kim_name.as_str()))]);
    let button = |key: &str, btn: Btn| ButtonSpec { label: t(lang, key), data: btn.callback_data() };
    let buttons = vec![vec![
        button("feed-btn-preview", Btn::Preview(draft_id)),
        button("feed-btn-announce", Btn::Announce(draft_id)),
        button("feed-btn-dismiss", Btn::Dismiss(draft_id)),
    ]];
    Outgoing {
        chat_id: c.user_id,
        body: Body::Text { text, buttons, entities: Vec::new() },
        priority: Priority::Personal,
        source: SOURCE.of(draft_id).into(),
    }
}

/// A draft as its buttons need it.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: i64,
    pub kim_id: i64,
    pub status: String,
    pub title: String,
    pub summary: String,
    pub link: Option<String>,
}

impl Draft {
    /// The text an announcement starts from: title, summary and link, each on its own
    /// paragraph (empty ones left out).
    pub fn announcement_text(&self) -> String {
        [Some(self.title.as_str()), Some(self.summary.as_str()), self.link.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

pub async fn get(db: &Db, id: i64) -> DbResult<Option<Draft>> {
    let row = sqlx::query(
        "SELECT d.id, d.kim_id, d.status, i.title, i.summary, i.link \
         FROM feed_drafts d JOIN feed_items i ON i.id = d.item_id WHERE d.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    Ok(Some(Draft {
        id: r.try_get("id")?,
        kim_id: r.try_get("kim_id")?,
        status: r.try_get("status")?,
        title: r.try_get("title")?,
        summary: r.try_get("summary")?,
        link: r.try_get("link")?,
    }))
}

/// Moves a draft from one of `from` to `to`; `false` when someone (or an earlier
/// press) moved it first.
pub async fn transition(db: &Db, id: i64, from: &[&'static str], to: &'static str, by: UserId, now: i64) -> DbResult<bool> {
    let mut done = 0;
    for status in from {
        done += sqlx::query("UPDATE feed_drafts SET status = $1, acted_by = $2, updated_at = $3 WHERE id = $4 AND status = $5")
            .bind(to)
            .bind(by)
            .bind(now)
            .bind(id)
            .bind(*status)
            .execute(&db.pool)
            .await?
            .rows_affected();
    }
    Ok(done == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_announcement_text_leaves_out_empty_parts() {
        let mut d = Draft {
            id: 1,
            kim_id: 1,
            status: "new".into(),
            title: "Judul".into(),
            summary: " Ringkas ".into(),
            link: Some("https://x/1".into()),
        };
        assert_eq!(d.announcement_text(), "Judul\n\nRingkas\n\nhttps://x/1");
        d.summary.clear();
        d.link = None;
        assert_eq!(d.announcement_text(), "Judul");
    }
}
