//! The resident's verdict on a done ticket (as FixMyStreet's "has it been fixed?"):
//! when staff mark a ticket `selesai`, its resident is asked "Apakah masalahnya sudah
//! beres?" with a score of 1–5 and, while the one reopening is unused, "Belum beres"
//! (the one-time reopen of [`super::reopen`], with its confirmation). After a score an
//! optional comment. One reminder after `KIMBOT_VERDICT_REMINDER_DAYS` (3); without
//! an answer after `KIMBOT_VERDICT_CLOSE_DAYS` (10) the round closes as `unrated`
//! ([`job`], which also posts `aspiration.rated` with outcome `unrated`), and the
//! question's buttons then answer that the time has passed.
//!
//! Each time a ticket becomes done is one round ([`store`]); a round is decided once
//! by a conditional UPDATE, whoever comes first. Staff see the latest round on the
//! ticket; the resident is never told who handled the ticket, and the
//! `aspiration.rated` webhook ([`webhook`]) carries a score or "not solved", nobody's
//! identity.

pub mod job;
pub mod store;
pub mod webhook;

use chrono_tz::Tz;
use crate::kernel::members::UserId;

use super::model::{AspirationId, Status};
use super::store::Ticket;
use crate::platform::audit;
use crate::platform::audit::words::Built;
use crate::platform::audit::detail::Detail;
use crate::platform::buttons::Payload;
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbError;
use crate::platform::delivery::{Body, ButtonSpec};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::personal::ERASED_USER;

use super::buttons::Btn;

/// Longest comment, in characters.
pub const COMMENT_MAX: usize = 1000;
/// The scores offered.
pub const SCORES: std::ops::RangeInclusive<u8> = 1..=5;

/// How a round ended (stored as its snake_case code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The resident gave a score.
    Rated,
    /// The resident said "Belum beres" and reopened the ticket.
    NotSolved,
    /// No answer within `KIMBOT_VERDICT_CLOSE_DAYS`.
    Unrated,
    /// Still waiting when the ticket was closed again (after an undo): a newer round asks.
    Replaced,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Rated => "rated",
            Outcome::NotSolved => "not_solved",
            Outcome::Unrated => "unrated",
            Outcome::Replaced => "replaced",
        }
    }

    pub fn parse(code: &str) -> Option<Outcome> {
        [Outcome::Rated, Outcome::NotSolved, Outcome::Unrated, Outcome::Replaced].into_iter().find(|o| o.as_str() == code)
    }
}

/// One question to the resident and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub id: i64,
    pub aspiration_id: AspirationId,
    pub asked_at: i64,
    /// `None` while waiting.
    pub outcome: Option<Outcome>,
    pub score: Option<i64>,
    pub comment: Option<String>,
    pub answered_at: Option<i64>,
    pub reminded_at: Option<i64>,
}

/// Why a press on the question did nothing.
#[derive(Debug, thiserror::Error)]
pub enum VerdictError {
    /// No such round, or someone else's ticket (the same answer on purpose).
    #[error("no such verdict")]
    NotFound,
    /// The round closed unanswered: the time has passed.
    #[error("the time to answer has passed")]
    Expired,
    #[error("already answered")]
    AlreadyAnswered,
    /// The ticket is no longer done (an undo moved it back) or a newer round asks.
    #[error("the question no longer applies")]
    Stale,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Whether moving `ticket` to `to` asks its resident for a verdict.
pub fn asks(ticket: &Ticket, to: Status) -> bool {
    to == Status::Selesai && ticket.user_id != ERASED_USER
}

/// `text` (the closing notice, or a reminder) with the question and its buttons:
/// the five scores, and "Belum beres" while the ticket may still be reopened.
pub fn question(lang: Lang, ticket_id: AspirationId, round: i64, text: &str, can_reopen: bool) -> Body {
    let ask = if can_reopen { "verdict-ask" } else { "verdict-ask-score-only" };
    let text = format!("{text}\n\n{}", t(lang, ask));
    let scores = SCORES.map(|score| ButtonSpec { label: score.to_string(), data: Btn::Rate { round, score }.callback_data() });
    let mut buttons = vec![scores.collect()];
    if can_reopen {
        buttons.push(vec![ButtonSpec { label: t(lang, "verdict-btn-not-solved"), data: Btn::NotSolved(ticket_id.get()).callback_data() }]);
    }
    Body::Text { text, buttons, entities: Vec::new() }
}

/// The round `id` with its ticket, if `user_id` may still answer it.
pub async fn answerable(ctx: &AppCtx, user_id: UserId, id: i64) -> Result<(Round, Ticket), VerdictError> {
    let round = store::round(&ctx.db, id).await?.ok_or(VerdictError::NotFound)?;
    let ticket = super::store::ticket(&ctx.db, round.aspiration_id).await?;
    let ticket = ticket.filter(|t| t.user_id == user_id.get() && user_id != UserId(ERASED_USER)).ok_or(VerdictError::NotFound)?;
    match round.outcome {
        Some(Outcome::Unrated) => Err(VerdictError::Expired),
        Some(Outcome::Replaced) => Err(VerdictError::Stale),
        Some(_) => Err(VerdictError::AlreadyAnswered),
        None if ticket.status != Status::Selesai => Err(VerdictError::Stale),
        None => Ok((round, ticket)),
    }
}

/// Records the resident's score (once), queues `aspiration.rated`, audits it.
#[tracing::instrument(skip(ctx))]
pub async fn rate(ctx: &AppCtx, user_id: UserId, id: i64, score: u8) -> Result<Ticket, VerdictError> {
    if !SCORES.contains(&score) {
        return Err(VerdictError::NotFound);
    }
    let (round, ticket) = answerable(ctx, user_id, id).await?;
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    if !store::claim_rating(&mut tx, round.id, score, now).await? {
        drop(tx);
        // Someone came first (a double press, or the job closing it): say what happened.
        return Err(answerable(ctx, user_id, id).await.err().unwrap_or(VerdictError::AlreadyAnswered));
    }
    crate::features::webhooks::store::enqueue(&mut tx, &webhook::rated(ticket.id, round.id), now).await?;
    tx.commit().await.map_err(DbError::from)?;
    ctx.webhook_wake.wake();
    audit::record(&ctx.db, Some(user_id), "aspiration.rate", &format!("{} score={score}", ticket.number), now).await?;
    Ok(ticket)
}

/// The resident's one comment after a score.
#[tracing::instrument(skip(ctx, text))]
pub async fn comment(ctx: &AppCtx, user_id: UserId, id: i64, text: &str) -> Result<Ticket, VerdictError> {
    let round = store::round(&ctx.db, id).await?.ok_or(VerdictError::NotFound)?;
    let ticket = super::store::ticket(&ctx.db, round.aspiration_id).await?;
    let ticket = ticket.filter(|t| t.user_id == user_id.get() && user_id != UserId(ERASED_USER)).ok_or(VerdictError::NotFound)?;
    if round.outcome != Some(Outcome::Rated) || !store::add_comment(&ctx.db, id, text).await? {
        return Err(VerdictError::AlreadyAnswered);
    }
    audit::record(&ctx.db, Some(user_id), "aspiration.rate_comment", &ticket.number, ctx.now()).await?;
    Ok(ticket)
}

/// The resident reopened the ticket ("Belum beres", or "Tanggapi" from an older
/// notice): the waiting round ends as `not_solved`, in the reopening's transaction.
pub async fn on_reopen(tx: &mut sqlx::Transaction<'_, sqlx::Any>, aspiration_id: AspirationId, now: i64) -> Result<(), DbError> {
    if let Some(round) = store::close_not_solved(tx, aspiration_id, now).await? {
        crate::features::webhooks::store::enqueue(tx, &webhook::rated(aspiration_id, round), now).await?;
    }
    Ok(())
}

/// What staff read about the latest round on a ticket card (empty: never asked).
pub fn staff_lines(lang: Lang, round: Option<&Round>, tz: Tz) -> Vec<String> {
    let Some(round) = round else { return Vec::new() };
    let mut lines = vec![match (round.outcome, round.score) {
        (Some(Outcome::Rated), Some(score)) => ta(lang, "verdict-card-rated", &[("score", Arg::from(score))]),
        (Some(Outcome::NotSolved), _) => t(lang, "verdict-card-not-solved"),
        (Some(Outcome::Unrated), _) => ta(lang, "verdict-card-unrated", &[("days", Arg::from(waited_days(round)))]),
        _ => ta(lang, "verdict-card-waiting", &[("time", Arg::from(super::model::local_time(round.asked_at, tz)))]),
    }];
    if let Some(comment) = &round.comment {
        lines.push(ta(lang, "verdict-card-comment", &[("text", Arg::from(comment))]));
    }
    lines
}

/// Whole days a round closed unrated had waited: the setting in force when it closed
/// (a later change of `KIMBOT_VERDICT_CLOSE_DAYS` does not rewrite old cards).
fn waited_days(round: &Round) -> i64 {
    round.answered_at.map_or(0, |at| (at - round.asked_at).max(0) / 86_400)
}

/// A ticket card's text with the verdict lines after it, if any.
pub fn with_staff_lines(card: String, lang: Lang, round: Option<&Round>, tz: Tz) -> String {
    let lines = staff_lines(lang, round, tz);
    if lines.is_empty() { card } else { format!("{card}\n\n{}", lines.join("\n")) }
}

/// `/datasaya`: the person's decided verdicts on ticket `aspiration_id`.
pub async fn personal_entries(db: &crate::platform::db::Db, aspiration_id: AspirationId) -> crate::platform::db::DbResult<Vec<super::personal::VerdictEntry>> {
    Ok(store::of_ticket(db, aspiration_id)
        .await?
        .into_iter()
        .map(|r| super::personal::VerdictEntry {
            outcome: r.outcome.map_or("", Outcome::as_str).to_string(),
            score: r.score,
            comment: r.comment,
            at: r.answered_at,
        })
        .collect())
}

/// One verdict as `/datasaya` shows it.
pub fn personal_line(lang: Lang, v: &super::personal::VerdictEntry, tz: Tz) -> String {
    let at = Arg::from(v.at.map(|at| crate::platform::personal::when(at, tz)).unwrap_or_default());
    let mut line = match (v.outcome.as_str(), v.score) {
        ("rated", Some(score)) => ta(lang, "verdict-data-rated", &[("score", Arg::from(score)), ("at", at)]),
        ("not_solved", _) => ta(lang, "verdict-data-not-solved", &[("at", at)]),
        _ => ta(lang, "verdict-data-unrated", &[("at", at)]),
    };
    if let Some(comment) = &v.comment {
        line.push('\n');
        line.push_str(&ta(lang, "verdict-data-comment", &[("text", Arg::from(comment))]));
    }
    line
}

/// Audit sentences of verdicts (family `aspiration`, called from [`super::audit`]).
pub fn audit_sentence(action: &str, d: &Detail) -> Built {
    let ticket = d.head.split_whitespace().next().filter(|t| !t.is_empty())?;
    match action {
        "aspiration.rate" => Some(("verdict-audit-rate", vec![("ticket", Arg::from(ticket)), ("score", Arg::from(d.int("score")?))])),
        "aspiration.rate_comment" => Some(("verdict-audit-comment", vec![("ticket", Arg::from(ticket))])),
        "aspiration.unrated" => Some(("verdict-audit-unrated", vec![("ticket", Arg::from(ticket))])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_round_trip_as_snake_case_codes() {
        for o in [Outcome::Rated, Outcome::NotSolved, Outcome::Unrated, Outcome::Replaced] {
            assert_eq!(Outcome::parse(o.as_str()), Some(o));
            assert!(o.as_str().chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
        assert_eq!(Outcome::parse("Rated"), None);
    }

    #[test]
    fn the_question_offers_five_scores_and_not_solved_only_while_a_reopening_is_left() {
        let Body::Text { buttons, text, .. } = question(Lang::Id, AspirationId(7), 9, "🔔 Tiket selesai.", true) else { panic!("text") };
        assert!(text.contains("Apakah masalahnya sudah beres?"), "{text}");
        assert_eq!(buttons[0].iter().map(|b| b.label.as_str()).collect::<Vec<_>>(), ["1", "2", "3", "4", "5"]);
        assert_eq!(buttons[1][0].data, Btn::NotSolved(7).callback_data());
        let Body::Text { buttons, text, .. } = question(Lang::En, AspirationId(7), 9, "Done.", false) else { panic!("text") };
        assert_eq!(buttons.len(), 1);
        assert!(text.contains("Has the problem been solved?") && !text.contains("Not solved"), "{text}");
    }

    #[test]
    fn staff_read_the_score_and_comment_but_never_who_gave_it() {
        let round = Round {
            id: 1,
            aspiration_id: AspirationId(2),
            asked_at: 0,
            outcome: Some(Outcome::Rated),
            score: Some(4),
            comment: Some("Sudah rata, terima kasih".into()),
            answered_at: Some(10),
            reminded_at: None,
        };
        let lines = staff_lines(Lang::Id, Some(&round), chrono_tz::Asia::Jakarta);
        assert!(lines[0].contains("4/5") && lines[1].contains("Sudah rata"), "{lines:?}");
        let unrated = Round { outcome: Some(Outcome::Unrated), score: None, comment: None, asked_at: 0, answered_at: Some(10 * 86_400 + 60), ..round };
        assert!(staff_lines(Lang::En, Some(&unrated), chrono_tz::Asia::Jakarta)[0].contains("10 days"));
        assert!(staff_lines(Lang::Id, None, chrono_tz::Asia::Jakarta).is_empty());
    }
}
