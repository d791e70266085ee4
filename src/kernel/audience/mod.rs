//! Audience: whom a message to many is for and when it goes out, shared by
//! announcements, polls, surveys, feeds, cek fakta and emergency alerts.
//!
//! - [`target`]: the [`Target`] kinds and their stored form, who may address groups
//!   ([`can_announce`]), the common area of several groups ([`common_path`]).
//! - [`targets`]: targets resolved to active linked groups, always through the
//!   actor's scope; the areas a person may aim at; a KIM's time zone.
//! - [`when`] reads a typed date and time; [`cron`] a 5-field crontab line (stored in
//!   the `cron` crate's Quartz form with day names); [`spoken`] finds the shape of a
//!   repeating schedule and [`words`] says times, targets and schedules in words.
//! - [`segment`]: people a feature lets staff address in private chats (UMKM owners by
//!   sector and need), resolved and said by the [`segment::Segment`] it declares.
//! - [`bot`]: showing a composing screen in place of the one a button was on.
//!
//! It owns no table: it reads the kernel's `tg_groups`, `kims` and `areas`. Each
//! feature keeps its own runs and deliveries (announcements' `runs`, polls' …).

pub mod bot;
pub mod cron;
pub mod segment;
pub mod spoken;
pub mod target;
pub mod targets;
pub mod when;
pub mod words;

pub use target::{Target, UmkmFilter, can_announce, common_path};
