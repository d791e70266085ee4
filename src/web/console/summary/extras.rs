//! The parts of *Ringkasan* beside aspirations: the UMKM registry by sector and need,
//! upcoming trainings with how full they are, and the latest announcements with how
//! many groups got them — each within the KIMs (or area) the page covers.

use maud::{Markup, html};


use super::super::{Ctx, Staff};
use crate::features::announcements::model::Announcement;
use crate::features::announcements::render::when;
use crate::features::announcements::report::{Standing, per_group, recalled_from};
use crate::features::announcements::{runs, store as announcements};
use crate::kernel::members::covers;
use crate::kernel::members::permissions::{Action, may};
use crate::features::trainings::model::{Status as TrainingStatus, Training};
use crate::features::trainings::{render as training_render, store as trainings};
use crate::features::umkm::tally::UmkmCounts;
use crate::platform::db::DbResult;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// Upcoming trainings shown.
const TRAININGS_SHOWN: usize = 8;
/// Latest announcements shown, read from this many newest.
const ANNOUNCEMENTS_SHOWN: usize = 5;
const ANNOUNCEMENTS_SCAN: i64 = 500;

pub fn umkm_card(lang: Lang, counts: &UmkmCounts) -> Markup {
    let table = |title: String, rows: Vec<(String, i64)>| html! {
        div {
            h3 { (title) }
            table.counts { tbody { @for (k, n) in rows { tr { td { (k) } td.num { (n) } } } } }
        }
    };
    html! {
        section.card {
            h2 { (ta(lang, "console-summary-umkm", &[("count", Arg::from(counts.total))])) }
            @if counts.total == 0 { p.empty { (t(lang, "console-summary-umkm-none")) } }
            @else {
                div.columns {
                    (table(t(lang, "rep-umkm-sector"), counts.by_sector.iter().map(|(s, n)| (t(lang, s.key()), *n)).collect()))
                    (table(t(lang, "rep-umkm-needs"), counts.by_need.iter().filter(|(_, n)| *n > 0).map(|(s, n)| (t(lang, s.key()), *n)).collect()))
                }
            }
        }
    }
}

/// The soonest trainings not yet started in `kims` that this person may manage.
pub async fn upcoming_trainings(ctx: &Ctx, staff: &Staff, kims: &[i64]) -> DbResult<Vec<Training>> {
    let mut soon: Vec<Training> = trainings::since(&ctx.db, ctx.now() + 1)
        .await?
        .into_iter()
        .filter(|tr| tr.status() != TrainingStatus::Cancelled && kims.contains(&tr.kim_id.get()) && may(&staff.actor, Action::ManageKim(&tr.kim())))
        .collect();
    soon.sort_by_key(|tr| (tr.starts_at, tr.id));
    soon.truncate(TRAININGS_SHOWN);
    Ok(soon)
}

pub fn trainings_card(lang: Lang, list: &[Training], tz: chrono_tz::Tz) -> Markup {
    html! {
        section.card {
            h2 { (t(lang, "console-summary-trainings")) }
            @if list.is_empty() { p.empty { (t(lang, "console-summary-trainings-none")) } }
            @else {
                table.counts { tbody {
                    @for tr in list {
                        @let percent = if tr.quota > 0 { tr.registered * 100 / tr.quota } else { 0 };
                        tr {
                            td { a href={ "/dasbor/pelatihan/" (tr.id) } { (tr.title) } br; small { (tr.kim_name) " · " (training_render::moment(lang, tr.starts_at, tr.tz(tz))) } }
                            td.num { (tr.registered) " / " (tr.quota) }
                            td.fill { meter min="0" max=(tr.quota.max(1)) value=(tr.registered.min(tr.quota.max(1))) {} " " (percent) "%" }
                        }
                    }
                } }
            }
        }
    }
}

/// How the last run of an announcement went, per group.
#[derive(Debug, Clone, Copy)]
pub struct Last {
    pub sent: i64,
    pub failed: i64,
    pub waiting: i64,
    /// Sent, then taken back by a recall.
    pub recalled: i64,
}

/// The newest announcements this person may manage that reach the chosen area
/// (or cover it), with the tally of their last run.
pub async fn latest_announcements(ctx: &Ctx, staff: &Staff, area: Option<&str>) -> DbResult<Vec<(Announcement, Option<Last>)>> {
    let overlaps = |a: &Announcement| area.is_none_or(|p| covers(p, &a.area_path) || covers(&a.area_path, p));
    let mine: Vec<Announcement> = announcements::newest(&ctx.db, ANNOUNCEMENTS_SCAN)
        .await?
        .into_iter()
        .filter(|a| a.manageable_by(&staff.actor) && overlaps(a))
        .take(ANNOUNCEMENTS_SHOWN)
        .collect();
    let mut out = Vec::with_capacity(mine.len());
    for ann in mine {
        let last = match runs::runs_of(&ctx.db, ann.id, 1).await?.first() {
            Some(run) => {
                let rows = runs::deliveries(&ctx.db, run.id).await?;
                // A recalled copy is no longer "sent": counted apart.
                let recalled = recalled_from(&rows, run.recalled_at);
                let groups = per_group(&rows);
                let count = |f: fn(&Standing) -> bool| groups.iter().filter(|(_, _, s)| f(s)).count() as i64;
                let sent = groups.iter().filter(|(chat, _, s)| *s == Standing::Sent && !recalled.contains(chat)).count() as i64;
                Some(Last { sent, failed: count(|s| matches!(s, Standing::Failed(_))), waiting: count(|s| *s == Standing::Waiting), recalled: recalled.len() as i64 })
            }
            None => None,
        };
        out.push((ann, last));
    }
    Ok(out)
}

pub fn announcements_card(lang: Lang, list: &[(Announcement, Option<Last>)]) -> Markup {
    html! {
        section.card {
            h2 { (t(lang, "console-summary-announcements")) }
            @if list.is_empty() { p.empty { (t(lang, "console-announcements-empty")) } }
            @else {
                table.counts { tbody {
                    @for (a, last) in list {
                        tr {
                            td.text { a href={ "/dasbor/pengumuman/" (a.id) } { (a.content.snippet(80)) } }
                            td { @if let Some(at) = a.last_run_at { (when(lang, at, a.tz)) } }
                            @match last {
                                Some(last) => td {
                                    (ta(lang, "ann-report-totals", &[("sent", Arg::from(last.sent)), ("failed", Arg::from(last.failed)), ("waiting", Arg::from(last.waiting))]))
                                    @if last.recalled > 0 { " · " (ta(lang, "console-delivery-recalled-count", &[("groups", Arg::from(last.recalled))])) }
                                },
                                None => td.empty { (t(lang, "console-announcement-no-runs")) },
                            }
                        }
                    }
                } }
            }
        }
    }
}
