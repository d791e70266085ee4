//! *Audit* (admins only): the audit log, newest first, filtered by who (Telegram
//! id) and by kind of act (an action name or its prefix, e.g. `console`), through
//! [`audit::page`], the same query as `/audit` in chat.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::layout;
use super::nav;
use super::{ConsoleError, Ctx, Staff};
use crate::features::aspirations::model::local_time;
use crate::platform::text::clip;
use crate::kernel::members::permissions::{Action, may};
use crate::features::privacy::audit_words as words;
use crate::kernel::members::audit::who;
use crate::platform::audit::words::Reader;
use crate::platform::audit::{self, Filter};
use crate::platform::i18n::{Arg, t, ta};

const PER_PAGE: i64 = 100;

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
    fn filter(&self) -> Filter {
        let action = self.action.trim();
        Filter {
            actor: self.actor.trim().parse().ok(),
            action_prefix: (!action.is_empty()).then(|| action.chars().take(60).collect()),
        }
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

pub async fn page(State(ctx): State<Ctx>, staff: Staff, Query(f): Query<Filters>) -> Result<Response, ConsoleError> {
    if !may(&staff.actor, Action::ReadAudit) {
        return Err(ConsoleError::Forbidden);
    }
    let page = f.page.clamp(0, 1_000_000);
    let (entries, total) = audit::page(&ctx.db, &f.filter(), page * PER_PAGE, PER_PAGE).await?;
    let lang = staff.lang;
    let tz = ctx.config.tz;
    let more = (page + 1) * PER_PAGE < total;
    // In people's words, as /audit says them: names behind ids, a sentence per act.
    let reader = Reader { db: &ctx.db, lang, tz, words: ctx.audit_words };
    let mut rows = Vec::with_capacity(entries.len());
    for e in &entries {
        rows.push((e, who(&reader, e.actor).await?, words::sentence(&reader, e).await?));
    }
    let body = html! {
        form.filters method="get" action="/dasbor/audit" {
            label { (t(lang, "console-audit-actor")) input type="text" name="actor" value=(f.actor) inputmode="numeric" maxlength="20"; }
            label { (t(lang, "console-audit-action")) input type="text" name="action" value=(f.action) maxlength="60"; }
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
                    @for (e, who, what) in &rows {
                        tr {
                            td { (local_time(e.at, tz)) }
                            td { @if e.actor.is_some() { (who) } @else { (t(lang, "console-audit-system")) } }
                            td { code { (e.action) } }
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
