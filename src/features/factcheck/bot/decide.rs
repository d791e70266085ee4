//! Staff deciding a request, after choosing a verdict button: first the claim in a
//! few words (what `/cekfakta daftar` and clarifications name, since residents' own
//! messages are never shown to others), then the explanation, which gives the verdict
//! once and tells every resident who asked about the same content.

use teloxide::types::InlineKeyboardMarkup;
use crate::kernel::members::UserId;

use super::Btn;
use super::super::model::{self, CLAIM_MAX, CLAIM_MIN, EXPLANATION_MAX, EXPLANATION_MIN, Verdict};
use super::super::store::{self, Answer, Check};
use crate::bot::feature::{HandlerError, HandlerResult, Turn};
use crate::bot::keyboards::button;
use crate::kernel::members::permissions::{Action, may};
use crate::platform::audit;
use crate::platform::db::Db;
use crate::platform::delivery::{Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, t, ta};

use super::Dialog;

/// The claim in staff's words: stored on the request (while it is still open and in
/// their scope), then the explanation is asked for.
pub async fn claimed(turn: &Turn<'_>, id: i64, verdict: Verdict, text: &str) -> HandlerResult {
    let claim = text.trim();
    let len = model::visible_len(claim);
    if !(CLAIM_MIN..=CLAIM_MAX).contains(&len) || model::is_wordless(claim) {
        let args = [("len", Arg::from(len as i64)), ("min", Arg::from(CLAIM_MIN as i64)), ("max", Arg::from(CLAIM_MAX as i64))];
        return turn.say_with("fc-claim-length", &args).await;
    }
    let db = &turn.ctx.db;
    let check = store::get(db, id).await?.filter(|c| may(&turn.who.actor, Action::Oversee(&c.area_path)));
    let named = match &check {
        Some(_) => store::name_claim(db, id, claim).await?,
        None => false,
    };
    let Some(check) = check.filter(|_| named) else {
        turn.end().await?;
        return turn.say("fc-already-answered").await;
    };
    turn.set_dialog(Dialog::Explain { id, verdict: verdict.code().into() }).await?;
    let args = [("number", Arg::from(check.number.clone())), ("verdict", Arg::from(t(turn.lang(), verdict.key())))];
    turn.send(ta(turn.lang(), "fc-explain-ask", &args)).await
}

/// The staff member's explanation: the verdict is given (once) and every resident
/// who asked about the same content is told.
pub async fn explained(turn: &Turn<'_>, id: i64, verdict: Verdict, text: &str) -> HandlerResult {
    let explanation = text.trim();
    let len = model::visible_len(explanation);
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
        items.push(notice(db, UserId(c.user_id), c, |lang| verdict_text(lang, c, &answer, "fc-verdict-notice")).await?);
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
async fn notice(db: &Db, user_id: UserId, check: &Check, text: impl FnOnce(Lang) -> String) -> Result<Outgoing, HandlerError> {
    let lang = crate::kernel::members::users::language(db, user_id).await?;
    Ok(Outgoing::text(user_id.get(), text(lang), Priority::Personal, crate::features::factcheck::model::SOURCE.of(check.id).into()))
}

fn verdict_text(lang: Lang, check: &Check, answer: &Answer, key: &str) -> String {
    let args = [
        ("number", Arg::from(check.number.clone())),
        ("verdict", Arg::from(t(lang, answer.verdict.key()))),
        ("explanation", Arg::from(answer.explanation.clone())),
    ];
    ta(lang, key, &args)
}
