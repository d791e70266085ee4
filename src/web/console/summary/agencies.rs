//! *Ringkasan*'s "Kinerja OPD": the agency report's lines for the tickets of the
//! page's KIMs sent to an agency in the period, measured by the aspirations' own
//! [`agencies`](crate::features::aspirations::report::agencies) (the same numbers as
//! the downloaded file).

use maud::{Markup, html};

use super::super::{ConsoleError, Ctx};
use crate::features::aspirations::report::agencies::{self, Line, Request, Scope, Table};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// The lines of the KIMs `kims` for dispositions sent in `[from, to)`.
pub async fn table(ctx: &Ctx, kims: &[i64], (from, to): (i64, i64)) -> Result<Table, ConsoleError> {
    let req = Request { scope: Scope::Kims(kims.to_vec()), from, to, sla: ctx.config.sla.clone(), tz: ctx.config.tz, now: ctx.now() };
    Ok(agencies::gather(&ctx.db, &req).await?)
}

/// One decimal in the reader's decimal sign; "–" when there is nothing to show.
fn num(lang: Lang, x: Option<f64>, suffix: &str) -> String {
    match x {
        None => "–".into(),
        Some(x) => {
            let s = format!("{x:.1}{suffix}");
            if lang == Lang::Id { s.replace('.', ",") } else { s }
        }
    }
}

pub fn card(ctx: &Ctx, lang: Lang, table: &Table) -> Markup {
    let sla = &ctx.config.sla;
    let days = |key: &str, n: u32| ta(lang, key, &[("days", Arg::from(i64::from(n)))]);
    let row = |line: &Line, name: &str| html! {
        tr {
            td { (name) }
            td.num { (line.received) } td.num { (line.in_progress) } td.num { (line.done) } td.num { (line.returned) }
            td.num { (num(lang, line.office.percent(), "%")) } td.num { (num(lang, line.response.percent(), "%")) }
            td.num { (num(lang, line.finish.percent(), "%")) }
            td.num { (num(lang, line.median_response_days(), "")) } td.num { (num(lang, line.median_done_days(), "")) }
            td.num { (num(lang, line.average_rating(), "")) } td.num { (num(lang, line.reopen_percent(), "%")) }
        }
    };
    html! {
        section.card #kinerja-opd {
            h2 { (t(lang, "console-summary-agencies")) }
            @if table.lines.is_empty() { p.empty { (t(lang, "console-summary-agencies-none")) } }
            @else {
                p { small { (t(lang, "console-summary-agencies-note")) } }
                table.counts {
                    thead { tr {
                        th { (t(lang, "rep-opd-col-name")) }
                        th.num { (t(lang, "rep-opd-col-received")) } th.num { (t(lang, "rep-opd-col-in-progress")) }
                        th.num { (t(lang, "rep-opd-col-done")) } th.num { (t(lang, "rep-opd-col-returned")) }
                        th.num { (days("rep-opd-col-office", sla.working_days)) } th.num { (days("rep-opd-col-response", sla.opd_response_days)) }
                        th.num { (days("rep-opd-col-finish", sla.opd_done_days)) }
                        th.num { (t(lang, "rep-opd-col-median-response")) } th.num { (t(lang, "rep-opd-col-median-done")) }
                        th.num { (t(lang, "rep-opd-col-rating")) } th.num { (t(lang, "rep-opd-col-reopen")) }
                    } }
                    tbody {
                        @for line in &table.lines { (row(line, &line.name)) }
                    }
                    @if table.lines.len() > 1 { tfoot { (row(&table.total, &t(lang, "rep-opd-total"))) } }
                }
            }
        }
    }
}
