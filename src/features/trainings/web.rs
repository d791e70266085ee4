//! *Pelatihan*: trainings this person may manage (as `/peserta`: coordinators their
//! KIM's, staff their area's, admins all), one training with its participants and
//! waitlist, attendance marking once it has started (the store function the chat's
//! buttons use), and the attendance export of `/laporan`. Participants are personal
//! data: the page, the marks and the download are audited. A training outside the
//! scope is "not found", like a missing one.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use maud::{Markup, html};
use serde::Deserialize;

use super::model::{Training, TrainingId};
use super::{render, store};
use crate::platform::export::{ExportError, Progress};
use crate::kernel::members::permissions::{Action, may};
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::web::console::files::{self, CSV, XLSX};
use crate::web::console::{ConsoleError, Ctx, NavEntry, Pages, Staff, layout};
use crate::web::console::Done;

/// *Pelatihan* in the console's navigation.
const NAV: NavEntry = NavEntry { path: "/dasbor/pelatihan", label: "console-nav-trainings", order: 40, shown: NavEntry::everyone };

/// Trainings' console pages.
pub const PAGES: Pages = Pages { routes, nav: &[NAV] };

fn routes() -> Router<Ctx> {
    Router::new()
        .route("/dasbor/pelatihan", get(list))
        .route("/dasbor/pelatihan/{id}", get(page))
        .route("/dasbor/pelatihan/{id}/hadir", post(mark))
        .route("/dasbor/pelatihan/{id}/unduh", get(download))
}

/// How far back the list goes (seconds).
const LIST_DAYS_BACK: i64 = 180 * 86_400;

async fn visible(ctx: &Ctx, staff: &Staff, id: &str) -> Result<Training, ConsoleError> {
    let id: i64 = id.parse().map_err(|_| ConsoleError::NotFound)?;
    let training = store::get(&ctx.db, id).await?.ok_or(ConsoleError::NotFound)?;
    if may(&staff.actor, Action::ManageKim(&training.kim())) { Ok(training) } else { Err(ConsoleError::NotFound) }
}

async fn list(State(ctx): State<Ctx>, staff: Staff) -> Result<Response, ConsoleError> {
    let all = store::since(&ctx.db, ctx.now() - LIST_DAYS_BACK).await?;
    let mine: Vec<Training> = all.into_iter().filter(|tr| may(&staff.actor, Action::ManageKim(&tr.kim()))).collect();
    let lang = staff.lang;
    let tz = ctx.config.tz;
    let now = ctx.now();
    let body = html! {
        @if mine.is_empty() { p.empty { (t(lang, "console-trainings-empty")) } }
        @else {
            table.queue {
                thead { tr {
                    th { (t(lang, "console-training-title")) } th { (t(lang, "console-col-kim")) }
                    th { (t(lang, "console-training-starts")) } th { (t(lang, "console-col-status")) }
                    th { (t(lang, "console-training-seats")) } th { (t(lang, "console-training-waitlist")) }
                } }
                tbody {
                    @for tr in &mine {
                        tr {
                            td { a href={ "/dasbor/pelatihan/" (tr.id) } { (tr.title) } }
                            td data-label=(t(lang, "console-col-kim")) { (tr.kim_name) }
                            td data-label=(t(lang, "console-training-starts")) { (render::moment(lang, tr.starts_at, tr.tz(tz))) }
                            td data-label=(t(lang, "console-col-status")) { (status_label(lang, tr, now)) }
                            td.num data-label=(t(lang, "console-training-seats")) { (tr.registered) " / " (tr.quota) }
                            td.num data-label=(t(lang, "console-training-waitlist")) { (tr.waitlisted) }
                        }
                    }
                }
            }
        }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-trainings-title"), body)).into_response())
}

/// The training's status in words; an open one that has started says registration
/// is over (the chat takes no registration after the start either).
fn status_label(lang: Lang, tr: &Training, now: i64) -> String {
    let code = tr.status().as_str();
    if code == "open" && now >= tr.starts_at {
        return t(lang, "console-training-status-started");
    }
    t(lang, &format!("console-training-status-{code}"))
}

async fn page(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Query(shown): Query<Done>) -> Result<Response, ConsoleError> {
    let tr = visible(&ctx, &staff, &id).await?;
    let people = store::participants(&ctx.db, tr.id).await?;
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.training.view", &format!("training={}", tr.id), ctx.now()).await?;
    let lang = staff.lang;
    let tz = tr.tz(ctx.config.tz);
    let started = ctx.now() >= tr.starts_at;
    let (seated, waiting): (Vec<_>, Vec<_>) = people.into_iter().partition(|p| p.status == "registered");
    let body = html! {
        @if shown.done == "marked" { p.flash role="status" { (t(lang, "console-attendance-saved")) } }
        section.card.facts {
            p { (tr.kim_name) " · " (render::moment(lang, tr.starts_at, tz)) }
            p { (tr.organiser) }
            p { (status_label(lang, &tr, ctx.now())) " · " (tr.registered) " / " (tr.quota) }
            p.body { (tr.description) }
            p {
                a.button href={ "/dasbor/pelatihan/" (tr.id) "/unduh?format=xlsx" } { (t(lang, "console-format-xlsx")) } " "
                a.button href={ "/dasbor/pelatihan/" (tr.id) "/unduh?format=csv" } { (t(lang, "console-format-csv")) }
            }
        }
        section.card {
            h2 { (ta(lang, "console-participants", &[("count", Arg::from(seated.len() as i64))])) }
            @if !started { p.empty { (ta(lang, "training-attendance-not-yet", &[("when", Arg::from(render::moment(lang, tr.starts_at, tz)))])) } }
            @if started && seated.iter().any(|p| p.attended.is_none()) {
                form.inline method="post" action={ "/dasbor/pelatihan/" (tr.id) "/hadir" } {
                    input type="hidden" name="csrf" value=(staff.session.csrf);
                    input type="hidden" name="all" value="1";
                    input type="hidden" name="present" value="1";
                    button.secondary type="submit" { (t(lang, "console-mark-all-present")) }
                }
            }
            (people_table(lang, &staff, &tr, &seated, started))
        }
        section.card {
            h2 { (ta(lang, "console-waitlist", &[("count", Arg::from(waiting.len() as i64))])) }
            (people_table(lang, &staff, &tr, &waiting, false))
        }
        p { a href="/dasbor/pelatihan" { (t(lang, "console-back-to-trainings")) } }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &tr.title, body)).into_response())
}

fn people_table(lang: Lang, staff: &Staff, tr: &Training, people: &[store::Participant], marking: bool) -> Markup {
    html! {
        @if people.is_empty() { p.empty { (t(lang, "console-nobody")) } }
        @else {
            table.counts.people {
                thead { tr {
                    th.num { (t(lang, "console-col-number")) } th { (t(lang, "console-col-name")) } th { (t(lang, "console-col-username")) }
                    th { (t(lang, "console-col-attendance")) }
                    @if marking { th { (t(lang, "console-col-mark")) } }
                } }
                tbody {
                    @for (i, p) in people.iter().enumerate() {
                        tr id={ "p" (p.registration_id) } {
                            td.num { (i + 1) "." }
                            td { (p.first_name.clone().unwrap_or_else(|| p.user_id.to_string())) }
                            td { @if let Some(u) = &p.username { "@" (u) } }
                            td { @match p.attended {
                                Some(1) => (t(lang, "training-mark-present")),
                                Some(_) => (t(lang, "training-mark-absent")),
                                None => @if p.status == "registered" { (t(lang, "training-mark-none")) },
                            } }
                            @if marking {
                                td { (mark_form(lang, staff, tr, p.registration_id, p.attended)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// "Hadir" / "Tidak hadir", the current mark pressed (`aria-pressed`), posting back
/// to this row's anchor so the page does not jump to the top.
fn mark_form(lang: Lang, staff: &Staff, tr: &Training, registration: i64, attended: Option<i64>) -> Markup {
    let pressed = |v: i64| if attended.map(|a| i64::from(a == 1)) == Some(v) { "true" } else { "false" };
    html! {
        form.inline method="post" action={ "/dasbor/pelatihan/" (tr.id) "/hadir" } {
            input type="hidden" name="csrf" value=(staff.session.csrf);
            input type="hidden" name="registration" value=(registration);
            button type="submit" name="present" value="1" aria-pressed=(pressed(1)) { (t(lang, "console-mark-present")) } " "
            button type="submit" name="present" value="0" aria-pressed=(pressed(0)) { (t(lang, "console-mark-absent")) }
        }
    }
}

#[derive(Deserialize)]
pub struct MarkForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    registration: i64,
    #[serde(default)]
    present: String,
    /// "Semua hadir": every seated participant not yet marked, marked present.
    #[serde(default)]
    all: String,
}

async fn mark(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<MarkForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let tr = visible(&ctx, &staff, &id).await?;
    let now = ctx.now();
    if now < tr.starts_at {
        return Err(ConsoleError::BadInput);
    }
    let present = form.present == "1";
    if form.all == "1" {
        let unmarked: Vec<i64> = store::participants(&ctx.db, tr.id)
            .await?
            .into_iter()
            .filter(|p| p.status == "registered" && p.attended.is_none())
            .map(|p| p.registration_id)
            .collect();
        for registration in &unmarked {
            store::mark_attendance(&ctx.db, TrainingId(tr.id), *registration, true, now).await?;
            let detail = format!("training={} registration={registration} present=true", tr.id);
            audit::record(&ctx.db, Some(staff.actor.user_id), "console.attendance", &detail, now).await?;
        }
        return Ok(Redirect::to(&format!("/dasbor/pelatihan/{}?done=marked", tr.id)).into_response());
    }
    if !store::mark_attendance(&ctx.db, TrainingId(tr.id), form.registration, present, now).await? {
        return Err(ConsoleError::NotFound);
    }
    let detail = format!("training={} registration={} present={present}", tr.id, form.registration);
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.attendance", &detail, now).await?;
    // Back to the row just marked, not the top of the page.
    Ok(Redirect::to(&format!("/dasbor/pelatihan/{}?done=marked#p{}", tr.id, form.registration)).into_response())
}

#[derive(Deserialize)]
pub struct Download {
    #[serde(default)]
    format: String,
}

/// The attendance export of `/laporan` (registered, then the waitlist).
async fn download(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Query(q): Query<Download>) -> Result<Response, ConsoleError> {
    let tr = visible(&ctx, &staff, &id).await?;
    let _slot = files::slot(&ctx)?;
    let dir = tempfile::tempdir().map_err(ExportError::from)?;
    let out = super::report::export_attendance(&ctx.db, tr.id, staff.lang, tr.tz(ctx.config.tz), dir.path(), Arc::new(Progress::default())).await?;
    let detail = format!("kind=attendance training={} scope={} rows={} via=console", tr.id, tr.area_path, out.rows);
    audit::record(&ctx.db, Some(staff.actor.user_id), "report.export", &detail, ctx.now()).await?;
    let (path, kind) = if q.format == "csv" { (out.csv, CSV) } else { (out.xlsx, XLSX) };
    files::stream_file(dir, path, kind)
}
