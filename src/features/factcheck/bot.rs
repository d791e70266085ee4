//! Telegram side of cek fakta. Residents: `/cekfakta`, then forward or paste the
//! message (text, photo with caption, link); `/cekfakta daftar` lists the latest
//! verdicts. Staff: `/cekfakta antrian` shows open requests of their area one at a
//! time with the five verdict buttons; a verdict needs an explanation, reaches every
//! resident who asked about the same content, and can be announced to groups.
//!
//! Every press re-checks role, scope (a request of another area reads as gone) and
//! that the request is still open.

use serde::{Deserialize, Serialize};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, Message};

use super::model::{self, BODY_MAX, EXPLANATION_MAX, EXPLANATION_MIN, Verdict};
use super::store::{self, Answer, Check, NewCheck};
use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Payload, Turn};
use crate::bot::keyboards::button;
use crate::features::aspirations::model::year_in;
use crate::features::members::permissions::{Action, may};
use crate::features::members::{Role, areas, roles};
use crate::platform::audit;
use crate::platform::db::Db;
use crate::platform::delivery::{Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, t, ta};

crate::chat_feature! {
    /// Cek fakta, as plugged into the bot.
    pub struct FactCheck {
        name: "factcheck",
        dialog: Dialog as "FactCheck",
        buttons: Btn,
        commands: [
            CommandSpec::new("cekfakta", Role::Resident, "help-line-cekfakta"),
            // The staff queue is `/cekfakta antrian`: a second help line in their section.
            CommandSpec::new("cekfakta", Role::Staff, "help-line-cekfakta-staff").hidden(),
        ],
    }
}

/// Where a person stands in cek fakta.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step")]
pub enum Dialog {
    /// Waiting for the message to check.
    AskContent,
    /// Staff chose a verdict on request `id`; waiting for the explanation.
    Explain { id: i64, verdict: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    /// Staff: this verdict on request `id`.
    Verdict(i64, Verdict),
    /// Staff: the next open request after `id`.
    Next(i64),
    /// Staff: announce the clarification of request `id` to groups.
    Announce(i64),
}

impl Payload for Btn {
    const PREFIX: &'static str = "fc";

    fn data(&self) -> String {
        match self {
            Btn::Verdict(id, v) => format!("v:{id}:{}", v.code()),
            Btn::Next(id) => format!("n:{id}"),
            Btn::Announce(id) => format!("a:{id}"),
        }
    }

    fn parse(data: &str) -> Option<Self> {
        let id = |s: &str| s.parse::<i64>().ok().filter(|n| *n >= 0);
        Some(match data.split(':').collect::<Vec<_>>().as_slice() {
            ["v", n, code] => Btn::Verdict(id(n)?, Verdict::parse(code)?),
            ["n", n] => Btn::Next(id(n)?),
            ["a", n] => Btn::Announce(id(n)?),
            _ => return None,
        })
    }
}

pub async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
    match cmd.args.trim().to_lowercase().as_str() {
        "daftar" | "list" => latest(turn).await?,
        "antrian" | "queue" => {
            if turn.who.actor.role() < Role::Staff {
                turn.say("not-allowed-staff").await?;
            } else {
                show_next(turn, 0, None).await?;
            }
        }
        // A message sent outside any dialogue and chosen for "Cek fakta" is the request.
        _ => match turn.carried {
            Some(msg) if turn.who.member.as_ref().and_then(|m| m.kim_id).is_some() => {
                turn.set_dialog(Dialog::AskContent).await?;
                received(turn, msg).await?
            }
            _ => ask(turn).await?,
        },
    }
    Ok(true)
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    match dialog {
        Dialog::AskContent => received(turn, msg).await,
        Dialog::Explain { id, verdict } => match Verdict::parse(&verdict) {
            Some(verdict) => explained(turn, id, verdict, msg.text().unwrap_or_default()).await,
            None => turn.end().await,
        },
    }
}

pub async fn on_button(turn: &Turn<'_>, _state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let id = match btn {
        Btn::Verdict(id, _) | Btn::Next(id) | Btn::Announce(id) => id,
    };
    // Another area's request, or a forged id, reads exactly like a missing one.
    let Some(check) = store::get(&turn.ctx.db, id).await?.filter(|c| may(&turn.who.actor, Action::Oversee(&c.area_path))) else {
        return Ok(false);
    };
    if turn.who.actor.role() < Role::Staff {
        return Ok(false);
    }
    match btn {
        Btn::Verdict(_, verdict) if check.answer.is_none() => {
            turn.set_dialog(Dialog::Explain { id, verdict: verdict.code().into() }).await?;
            let args = [("number", Arg::from(check.number.clone())), ("verdict", Arg::from(t(turn.lang(), verdict.key())))];
            turn.send(ta(turn.lang(), "fc-explain-ask", &args)).await?;
            Ok(true)
        }
        Btn::Next(_) => show_next(turn, id, Some(at)).await.map(|()| true),
        Btn::Announce(_) => match &check.answer {
            Some(answer) => {
                let text = format!("{} {}\n\n({})", answer.verdict.label(), answer.explanation, check.number);
                crate::features::announcements::bot::start_with_text(turn, text).await?;
                Ok(true)
            }
            None => Ok(false),
        },
        Btn::Verdict(..) => Ok(false),
    }
}

async fn ask(turn: &Turn<'_>) -> HandlerResult {
    if turn.who.member.as_ref().and_then(|m| m.kim_id).is_none() {
        return turn.say("fc-need-kim").await;
    }
    turn.set_dialog(Dialog::AskContent).await?;
    turn.say("fc-ask").await
}

/// The message to check arrived: answered at once when the same content has a
/// verdict, else queued for the staff of the resident's area.
async fn received(turn: &Turn<'_>, msg: &Message) -> HandlerResult {
    let body = msg.text().or(msg.caption()).unwrap_or_default().trim().to_string();
    let photo = msg.photo().and_then(|sizes| sizes.last()).map(|p| p.file.id.to_string());
    if body.is_empty() {
        let key = if photo.is_some() { "fc-need-caption" } else { "fc-need-content" };
        return turn.say(key).await;
    }
    let len = body.chars().count();
    if len > BODY_MAX {
        return turn.say_with("fc-too-long", &[("len", Arg::from(len as i64)), ("max", Arg::from(BODY_MAX as i64))]).await;
    }
    let kim = match turn.who.member.as_ref().and_then(|m| m.kim_id) {
        Some(id) => areas::kim_by_id(&turn.ctx.db, id).await?,
        None => None,
    };
    let Some(kim) = kim else {
        turn.end().await?;
        return turn.say("fc-need-kim").await;
    };
    let link = model::first_link(&body);
    let new = NewCheck {
        user_id: turn.who.user_id,
        kim_id: kim.id,
        area_path: kim.area_path.clone(),
        content_hash: model::content_hash(&body),
        body,
        link,
        photo,
    };
    let db = &turn.ctx.db;
    let known = store::known_answer(db, &new.content_hash, new.link.as_deref()).await?;
    let now = turn.now();
    let check = store::create(db, &new, year_in(now, turn.ctx.config.tz), now, known.as_ref().map(|(a, by)| (a, *by))).await?;
    if check.answer.is_some() {
        turn.ctx.webhook_wake.wake();
    }
    turn.end().await?;
    audit::record(db, Some(turn.who.user_id), "factcheck.request", &check.number, now).await?;
    match &check.answer {
        Some(answer) => turn.send(verdict_text(turn.lang(), &check, answer, "fc-known")).await,
        None => {
            notify_staff(turn, &check).await?;
            turn.say_with("fc-received", &[("number", Arg::from(check.number.clone()))]).await
        }
    }
}

/// Tells the staff covering the request's area that one is waiting.
async fn notify_staff(turn: &Turn<'_>, check: &Check) -> HandlerResult {
    let db = &turn.ctx.db;
    let mut items = Vec::new();
    for id in roles::staff_covering(db, &check.area_path).await? {
        let text = |lang| ta(lang, "fc-staff-new", &[("number", Arg::from(check.number.clone()))]);
        items.push(notice(db, id, check, text).await?);
    }
    if !items.is_empty() {
        turn.ctx.outbox.enqueue(&items).await?;
    }
    Ok(())
}

/// The staff member's explanation: the verdict is given (once) and every resident
/// who asked about the same content is told.
async fn explained(turn: &Turn<'_>, id: i64, verdict: Verdict, text: &str) -> HandlerResult {
    let explanation = text.trim();
    let len = explanation.chars().count();
    if !(EXPLANATION_MIN..=EXPLANATION_MAX).contains(&len) {
        let args = [("len", Arg::from(len as i64)), ("min", Arg::from(EXPLANATION_MIN as i64)), ("max", Arg::from(EXPLANATION_MAX as i64))];
        return turn.say_with("fc-explain-length", &args).await;
    }
    let db = &turn.ctx.db;
    let in_scope = store::get(db, id).await?.filter(|c| may(&turn.who.actor, Action::Oversee(&c.area_path)));
    let answer = Answer { verdict, explanation: explanation.to_string() };
    let now = turn.now();
    let told = match in_scope {
        Some(_) => store::answer(db, id, &answer, turn.who.user_id, now).await?,
        None => None,
    };
    turn.end().await?;
    let Some(told) = told else { return turn.say("fc-already-answered").await };
    turn.ctx.webhook_wake.wake();
    let mut items = Vec::new();
    for c in told.iter().filter(|c| c.user_id != 0) {
        items.push(notice(db, c.user_id, c, |lang| verdict_text(lang, c, &answer, "fc-verdict-notice")).await?);
    }
    turn.ctx.outbox.enqueue(&items).await?;
    let number = told.iter().find(|c| c.id == id).map(|c| c.number.clone()).unwrap_or_default();
    audit::record(db, Some(turn.who.user_id), "factcheck.verdict", &format!("{number} {}", verdict.code()), now).await?;
    let lang = turn.lang();
    let args = [("number", Arg::from(number)), ("count", Arg::from(told.len() as i64))];
    let keys = InlineKeyboardMarkup::new(vec![
        vec![button(t(lang, "fc-btn-announce"), Btn::Announce(id))],
        vec![button(t(lang, "fc-btn-next"), Btn::Next(id))],
    ]);
    turn.send_with_buttons(ta(lang, "fc-answered", &args), keys).await
}

/// A personal notice about `check` to `user_id`, in that person's language.
async fn notice(db: &Db, user_id: i64, check: &Check, text: impl FnOnce(Lang) -> String) -> Result<Outgoing, HandlerError> {
    let lang = crate::features::members::users::language(db, user_id).await?;
    Ok(Outgoing::text(user_id, text(lang), Priority::Personal, Some(format!("factcheck:{}", check.id))))
}

fn verdict_text(lang: Lang, check: &Check, answer: &Answer, key: &str) -> String {
    let args = [
        ("number", Arg::from(check.number.clone())),
        ("verdict", Arg::from(t(lang, answer.verdict.key()))),
        ("explanation", Arg::from(answer.explanation.clone())),
    ];
    ta(lang, key, &args)
}

/// The oldest open request in the person's scope after `after`, with verdict buttons.
async fn show_next(turn: &Turn<'_>, after: i64, at: Option<At>) -> HandlerResult {
    let lang = turn.lang();
    let mut cursor = after;
    let next = loop {
        let batch = store::open_after(&turn.ctx.db, cursor, 100).await?;
        let Some(last) = batch.last().map(|c| c.id) else { break None };
        if let Some(found) = batch.into_iter().find(|c| may(&turn.who.actor, Action::Oversee(&c.area_path))) {
            break Some(found);
        }
        cursor = last;
    };
    let Some(check) = next else {
        let text = t(lang, if after == 0 { "fc-queue-empty" } else { "fc-queue-done" });
        return match at {
            Some(at) => turn.edit(at, text, None).await,
            None => turn.send(text).await,
        };
    };
    let (text, keys) = card(lang, &check);
    match at {
        Some(at) => turn.edit(at, text, Some(keys)).await,
        None => turn.send_with_buttons(text, keys).await,
    }
}

fn card(lang: Lang, check: &Check) -> (String, InlineKeyboardMarkup) {
    let photo = if check.photo.is_some() { t(lang, "fc-card-photo") } else { String::new() };
    let args = [("number", Arg::from(check.number.clone())), ("body", Arg::from(check.body.clone())), ("photo", Arg::from(photo))];
    let mut rows: Vec<Vec<InlineKeyboardButton>> =
        Verdict::ALL.chunks(2).map(|pair| pair.iter().map(|v| button(t(lang, v.key()), Btn::Verdict(check.id, *v))).collect()).collect();
    rows.push(vec![button(t(lang, "fc-btn-next"), Btn::Next(check.id))]);
    (ta(lang, "fc-card", &args), InlineKeyboardMarkup::new(rows))
}

/// `/cekfakta daftar`: the latest verdicts, by their staff-written explanation (what
/// residents sent is never shown to other residents).
async fn latest(turn: &Turn<'_>) -> HandlerResult {
    let lang = turn.lang();
    let checks = store::latest_answered(&turn.ctx.db, 10).await?;
    if checks.is_empty() {
        return turn.say("fc-list-empty").await;
    }
    let mut lines = vec![t(lang, "fc-list-header")];
    for c in checks.iter() {
        let Some(a) = &c.answer else { continue };
        let short: String = a.explanation.chars().take(120).collect();
        lines.push(format!("• {} {}", a.verdict.label(), short));
    }
    turn.send(lines.join("\n")).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_forgeries_do_not_parse() {
        crate::bot::feature::assert_round_trip(&[Btn::Verdict(i64::MAX, Verdict::Belum), Btn::Next(0), Btn::Announce(7)]);
        for data in ["", "v:1", "v:1:bohong", "v:-1:hoaks", "n:x", "a:1:2"] {
            assert_eq!(Btn::parse(data), None, "{data}");
        }
    }
}
