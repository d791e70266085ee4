//! One ticket: its text, status history and thread, and for people who may triage it
//! the status-with-note and reply forms. Both actions call the same
//! [`flow`](crate::features::aspirations::flow) functions as `/antrian`, so the
//! resident is told in Telegram and webhooks fire; for a minute after one's own
//! change the page offers "Urungkan" ([`super::undo`]). Opening a ticket is audited.
//!
//! Two columns at desk width: the activity timeline ([`super::timeline`]) on the
//! left, details and actions on the right; one column on a phone. Staff also write
//! internal notes here (never sent) and fill the reply from a canned reply (a select
//! that fills the text with script, "Pakai" without).

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::NAV;
use crate::web::console::{ConsoleError, Ctx, Staff, layout};
use crate::features::aspirations::flow::{self, FlowError, Scoped};
use crate::features::aspirations::model::{Access, NOTE_MAX, REPLY_MAX, Status, check_free_text, local_time};
use crate::features::aspirations::render::{self, Sender};
use crate::features::aspirations::dispose_store as ds;
use crate::features::aspirations::notes::{self, NoteError};
use crate::features::aspirations::store;
use crate::features::aspirations::canned;
use super::timeline;
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// A ticket this person may see; anything else (missing, another area, not a
/// number) is the same "not found".
pub(super) async fn visible(ctx: &Ctx, staff: &Staff, id: &str) -> Result<Scoped, ConsoleError> {
    super::desk::visible(ctx, staff, id).await
}

#[derive(Deserialize, Default)]
pub struct Shown {
    /// What just happened, from a fixed list (`moved`, `replied`, `undone`, `noted`).
    #[serde(default)]
    done: String,
    /// A canned reply to put into the reply form ("Pakai", without script).
    #[serde(default)]
    balasan: Option<i64>,
}

/// What the person typed or chose in a form that was refused, shown again with the
/// error beside the field it concerns (never a second press that moves the ticket).
#[derive(Debug, Default, Clone)]
pub(super) struct Kept {
    /// The status chosen in the move form (empty: "pilih…").
    pub to: String,
    pub move_note: String,
    pub reply: String,
    pub note: String,
    /// The field in error (`to`, `move_note`, `reply`, `note`) and the message key.
    pub error: Option<(&'static str, &'static str)>,
}

impl Kept {
    fn error_for(&self, lang: Lang, field: &str) -> Markup {
        html! {
            @if let Some((f, key)) = self.error.filter(|(f, _)| *f == field) {
                p.field-error role="alert" data-field=(f) { (t(lang, key)) }
            }
        }
    }
}

pub async fn page(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Query(shown): Query<Shown>) -> Result<Response, ConsoleError> {
    let scoped = visible(&ctx, &staff, &id).await?;
    let flash = match shown.done.as_str() {
        "moved" => Some(t(staff.lang, "console-done-moved")),
        "replied" => Some(t(staff.lang, "console-done-replied")),
        "undone" => Some(t(staff.lang, "console-done-undone")),
        "noted" => Some(t(staff.lang, "console-done-noted")),
        _ => None,
    };
    let mut kept = Kept::default();
    if let Some(canned_id) = shown.balasan {
        let offered = canned::for_ticket(&ctx, &scoped).await?;
        if let Some(c) = offered.iter().find(|c| c.id == canned_id) {
            kept.reply = canned::filled(&ctx, &scoped, c).await?;
        }
    }
    render_page(&ctx, &staff, &scoped, flash, kept, StatusCode::OK).await
}

async fn render_page(ctx: &Ctx, staff: &Staff, scoped: &Scoped, flash: Option<String>, kept: Kept, status: StatusCode) -> Result<Response, ConsoleError> {
    let ticket = &scoped.ticket;
    let history = store::history(&ctx.db, ticket.id).await?;
    let thread = store::thread(&ctx.db, ticket.id).await?;
    let notes = notes::of(ctx, scoped).await?;
    let agency = if scoped.access == Access::Triage { ds::events(&ctx.db, ticket.id, None).await? } else { Vec::new() };
    let verdicts = crate::features::aspirations::verdict::store::of_ticket(&ctx.db, ticket.id).await?;
    let sender = flow::sender(ctx, scoped, staff.lang).await?;
    // Photos of an anonymous ticket are hidden from coordinators like its pin.
    let photos = if flow::hides_sender(scoped) { 0 } else { store::photos(&ctx.db, ticket.id).await?.len() };
    let undo = super::undo::offer(ctx, staff, scoped).await?;
    let agency_panel = super::opd::staff_panel(ctx, staff, scoped).await?;
    let round = verdicts.last().cloned();
    let sources = timeline::Sources { history: &history, thread: &thread, notes: &notes, agency: &agency, verdicts: &verdicts };
    let timeline = timeline::timeline(&ctx.db, staff.lang, scoped, &sources).await?;
    let offered = canned::for_ticket(ctx, scoped).await?;
    let mut filled = Vec::with_capacity(offered.len());
    for c in &offered {
        filled.push((c.id, c.title.clone(), canned::filled(ctx, scoped, c).await?));
    }
    let assignment = super::assign::block(ctx, staff, scoped).await?;
    let service_level = super::opd::service_level(ctx, staff.lang, scoped).await?;
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.view", &ticket.number, ctx.now()).await?;
    let lang = staff.lang;
    let error = kept.error.map(|(_, key)| key).filter(|_| kept.error.is_some_and(|(f, _)| f == "top"));
    let body = html! {
        @if let Some(flash) = flash { p.flash role="status" { (flash) } }
        @if let Some(key) = error { p.flash.error role="alert" { (t(lang, key)) } }
        div.ticket-cols {
            div.ticket-main { (timeline) }
            div.ticket-side {
                (undo)
                (facts(ctx, lang, scoped, &sender))
                (service_level)
                (assignment)
                (verdict_card(lang, round.as_ref(), scoped))
                section.card { h2 { (t(lang, "console-ticket-text")) } p.body { (ticket.body) } }
                @if photos > 0 {
                    section.card.photos {
                        h2 { (t(lang, "console-photos")) }
                        @for n in 0..photos {
                            a href={ "/dasbor/aspirasi/" (ticket.id) "/foto/" (n) } target="_blank" {
                                img src={ "/dasbor/aspirasi/" (ticket.id) "/foto/" (n) } alt=(ta(lang, "console-photo-alt", &[("n", Arg::from((n + 1) as i64))])) loading="lazy";
                            }
                        }
                    }
                }
                (agency_panel)
                @if scoped.access == Access::Triage { (actions(lang, staff, scoped, &kept, &filled)) }
                @else { p.flash { (t(lang, "console-ticket-read-only")) } }
                p { a href="/dasbor/aspirasi/kembali" { (t(lang, "console-back-to-queue")) } }
            }
        }
        script src="/dasbor/peta/aset/desk.js" defer {}
    };
    let page = layout::page(staff, NAV.path, &ticket.number, body);
    Ok((status, layout::no_store(), page).into_response())
}

fn facts(ctx: &Ctx, lang: Lang, scoped: &Scoped, sender: &Sender) -> Markup {
    let ticket = &scoped.ticket;
    let from = match sender {
        Sender::Hidden => t(lang, "asp-card-from-hidden"),
        Sender::Known { name, username, anonymous } => {
            let who = username.as_ref().map_or_else(|| name.clone(), |u| format!("{name} (@{u})"));
            ta(lang, if *anonymous { "asp-card-from-anonymous" } else { "asp-card-from" }, &[("name", Arg::from(who))])
        }
    };
    let days = i64::from(ctx.config.sla.working_days);
    html! {
        section.card.facts {
            p { (ta(lang, "asp-card-category", &[("category", Arg::from(render::category(lang, ticket.category)))])) }
            p { (ta(lang, "asp-card-status", &[("status", Arg::from(render::status(lang, ticket.status)))])) }
            @if ticket.status == Status::Diterima { (service_level(ctx, lang, scoped)) }
            @if ticket.overdue_at.is_some() && ticket.status == Status::Diterima {
                p.late { (ta(lang, "asp-card-overdue", &[("days", Arg::from(days))])) }
            }
            @if ticket.reopened_at.is_some() && !ticket.status.is_closed() { p.late { (t(lang, "asp-card-reopened")) } }
            p { (ta(lang, "asp-card-kim", &[("kim", Arg::from(&scoped.kim.name))])) }
            p { (from) }
            p { (ta(lang, "asp-card-sent", &[("time", Arg::from(local_time(ticket.created_at, scoped.tz)))])) }
            @if matches!(sender, Sender::Hidden) {
                p { (t(lang, "asp-card-media-hidden")) }
            } @else if let Some(point) = ticket.location {
                p { a href=(point.map_link()) rel="noreferrer" target="_blank" { (t(lang, "console-map")) } }
            }
        }
    }
}

/// Time left to the first-response service level (or how late it is).
fn service_level(ctx: &Ctx, lang: Lang, scoped: &Scoped) -> Markup {
    let due = ctx.config.sla.deadline(scoped.ticket.created_at, scoped.tz);
    let left = due - ctx.now();
    let span = duration(lang, left.abs());
    let args = [("time", Arg::from(local_time(due, scoped.tz))), ("span", Arg::from(span))];
    html! {
        @if left >= 0 { p.sla { (ta(lang, "console-sla-left", &args)) } }
        @else { p.sla.late { (ta(lang, "console-sla-late", &args)) } }
    }
}

/// `seconds` as days and hours (or minutes when under an hour).
fn duration(lang: Lang, seconds: i64) -> String {
    let (days, hours, minutes) = (seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60);
    let args = [("days", Arg::from(days)), ("hours", Arg::from(hours)), ("minutes", Arg::from(minutes))];
    let key = if days > 0 { "console-span-days" } else if hours > 0 { "console-span-hours" } else { "console-span-minutes" };
    ta(lang, key, &args)
}

/// The resident's verdict on the done ticket (score, comment, or why there is none).
fn verdict_card(lang: Lang, round: Option<&crate::features::aspirations::verdict::Round>, scoped: &Scoped) -> Markup {
    let lines = crate::features::aspirations::verdict::staff_lines(lang, round, scoped.tz);
    html! {
        @if !lines.is_empty() {
            section.card.verdict {
                h2 { (t(lang, "verdict-console-title")) }
                @for line in &lines { p { (line) } }
            }
        }
    }
}

fn actions(lang: Lang, staff: &Staff, scoped: &Scoped, kept: &Kept, canned: &[(i64, String, String)]) -> Markup {
    let ticket = &scoped.ticket;
    let steps = ticket.status.next_steps();
    let id = ticket.id;
    html! {
        @if !steps.is_empty() {
            form.card method="post" action={ "/dasbor/aspirasi/" (id) "/status" } {
                h2 { (t(lang, "console-move-title")) }
                input type="hidden" name="csrf" value=(staff.session.csrf);
                input type="hidden" name="from" value=(ticket.status.as_str());
                label { (t(lang, "console-move-to"))
                    select name="to" required aria-invalid=[kept.error.is_some_and(|(f, _)| f == "to").then_some("true")] {
                        option value="" selected[kept.to.is_empty()] { (t(lang, "console-choose")) }
                        @for s in steps {
                            option value=(s.as_str()) selected[kept.to == s.as_str()] class=[s.is_closed().then_some("closing")] { (render::move_label(lang, s)) }
                        }
                    }
                }
                (kept.error_for(lang, "to"))
                label { (t(lang, "console-move-note")) textarea name="note" rows="3" maxlength=(NOTE_MAX) { (kept.move_note) } }
                (kept.error_for(lang, "move_note"))
                button type="submit" { (t(lang, "console-move-button")) }
            }
        }
        form.card method="post" action={ "/dasbor/aspirasi/" (id) "/balas" } id="balas" {
            h2 { (t(lang, "console-reply-title")) }
            input type="hidden" name="csrf" value=(staff.session.csrf);
            label { (t(lang, "console-reply-text")) textarea name="text" rows="4" maxlength=(REPLY_MAX) required { (kept.reply) } }
            (kept.error_for(lang, "reply"))
            button type="submit" { (t(lang, "console-reply-button")) }
        }
        @if !canned.is_empty() {
            form.card.canned-use method="get" action={ "/dasbor/aspirasi/" (id) } {
                label { (t(lang, "console-canned-pick"))
                    select name="balasan" {
                        @for (cid, title, text) in canned { option value=(cid) data-text=(text) { (title) } }
                    }
                }
                button type="submit" { (t(lang, "console-canned-use")) }
            }
        }
        form.card.note method="post" action={ "/dasbor/aspirasi/" (id) "/catatan" } {
            h2 { span.internal { (t(lang, "console-note-marker")) } }
            p.hint { (t(lang, "console-note-hint")) }
            input type="hidden" name="csrf" value=(staff.session.csrf);
            label { (t(lang, "console-note-text")) textarea name="text" rows="3" maxlength=(notes::MAX) required { (kept.note) } }
            (kept.error_for(lang, "note"))
            button type="submit" { (t(lang, "console-note-button")) }
        }
    }
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    note: String,
}

pub async fn change_status(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<MoveForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let scoped = visible(&ctx, &staff, &id).await?;
    let kept = Kept { to: form.to.clone(), move_note: form.note.clone(), ..Kept::default() };
    let (Some(from), Some(to)) = (Status::parse(&form.from), Status::parse(&form.to)) else {
        let key = if form.to.is_empty() { "console-move-choose" } else { "console-move-bad" };
        return again_kept(&ctx, &staff, &scoped, Kept { error: Some(("to", key)), ..kept }).await;
    };
    let note = Some(form.note.as_str()).filter(|n| !n.trim().is_empty());
    match flow::change_status(&ctx, &staff.actor, &scoped, (from, to), note).await {
        Ok(ticket) => Ok(Redirect::to(&format!("/dasbor/aspirasi/{}?done=moved", ticket.id)).into_response()),
        Err(e) => refused(&ctx, &staff, &scoped, e, kept).await,
    }
}

#[derive(Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
}

pub async fn reply(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<ReplyForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let scoped = visible(&ctx, &staff, &id).await?;
    let kept = Kept { reply: form.text.chars().take(REPLY_MAX * 2).collect(), ..Kept::default() };
    let Ok(text) = check_free_text(&form.text, REPLY_MAX) else {
        return again_kept(&ctx, &staff, &scoped, Kept { error: Some(("reply", "console-reply-bad")), ..kept }).await;
    };
    match flow::reply(&ctx, &staff.actor, &scoped, &text).await {
        Ok(ticket) => Ok(Redirect::to(&format!("/dasbor/aspirasi/{}?done=replied", ticket.id)).into_response()),
        Err(e) => refused(&ctx, &staff, &scoped, e, kept).await,
    }
}

/// An internal note ("Catatan internal"): stored and audited, never sent.
pub async fn note(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<ReplyForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let scoped = visible(&ctx, &staff, &id).await?;
    let kept = Kept { note: form.text.chars().take(notes::MAX * 2).collect(), ..Kept::default() };
    match notes::add(&ctx, &staff.actor, &scoped, &form.text).await {
        Ok(ticket) => Ok(Redirect::to(&format!("/dasbor/aspirasi/{}?done=noted", ticket.id)).into_response()),
        Err(NoteError::Length(_)) => again_kept(&ctx, &staff, &scoped, Kept { error: Some(("note", "console-note-bad")), ..kept }).await,
        Err(NoteError::Flow(e)) => refused(&ctx, &staff, &scoped, e, kept).await,
    }
}

/// The answer to a refused action: read-only people get 403 like in chat; a stale
/// or invalid step shows the ticket again with what is wrong.
async fn refused(ctx: &Ctx, staff: &Staff, scoped: &Scoped, error: FlowError, kept: Kept) -> Result<Response, ConsoleError> {
    use crate::features::aspirations::model::TransitionError as T;
    let field = match error {
        FlowError::Transition(T::NoteRequired | T::NoteTooLong | T::NoteTooShort) => "move_note",
        FlowError::Stale(_) => "top",
        _ if !kept.to.is_empty() => "to",
        _ => "top",
    };
    let key = match error {
        FlowError::NotFound => return Err(ConsoleError::NotFound),
        FlowError::NotAllowed => return Err(ConsoleError::Forbidden),
        FlowError::Db(e) => return Err(e.into()),
        FlowError::Stale(_) => "console-move-stale",
        FlowError::Transition(crate::features::aspirations::model::TransitionError::NoteRequired) => "console-move-note-needed",
        FlowError::Transition(crate::features::aspirations::model::TransitionError::NoteTooLong) => "console-move-note-long",
        FlowError::Transition(crate::features::aspirations::model::TransitionError::NoteTooShort) => "console-move-note-short",
        _ => "console-move-bad",
    };
    // A stale form is not kept: the ticket moved, the choice no longer fits.
    let kept = if field == "top" { Kept { error: Some(("top", key)), ..Kept::default() } } else { Kept { error: Some((field, key)), ..kept } };
    again_kept(ctx, staff, scoped, kept).await
}

/// The ticket again with an error `key` at the top (used by the agency forms).
pub(super) async fn again(ctx: &Ctx, staff: &Staff, scoped: &Scoped, key: &'static str) -> Result<Response, ConsoleError> {
    again_kept(ctx, staff, scoped, Kept { error: Some(("top", key)), ..Kept::default() }).await
}

/// The ticket again, with what was typed and the error beside its field.
pub(super) async fn again_kept(ctx: &Ctx, staff: &Staff, scoped: &Scoped, kept: Kept) -> Result<Response, ConsoleError> {
    let fresh = flow::load(ctx, &staff.actor, scoped.ticket.id).await?.ok_or(ConsoleError::NotFound)?;
    render_page(ctx, staff, &fresh, None, kept, StatusCode::UNPROCESSABLE_ENTITY).await
}
