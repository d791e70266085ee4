//! Telegram side of cek fakta. Residents: `/cekfakta`, then forward or paste the
//! message (text, photo with caption, link); `/cekfakta daftar` lists the latest
//! verdicts. Staff: `/cekfakta antrian` shows open requests of their area one at a
//! time with the five verdict buttons; a verdict needs an explanation, reaches every
//! resident who asked about the same content, and can be announced to groups.
//!
//! Every press re-checks role, scope (a request of another area reads as gone) and
//! that the request is still open.

pub mod decide;
pub mod request;

use serde::{Deserialize, Serialize};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, Message};

use super::model::{self, Verdict};
use super::store::{self, Check};
use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};
#[cfg(test)]
use crate::bot::feature::Payload;
use crate::bot::keyboards::button;
use crate::kernel::members::permissions::{Action, may};
use crate::kernel::members::Role;
use crate::platform::i18n::{Arg, Lang, t, ta};

crate::chat_feature! {
    /// Cek fakta, as plugged into the bot.
    pub struct FactCheck {
        name: "factcheck",
        dialog: Dialog as "FactCheck",
        buttons: Btn,
        commands: [
            // A pin alone is nothing to fact-check.
            CommandSpec::new("cekfakta", Role::Resident, "help-line-cekfakta").offered("offer-btn-cekfakta", false),
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
    /// Staff chose a verdict on request `id`; waiting for the claim in a few words.
    Claim { id: i64, verdict: String },
    /// Staff named the claim of request `id`; waiting for the explanation.
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

crate::platform::buttons::code_field!(Verdict, code, Verdict::parse);

crate::platform::buttons::payload_codec! {
    Btn = "fc";
    Verdict(id: i64, verdict: Verdict) = "v",
    Next(id: i64) = "n",
    Announce(id: i64) = "a",
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
                self::request::received(turn, msg).await?
            }
            _ => ask(turn).await?,
        },
    }
    Ok(true)
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    match dialog {
        Dialog::AskContent => self::request::received(turn, msg).await,
        Dialog::Claim { id, verdict } => match Verdict::parse(&verdict) {
            Some(verdict) => decide::claimed(turn, id, verdict, msg.text().unwrap_or_default()).await,
            None => turn.end().await,
        },
        Dialog::Explain { id, verdict } => match Verdict::parse(&verdict) {
            Some(verdict) => decide::explained(turn, id, verdict, msg.text().unwrap_or_default()).await,
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
            turn.set_dialog(Dialog::Claim { id, verdict: verdict.code().into() }).await?;
            let args = [("number", Arg::from(check.number.clone())), ("verdict", Arg::from(t(turn.lang(), verdict.key())))];
            turn.send(ta(turn.lang(), "fc-claim-ask", &args)).await?;
            Ok(true)
        }
        Btn::Next(_) => show_next(turn, id, Some(at)).await.map(|()| true),
        Btn::Announce(_) => match &check.answer {
            Some(answer) => {
                let label = t(turn.lang(), answer.verdict.label_key());
                let text = match &check.claim {
                    Some(claim) => format!("{label} {claim}\n\n{}\n\n({})", answer.explanation, check.number),
                    None => format!("{label} {}\n\n({})", answer.explanation, check.number),
                };
                crate::bot::handover::compose(turn, crate::bot::feature::Compose::Clarification, text).await?;
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
    let similar = store::similar(&turn.ctx.db, &check, 3).await?;
    let (text, keys) = card(lang, &check, &similar);
    match at {
        Some(at) => turn.edit(at, text, Some(keys)).await,
        None => turn.send_with_buttons(text, keys).await,
    }
}

/// Room for the request's text in its card, in UTF-16 units: the card (number, hints,
/// "choose a verdict") must stay within Telegram's 4,096.
const CARD_BODY_MAX: usize = 3500;

/// The request as staff decide it: its text, a photo mark, and the requests sharing
/// its link with other text ("mirip CEK-…"), a hint to compare, never an answer.
fn card(lang: Lang, check: &Check, similar: &[(String, Option<Verdict>)]) -> (String, InlineKeyboardMarkup) {
    let mut extra = Vec::new();
    if check.photo.is_some() {
        extra.push(t(lang, "fc-card-photo"));
    }
    if !similar.is_empty() {
        let open = t(lang, "fc-card-similar-open");
        let list: Vec<String> =
            similar.iter().map(|(n, v)| format!("{n} ({})", v.map_or_else(|| open.clone(), |v| t(lang, v.key())))).collect();
        extra.push(ta(lang, "fc-card-similar", &[("list", Arg::from(list.join(", ")))]));
    }
    let args = [("number", Arg::from(check.number.clone())), ("body", Arg::from(model::clip_utf16(&check.body, CARD_BODY_MAX))), ("photo", Arg::from(extra.join("\n")))];
    let mut rows: Vec<Vec<InlineKeyboardButton>> =
        Verdict::ALL.chunks(2).map(|pair| pair.iter().map(|v| button(t(lang, v.key()), Btn::Verdict(check.id, *v))).collect()).collect();
    rows.push(vec![button(t(lang, "fc-btn-next"), Btn::Next(check.id))]);
    (ta(lang, "fc-card", &args), InlineKeyboardMarkup::new(rows))
}

/// `/cekfakta daftar`: the latest verdicts, each naming its claim and explanation as
/// staff wrote them (what residents sent is never shown to other residents).
async fn latest(turn: &Turn<'_>) -> HandlerResult {
    let lang = turn.lang();
    let checks = store::latest_answered(&turn.ctx.db, 10).await?;
    if checks.is_empty() {
        return turn.say("fc-list-empty").await;
    }
    let mut lines = vec![t(lang, "fc-list-header")];
    let mut seen = std::collections::HashSet::new();
    for c in checks.iter() {
        let Some(a) = &c.answer else { continue };
        if !seen.insert((a.verdict, a.explanation.clone())) {
            continue;
        }
        let args = [
            ("label", Arg::from(t(lang, a.verdict.label_key()))),
            ("claim", Arg::from(c.claim.clone().unwrap_or_else(|| c.number.clone()))),
            ("explanation", Arg::from(model::clip(&a.explanation, 120))),
        ];
        lines.push(ta(lang, "fc-list-item", &args));
    }
    turn.send(lines.join("\n")).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_forgeries_do_not_parse() {
        let all = [Btn::Verdict(i64::MAX, Verdict::Belum), Btn::Next(0), Btn::Announce(7)];
        crate::platform::buttons::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["fc:v:9223372036854775807:belum", "fc:n:0", "fc:a:7"]);
        for data in ["", "v:1", "v:1:bohong", "v:-1:hoaks", "n:x", "a:1:2"] {
            assert_eq!(Btn::parse(data), None, "{data}");
        }
    }
}
