//! *Audit* (admins only): the audit log, newest first, filtered by who (picked by
//! name among the people who acted) and by kind of act (an action family, named in
//! words), through [`audit::page`], the same query as `/audit` in chat. Times are
//! to the second: acts seconds apart are told apart.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::layout;
use super::nav;
use super::{ConsoleError, Ctx, Staff};
use crate::platform::text::clip;
use crate::kernel::members::permissions::{Action, may};
use crate::features::privacy::audit_words as words;
use crate::kernel::members::audit::who;
use crate::platform::audit::words::Reader;
use crate::platform::audit::{self, Filter};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::when::stamp_seconds;

const PER_PAGE: i64 = 100;
/// People offered in the "who" list: the latest to act.
const ACTORS_OFFERED: i64 = 300;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Filters {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    page: i64,
}

impl Filters {
    /// The filter asked for; a person or family that is not one of ours is bad input,
    /// not silently ignored.
    fn filter(&self, families: &[&str]) -> Result<Filter, ConsoleError> {
        let actor = match self.actor.trim() {
            "" => None,
            id => Some(id.parse().map_err(|_| ConsoleError::BadInput)?),
        };
        let action = match self.action.trim() {
            "" => None,
            family if families.contains(&family) => Some(format!("{family}.")),
            _ => return Err(ConsoleError::BadInput),
        };
        Ok(Filter { actor, action_prefix: action })
    }
    fn with_page(&self, page: i64) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [("actor", &self.actor), ("action", &self.action)] {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.append_pair("page", &page.to_string());
        s.finish()
    }
}

/// Every action family some owner declared, sorted by its name in `lang`.
fn families(ctx: &Ctx, lang: Lang) -> Vec<(&'static str, String)> {
    let mut all: Vec<(&'static str, String)> =
        ctx.audit_words.iter().flat_map(|v| v.families.iter()).map(|f| (*f, family_label(lang, f))).collect();
    all.sort_by(|a, b| a.1.cmp(&b.1));
    all.dedup_by_key(|f| f.0);
    all
}

/// An action family in words ("Aspirasi", "Peran dan undangan" …).
pub(crate) fn family_label(lang: Lang, family: &str) -> String {
    t(lang, &format!("console-audit-family-{family}"))
}

pub async fn page(State(ctx): State<Ctx>, staff: Staff, Query(f): Query<Filters>) -> Result<Response, ConsoleError> {
    if !may(&staff.actor, Action::ReadAudit) {
        return Err(ConsoleError::Forbidden);
    }
    let lang = staff.lang;
    let families = families(&ctx, lang);
    let codes: Vec<&str> = families.iter().map(|(code, _)| *code).collect();
    let filter = f.filter(&codes)?;
    let page = f.page.clamp(0, 1_000_000);
    let (entries, total) = audit::page(&ctx.db, &filter, page * PER_PAGE, PER_PAGE).await?;
    let tz = ctx.config.tz;
    let more = (page + 1) * PER_PAGE < total;
    // In people's words, as /audit says them: names behind ids, a sentence per act.
    let reader = Reader { db: &ctx.db, lang, tz, words: ctx.audit_words };
    let mut people = Vec::new();
    for id in audit::actors(&ctx.db, ACTORS_OFFERED).await? {
        people.push((id, who(&reader, Some(id)).await?));
    }
    people.sort_by_key(|p| p.1.to_lowercase());
    let mut rows = Vec::with_capacity(entries.len());
    for e in &entries {
        let family = e.action.split('.').next().unwrap_or_default();
        let kind = families.iter().find(|(code, _)| *code == family).map_or_else(|| e.action.clone(), |(_, label)| label.clone());
        rows.push((e, who(&reader, e.actor).await?, kind, words::sentence(&reader, e).await?));
    }
    let body = html! {
        form.filters method="get" action="/dasbor/audit" {
            label { (t(lang, "console-audit-actor"))
                select name="actor" {
                    option value="" { (t(lang, "console-audit-anyone")) }
                    @for (id, name) in &people {
                        option value=(id) selected[f.actor.trim() == id.to_string()] { (name) }
                    }
                }
            }
            label { (t(lang, "console-audit-action"))
                select name="action" {
                    option value="" { (t(lang, "console-audit-any-action")) }
                    @for (code, label) in &families {
                        option value=(code) selected[f.action.trim() == *code] { (label) }
                    }
                }
            }
            button type="submit" { (t(lang, "console-filter-apply")) }
        }
        p { (ta(lang, "console-audit-count", &[("count", Arg::from(total))])) }
        @if !entries.is_empty() {
            table.queue {
                thead { tr {
                    th { (t(lang, "console-audit-at")) } th { (t(lang, "console-audit-actor")) }
                    th { (t(lang, "console-audit-action")) } th { (t(lang, "console-audit-detail")) }
                } }
                tbody {
                    @for (e, who, kind, what) in &rows {
                        tr {
                            td { time { (stamp_seconds(e.at, tz)) } }
                            td { @if e.actor.is_some() { (who) } @else { (t(lang, "console-audit-system")) } }
                            td { (kind) }
                            td.text { (clip(what, 300)) }
                        }
                    }
                }
            }
        }
        p {
            @if page > 0 { a.button href={ "/dasbor/audit?" (f.with_page(page - 1)) } { (t(lang, "console-prev-page")) } " " }
            @if more { a.button href={ "/dasbor/audit?" (f.with_page(page + 1)) } { (t(lang, "console-next-page")) } }
        }
    };
    Ok((layout::no_store(), layout::page(&staff, nav::AUDIT.path, &t(lang, "console-audit-title"), body)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_people_and_kinds_are_refused_not_ignored() {
        let f = |actor: &str, action: &str| Filters { actor: actor.into(), action: action.into(), page: 0 }.filter(&["aspiration"]);
        assert!(matches!(f("abc", ""), Err(ConsoleError::BadInput)));
        assert!(matches!(f("", "console.queue"), Err(ConsoleError::BadInput)));
        let ok = f("7002", "aspiration").unwrap();
        assert_eq!((ok.actor, ok.action_prefix.as_deref()), (Some(7002), Some("aspiration.")));
    }
}
