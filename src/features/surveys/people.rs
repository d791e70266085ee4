//! Surveys to named people: another feature (a programme's follow-up to its
//! recipients) creates a survey and invites a list of users privately, in its own
//! transaction, so whatever it claims there (its "sent once") commits with the survey
//! and the queued invitations, or not at all. Only the invited may answer: the survey
//! is `named` and its reach is the `survey_invitees` rows. Results, closing, recall,
//! `/datasaya` and erasure are the surveys' own, as for any survey.

use sqlx::{Any, Row, Transaction};
use crate::kernel::members::UserId;

use super::buttons::Btn;
use super::model::{Draft, Question, SurveyId};
use super::render;
use super::store::{self, Reach};
use crate::platform::audit;
use crate::platform::buttons::Payload;
use crate::platform::ctx::AppCtx;
use crate::platform::db::{Db, DbResult};
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// A survey for named people, as the calling feature words it.
#[derive(Debug, Clone, PartialEq)]
pub struct ToPeople<'a> {
    pub title: &'a str,
    pub questions: &'a [Question],
    /// Who is shown as its author (sees its results, gets the closing notice).
    pub author: i64,
    /// The area whose staff oversee it (see [`super::listing::may_manage`]).
    pub area_path: &'a str,
    /// How its reach reads in lists ("Penerima program …").
    pub reach_name: &'a str,
    pub closes_at: i64,
}

/// What [`send_to_people`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub survey_id: SurveyId,
    /// Invitations queued: the given people who are still members (an erased person,
    /// or one who withdrew their membership, is skipped).
    pub invited: usize,
}

/// Creates the survey inside `tx`, records who is invited and queues each one's
/// private invitation in the outbox (in their language), and audits it. The caller
/// commits `tx`, then wakes the outbox (`ctx.outbox.wake()`).
pub async fn send_to_people(ctx: &AppCtx, tx: &mut Transaction<'static, Any>, s: &ToPeople<'_>, user_ids: &[i64], now: i64) -> DbResult<Sent> {
    let draft = Draft { title: s.title.to_string(), questions: s.questions.to_vec(), ..Draft::default() };
    let reach = Reach { kim_id: None, training_id: None, area_id: None, area_path: s.area_path.to_string(), name: s.reach_name.to_string() };
    let id = store::create(tx, &draft, UserId(s.author), &reach, s.closes_at, now).await?;
    sqlx::query("UPDATE surveys SET named = 1 WHERE id = $1").bind(id).execute(&mut **tx).await?;
    let mut items = Vec::new();
    for &user in user_ids {
        let Some(lang) = member_language(tx, UserId(user)).await? else { continue };
        let added = sqlx::query(
            "INSERT INTO survey_invitees (survey_id, user_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (survey_id, user_id) DO NOTHING RETURNING id",
        )
        .bind(id)
        .bind(user)
        .bind(now)
        .fetch_optional(&mut **tx)
        .await?;
        if added.is_some() {
            items.push(invitation(ctx, id, s, UserId(user), lang));
        }
    }
    ctx.outbox.enqueue_in(tx, &items).await?;
    store::set_sent_count(tx, id, items.len() as i64).await?;
    let detail = format!("survey={id} reach={} named=1 questions={} sent={}", s.area_path, s.questions.len(), items.len());
    audit::record_in(tx, None, "survey.send", &detail, now).await?;
    Ok(Sent { survey_id: id, invited: items.len() })
}

/// The person's language while their membership stands (`None`: erased or left).
async fn member_language(tx: &mut Transaction<'static, Any>, user_id: UserId) -> DbResult<Option<Lang>> {
    let row = sqlx::query(
        "SELECT u.language FROM users u WHERE u.id = $1 \
           AND EXISTS (SELECT 1 FROM consents c WHERE c.user_id = u.id AND c.purpose = $2 AND c.withdrawn_at IS NULL)",
    )
    .bind(user_id)
    .bind(crate::kernel::members::users::PURPOSE_MEMBERSHIP)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| Ok(Lang::from_code(&r.try_get::<String, _>("language")?).unwrap_or_default())).transpose()
}

/// "Survei: <judul> (N pertanyaan)" with "Mulai" and "Nanti", as every survey invites.
fn invitation(ctx: &AppCtx, id: SurveyId, s: &ToPeople<'_>, user_id: UserId, lang: Lang) -> Outgoing {
    let args = [
        ("title", Arg::from(s.title)),
        ("count", Arg::from(s.questions.len() as i64)),
        ("closes", Arg::from(render::when(s.closes_at, ctx.config.tz))),
    ];
    let buttons = vec![vec![
        ButtonSpec { label: t(lang, "sv-btn-start"), data: Btn::Start(id.get()).callback_data() },
        ButtonSpec { label: t(lang, "sv-btn-later"), data: Btn::Later(id.get()).callback_data() },
    ]];
    let body = Body::Text { text: ta(lang, "sv-invitation", &args), buttons, entities: Vec::new() };
    Outgoing { chat_id: user_id.get(), body, priority: Priority::Broadcast, source: Some(store::source(id)) }
}

/// Whether `user_id` was invited to the named survey `survey_id`.
pub async fn is_invited(db: &Db, survey_id: SurveyId, user_id: UserId) -> DbResult<bool> {
    let r = sqlx::query("SELECT COUNT(*) AS n FROM survey_invitees WHERE survey_id = $1 AND user_id = $2")
        .bind(survey_id)
        .bind(user_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(r.try_get::<i64, _>("n")? > 0)
}
