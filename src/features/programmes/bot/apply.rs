//! Residents' side: `/program` (open programmes in reach), the card with "Daftar",
//! applying (pre-filled from the UMKM registration, the programme's questions,
//! review, submit, a number), `/programsaya` with withdrawal, and joining a group
//! application with its code (each member confirms their own consent).

use teloxide::types::InlineKeyboardMarkup;

use super::ui::{b, bk, column};
use super::{Btn, Dialog};
use crate::bot::feature::{HandlerError, HandlerResult, Turn};
use crate::features::programmes::apps::{self, Applied, Joined};
use crate::features::programmes::decide::{self, DecideError};
use crate::features::programmes::model::{AppStatus, Programme, ProgrammeId, parse_join_code, refusals};
use crate::features::programmes::{render, store};
use crate::kernel::members::covers;
use crate::platform::i18n::{Arg, t, ta};
use crate::features::surveys::model::{ANSWER_MAX, Kind as QuestionKind, SCALE_MAX};

/// `/program`: programmes open now whose area covers the person's business (or KIM).
pub async fn browse(turn: &Turn<'_>) -> HandlerResult {
    let db = &turn.ctx.db;
    let place = match store::business_of(db, turn.who.user_id).await? {
        Some(b) => b.area_path,
        None => match turn.who.member.as_ref().and_then(|m| m.kim_id) {
            Some(kim) => crate::kernel::members::areas::kim_by_id(db, kim).await?.map(|k| k.area_path).unwrap_or_default(),
            None => String::new(),
        },
    };
    let open: Vec<Programme> = store::open_at(db, turn.now()).await?.into_iter().filter(|p| covers(&p.area_path, &place)).take(10).collect();
    if open.is_empty() {
        return turn.say("prg-none-open").await;
    }
    let rows = open.iter().map(|p| b(p.name.clone(), Btn::View(p.id.get()))).collect();
    turn.send_with_buttons(t(turn.lang(), "prg-open-list"), column(rows)).await
}

/// The programme's card with "Daftar" (or where one stands).
pub async fn card(turn: &Turn<'_>, id: ProgrammeId) -> HandlerResult {
    let Some(p) = store::get(&turn.ctx.db, id).await? else { return turn.say("prg-not-found").await };
    let lang = turn.lang();
    let text = render::card(lang, &p, turn.ctx.config.tz);
    turn.send_with_buttons(text, column(vec![bk(lang, "prg-btn-apply", Btn::Apply(p.id.get()))])).await
}

/// "Daftar": registered businesses that fit start answering; others are told why not.
async fn start(turn: &Turn<'_>, id: ProgrammeId) -> HandlerResult {
    let (db, lang, now) = (&turn.ctx.db, turn.lang(), turn.now());
    let Some(p) = store::get(db, id).await? else { return turn.say("prg-not-found").await };
    let mut tx = db.begin().await?;
    let existing = apps::of_person_in(&mut tx, p.id, turn.who.user_id).await?;
    drop(tx);
    if let Some(a) = existing {
        return turn.send(format!("{}\n{}", t(lang, "prg-already"), render::line(lang, &a, &p.name))).await;
    }
    let Some(business) = store::business_of(db, turn.who.user_id).await? else { return turn.say("prg-register-first").await };
    let why = refusals(&p, &business, now);
    if !why.is_empty() {
        let reasons: Vec<String> = why.iter().map(|r| format!("• {}", t(lang, r.key()))).collect();
        return turn.send(format!("{}\n{}", ta(lang, "prg-refused", &[("name", Arg::from(p.name.as_str()))]), reasons.join("\n"))).await;
    }
    next_question(turn, &p, Vec::new()).await
}

/// Asks the next question, or shows the review once every one is answered.
async fn next_question(turn: &Turn<'_>, p: &Programme, answers: Vec<String>) -> HandlerResult {
    let lang = turn.lang();
    if let Some(q) = p.questions.get(answers.len()) {
        let index = answers.len() as i64;
        let text = ta(lang, "prg-question", &[("n", Arg::from(index + 1)), ("prompt", Arg::from(q.prompt.as_str()))]);
        let keys: Vec<_> = match q.kind {
            QuestionKind::Choice => q.options.iter().enumerate().map(|(i, o)| b(o.clone(), Btn::Answer(p.id.get(), index, i as i64))).collect(),
            QuestionKind::Scale => (1..=SCALE_MAX).map(|v| b(v.to_string(), Btn::Answer(p.id.get(), index, v))).collect(),
            QuestionKind::Text => Vec::new(),
        };
        turn.set_dialog(Dialog::Apply { programme_id: p.id, answers }).await?;
        return if keys.is_empty() {
            turn.send(text).await
        } else if q.kind == QuestionKind::Scale {
            turn.send_with_buttons(text, InlineKeyboardMarkup::new(vec![keys])).await
        } else {
            turn.send_with_buttons(text, column(keys)).await
        };
    }
    let Some(business) = store::business_of(&turn.ctx.db, turn.who.user_id).await? else { return turn.say("prg-register-first").await };
    let mut lines = vec![
        ta(lang, "prg-review", &[("name", Arg::from(p.name.as_str()))]),
        ta(
            lang,
            "prg-review-business",
            &[
                ("owner", Arg::from(business.owner_name.as_str())),
                ("business", Arg::from(business.business_name.as_str())),
                ("sector", Arg::from(t(lang, business.sector.key()))),
                ("scale", Arg::from(t(lang, business.scale.key()))),
                ("kelurahan", Arg::from(business.kelurahan.as_str())),
            ],
        ),
    ];
    lines.extend(render::answered(&p.questions, &answers));
    if p.is_group() {
        lines.push(ta(lang, "prg-review-group", &[("n", Arg::from(p.who.group_min))]));
    }
    turn.set_dialog(Dialog::Apply { programme_id: p.id, answers }).await?;
    let keys = InlineKeyboardMarkup::new(vec![vec![bk(lang, "prg-btn-submit", Btn::Submit(p.id.get())), bk(lang, "prg-btn-discard", Btn::Discard)]]);
    turn.send_with_buttons(lines.join("\n\n"), keys).await
}

/// A typed answer to the current question.
pub async fn on_answer(turn: &Turn<'_>, programme_id: ProgrammeId, mut answers: Vec<String>, text: &str) -> HandlerResult {
    let Some(p) = store::get(&turn.ctx.db, programme_id).await? else { return turn.say("prg-not-found").await };
    if p.questions.get(answers.len()).is_none_or(|q| q.kind != QuestionKind::Text) {
        return turn.say("prg-use-buttons").await;
    }
    if text.is_empty() || text.chars().count() > ANSWER_MAX {
        return turn.send(ta(turn.lang(), "prg-bad-text", &[("max", Arg::from(ANSWER_MAX as i64))])).await;
    }
    answers.push(text.to_string());
    next_question(turn, &p, answers).await
}

/// A choice or scale button: valid only for the question being asked now, in this
/// programme's application (an earlier question's button is stale).
async fn answer_pressed(turn: &Turn<'_>, dialog: Option<Dialog>, id: ProgrammeId, index: i64, value: i64) -> Result<bool, HandlerError> {
    let Some(Dialog::Apply { programme_id, mut answers }) = dialog else { return Ok(false) };
    if programme_id != id || usize::try_from(index).ok() != Some(answers.len()) {
        return Ok(false);
    }
    let Some(p) = store::get(&turn.ctx.db, programme_id).await? else { return Ok(false) };
    let Some(q) = p.questions.get(answers.len()) else { return Ok(false) };
    let label = match q.kind {
        QuestionKind::Choice => usize::try_from(value).ok().and_then(|i| q.options.get(i)).cloned(),
        QuestionKind::Scale => (1..=SCALE_MAX).contains(&value).then(|| value.to_string()),
        QuestionKind::Text => None,
    };
    let Some(label) = label else { return Ok(false) };
    turn.toast(format!("✅ {label}"));
    answers.push(label);
    next_question(turn, &p, answers).await?;
    Ok(true)
}

/// "Kirim": valid only from this programme's review; eligibility is checked again.
async fn submit(turn: &Turn<'_>, dialog: Option<Dialog>, id: ProgrammeId) -> Result<bool, HandlerError> {
    let Some(Dialog::Apply { programme_id, answers }) = dialog else { return Ok(false) };
    let (db, lang, now) = (&turn.ctx.db, turn.lang(), turn.now());
    let Some(p) = store::get(db, programme_id).await?.filter(|p| p.id == id) else { return Ok(false) };
    if answers.len() < p.questions.len() {
        return Ok(false);
    }
    let Some(business) = store::business_of(db, turn.who.user_id).await? else { return turn.say("prg-register-first").await.map(|()| true) };
    if !refusals(&p, &business, now).is_empty() {
        turn.end().await?;
        return turn.say("prg-refuse-closed").await.map(|()| true);
    }
    let applied = apps::apply(db, turn.ctx.config.tz, &p, turn.who.user_id, &business, &answers, now).await?;
    turn.end().await?;
    turn.ctx.webhook_wake.wake();
    match applied {
        Applied::Already(a) => turn.send(format!("{}\n{}", t(lang, "prg-already"), render::line(lang, &a, &p.name))).await?,
        Applied::New(a) if a.is_group => {
            let code = a.join_code.clone().unwrap_or_default();
            let args = [("number", Arg::from(a.number.as_str())), ("code", Arg::from(code)), ("n", Arg::from(p.who.group_min))];
            turn.say_with("prg-submitted-group", &args).await?
        }
        Applied::New(a) => {
            let args = [("number", Arg::from(a.number.as_str())), ("status", Arg::from(t(lang, a.status.key())))];
            turn.say_with("prg-submitted", &args).await?
        }
    }
    Ok(true)
}

/// `/programsaya`: one's applications, "Tarik" under the live ones one leads.
pub async fn mine(turn: &Turn<'_>) -> HandlerResult {
    let lang = turn.lang();
    let list = apps::mine(&turn.ctx.db, turn.who.user_id).await?;
    if list.is_empty() {
        return turn.say("prg-mine-none").await;
    }
    let lines: Vec<String> = list.iter().map(|(a, name)| render::line(lang, a, name)).collect();
    let rows: Vec<_> = list
        .iter()
        .filter(|(a, _)| a.status.is_live() && a.user_id == Some(turn.who.user_id.get()))
        .map(|(a, _)| b(ta(lang, "prg-btn-withdraw", &[("number", Arg::from(a.number.as_str()))]), Btn::Withdraw(a.id)))
        .collect();
    let text = format!("{}\n\n{}", t(lang, "prg-mine"), lines.join("\n"));
    if rows.is_empty() { turn.send(text).await } else { turn.send_with_buttons(text, column(rows)).await }
}

/// `/gabungprogram [code]`.
pub async fn join_begin(turn: &Turn<'_>, args: &str) -> HandlerResult {
    if args.trim().is_empty() {
        turn.set_dialog(Dialog::JoinCode).await?;
        return turn.say("prg-ask-code").await;
    }
    join_code(turn, args).await
}

/// A typed join code: the group's programme and the consent question.
pub async fn join_code(turn: &Turn<'_>, text: &str) -> HandlerResult {
    let lang = turn.lang();
    let found = match parse_join_code(text) {
        Some(code) => apps::by_code(&turn.ctx.db, &code).await?.filter(|a| a.status == AppStatus::Forming).map(|a| (a, code)),
        None => None,
    };
    let Some((a, code)) = found else {
        turn.end().await?;
        return turn.say("prg-code-unknown").await;
    };
    let Some(p) = store::get(&turn.ctx.db, a.programme_id).await? else { return turn.say("prg-code-unknown").await };
    turn.set_dialog(Dialog::JoinConsent { application_id: a.id, code }).await?;
    let args = [("name", Arg::from(p.name.as_str())), ("number", Arg::from(a.number.as_str())), ("members", Arg::from(a.members)), ("n", Arg::from(p.who.group_min))];
    let keys = InlineKeyboardMarkup::new(vec![vec![bk(lang, "prg-btn-join-yes", Btn::JoinYes(a.id)), bk(lang, "prg-btn-discard", Btn::Discard)]]);
    turn.send_with_buttons(ta(lang, "prg-join-consent", &args), keys).await
}

/// "Setuju & gabung": valid only right after typing this group's code.
async fn join_yes(turn: &Turn<'_>, dialog: Option<Dialog>, id: i64) -> Result<bool, HandlerError> {
    let Some(Dialog::JoinConsent { application_id, code }) = dialog else { return Ok(false) };
    if application_id != id {
        return Ok(false);
    }
    let lang = turn.lang();
    let joined = apps::join(&turn.ctx.db, &code, turn.who.user_id, turn.now()).await?;
    turn.end().await?;
    match joined {
        Joined::Member { app, complete } => {
            let key = if complete { "prg-joined-complete" } else { "prg-joined" };
            turn.send(ta(lang, key, &[("number", Arg::from(app.number.as_str())), ("members", Arg::from(app.members))])).await?;
            crate::features::programmes::notices::group_joined(turn.ctx, &app, complete).await?;
        }
        Joined::Already(a) | Joined::Elsewhere(a) => turn.send(format!("{}\n{}", t(lang, "prg-already"), a.number)).await?,
        Joined::NoGroup => turn.say("prg-code-unknown").await?,
    }
    Ok(true)
}

/// A press on a card, a review, a withdrawal or a join confirmation.
pub async fn on_button(turn: &Turn<'_>, dialog: Option<Dialog>, btn: Btn) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    match btn {
        Btn::View(id) => card(turn, ProgrammeId(id)).await?,
        Btn::Apply(id) => start(turn, ProgrammeId(id)).await?,
        Btn::Submit(id) => return submit(turn, dialog, ProgrammeId(id)).await,
        Btn::JoinYes(id) => return join_yes(turn, dialog, id).await,
        Btn::Answer(id, index, value) => return answer_pressed(turn, dialog, ProgrammeId(id), index, value).await,
        Btn::Withdraw(id) => {
            let Some(a) = apps::get(&turn.ctx.db, id).await?.filter(|a| a.user_id == Some(turn.who.user_id.get()) && a.status.is_live()) else {
                return Ok(false);
            };
            let keys = column(vec![bk(lang, "prg-btn-withdraw-yes", Btn::WithdrawYes(a.id))]);
            turn.send_with_buttons(ta(lang, "prg-withdraw-ask", &[("number", Arg::from(a.number.as_str()))]), keys).await?
        }
        Btn::WithdrawYes(id) => match decide::withdraw(turn.ctx, id, turn.who.user_id).await {
            Ok(w) => turn.say_with("prg-withdrawn", &[("number", Arg::from(w.app.number.as_str()))]).await?,
            Err(DecideError::NotFound | DecideError::Stale | DecideError::Full) => return Ok(false),
            Err(DecideError::Db(e)) => return Err(e.into()),
        },
        _ => return Ok(false),
    }
    Ok(true)
}
