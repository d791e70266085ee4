//! Announcements: coordinators and staff compose, target, preview and send (now, at
//! a time, or on a cron schedule) through the delivery outbox; reports and recall.

pub mod telegram;
