//! Aspirations: residents' complaints and proposals as tickets (`ASP-2026-000123`),
//! their status flow, replies, and the staff triage queue.

pub mod telegram;
