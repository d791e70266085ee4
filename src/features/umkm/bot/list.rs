//! `/umkmkim`: registrations a coordinator (their KIM) or staff member (the KIMs of
//! their area) may see, ten per page. Every page press is checked against the
//! presser's role again, and every view is written to the audit log.

use teloxide::types::InlineKeyboardMarkup;

use super::buttons::{Btn, ListScope};
use super::edit;
use super::render::short;
use crate::platform::audit;
use crate::kernel::members::permissions::{Action, may};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::{KimId, Role, areas, covers};
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::umkm::store::{self, Among, Saved};

const PER_PAGE: i64 = 10;

pub async fn command(turn: &Turn<'_>) -> HandlerResult {
    if turn.who.actor.role() == Role::Resident {
        return turn.say("not-allowed-coordinator").await;
    }
    for scope in scopes(turn).await? {
        if let Some((text, keys)) = page(turn, scope, 0).await? {
            turn.send_with_buttons(text, keys).await?;
        }
    }
    Ok(())
}

pub async fn on_page(turn: &Turn<'_>, scope: ListScope, number: i64, at: At) -> Result<bool, HandlerError> {
    let Some((text, keys)) = page(turn, scope, number).await? else { return Ok(false) };
    edit(turn, at, text, Some(keys)).await?;
    Ok(true)
}

/// The lists this person may see: everything for admins, each staff area, and
/// each coordinated KIM not already inside one of those areas.
async fn scopes(turn: &Turn<'_>) -> Result<Vec<ListScope>, HandlerError> {
    let actor = &turn.who.actor;
    if actor.is_admin {
        return Ok(vec![ListScope::All]);
    }
    let mut out = Vec::new();
    for path in &actor.staff_areas {
        out.extend(store::area_id_by_path(&turn.ctx.db, path).await?.map(ListScope::Area));
    }
    for kim in areas::kims_by_ids(&turn.ctx.db, &actor.coordinator_kims).await? {
        if !actor.staff_areas.iter().any(|a| covers(a, &kim.area_path)) {
            out.push(ListScope::Kim(kim.id.get()));
        }
    }
    Ok(out)
}

/// The scope's display name and registrations, when the person may see them.
async fn resolve(turn: &Turn<'_>, scope: ListScope) -> Result<Option<(String, Among)>, HandlerError> {
    let (actor, db) = (&turn.who.actor, &turn.ctx.db);
    Ok(match scope {
        ListScope::All if actor.is_admin => Some((t(turn.lang(), "umkm-scope-all"), Among::All)),
        ListScope::All => None,
        ListScope::Area(id) => match areas::area_by_id(db, id).await? {
            Some(area) if may(actor, Action::Oversee(&area.path)) => {
                let kims = areas::all_kims(db).await?.into_iter().filter(|k| covers(&area.path, &k.area_path));
                Some((area.name, Among::Kims(kims.map(|k| k.id.get()).collect())))
            }
            _ => None,
        },
        ListScope::Kim(id) => match areas::kim_by_id(db, KimId(id)).await? {
            Some(kim) if actor.can_manage_kim(&kim) => Some((kim.name, Among::Kims(vec![kim.id.get()]))),
            _ => None,
        },
    })
}

/// One page with its Prev/Next buttons; `None` when the scope is not this person's
/// or the page does not exist (any more).
async fn page(turn: &Turn<'_>, scope: ListScope, number: i64) -> Result<Option<(String, InlineKeyboardMarkup)>, HandlerError> {
    let Some((name, among)) = resolve(turn, scope).await? else { return Ok(None) };
    let lang = turn.lang();
    let (rows, total) = store::page(&turn.ctx.db, &among, number, PER_PAGE).await?;
    let pages = (total + PER_PAGE - 1) / PER_PAGE;
    if number > 0 && number >= pages {
        return Ok(None);
    }
    let detail = format!("scope={scope:?} page={number}");
    audit::record(&turn.ctx.db, Some(turn.who.user_id), "umkm.list", &detail, turn.now()).await?;
    if total == 0 {
        let text = ta(lang, "umkm-list-empty", &[("scope", Arg::from(name))]);
        return Ok(Some((text, InlineKeyboardMarkup::new(Vec::<Vec<_>>::new()))));
    }
    let header = ta(
        lang,
        "umkm-list-header",
        &[("scope", Arg::from(name)), ("page", Arg::from(number + 1)), ("pages", Arg::from(pages)), ("total", Arg::from(total))],
    );
    let lines: Vec<String> = rows.iter().enumerate().map(|(i, s)| line(lang, number * PER_PAGE + i as i64 + 1, s)).collect();
    let mut nav = Vec::new();
    if number > 0 {
        nav.push(button(t(lang, "umkm-btn-prev"), Btn::Page(scope, number - 1)));
    }
    if number + 1 < pages {
        nav.push(button(t(lang, "umkm-btn-next"), Btn::Page(scope, number + 1)));
    }
    Ok(Some((format!("{header}\n\n{}", lines.join("\n\n")), InlineKeyboardMarkup::new(vec![nav]))))
}

/// One registration: business, owner, sector, scale, needs, phone. Names are cut
/// so ten lines always fit in one Telegram message.
fn line(lang: Lang, n: i64, s: &Saved) -> String {
    let r = &s.registration;
    let needs: Vec<String> = r.needs.iter().map(|x| t(lang, x.key())).collect();
    let args = [
        ("n", Arg::from(n)),
        ("business", Arg::from(short(&r.business, 60))),
        ("owner", Arg::from(short(&r.owner, 40))),
        ("sector", Arg::from(t(lang, r.sector.key()))),
        ("scale", Arg::from(t(lang, r.scale.key()))),
        ("needs", Arg::from(needs.join(", "))),
        ("phone", Arg::from(&r.phone)),
    ];
    ta(lang, "umkm-list-line", &args)
}
