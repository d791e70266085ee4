//! `/undang koordinator KODE` (staff, for KIMs of their area), `/undang opd KODE`
//! (staff, for an agency of their kota: its officers) and `/undang staf
//! WILAYAH` (admins): a one-time invite link for a role. The router refuses
//! residents and coordinators; who may invite whom for what is checked here, per
//! object. Claiming the link is part of `/start` (the bot layer's `invites`).

use crate::bot::feature::{HandlerError, HandlerResult, Turn};
use crate::kernel::members::permissions::{Action, may};
use crate::kernel::members::roles::{self, INVITE_DAYS, INVITE_PREFIX, Scope};
use crate::kernel::members::agencies::{self, Agency};
use crate::kernel::members::{Area, areas};
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};

pub async fn create(turn: &Turn<'_>, args: &str) -> HandlerResult {
    let Some(scope) = scope(turn, args).await? else { return Ok(()) };
    let (ctx, user_id, lang) = (turn.ctx, turn.who.user_id, turn.lang());
    let code = roles::create_invite(&ctx.db, &scope, user_id, ctx.now()).await?;
    let detail = format!("role={} scope={}", scope.role().as_str(), scope.label());
    audit::record(&ctx.db, Some(user_id), "invite.create", &detail, ctx.now()).await?;
    let args = [
        ("role", Arg::from(t(lang, scope.role().message_key()))),
        ("scope", Arg::from(scope.label())),
        ("days", Arg::from(INVITE_DAYS)),
        ("link", Arg::from(ctx.deep_link(&format!("{INVITE_PREFIX}{code}")))),
    ];
    turn.say_with("invite-created", &args).await
}

/// What the invite is for, or `None` once the person has been told why not.
async fn scope(turn: &Turn<'_>, args: &str) -> Result<Option<Scope>, HandlerError> {
    let (ctx, actor, lang) = (turn.ctx, &turn.who.actor, turn.lang());
    let (kind, rest) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    let rest = rest.trim();
    let refusal = match kind.to_lowercase().as_str() {
        "koordinator" | "coordinator" if !rest.is_empty() => match areas::kim_by_code(&ctx.db, rest).await? {
            Some(kim) if actor.can_invite_coordinator_for(&kim) => return Ok(Some(Scope::Kim(kim))),
            Some(_) => t(lang, "not-allowed-staff"),
            None => {
                let shown: String = rest.chars().take(24).collect();
                ta(lang, "kim-not-found", &[("code", Arg::from(shown))])
            }
        },
        "opd" if !rest.is_empty() => match officer_agency(turn, rest).await? {
            Ok(agency) => return Ok(Some(Scope::Agency(agency))),
            Err(message) => message,
        },
        "staf" | "staff" if !rest.is_empty() => {
            if !may(actor, Action::InviteStaff) {
                t(lang, "not-allowed-admin")
            } else {
                match pick_area(turn, lang, rest).await? {
                    Ok(area) => return Ok(Some(Scope::Area(area))),
                    Err(message) => message,
                }
            }
        }
        _ => t(lang, "invite-usage"),
    };
    turn.send(refusal).await?;
    Ok(None)
}

/// The agency with this code in a kota the inviting staff work in, or the message
/// explaining why not (no such code: "not found"; only elsewhere: not allowed).
async fn officer_agency(turn: &Turn<'_>, code: &str) -> Result<Result<Agency, String>, HandlerError> {
    let lang = turn.lang();
    let found = agencies::by_code(&turn.ctx.db, code).await?;
    if found.is_empty() {
        let shown: String = code.chars().take(24).collect();
        return Ok(Err(ta(lang, "opd-not-found", &[("code", Arg::from(shown))])));
    }
    let mut allowed = found.into_iter().filter(|a| may(&turn.who.actor, Action::InviteOfficer(a)));
    Ok(allowed.next().ok_or_else(|| t(lang, "not-allowed-staff")))
}

/// One kota or kecamatan by name, or the message explaining why not.
async fn pick_area(turn: &Turn<'_>, lang: Lang, name: &str) -> Result<Result<Area, String>, HandlerError> {
    let shown: String = name.chars().take(60).collect();
    let mut found = areas::find_scope_areas(&turn.ctx.db, name).await?;
    Ok(match found.len() {
        0 => Err(ta(lang, "area-not-found", &[("name", Arg::from(shown))])),
        1 => Ok(found.remove(0)),
        _ => {
            let options = found.iter().map(|a| a.path.clone()).collect::<Vec<_>>().join("; ");
            Err(ta(lang, "area-ambiguous", &[("name", Arg::from(shown)), ("options", Arg::from(options))]))
        }
    })
}
