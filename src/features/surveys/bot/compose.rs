//! Writing a survey: title, then questions one by one (kind by button, text typed,
//! a choice question's options one per line), a review where any question can be
//! rewritten or removed, the closing time (buttons or a typed date), the reach
//! (coordinators: their KIM; staff: their kecamatan or kota) and "send". The draft
//! lives in the dialogue, so a restart loses nothing; every step checks the press
//! against the dialogue it belongs to.

use teloxide::types::InlineKeyboardMarkup;

use super::{Dialog, Target, rows, show};
use super::super::buttons::Btn;
use super::super::model::{self, Draft, Kind, OPTION_MAX, OPTIONS_MAX, PROMPT_MAX, QUESTIONS_MAX, Question, TITLE_MAX, TextError};
use super::{drafts, send};
use super::super::{render};
use crate::bot::feature::{At, HandlerError, HandlerResult, Turn};
use crate::bot::keyboards::button;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// Closing-time buttons, in days.
const DAYS: [u8; 4] = [1, 3, 7, 14];

/// "Buat survei baru": a draft kept at `/batal` is offered back first.
pub async fn start(turn: &Turn<'_>, at: At) -> HandlerResult {
    match drafts::kept(&turn.ctx.db, turn.who.user_id).await? {
        Some(draft) => drafts::offer_back(turn, &draft, at).await,
        None => fresh(turn, at).await,
    }
}

/// A new, empty survey (a kept draft is dropped).
pub async fn fresh(turn: &Turn<'_>, at: At) -> HandlerResult {
    drafts::take(&turn.ctx.db, turn.who.user_id).await?;
    turn.set_dialog(Dialog::Title { draft: Draft::default() }).await?;
    turn.edit(at, ta(turn.lang(), "sv-ask-title", &[("max", Arg::from(TITLE_MAX as i64))]), None).await
}

/// "Lanjutkan draf": the kept draft, at its review (or its first question).
pub async fn resume(turn: &Turn<'_>, at: At) -> Result<bool, HandlerError> {
    let Some(draft) = drafts::take(&turn.ctx.db, turn.who.user_id).await? else { return Ok(false) };
    if draft.questions.is_empty() { ask_kind(turn, draft, Some(at)).await? } else { review(turn, draft, Some(at)).await? }
    Ok(true)
}

pub async fn titled(turn: &Turn<'_>, mut draft: Draft, text: &str) -> HandlerResult {
    match model::text(text, TITLE_MAX) {
        Ok(title) => {
            draft.title = title;
            ask_kind(turn, draft, None).await
        }
        Err(e) => turn.send(text_error(turn.lang(), e)).await,
    }
}

/// The kind buttons for the next question (or the one being rewritten).
async fn ask_kind(turn: &Turn<'_>, draft: Draft, at: Option<At>) -> HandlerResult {
    let lang = turn.lang();
    let n = draft.editing.unwrap_or(draft.questions.len()) + 1;
    let mut buttons: Vec<_> = Kind::ALL.iter().map(|k| (t(lang, k.key()), Btn::Kind(*k))).collect();
    if !draft.questions.is_empty() {
        buttons.push((t(lang, "sv-btn-review"), Btn::Review));
    }
    let args = [("n", Arg::from(n as i64)), ("max", Arg::from(QUESTIONS_MAX as i64))];
    turn.set_dialog(Dialog::Kind { draft }).await?;
    show(turn, at, ta(lang, "sv-ask-kind", &args), Some(rows(buttons))).await
}

pub async fn prompted(turn: &Turn<'_>, mut draft: Draft, kind: Kind, text: &str) -> HandlerResult {
    let prompt = match model::text(text, PROMPT_MAX) {
        Ok(p) => p,
        Err(e) => return turn.send(text_error(turn.lang(), e)).await,
    };
    if kind == Kind::Choice {
        turn.set_dialog(Dialog::Options { draft, prompt }).await?;
        let lang = turn.lang();
        let args = [("max", Arg::from(OPTIONS_MAX as i64)), ("len", Arg::from(OPTION_MAX as i64))];
        let back = rows(vec![(t(lang, "sv-btn-back-kind"), Btn::Back)]);
        return turn.send_with_buttons(ta(lang, "sv-ask-options", &args), back).await;
    }
    let edited = draft.editing.is_some();
    draft.put(Question { kind, prompt, options: Vec::new() });
    after_question(turn, draft, edited).await
}

pub async fn optioned(turn: &Turn<'_>, mut draft: Draft, prompt: String, text: &str) -> HandlerResult {
    match model::options(text) {
        Ok(options) => {
            // Shown back, so a list split where it should not have been is seen at once.
            let list: Vec<String> = options.iter().map(|o| format!("• {o}")).collect();
            let args = [("count", Arg::from(options.len() as i64)), ("list", Arg::from(list.join("\n")))];
            turn.say_with("sv-options-taken", &args).await?;
            let edited = draft.editing.is_some();
            draft.put(Question { kind: Kind::Choice, prompt, options });
            after_question(turn, draft, edited).await
        }
        Err(e) => turn.send(text_error(turn.lang(), e)).await,
    }
}

/// A question was added or rewritten: back to the review after a rewrite or when the
/// survey is full, else on to the next question.
async fn after_question(turn: &Turn<'_>, draft: Draft, edited: bool) -> HandlerResult {
    if edited || draft.is_full() { review(turn, draft, None).await } else { ask_kind(turn, draft, None).await }
}

async fn review(turn: &Turn<'_>, draft: Draft, at: Option<At>) -> HandlerResult {
    let lang = turn.lang();
    let mut keys: Vec<Vec<_>> = (0..draft.questions.len())
        .map(|i| {
            let n = Arg::from(i as i64 + 1);
            vec![
                button(ta(lang, "sv-btn-edit", &[("n", n.clone())]), Btn::Edit(i as u8)),
                button(ta(lang, "sv-btn-remove", &[("n", n)]), Btn::Remove(i as u8)),
            ]
        })
        .collect();
    if draft.questions.len() < QUESTIONS_MAX {
        keys.push(vec![button(t(lang, "sv-btn-add"), Btn::Add)]);
    }
    keys.push(vec![button(t(lang, "sv-btn-closing"), Btn::Closing)]);
    let text = render::draft(lang, &draft);
    turn.set_dialog(Dialog::Review { draft }).await?;
    show(turn, at, text, Some(InlineKeyboardMarkup::new(keys))).await
}

/// Presses on the compose screens; `Ok(false)` when the press does not belong to the
/// screen the dialogue is on.
pub async fn on_button(turn: &Turn<'_>, dialog: Dialog, btn: Btn, at: At) -> Result<bool, HandlerError> {
    match (btn, dialog) {
        (Btn::Kind(kind), Dialog::Kind { draft }) => {
            turn.set_dialog(Dialog::Prompt { draft, form: kind }).await?;
            let args = [("kind", Arg::from(t(turn.lang(), kind.key()))), ("max", Arg::from(PROMPT_MAX as i64))];
            turn.edit(at, ta(turn.lang(), "sv-ask-prompt", &args), None).await?;
        }
        (Btn::Review, Dialog::Kind { mut draft }) if !draft.questions.is_empty() => {
            draft.editing = None;
            review(turn, draft, Some(at)).await?;
        }
        (Btn::Add, Dialog::Review { draft }) if !draft.is_full() => ask_kind(turn, draft, Some(at)).await?,
        (Btn::Edit(i), Dialog::Review { mut draft }) if usize::from(i) < draft.questions.len() => {
            draft.editing = Some(usize::from(i));
            ask_kind(turn, draft, Some(at)).await?;
        }
        (Btn::Remove(i), Dialog::Review { mut draft }) if usize::from(i) < draft.questions.len() => {
            draft.questions.remove(usize::from(i));
            if draft.questions.is_empty() { ask_kind(turn, draft, Some(at)).await? } else { review(turn, draft, Some(at)).await? }
        }
        (Btn::Closing, Dialog::Review { draft }) => closing(turn, draft, at).await?,
        (Btn::Back, Dialog::Options { draft, .. }) => ask_kind(turn, draft, Some(at)).await?,
        (Btn::KeepDraft, Dialog::Cancel { draft }) => drafts::keep(turn, draft, at).await?,
        (Btn::DropDraft, Dialog::Cancel { .. }) => drafts::discard(turn, at).await?,
        (Btn::Days(d), Dialog::Closing { mut draft }) => {
            draft.closes_at = Some(turn.now() + i64::from(d) * 86_400);
            send::reach(turn, draft, Some(at)).await?;
        }
        (Btn::Review, Dialog::Confirm { draft, .. } | Dialog::Reach { draft } | Dialog::Closing { draft }) => {
            review(turn, draft, Some(at)).await?
        }
        (Btn::ReachKim(id), Dialog::Reach { draft }) => return send::confirm(turn, draft, Target::Kim(id), at).await,
        (Btn::ReachArea(id), Dialog::Reach { draft }) => return send::confirm(turn, draft, Target::Area(id), at).await,
        (Btn::ReachTraining(id), Dialog::Reach { draft }) => return send::confirm(turn, draft, Target::Training(id), at).await,
        (Btn::Send, Dialog::Confirm { draft, target }) => return send::send(turn, draft, target, at).await,
        _ => return Ok(false),
    }
    Ok(true)
}

async fn closing(turn: &Turn<'_>, draft: Draft, at: At) -> HandlerResult {
    let lang = turn.lang();
    let days: Vec<_> =
        DAYS.iter().map(|d| button(ta(lang, "sv-btn-days", &[("days", Arg::from(i64::from(*d)))]), Btn::Days(*d))).collect();
    let keys = InlineKeyboardMarkup::new(vec![days, vec![button(t(lang, "sv-btn-back-review"), Btn::Review)]]);
    turn.set_dialog(Dialog::Closing { draft }).await?;
    turn.edit(at, t(lang, "sv-ask-closing"), Some(keys)).await
}

pub async fn closing_typed(turn: &Turn<'_>, mut draft: Draft, text: &str) -> HandlerResult {
    use crate::kernel::audience::when::{WhenError, parse};
    match parse(text, turn.now(), turn.ctx.config.tz) {
        Ok(at) => {
            draft.closes_at = Some(at);
            send::reach(turn, draft, None).await
        }
        Err(WhenError::Past) => turn.say("sv-closing-past").await,
        Err(_) => turn.say("sv-closing-format").await,
    }
}

/// A refused text, explained.
pub fn text_error(lang: Lang, e: TextError) -> String {
    match e {
        TextError::Empty => t(lang, "sv-text-empty"),
        TextError::TooLong { len, max } => ta(lang, "sv-text-too-long", &[("len", Arg::from(len as i64)), ("max", Arg::from(max as i64))]),
        TextError::OptionCount(n) => ta(lang, "sv-options-count", &[("count", Arg::from(n as i64)), ("max", Arg::from(OPTIONS_MAX as i64))]),
        TextError::OptionTooLong { index } => {
            ta(lang, "sv-option-too-long", &[("n", Arg::from(index as i64)), ("max", Arg::from(OPTION_MAX as i64))])
        }
        TextError::Repeated => t(lang, "sv-options-repeated"),
    }
}
