//! Own data and consent (PRODUCT.md §8, UU 27/2022): `/datasaya` shows and sends
//! everything stored about a person, `/hapusdata` erases it at once (tickets stay,
//! anonymised, so reports still count them), `/berhenti` stops programme news.
//! `/audit` (admins) browses the audit log of privileged acts (§9).
//!
//! Layout: [`export`] (gathering one person's data from every owner, serialisable as
//! JSON), [`render`] (the readable message), [`erase`] (the erasure, one transaction
//! over every owner's hook), [`bot`] (commands, buttons and the `/audit` pages),
//! [`audit_words`] (audit entries as sentences, from every owner's vocabulary). Privacy writes no SQL against other features' tables: each owner
//! of personal data erases and exports its own (`crate::platform::personal`).

pub mod audit_words;
pub mod erase;
pub mod export;
pub mod news;
pub mod render;
pub mod bot;

pub use crate::platform::personal::ERASED_USER;

/// Consent purpose for programme news in private chat, asked separately.
pub const PURPOSE_NEWS: &str = "news";

/// Consent to programme news in private chat, as `/datasaya` names it.
pub static NEWS: crate::platform::personal::ConsentPurpose = crate::platform::personal::ConsentPurpose { code: PURPOSE_NEWS, label_key: "privacy-purpose-news" };

/// Privacy as plugged into kimbot (`/datasaya`, `/hapusdata`, `/berhenti`, `/audit`).
pub fn feature() -> crate::plug::Feature {
    crate::plug::Feature::new("privacy").with_audit_words(&audit_words::WORDS).with_chat::<bot::Privacy>().with_consent_purpose(&NEWS)
}
