//! `/pelatihanbaru`: one question at a time, buttons where the answer is a choice.
//! A refused answer is explained and asked again; nothing entered before is lost.

use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardMarkup, Message};

use super::ui::{self, b, bk};
use super::{Btn, Dialog, Step, publish};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::{Kim, KimId, Role, areas};
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::trainings::form::{self, Draft, FieldError};
use crate::features::trainings::model::{Target, Venue};
use crate::features::trainings::when;

pub async fn begin(turn: &Turn<'_>) -> HandlerResult {
    if turn.who.actor.role() < Role::Coordinator {
        return turn.say("not-allowed-coordinator").await;
    }
    let kims = manageable_kims(turn).await?;
    match kims.as_slice() {
        [] => turn.say("not-allowed-coordinator").await,
        [only] => {
            let draft = Draft { kim_id: Some(only.id), tz: kim_tz(turn, only.id).await?, ..Draft::default() };
            turn.say_with("training-compose-start", &[("kim", Arg::from(&only.name))]).await?;
            ask(turn, draft, Step::Title, false).await
        }
        _ => {
            turn.set_dialog(Dialog::Compose { draft: Box::default(), step: Step::Kim, review: false }).await?;
            let (text, kb) = kim_menu(turn.lang(), &kims, 0);
            turn.send_with_buttons(text, kb).await
        }
    }
}

/// KIMs this person may create trainings for (their own, or their area's for staff).
pub async fn manageable_kims(turn: &Turn<'_>) -> Result<Vec<Kim>, HandlerError> {
    let all = areas::all_kims(&turn.ctx.db).await?;
    Ok(all.into_iter().filter(|k| turn.who.actor.can_manage_kim(k)).collect())
}

/// The KIM's own zone name, or the configured `KIMBOT_TZ`.
async fn kim_tz(turn: &Turn<'_>, kim_id: KimId) -> Result<String, HandlerError> {
    let own = crate::kernel::members::areas::kim_zone(&turn.ctx.db, kim_id).await?;
    Ok(own.unwrap_or_else(|| turn.ctx.config.tz.name().to_string()))
}

fn kim_menu(lang: Lang, kims: &[Kim], page: i64) -> (String, InlineKeyboardMarkup) {
    let (page, shown) = ui::page_of(kims, page);
    let mut rows: Vec<_> = shown.iter().map(|k| vec![b(format!("{} ({})", k.name, k.code), Btn::Kim(k.id.get()))]).collect();
    rows.push(ui::pager(page, kims.len(), Btn::KimPage));
    (t(lang, "training-ask-kim"), InlineKeyboardMarkup::new(rows))
}

/// Stores the draft at `step` and asks its question.
pub async fn ask(turn: &Turn<'_>, draft: Draft, step: Step, review: bool) -> HandlerResult {
    if step == Step::Review {
        return publish::show_review(turn, draft, None).await;
    }
    let (text, kb) = prompt(turn, &draft, step);
    turn.set_dialog(Dialog::Compose { draft: Box::new(draft), step, review }).await?;
    match kb {
        Some(kb) => turn.send_with_buttons(text, kb).await,
        None => turn.send(text).await,
    }
}

fn prompt(turn: &Turn<'_>, draft: &Draft, step: Step) -> (String, Option<InlineKeyboardMarkup>) {
    let lang = turn.lang();
    let zone = when::parts(turn.now(), draft.tz(turn.ctx.config.tz)).zone;
    let zone = [("zone", Arg::from(zone))];
    match step {
        Step::Organiser => (t(lang, "training-ask-organiser"), Some(ui::one(lang, "training-organiser-default", Btn::Organiser))),
        Step::Description => (t(lang, "training-ask-description"), None),
        Step::Start => (ta(lang, "training-ask-start", &zone), None),
        Step::End => (ta(lang, "training-ask-end", &zone), None),
        Step::Place => (t(lang, "training-ask-place"), None),
        Step::Pin => (t(lang, "training-ask-pin"), Some(ui::one(lang, "training-btn-skip", Btn::Skip))),
        Step::Quota => (ta(lang, "training-ask-quota", &[("max", Arg::from(form::QUOTA_MAX))]), None),
        Step::Deadline => (ta(lang, "training-ask-deadline", &zone), Some(ui::one(lang, "training-btn-until-start", Btn::UntilStart))),
        Step::Targets => (t(lang, "training-ask-targets"), Some(targets_keyboard(lang, &draft.targets))),
        Step::Poster => (t(lang, "training-ask-poster"), Some(ui::one(lang, "training-btn-skip", Btn::Skip))),
        Step::Title | Step::Kim | Step::Review => (t(lang, "training-ask-title"), None),
    }
}

fn targets_keyboard(lang: Lang, chosen: &[Target]) -> InlineKeyboardMarkup {
    let label = |t: Target| {
        let mark = if chosen.contains(&t) { "✅" } else { "▫️" };
        format!("{mark} {}", crate::platform::i18n::t(lang, t.label_key()))
    };
    let row = |need: bool| Target::ALL.into_iter().filter(move |t| t.is_need() == need);
    let mut rows: Vec<Vec<_>> = Vec::new();
    for group in [row(false).collect::<Vec<_>>(), row(true).collect()] {
        rows.extend(group.chunks(2).map(|c| c.iter().map(|t| b(label(*t), Btn::Target(*t))).collect()));
    }
    rows.push(vec![bk(lang, "training-btn-done", Btn::TargetsDone)]);
    InlineKeyboardMarkup::new(rows)
}

/// The question after `step`: the end right after the start, the map pin after an
/// address; otherwise the next on the first pass, or back to the review.
fn after(step: Step, draft: &Draft, review: bool) -> Step {
    match step {
        Step::Start => Step::End,
        Step::Place if matches!(draft.venue, Some(Venue::Place { pin: None, .. })) => Step::Pin,
        _ if review => Step::Review,
        Step::Place => Step::Quota,
        s => s.next(),
    }
}

/// What a typed answer did.
enum Answer {
    Taken,
    Refused(FieldError),
    /// The message did not fit the question at all; say this key.
    Hint(&'static str),
}

pub async fn on_message(turn: &Turn<'_>, mut draft: Draft, step: Step, review: bool, msg: &Message) -> HandlerResult {
    match take(turn, &mut draft, step, msg) {
        Answer::Taken => ask(turn, draft.clone(), after(step, &draft, review), review).await,
        Answer::Refused(e) => turn.send(ui::field_error(turn.lang(), &e)).await,
        Answer::Hint(key) => turn.say(key).await,
    }
}

fn take(turn: &Turn<'_>, draft: &mut Draft, step: Step, msg: &Message) -> Answer {
    let (now, tz) = (turn.now(), draft.tz(turn.ctx.config.tz));
    let result = match step {
        Step::Pin => return take_pin(draft, msg),
        Step::Poster => return take_poster(draft, msg),
        Step::Kim | Step::Targets | Step::Review => return Answer::Hint("training-use-buttons"),
        Step::Place if msg.location().is_some() => return Answer::Hint("training-place-text-first"),
        _ => match msg.text() {
            None => return Answer::Hint("training-need-text"),
            Some(text) => take_text(draft, step, text, now, tz),
        },
    };
    match result {
        Ok(()) => Answer::Taken,
        Err(e) => Answer::Refused(e),
    }
}

fn take_text(d: &mut Draft, step: Step, text: &str, now: i64, tz: chrono_tz::Tz) -> Result<(), FieldError> {
    match step {
        Step::Title => d.title = Some(form::text(text, 3, form::TITLE_MAX)?),
        Step::Organiser => d.organiser = Some(form::text(text, 2, form::ORGANISER_MAX)?),
        Step::Description => d.description = Some(form::text(text, 3, form::DESCRIPTION_MAX)?),
        Step::Start => {
            let start = when::parse_local(text, now, tz)?;
            if start <= now {
                return Err(FieldError::Past);
            }
            d.starts_at = Some(start);
            d.ends_at = d.ends_at.filter(|e| *e > start);
            d.deadline_at = d.deadline_at.filter(|dl| *dl <= start);
        }
        Step::End => {
            let start = d.starts_at.unwrap_or(now);
            let end = when::parse_end(text, start, now, tz)?;
            if end <= start {
                return Err(FieldError::EndBeforeStart);
            }
            d.ends_at = Some(end);
        }
        Step::Place => d.venue = Some(venue_from_text(text)?),
        Step::Quota => d.quota = Some(form::quota(text)?),
        Step::Deadline => {
            let deadline = when::parse_local(text, now, tz)?;
            form::check_times(d.starts_at.unwrap_or(i64::MAX - 1), i64::MAX, Some(deadline), now)?;
            d.deadline_at = Some(deadline);
        }
        Step::Kim | Step::Pin | Step::Targets | Step::Poster | Step::Review => {}
    }
    Ok(())
}

/// A link means an online session; anything else is an address (pin asked next).
pub fn venue_from_text(text: &str) -> Result<Venue, FieldError> {
    if form::looks_like_link(text) {
        Ok(Venue::Online { url: form::online_url(text)? })
    } else {
        Ok(Venue::Place { text: form::text(text, 3, form::PLACE_MAX)?, pin: None })
    }
}

/// A shared location as micro-degrees.
pub fn pin_of(msg: &Message) -> Option<(i64, i64)> {
    msg.location().map(|l| ((l.latitude * 1e6).round() as i64, (l.longitude * 1e6).round() as i64))
}

fn take_pin(draft: &mut Draft, msg: &Message) -> Answer {
    match (pin_of(msg), &mut draft.venue) {
        (Some(p), Some(Venue::Place { pin, .. })) => {
            *pin = Some(p);
            Answer::Taken
        }
        _ => Answer::Hint("training-ask-pin"),
    }
}

fn take_poster(draft: &mut Draft, msg: &Message) -> Answer {
    match msg.photo().and_then(|sizes| sizes.last()) {
        Some(largest) => {
            draft.poster = Some(largest.file.id.0.clone());
            Answer::Taken
        }
        None => Answer::Hint("training-ask-poster"),
    }
}

pub async fn on_button(turn: &Turn<'_>, dialog: Option<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let Some(Dialog::Compose { draft, step, review }) = dialog else { return Ok(false) };
    let mut draft = *draft;
    let next = |d: &Draft| after(step, d, review);
    match (btn, step) {
        (Btn::Kim(id), Step::Kim) => return choose_kim(turn, draft, KimId(id), at).await,
        (Btn::KimPage(page), Step::Kim) => {
            let (text, kb) = kim_menu(turn.lang(), &manageable_kims(turn).await?, page);
            ui::edit(turn, at, text, Some(kb)).await?;
        }
        (Btn::Organiser, Step::Organiser) => {
            // A proper name: stored as the office calls itself, whatever the UI language.
            draft.organiser = Some(t(Lang::Id, "training-organiser-default"));
            ask(turn, draft.clone(), next(&draft), review).await?;
        }
        (Btn::UntilStart, Step::Deadline) => {
            draft.deadline_at = None;
            ask(turn, draft.clone(), next(&draft), review).await?;
        }
        (Btn::Target(target), Step::Targets) => {
            draft.toggle(target);
            turn.bot.edit_message_reply_markup(at.0, at.1).reply_markup(targets_keyboard(turn.lang(), &draft.targets)).await?;
            turn.set_dialog(Dialog::Compose { draft: Box::new(draft), step, review }).await?;
        }
        (Btn::TargetsDone, Step::Targets) => ask(turn, draft.clone(), next(&draft), review).await?,
        (Btn::Skip, Step::Pin | Step::Poster) => ask(turn, draft.clone(), next(&draft), review).await?,
        (Btn::Publish, Step::Review) => return publish::publish(turn, draft, at).await,
        (Btn::Edit(field), Step::Review) if editable(field) => ask(turn, draft, field, true).await?,
        (Btn::Discard, _) => {
            turn.end().await?;
            ui::edit(turn, at, t(turn.lang(), "training-discarded"), None).await?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn editable(step: Step) -> bool {
    !matches!(step, Step::Kim | Step::End | Step::Pin | Step::Review)
}

async fn choose_kim(turn: &Turn<'_>, mut draft: Draft, kim_id: KimId, at: At) -> Result<bool, HandlerError> {
    let kims = manageable_kims(turn).await?;
    let Some(kim) = kims.iter().find(|k| k.id == kim_id) else { return Ok(false) };
    draft.kim_id = Some(kim.id);
    draft.tz = kim_tz(turn, kim.id).await?;
    ui::edit(turn, at, ta(turn.lang(), "training-compose-start", &[("kim", Arg::from(&kim.name))]), None).await?;
    ask(turn, draft, Step::Title, false).await?;
    Ok(true)
}
