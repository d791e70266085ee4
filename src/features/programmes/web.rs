//! *Program*: the programmes this person manages (admins all, staff their area's,
//! agency officers their agency's) and one programme's selection page: applicants
//! with filters (status, kecamatan), eligibility shown, notes, accept / waitlist /
//! reject with a reason, one at a time or ticked in bulk. Decisions go through
//! [`super::decide`], the function the chat uses, so the quota and the notices are
//! the same. A programme outside the scope is "not found", like a missing one.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use maud::{Markup, html};
use serde::Deserialize;

use super::apps::{self, Application};
use super::decide::{self, DecideError, Decision};
use super::model::{AppStatus, Programme};
use super::{render, store};
use crate::kernel::members::{Actor, covers};
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::web::console::{ConsoleError, Ctx, NavEntry, Pages, Staff, layout};

/// *Program* in the console's navigation.
const NAV: NavEntry = NavEntry { path: "/dasbor/program", label: "console-nav-programmes", order: 45, shown };

/// Programmes' console pages.
pub const PAGES: Pages = Pages { routes, nav: &[NAV] };

/// Rows per page of applicants.
pub const PER_PAGE: i64 = 50;

fn shown(staff: &Staff) -> bool {
    may_manage_any(&staff.actor)
}

fn may_manage_any(a: &Actor) -> bool {
    a.is_admin || !a.staff_areas.is_empty() || !a.agencies.is_empty()
}

/// Whether `a` selects `p`'s applicants (the rule the chat's `/seleksi` follows).
pub fn manages(a: &Actor, p: &Programme) -> bool {
    a.is_admin || a.staff_areas.iter().any(|s| covers(s, &p.area_path)) || p.agency_id.is_some_and(|id| a.agencies.contains(&id))
}

fn routes() -> Router<Ctx> {
    Router::new()
        .route("/dasbor/program", get(list))
        .route("/dasbor/program/{id}", get(page))
        .route("/dasbor/program/{id}/putuskan", post(decide_form))
}

async fn visible(ctx: &Ctx, staff: &Staff, id: &str) -> Result<Programme, ConsoleError> {
    let id = super::model::ProgrammeId(id.parse().map_err(|_| ConsoleError::NotFound)?);
    let p = store::get(&ctx.db, id).await?.ok_or(ConsoleError::NotFound)?;
    if manages(&staff.actor, &p) { Ok(p) } else { Err(ConsoleError::NotFound) }
}

async fn list(State(ctx): State<Ctx>, staff: Staff) -> Result<Response, ConsoleError> {
    let mine: Vec<Programme> = store::all(&ctx.db, 500).await?.into_iter().filter(|p| manages(&staff.actor, p)).collect();
    let lang = staff.lang;
    let body = html! {
        @if mine.is_empty() { p.empty { (t(lang, "console-programmes-empty")) } }
        @else {
            table.queue {
                thead { tr { th { (t(lang, "console-programme-name")) } th { (t(lang, "console-programme-organiser")) } th { (t(lang, "console-programme-accepted")) } } }
                tbody { @for p in &mine { tr {
                    td { a href={ "/dasbor/program/" (p.id) } { (p.name) } }
                    td { (p.organiser) }
                    td.num { (p.accepted) " / " (p.quota) }
                } } }
            }
        }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-programmes-title"), body)).into_response())
}

#[derive(Deserialize, Default)]
pub struct Filter {
    #[serde(default)]
    status: String,
    #[serde(default)]
    kecamatan: String,
    #[serde(default)]
    page: i64,
    #[serde(default)]
    done: String,
}

async fn page(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Query(f): Query<Filter>) -> Result<Response, ConsoleError> {
    let p = visible(&ctx, &staff, &id).await?;
    let status = AppStatus::from_code(&f.status);
    let page = f.page.max(0);
    let mut rows = apps::list(&ctx.db, p.id, status, PER_PAGE, page * PER_PAGE).await?;
    if !f.kecamatan.is_empty() {
        rows.retain(|a| a.kecamatan == f.kecamatan);
    }
    let counts = apps::counts(&ctx.db, p.id).await?;
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.programme.view", &format!("programme={}", p.id), ctx.now()).await?;
    let lang = staff.lang;
    let body = html! {
        @if let Some(key) = done_key(&f.done) { p.flash role="status" { (t(lang, key)) } }
        section.card.facts {
            p { (p.organiser) " · " (t(lang, p.kind.key())) }
            p { (ta(lang, "console-programme-quota", &[("accepted", Arg::from(p.accepted)), ("quota", Arg::from(p.quota))])) }
            p.body { (render::who(lang, &p.who)) }
            p { @for (s, n) in &counts { span.tag { (t(lang, s.key())) ": " (n) } " " } }
        }
        (filters(lang, &p, &f))
        (applicants(lang, &staff, &p, &rows))
        p { a href="/dasbor/program" { (t(lang, "console-programmes-back")) } }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &p.name, body)).into_response())
}

/// The flash after a POST (only the outcomes this page redirects with).
fn done_key(done: &str) -> Option<&'static str> {
    Some(match done {
        "decided" => "console-programme-done-decided",
        "quota_full" => "console-programme-done-quota-full",
        "none_ticked" => "console-programme-done-none-ticked",
        "reason_needed" => "console-programme-done-reason-needed",
        _ => return None,
    })
}

fn filters(lang: Lang, p: &Programme, f: &Filter) -> Markup {
    html! {
        form.filters method="get" action={ "/dasbor/program/" (p.id) } {
            label { (t(lang, "console-col-status")) " "
                select name="status" {
                    option value="" { (t(lang, "console-programme-all")) }
                    @for s in AppStatus::ALL { option value=(s.code()) selected[f.status == s.code()] { (t(lang, s.key())) } }
                }
            } " "
            label { "Kecamatan " input type="text" name="kecamatan" value=(f.kecamatan) size="14"; } " "
            button type="submit" { (t(lang, "console-programme-filter")) }
        }
    }
}

fn applicants(lang: Lang, staff: &Staff, p: &Programme, rows: &[Application]) -> Markup {
    html! {
        @if rows.is_empty() { p.empty { (t(lang, "console-nobody")) } }
        @else {
            form.programme-selection method="post" action={ "/dasbor/program/" (p.id) "/putuskan" } {
                input type="hidden" name="csrf" value=(staff.session.csrf);
                table.queue {
                    thead { tr {
                        th { } th { (t(lang, "console-programme-number")) } th { (t(lang, "console-programme-business")) }
                        th { (t(lang, "console-programme-place")) } th { (t(lang, "console-programme-eligibility")) }
                        th { (t(lang, "console-programme-answers")) } th { (t(lang, "console-col-status")) } th { (t(lang, "console-programme-note")) }
                    } }
                    tbody { @for a in rows { tr data-number=(a.number) {
                        td { @if decide::allowed(a.status, AppStatus::Rejected) { input type="checkbox" name="app" value=(a.id); } }
                        td { (a.number) @if a.is_group { br; small { (ta(lang, "console-programme-members", &[("n", Arg::from(a.members))])) } } }
                        td { (a.business_name.clone().unwrap_or_else(|| t(lang, "prg-erased"))) }
                        td { (a.kelurahan) ", " (a.kecamatan) }
                        td { (a.sector) " · " (a.scale) " · NIB " (if a.has_nib { "✓" } else { "–" }) }
                        td { @for line in super::render::answered(&p.questions, &a.answers) { div { (line) } } }
                        td { (t(lang, a.status.key())) @if let Some(r) = &a.reason { br; small { (r) } } }
                        td { (a.note.clone().unwrap_or_default()) }
                    } } }
                }
                fieldset.decide {
                    label { (t(lang, "console-programme-reason")) " " input type="text" name="reason" size="40" maxlength="500"; } " "
                    label { (t(lang, "console-programme-note")) " " input type="text" name="note" size="30" maxlength="500"; } " "
                    button type="submit" name="decision" value="accept" { (t(lang, "console-programme-accept")) } " "
                    button type="submit" name="decision" value="waitlist" { (t(lang, "console-programme-waitlist")) } " "
                    button type="submit" name="decision" value="reject" { (t(lang, "console-programme-reject")) } " "
                    button type="submit" name="decision" value="note" { (t(lang, "console-programme-save-note")) }
                }
            }
        }
    }
}

/// The ticked applications, the decision, the reason and the note, from the form body.
struct Posted {
    csrf: String,
    ids: Vec<i64>,
    decision: String,
    reason: String,
    note: String,
}

fn parse_posted(body: &[u8]) -> Posted {
    let mut p = Posted { csrf: String::new(), ids: Vec::new(), decision: String::new(), reason: String::new(), note: String::new() };
    for (k, v) in url::form_urlencoded::parse(body) {
        match k.as_ref() {
            "csrf" => p.csrf = v.into_owned(),
            "app" => p.ids.extend(v.parse::<i64>().ok()),
            "decision" => p.decision = v.into_owned(),
            "reason" => p.reason = v.trim().to_string(),
            "note" => p.note = v.trim().to_string(),
            _ => {}
        }
    }
    p
}

async fn decide_form(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, body: Bytes) -> Result<Response, ConsoleError> {
    let form = parse_posted(&body);
    staff.check_csrf(&form.csrf)?;
    let p = visible(&ctx, &staff, &id).await?;
    let by = staff.actor.user_id;
    if form.ids.is_empty() {
        return Ok(Redirect::to(&format!("/dasbor/program/{}?done=none_ticked", p.id)).into_response());
    }
    let decision = match form.decision.as_str() {
        "accept" => Some(Decision::Accept),
        "waitlist" => Some(Decision::Waitlist),
        "reject" if !form.reason.is_empty() => Some(Decision::Reject(form.reason.chars().take(500).collect())),
        "reject" => return Ok(Redirect::to(&format!("/dasbor/program/{}?done=reason_needed", p.id)).into_response()),
        "note" => None,
        _ => return Err(ConsoleError::BadInput),
    };
    let mut outcome = "decided";
    for id in &form.ids {
        let Some(app) = apps::get(&ctx.db, *id).await?.filter(|a| a.programme_id == p.id) else { continue };
        if !form.note.is_empty() {
            apps::set_note(&ctx.db, app.id, &form.note.chars().take(500).collect::<String>(), ctx.now()).await?;
            let detail = format!("programme={} application={} number={}", p.id, app.id, app.number);
            audit::record(&ctx.db, Some(by), "programme.note", &detail, ctx.now()).await?;
        }
        let Some(d) = &decision else { continue };
        match decide::decide(&ctx, &p, app.id, d, by).await {
            Ok(_) => {}
            Err(DecideError::Full) => outcome = "quota_full",
            Err(DecideError::Stale | DecideError::NotFound) => {}
            Err(DecideError::Db(e)) => return Err(e.into()),
        }
    }
    Ok(Redirect::to(&format!("/dasbor/program/{}?done={outcome}", p.id)).into_response())
}
