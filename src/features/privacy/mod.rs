//! Own data and consent (PRODUCT.md §8, UU 27/2022): `/datasaya` shows and sends
//! everything stored about a person, `/hapusdata` erases it at once (tickets stay,
//! anonymised, so reports still count them), `/berhenti` stops programme news.
//! `/audit` (admins) browses the audit log of privileged acts (§9).
//!
//! Layout: [`export`] (gathering one person's data, serialisable as JSON), [`render`]
//! (the readable message), [`erase`] (the erasure), [`telegram`] (commands and
//! buttons), [`audit_view`] (the `/audit` pages).

pub mod audit_view;
pub mod erase;
pub mod export;
pub mod news;
pub mod render;
pub mod bot;

/// Stands in for an erased person's Telegram id where a row must keep a value
/// (tickets, their threads and history). No Telegram account has id 0.
pub const ERASED_USER: i64 = 0;

/// Consent purpose for programme news in private chat, asked separately.
pub const PURPOSE_NEWS: &str = "news";
