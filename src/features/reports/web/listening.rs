//! *Unduh* for listening (issue 15): a survey's results — XLSX, CSV and the chart per
//! question, from [`surveys::export`] — for the surveys one may manage (coordinators
//! only the ones they wrote, as in `/laporan`). The same files and audit entries as
//! `/laporan`; a survey one may not see is "not found", like a missing one.

use axum::extract::{Query, State};
use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;

use super::{CSV, XLSX, format_select, slot, stream_file};
use crate::kernel::members::Role;
use crate::platform::export::ExportError;
use crate::features::surveys::model::SurveyId;
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
    let id = SurveyId(form.survey.trim().parse().map_err(|_| ConsoleError::NotFound)?);
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
