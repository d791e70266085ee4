//! Where each group of a run stands — sent, failed (with the reason), or waiting —
//! for the chat's report and the console's pages.

use super::runs::DeliveryState;
use crate::platform::i18n::{Lang, t};

/// Where one group stands, from the outbox rows of its message(s).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Standing {
    Sent,
    Failed(String),
    Waiting,
}

/// One entry per group (a photo and its long text are one), in report order.
pub(crate) fn per_group(rows: &[DeliveryState]) -> Vec<(i64, String, Standing)> {
    let mut out: Vec<(i64, String, Standing)> = Vec::new();
    for row in rows {
        let standing = match row.status.as_str() {
            "sent" => Standing::Sent,
            "failed" => Standing::Failed(row.error.clone().unwrap_or_default()),
            _ => Standing::Waiting,
        };
        // Copies to people who erased their data are one row each, never merged.
        let erased = row.chat_id == crate::platform::personal::ERASED_USER;
        match out.iter_mut().find(|(chat, ..)| *chat == row.chat_id && !erased) {
            Some((_, _, s)) if matches!(s, Standing::Failed(_)) => {}
            Some((_, _, s)) if standing != Standing::Sent => *s = standing,
            Some(_) => {}
            None => out.push((row.chat_id, row.title.clone(), standing)),
        }
    }
    out
}

/// The groups whose copy a recall took back: sent, and young enough to delete when
/// the run was recalled at `recalled_at`. The console says "ditarik" for these, not
/// "terkirim", and Ringkasan does not count them as sent.
pub(crate) fn recalled_from(rows: &[DeliveryState], recalled_at: Option<i64>) -> Vec<i64> {
    let Some(at) = recalled_at else { return Vec::new() };
    let mut chats: Vec<i64> = rows
        .iter()
        .filter(|r| r.status == "sent" && r.message_id.is_some() && at - r.updated_at <= super::model::RECALL_WINDOW_SECS)
        .map(|r| r.chat_id)
        .collect();
    chats.dedup();
    chats
}

/// Telegram's reason in words a coordinator understands, where we know it.
pub(crate) fn reason(lang: Lang, error: &str) -> String {
    if error == "erased" {
        t(lang, "ann-reason-erased")
    } else if error.starts_with("Forbidden") {
        t(lang, "ann-reason-removed")
    } else if error.contains("not enough rights") {
        t(lang, "ann-reason-rights")
    } else {
        error.chars().take(80).collect()
    }
}
