//! "↩️ Urungkan": staff take back their own last status change within a minute, for
//! a wrong button on a small screen. The undo is a change of its own (history row,
//! resident notice, webhook), outside [`check_move`](super::check_move) because it
//! goes backwards.

use super::Status;
use crate::kernel::members::UserId;

/// How long after a change its undo button works, in seconds.
pub const UNDO_SECS: i64 = 60;

/// The newest history row of a ticket, as the undo rule needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastChange {
    pub log_id: i64,
    /// `None` for the submission itself.
    pub from: Option<Status>,
    pub to: Status,
    pub actor: i64,
    pub at: i64,
    /// Set when this row is itself an undo.
    pub undoes: Option<i64>,
}

/// Why an undo press does nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UndoError {
    /// Another change came after it (or it was undone already).
    #[error("the ticket changed since")]
    Superseded,
    #[error("the minute to undo has passed")]
    Expired,
    /// Only the person who made the change may take it back, and a submission or an
    /// undo cannot be undone.
    #[error("this change cannot be undone by this person")]
    NotUndoable,
}

/// Whether `actor` may undo history row `log_id` at `now`, given the ticket's newest
/// row `last`; gives the move that undoes it (`to → from`).
pub fn check_undo(last: &LastChange, log_id: i64, actor: UserId, now: i64) -> Result<(Status, Status), UndoError> {
    if last.log_id != log_id {
        return Err(UndoError::Superseded);
    }
    let Some(from) = last.from.filter(|_| last.undoes.is_none() && last.actor == actor.get()) else {
        return Err(UndoError::NotUndoable);
    };
    if now - last.at > UNDO_SECS || now < last.at {
        return Err(UndoError::Expired);
    }
    Ok((last.to, from))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STAFF: i64 = 7;

    fn forwarded(at: i64) -> LastChange {
        LastChange { log_id: 3, from: Some(Status::Diterima), to: Status::Diteruskan, actor: STAFF, at, undoes: None }
    }

    #[test]
    fn the_author_undoes_the_newest_change_within_the_minute() {
        assert_eq!(check_undo(&forwarded(100), 3, UserId(STAFF), 160), Ok((Status::Diteruskan, Status::Diterima)));
    }

    #[test]
    fn late_superseded_foreign_and_second_undos_are_refused() {
        let cases = [
            (forwarded(100), 3, STAFF, 161, UndoError::Expired),
            (forwarded(100), 2, STAFF, 110, UndoError::Superseded),
            (forwarded(100), 3, STAFF + 1, 110, UndoError::NotUndoable),
            (LastChange { from: None, ..forwarded(100) }, 3, STAFF, 110, UndoError::NotUndoable),
            (LastChange { undoes: Some(2), ..forwarded(100) }, 3, STAFF, 110, UndoError::NotUndoable),
        ];
        for (last, log_id, actor, now, want) in cases {
            assert_eq!(check_undo(&last, log_id, UserId(actor), now), Err(want), "{last:?} {log_id} {actor} {now}");
        }
    }
}
