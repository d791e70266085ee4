//! Invitations to a published training for registered UMKM (PRODUCT.md §5, opt-in
//! only): owners within reach whose sector or needs match the training's targets (no
//! targets: everyone within reach), whose consents to the registry and to programme
//! news both stand. Each is invited at most once per training: the unique
//! `(training_id, user_id)` row is claimed in the same transaction that queues the
//! private message in the outbox.

use sqlx::Row;

use super::model::{Target, Training, targets_from_text};
use super::render;
use crate::platform::audit;
use crate::platform::buttons::Payload;
use crate::platform::db::DbResult;
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::{Actor, KimId, UserId, covers};
use crate::platform::ctx::AppCtx;

/// Whose registrations an invitation may reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Owners registered in the training's KIM (coordinators).
    Kim(i64),
    /// Owners registered in any KIM inside this area (staff: their area; admins:
    /// the training's kecamatan).
    Area(String),
}

/// The reach of `actor` for `tr`: staff covering the KIM reach their whole area.
pub fn reach(actor: &Actor, tr: &Training) -> Reach {
    if let Some(area) = actor.staff_areas.iter().find(|a| covers(a, &tr.area_path)) {
        return Reach::Area(area.clone());
    }
    if actor.is_admin {
        let kecamatan = tr.area_path.rsplit_once('/').map_or(tr.area_path.as_str(), |(up, _)| up);
        return Reach::Area(kecamatan.to_string());
    }
    Reach::Kim(tr.kim_id.get())
}

/// The UMKM registry's code for a training target: (is a sector, code).
fn registry_code(target: Target) -> (bool, &'static str) {
    match target {
        Target::Kuliner => (true, "kuliner"),
        Target::Fashion => (true, "fashion"),
        Target::Kriya => (true, "kriya"),
        Target::Jasa => (true, "jasa"),
        Target::Tani => (true, "pertanian"),
        Target::Lainnya => (true, "lainnya"),
        Target::Modal => (false, "modal"),
        Target::Digital => (false, "pemasaran"),
        Target::Izin => (false, "perizinan"),
        Target::Qris => (false, "qris"),
    }
}

/// Whether a business (sector code, needs joined by `,`) fits the targets.
pub fn matches(targets: &[Target], sector: &str, needs: &str) -> bool {
    targets.is_empty()
        || targets.iter().any(|t| match registry_code(*t) {
            (true, code) => code == sector,
            (false, code) => needs.split(',').any(|n| n == code),
        })
}

/// Someone to invite, with the language to write in.
#[derive(Debug, Clone, PartialEq)]
pub struct Invitee {
    pub user_id: i64,
    pub language: String,
}

/// Owners within `reach` who fit the training, agreed to both purposes, and are
/// neither invited nor registered yet.
pub async fn candidates(ctx: &AppCtx, tr: &Training, reach: &Reach) -> DbResult<Vec<Invitee>> {
    let owners = crate::features::umkm::store::reachable_owners(&ctx.db, None, None).await?;
    let reached = already_reached(ctx, tr.id).await?;
    let targets = targets_from_text(&tr.targets);
    let mut out: Vec<Invitee> = owners
        .into_iter()
        .filter(|o| !reached.contains(&o.user_id))
        .filter(|o| match reach {
            Reach::Kim(id) => o.kim.id == KimId(*id),
            Reach::Area(area) => covers(area, &o.kim.area_path),
        })
        .filter(|o| matches(&targets, &o.sector, &o.needs))
        .map(|o| Invitee { user_id: o.user_id, language: o.language })
        .collect();
    out.sort_by_key(|i| i.user_id);
    Ok(out)
}

/// Everyone already invited to or registered for (and not cancelled) training `id`.
async fn already_reached(ctx: &AppCtx, id: i64) -> DbResult<std::collections::HashSet<i64>> {
    let rows = sqlx::query(
        "SELECT user_id FROM training_invitations WHERE training_id = $1 \
         UNION SELECT user_id FROM training_registrations WHERE training_id = $1 AND status <> 'cancelled'",
    )
    .bind(id)
    .fetch_all(&ctx.db.pool)
    .await?;
    rows.iter().map(|r| Ok(r.try_get::<i64, _>(0)?)).collect()
}

/// Claims and queues an invitation for each candidate not invited yet (a second
/// press, or a second process, claims nobody twice). Returns how many were invited.
#[tracing::instrument(skip(ctx, tr), fields(training = tr.id))]
pub async fn send(ctx: &AppCtx, by: UserId, tr: &Training, reach: &Reach) -> DbResult<usize> {
    let now = ctx.now();
    let people = candidates(ctx, tr, reach).await?;
    let mut tx = ctx.db.begin().await?;
    let mut items = Vec::new();
    for p in &people {
        let claimed = sqlx::query(
            "INSERT INTO training_invitations (training_id, user_id, invited_by, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (training_id, user_id) DO NOTHING RETURNING id",
        )
        .bind(tr.id)
        .bind(p.user_id)
        .bind(by)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if claimed.is_some() {
            items.push(invitation(ctx, tr, p));
        }
    }
    ctx.outbox.enqueue_in(&mut tx, &items).await?;
    tx.commit().await?;
    ctx.outbox.wake();
    let detail = format!("training={} reach={reach:?} invited={}", tr.id, items.len());
    audit::record(&ctx.db, Some(by), "training.invite", &detail, now).await?;
    Ok(items.len())
}

/// Whether `user_id` was invited to the training (their "Daftar" then counts as
/// an invitation's, whichever KIM they belong to).
pub async fn was_invited(ctx: &AppCtx, training_id: i64, user_id: UserId) -> DbResult<bool> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM training_invitations WHERE training_id = $1 AND user_id = $2")
        .bind(training_id)
        .bind(user_id)
        .fetch_one(&ctx.db.pool)
        .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

/// The private message: what, when (KIM's zone), where, seats left, and "Daftar".
fn invitation(ctx: &AppCtx, tr: &Training, p: &Invitee) -> Outgoing {
    let lang = Lang::from_code(&p.language).unwrap_or_default();
    let tz = tr.tz(ctx.config.tz);
    let mut lines = vec![ta(lang, "training-invite-header", &[("title", Arg::from(&tr.title))]), String::new()];
    lines.extend(render::head(lang, tr, tz));
    lines.extend(render::availability(lang, tr, ctx.now(), tz));
    lines.push(String::new());
    lines.push(t(lang, "training-invite-how"));
    let join = super::bot::Btn::Join(tr.id).callback_data();
    // The resident's copy of the post can be passed on too: the group post's text
    // (not this personal invitation) with the registration link.
    let link = ctx.deep_link(&super::model::link_payload(tr.id));
    let post = render::announcement(Lang::Id, tr, &format!("https://t.me/{}", ctx.bot_username), ctx.now(), tz);
    let share = crate::platform::share::whatsapp_button(lang, &post, &link);
    let body = Body::Text {
        text: lines.join("\n"),
        buttons: vec![vec![ButtonSpec { label: t(lang, "training-btn-register"), data: join }], vec![share]],
        entities: Vec::new(),
    };
    Outgoing { chat_id: p.user_id, body, priority: Priority::Broadcast, source: super::model::INVITE_SOURCE.of(tr.id).into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_business_fits_by_sector_or_by_one_need_and_anyone_fits_no_targets() {
        let cases = [
            (vec![], "jasa", "lainnya", true),
            (vec![Target::Kuliner], "kuliner", "modal", true),
            (vec![Target::Kuliner], "fashion", "modal", false),
            (vec![Target::Tani], "pertanian", "modal", true),
            (vec![Target::Digital], "jasa", "modal,pemasaran", true),
            (vec![Target::Izin, Target::Qris], "jasa", "modal,kemasan", false),
            (vec![Target::Fashion, Target::Qris], "kuliner", "qris", true),
        ];
        for (targets, sector, needs, want) in cases {
            assert_eq!(matches(&targets, sector, needs), want, "{targets:?} {sector} {needs}");
        }
    }
}
