//! `/laporan` for staff and admins: first the kind of report (the UMKM registry,
//! training attendance and surveys in [`kinds`], and every period report a feature
//! declares); for a period report, period buttons (or typed dates), then area buttons
//! limited to the person's scope;
//! then the export runs in the background while one message shows its progress.
//! Role and scope are checked again on every button press; a press that no longer
//! fits is refused as stale.

mod btn;
pub mod job;
mod kinds;
mod surveys;

pub use btn::{Btn, Kind};

use serde::{Deserialize, Serialize};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, Message};

use self::job::{Job, What};
use crate::platform::export::kinds::{PeriodReport, PeriodRequest};
use crate::platform::export::period::{Period, Preset};
use crate::platform::i18n::{Arg, t, ta};
use crate::kernel::members::permissions::{Action, may};
use crate::kernel::members::{Area, Role, areas, display_path};
use crate::bot::keyboards::button;
use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};

crate::chat_feature! {
    /// Reports, as plugged into the bot.
    pub struct Reports {
        name: "reports",
        dialog: Dialog as "Report",
        buttons: Btn,
        commands: [
            CommandSpec::new("laporan", Role::Staff, "help-line-laporan").aliases(&["report"]).refused_by_feature(),
        ],
    }
}

/// Where a staff member stands in `/laporan` (stored as JSON per chat).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step")]
pub enum Dialog {
    /// Period buttons shown for a period report ([`PeriodKind`]).
    ChoosePeriod {
        #[serde(flatten)]
        kind: PeriodKind,
    },
    /// Waiting for typed dates.
    TypePeriod {
        #[serde(flatten)]
        kind: PeriodKind,
    },
    /// Area buttons shown for this period.
    ChooseArea {
        period: Period,
        #[serde(flatten)]
        kind: PeriodKind,
    },
    /// Kind buttons shown (the first step).
    ChooseKind,
    /// UMKM registry: area, sector and need buttons (the choices ride on them).
    Umkm,
    /// Training attendance: the list of trainings in scope.
    Attendance,
    /// Survey results: the list of surveys the person may see.
    Surveys,
}

/// Which period report a dialogue is for: `report` is its declared button code (not
/// `kind`: the stored dialogue's envelope uses that key, see `bot::state`).
/// Dialogues stored before reports were declared carry only `facts` (`true`: the
/// report on button `f`, else the one on button `a`), so both fields stay readable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PeriodKind {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    report: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    facts: bool,
}

impl PeriodKind {
    fn of(report: &PeriodReport) -> PeriodKind {
        PeriodKind { report: Some(report.button.to_string()), facts: false }
    }

    /// The declared report, if it still exists.
    fn report(&self, turn: &Turn<'_>) -> Option<&'static PeriodReport> {
        let code = self.report.as_deref().unwrap_or(if self.facts { "f" } else { "a" });
        period_report(turn, code)
    }
}

/// The declared period report on button `code`.
fn period_report(turn: &Turn<'_>, code: &str) -> Option<&'static PeriodReport> {
    turn.ctx.period_reports.iter().copied().find(|r| r.button == code)
}

fn allowed(turn: &Turn) -> bool {
    may(&turn.who.actor, Action::PullReports)
}

pub async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
    if !matches!(cmd.name.as_str(), "laporan" | "report") {
        return Ok(false);
    }
    if !allowed(turn) && !surveys::allowed(turn) {
        turn.say(not_allowed_key(turn)).await?;
        return Ok(true);
    }
    turn.send_with_buttons(t(turn.lang(), "rep-choose-kind"), kinds::kind_keyboard(turn.lang(), allowed(turn), turn.ctx.period_reports)).await?;
    turn.set_dialog(Dialog::ChooseKind).await?;
    Ok(true)
}

/// Coordinators hear where they can look instead; residents only that it is not theirs.
fn not_allowed_key(turn: &Turn<'_>) -> &'static str {
    if turn.who.actor.role() == crate::kernel::members::Role::Resident { "rep-not-allowed-resident" } else { "rep-not-allowed" }
}

/// A period report's period buttons.
fn period_keyboard(lang: crate::platform::i18n::Lang) -> InlineKeyboardMarkup {
    let b = |key: &str, btn: Btn| button(t(lang, key), btn);
    InlineKeyboardMarkup::new(vec![
        vec![b("rep-period-this-week", Btn::Preset(Preset::ThisWeek)), b("rep-period-this-month", Btn::Preset(Preset::ThisMonth))],
        vec![b("rep-period-last-month", Btn::Preset(Preset::LastMonth)), b("rep-period-custom", Btn::Custom)],
    ])
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    if !allowed(turn) && !(surveys::allowed(turn) && matches!(dialog, Dialog::ChooseKind | Dialog::Surveys)) {
        turn.end().await?;
        return turn.say(not_allowed_key(turn)).await;
    }
    match dialog {
        Dialog::TypePeriod { kind } => match Period::parse(msg.text().unwrap_or_default()) {
            Ok(period) => {
                let (text, keyboard) = area_choice(turn, period).await?;
                turn.send_with_buttons(text, keyboard).await?;
                turn.set_dialog(Dialog::ChooseArea { period, kind }).await
            }
            Err(e) => turn.say(e.message_key()).await,
        },
        _ => turn.say("rep-use-buttons").await,
    }
}

pub async fn on_button(turn: &Turn<'_>, state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let Current::Mine(dialog) = state else { return Ok(false) };
    if !allowed(turn) && !(surveys::allowed(turn) && surveys::is_survey_press(&btn)) {
        return Ok(false);
    }
    match (btn, dialog) {
        (Btn::Preset(p), Dialog::ChoosePeriod { kind }) => {
            let period = Period::preset(p, turn.now(), turn.ctx.config.tz);
            let (text, keyboard) = area_choice(turn, period).await?;
            turn.edit(at, text, Some(keyboard)).await?;
            turn.set_dialog(Dialog::ChooseArea { period, kind }).await?;
        }
        (Btn::Custom, Dialog::ChoosePeriod { kind }) => {
            turn.edit(at, t(turn.lang(), "rep-type-period"), None).await?;
            turn.set_dialog(Dialog::TypePeriod { kind }).await?;
        }
        (Btn::Area(id), Dialog::ChooseArea { period, kind }) => {
            let Some(report) = kind.report(turn) else { return Ok(false) };
            let Some(area) = areas::area_by_id(&turn.ctx.db, id).await? else { return Ok(false) };
            if !in_scope(turn, &area) {
                return Ok(false);
            }
            start(turn, at, report, period, Some(area)).await?;
        }
        (Btn::All, Dialog::ChooseArea { period, kind }) if turn.who.actor.is_admin => {
            let Some(report) = kind.report(turn) else { return Ok(false) };
            start(turn, at, report, period, None).await?;
        }
        (Btn::Kind(Kind::Period(code)), Dialog::ChooseKind) => {
            let Some(report) = period_report(turn, &code) else { return Ok(false) };
            turn.edit(at, t(turn.lang(), report.choose_period), Some(period_keyboard(turn.lang()))).await?;
            turn.set_dialog(Dialog::ChoosePeriod { kind: PeriodKind::of(report) }).await?;
        }
        (btn, dialog) => return kinds::on_button(turn, dialog, btn, at).await,
    }
    Ok(true)
}

pub(super) fn in_scope(turn: &Turn, area: &Area) -> bool {
    may(&turn.who.actor, Action::Oversee(&area.path))
}

/// The area buttons: each scope area as a whole, then the areas one level below it.
async fn area_choice(turn: &Turn<'_>, period: Period) -> Result<(String, InlineKeyboardMarkup), HandlerError> {
    let lang = turn.lang();
    let mut rows = Vec::new();
    if turn.who.actor.is_admin {
        rows.push(vec![button(t(lang, "rep-area-all"), Btn::All)]);
    }
    rows.extend(scope_rows(turn, Btn::Area).await?);
    let text = ta(lang, "rep-choose-area", &[("period", Arg::from(period.label()))]);
    Ok((text, InlineKeyboardMarkup::new(rows)))
}

/// Each area of the person's scope (admins: every top area) as a whole, then the
/// areas one level below it, two to a row; `to` makes each button's payload.
pub(super) async fn scope_rows(turn: &Turn<'_>, to: impl Fn(i64) -> Btn) -> Result<Vec<Vec<InlineKeyboardButton>>, HandlerError> {
    let lang = turn.lang();
    let db = &turn.ctx.db;
    let scopes: Vec<Area> = if turn.who.actor.is_admin {
        areas::children(db, None).await?
    } else {
        let mut found = Vec::new();
        for path in &turn.who.actor.staff_areas {
            found.extend(areas::area_by_path(db, path).await?);
        }
        found
    };
    let mut rows = Vec::new();
    for scope in scopes {
        let whole = ta(lang, "rep-area-whole", &[("name", Arg::from(scope.name.clone()))]);
        rows.push(vec![button(whole, to(scope.id))]);
        let inner: Vec<_> = areas::children(db, Some(scope.id)).await?;
        for pair in inner.chunks(2) {
            rows.push(pair.iter().map(|a| button(a.name.clone(), to(a.id))).collect());
        }
    }
    Ok(rows)
}

/// The period report's export for `period` and `area` (`None`: everywhere, admins).
async fn start(turn: &Turn<'_>, at: At, report: &'static PeriodReport, period: Period, area: Option<Area>) -> HandlerResult {
    let area_label = area.as_ref().map(|a| display_path(&a.path)).unwrap_or_else(|| t(turn.lang(), "rep-area-all"));
    let area_path = area.map(|a| a.path);
    let request = PeriodRequest { period, area_path, area_label, lang: turn.lang(), tz: turn.ctx.config.tz, now: turn.now(), sla: turn.ctx.config.sla.clone() };
    spawn(turn, at, What::Period { report, request }).await
}

/// Ends the dialogue, turns the pressed message into the progress message and
/// leaves the export to a background task (a long export must not hold the button
/// press unanswered, and other chats are never blocked).
pub(super) async fn spawn(turn: &Turn<'_>, at: At, what: What) -> HandlerResult {
    turn.end().await?;
    turn.edit(at, ta(turn.lang(), "rep-preparing", &[("percent", Arg::from(0i64))]), None).await?;
    let job = Job {
        bot: turn.bot.clone(),
        db: turn.ctx.db.clone(),
        clock: turn.ctx.clock.clone(),
        tz: turn.ctx.config.tz,
        lang: turn.lang(),
        at,
        actor: turn.who.user_id.get(),
        what,
    };
    tokio::spawn(job::run(job));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dialogues stored before period reports were declared (with or without
    /// `facts`) still read, and new ones round-trip.
    #[test]
    fn stored_period_dialogues_read_old_and_new_forms() {
        let old: Dialog = serde_json::from_str(r#"{"step":"ChoosePeriod"}"#).unwrap();
        assert_eq!(old, Dialog::ChoosePeriod { kind: PeriodKind { report: None, facts: false } });
        let facts: Dialog = serde_json::from_str(r#"{"step":"TypePeriod","facts":true}"#).unwrap();
        assert_eq!(facts, Dialog::TypePeriod { kind: PeriodKind { report: None, facts: true } });
        let new = Dialog::ChooseArea { period: Period::parse("1/11/2026 - 30/11/2026").unwrap(), kind: PeriodKind { report: Some("f".into()), facts: false } };
        let stored = crate::bot::State::of(&new).expect("storable");
        let json = serde_json::to_string(&stored).unwrap();
        let back: crate::bot::State = serde_json::from_str(&json).unwrap();
        assert_eq!(back.current::<Dialog>(), Current::Mine(new), "{json}");
    }
}
