//! Importing a CSV of areas and KIMs (*KIM & wilayah*) or of agencies (*OPD & rute*)
//! from the page, admins only: the upload is kept server-side under a random token
//! ([`uploads`]) and redirects to a preview of every row — new, changed, unchanged
//! or wrong (why) — written nowhere; "Impor" then applies exactly that file, once,
//! with the same kernel import as `kimbot areas import` / `kimbot opd import`, and
//! the page shows the report of each row (again on reload). Cells are data.

use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::kernel::members::preview::{RowPreview, RowWhat, importable};
use crate::kernel::members::{agencies, areas, uploads};
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};
use super::{ConsoleError, Ctx, Staff, layout};

/// The largest file taken (a city's areas or agencies are a few kilobytes).
const MAX_BYTES: usize = 512 * 1024;

/// What a file holds: which page it belongs to and which import it goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Areas,
    Agencies,
}

impl Kind {
    fn parse(code: &str) -> Option<Kind> {
        match code {
            "areas" => Some(Kind::Areas),
            "agencies" => Some(Kind::Agencies),
            _ => None,
        }
    }
    fn code(self) -> &'static str {
        match self {
            Kind::Areas => "areas",
            Kind::Agencies => "agencies",
        }
    }
    /// The page the import is started from (and its nav entry).
    fn page(self) -> (&'static str, &'static str) {
        match self {
            Kind::Areas => (super::kims::NAV.path, "console-nav-kims"),
            Kind::Agencies => ("/dasbor/dinas", "console-nav-agencies"),
        }
    }
    fn columns_key(self) -> &'static str {
        match self {
            Kind::Areas => "console-import-areas-columns",
            Kind::Agencies => "console-import-agencies-columns",
        }
    }
}

/// The upload form, for the page of `kind` (`areas` or `agencies`).
pub fn upload_form(lang: Lang, staff: &Staff, kind: &str) -> Markup {
    let columns = Kind::parse(kind).map(Kind::columns_key);
    html! {
        form.card method="post" action="/dasbor/impor" enctype="multipart/form-data" {
            h2 { (t(lang, "console-import-upload")) }
            @if let Some(key) = columns { p { (t(lang, key)) } }
            input type="hidden" name="csrf" value=(staff.session.csrf);
            input type="hidden" name="kind" value=(kind);
            label { (t(lang, "console-import-file")) input type="file" name="file" accept=".csv,text/csv" required; }
            button type="submit" { (t(lang, "console-import-preview-button")) }
        }
    }
}

/// Keeps the uploaded file and redirects to its preview.
pub async fn upload(State(ctx): State<Ctx>, staff: Staff, mut form: Multipart) -> Result<Response, ConsoleError> {
    if !staff.actor.is_admin {
        return Err(ConsoleError::Forbidden);
    }
    let (mut csrf, mut kind, mut file) = (String::new(), String::new(), Vec::new());
    while let Some(field) = form.next_field().await.map_err(|_| ConsoleError::BadInput)? {
        let name = field.name().unwrap_or_default().to_string();
        let bytes = field.bytes().await.map_err(|_| ConsoleError::BadInput)?;
        match name.as_str() {
            "csrf" => csrf = String::from_utf8_lossy(&bytes).into_owned(),
            "kind" => kind = String::from_utf8_lossy(&bytes).into_owned(),
            "file" if bytes.len() <= MAX_BYTES => file = bytes.to_vec(),
            "file" => return Err(ConsoleError::BadInput),
            _ => {}
        }
    }
    staff.check_csrf(&csrf)?;
    let kind = Kind::parse(kind.trim()).ok_or(ConsoleError::BadInput)?;
    let text = String::from_utf8(file).map_err(|_| ConsoleError::BadInput)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let token = uploads::save(&ctx.db, kind.code(), text, ctx.now()).await?;
    Ok(Redirect::to(&format!("/dasbor/impor/{token}")).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct Shown {
    #[serde(default)]
    failed: String,
}

/// The preview of an upload, or the report of its import.
pub async fn show(State(ctx): State<Ctx>, staff: Staff, Path(token): Path<String>, Query(shown): Query<Shown>) -> Result<Response, ConsoleError> {
    if !staff.actor.is_admin {
        return Err(ConsoleError::Forbidden);
    }
    let upload = uploads::get(&ctx.db, &token, ctx.now()).await?.ok_or(ConsoleError::NotFound)?;
    let kind = Kind::parse(&upload.kind).ok_or(ConsoleError::NotFound)?;
    let lang = staff.lang;
    let (back, back_label) = kind.page();
    let body = match &upload.report {
        Some(report) => html! {
            p.flash role="status" { (ta(lang, "console-import-done", &[("count", Arg::from(report.len() as i64))])) }
            (rows_table(lang, report))
        },
        None => {
            let rows = preview(&ctx, kind, &upload.body).await?;
            html! {
                @if !shown.failed.is_empty() { p.flash.late role="alert" { (t(lang, "console-import-failed")) } }
                @if importable(&rows) {
                    p { (t(lang, "console-import-nothing-written")) }
                    form method="post" action={ "/dasbor/impor/" (upload.token) } {
                        input type="hidden" name="csrf" value=(staff.session.csrf);
                        button type="submit" { (t(lang, "console-import-apply")) }
                    }
                } @else {
                    p.flash.late role="alert" { (t(lang, "console-import-fix")) }
                }
                (rows_table(lang, &rows))
            }
        }
    };
    let body = html! { (body) p { a href=(back) { "← " (t(lang, back_label)) } } };
    Ok((layout::no_store(), layout::page(&staff, back, &t(lang, "console-import-title"), body)).into_response())
}

async fn preview(ctx: &Ctx, kind: Kind, body: &str) -> Result<Vec<RowPreview>, ConsoleError> {
    Ok(match kind {
        Kind::Areas => areas::preview_csv(&ctx.db, body.as_bytes()).await?,
        Kind::Agencies => agencies::preview_csv(&ctx.db, body.as_bytes()).await?,
    })
}

fn rows_table(lang: Lang, rows: &[RowPreview]) -> Markup {
    html! {
        table.counts {
            thead { tr { th.num { (t(lang, "console-import-line")) } th { (t(lang, "console-import-cells")) } th { (t(lang, "console-import-what")) } } }
            tbody { @for r in rows {
                tr {
                    td.num { (r.line) }
                    td { (r.cells.join(" · ")) }
                    td { @match &r.what {
                        RowWhat::New => (t(lang, "console-import-new")),
                        RowWhat::Changed => (t(lang, "console-import-changed")),
                        RowWhat::Unchanged => (t(lang, "console-import-unchanged")),
                        RowWhat::Error(problem) => strong { (t(lang, problem.key())) },
                    } }
                }
            } }
        }
    }
}

#[derive(Deserialize)]
pub struct ApplyForm {
    #[serde(default)]
    csrf: String,
}

/// Imports exactly the previewed file, once: a second press (or a reload of the
/// POST) finds it claimed and just shows the report.
pub async fn apply(State(ctx): State<Ctx>, staff: Staff, Path(token): Path<String>, Form(form): Form<ApplyForm>) -> Result<Response, ConsoleError> {
    staff.check_admin_form(&form.csrf)?;
    let now = ctx.now();
    let upload = uploads::get(&ctx.db, &token, now).await?.ok_or(ConsoleError::NotFound)?;
    let kind = Kind::parse(&upload.kind).ok_or(ConsoleError::NotFound)?;
    let to = format!("/dasbor/impor/{}", upload.token);
    if !uploads::claim(&ctx.db, &upload.token, now).await? {
        return Ok(Redirect::to(&to).into_response());
    }
    let rows = preview(&ctx, kind, &upload.body).await?;
    let done = if importable(&rows) {
        match kind {
            Kind::Areas => areas::import_csv(&ctx.db, upload.body.as_bytes()).await.map(|s| s.rows).map_err(|e| e.to_string()),
            Kind::Agencies => agencies::import_csv(&ctx.db, upload.body.as_bytes(), now).await.map_err(|e| e.to_string()),
        }
    } else {
        Err("rows in error".to_string())
    };
    match done {
        Ok(n) => {
            let action = match kind {
                Kind::Areas => "area.import",
                Kind::Agencies => "agency.import",
            };
            audit::record(&ctx.db, Some(staff.actor.user_id), action, &format!("rows={n} via=console"), now).await?;
            uploads::finish(&ctx.db, &upload.token, Some(&rows)).await?;
            Ok(Redirect::to(&to).into_response())
        }
        Err(reason) => {
            tracing::warn!(kind = kind.code(), %reason, "console import refused");
            uploads::finish(&ctx.db, &upload.token, None).await?;
            Ok(Redirect::to(&format!("{to}?failed=1")).into_response())
        }
    }
}
