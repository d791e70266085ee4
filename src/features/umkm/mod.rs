//! UMKM (micro, small and medium enterprise) registry: the `/umkm` sign-up form,
//! its validation, the store, and coordinators' and staff's lists.
//!
//! - [`model`]: the closed lists (sector, scale, needs), the form and a registration.
//! - [`validate`]: checks for typed answers (names, phone, NIB, description).
//! - [`flow`]: the dialogue's steps, "next", "back" and "edit from review".
//! - [`store`]: one row per owner, the consent receipt, withdrawal, paged lists.
//! - [`bot`]: the handlers; [`web`]: the console's *UMKM* pages.

pub mod audit;
pub mod flow;
pub mod model;
pub mod personal;
pub mod report;
pub mod segment;
pub mod store;
pub mod tally;
pub mod bot;
pub mod validate;
pub mod web;

/// The UMKM registry as plugged into kimbot.
pub fn feature() -> crate::plug::Feature {
    use crate::plug::{DataRank, Feature};
    Feature::new("umkm").with_audit_words(&audit::WORDS).with_chat::<bot::Umkm>().with_personal_data(&personal::DATA, DataRank::Child).with_consent_purpose(&store::CONSENT).with_audience_segment(&segment::SEGMENT).with_console(web::PAGES)
}
