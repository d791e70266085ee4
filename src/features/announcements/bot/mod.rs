//! Telegram entry points of announcements: `/umumkan` (compose → targets → preview →
//! now, at a time, or repeating), `/jadwal`, `/pengumuman`, and their buttons.
//!
//! Every command and every button re-checks the presser's role; dialogue buttons
//! also have to fit the stored dialogue step, so a stale or forged press changes
//! nothing and is answered as such by the router.

pub mod compose;
pub mod history;
pub mod latest;
pub mod jadwal;
pub mod plan;
pub mod umkm_target;
pub mod show;
pub mod run_report;
pub mod reactions;

use serde::{Deserialize, Serialize};
use teloxide::types::Message;

pub use super::buttons::Btn;
use super::model::{Content, Target, can_announce};
use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};
pub use crate::bot::feature::{Compose, Composing};
use crate::kernel::members::Role;

/// What has been composed so far.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub content: Content,
    #[serde(default)]
    pub target: Option<Target>,
    /// Groups (chat ids) ticked in the checklist.
    #[serde(default)]
    pub picked: Vec<i64>,
    /// The author turned the "Bagikan ke WhatsApp" button off.
    #[serde(default)]
    pub share_off: bool,
    /// Started from a cek fakta verdict.
    #[serde(default)]
    pub clarification: bool,
}

/// A schedule typed or chosen, waiting for "save".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Plan {
    At(i64),
    /// The cron crate's form (seconds first, weekday names).
    Cron(String),
}

/// Where a person stands in `/umumkan`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Dialog {
    /// Waiting for text, a photo or a document.
    Compose(Draft),
    /// Choosing whom to send to.
    Target(Draft),
    /// Preview shown; choosing when.
    Preview(Draft),
    /// Waiting for a typed date and time.
    AskAt(Draft),
    /// Choosing a repeat preset.
    AskRepeat(Draft),
    /// Waiting for a typed cron expression.
    AskCron(Draft),
    /// A schedule shown, waiting for "save".
    Confirm { draft: Draft, plan: Plan },
    /// A typed day has passed this year: asking whether next year's `at` is meant.
    NextYear { draft: Draft, at: i64 },
}

crate::chat_feature! {
    /// Announcements, as plugged into the bot.
    pub struct Announcements {
        name: "announcements",
        dialog: Dialog as "Announce",
        buttons: Btn,
        commands: [
            CommandSpec::new("pengumuman", Role::Resident, "help-line-pengumuman").aliases(&["announcements"]),
            CommandSpec::new("umumkan", Role::Coordinator, "help-line-umumkan").aliases(&["announce"]),
            CommandSpec::new("jadwal", Role::Coordinator, "help-line-jadwal").aliases(&["schedule"]),
        ],
    }
}

/// Handles this feature's commands; `Ok(false)` when the command is not ours.
pub async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
    match cmd.name.as_str() {
        "umumkan" | "announce" if can_announce(&turn.who.actor) => compose::start(turn).await?,
        "jadwal" | "schedule" if can_announce(&turn.who.actor) => drop(jadwal::list(turn, None, None).await?),
        "umumkan" | "announce" | "jadwal" | "schedule" => turn.say("not-allowed-coordinator").await?,
        "pengumuman" | "announcements" => latest::show(turn).await?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// Opens `/umumkan` with `text` already written (a programme feed draft, handed over
/// as [`Compose::Announcement`]): straight to choosing targets, exactly as if the
/// person had typed it and pressed "next".
pub fn start_with_text<'a>(turn: &'a Turn<'a>, text: String) -> Composing<'a> {
    let draft = Draft { content: Content { text, ..Content::default() }, ..Draft::default() };
    Box::pin(async move { compose::show_targets(turn, draft, None).await.map(drop) })
}

/// [`start_with_text`] for a cek fakta clarification ([`Compose::Clarification`]):
/// forum groups may have a topic for those.
pub fn start_clarification<'a>(turn: &'a Turn<'a>, text: String) -> Composing<'a> {
    let draft = Draft { content: Content { text, ..Content::default() }, clarification: true, ..Draft::default() };
    Box::pin(async move { compose::show_targets(turn, draft, None).await.map(drop) })
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    if !can_announce(&turn.who.actor) {
        turn.end().await?;
        return turn.say("not-allowed-coordinator").await;
    }
    match dialog {
        Dialog::Compose(draft) => compose::on_content(turn, draft, msg).await,
        Dialog::AskAt(draft) | Dialog::NextYear { draft, .. } => {
            plan::on_time_typed(turn, draft, msg.text().unwrap_or_default()).await
        }
        Dialog::AskCron(draft) => plan::on_cron_typed(turn, draft, msg.text().unwrap_or_default()).await,
        _ => turn.say("ann-use-buttons").await,
    }
}

pub async fn on_button(turn: &Turn<'_>, state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    if !can_announce(&turn.who.actor) {
        return Ok(false);
    }
    match btn {
        Btn::Report(id, n) => self::run_report::show(turn, id, n, Some(at)).await,
        Btn::Recall(id, n) => self::run_report::ask_recall(turn, id, n, at).await,
        Btn::RecallYes(id, n) => self::run_report::recall(turn, id, n, at).await,
        Btn::Cancel(id) => jadwal::ask_cancel(turn, id, at).await,
        Btn::CancelYes(_) | Btn::Pause(_) | Btn::Resume(_) => jadwal::act(turn, btn, at).await,
        Btn::Jadwal => jadwal::list(turn, Some(at), None).await,
        Btn::History(page) => history::show(turn, page, at).await,
        Btn::OpenReport(id, n) => self::run_report::show(turn, id, n, None).await,
        btn => match state {
            Current::Mine(dialog) => on_dialog_button(turn, dialog, btn, at).await,
            _ => Ok(false),
        },
    }
}

/// Buttons of the compose dialogue: each fits only certain steps.
async fn on_dialog_button(turn: &Turn<'_>, dialog: Dialog, btn: Btn, at: At) -> Result<bool, HandlerError> {
    use Dialog as D;
    match (dialog, btn) {
        (D::Compose(d), Btn::Next) if !d.content.is_empty() => compose::show_targets(turn, d, Some(at)).await,
        (D::Target(d), Btn::AllOfKim(id)) => compose::choose(turn, d, Target::Kim(id), at).await,
        (D::Target(d), Btn::Area(id)) => compose::choose(turn, d, Target::Area(id), at).await,
        (D::Target(_), Btn::Umkm) => umkm_target::areas(turn, at).await,
        (D::Target(_), Btn::UmkmArea(area)) => umkm_target::sectors(turn, area, at).await,
        (D::Target(_), Btn::UmkmSector(area, sector)) => umkm_target::needs(turn, area, sector, at).await,
        (D::Target(d), Btn::UmkmNeed(area, s, n)) => umkm_target::chosen(turn, d, (area, s, n), at).await,
        (D::Target(d), Btn::Pick) => compose::checklist(turn, d, Some(at), None).await,
        (D::Target(d), Btn::Toggle(chat)) => compose::toggle(turn, d, chat, at).await,
        (D::Target(d), Btn::Picked) => compose::picked(turn, d, at).await,
        (D::Preview(d), Btn::SendNow) => plan::send_now(turn, d, at).await,
        (D::Preview(d), Btn::Share) => plan::toggle_share(turn, d, at).await,
        (D::Preview(d) | D::NextYear { draft: d, .. }, Btn::AskAt) => plan::ask_at(turn, d, at).await,
        (D::NextYear { draft, at: when }, Btn::NextYear) => plan::next_year(turn, draft, when, at).await,
        (D::Preview(d), Btn::AskRepeat) => plan::ask_repeat(turn, d, at).await,
        (D::AskRepeat(d) | D::AskCron(d), Btn::Preset(n)) => plan::preset(turn, d, n, at).await,
        (D::AskRepeat(d), Btn::TypeCron) => plan::ask_cron(turn, d, at).await,
        (D::Confirm { draft, plan }, Btn::Confirm) => plan::confirm(turn, draft, plan, at).await,
        (D::AskAt(d) | D::AskRepeat(d) | D::AskCron(d) | D::Confirm { draft: d, .. } | D::NextYear { draft: d, .. }, Btn::Back) => {
            plan::choices(turn, d, Some(at)).await
        }
        (
            D::Target(d) | D::Preview(d) | D::AskAt(d) | D::AskRepeat(d) | D::AskCron(d) | D::Confirm { draft: d, .. },
            Btn::Retarget,
        ) => compose::show_targets(turn, d, Some(at)).await,
        (D::Target(d) | D::Preview(d), Btn::Rewrite) => compose::rewrite(turn, d, at).await,
        _ => Ok(false),
    }
}
