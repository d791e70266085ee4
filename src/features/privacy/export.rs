//! Everything stored about one person, gathered for `/datasaya` from every owner of
//! personal data (`AppCtx::personal_data`) and serialised
//! as the JSON document they receive: `telegram_user_id`, then each owner's fields
//! in the list's order. Timestamps are Unix seconds (UTC).

use serde::ser::{Serialize, SerializeMap, Serializer};
use crate::kernel::members::UserId;

use crate::platform::personal::PersonalData;
use crate::platform::db::{Db, DbResult};
use crate::platform::personal::Section;

#[derive(Default)]
pub struct Export {
    pub telegram_user_id: i64,
    /// One per owner, in the order of the owners given to [`gather`].
    pub sections: Vec<Box<dyn Section>>,
}

impl Export {
    /// Nothing at all is stored about the person.
    pub fn is_empty(&self) -> bool {
        self.sections.iter().all(|s| s.is_empty())
    }

    /// How many items stay, anonymised, after erasure (tickets).
    pub fn kept_on_erasure(&self) -> u64 {
        self.sections.iter().map(|s| s.kept_on_erasure()).sum()
    }

    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("plain data serialises")
    }
}

impl Serialize for Export {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("telegram_user_id", &self.telegram_user_id)?;
        for (key, value) in self.sections.iter().flat_map(|s| s.fields()) {
            map.serialize_entry(key, &value)?;
        }
        map.end()
    }
}

/// Reads everything `owners` (the app's `personal_data`) store about `user_id`.
#[tracing::instrument(skip(db, owners))]
pub async fn gather(db: &Db, owners: &[&PersonalData], user_id: UserId) -> DbResult<Export> {
    let mut sections = Vec::with_capacity(owners.len());
    for owner in owners {
        sections.push((owner.export)(db, user_id).await?);
    }
    Ok(Export { telegram_user_id: user_id.get(), sections })
}
