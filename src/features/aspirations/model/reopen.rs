//! The one step out of a closed status: the resident's response reopens the ticket.

use super::Status;

/// Where a closed ticket goes when its resident responds to the outcome: back to
/// being followed up, so staff review it and close it again. This is the one step
/// out of a closed status, outside [`check_move`](super::check_move) (staff never reopen), and it is
/// allowed once per ticket.
pub const REOPENED: Status = Status::Ditindaklanjuti;

/// Why a resident's response to a closed ticket was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReopenError {
    #[error("the ticket is not closed")]
    NotClosed,
    #[error("the ticket was already reopened once")]
    AlreadyReopened,
}

/// Whether a ticket in `status`, reopened before or not, may be reopened now.
pub fn check_reopen(status: Status, reopened_before: bool) -> Result<Status, ReopenError> {
    if reopened_before {
        Err(ReopenError::AlreadyReopened)
    } else if !status.is_closed() {
        Err(ReopenError::NotClosed)
    } else {
        Ok(REOPENED)
    }
}
