//! Firing one run of an announcement: claim it, resolve its targets to the active
//! groups of this moment, and queue one outbox message (two when a long text follows
//! a photo) per group, all in one transaction. Used by "send now" and the scheduler.

use teloxide::types::UserId as TgUserId;


use super::buttons::Btn;
use super::handover;
use super::model::{Announcement, Content, Media, SOURCE, Schedule, Status, can_announce, is_late};
use super::runs::{self, Delivery};
use super::store::{self, Claim, Tx};
use crate::kernel::audience::targets::{self, TargetGroup};
use crate::platform::audit;
use crate::platform::buttons::Payload;
use crate::platform::db::DbResult;
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::{UserId, roles};
use crate::platform::ctx::AppCtx;

/// What one firing did.
#[derive(Debug, Clone, PartialEq)]
pub struct Fired {
    pub n: i64,
    pub groups: usize,
    pub late: bool,
}

/// The messages that make up the announcement in a chat: the text (with its
/// formatting), or the media with the text as caption, or — when the text is too
/// long for a caption — the media followed by the text.
pub fn bodies(content: &Content) -> Vec<Body> {
    let text = || Body::Text { text: content.text.clone(), buttons: Vec::new(), entities: content.entities.clone() };
    let Some(media) = &content.media else { return vec![text()] };
    let has_text = !content.text.trim().is_empty();
    let (caption, entities) = if has_text && content.fits_caption() {
        (Some(content.text.clone()), content.entities.clone())
    } else {
        (None, Vec::new())
    };
    let file_id = media.file_id().to_string();
    let first = match media {
        Media::Photo(_) => Body::Photo { file_id, caption, entities, buttons: Vec::new() },
        Media::Document(_) => Body::Document { file_id, caption, entities, buttons: Vec::new() },
    };
    if has_text && !content.fits_caption() { vec![first, text()] } else { vec![first] }
}

/// Fires announcement `id` if it is due at `now` and nobody else fired it first;
/// `None` otherwise. A run due long ago (the bot was down) is fired once, marked
/// late, and a repeating one moves on to its next time after `now`.
pub async fn fire(ctx: &AppCtx, id: i64, now: i64) -> DbResult<Option<Fired>> {
    let Some(ann) = store::get(&ctx.db, id).await? else { return Ok(None) };
    let Some(due) = ann.next_run_at.filter(|due| *due <= now && ann.status == Status::Scheduled) else {
        return Ok(None);
    };
    // The author's rights of this moment decide, not those they had when scheduling.
    let is_admin = ctx.config.is_admin(TgUserId(ann.author_id.get() as u64));
    let actor = roles::actor(&ctx.db, ann.author_id, is_admin).await?;
    if !can_announce(&actor) && ann.schedule != Schedule::Now {
        // The author lost every role by a way that did not pause their schedules.
        let admins: Vec<i64> = ctx.config.admins.iter().map(|a| a.0 as i64).collect();
        if handover::pause_one(&ctx.db, &ann, &admins, now).await? {
            ctx.outbox.wake();
        }
        return Ok(None);
    }
    let groups = if can_announce(&actor) { targets::resolve(&ctx.db, &actor, &ann.target).await? } else { Vec::new() };
    let claim = Claim { id, due, next: ann.schedule.next_after(now, ann.tz), late: is_late(due, now) };
    let mut tx = ctx.db.begin().await?;
    let Some(n) = store::claim(&mut tx, &claim, now).await? else { return Ok(None) };
    let run_id = runs::insert_run(&mut tx, &claim, n, now).await?;
    enqueue(ctx, &mut tx, &ann, (run_id, n), &groups).await?;
    let fired = Fired { n, groups: groups.len(), late: claim.late };
    if ann.schedule != Schedule::Now {
        let notice = author_notice(ctx, ann.author_id, id, &fired).await?;
        ctx.outbox.enqueue_in(&mut tx, &[notice]).await?;
    }
    tx.commit().await?;
    ctx.outbox.wake();
    let detail = format!("id={id} run={n} groups={} late={}", fired.groups, fired.late);
    audit::record(&ctx.db, Some(ann.author_id), "announcement.fire", &detail, now).await?;
    Ok(Some(fired))
}

/// One outbox row per message per group, each recorded as a delivery of the run.
async fn enqueue(
    ctx: &AppCtx,
    tx: &mut Tx,
    ann: &Announcement,
    (run_id, n): (i64, i64),
    groups: &[TargetGroup],
) -> DbResult<()> {
    let source = ann.source(n);
    let mut post = bodies(&ann.content);
    if !ann.share_off {
        // Groups speak Indonesian; the link brings a reader to the bot.
        let link = format!("https://t.me/{}", ctx.bot_username);
        crate::platform::share::add_to_post(&mut post, crate::platform::share::whatsapp_button(Lang::Id, &ann.content.text, &link));
    }
    for group in groups {
        let items: Vec<Outgoing> = post
            .iter()
            .cloned()
            .map(|body| Outgoing {
                chat_id: group.chat_id,
                body,
                priority: Priority::Broadcast,
                source: Some(source.clone()),
            })
            .collect();
        for outbox_id in ctx.outbox.enqueue_posts_in(tx, &items, ann.topic_kind()).await? {
            let d = Delivery { run_id, outbox_id, chat_id: group.chat_id, kim_id: group.kim.id.get(), title: &group.title };
            runs::insert_delivery(tx, &d).await?;
        }
    }
    Ok(())
}

/// Tells the author that a scheduled run went out, with a button to its report.
async fn author_notice(ctx: &AppCtx, author: UserId, id: i64, fired: &Fired) -> DbResult<Outgoing> {
    let lang = crate::kernel::members::users::language(&ctx.db, author).await?;
    let args = [
        ("id", Arg::from(id)),
        ("run", Arg::from(fired.n)),
        ("groups", Arg::from(fired.groups as i64)),
        ("late", Arg::from(if fired.late { "yes" } else { "no" })),
    ];
    let text = ta(lang, "ann-fired", &args);
    let button = ButtonSpec { label: t(lang, "ann-btn-report"), data: Btn::Report(id, fired.n).callback_data() };
    let body = Body::Text { text, buttons: vec![vec![button]], entities: Vec::new() };
    Ok(Outgoing {
        chat_id: author.get(),
        body,
        priority: Priority::Personal,
        source: SOURCE.with(id, "notice").into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use teloxide::types::MessageEntity;

    fn content(text: &str, media: Option<Media>) -> Content {
        Content { text: text.into(), entities: vec![MessageEntity::bold(0, 2)], media }
    }

    #[test]
    fn text_rides_as_caption_when_short_and_follows_the_media_when_long() {
        let photo = || Some(Media::Photo("F".into()));
        let short = bodies(&content("Hi", photo()));
        assert!(
            matches!(&short[..], [Body::Photo { caption: Some(c), entities, .. }] if c == "Hi" && entities.len() == 1)
        );
        let long_text = "x".repeat(1025);
        let long = bodies(&content(&long_text, photo()));
        assert!(matches!(&long[..], [Body::Photo { caption: None, .. }, Body::Text { text, entities, .. }]
            if *text == long_text && entities.len() == 1));
        let doc_only = bodies(&Content { media: Some(Media::Document("D".into())), ..Default::default() });
        assert!(matches!(&doc_only[..], [Body::Document { caption: None, .. }]));
        let plain = bodies(&content("Hi", None));
        assert!(matches!(&plain[..], [Body::Text { text, .. }] if text == "Hi"));
    }
}
