//! *Orang & peran* (admins everywhere; staff for their own area): everyone holding a
//! role — name, role, where, since when, given by whom — filtered by role and
//! searched by name; a one-time invite link made from the page (the same invite
//! codes as `/undang`, claimed with `/start` in Telegram); and revoking a person's
//! roles with the schedule hand-over the chat and CLI do. Staff see and act only on
//! people whose every role lies inside their area: anyone else looks like nobody.
//! Every invite and revocation is audited. The SQL is the kernel's
//! ([`roles::active_grants`]); this page only reads and calls.

use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::pages::NavEntry;
use super::{ConsoleError, Ctx, Staff, layout};
use crate::kernel::members::{KimId, UserId, agencies};
use crate::kernel::members::permissions::{Action, may};
use crate::kernel::members::roles::{self, GrantRow, INVITE_DAYS, INVITE_PREFIX, Moved, Scope};
use crate::kernel::members::{Role, areas, covers, users};
use crate::platform::delivery::{Outgoing, Priority};
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::when::stamp;

/// *Orang & peran* in the navigation: admins and staff.
pub const NAV: NavEntry = NavEntry { path: "/dasbor/orang", label: "console-nav-people", order: 65, shown: |s| manages_people(s) };

/// Who may open the page at all.
fn manages_people(staff: &Staff) -> bool {
    staff.actor.is_admin || !staff.actor.staff_areas.is_empty()
}

/// Whether this person may see (and act on) a grant.
fn sees(staff: &Staff, row: &GrantRow) -> bool {
    staff.actor.is_admin || staff.actor.staff_areas.iter().any(|area| covers(area, &row.path))
}

#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    #[serde(default)]
    role: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    done: String,
    /// The page reference of an invite just made here (see [`roles::invite_on_page`]).
    #[serde(default)]
    undangan: String,
}

const ROLES: [Role; 3] = [Role::Staff, Role::Coordinator, Role::Officer];

pub async fn list(State(ctx): State<Ctx>, staff: Staff, Query(f): Query<Filters>) -> Result<Response, ConsoleError> {
    if !manages_people(&staff) {
        return Err(ConsoleError::Forbidden);
    }
    let flash = match f.done.as_str() {
        "revoked" => Some(t(staff.lang, "console-people-revoked")),
        "moved" => Some(t(staff.lang, "console-people-moved")),
        "same" => Some(t(staff.lang, "console-people-same")),
        _ => None,
    };
    let mut flash = flash.map(|text| html! { p.flash role="status" { (text) } });
    let reference = f.undangan.trim();
    if !reference.is_empty() {
        flash = Some(match roles::invite_on_page(&ctx.db, staff.actor.user_id, reference, ctx.now()).await? {
            Some((code, scope)) => invite_made(&ctx, staff.lang, &code, &scope),
            None => html! { p.flash.late role="status" { (t(staff.lang, "console-people-invite-gone")) } },
        });
    }
    render(&ctx, &staff, &f, flash).await
}

/// The invite just made: its one-time link and code.
fn invite_made(ctx: &Ctx, lang: Lang, code: &str, scope: &Scope) -> Markup {
    let link = ctx.deep_link(&format!("{INVITE_PREFIX}{code}"));
    let args = [
        ("role", Arg::from(t(lang, scope.role().message_key()))),
        ("scope", Arg::from(scope.label())),
        ("days", Arg::from(INVITE_DAYS)),
    ];
    html! {
        section.flash role="status" {
            p { (ta(lang, "console-people-invite-made", &args)) }
            p { a href=(link) { (link) } }
            p { (ta(lang, "console-people-invite-code", &[("code", Arg::from(format!("/start {INVITE_PREFIX}{code}")))])) }
        }
    }
}

async fn render(ctx: &Ctx, staff: &Staff, f: &Filters, flash: Option<Markup>) -> Result<Response, ConsoleError> {
    let lang = staff.lang;
    let wanted_role = ROLES.iter().copied().find(|r| r.as_str() == f.role.trim());
    let q = f.q.trim().to_lowercase();
    let rows: Vec<GrantRow> = roles::active_grants(&ctx.db)
        .await?
        .into_iter()
        .filter(|r| sees(staff, r))
        .filter(|r| wanted_role.is_none_or(|w| r.role == w))
        .filter(|r| q.is_empty() || r.name.as_deref().unwrap_or_default().to_lowercase().contains(&q) || r.scope.to_lowercase().contains(&q))
        .collect();
    let tz = ctx.config.tz;
    let choices = invite_choices(ctx, staff).await?;
    let body = html! {
        @if let Some(flash) = flash { (flash) }
        form.filters method="get" action=(NAV.path) {
            label { (t(lang, "console-people-role"))
                select name="role" {
                    option value="" { (t(lang, "console-filter-all")) }
                    @for r in ROLES { option value=(r.as_str()) selected[wanted_role == Some(r)] { (t(lang, r.message_key())) } }
                }
            }
            label { (t(lang, "console-people-search")) input type="search" name="q" value=(f.q) maxlength="60"; }
            button type="submit" { (t(lang, "console-filter-apply")) }
        }
        (invite_form(lang, staff, &choices))
        p { (ta(lang, "console-people-count", &[("count", Arg::from(rows.len() as i64))])) }
        @if !rows.is_empty() {
            table.queue {
                thead { tr {
                    th { (t(lang, "console-col-name")) } th { (t(lang, "console-people-role")) } th { (t(lang, "console-people-where")) }
                    th { (t(lang, "console-people-since")) } th { (t(lang, "console-people-by")) } th { (t(lang, "console-people-actions")) }
                } }
                tbody {
                    @for r in &rows {
                        tr {
                            td data-label=(t(lang, "console-col-name")) { (r.name.clone().unwrap_or_else(|| r.user_id.to_string())) " (" (r.user_id) ")" }
                            td data-label=(t(lang, "console-people-role")) { (t(lang, r.role.message_key())) }
                            td data-label=(t(lang, "console-people-where")) { (r.scope) }
                            td data-label=(t(lang, "console-people-since")) { (stamp(r.granted_at, tz)) }
                            td data-label=(t(lang, "console-people-by")) {
                                @match (r.granted_by, &r.granted_by_name) {
                                    (Some(_), Some(name)) => (name),
                                    (Some(id), None) => (id),
                                    (None, _) => (t(lang, "console-people-by-cli")),
                                }
                            }
                            td {
                                (move_form(lang, staff, r, &choices))
                                form.inline method="post" action="/dasbor/orang/cabut" {
                                    input type="hidden" name="csrf" value=(staff.session.csrf);
                                    input type="hidden" name="user" value=(r.user_id);
                                    button.danger type="submit" { (t(lang, "console-people-revoke")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok((layout::no_store(), layout::page(staff, NAV.path, &t(lang, "console-people-title"), body)).into_response())
}

/// What this person may invite someone for: KIMs (coordinators), areas (staff,
/// admins only) and agencies (officers), as `kim:ID`, `area:ID`, `agency:ID`.
struct Choices {
    kims: Vec<(i64, String)>,
    areas: Vec<(i64, String)>,
    agencies: Vec<(i64, String)>,
}

async fn invite_choices(ctx: &Ctx, staff: &Staff) -> Result<Choices, ConsoleError> {
    let actor = &staff.actor;
    let kims = areas::all_kims(&ctx.db).await?.into_iter().filter(|k| actor.can_invite_coordinator_for(k)).map(|k| (k.id.get(), k.name)).collect();
    let areas = if may(actor, Action::InviteStaff) {
        areas::all(&ctx.db).await?.into_iter().filter(|a| a.kind != "kelurahan").map(|a| (a.id, a.path)).collect()
    } else {
        Vec::new()
    };
    let agencies = agencies::all(&ctx.db)
        .await?
        .into_iter()
        .filter(|a| may(actor, Action::InviteOfficer(a)))
        .map(|a| (a.id, format!("{} · {}", a.label(), a.kota)))
        .collect();
    Ok(Choices { kims, areas, agencies })
}

impl Choices {
    /// The scopes a grant of `role` may be moved to.
    fn for_role(&self, role: Role) -> Vec<(String, &str)> {
        let (kind, list) = match role {
            Role::Staff => ("area", &self.areas),
            Role::Coordinator => ("kim", &self.kims),
            Role::Officer => ("agency", &self.agencies),
            _ => return Vec::new(),
        };
        list.iter().map(|(id, name)| (format!("{kind}:{id}"), name.as_str())).collect()
    }
}

/// "Move to…" on a list row: the scopes of the same role this person may give
/// (none: no form).
fn move_form(lang: Lang, staff: &Staff, row: &GrantRow, c: &Choices) -> Markup {
    let options = c.for_role(row.role);
    if options.is_empty() {
        return html! {};
    }
    html! {
        form.inline method="post" action="/dasbor/orang/pindah" {
            input type="hidden" name="csrf" value=(staff.session.csrf);
            input type="hidden" name="grant" value=(row.id);
            label { (t(lang, "console-people-move-to"))
                select name="scope" {
                    @for (key, name) in &options { option value=(key) selected[*key == row.scope_key] { (name) } }
                }
            }
            button type="submit" { (t(lang, "console-people-move")) }
        }
    }
}

fn invite_form(lang: Lang, staff: &Staff, c: &Choices) -> Markup {
    html! {
        form.card method="post" action="/dasbor/orang/undang" {
            h2 { (t(lang, "console-people-invite")) }
            label { (t(lang, "console-people-invite-for"))
                select name="scope" required {
                    @if !c.kims.is_empty() { optgroup label=(t(lang, "role-coordinator")) {
                        @for (id, name) in &c.kims { option value={ "kim:" (id) } { (name) } }
                    } }
                    @if !c.areas.is_empty() { optgroup label=(t(lang, "role-staff")) {
                        @for (id, name) in &c.areas { option value={ "area:" (id) } { (name) } }
                    } }
                    @if !c.agencies.is_empty() { optgroup label=(t(lang, "role-officer")) {
                        @for (id, name) in &c.agencies { option value={ "agency:" (id) } { (name) } }
                    } }
                }
            }
            input type="hidden" name="csrf" value=(staff.session.csrf);
            button type="submit" { (t(lang, "console-people-invite-button")) }
        }
    }
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    scope: String,
}

/// Makes a one-time invite (as `/undang`) and redirects to the list showing it
/// (POST/redirect/GET: a reload shows the same invite and makes no second one).
/// Anything this person may not invite for is "not found", like a missing KIM.
pub async fn invite(State(ctx): State<Ctx>, staff: Staff, Form(form): Form<InviteForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    if !manages_people(&staff) {
        return Err(ConsoleError::Forbidden);
    }
    let scope = scope_of(&ctx, &staff, &form.scope).await?.ok_or(ConsoleError::NotFound)?;
    let now = ctx.now();
    let (_, reference) = roles::create_invite_for_page(&ctx.db, &scope, staff.actor.user_id, now).await?;
    let detail = format!("role={} scope={} via=console", scope.role().as_str(), scope.label());
    audit::record(&ctx.db, Some(staff.actor.user_id), "invite.create", &detail, now).await?;
    Ok(Redirect::to(&format!("{}?undangan={reference}", NAV.path)).into_response())
}

/// The scope a form names, if this person may invite for it.
async fn scope_of(ctx: &Ctx, staff: &Staff, raw: &str) -> Result<Option<Scope>, ConsoleError> {
    let Some((kind, id)) = raw.trim().split_once(':') else { return Ok(None) };
    let Ok(id) = id.parse::<i64>() else { return Ok(None) };
    let actor = &staff.actor;
    Ok(match kind {
        "kim" => areas::kim_by_id(&ctx.db, KimId(id)).await?.filter(|k| actor.can_invite_coordinator_for(k)).map(Scope::Kim),
        "area" if may(actor, Action::InviteStaff) => areas::area_by_id(&ctx.db, id).await?.filter(|a| a.kind != "kelurahan").map(Scope::Area),
        "agency" => agencies::by_id(&ctx.db, id).await?.filter(|a| may(actor, Action::InviteOfficer(a))).map(Scope::Agency),
        _ => None,
    })
}

#[derive(Deserialize)]
pub struct RevokeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    user: String,
}

/// Takes every role of a person whose roles all lie inside this person's scope,
/// pausing their schedules and telling staff (the one way roles are taken away).
pub async fn revoke(State(ctx): State<Ctx>, staff: Staff, Form(form): Form<RevokeForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    if !manages_people(&staff) {
        return Err(ConsoleError::Forbidden);
    }
    let user: i64 = form.user.trim().parse().map_err(|_| ConsoleError::NotFound)?;
    let theirs: Vec<GrantRow> = roles::active_grants(&ctx.db).await?.into_iter().filter(|r| r.user_id == UserId(user)).collect();
    if theirs.is_empty() || !theirs.iter().all(|r| sees(&staff, r)) {
        return Err(ConsoleError::NotFound);
    }
    let now = ctx.now();
    let admins: Vec<i64> = ctx.config.admins.iter().map(|a| a.0 as i64).collect();
    let (n, paused) = roles::revoke_and_hand_over(&ctx.db, ctx.role_lost, UserId(user), &admins, now).await?;
    let detail = format!("user={user} grants={n} schedules_paused={paused} via=console");
    audit::record(&ctx.db, Some(staff.actor.user_id), "role.revoke", &detail, now).await?;
    Ok(Redirect::to("/dasbor/orang?done=revoked").into_response())
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    grant: String,
    #[serde(default)]
    scope: String,
}

/// Moves one grant to another scope of its role (`roles::change_scope`), tells the
/// person in their language and audits it. Both ends must lie in this person's
/// reach: a grant outside it, or a scope they may not give, is "not found".
pub async fn change_scope(State(ctx): State<Ctx>, staff: Staff, Form(form): Form<MoveForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    if !manages_people(&staff) {
        return Err(ConsoleError::Forbidden);
    }
    let id: i64 = form.grant.trim().parse().map_err(|_| ConsoleError::NotFound)?;
    let row = roles::active_grants(&ctx.db).await?.into_iter().find(|r| r.id == id).filter(|r| sees(&staff, r)).ok_or(ConsoleError::NotFound)?;
    let to = scope_of(&ctx, &staff, &form.scope).await?.filter(|s| s.role() == row.role).ok_or(ConsoleError::NotFound)?;
    let now = ctx.now();
    let done = match roles::change_scope(&ctx.db, row.id, &to, staff.actor.user_id, now).await? {
        Moved::Gone => return Err(ConsoleError::NotFound),
        Moved::Same => "same",
        Moved::Moved => {
            let detail = format!("user={} role={} from={} scope={} via=console", row.user_id, row.role.as_str(), row.scope_key, to.label());
            audit::record(&ctx.db, Some(staff.actor.user_id), "role.move", &detail, now).await?;
            let lang = users::language(&ctx.db, row.user_id).await?;
            let args = [("role", Arg::from(t(lang, row.role.message_key()))), ("scope", Arg::from(to.label()))];
            let text = ta(lang, "console-people-moved-notice", &args);
            ctx.outbox.enqueue(&[Outgoing::text(row.user_id.get(), text, Priority::Personal, None)]).await?;
            "moved"
        }
    };
    Ok(Redirect::to(&format!("{}?done={done}", NAV.path)).into_response())
}
