//! The JSON body of a POST, built when it is sent (not when queued) from the
//! subject's current data by the feature that declared the event
//! ([`DeclaredEvent`], listed with `Feature::with_webhook_events`). An erasure
//! (`/hapusdata`) between the change and the send is therefore honoured.
//!
//! The engine adds the envelope every body starts with (`event`, `delivery_id`,
//! `occurred_at`, see [`envelope`]) and shares [`AreaView`] and [`rfc3339`]; it
//! reads no feature's table. What is never in a body: a Telegram id, username or
//! phone, the name of an anonymous (or erased) person; staff identities.

use chrono::SecondsFormat;
use serde::Serialize;

use super::queue::Claimed;
use crate::platform::db::{Db, DbError, DbResult};

pub use crate::platform::webhook_events::{Body, BodyFn, DeclaredEvent, Event, Number, NumberFn, number_by};

/// The envelope every body starts with, then the owner's fields, in order.
#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    event: &'a str,
    delivery_id: &'a str,
    occurred_at: String,
    #[serde(flatten)]
    body: T,
}

/// `body` in its envelope, as the bytes to POST.
pub fn envelope<T: Serialize>(row: &Claimed, body: T) -> DbResult<Option<Vec<u8>>> {
    let envelope = Envelope { event: &row.event, delivery_id: &row.delivery_id, occurred_at: rfc3339(row.occurred_at), body };
    serde_json::to_vec(&envelope).map(Some).map_err(|e| DbError::Corrupt(format!("webhook payload: {e}")))
}

/// Where a subject is: its kelurahan's path and its KIM.
#[derive(Debug, Serialize)]
pub struct AreaView {
    pub kota: String,
    pub kecamatan: String,
    pub kelurahan: String,
    pub kim: String,
    pub kim_code: String,
    /// The kelurahan's official Kemendagri code (`16.71.04.1001`; its first parts are
    /// the kecamatan's and kota's); `null` for an area loaded without codes.
    pub kode_wilayah: Option<String>,
}

impl AreaView {
    /// From a kelurahan path (`kota/kecamatan/kelurahan`) and the KIM.
    pub fn new(path: &str, kim: String, kim_code: String) -> Self {
        let parts: Vec<&str> = path.split('/').collect();
        let part = |i: usize| parts.get(i).copied().unwrap_or_default().to_string();
        AreaView { kota: part(0), kecamatan: part(1), kelurahan: part(2), kim, kim_code, kode_wilayah: None }
    }

    /// The same, with the kelurahan's official code.
    pub fn with_code(self, kode_wilayah: Option<String>) -> Self {
        AreaView { kode_wilayah, ..self }
    }
}

/// Unix seconds as RFC 3339 in UTC, e.g. `2026-11-27T14:05:00Z`.
pub fn rfc3339(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0).unwrap_or_default().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The body bytes for a claimed delivery, from the feature that declared its event;
/// `None` when its subject is gone or no feature declares the event.
#[tracing::instrument(skip_all, fields(delivery = %row.delivery_id))]
pub async fn build(db: &Db, events: &[&'static DeclaredEvent], row: &Claimed) -> DbResult<Option<Vec<u8>>> {
    match events.iter().find(|e| e.name == row.event) {
        Some(event) => (event.body)(db, row).await,
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_rfc_3339_in_utc() {
        assert_eq!(super::rfc3339(1_795_788_300), "2026-11-27T14:05:00Z");
    }
}
