//! What coordinators and residents do to a published training, each as one
//! transaction: the change, the notices to the people affected (through the
//! outbox, so they commit together), and the audit entry for privileged acts.

use super::form::NewTraining;
use super::model::{Status, Training, TrainingId, Venue, link_payload};
use super::seats::{self, SeatError, Withdrawn};
use super::{render, store};
use crate::platform::audit;
use crate::platform::db::DbResult;
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority};
use crate::platform::i18n::{Lang, t};
use crate::platform::ctx::AppCtx;
use crate::kernel::members::UserId;

/// A training's group post, for forum topics.
pub const TOPIC: crate::kernel::members::topics::TopicKind = crate::kernel::members::topics::TopicKind { code: "training", order: 20 };

fn source(id: i64) -> Option<String> {
    super::model::SOURCE.of(id).into()
}

fn lang_of(code: &str) -> Lang {
    Lang::from_code(code).unwrap_or_default()
}

pub async fn publish(ctx: &AppCtx, by: UserId, new: &NewTraining) -> DbResult<i64> {
    let id = store::insert(&ctx.db, new, by, ctx.now()).await?;
    let detail = format!("training={id} kim={} start={} quota={}", new.kim_id, new.starts_at, new.quota);
    audit::record(&ctx.db, Some(by), "training.publish", &detail, ctx.now()).await?;
    Ok(id)
}

/// Queues the announcement for the chosen groups (broadcast priority): the poster
/// with the text as caption when it fits, otherwise the poster then the text. The
/// last message carries "Daftar" ("Daftar tunggu" when full): a link into the
/// bot's private chat that opens this training's registration.
/// Also carries "Bagikan ke WhatsApp" (see [`announce_with`]).
pub async fn announce(ctx: &AppCtx, by: UserId, tr: &Training, groups: &[i64]) -> DbResult<usize> {
    announce_with(ctx, by, tr, groups, true).await
}

/// [`announce`]; `share`: a "Bagikan ke WhatsApp" button under the post too (the
/// author may turn it off).
pub async fn announce_with(ctx: &AppCtx, by: UserId, tr: &Training, groups: &[i64], share: bool) -> DbResult<usize> {
    let tz = tr.tz(ctx.config.tz);
    // Groups are community spaces: announcements are in Indonesian.
    let text = render::announcement(Lang::Id, tr, &format!("https://t.me/{}", ctx.bot_username), ctx.now(), tz);
    let link = ctx.deep_link(&link_payload(tr.id));
    let register = ButtonSpec::link(t(Lang::Id, render::register_key(tr)), link.clone());
    // The text shared on WhatsApp is the post's own, with the registration link.
    let mut buttons = vec![vec![register]];
    if share {
        buttons.push(vec![crate::platform::share::whatsapp_button(Lang::Id, &text, &link)]);
    }
    let mut items = Vec::new();
    for chat in groups {
        let with_text = |buttons| Body::Text { text: text.clone(), buttons, entities: Vec::new() };
        match &tr.poster {
            Some(file_id) if text.chars().count() <= 1024 => {
                items.push(photo(*chat, file_id, Some(text.clone()), buttons.clone(), tr.id))
            }
            Some(file_id) => {
                items.push(photo(*chat, file_id, None, Vec::new(), tr.id));
                items.push(broadcast(*chat, with_text(buttons.clone()), tr.id));
            }
            None => items.push(broadcast(*chat, with_text(buttons.clone()), tr.id)),
        }
    }
    let mut tx = ctx.db.begin().await?;
    ctx.outbox.enqueue_posts_in(&mut tx, &items, TOPIC.code).await?;
    tx.commit().await?;
    ctx.outbox.wake();
    let detail = format!("training={} groups={groups:?}", tr.id);
    audit::record(&ctx.db, Some(by), "training.announce", &detail, ctx.now()).await?;
    Ok(groups.len())
}

fn broadcast(chat: i64, body: Body, id: i64) -> Outgoing {
    Outgoing { chat_id: chat, body, priority: Priority::Broadcast, source: source(id) }
}

fn photo(chat: i64, file_id: &str, caption: Option<String>, buttons: Vec<Vec<ButtonSpec>>, id: i64) -> Outgoing {
    let body = Body::Photo { file_id: file_id.to_string(), caption, entities: Vec::new(), buttons };
    broadcast(chat, body, id)
}

/// Withdraws a resident; the first on the waitlist moves up and is told.
pub async fn withdraw(ctx: &AppCtx, training_id: i64, user_id: UserId) -> Result<Withdrawn, SeatError> {
    let mut tx = ctx.db.begin().await?;
    let done = withdraw_in(ctx, &mut tx, TrainingId(training_id), user_id, ctx.now()).await?;
    tx.commit().await?;
    ctx.outbox.wake();
    Ok(done)
}

/// [`withdraw`] as part of a larger transaction (erasure gives seats back inside its
/// own); the promoted person's notice commits with it.
pub async fn withdraw_in(ctx: &AppCtx, tx: &mut Tx, training_id: TrainingId, user_id: UserId, now: i64) -> Result<Withdrawn, SeatError> {
    let done = seats::withdraw_in(tx, ctx.db.backend, training_id, user_id, now).await?;
    if let Some(p) = &done.promoted {
        let lang = lang_of(&p.language);
        let tz = done.training.tz(ctx.config.tz);
        let text = render::notice(lang, "training-notice-promoted", &done.training, tz);
        ctx.outbox.enqueue_in(tx, &[Outgoing::text(p.user_id, text, Priority::Personal, source(training_id.get()))]).await?;
    }
    Ok(done)
}

/// Cancels a training and tells everyone registered or waiting. `false` when it was
/// already cancelled (a second press changes nothing).
pub async fn cancel(ctx: &AppCtx, by: UserId, training_id: i64) -> DbResult<bool> {
    let from = [Status::Open, Status::Closed];
    change(ctx, by, training_id, "training.cancel", "training-notice-cancelled", |tx, now| {
        Box::pin(async move { store::set_status_in(tx, training_id, Status::Cancelled, &from, now).await })
    })
    .await
}

/// Closes registration early (no notices: nothing changes for those registered).
pub async fn close(ctx: &AppCtx, by: UserId, training_id: i64) -> DbResult<bool> {
    let mut tx = ctx.db.begin().await?;
    let changed = store::set_status_in(&mut tx, training_id, Status::Closed, &[Status::Open], ctx.now()).await?;
    tx.commit().await?;
    if changed {
        audit::record(&ctx.db, Some(by), "training.close", &format!("training={training_id}"), ctx.now()).await?;
    }
    Ok(changed)
}

/// Moves a training in time; reminders follow the new start (see `reminders`).
pub async fn reschedule(ctx: &AppCtx, by: UserId, training_id: TrainingId, starts_at: i64, ends_at: i64) -> DbResult<bool> {
    change(ctx, by, training_id.get(), "training.edit", "training-notice-moved", |tx, now| {
        Box::pin(async move {
            store::reschedule_in(tx, training_id, starts_at, ends_at, now).await?;
            Ok(true)
        })
    })
    .await
}

pub async fn move_venue(ctx: &AppCtx, by: UserId, training_id: i64, venue: Venue) -> DbResult<bool> {
    change(ctx, by, training_id, "training.edit", "training-notice-venue", |tx, now| {
        Box::pin(async move {
            store::set_venue_in(tx, training_id, &venue, now).await?;
            Ok(true)
        })
    })
    .await
}

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;
type Step<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = DbResult<bool>> + Send + 'a>>;

/// Applies `apply` under the training's lock, then tells everyone registered or
/// waiting (headline `notice_key`, details as they are after the change), audits.
async fn change<F>(ctx: &AppCtx, by: UserId, training_id: i64, action: &str, notice_key: &str, apply: F) -> DbResult<bool>
where
    F: for<'a> FnOnce(&'a mut Tx, i64) -> Step<'a>,
{
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    match seats::lock(&mut tx, ctx.db.backend, training_id).await {
        Ok(_) => {}
        Err(SeatError::Db(e)) => return Err(e),
        Err(_) => return Ok(false),
    }
    if !apply(&mut tx, now).await? {
        return Ok(false);
    }
    let after = store::get_in(&mut tx, training_id).await?.ok_or_else(|| crate::platform::db::DbError::Corrupt("training vanished".into()))?;
    let tz = after.tz(ctx.config.tz);
    let items: Vec<Outgoing> = store::audience_in(&mut tx, training_id)
        .await?
        .into_iter()
        .map(|r| {
            let text = render::notice(lang_of(&r.language), notice_key, &after, tz);
            Outgoing::text(r.user_id, text, Priority::Personal, source(training_id))
        })
        .collect();
    ctx.outbox.enqueue_in(&mut tx, &items).await?;
    tx.commit().await?;
    ctx.outbox.wake();
    let detail = format!("training={training_id} told={} start={} ends={}", items.len(), after.starts_at, after.ends_at);
    audit::record(&ctx.db, Some(by), action, &detail, now).await?;
    Ok(true)
}
