//! Publishing a programme: a private announcement with "Daftar" to every registered
//! UMKM that matches it and agreed to programme news (each told once: the unique
//! invitation row is claimed in the transaction that queues the message), and a
//! post with a "Daftar" deep link to the linked groups of the KIMs in its area.

use super::buttons::Btn;
use super::model::{Business, Programme, link_payload, refusals};
use super::render;
use crate::features::umkm::model::{Scale, Sector};
use crate::features::umkm::store::{NewsReader, news_readers};
use crate::kernel::members::{GroupStatus, KimId, UserId, areas, covers, groups};
use crate::platform::audit;
use crate::platform::buttons::Payload;
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority};
use crate::platform::i18n::{Lang, t};

/// A programme's group post, for forum topics.
pub const TOPIC: crate::kernel::members::topics::TopicKind = crate::kernel::members::topics::TopicKind { code: "programme", order: 25 };

/// How many were told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Published {
    pub owners: usize,
    pub groups: usize,
}

/// Whether an opted-in owner's business fits the programme (reasons as for applying).
pub fn fits(p: &Programme, r: &NewsReader, now: i64) -> bool {
    let (Some(sector), Some(scale)) = (Sector::from_code(&r.sector), Scale::from_code(&r.scale)) else { return false };
    let b = Business {
        owner_name: String::new(),
        business_name: String::new(),
        sector,
        scale,
        kelurahan: r.kelurahan.clone(),
        area_path: r.area_path.clone(),
        has_nib: r.has_nib,
    };
    refusals(p, &b, now).is_empty()
}

/// Tells the matching owners and the area's groups; `by` is audited.
#[tracing::instrument(skip(ctx, p), fields(programme = p.id.get()))]
pub async fn publish(ctx: &AppCtx, p: &Programme, by: UserId) -> DbResult<Published> {
    let now = ctx.now();
    let readers: Vec<NewsReader> = news_readers(&ctx.db).await?.into_iter().filter(|r| fits(p, r, now)).collect();
    let kims: Vec<KimId> = areas::all_kims(&ctx.db).await?.into_iter().filter(|k| covers(&p.area_path, &k.area_path)).map(|k| k.id).collect();
    let linked: Vec<i64> = groups::of_kims(&ctx.db, &kims).await?.into_iter().filter(|g| g.status() == GroupStatus::Active).map(|g| g.chat_id).collect();
    let mut tx = ctx.db.begin().await?;
    let mut items = Vec::new();
    for r in &readers {
        if super::store::claim_invitation(&mut tx, p.id, UserId(r.user_id), now).await? {
            items.push(invitation(ctx, p, UserId(r.user_id), Lang::from_code(&r.language).unwrap_or_default()));
        }
    }
    ctx.outbox.enqueue_in(&mut tx, &items).await?;
    let posts: Vec<Outgoing> = linked.iter().map(|chat| group_post(ctx, p, *chat)).collect();
    ctx.outbox.enqueue_posts_in(&mut tx, &posts, TOPIC.code).await?;
    let detail = format!("programme={} told={} groups={}", p.id, items.len(), posts.len());
    audit::record_in(&mut tx, Some(by), "programme.publish", &detail, now).await?;
    tx.commit().await?;
    ctx.outbox.wake();
    Ok(Published { owners: items.len(), groups: posts.len() })
}

fn invitation(ctx: &AppCtx, p: &Programme, user_id: UserId, lang: Lang) -> Outgoing {
    let text = format!("{}\n\n{}", t(lang, "prg-invite-header"), render::card(lang, p, ctx.config.tz));
    let buttons = vec![vec![ButtonSpec { label: t(lang, "prg-btn-apply"), data: Btn::Apply(p.id.get()).callback_data() }]];
    let body = Body::Text { text, buttons, entities: Vec::new() };
    Outgoing { chat_id: user_id.get(), body, priority: Priority::Broadcast, source: super::model::INVITE_SOURCE.of(p.id.get()).into() }
}

/// Group posts are in Indonesian (a group has no one language).
fn group_post(ctx: &AppCtx, p: &Programme, chat: i64) -> Outgoing {
    let lang = Lang::Id;
    let text = format!("{}\n\n{}", t(lang, "prg-post-header"), render::card(lang, p, ctx.config.tz));
    let buttons = vec![vec![ButtonSpec::link(t(lang, "prg-btn-apply"), ctx.deep_link(&link_payload(p.id.get())))]];
    let body = Body::Text { text, buttons, entities: Vec::new() };
    Outgoing { chat_id: chat, body, priority: Priority::Broadcast, source: super::model::POST_SOURCE.of(p.id.get()).into() }
}
