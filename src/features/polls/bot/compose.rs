//! Writing a poll, step by step, each step stored as the dialogue (a restart keeps
//! the draft): question, options, kind, closing time, target, review, send.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use super::{Btn, Dialog, Draft};
use super::super::model::{self, OPTIONS_MAX, OPTIONS_MIN, Preset, TextError};
use super::super::store::{self, NewPoll};
use crate::bot::feature::{At, HandlerError, HandlerResult, Turn};
use crate::bot::keyboards::button;
use crate::kernel::audience::Target;
use crate::kernel::audience::words::{target_label, when};
use crate::kernel::audience::bot::show;
use crate::kernel::audience::targets;
use crate::kernel::members::{areas, covers};
use crate::platform::audit;
use crate::platform::i18n::{Arg, t, ta};

fn keys(rows: Vec<Vec<(String, Btn)>>) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(rows.into_iter().map(|r| r.into_iter().map(|(l, b)| button(l, b)).collect::<Vec<InlineKeyboardButton>>()))
}

pub async fn start(turn: &Turn<'_>) -> HandlerResult {
    turn.set_dialog(Dialog::Question).await?;
    turn.say_with("poll-ask-question", &[("max", Arg::from(model::QUESTION_MAX as i64))]).await
}

/// Explains a refused question or option; nothing typed so far is lost.
async fn refuse(turn: &Turn<'_>, error: TextError) -> HandlerResult {
    match error {
        TextError::Empty => turn.say("poll-text-empty").await,
        TextError::Duplicate => turn.say("poll-option-duplicate").await,
        TextError::TooLong { len, max } => turn.say_with("poll-text-too-long", &[("len", Arg::from(len as i64)), ("max", Arg::from(max as i64))]).await,
        TextError::TooMany { max } => turn.say_with("poll-options-too-many", &[("max", Arg::from(max as i64))]).await,
    }
}

pub async fn on_question(turn: &Turn<'_>, text: &str) -> HandlerResult {
    match model::question(text) {
        Ok(question) => {
            let draft = Draft { question, ..Draft::default() };
            turn.set_dialog(Dialog::Options { draft }).await?;
            turn.say_with("poll-ask-option", &[("n", Arg::from(1)), ("max", Arg::from(model::OPTION_MAX as i64))]).await
        }
        Err(error) => refuse(turn, error).await,
    }
}

/// One option, or several typed as a list in one message (each becomes its own
/// option); the options so far are shown back for review.
pub async fn on_option(turn: &Turn<'_>, mut draft: Draft, text: &str) -> HandlerResult {
    match model::options_typed(text, &draft.options) {
        Ok(new) => draft.options.extend(new),
        Err(error) => return refuse(turn, error).await,
    }
    if draft.options.len() >= OPTIONS_MAX {
        let args = [("list", Arg::from(numbered(&draft.options))), ("max", Arg::from(OPTIONS_MAX as i64))];
        turn.say_with("poll-options-full", &args).await?;
        return ask_kind(turn, draft, None).await.map(drop);
    }
    options_so_far(turn, draft).await
}

/// `1. Sabtu pagi` …, one option a line.
fn numbered(options: &[String]) -> String {
    options.iter().enumerate().map(|(i, o)| format!("{}. {o}", i + 1)).collect::<Vec<_>>().join("\n")
}

/// The options so far, with "done" once there are two, and "undo".
async fn options_so_far(turn: &Turn<'_>, draft: Draft) -> HandlerResult {
    let lang = turn.lang();
    let n = draft.options.len();
    let ready = if n >= OPTIONS_MIN { "yes" } else { "no" };
    let args = [
        ("list", Arg::from(numbered(&draft.options))),
        ("n", Arg::from(n as i64 + 1)),
        ("max", Arg::from(OPTIONS_MAX as i64)),
        ("ready", Arg::from(ready)),
    ];
    let mut rows = Vec::new();
    if n >= OPTIONS_MIN {
        rows.push(vec![(t(lang, "poll-btn-done"), Btn::Done)]);
    }
    if n > 0 {
        rows.push(vec![(t(lang, "poll-btn-undo"), Btn::Undo)]);
    }
    turn.set_dialog(Dialog::Options { draft }).await?;
    turn.send_with_buttons(ta(lang, "poll-options-so-far", &args), keys(rows)).await
}

async fn ask_kind(turn: &Turn<'_>, draft: Draft, at: Option<At>) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let rows = vec![vec![(t(lang, "poll-btn-single"), Btn::Kind(false))], vec![(t(lang, "poll-btn-multiple"), Btn::Kind(true))]];
    turn.set_dialog(Dialog::Kind { draft }).await?;
    show(turn, at, t(lang, "poll-ask-kind"), Some(keys(rows))).await?;
    Ok(true)
}

async fn ask_closing(turn: &Turn<'_>, draft: Draft, at: Option<At>) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let rows = Preset::ALL.iter().map(|p| vec![(t(lang, p.key()), Btn::Preset(*p))]).collect();
    turn.set_dialog(Dialog::Closing { draft }).await?;
    show(turn, at, t(lang, "poll-ask-closing"), Some(keys(rows))).await?;
    Ok(true)
}

pub async fn on_closing_typed(turn: &Turn<'_>, draft: Draft, text: &str) -> HandlerResult {
    match crate::platform::when::parse_local(text, turn.now(), turn.ctx.config.tz) {
        Ok(at) => closing_chosen(turn, draft, at, None).await.map(drop),
        Err(_) => turn.say("poll-closing-format").await,
    }
}

async fn closing_chosen(turn: &Turn<'_>, mut draft: Draft, at_time: i64, at: Option<At>) -> Result<bool, HandlerError> {
    if !model::closing_ok(at_time, turn.now()) {
        turn.say("poll-closing-range").await?;
        return Ok(true);
    }
    draft.closes_at = at_time;
    ask_target(turn, draft, at).await
}

/// Targets as for announcements: the person's KIMs, and (staff) their areas.
async fn ask_target(turn: &Turn<'_>, draft: Draft, at: Option<At>) -> Result<bool, HandlerError> {
    let (lang, actor, db) = (turn.lang(), &turn.who.actor, &turn.ctx.db);
    let mut rows = Vec::new();
    for kim in areas::kims_by_ids(db, &actor.coordinator_kims).await? {
        rows.push(vec![(ta(lang, "ann-btn-all-of-kim", &[("name", Arg::from(kim.name))]), Btn::Kim(kim.id.get()))]);
    }
    for area in targets::offered_areas(db, actor).await? {
        let args = [("name", Arg::from(area.name)), ("kind", Arg::from(area.kind))];
        rows.push(vec![(ta(lang, "ann-btn-area", &args), Btn::Area(area.id))]);
    }
    turn.set_dialog(Dialog::Target { draft }).await?;
    show(turn, at, t(lang, "poll-ask-target"), Some(keys(rows))).await?;
    Ok(true)
}

/// Buttons of the dialogue: each fits only its step.
pub async fn on_dialog_button(turn: &Turn<'_>, dialog: Dialog, btn: Btn, at: At) -> Result<bool, HandlerError> {
    use Dialog as D;
    match (dialog, btn) {
        (D::Options { draft }, Btn::Done) if draft.options.len() >= OPTIONS_MIN => ask_kind(turn, draft, Some(at)).await,
        (D::Options { mut draft }, Btn::Undo) if !draft.options.is_empty() => {
            draft.options.pop();
            options_so_far(turn, draft).await.map(|()| true)
        }
        (D::Kind { mut draft }, Btn::Kind(multiple)) => {
            draft.multiple = multiple;
            ask_closing(turn, draft, Some(at)).await
        }
        (D::Closing { draft }, Btn::Preset(p)) => {
            let at_time = p.at(turn.now(), turn.ctx.config.tz);
            closing_chosen(turn, draft, at_time, Some(at)).await
        }
        (D::Target { mut draft }, Btn::Kim(id)) => {
            draft.target = Some(Target::Kim(id));
            review(turn, draft, at).await
        }
        (D::Target { mut draft }, Btn::Area(id)) => {
            draft.target = Some(Target::Area(id));
            review(turn, draft, at).await
        }
        (D::Review { mut draft }, Btn::Private(on)) => {
            draft.private_chats = on;
            review(turn, draft, at).await
        }
        (D::Review { draft }, Btn::Send) => send(turn, draft, at).await,
        _ => Ok(false),
    }
}

/// Who a draft reaches right now: group chats and residents' private chats.
async fn reach(turn: &Turn<'_>, draft: &Draft) -> Result<Option<(targets::Scope, Vec<i64>, Vec<i64>)>, HandlerError> {
    let (db, actor) = (&turn.ctx.db, &turn.who.actor);
    let Some(target) = &draft.target else { return Ok(None) };
    let Some(scope) = targets::scope(db, turn.ctx.config.tz, actor, target).await? else { return Ok(None) };
    let groups: Vec<i64> = targets::resolve(db, actor, target).await?.into_iter().map(|g| g.chat_id).collect();
    let mut people = Vec::new();
    if draft.private_chats {
        for (user, kim, path) in store::news_readers(db).await? {
            let within = match target {
                Target::Kim(id) => kim == *id,
                _ => covers(&scope.area_path, &path),
            };
            if within {
                people.push(user);
            }
        }
    }
    Ok(Some((scope, groups, people)))
}

/// The review: everything chosen, how many chats it reaches, and "send".
async fn review(turn: &Turn<'_>, draft: Draft, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    // A forged or no longer permitted target is refused, as in announcements.
    let Some((scope, groups, people)) = reach(turn, &draft).await? else { return Ok(false) };
    let target = draft.target.as_ref().map(|tg| target_label(lang, tg, &scope.name)).unwrap_or_default();
    let kind = t(lang, if draft.multiple { "poll-kind-multiple" } else { "poll-kind-single" });
    let args = [
        ("question", Arg::from(draft.question.clone())),
        ("options", Arg::from(numbered(&draft.options))),
        ("kind", Arg::from(kind)),
        ("closes", Arg::from(when(lang, draft.closes_at, turn.ctx.config.tz))),
        ("target", Arg::from(target)),
        ("groups", Arg::from(groups.len() as i64)),
        ("people", Arg::from(people.len() as i64)),
    ];
    let private = if draft.private_chats { ("poll-btn-private-off", false) } else { ("poll-btn-private-on", true) };
    let rows = vec![vec![(t(lang, private.0), Btn::Private(private.1))], vec![(t(lang, "poll-btn-send"), Btn::Send)]];
    turn.set_dialog(Dialog::Review { draft }).await?;
    show(turn, Some(at), ta(lang, "poll-review", &args), Some(keys(rows))).await?;
    Ok(true)
}

/// Creates the poll and queues a copy per chat; scope and reach are checked again.
async fn send(turn: &Turn<'_>, draft: Draft, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let Some((scope, groups, people)) = reach(turn, &draft).await? else { return Ok(false) };
    let Some(target) = draft.target.as_ref() else { return Ok(false) };
    if groups.is_empty() && people.is_empty() {
        turn.say("poll-nobody").await?;
        return Ok(true);
    }
    let now = turn.now();
    if !model::closing_ok(draft.closes_at, now) {
        turn.set_dialog(Dialog::Closing { draft }).await?;
        turn.say("poll-closing-range").await?;
        return Ok(true);
    }
    let chats: Vec<i64> = groups.iter().chain(&people).copied().collect();
    let label = target_label(lang, target, &scope.name);
    let new = NewPoll {
        author_id: turn.who.user_id,
        question: &draft.question,
        options: &draft.options,
        multiple: draft.multiple,
        target,
        target_label: &label,
        area_path: &scope.area_path,
        private_chats: draft.private_chats,
        closes_at: draft.closes_at,
        chats: &chats,
    };
    let id = store::create(&turn.ctx.db, &turn.ctx.outbox, &new, now).await?;
    turn.end().await?;
    let detail = format!("id={id} groups={} people={} scope={}", groups.len(), people.len(), scope.area_path);
    audit::record(&turn.ctx.db, Some(turn.who.user_id), "poll.create", &detail, now).await?;
    let args = [
        ("id", Arg::from(id)),
        ("groups", Arg::from(groups.len() as i64)),
        ("people", Arg::from(people.len() as i64)),
        ("closes", Arg::from(when(lang, draft.closes_at, turn.ctx.config.tz))),
    ];
    let rows = vec![vec![(t(lang, "poll-btn-results"), Btn::Show(id))]];
    show(turn, Some(at), ta(lang, "poll-sent", &args), Some(keys(rows))).await?;
    Ok(true)
}
