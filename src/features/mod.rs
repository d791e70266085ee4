//! One module per feature: domain types and rules, all of the feature's SQL, its
//! background jobs and its chat handlers (`bot`).

pub mod announcements;
pub mod aspirations;
pub mod factcheck;
pub mod feeds;
pub mod members;
pub mod polls;
pub mod privacy;
pub mod reports;
pub mod surveys;
pub mod trainings;
pub mod umkm;
pub mod webhooks;

use crate::platform::personal::PersonalData;

/// Everything that stores personal data, one line per owner, parents first:
/// `/datasaya` shows the sections in this order, `/hapusdata` erases in reverse
/// order (children before parents), all in one transaction. A test checks that
/// every schema column holding a user id is declared by one of them.
pub static PERSONAL_DATA: &[&PersonalData] = &[
    &crate::platform::personal::PLATFORM,
    &members::personal::DATA,
    &umkm::personal::DATA,
    &aspirations::personal::DATA,
    &trainings::personal::DATA,
    &announcements::personal::DATA,
    &feeds::personal::DATA,
    &factcheck::personal::DATA,
    &surveys::personal::DATA,
    &polls::personal::DATA,
    &crate::web::console::personal::DATA,
];
