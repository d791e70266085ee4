//! The audit log in people's words and the reader's language: "Budi (7002)
//! exported the aspiration report for Kemuning, 120 rows" instead of
//! `report.export kind=aspirations scope=… rows=120`.
//!
//! Every owner of actions (a feature, the kernel, the console) declares one
//! [`Vocabulary`]: the action families it records (`training`, `poll` …) and a
//! function that turns one of its entries into a message key (`audit-act-…`) with
//! its parameters, names looked up behind the ids. The reader (`/audit`, the
//! console's Audit page) dispatches on the family; an action no vocabulary knows,
//! or a detail it cannot read, falls back to one generic sentence that still shows
//! the action and its detail.

use std::future::Future;
use std::pin::Pin;

use chrono_tz::Tz;

pub use super::detail::{Detail, area_name, name_by_id, period, time};
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, Lang};

/// A sentence's parameters.
pub type Args = Vec<(&'static str, Arg)>;
/// A message key and its arguments, or `None` when the detail lacks a part.
pub type Built = Option<(&'static str, Args)>;
/// What a vocabulary's function returns: boxed, so vocabularies fit one static list.
pub type Words<'a> = Pin<Box<dyn Future<Output = DbResult<Built>> + Send + 'a>>;

/// What the reader of the log needs besides the entry.
pub struct Reader<'a> {
    pub db: &'a Db,
    pub lang: Lang,
    pub tz: Tz,
    /// Every owner's vocabulary (`AppCtx::audit_words`).
    pub words: &'a [&'static Vocabulary],
}

/// One owner's sentences for its own actions.
#[derive(Debug)]
pub struct Vocabulary {
    /// The part of the action before the first dot (`training` of `training.publish`).
    pub families: &'static [&'static str],
    /// One entry of those families as a sentence, or `None` for the generic one.
    pub sentence: Sentence,
}

/// How a vocabulary builds a sentence: from the entry alone, or looking names up.
#[derive(Debug, Clone, Copy)]
pub enum Sentence {
    /// From the entry's detail alone.
    Sync(fn(&Reader<'_>, &str, &Detail) -> Built),
    /// With look-ups (names behind ids) in the database.
    Async(for<'a> fn(&'a Reader<'a>, &'a str, &'a Detail) -> Words<'a>),
}

impl Sentence {
    /// The sentence of one entry.
    pub async fn build(self, r: &Reader<'_>, action: &str, d: &Detail) -> DbResult<Built> {
        match self {
            Sentence::Sync(f) => Ok(f(r, action, d)),
            Sentence::Async(f) => f(r, action, d).await,
        }
    }
}

impl Reader<'_> {
    /// The vocabulary of `action`'s family, if any owner declared it.
    pub fn vocabulary(&self, action: &str) -> Option<&'static Vocabulary> {
        let family = action.split('.').next().unwrap_or_default();
        self.words.iter().copied().find(|v| v.families.contains(&family))
    }
}

/// Returns `Ok(None)` from a vocabulary's builder when a part of the detail is missing.
#[macro_export]
macro_rules! audit_need {
    ($e:expr) => {
        match $e {
            Some(v) => v,
            None => return Ok(None),
        }
    };
}
