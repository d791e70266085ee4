//! A resident's request, as it arrives: refused kindly when there is nothing to check
//! (no text, emoji only, too long) or when they sent too many within the hour;
//! answered at once when staff checked the same content before (citing that request);
//! else queued, with a batched notice to the staff of the area.

use teloxide::types::Message;

use super::super::model::{self, BODY_MAX, RATE_WINDOW_SECS, REQUESTS_PER_HOUR};
use super::super::notices;
use super::super::store::{self, Check, Known, NewCheck};
use crate::bot::feature::{HandlerError, HandlerResult, Turn};
use crate::features::aspirations::model::year_in;
use crate::kernel::members::{areas, roles};
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// The message to check arrived: answered at once when the same content has a
/// verdict, else queued for the staff of the resident's area.
pub async fn received(turn: &Turn<'_>, msg: &Message) -> HandlerResult {
    let body = msg.text().or(msg.caption()).unwrap_or_default().trim().to_string();
    let photo = msg.photo().and_then(|sizes| sizes.last()).map(|p| p.file.id.to_string());
    if let Some((key, args)) = refusal(&body, photo.is_some()) {
        return turn.say_with(key, &args).await;
    }
    let Some(new) = new_check(turn, body, photo).await? else {
        turn.end().await?;
        return turn.say("fc-need-kim").await;
    };
    let db = &turn.ctx.db;
    let known = store::known_answer(db, &new.content_hash).await?;
    let now = turn.now();
    if known.is_none() && refused_for_rate(turn, now).await? {
        return Ok(());
    }
    let check = store::create(db, &new, year_in(now, turn.ctx.config.tz), now, known.as_ref().map(|k| (&k.answer, k.by))).await?;
    turn.end().await?;
    audit::record(db, Some(turn.who.user_id), "factcheck.request", &check.number, now).await?;
    match &known {
        Some(known) => {
            turn.ctx.webhook_wake.wake();
            turn.send(known_text(turn.lang(), &check, known, turn.ctx.config.tz)).await
        }
        None => {
            notify_staff(turn, &check, now).await?;
            turn.say_with("fc-received", &[("number", Arg::from(check.number.clone()))]).await
        }
    }
}

/// The request as stored, from the resident's KIM; `None` without a KIM.
async fn new_check(turn: &Turn<'_>, body: String, photo: Option<String>) -> Result<Option<NewCheck>, HandlerError> {
    let kim = match turn.who.member.as_ref().and_then(|m| m.kim_id) {
        Some(id) => areas::kim_by_id(&turn.ctx.db, id).await?,
        None => None,
    };
    Ok(kim.map(|kim| NewCheck {
        user_id: turn.who.user_id.get(),
        kim_id: kim.id.get(),
        area_path: kim.area_path,
        content_hash: model::content_hash(&body),
        link: model::first_link(&body),
        body,
        photo,
    }))
}

/// Why `body` cannot be checked, as a message key with its arguments.
fn refusal(body: &str, photo: bool) -> Option<(&'static str, Vec<(&'static str, Arg)>)> {
    if body.is_empty() {
        return Some((if photo { "fc-need-caption" } else { "fc-need-content" }, Vec::new()));
    }
    if model::is_wordless(body) {
        return Some(("fc-need-words", Vec::new()));
    }
    let len = model::visible_len(body);
    (len > BODY_MAX).then(|| ("fc-too-long", vec![("len", Arg::from(len as i64)), ("max", Arg::from(BODY_MAX as i64))]))
}

/// Refuses (kindly, saying when to try again) a request past the hourly limit; a
/// repeat answered at once is never refused, as it costs staff nothing.
async fn refused_for_rate(turn: &Turn<'_>, now: i64) -> Result<bool, HandlerError> {
    let (sent, oldest) = store::sent_since(&turn.ctx.db, turn.who.user_id, now - RATE_WINDOW_SECS).await?;
    if sent < REQUESTS_PER_HOUR {
        return Ok(false);
    }
    turn.end().await?;
    let again = oldest.unwrap_or(now) + RATE_WINDOW_SECS;
    let args = [("count", Arg::from(sent)), ("at", Arg::from(crate::platform::when::stamp(again, turn.ctx.config.tz)))];
    turn.say_with("fc-rate-limited", &args).await?;
    Ok(true)
}

/// Counts the request for the staff covering its area; the first of a quiet minute is
/// announced at once, later ones together once the minute is over.
async fn notify_staff(turn: &Turn<'_>, check: &Check, now: i64) -> HandlerResult {
    let db = &turn.ctx.db;
    let staff = roles::staff_covering(db, &check.area_path).await?;
    notices::add_pending(db, &staff).await?;
    notices::NOTICE.flush(db, &turn.ctx.outbox, &staff, now).await?;
    Ok(())
}

/// The instant answer: the earlier request's verdict, its number and date.
fn known_text(lang: Lang, check: &Check, known: &Known, tz: chrono_tz::Tz) -> String {
    let date = crate::platform::when::local(known.answered_at, tz).format("%d/%m/%Y").to_string();
    let args = [
        ("number", Arg::from(check.number.clone())),
        ("earlier", Arg::from(known.number.clone())),
        ("date", Arg::from(date)),
        ("verdict", Arg::from(t(lang, known.answer.verdict.key()))),
        ("explanation", Arg::from(known.answer.explanation.clone())),
    ];
    ta(lang, "fc-known", &args)
}
