//! Retiring a KIM from the console: it is no longer offered anywhere (`/start`,
//! `/gantikim`, pickers), its coordinators lose that scope, its groups are unlinked
//! (so nothing new is sent to them from the KIM, and a coordinator may link them to
//! another KIM with `/hubungkan`), and its residents are asked in the chat, in their
//! language, to choose again with the KIM buttons of their area. The KIM row stays,
//! so tickets and reports that name it keep their names.

use sqlx::Row;

use super::model::{Kim, KimId, UserId, display_path};
use super::{areas, covers, users};
use crate::platform::buttons::Payload;
use crate::platform::db::{Db, DbResult};
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// At most this many KIM buttons in the choose-again message (the rest via `/gantikim`).
const MAX_CHOICES: usize = 8;

/// What retiring a KIM touched.
#[derive(Debug, Clone, PartialEq)]
pub struct Retired {
    pub kim: Kim,
    /// Residents whose KIM it was (asked to choose again).
    pub residents: Vec<UserId>,
    /// Coordinators whose grant for it was revoked.
    pub coordinators: Vec<UserId>,
    /// Active groups unlinked from it.
    pub groups: Vec<i64>,
}

/// Retires a KIM in one transaction; `None` when it does not exist or is retired
/// already (so a second press changes nothing).
pub async fn retire_kim(db: &Db, kim_id: KimId, now: i64) -> DbResult<Option<Retired>> {
    let Some(kim) = areas::open_kim_by_id(db, kim_id).await? else { return Ok(None) };
    let mut tx = db.begin().await?;
    let done = sqlx::query("UPDATE kims SET retired_at = $1 WHERE id = $2 AND retired_at IS NULL").bind(now).bind(kim_id).execute(&mut *tx).await?;
    if done.rows_affected() != 1 {
        return Ok(None);
    }
    fn ids<T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>>(rows: Vec<sqlx::any::AnyRow>, col: &str) -> Result<Vec<T>, sqlx::Error> {
        rows.iter().map(|r| r.try_get::<T, _>(col)).collect()
    }
    let residents = sqlx::query("SELECT id FROM users WHERE kim_id = $1 ORDER BY id").bind(kim_id).fetch_all(&mut *tx).await?;
    let coordinators = sqlx::query("SELECT DISTINCT user_id FROM grants WHERE role = 'coordinator' AND kim_id = $1 AND revoked_at IS NULL ORDER BY user_id")
        .bind(kim_id)
        .fetch_all(&mut *tx)
        .await?;
    let groups = sqlx::query("SELECT chat_id FROM tg_groups WHERE kim_id = $1 AND status = 'active' ORDER BY chat_id").bind(kim_id).fetch_all(&mut *tx).await?;
    sqlx::query("UPDATE grants SET revoked_at = $1 WHERE role = 'coordinator' AND kim_id = $2 AND revoked_at IS NULL")
        .bind(now)
        .bind(kim_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE tg_groups SET kim_id = NULL, linked_by = NULL, linked_at = NULL, updated_at = $1 WHERE kim_id = $2")
        .bind(now)
        .bind(kim_id)
        .execute(&mut *tx)
        .await?;
    let retired = Retired { kim, residents: ids(residents, "id")?, coordinators: ids(coordinators, "user_id")?, groups: ids(groups, "chat_id")? };
    tx.commit().await?;
    Ok(Some(retired))
}

/// The KIMs to offer instead: the other KIMs of its kelurahan, else of its kecamatan.
pub async fn choices_near(db: &Db, kim: &Kim) -> DbResult<Vec<Kim>> {
    let mut near = areas::kims_in_kelurahan(db, kim.kelurahan_id).await?;
    if near.is_empty() {
        let kecamatan = kim.area_path.rsplit_once('/').map_or(kim.area_path.as_str(), |(up, _)| up);
        near = areas::all_kims(db).await?.into_iter().filter(|k| covers(kecamatan, &k.area_path)).collect();
    }
    near.truncate(MAX_CHOICES);
    Ok(near)
}

/// The messages a retirement sends: residents asked to choose again (with buttons),
/// coordinators told their scope ended, groups told they were unlinked.
pub async fn notices(db: &Db, r: &Retired) -> DbResult<Vec<Outgoing>> {
    let near = choices_near(db, &r.kim).await?;
    let buttons: Vec<Vec<ButtonSpec>> = near
        .iter()
        .map(|k| vec![ButtonSpec { label: format!("{} ({})", k.name, k.code), data: MembersButton::Kim(k.id.get()).callback_data() }])
        .collect();
    let kim = || [("kim", Arg::from(r.kim.name.clone()))];
    let mut out = Vec::new();
    for &user in &r.coordinators {
        let lang = users::language(db, user).await?;
        out.push(Outgoing::text(user.chat(), ta(lang, "kim-retired-coordinator", &kim()), Priority::Personal, None));
    }
    for &user in &r.residents {
        let lang = users::language(db, user).await?;
        let text = ta(lang, "kim-retired-choose", &kim());
        let body = Body::Text { text, buttons: buttons.clone(), entities: Vec::new() };
        out.push(Outgoing { chat_id: user.chat(), body, priority: Priority::Personal, source: None });
    }
    for &chat in &r.groups {
        out.push(Outgoing::text(chat, ta(Lang::Id, "kim-retired-group", &kim()), Priority::Personal, None));
    }
    Ok(out)
}

/// The membership buttons: a `/bahasa` language, or a KIM chosen again after its
/// own was retired. Valid whatever dialogue is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembersButton {
    /// `lg:id`, `lg:en`: the wire form these buttons always had.
    Lang(Lang),
    /// `lg:k<id>`: join this KIM (if it may still be chosen).
    Kim(i64),
}

impl Payload for MembersButton {
    /// The prefix the language buttons had when they were the bot layer's own:
    /// keyboards sent before keep working.
    const PREFIX: &'static str = "lg";

    fn data(&self) -> String {
        match self {
            MembersButton::Lang(lang) => lang.code().to_string(),
            MembersButton::Kim(id) => format!("k{id}"),
        }
    }

    fn parse(data: &str) -> Option<Self> {
        if let Some(id) = data.strip_prefix('k') {
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            return id.parse().ok().filter(|id: &i64| *id > 0).map(MembersButton::Kim);
        }
        Lang::from_code(data).map(MembersButton::Lang)
    }
}

/// "KIM Bukit Lama (Bukit Lama, Ilir Barat I)" for the joined message.
pub fn joined_text(lang: Lang, kim: &Kim) -> String {
    ta(lang, "kim-joined", &[("kim", Arg::from(&kim.name)), ("area", Arg::from(display_path(&kim.area_path)))])
}

/// The answer to a KIM button whose KIM is gone or retired.
pub fn gone_text(lang: Lang) -> String {
    t(lang, "kim-retired-gone")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::buttons::assert_round_trip;

    #[test]
    fn membership_buttons_keep_the_language_wire_form_and_refuse_forgeries() {
        assert_round_trip(&[MembersButton::Lang(Lang::Id), MembersButton::Lang(Lang::En), MembersButton::Kim(42)]);
        assert_eq!(MembersButton::Lang(Lang::En).callback_data(), "lg:en");
        for forged in ["lg:fr", "lg:", "lg:id:x", "lg:ID", "lg:k", "lg:k-1", "lg:k0", "lg:k+5", "lg:kx"] {
            assert_eq!(MembersButton::parse_callback(forged), None, "{forged}");
        }
    }
}
