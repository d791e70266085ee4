//! The last steps of writing a survey: whom it reaches (the same reach rules as
//! announcements: a coordinator their own KIM, staff their kecamatan or kota, never a
//! kelurahan by area), a summary with the number of residents who will get it, and
//! "send": the survey is stored and every invitation queued in the delivery outbox in
//! one transaction, then audited.

use super::{Dialog, Target, rows, show};
use super::super::buttons::Btn;
use super::super::model::{Draft, SurveyId};
use super::super::render;
use super::super::store::{self, Reach, Recipient};
use crate::bot::feature::{At, HandlerError, HandlerResult, Payload, Turn};
use crate::kernel::audience::targets;
use crate::kernel::members::permissions::{Action, may};
use crate::kernel::members::{KimId, areas, display_path};
use crate::features::trainings::model::{Status as TrainingStatus, Training};
use crate::features::trainings::store as trainings_store;
use crate::platform::audit;
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// How far back a training may have started to be offered as a feedback target.
const TRAINING_DAYS: i64 = 60;
/// Trainings offered (most recent first).
const TRAININGS_SHOWN: usize = 5;

/// The reach buttons: the person's KIMs (coordinators), areas (staff, admins), and
/// the recent trainings they manage (the survey as the training's feedback form).
pub async fn reach(turn: &Turn<'_>, draft: Draft, at: Option<At>) -> HandlerResult {
    let lang = turn.lang();
    let db = &turn.ctx.db;
    let actor = &turn.who.actor;
    let mut buttons = Vec::new();
    for kim in areas::kims_by_ids(db, &actor.coordinator_kims).await? {
        buttons.push((ta(lang, "sv-btn-reach-kim", &[("name", Arg::from(kim.name))]), Btn::ReachKim(kim.id.get())));
    }
    for area in targets::offered_areas(db, actor).await? {
        let args = [("name", Arg::from(area.name)), ("kind", Arg::from(area.kind))];
        buttons.push((ta(lang, "sv-btn-reach-area", &args), Btn::ReachArea(area.id)));
    }
    for tr in trainings(turn).await?.into_iter().take(TRAININGS_SHOWN) {
        let title: String = tr.title.chars().take(40).collect();
        buttons.push((ta(lang, "sv-btn-reach-training", &[("title", Arg::from(title))]), Btn::ReachTraining(tr.id)));
    }
    buttons.push((t(lang, "sv-btn-back-review"), Btn::Review));
    turn.set_dialog(Dialog::Reach { draft }).await?;
    show(turn, at, t(lang, "sv-ask-reach"), Some(rows(buttons))).await
}

/// Trainings started in the last [`TRAINING_DAYS`] days (or to come) that the person
/// manages: their KIM's, or inside their area.
async fn trainings(turn: &Turn<'_>) -> Result<Vec<Training>, HandlerError> {
    let all = trainings_store::since(&turn.ctx.db, turn.now() - TRAINING_DAYS * 86_400).await?;
    Ok(all.into_iter().filter(|tr| manages(turn, tr)).collect())
}

fn manages(turn: &Turn<'_>, tr: &Training) -> bool {
    let actor = &turn.who.actor;
    tr.status() != TrainingStatus::Cancelled && (actor.coordinator_kims.contains(&tr.kim_id) || may(actor, Action::Oversee(&tr.area_path)))
}

/// The reach a button names, if the presser may aim there right now.
async fn allowed(turn: &Turn<'_>, target: Target) -> Result<Option<Reach>, HandlerError> {
    let db = &turn.ctx.db;
    let actor = &turn.who.actor;
    let none = Reach { kim_id: None, training_id: None, area_id: None, area_path: String::new(), name: String::new() };
    Ok(match target {
        Target::Kim(id) => areas::kim_by_id(db, KimId(id))
            .await?
            .filter(|k| actor.can_manage_kim(k))
            .map(|k| Reach { kim_id: Some(k.id.get()), area_path: k.area_path, name: k.name, ..none }),
        Target::Area(id) => areas::area_by_id(db, id)
            .await?
            .filter(|a| targets::may_target_area(actor, a))
            .map(|a| Reach { area_id: Some(a.id), name: display_path(&a.path), area_path: a.path, ..none }),
        Target::Training(id) => trainings_store::get(db, id).await?.filter(|tr| manages(turn, tr)).map(|tr| {
            let name = ta(turn.lang(), "sv-reach-training", &[("title", Arg::from(tr.title.clone()))]);
            Reach { training_id: Some(tr.id), area_path: tr.area_path, name, ..none }
        }),
    })
}

pub async fn confirm(turn: &Turn<'_>, draft: Draft, target: Target, at: At) -> Result<bool, HandlerError> {
    let Some(reach) = allowed(turn, target).await? else { return Ok(false) };
    let Some(closes_at) = draft.closes_at else { return Ok(false) };
    let lang = turn.lang();
    let count = store::recipients(&turn.ctx.db, &reach).await?.len();
    let args = [
        ("title", Arg::from(draft.title.clone())),
        ("count", Arg::from(draft.questions.len() as i64)),
        ("closes", Arg::from(render::when(closes_at, turn.ctx.config.tz))),
        ("reach", Arg::from(reach.name.clone())),
        ("residents", Arg::from(count as i64)),
    ];
    let keys = rows(vec![(t(lang, "sv-btn-send"), Btn::Send), (t(lang, "sv-btn-back-review"), Btn::Review)]);
    turn.set_dialog(Dialog::Confirm { draft, target }).await?;
    turn.edit(at, ta(lang, "sv-confirm", &args), Some(keys)).await?;
    Ok(true)
}

/// Stores the survey and queues its invitations, once (the dialogue ends in the same
/// turn, so a second press finds no "confirm" step and is refused as stale).
pub async fn send(turn: &Turn<'_>, draft: Draft, target: Target, at: At) -> Result<bool, HandlerError> {
    let Some(reach) = allowed(turn, target).await? else { return Ok(false) };
    let Some(closes_at) = draft.closes_at.filter(|c| *c > turn.now()) else { return Ok(false) };
    let ctx = turn.ctx;
    let now = turn.now();
    let people = store::recipients(&ctx.db, &reach).await?;
    let mut tx = ctx.db.begin().await?;
    let id = store::create(&mut tx, &draft, turn.who.user_id, &reach, closes_at, now).await?;
    let items: Vec<Outgoing> = people.iter().map(|p| invitation(turn, id, &draft, closes_at, p)).collect();
    ctx.outbox.enqueue_in(&mut tx, &items).await?;
    store::set_sent_count(&mut tx, id, items.len() as i64).await?;
    let training = reach.training_id.map(|t| format!(" training={t}")).unwrap_or_default();
    let detail = format!("survey={id} reach={}{training} questions={} sent={}", reach.area_path, draft.questions.len(), items.len());
    audit::record_in(&mut tx, Some(turn.who.user_id), "survey.send", &detail, now).await?;
    tx.commit().await.map_err(crate::platform::db::DbError::from)?;
    ctx.outbox.wake();
    turn.end().await?;
    let args = [("title", Arg::from(draft.title)), ("residents", Arg::from(items.len() as i64)), ("reach", Arg::from(reach.name))];
    turn.edit(at, ta(turn.lang(), "sv-sent", &args), None).await?;
    Ok(true)
}

/// "Survei: <judul> (N pertanyaan)" with "Mulai" and "Nanti", in the resident's language.
fn invitation(turn: &Turn<'_>, id: SurveyId, draft: &Draft, closes_at: i64, p: &Recipient) -> Outgoing {
    let lang = Lang::from_code(&p.language).unwrap_or_default();
    let args = [
        ("title", Arg::from(draft.title.clone())),
        ("count", Arg::from(draft.questions.len() as i64)),
        ("closes", Arg::from(render::when(closes_at, turn.ctx.config.tz))),
    ];
    let buttons = vec![vec![
        ButtonSpec { label: t(lang, "sv-btn-start"), data: Btn::Start(id.get()).callback_data() },
        ButtonSpec { label: t(lang, "sv-btn-later"), data: Btn::Later(id.get()).callback_data() },
    ]];
    let body = Body::Text { text: ta(lang, "sv-invitation", &args), buttons, entities: Vec::new() };
    Outgoing { chat_id: p.user_id, body, priority: Priority::Broadcast, source: Some(store::source(id)) }
}
