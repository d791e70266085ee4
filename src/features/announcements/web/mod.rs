//! *Pengumuman*: the newest announcements this person may manage (as in chat: the
//! author, the KIM's coordinators, staff covering its area, admins), and one
//! announcement with the delivery report of its latest runs per group — the same
//! per-group reading of the outbox as the chat's report. An announcement outside the
//! scope is "not found", like a missing one. [`recall`]: "Tarik dari grup".

mod recall;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::html;

use super::model::Announcement;
use super::render::{schedule_label, target_label, when};
use super::report::{Standing, per_group, reason, recalled_from};
use super::{runs, store};
use crate::platform::i18n::{Arg, t, ta};
use crate::web::console::{ConsoleError, Ctx, NavEntry, Pages, Staff, layout};

/// *Pengumuman* in the console's navigation.
const NAV: NavEntry = NavEntry { path: "/dasbor/pengumuman", label: "console-nav-announcements", order: 50, shown: NavEntry::everyone };

/// Announcements' console pages.
pub const PAGES: Pages = Pages { routes, nav: &[NAV] };

fn routes() -> Router<Ctx> {
    Router::new()
        .route("/dasbor/pengumuman", get(list))
        .route("/dasbor/pengumuman/{id}", get(page))
        .route("/dasbor/pengumuman/{id}/tarik", get(recall::confirm).post(recall::recall))
}

/// Announcements read for the list (newest first) before the scope filter.
const SCAN: i64 = 500;
/// Shown on the list.
const LIST_MAX: usize = 50;
/// Runs shown with their report on one announcement's page.
const RUNS_SHOWN: i64 = 5;

async fn list(State(ctx): State<Ctx>, staff: Staff) -> Result<Response, ConsoleError> {
    let mine: Vec<Announcement> =
        store::newest(&ctx.db, SCAN).await?.into_iter().filter(|a| a.manageable_by(&staff.actor)).take(LIST_MAX).collect();
    let mut statuses = Vec::with_capacity(mine.len());
    for a in &mine {
        statuses.push(status_label(ctx.as_ref(), staff.lang, a).await?);
    }
    let lang = staff.lang;
    let body = html! {
        @if mine.is_empty() { p.empty { (t(lang, "console-announcements-empty")) } }
        @else {
            table.queue {
                thead { tr {
                    th { "#" } th { (t(lang, "console-announcement-text")) } th { (t(lang, "console-announcement-target")) }
                    th { (t(lang, "console-announcement-schedule")) } th { (t(lang, "console-col-status")) }
                    th { (t(lang, "console-announcement-last")) }
                } }
                tbody {
                    @for (a, status) in mine.iter().zip(&statuses) {
                        tr {
                            td { a href={ "/dasbor/pengumuman/" (a.id) } { (a.id) } }
                            td.text { a href={ "/dasbor/pengumuman/" (a.id) } { (a.content.snippet(100)) } }
                            td { (target_label(lang, &a.target, &a.target_name)) }
                            td { (schedule_label(lang, a)) }
                            td { (status) }
                            td { @if let Some(at) = a.last_run_at { (when(lang, at, a.tz)) } }
                        }
                    }
                }
            }
        }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-announcements-title"), body)).into_response())
}

/// An announcement this person may manage; anything else is the same "not found".
pub(super) async fn visible(ctx: &Ctx, staff: &Staff, id: &str) -> Result<Announcement, ConsoleError> {
    let id: i64 = id.parse().map_err(|_| ConsoleError::NotFound)?;
    let ann = store::get(&ctx.db, id).await?.ok_or(ConsoleError::NotFound)?;
    if ann.manageable_by(&staff.actor) { Ok(ann) } else { Err(ConsoleError::NotFound) }
}

async fn page(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Query(done): Query<recall::Done>) -> Result<Response, ConsoleError> {
    let ann = visible(&ctx, &staff, &id).await?;
    render(&ctx, &staff, &ann, &done.lines(staff.lang)).await
}

/// The announcement with the report of its latest runs, and `flash` lines above
/// (what a recall just did).
pub(super) async fn render(ctx: &Ctx, staff: &Staff, ann: &Announcement, flash: &[String]) -> Result<Response, ConsoleError> {
    let lang = staff.lang;
    let mut reports = Vec::new();
    for run in runs::runs_of(&ctx.db, ann.id, RUNS_SHOWN).await? {
        let rows = runs::deliveries(&ctx.db, run.id).await?;
        let recalled = recalled_from(&rows, run.recalled_at);
        let groups = per_group(&rows);
        let reactions = crate::platform::delivery::reactions::total_for_source(&ctx.db, &ann.source(run.n)).await?;
        reports.push((run, groups, reactions, recalled));
    }
    let status = status_label(ctx.as_ref(), lang, ann).await?;
    let body = html! {
        @if !flash.is_empty() { div.flash role="status" { @for line in flash { p { (line) } } } }
        section.card.facts {
            p { (target_label(lang, &ann.target, &ann.target_name)) }
            p { (schedule_label(lang, ann)) " · " (status) }
            p.body { (ann.content.text) }
        }
        @if reports.is_empty() { p.empty { (t(lang, "console-announcement-no-runs")) } }
        @for (run, groups, reactions, recalled) in &reports {
            section.card {
                h2 { (ta(lang, "console-announcement-run", &[("n", Arg::from(run.n)), ("when", Arg::from(when(lang, run.fired_at, ann.tz)))])) }
                @if run.recalled_at.is_some() { p.late { (t(lang, "console-announcement-recalled")) } }
                @let count = |f: fn(&Standing) -> bool| Arg::from(groups.iter().filter(|(_, _, s)| f(s)).count() as i64);
                @if recallable(run, groups) {
                    p { a.button.danger href={ "/dasbor/pengumuman/" (ann.id) "/tarik?run=" (run.n) } { (t(lang, "console-recall-button")) } }
                }
                p { (ta(lang, "ann-report-totals", &[
                    ("sent", Arg::from(groups.iter().filter(|(chat, _, s)| *s == Standing::Sent && !recalled.contains(chat)).count() as i64)),
                    ("failed", count(|s| matches!(s, Standing::Failed(_)))),
                    ("waiting", count(|s| *s == Standing::Waiting)),
                ])) @if !recalled.is_empty() { " · " (ta(lang, "console-delivery-recalled-count", &[("groups", Arg::from(recalled.len() as i64))])) } }
                p.reactions { (ta(lang, "ann-report-reactions", &[("count", Arg::from(*reactions))])) }
                @if groups.is_empty() { p.empty { (t(lang, "ann-report-no-groups")) } }
                @else {
                    table.counts {
                        thead { tr { th { (t(lang, "console-delivery-group")) } th { (t(lang, "console-col-status")) } } }
                        tbody {
                        @for (chat, title, standing) in groups {
                            tr {
                                td { (title) }
                                @match standing {
                                    Standing::Sent if recalled.contains(chat) => td { (t(lang, "console-delivery-recalled")) },
                                    Standing::Sent => td { (t(lang, "console-delivery-sent")) },
                                    Standing::Waiting => td { (t(lang, "console-delivery-waiting")) },
                                    Standing::Failed(e) => td.late { (ta(lang, "console-delivery-failed", &[("reason", Arg::from(reason(lang, e)))])) },
                                }
                            }
                        }
                    } }
                }
            }
        }
        p { a href="/dasbor/pengumuman" { (t(lang, "console-back-to-announcements")) } }
    };
    let title = ta(lang, "console-announcement-title", &[("id", Arg::from(ann.id))]);
    Ok((layout::no_store(), layout::page(staff, NAV.path, &title, body)).into_response())
}

/// The announcement's status in words; "Ditarik" once its latest run was recalled
/// (a finished one-off announcement is otherwise "Selesai", which a recall is not).
pub(crate) async fn status_label(ctx: &crate::platform::ctx::AppCtx, lang: crate::platform::i18n::Lang, ann: &Announcement) -> Result<String, ConsoleError> {
    let latest = runs::runs_of(&ctx.db, ann.id, 1).await?;
    if latest.first().is_some_and(|run| run.recalled_at.is_some()) {
        return Ok(t(lang, "console-announcement-status-recalled"));
    }
    Ok(t(lang, &format!("console-announcement-status-{}", ann.status.as_str())))
}

/// Whether a run has messages a recall could still act on: sent ones not yet
/// recalled, or ones still waiting (a second recall catches them once sent).
pub(super) fn recallable(run: &runs::Run, groups: &[(i64, String, Standing)]) -> bool {
    let has = |f: fn(&Standing) -> bool| groups.iter().any(|(_, _, s)| f(s));
    (run.recalled_at.is_none() && has(|s| *s == Standing::Sent)) || has(|s| *s == Standing::Waiting)
}
