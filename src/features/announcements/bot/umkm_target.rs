//! `/umumkan` to registered UMKM (staff): the area, then a sector, then a need, each
//! with "any". Only owners who agreed to programme news are reached (see
//! [`targets::resolve`]); every step is checked again against the presser's scope.

use super::compose;
use super::super::model::{Target, UmkmFilter};
use super::super::render::keyboard;
use crate::kernel::audience::segment::Pick;
use crate::kernel::audience::targets;
use super::{Btn, Draft};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::areas;
use crate::bot::HandlerError;
use crate::bot::turn::{At, Turn};
use crate::features::umkm::model::{Need, Sector};

/// Step 1: which kecamatan or kota.
pub async fn areas(turn: &Turn<'_>, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let offered = targets::offered_areas(&turn.ctx.db, &turn.who.actor).await?;
    if offered.is_empty() {
        return Ok(false);
    }
    let mut rows: Vec<Vec<(String, Btn)>> = offered
        .into_iter()
        .map(|a| {
            let args = [("name", Arg::from(a.name)), ("kind", Arg::from(a.kind))];
            vec![(ta(lang, "ann-btn-area", &args), Btn::UmkmArea(a.id))]
        })
        .collect();
    rows.push(vec![(t(lang, "btn-back"), Btn::Retarget)]);
    super::show::show(turn, Some(at), t(lang, "ann-umkm-choose-area"), Some(keyboard(rows))).await?;
    Ok(true)
}

async fn area_allowed(turn: &Turn<'_>, area: i64) -> Result<bool, HandlerError> {
    Ok(areas::area_by_id(&turn.ctx.db, area).await?.is_some_and(|a| targets::may_target_area(&turn.who.actor, &a)))
}

/// Step 2: which sector (or any).
pub async fn sectors(turn: &Turn<'_>, area: i64, at: At) -> Result<bool, HandlerError> {
    if !area_allowed(turn, area).await? {
        return Ok(false);
    }
    let lang = turn.lang();
    let choices = Sector::ALL.iter().enumerate().map(|(i, s)| (t(lang, s.key()), Btn::UmkmSector(area, Some(i as u8))));
    let rows = two_per_row(lang, choices.collect(), Btn::UmkmSector(area, None));
    super::show::show(turn, Some(at), t(lang, "ann-umkm-choose-sector"), Some(keyboard(rows))).await?;
    Ok(true)
}

/// Step 3: which need (or any).
pub async fn needs(turn: &Turn<'_>, area: i64, sector: Option<u8>, at: At) -> Result<bool, HandlerError> {
    if !area_allowed(turn, area).await? {
        return Ok(false);
    }
    let lang = turn.lang();
    let choices = Need::ALL.iter().enumerate().map(|(i, n)| (t(lang, n.key()), Btn::UmkmNeed(area, sector, Some(i as u8))));
    let rows = two_per_row(lang, choices.collect(), Btn::UmkmNeed(area, sector, None));
    super::show::show(turn, Some(at), t(lang, "ann-umkm-choose-need"), Some(keyboard(rows))).await?;
    Ok(true)
}

/// Done: the target is set like any other (and checked again there).
pub async fn chosen(
    turn: &Turn<'_>,
    draft: Draft,
    (area, sector, need): (i64, Option<u8>, Option<u8>),
    at: At,
) -> Result<bool, HandlerError> {
    let filter = UmkmFilter {
        area,
        sector: sector.and_then(|i| Sector::ALL.get(usize::from(i))).map(|s| Pick::new(s.code())),
        need: need.and_then(|i| Need::ALL.get(usize::from(i))).map(|n| Pick::new(n.code())),
    };
    compose::choose(turn, draft, Target::Umkm(filter), at).await
}

/// Choices two to a row, then "any" and "back".
fn two_per_row(lang: Lang, choices: Vec<(String, Btn)>, any: Btn) -> Vec<Vec<(String, Btn)>> {
    let mut rows: Vec<Vec<(String, Btn)>> = choices.chunks(2).map(<[_]>::to_vec).collect();
    rows.push(vec![(t(lang, "ann-umkm-btn-any"), any)]);
    rows.push(vec![(t(lang, "btn-back"), Btn::Retarget)]);
    rows
}
