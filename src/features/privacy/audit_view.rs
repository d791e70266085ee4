//! `/audit` for admins (KIMBOT_ADMINS): the audit log, ten entries a page, newest
//! first, optionally for one person (`/audit 12345`) or one kind of act
//! (`/audit group.link`, `/audit aspiration`). Every page button checks again that
//! the presser is an admin. Entries read as sentences in the reader's language,
//! with names behind the ids ([`words`]).

pub mod words;

use teloxide::types::InlineKeyboardMarkup;

use super::bot::Btn;
use crate::platform::audit::{self, Filter};
use crate::kernel::members::permissions::{Action, may};
use crate::platform::i18n::{Arg, t, ta};
use crate::platform::paging;
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};

pub const PER_PAGE: i64 = 10;
/// Longest action prefix accepted: keeps the page buttons under 64 bytes.
const MAX_PREFIX: usize = 32;

/// Which entries a page shows; carried in the page buttons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    All,
    Actor(i64),
    Action(String),
}

impl Query {
    /// What an admin typed after `/audit`: nothing, a user id, or an action prefix.
    pub fn typed(args: &str) -> Option<Query> {
        let args = args.trim().to_lowercase();
        if args.is_empty() {
            return Some(Query::All);
        }
        if let Ok(id) = args.parse::<i64>() {
            return Some(Query::Actor(id));
        }
        Query::decode(&format!("a{args}"))
    }

    pub fn encode(&self) -> String {
        match self {
            Query::All => String::new(),
            Query::Actor(id) => format!("u{id}"),
            Query::Action(prefix) => format!("a{prefix}"),
        }
    }

    pub fn decode(s: &str) -> Option<Query> {
        if s.is_empty() {
            return Some(Query::All);
        }
        if let Some(id) = s.strip_prefix('u') {
            return id.parse().ok().map(Query::Actor);
        }
        let prefix = s.strip_prefix('a')?;
        let valid = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-');
        (!prefix.is_empty() && prefix.len() <= MAX_PREFIX && prefix.chars().all(valid))
            .then(|| Query::Action(prefix.to_string()))
    }

    fn filter(&self) -> Filter {
        match self {
            Query::All => Filter::default(),
            Query::Actor(id) => Filter { actor: Some(*id), action_prefix: None },
            Query::Action(p) => Filter { actor: None, action_prefix: Some(p.clone()) },
        }
    }
}

/// `/audit [id | action prefix]`.
pub async fn command(turn: &Turn<'_>, args: &str) -> HandlerResult {
    if !may(&turn.who.actor, Action::ReadAudit) {
        return turn.say("audit-admins-only").await;
    }
    let Some(query) = Query::typed(args) else {
        return turn.say("audit-bad-filter").await;
    };
    match page(turn, &query, 0).await? {
        Some((text, keys)) => turn.send_with_buttons(text, keys).await,
        None => Ok(()),
    }
}

/// A Prev/Next press; refused (nothing shown) unless the presser is an admin now.
pub async fn on_page(turn: &Turn<'_>, query: Query, page_no: i64, at: At) -> Result<bool, HandlerError> {
    if !may(&turn.who.actor, Action::ReadAudit) {
        return Ok(false);
    }
    // A forged or stale page number (beyond the last page) gets the stale answer.
    let Some((text, keys)) = page(turn, &query, page_no).await? else { return Ok(false) };
    turn.edit(at, text, Some(keys)).await?;
    Ok(true)
}

/// One page with its buttons; `None` for a page that does not exist (page 0 always does).
async fn page(turn: &Turn<'_>, query: &Query, page_no: i64) -> Result<Option<(String, InlineKeyboardMarkup)>, HandlerError> {
    let lang = turn.lang();
    let Some(offset) = paging::offset(page_no, PER_PAGE) else { return Ok(None) };
    let (entries, total) = audit::page(&turn.ctx.db, &query.filter(), offset, PER_PAGE).await?;
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    if page_no >= pages {
        return Ok(None);
    }
    let reader = words::Reader { db: &turn.ctx.db, lang, tz: turn.ctx.config.tz, words: turn.ctx.audit_words };
    let filter = describe(&reader, query).await?;
    let args = [("page", Arg::from(page_no + 1)), ("pages", Arg::from(pages)), ("total", Arg::from(total)), ("filter", Arg::from(filter))];
    let mut lines = vec![ta(lang, "audit-header", &args)];
    if entries.is_empty() {
        lines.push(t(lang, "audit-empty"));
    }
    for e in &entries {
        lines.push(words::line(&reader, e).await?);
    }
    let mut row = Vec::new();
    if page_no > 0 {
        row.push(button(t(lang, "audit-prev"), Btn::Audit(query.clone(), page_no - 1)));
    }
    if page_no + 1 < pages {
        row.push(button(t(lang, "audit-next"), Btn::Audit(query.clone(), page_no + 1)));
    }
    Ok(Some((lines.join("\n\n"), InlineKeyboardMarkup::new(vec![row]))))
}

async fn describe(r: &words::Reader<'_>, query: &Query) -> Result<String, HandlerError> {
    Ok(match query {
        Query::All => t(r.lang, "audit-filter-all"),
        Query::Actor(id) => ta(r.lang, "audit-filter-actor", &[("id", Arg::from(crate::kernel::members::audit::who(r, Some(*id)).await?))]),
        Query::Action(p) => ta(r.lang, "audit-filter-action", &[("prefix", Arg::from(p))]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_filters_become_queries_and_survive_the_button() {
        let cases = [
            ("", Some(Query::All)),
            ("12345", Some(Query::Actor(12345))),
            ("Group.Link", Some(Query::Action("group.link".into()))),
        ];
        for (typed, expected) in cases {
            let q = Query::typed(typed);
            assert_eq!(q, expected, "{typed}");
            let q = q.unwrap();
            assert_eq!(Query::decode(&q.encode()), Some(q));
        }
    }

    #[test]
    fn odd_filters_are_refused() {
        for typed in ["a b", "x%", "drop;table", &"a".repeat(33)] {
            assert_eq!(Query::typed(typed), None, "{typed}");
        }
    }
}
