//! The UMKM registry's part of a person's data: their one registration. Erasure
//! deletes it.

use chrono_tz::Tz;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use crate::kernel::members::UserId;

use crate::platform::db::{Db, DbResult};
use super::model::{Need, Scale, Sector};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::personal::{Erasure, Hook, PersonalData, Section, Tx, json, or_dash, rows, when};

pub const DATA: PersonalData = PersonalData {
    owner: "umkm",
    erases: &[("umkm_registrations", "user_id")],
    keeps: &[],
    erase,
    export,
};

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        sqlx::query("DELETE FROM umkm_registrations WHERE user_id = $1").bind(e.user_id).execute(&mut **tx).await?;
        Ok(())
    })
}

fn export(db: &Db, user_id: UserId) -> Hook<'_, Box<dyn Section>> {
    Box::pin(async move {
        let umkm = rows(db, UMKM, user_id, decode).await?.pop();
        Ok(Box::new(Registration { umkm }) as Box<dyn Section>)
    })
}

/// The person's registration, if any.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Registration {
    pub umkm: Option<Umkm>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Umkm {
    pub owner_name: String,
    pub business_name: String,
    pub sector: String,
    pub scale: String,
    pub kelurahan: String,
    pub kim: String,
    pub phone: String,
    pub nib: Option<String>,
    pub needs: Vec<String>,
    pub description: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Section for Registration {
    fn is_empty(&self) -> bool {
        self.umkm.is_none()
    }

    fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        vec![("umkm", json(&self.umkm))]
    }

    fn pieces(&self, lang: Lang, tz: Tz) -> Vec<String> {
        let Some(u) = &self.umkm else { return Vec::new() };
        let needs: Vec<String> = u.needs.iter().map(|n| label(lang, Need::from_code(n).map(Need::key), n)).collect();
        vec![ta(
            lang,
            "privacy-data-umkm",
            &[
                ("owner", Arg::from(&u.owner_name)),
                ("business", Arg::from(&u.business_name)),
                ("sector", Arg::from(label(lang, Sector::from_code(&u.sector).map(Sector::key), &u.sector))),
                ("scale", Arg::from(label(lang, Scale::from_code(&u.scale).map(Scale::key), &u.scale))),
                ("kelurahan", Arg::from(&u.kelurahan)),
                ("phone", Arg::from(&u.phone)),
                ("nib", or_dash(u.nib.as_deref())),
                ("needs", Arg::from(needs.join(", "))),
                ("description", or_dash(u.description.as_deref())),
                ("at", Arg::from(when(u.updated_at, tz))),
            ],
        )]
    }
}

/// A stored code in the reader's words, through its message key; the code itself
/// only if it is unknown (never expected: the codes are checked when stored).
fn label(lang: Lang, key: Option<&str>, code: &str) -> String {
    key.map_or_else(|| code.to_string(), |key| t(lang, key))
}

const UMKM: &str = "SELECT r.owner_name, r.business_name, r.sector, r.scale, a.name AS kelurahan, k.name AS kim, \
     r.phone, r.nib, r.needs, r.description, r.created_at, r.updated_at FROM umkm_registrations r \
     JOIN areas a ON a.id = r.kelurahan_id JOIN kims k ON k.id = r.kim_id WHERE r.user_id = $1";

fn decode(r: &AnyRow) -> DbResult<Umkm> {
    let needs: String = r.try_get("needs")?;
    Ok(Umkm {
        owner_name: r.try_get("owner_name")?,
        business_name: r.try_get("business_name")?,
        sector: r.try_get("sector")?,
        scale: r.try_get("scale")?,
        kelurahan: r.try_get("kelurahan")?,
        kim: r.try_get("kim")?,
        phone: r.try_get("phone")?,
        nib: r.try_get("nib")?,
        needs: needs.split(',').filter(|n| !n.is_empty()).map(str::to_string).collect(),
        description: r.try_get("description")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
    })
}
