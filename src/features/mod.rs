//! One module per feature: domain types and rules, all of the feature's SQL, its
//! background jobs and its chat handlers (`bot`).

pub mod announcements;
pub mod aspirations;
pub mod emergency;
pub mod factcheck;
pub mod feeds;
pub mod polls;
pub mod privacy;
pub mod programmes;
pub mod reports;
pub mod surveys;
pub mod trainings;
pub mod umkm;
pub mod webhooks;
