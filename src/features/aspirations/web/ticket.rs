//! One ticket: its text, status history and thread, and for people who may triage it
//! the status-with-note and reply forms. Both actions call the same
//! [`flow`](crate::features::aspirations::flow) functions as `/antrian`, so the
//! resident is told in Telegram and webhooks fire; for a minute after one's own
//! change the page offers "Urungkan" ([`super::undo`]). Opening a ticket is audited.

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
use crate::features::aspirations::store::{self, StatusChange, ThreadMessage};
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// A ticket this person may see; anything else (missing, another area, not a
/// number) is the same "not found".
pub(super) async fn visible(ctx: &Ctx, staff: &Staff, id: &str) -> Result<Scoped, ConsoleError> {
    let id: i64 = id.parse().map_err(|_| ConsoleError::NotFound)?;
    let scoped = flow::load(ctx, &staff.actor, id).await?.ok_or(ConsoleError::NotFound)?;
    if scoped.access == Access::None {
        return Err(ConsoleError::NotFound);
    }
    Ok(scoped)
}

#[derive(Deserialize, Default)]
pub struct Shown {
    /// What just happened, from a fixed list (`moved`, `replied`, `undone`).
    #[serde(default)]
    done: String,
}

pub async fn page(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Query(shown): Query<Shown>) -> Result<Response, ConsoleError> {
    let scoped = visible(&ctx, &staff, &id).await?;
    let flash = match shown.done.as_str() {
        "moved" => Some(t(staff.lang, "console-done-moved")),
        "replied" => Some(t(staff.lang, "console-done-replied")),
        "undone" => Some(t(staff.lang, "console-done-undone")),
        _ => None,
    };
    render_page(&ctx, &staff, &scoped, flash, StatusCode::OK).await
}

async fn render_page(ctx: &Ctx, staff: &Staff, scoped: &Scoped, flash: Option<String>, status: StatusCode) -> Result<Response, ConsoleError> {
    let ticket = &scoped.ticket;
    let history = store::history(&ctx.db, ticket.id).await?;
    let thread = store::thread(&ctx.db, ticket.id).await?;
    let sender = flow::sender(ctx, scoped, staff.lang).await?;
    // Photos of an anonymous ticket are hidden from coordinators like its pin.
    let photos = if flow::hides_sender(scoped) { 0 } else { store::photos(&ctx.db, ticket.id).await?.len() };
    let undo = super::undo::offer(ctx, staff, scoped).await?;
    let agency_panel = super::opd::staff_panel(ctx, staff, scoped).await?;
    let round = crate::features::aspirations::verdict::store::latest(&ctx.db, ticket.id).await?;
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.view", &ticket.number, ctx.now()).await?;
    let lang = staff.lang;
    let body = html! {
        @if let Some(flash) = flash { p.flash role="status" { (flash) } }
        (undo)
        (facts(ctx, lang, scoped, &sender))
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
        (history_list(lang, &history, scoped))
        (thread_list(lang, &thread, scoped))
        (agency_panel)
        @if scoped.access == Access::Triage { (actions(lang, staff, scoped)) }
        @else { p.flash { (t(lang, "console-ticket-read-only")) } }
        p { a href="/dasbor/aspirasi" { (t(lang, "console-back-to-queue")) } }
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

fn history_list(lang: Lang, history: &[StatusChange], scoped: &Scoped) -> Markup {
    html! {
        section.card {
            h2 { (t(lang, "console-history")) }
            ol.history {
                @for c in history {
                    li {
                        time { (local_time(c.at, scoped.tz)) } " · " strong { (render::status(lang, c.to)) }
                        @if c.undo { " " em { (t(lang, "console-history-undo")) } }
                        @if let Some(note) = &c.note { p.body { (note) } }
                    }
                }
            }
        }
    }
}

fn thread_list(lang: Lang, thread: &[ThreadMessage], scoped: &Scoped) -> Markup {
    html! {
        section.card {
            h2 { (t(lang, "console-thread")) }
            @if thread.is_empty() { p.empty { (t(lang, "console-thread-empty")) } }
            ul.thread {
                @for m in thread {
                    li.reply[m.is_reply] {
                        time { (local_time(m.at, scoped.tz)) } " · "
                        strong { (t(lang, if m.is_reply { "console-thread-staff" } else { "console-thread-resident" })) }
                        p.body { (m.body) }
                    }
                }
            }
        }
    }
}

fn actions(lang: Lang, staff: &Staff, scoped: &Scoped) -> Markup {
    let ticket = &scoped.ticket;
    let steps = ticket.status.next_steps();
    html! {
        @if !steps.is_empty() {
            form.card method="post" action={ "/dasbor/aspirasi/" (ticket.id) "/status" } {
                h2 { (t(lang, "console-move-title")) }
                input type="hidden" name="csrf" value=(staff.session.csrf);
                input type="hidden" name="from" value=(ticket.status.as_str());
                label { (t(lang, "console-move-to"))
                    select name="to" { @for s in steps { option value=(s.as_str()) { (render::move_label(lang, s)) } } }
                }
                label { (t(lang, "console-move-note")) textarea name="note" rows="3" maxlength=(NOTE_MAX) {} }
                button type="submit" { (t(lang, "console-move-button")) }
            }
        }
        form.card method="post" action={ "/dasbor/aspirasi/" (ticket.id) "/balas" } {
            h2 { (t(lang, "console-reply-title")) }
            input type="hidden" name="csrf" value=(staff.session.csrf);
            label { (t(lang, "console-reply-text")) textarea name="text" rows="4" maxlength=(REPLY_MAX) required {} }
            button type="submit" { (t(lang, "console-reply-button")) }
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
    let (Some(from), Some(to)) = (Status::parse(&form.from), Status::parse(&form.to)) else {
        return again(&ctx, &staff, &scoped, "console-move-bad").await;
    };
    let note = Some(form.note.as_str()).filter(|n| !n.trim().is_empty());
    match flow::change_status(&ctx, &staff.actor, scoped.ticket.id, (from, to), note).await {
        Ok(ticket) => Ok(Redirect::to(&format!("/dasbor/aspirasi/{}?done=moved", ticket.id)).into_response()),
        Err(e) => refused(&ctx, &staff, &scoped, e).await,
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
    let Ok(text) = check_free_text(&form.text, REPLY_MAX) else {
        return again(&ctx, &staff, &scoped, "console-reply-bad").await;
    };
    match flow::reply(&ctx, &staff.actor, scoped.ticket.id, &text).await {
        Ok(ticket) => Ok(Redirect::to(&format!("/dasbor/aspirasi/{}?done=replied", ticket.id)).into_response()),
        Err(e) => refused(&ctx, &staff, &scoped, e).await,
    }
}

/// The answer to a refused action: read-only people get 403 like in chat; a stale
/// or invalid step shows the ticket again with what is wrong.
async fn refused(ctx: &Ctx, staff: &Staff, scoped: &Scoped, error: FlowError) -> Result<Response, ConsoleError> {
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
    again(ctx, staff, scoped, key).await
}

pub(super) async fn again(ctx: &Ctx, staff: &Staff, scoped: &Scoped, key: &str) -> Result<Response, ConsoleError> {
    let fresh = flow::load(ctx, &staff.actor, scoped.ticket.id).await?.ok_or(ConsoleError::NotFound)?;
    render_page(ctx, staff, &fresh, Some(t(staff.lang, key)), StatusCode::UNPROCESSABLE_ENTITY).await
}
