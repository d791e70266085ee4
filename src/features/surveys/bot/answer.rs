//! Answering a survey: "Mulai" (or "Lanjutkan" from `/survei`) shows the first
//! question not yet answered; each answer is saved at once and the next question
//! follows; after the last one the response is submitted. `/batal` or "Jeda" only
//! ends the dialogue: the answers stay, and the next "Mulai" resumes.
//!
//! Refused kindly: a survey closed or recalled, a resident outside its reach (reads
//! like a missing survey), and a second attempt after submitting.

use super::{Dialog, rows, show};
use super::super::buttons::Btn;
use super::super::model::{ANSWER_MAX, Kind, SCALE_MAX, Status, SurveyId};
use super::super::render;
use super::super::responses::{self, Given, Response};
use super::super::store::{self, StoredQuestion, Survey};
use crate::bot::feature::{At, HandlerError, HandlerResult, Turn};
use crate::bot::keyboards::button;
use crate::kernel::members::{KimId, areas};
use crate::platform::i18n::{Arg, t, ta};

/// `/survei` for a resident (or "Survei untuk saya"): the surveys open for them.
pub async fn for_me(turn: &Turn<'_>, at: Option<At>) -> HandlerResult {
    let lang = turn.lang();
    let Some((kim_id, path)) = home(turn).await? else { return show(turn, at, t(lang, "sv-need-kim"), None).await };
    let done = responses::submitted_by(&turn.ctx.db, turn.who.user_id).await?;
    let mut open: Vec<Survey> = Vec::new();
    for s in store::open_now(&turn.ctx.db, turn.now()).await? {
        if open.len() < 10 && !done.contains(&s.id) && store::may_answer(&turn.ctx.db, &s, turn.who.user_id, KimId(kim_id), &path).await? {
            open.push(s);
        }
    }
    if open.is_empty() {
        return show(turn, at, t(lang, "sv-none-for-you"), None).await;
    }
    let buttons = open.into_iter().map(|s| (format!("▶️ {}", s.title), Btn::Start(s.id.get()))).collect();
    show(turn, at, t(lang, "sv-for-you"), Some(rows(buttons))).await
}

/// The resident's KIM and its kelurahan path.
async fn home(turn: &Turn<'_>) -> Result<Option<(i64, String)>, HandlerError> {
    let Some(kim_id) = turn.who.member.as_ref().and_then(|m| m.kim_id) else { return Ok(None) };
    Ok(areas::kim_by_id(&turn.ctx.db, kim_id).await?.map(|k| (k.id.get(), k.area_path)))
}

/// The survey if it exists and reaches the person (anything else reads as missing).
async fn reachable(turn: &Turn<'_>, id: SurveyId) -> Result<Option<(Survey, String)>, HandlerError> {
    let Some((kim_id, path)) = home(turn).await? else { return Ok(None) };
    let Some(s) = store::get(&turn.ctx.db, id).await? else { return Ok(None) };
    Ok(store::may_answer(&turn.ctx.db, &s, turn.who.user_id, KimId(kim_id), &path).await?.then_some((s, path)))
}

/// Why a survey takes no answers now, as a message key (`None`: it does).
fn refusal(turn: &Turn<'_>, s: &Survey, response: Option<&Response>) -> Option<&'static str> {
    if response.is_some_and(|r| r.submitted) {
        Some("sv-already-answered")
    } else if s.status == Status::Recalled {
        Some("sv-recalled")
    } else if !s.accepts_answers(turn.now()) {
        Some("sv-closed")
    } else {
        None
    }
}

pub async fn start(turn: &Turn<'_>, id: SurveyId, at: At) -> Result<bool, HandlerError> {
    let Some((survey, path)) = reachable(turn, id).await? else { return Ok(false) };
    let db = &turn.ctx.db;
    let existing = responses::find(db, id, turn.who.user_id).await?;
    if let Some(key) = refusal(turn, &survey, existing.as_ref()) {
        turn.edit(at, ta(turn.lang(), key, &[("title", Arg::from(survey.title))]), None).await?;
        return Ok(true);
    }
    let response = match existing {
        Some(r) => r,
        None => responses::start(db, id, turn.who.user_id, &path, turn.now()).await?,
    };
    let args = [("title", Arg::from(survey.title.clone()))];
    turn.edit(at, ta(turn.lang(), "sv-started", &args), None).await?;
    next(turn, &survey, &response).await?;
    Ok(true)
}

/// Shows the first question not answered yet, or submits when none is left.
async fn next(turn: &Turn<'_>, survey: &Survey, response: &Response) -> HandlerResult {
    let db = &turn.ctx.db;
    let questions = store::questions(db, survey.id).await?;
    let answered = responses::answered(db, response.id).await?;
    let Some(q) = questions.iter().find(|q| !answered.contains(&q.id)) else {
        turn.end().await?;
        responses::submit(db, response.id, turn.now()).await?;
        return turn.say_with("sv-thanks", &[("title", Arg::from(survey.title.clone()))]).await;
    };
    turn.set_dialog(Dialog::Answer { survey: survey.id }).await?;
    let lang = turn.lang();
    let text = render::ask(lang, &survey.title, q.position, questions.len(), &q.q);
    let mut keys: Vec<Vec<_>> = match q.q.kind {
        Kind::Choice => q.q.options.iter().enumerate().map(|(i, o)| vec![button(o.clone(), Btn::Answer(survey.id.get(), q.id, i as i64))]).collect(),
        Kind::Scale => vec![(1..=SCALE_MAX).map(|v| button(v.to_string(), Btn::Answer(survey.id.get(), q.id, v))).collect()],
        Kind::Text => Vec::new(),
    };
    keys.push(vec![button(t(lang, "sv-btn-pause"), Btn::Pause(survey.id.get()))]);
    turn.send_with_buttons(text, teloxide::types::InlineKeyboardMarkup::new(keys)).await
}

/// The survey, the person's open response and the question `qid` of it, if all fit.
async fn current(turn: &Turn<'_>, id: SurveyId) -> Result<Result<(Survey, Response, Vec<StoredQuestion>), Option<String>>, HandlerError> {
    let Some((survey, _)) = reachable(turn, id).await? else { return Ok(Err(None)) };
    let response = responses::find(&turn.ctx.db, id, turn.who.user_id).await?;
    if let Some(key) = refusal(turn, &survey, response.as_ref()) {
        return Ok(Err(Some(ta(turn.lang(), key, &[("title", Arg::from(survey.title))]))));
    }
    let Some(response) = response else { return Ok(Err(None)) };
    let questions = store::questions(&turn.ctx.db, id).await?;
    Ok(Ok((survey, response, questions)))
}

/// A choice or scale button.
pub async fn pressed(turn: &Turn<'_>, id: SurveyId, qid: i64, value: i64, at: At) -> Result<bool, HandlerError> {
    let (survey, response, questions) = match current(turn, id).await? {
        Ok(found) => found,
        Err(Some(text)) => {
            turn.end().await?;
            turn.edit(at, text, None).await?;
            return Ok(true);
        }
        Err(None) => return Ok(false),
    };
    let Some(q) = questions.iter().find(|q| q.id == qid) else { return Ok(false) };
    let label = match q.q.kind {
        Kind::Choice => q.q.options.get(usize::try_from(value).unwrap_or(usize::MAX)).cloned(),
        Kind::Scale => (1..=SCALE_MAX).contains(&value).then(|| value.to_string()),
        Kind::Text => None,
    };
    let Some(label) = label else { return Ok(false) };
    if !responses::save(&turn.ctx.db, response.id, qid, &Given::Choice(value), turn.now()).await? {
        return Ok(false);
    }
    let text = render::ask(turn.lang(), &survey.title, q.position, questions.len(), &q.q);
    turn.edit(at, format!("{text}\n\n✅ {label}"), None).await?;
    next(turn, &survey, &response).await?;
    Ok(true)
}

/// A typed message while answering: the answer to a text question, else a hint.
pub async fn typed(turn: &Turn<'_>, id: SurveyId, text: Option<&str>) -> HandlerResult {
    let (survey, response, questions) = match current(turn, id).await? {
        Ok(found) => found,
        Err(text) => {
            turn.end().await?;
            return match text {
                Some(text) => turn.send(text).await,
                None => turn.say("sv-gone").await,
            };
        }
    };
    let answered = responses::answered(&turn.ctx.db, response.id).await?;
    let Some(q) = questions.iter().find(|q| !answered.contains(&q.id)) else { return next(turn, &survey, &response).await };
    if q.q.kind != Kind::Text {
        return turn.say("sv-use-buttons").await;
    }
    match super::super::model::text(text.unwrap_or_default(), ANSWER_MAX) {
        Ok(answer) => {
            responses::save(&turn.ctx.db, response.id, q.id, &Given::Text(answer), turn.now()).await?;
            next(turn, &survey, &response).await
        }
        Err(e) => turn.send(super::compose::text_error(turn.lang(), e)).await,
    }
}

/// "Jeda": the dialogue ends, the answers stay. A stale press on a survey already
/// submitted (or closed, or recalled) says so instead of promising a later go.
pub async fn pause(turn: &Turn<'_>, id: SurveyId, at: At) -> Result<bool, HandlerError> {
    let Some((survey, _)) = reachable(turn, id).await? else { return Ok(false) };
    if matches!(turn.current::<Dialog>().await?, crate::bot::feature::Current::Mine(Dialog::Answer { survey: s }) if s == id) {
        turn.end().await?;
    }
    let response = responses::find(&turn.ctx.db, id, turn.who.user_id).await?;
    let key = refusal(turn, &survey, response.as_ref()).unwrap_or("sv-paused");
    turn.edit(at, ta(turn.lang(), key, &[("title", Arg::from(survey.title))]), None).await?;
    Ok(true)
}

/// "Nanti" on the invitation.
pub async fn later(turn: &Turn<'_>, id: SurveyId, at: At) -> Result<bool, HandlerError> {
    let Some((survey, _)) = reachable(turn, id).await? else { return Ok(false) };
    let keys = rows(vec![(t(turn.lang(), "sv-btn-start"), Btn::Start(id.get()))]);
    turn.edit(at, ta(turn.lang(), "sv-later", &[("title", Arg::from(survey.title))]), Some(keys)).await?;
    Ok(true)
}
