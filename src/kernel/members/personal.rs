//! Members' part of a person's data: the profile, consent receipts, roles, and the
//! traces of acts as staff or coordinator (invites made or used, roles granted,
//! groups linked).
//!
//! Erasure deletes the profile and roles. Consent receipts stay without the person
//! (purpose, notice version, when given and withdrawn: the proof that consent was
//! asked), withdrawn; ids on invites, grants and groups become [`ERASED_USER`].

use chrono_tz::Tz;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use crate::kernel::members::UserId;

use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::personal::{ConsentPurpose, ERASED_USER, Erasure, Hook, PersonalData, Reading, Section, Tx, json, or_dash, rows, section, when};

/// Consent to membership itself (asked at `/start`), declared like every feature's
/// purposes with `with_consent_purpose`.
pub static MEMBERSHIP: ConsentPurpose = ConsentPurpose { code: super::users::PURPOSE_MEMBERSHIP, label_key: "privacy-purpose-membership" };

pub const DATA: PersonalData = PersonalData {
    owner: "members",
    erases: &[
        ("users", "id"),
        ("consents", "user_id"),
        ("grants", "user_id"),
        ("grants", "granted_by"),
        ("invites", "created_by"),
        ("invites", "used_by"),
        ("tg_groups", "linked_by"),
    ],
    keeps: &[
        ("tg_groups", "chat_id", "a group's chat id (negative), never a person's"),
        ("grants", "agency_id", "the agency (OPD) an officer's grant is for, not a person"),
        ("invites", "agency_id", "the agency (OPD) an officer's invite is for, not a person"),
        ("agency_routes", "agency_id", "the agency a category is routed to, not a person"),
    ],
    erase,
    export,
};

/// Statements run with `$1` = the person, `$2` = [`ERASED_USER`], before the
/// person's grants and profile are deleted.
const ANONYMISE: &[&str] = &[
    "UPDATE grants SET granted_by = $2 WHERE granted_by = $1",
    "UPDATE invites SET used_by = $2 WHERE used_by = $1",
    "UPDATE invites SET created_by = $2 WHERE created_by = $1",
    "UPDATE tg_groups SET linked_by = $2 WHERE linked_by = $1",
    "UPDATE consents SET user_id = $2 WHERE user_id = $1",
];

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        sqlx::query("UPDATE consents SET withdrawn_at = $1 WHERE user_id = $2 AND withdrawn_at IS NULL")
            .bind(e.now)
            .bind(e.user_id)
            .execute(&mut **tx)
            .await?;
        for &sql in ANONYMISE {
            sqlx::query(sql).bind(e.user_id).bind(ERASED_USER).execute(&mut **tx).await?;
        }
        for sql in ["DELETE FROM grants WHERE user_id = $1", "DELETE FROM users WHERE id = $1"] {
            sqlx::query(sql).bind(e.user_id).execute(&mut **tx).await?;
        }
        Ok(())
    })
}

fn export(db: &Db, user_id: UserId) -> Hook<'_, Box<dyn Section>> {
    Box::pin(async move {
        Ok(Box::new(Members {
            profile: profile(db, user_id).await?,
            consents: rows(db, CONSENTS, user_id, consent).await?,
            roles: rows(db, GRANTS, user_id, grant).await?,
        }) as Box<dyn Section>)
    })
}

/// What members hold about one person.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Members {
    pub profile: Option<Profile>,
    pub consents: Vec<Consent>,
    pub roles: Vec<Grant>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    pub first_name: Option<String>,
    pub username: Option<String>,
    pub language: String,
    pub kim: Option<String>,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consent {
    pub purpose: String,
    pub notice_version: String,
    pub granted_at: i64,
    pub withdrawn_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grant {
    pub role: String,
    pub scope: Option<String>,
    pub granted_at: i64,
    pub revoked_at: Option<i64>,
}

impl Section for Members {
    fn is_empty(&self) -> bool {
        self.profile.is_none() && self.consents.is_empty() && self.roles.is_empty()
    }

    fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        vec![("profile", json(&self.profile)), ("consents", json(&self.consents)), ("roles", json(&self.roles))]
    }

    fn pieces(&self, lang: Lang, tz: Tz) -> Vec<String> {
        self.read(&Reading { lang, tz, purposes: &[&MEMBERSHIP] })
    }

    fn read(&self, reading: &Reading<'_>) -> Vec<String> {
        let (lang, tz) = (reading.lang, reading.tz);
        let mut pieces = Vec::new();
        if let Some(p) = &self.profile {
            pieces.push(ta(
                lang,
                "privacy-data-profile",
                &[
                    ("name", or_dash(p.first_name.as_deref())),
                    ("username", or_dash(p.username.as_deref())),
                    ("lang", Arg::from(language_label(lang, &p.language))),
                    ("kim", or_dash(p.kim.as_deref())),
                    ("since", Arg::from(when(p.created_at, tz))),
                ],
            ));
        }
        pieces.extend(section(
            lang,
            "privacy-data-consents-header",
            self.consents.iter().map(|c| {
                let args = [
                    ("purpose", Arg::from(reading.purpose(&c.purpose))),
                    ("version", Arg::from(&c.notice_version)),
                    ("at", Arg::from(when(c.granted_at, tz))),
                    ("withdrawn", Arg::from(c.withdrawn_at.map(|w| when(w, tz)).unwrap_or_default())),
                ];
                let key = if c.withdrawn_at.is_some() { "privacy-data-consent-withdrawn" } else { "privacy-data-consent" };
                ta(lang, key, &args)
            }),
        ));
        pieces.extend(section(
            lang,
            "privacy-data-roles-header",
            self.roles.iter().map(|g| {
                let args = [
                    ("role", Arg::from(role_label(lang, &g.role))),
                    ("scope", or_dash(g.scope.as_deref())),
                    ("at", Arg::from(when(g.granted_at, tz))),
                ];
                ta(lang, if g.revoked_at.is_some() { "privacy-data-role-revoked" } else { "privacy-data-role" }, &args)
            }),
        ));
        pieces
    }
}

/// A stored language code in the reader's words ("id" is "Bahasa Indonesia").
fn language_label(lang: Lang, code: &str) -> String {
    match code {
        "id" => t(lang, "privacy-lang-id"),
        "en" => t(lang, "privacy-lang-en"),
        other => other.to_string(),
    }
}

/// A stored role code in the reader's words ("coordinator" is "koordinator KIM").
fn role_label(lang: Lang, code: &str) -> String {
    match code {
        "resident" => t(lang, "role-resident"),
        "coordinator" => t(lang, "role-coordinator"),
        "staff" => t(lang, "role-staff"),
        "admin" => t(lang, "role-admin"),
        other => other.to_string(),
    }
}

async fn profile(db: &Db, user_id: UserId) -> DbResult<Option<Profile>> {
    let row = sqlx::query(
        "SELECT u.first_name, u.username, u.language, u.created_at, k.name AS kim_name, k.code AS kim_code \
         FROM users u LEFT JOIN kims k ON k.id = u.kim_id WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let kim_name: Option<String> = r.try_get("kim_name")?;
    let kim_code: Option<String> = r.try_get("kim_code")?;
    Ok(Some(Profile {
        first_name: r.try_get("first_name")?,
        username: r.try_get("username")?,
        language: r.try_get("language")?,
        kim: kim_name.zip(kim_code).map(|(name, code)| format!("{name} ({code})")),
        created_at: r.try_get("created_at")?,
    }))
}

const CONSENTS: &str =
    "SELECT purpose, notice_version, granted_at, withdrawn_at FROM consents WHERE user_id = $1 ORDER BY id";

fn consent(r: &AnyRow) -> DbResult<Consent> {
    Ok(Consent {
        purpose: r.try_get("purpose")?,
        notice_version: r.try_get("notice_version")?,
        granted_at: r.try_get("granted_at")?,
        withdrawn_at: r.try_get("withdrawn_at")?,
    })
}

const GRANTS: &str = "SELECT g.role, g.granted_at, g.revoked_at, COALESCE(a.name, k.name, o.name) AS scope FROM grants g \
     LEFT JOIN areas a ON a.id = g.area_id LEFT JOIN kims k ON k.id = g.kim_id \
     LEFT JOIN agencies o ON o.id = g.agency_id WHERE g.user_id = $1 ORDER BY g.id";

fn grant(r: &AnyRow) -> DbResult<Grant> {
    Ok(Grant {
        role: r.try_get("role")?,
        scope: r.try_get("scope")?,
        granted_at: r.try_get("granted_at")?,
        revoked_at: r.try_get("revoked_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A purpose declared by some feature: the kernel shows its words without naming it.
    static NEWS: ConsentPurpose = ConsentPurpose { code: "news", label_key: "privacy-purpose-news" };

    #[test]
    fn consent_purposes_read_in_the_words_their_owners_declared() {
        let consent = |purpose: &str| Consent { purpose: purpose.into(), notice_version: "v1".into(), granted_at: 0, withdrawn_at: None };
        let members = Members { profile: None, consents: vec![consent("membership"), consent("news"), consent("gone_purpose")], roles: Vec::new() };
        let reading = Reading { lang: Lang::Id, tz: chrono_tz::Asia::Jakarta, purposes: &[&MEMBERSHIP, &NEWS] };

        let text = members.read(&reading).join("\n");

        assert!(text.contains(&t(Lang::Id, "privacy-purpose-membership")), "{text}");
        assert!(text.contains(&t(Lang::Id, "privacy-purpose-news")), "{text}");
        assert!(text.contains("gone_purpose"), "an undeclared purpose is shown as stored: {text}");
    }
}
