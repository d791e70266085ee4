//! Recall from the console: "Tarik dari grup" on an announcement's run opens a
//! confirmation page (how many groups, that it cannot be undone), whose CSRF-checked
//! POST calls [`recall_run`] — the action the chat's report uses — and redirects to
//! the report (so a reload cannot recall twice); deleting,
//! marking the run and the audit entry are the same as in Telegram. Who may recall is
//! who may manage the announcement; anyone else gets "not found", like a missing one.

use axum::{Extension, Form};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

use super::{NAV, recallable, render, visible};
use crate::features::announcements::model::{Announcement, AnnouncementId};
use crate::features::announcements::recall::recall_run;
use crate::features::announcements::report::{Standing, per_group};
use crate::features::announcements::runs::{self, Run};
use crate::platform::i18n::{Arg, t, ta};
use crate::web::console::telegram::Telegram;
use crate::web::console::{ConsoleError, Ctx, Staff, layout};

#[derive(Deserialize)]
pub struct Which {
    #[serde(default)]
    run: String,
}

/// The run `raw` names, with its per-group standing; "not found" when missing.
async fn run_of(ctx: &Ctx, ann: &Announcement, raw: &str) -> Result<(Run, Vec<(i64, String, Standing)>), ConsoleError> {
    let n: i64 = raw.trim().parse().map_err(|_| ConsoleError::NotFound)?;
    let run = runs::run(&ctx.db, AnnouncementId(ann.id), n).await?.ok_or(ConsoleError::NotFound)?;
    let groups = per_group(&runs::deliveries(&ctx.db, run.id).await?);
    Ok((run, groups))
}

pub async fn confirm(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Query(which): Query<Which>) -> Result<Response, ConsoleError> {
    let ann = visible(&ctx, &staff, &id).await?;
    let (run, groups) = run_of(&ctx, &ann, &which.run).await?;
    let lang = staff.lang;
    if !recallable(&run, &groups) {
        return render(&ctx, &staff, &ann, &[t(lang, "console-recall-nothing")]).await;
    }
    let sent = groups.iter().filter(|(_, _, s)| *s == Standing::Sent).count() as i64;
    let body = html! {
        section.card {
            p { (ta(lang, "ann-recall-ask", &[("id", Arg::from(ann.id)), ("groups", Arg::from(sent))])) }
            p.body { (ann.content.snippet(200)) }
            form method="post" action={ "/dasbor/pengumuman/" (ann.id) "/tarik" } {
                input type="hidden" name="csrf" value=(staff.session.csrf);
                input type="hidden" name="run" value=(run.n);
                button.danger type="submit" { (t(lang, "console-recall-confirm")) } " "
                a href={ "/dasbor/pengumuman/" (ann.id) } { (t(lang, "console-recall-cancel")) }
            }
        }
    };
    let title = ta(lang, "console-recall-title", &[("id", Arg::from(ann.id))]);
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &title, body)).into_response())
}

#[derive(Deserialize)]
pub struct RecallForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    run: String,
}

pub async fn recall(
    State(ctx): State<Ctx>,
    Extension(telegram): Extension<Telegram>,
    staff: Staff,
    Path(id): Path<String>,
    Form(form): Form<RecallForm>,
) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let ann = visible(&ctx, &staff, &id).await?;
    let (run, groups) = run_of(&ctx, &ann, &form.run).await?;
    // POST, then redirect to the report (GET): a reload shows the outcome again
    // instead of recalling (and auditing) a second time.
    if !recallable(&run, &groups) {
        return Ok(Redirect::to(&format!("/dasbor/pengumuman/{}?nothing=1", ann.id)).into_response());
    }
    let outcome = recall_run(&ctx, telegram.bot()?, staff.actor.user_id, ann.id, &run).await?;
    let to = format!(
        "/dasbor/pengumuman/{}?recalled={}&too_old={}&waiting={}&failed={}",
        ann.id, outcome.deleted, outcome.too_old, outcome.waiting, outcome.failed
    );
    Ok(Redirect::to(&to).into_response())
}

/// What a recall just did, carried in the redirect's query string.
#[derive(Debug, Default, Deserialize)]
pub struct Done {
    recalled: Option<i64>,
    #[serde(default)]
    too_old: i64,
    #[serde(default)]
    waiting: i64,
    #[serde(default)]
    failed: i64,
    #[serde(default)]
    nothing: i64,
}

impl Done {
    /// The flash lines above the report.
    pub fn lines(&self, lang: crate::platform::i18n::Lang) -> Vec<String> {
        if self.nothing != 0 {
            return vec![t(lang, "console-recall-nothing")];
        }
        let Some(deleted) = self.recalled else { return Vec::new() };
        let mut lines = vec![ta(lang, "ann-recalled", &[("groups", Arg::from(deleted))])];
        for (count, key) in [(self.too_old, "ann-recall-too-old"), (self.waiting, "ann-recall-waiting"), (self.failed, "ann-recall-failed")] {
            if count > 0 {
                lines.push(ta(lang, key, &[("groups", Arg::from(count))]));
            }
        }
        lines
    }
}
