//! Internal notes on a ticket: what staff tell each other ("called the resident,
//! the road belongs to the province"). A note never reaches the resident: nothing is
//! queued to them, no webhook fires. Only people who may triage the ticket (staff of
//! its area, admins) read or write notes; coordinators and agency officers do not,
//! since a note may speak frankly about the resident or the agency.

use super::desk_store::{self, Note};
use super::flow::{FlowError, Scoped};
use super::model::{Access, NOTE_MAX, check_free_text};
use super::store::Ticket;
use crate::kernel::members::Actor;
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;

/// The longest note (characters), as for a status note.
pub const MAX: usize = NOTE_MAX;

/// Whether the reader may see a ticket's notes.
pub fn readable(scoped: &Scoped) -> bool {
    scoped.access == Access::Triage
}

/// The notes the reader may see (none for coordinators and officers).
pub async fn of(ctx: &AppCtx, scoped: &Scoped) -> DbResult<Vec<Note>> {
    if !readable(scoped) {
        return Ok(Vec::new());
    }
    desk_store::notes(&ctx.db, scoped.ticket.id).await
}

/// Why a note was not stored.
#[derive(Debug, thiserror::Error)]
pub enum NoteError {
    /// Empty or longer than [`MAX`] (the length typed).
    #[error("a note is 1-{MAX} characters, got {0}")]
    Length(usize),
    #[error(transparent)]
    Flow(#[from] FlowError),
}

/// Stores an internal note by `actor` on ticket `id` (audited); nothing is sent.
#[tracing::instrument(skip(ctx, actor, text), fields(actor = actor.user_id.get()))]
pub async fn add(ctx: &AppCtx, actor: &Actor, scoped: &Scoped, text: &str) -> Result<Ticket, NoteError> {
    let text = check_free_text(text, MAX).map_err(NoteError::Length)?;
    let id = scoped.ticket.id;
    if scoped.access == Access::None {
        return Err(FlowError::NotFound.into());
    }
    if !readable(&scoped) {
        return Err(FlowError::NotAllowed.into());
    }
    let now = ctx.now();
    desk_store::add_note(&ctx.db, id, actor.user_id, &text, now).await.map_err(FlowError::from)?;
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.note", &scoped.ticket.number, now).await.map_err(FlowError::from)?;
    Ok(scoped.ticket.clone())
}
