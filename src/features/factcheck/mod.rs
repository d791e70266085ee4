//! Cek fakta: residents ask "is this true?" about a message they received; staff of
//! their area give a verdict with an explanation, which reaches everyone who asked
//! about the same content and can be announced to the KIM groups as a clarification.

pub mod bot;
pub mod decide;
pub mod model;
pub mod notices;
pub mod personal;
pub mod request;
pub mod store;
