//! The one step out of a closed status: the resident's response reopens the ticket.

use super::Status;

/// Where a closed ticket goes when its resident responds to the outcome: back to
/// being followed up, so staff review it and close it again. This is the one step
/// out of a closed status, outside [`check_move`](super::check_move) (staff never reopen), and it is
/// allowed once per ticket.
pub const REOPENED: Status = Status::Ditindaklanjuti;

/// A response reopens a closed ticket once and for all, so it must say something
/// staff can act on: at least this many words with letters in them…
pub const RESPONSE_WORDS: usize = 3;
/// …and this many letters ("😡😡😡" or "ok" is refused kindly and asked again).
pub const RESPONSE_LETTERS: usize = 10;

/// Whether `text` is a response worth spending the one reopening on.
pub fn meaningful_response(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    letters >= RESPONSE_LETTERS && words >= RESPONSE_WORDS
}

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

#[cfg(test)]
mod tests {
    use super::meaningful_response;

    #[test]
    fn a_response_needs_a_few_real_words() {
        for refused in ["😡😡😡", "ok", "belum beres", "!!! ??? ...", "a b c", "😡 😡 😡 😡 😡"] {
            assert!(!meaningful_response(refused), "{refused}");
        }
        for kept in ["Jalan masih rusak", "Lubangnya hanya ditimbun tanah 😡", "still not fixed"] {
            assert!(meaningful_response(kept), "{kept}");
        }
    }
}
