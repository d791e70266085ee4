//! The `disposition` part of the `aspiration.disposed` and `aspiration.returned`
//! webhook bodies: which agency (code and name, never a person), when, and for a
//! return its reason.

use serde::Serialize;

use super::dispose_store;
use crate::features::webhooks::queue::Claimed;
use crate::features::webhooks::payload::rfc3339;
use crate::platform::db::{Db, DbResult};

#[derive(Debug, Serialize)]
pub struct DispositionView {
    pub agency: AgencyView,
    pub disposed_at: String,
    /// `aspiration.returned` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub returned_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct AgencyView {
    pub code: String,
    pub name: String,
}

/// The disposition a delivery of one of the two events names; `None` for others.
pub async fn for_event(db: &Db, row: &Claimed) -> DbResult<Option<DispositionView>> {
    let returned = row.event == super::webhook::RETURNED.name;
    if row.event != super::webhook::DISPOSED.name && !returned {
        return Ok(None);
    }
    let Some(id) = row.message_id else { return Ok(None) };
    let Some(d) = dispose_store::by_id(db, id).await? else { return Ok(None) };
    Ok(Some(DispositionView {
        agency: AgencyView { code: d.agency.code.clone(), name: d.agency.name.clone() },
        disposed_at: rfc3339(d.disposed_at),
        returned_at: if returned { d.returned_at.map(rfc3339) } else { None },
        return_reason: if returned { d.return_reason } else { None },
    }))
}
