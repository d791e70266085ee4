//! *Unduh* for listening (issue 15): a survey's results — XLSX, CSV and the chart per
//! question, from [`surveys::export`] — for the surveys one may manage (coordinators
//! only the ones they wrote, as in `/laporan`), and the cek fakta report — XLSX and
//! CSV, from [`factchecks::export`] — for a period and an area, for staff and admins.
//! The same files and audit entries as `/laporan`; a survey or area one may not see
//! is "not found", like a missing one.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;

use super::{CSV, PeriodForm, XLSX, allowed, chosen_scope, format_select, period, slot, stream_file};
use crate::kernel::members::Role;
use crate::features::factcheck::report::{self as factchecks, FactSpec};
use crate::platform::export::period::Period;
use crate::platform::export::{ExportError, Progress};
use crate::features::surveys::{export as surveys, listing as manage, store};
use crate::platform::audit;
use crate::platform::i18n::t;
use crate::web::console::{ConsoleError, Ctx, Staff};

/// Surveys offered in the form (newest first), as many as `/laporan` looks through.
const SURVEYS_SHOWN: usize = 50;

/// Coordinators and above may pull the results of the surveys they may manage.
pub(super) fn may_pull_surveys(staff: &Staff) -> bool {
    staff.actor.role() >= Role::Coordinator
}

/// The "Hasil survei" form: a pick of the surveys this person may manage.
pub(super) async fn survey_form(ctx: &Ctx, staff: &Staff) -> Result<Markup, ConsoleError> {
    let lang = staff.lang;
    let list = manage::manageable(&ctx.db, &staff.actor, SURVEYS_SHOWN).await?;
    Ok(html! {
        form.card.filters method="get" action="/dasbor/unduh/survei" {
            h2 { (t(lang, "console-download-surveys")) }
            @if list.is_empty() {
                p.empty { (t(lang, "console-download-surveys-none")) }
            } @else {
                label { (t(lang, "console-download-survey"))
                    select name="survey" { @for s in &list { option value=(s.id) { (manage::label_at(s, ctx.now())) } } }
                }
                (format_select(lang, &["xlsx", "csv", "chart"]))
                button type="submit" { (t(lang, "console-download-button")) }
            }
        }
    })
}

/// The "Cek fakta" form: period and area (the same area pick as the aspirations').
pub(super) fn factcheck_form(staff: &Staff, month: &Period, area_select: &Markup) -> Markup {
    let lang = staff.lang;
    html! {
        form.card.filters method="get" action="/dasbor/unduh/cekfakta" {
            h2 { (t(lang, "console-download-factchecks")) }
            label { (t(lang, "console-filter-from")) input type="date" name="from" value=(month.from) required; }
            label { (t(lang, "console-filter-to")) input type="date" name="to" value=(month.to) required; }
            (area_select)
            (format_select(lang, &["xlsx", "csv"]))
            button type="submit" { (t(lang, "console-download-button")) }
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct SurveyForm {
    #[serde(default)]
    survey: String,
    #[serde(default)]
    format: String,
}

pub async fn survey(State(ctx): State<Ctx>, staff: Staff, Query(form): Query<SurveyForm>) -> Result<Response, ConsoleError> {
    if !may_pull_surveys(&staff) {
        return Err(ConsoleError::Forbidden);
    }
    let id: i64 = form.survey.trim().parse().map_err(|_| ConsoleError::NotFound)?;
    let s = store::get(&ctx.db, id).await?.filter(|s| manage::may_manage(&staff.actor, s)).ok_or(ConsoleError::NotFound)?;
    let scope = s.area_path.clone();
    let _slot = slot(&ctx)?;
    let dir = tempfile::tempdir().map_err(ExportError::from)?;
    let out = surveys::export(&ctx.db, s, staff.lang, ctx.config.tz, dir.path()).await?;
    let detail = format!("kind=survey survey={id} scope={scope} respondents={} via=console", out.respondents);
    audit::record(&ctx.db, Some(staff.actor.user_id), "report.export", &detail, ctx.now()).await?;
    let (path, kind) = match form.format.as_str() {
        "csv" => (out.csv, CSV),
        "chart" => (out.chart, "image/png"),
        _ => (out.xlsx, XLSX),
    };
    stream_file(dir, path, kind)
}

pub async fn factcheck(State(ctx): State<Ctx>, staff: Staff, Query(form): Query<PeriodForm>) -> Result<Response, ConsoleError> {
    allowed(&staff)?;
    let period = period(&form.from, &form.to)?;
    let (area_path, area_label) = chosen_scope(&ctx, &staff, &form.area).await?;
    let _slot = slot(&ctx)?;
    let spec = FactSpec { period, area_path: area_path.clone(), area_label, lang: staff.lang, tz: ctx.config.tz };
    let dir = tempfile::tempdir().map_err(ExportError::from)?;
    let out = factchecks::export(&ctx.db, &spec, dir.path(), Arc::new(Progress::default())).await?;
    let scope = area_path.as_deref().unwrap_or("all");
    let detail = format!("kind=factchecks scope={scope} period={}..{} rows={} via=console", period.from, period.to, out.rows);
    audit::record(&ctx.db, Some(staff.actor.user_id), "report.export", &detail, ctx.now()).await?;
    let (path, kind) = if form.format == "csv" { (out.csv, CSV) } else { (out.xlsx, XLSX) };
    stream_file(dir, path, kind)
}
