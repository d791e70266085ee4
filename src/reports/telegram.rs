//! `/laporan` for staff and admins: period buttons (or typed dates), then area
//! buttons limited to the person's scope, then the export runs in the background
//! while one message shows its progress. Role and scope are checked again on every
//! button press; a press that no longer fits is refused as stale.

use serde::{Deserialize, Serialize};
use teloxide::types::{InlineKeyboardMarkup, Message};

use super::job::{self, Job};
use super::period::{Period, Preset};
use super::query;
use crate::i18n::{Arg, t, ta};
use crate::members::{Area, Role, areas, covers, display_path};
use crate::telegram::keyboards::{Command, button};
use crate::telegram::turn::{At, Turn};
use crate::telegram::{Cb, HandlerError, HandlerResult, Payload, State};

/// Where a staff member stands in `/laporan` (stored as JSON per chat).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step")]
pub enum Dialog {
    /// Period buttons shown.
    ChoosePeriod,
    /// Waiting for typed dates.
    TypePeriod,
    /// Area buttons shown for this period.
    ChooseArea { period: Period },
}

/// Button payloads (after the router's `r:` prefix).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    Preset(Preset),
    Custom,
    /// An area inside the presser's scope.
    Area(i64),
    /// Everything (admins only).
    All,
}

impl Payload for Btn {
    fn data(&self) -> String {
        match self {
            Btn::Preset(Preset::ThisWeek) => "p:w".into(),
            Btn::Preset(Preset::ThisMonth) => "p:m".into(),
            Btn::Preset(Preset::LastMonth) => "p:l".into(),
            Btn::Custom => "p:c".into(),
            Btn::Area(id) => format!("a:{id}"),
            Btn::All => "all".into(),
        }
    }

    fn parse(data: &str) -> Option<Btn> {
        Some(match data {
            "p:w" => Btn::Preset(Preset::ThisWeek),
            "p:m" => Btn::Preset(Preset::ThisMonth),
            "p:l" => Btn::Preset(Preset::LastMonth),
            "p:c" => Btn::Custom,
            "all" => Btn::All,
            _ => Btn::Area(data.strip_prefix("a:")?.parse().ok().filter(|id: &i64| *id > 0)?),
        })
    }
}

fn allowed(turn: &Turn) -> bool {
    turn.who.actor.role() >= Role::Staff
}

pub async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
    if !matches!(cmd.name.as_str(), "laporan" | "report") {
        return Ok(false);
    }
    if !allowed(turn) {
        turn.say("rep-not-allowed").await?;
        return Ok(true);
    }
    let lang = turn.lang();
    let b = |key: &str, btn: Btn| button(t(lang, key), Cb::Rep(btn));
    let keyboard = InlineKeyboardMarkup::new(vec![
        vec![b("rep-period-this-week", Btn::Preset(Preset::ThisWeek)), b("rep-period-this-month", Btn::Preset(Preset::ThisMonth))],
        vec![b("rep-period-last-month", Btn::Preset(Preset::LastMonth)), b("rep-period-custom", Btn::Custom)],
    ]);
    turn.send_with_buttons(t(lang, "rep-choose-period"), keyboard).await?;
    turn.set_state(State::Report(Dialog::ChoosePeriod)).await?;
    Ok(true)
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    if !allowed(turn) {
        turn.end().await?;
        return turn.say("rep-not-allowed").await;
    }
    match dialog {
        Dialog::TypePeriod => match Period::parse(msg.text().unwrap_or_default()) {
            Ok(period) => {
                let (text, keyboard) = area_choice(turn, period).await?;
                turn.send_with_buttons(text, keyboard).await?;
                turn.set_state(State::Report(Dialog::ChooseArea { period })).await
            }
            Err(e) => turn.say(e.message_key()).await,
        },
        Dialog::ChoosePeriod | Dialog::ChooseArea { .. } => turn.say("rep-use-buttons").await,
    }
}

pub async fn on_button(turn: &Turn<'_>, state: State, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let State::Report(dialog) = state else { return Ok(false) };
    if !allowed(turn) {
        return Ok(false);
    }
    match (btn, dialog) {
        (Btn::Preset(p), Dialog::ChoosePeriod) => {
            let period = Period::preset(p, turn.now(), turn.ctx.config.tz);
            let (text, keyboard) = area_choice(turn, period).await?;
            turn.edit(at, text, Some(keyboard)).await?;
            turn.set_state(State::Report(Dialog::ChooseArea { period })).await?;
        }
        (Btn::Custom, Dialog::ChoosePeriod) => {
            turn.edit(at, t(turn.lang(), "rep-type-period"), None).await?;
            turn.set_state(State::Report(Dialog::TypePeriod)).await?;
        }
        (Btn::Area(id), Dialog::ChooseArea { period }) => {
            let Some(area) = query::area(&turn.ctx.db, id).await? else { return Ok(false) };
            if !in_scope(turn, &area) {
                return Ok(false);
            }
            start(turn, at, period, Some(area)).await?;
        }
        (Btn::All, Dialog::ChooseArea { period }) if turn.who.actor.is_admin => start(turn, at, period, None).await?,
        _ => return Ok(false),
    }
    Ok(true)
}

fn in_scope(turn: &Turn, area: &Area) -> bool {
    turn.who.actor.is_admin || turn.who.actor.staff_areas.iter().any(|s| covers(s, &area.path))
}

/// The area buttons: each scope area as a whole, then the areas one level below it.
async fn area_choice(turn: &Turn<'_>, period: Period) -> Result<(String, InlineKeyboardMarkup), HandlerError> {
    let lang = turn.lang();
    let db = &turn.ctx.db;
    let mut rows = Vec::new();
    let scopes: Vec<Area> = if turn.who.actor.is_admin {
        rows.push(vec![button(t(lang, "rep-area-all"), Cb::Rep(Btn::All))]);
        areas::children(db, None).await?
    } else {
        let mut found = Vec::new();
        for path in &turn.who.actor.staff_areas {
            found.extend(query::area_by_path(db, path).await?);
        }
        found
    };
    for scope in scopes {
        let whole = ta(lang, "rep-area-whole", &[("name", Arg::from(scope.name.clone()))]);
        rows.push(vec![button(whole, Cb::Rep(Btn::Area(scope.id)))]);
        let inner: Vec<_> = areas::children(db, Some(scope.id)).await?;
        for pair in inner.chunks(2) {
            rows.push(pair.iter().map(|a| button(a.name.clone(), Cb::Rep(Btn::Area(a.id)))).collect());
        }
    }
    let text = ta(lang, "rep-choose-area", &[("period", Arg::from(period.label()))]);
    Ok((text, InlineKeyboardMarkup::new(rows)))
}

/// Ends the dialogue, turns the pressed message into the progress message and
/// leaves the export to a background task (a long export must not hold the button
/// press unanswered, and other chats are never blocked).
async fn start(turn: &Turn<'_>, at: At, period: Period, area: Option<Area>) -> HandlerResult {
    turn.end().await?;
    let lang = turn.lang();
    turn.edit(at, ta(lang, "rep-preparing", &[("percent", Arg::from(0i64))]), None).await?;
    let area_label = area.as_ref().map(|a| display_path(&a.path)).unwrap_or_else(|| t(lang, "rep-area-all"));
    let job = Job {
        bot: turn.bot.clone(),
        db: turn.ctx.db.clone(),
        clock: turn.ctx.clock.clone(),
        tz: turn.ctx.config.tz,
        lang,
        at,
        actor: turn.who.user_id,
        period,
        area_path: area.map(|a| a.path),
        area_label,
    };
    tokio::spawn(job::run(job));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_forgeries_fail() {
        for b in [Btn::Preset(Preset::ThisWeek), Btn::Preset(Preset::LastMonth), Btn::Custom, Btn::Area(42), Btn::All] {
            assert_eq!(Btn::parse(&b.data()), Some(b));
        }
        for bad in ["", "p:x", "a:-1", "a:0", "a:x", "a:1:2", "alll"] {
            assert_eq!(Btn::parse(bad), None, "{bad}");
        }
    }
}
