//! Reach (issue 27): forum topics, the WhatsApp share button, protected personal
//! data and reactions on group posts.

mod protect;
mod reactions;
mod share;
mod topics;
