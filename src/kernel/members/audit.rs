//! Membership in the audit log's words (groups linked, invites, roles granted and
//! revoked, areas imported), and the names behind people, groups and KIMs that every other
//! vocabulary shows instead of ids.

use sqlx::Row;

use super::Role;
use crate::audit_need as need;
use crate::platform::audit::words::{Args, Built, Detail, Reader, Sentence, Vocabulary, Words, name_by_id};
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, t, ta};
use crate::platform::personal::ERASED_USER;

/// Groups, invites and roles.
pub static WORDS: Vocabulary = Vocabulary { families: &["area", "group", "invite", "role", "agency"], sentence: Sentence::Async(words) };

fn words<'a>(r: &'a Reader<'a>, action: &'a str, d: &'a Detail) -> Words<'a> {
    Box::pin(sentence(r, action, d))
}

/// A person's first name as Telegram gave it (none once they erased their data).
pub async fn first_name(db: &Db, id: i64) -> DbResult<Option<String>> {
    name_by_id(db, "SELECT first_name FROM users WHERE id = $1", id).await
}

pub async fn group_title(db: &Db, chat_id: i64) -> DbResult<Option<String>> {
    name_by_id(db, "SELECT title FROM tg_groups WHERE chat_id = $1", chat_id).await
}

pub async fn kim_by_id(db: &Db, id: i64) -> DbResult<Option<String>> {
    name_by_id(db, "SELECT name FROM kims WHERE id = $1", id).await
}

pub async fn kim_by_code(db: &Db, code: &str) -> DbResult<Option<String>> {
    let row = sqlx::query("SELECT name FROM kims WHERE code = $1").bind(code).fetch_optional(&db.pool).await?;
    Ok(row.map(|r| r.try_get::<String, _>("name")).transpose()?)
}

/// Who acted: a name and id, the system, or an erased person.
pub async fn who(r: &Reader<'_>, actor: Option<i64>) -> DbResult<String> {
    Ok(match actor {
        None => t(r.lang, "audit-actor-system"),
        Some(ERASED_USER) => t(r.lang, "audit-who-erased"),
        Some(id) => person(r, id).await?,
    })
}

/// "Budi (7002)", or the bare id when the name is gone.
pub async fn person(r: &Reader<'_>, id: i64) -> DbResult<String> {
    Ok(match first_name(r.db, id).await? {
        Some(name) => ta(r.lang, "audit-who", &[("name", Arg::from(name)), ("id", Arg::from(id))]),
        None => ta(r.lang, "audit-who-unknown", &[("id", Arg::from(id))]),
    })
}

async fn sentence(r: &Reader<'_>, action: &str, d: &Detail) -> DbResult<Built> {
    let lang = r.lang;
    let role = |code: Option<&str>| code.and_then(Role::parse).map(|role| Arg::from(t(lang, role.message_key())));
    let group = match d.int("chat") {
        Some(chat) => Some(Arg::from(group_title(r.db, chat).await?.map(|g| format!("«{g}»")).unwrap_or_else(|| chat.to_string()))),
        None => None,
    };
    let kim = match d.get("kim") {
        Some(code) => Some(Arg::from(kim_by_code(r.db, code).await?.unwrap_or_else(|| code.to_string()))),
        None => None,
    };
    let built: (&'static str, Args) = match action {
        "area.import" if d.get("source") == Some("official") => (
            "audit-act-area-import-official",
            vec![
                ("area", Arg::from(need!(d.get("wilayah")))),
                ("count", Arg::from(need!(d.int("areas_added")))),
                ("n", Arg::from(need!(d.int("kims_added")))),
            ],
        ),
        "area.kim_add" => ("audit-act-area-kim-add", vec![("kim", need!(kim))]),
        "area.kim_change" => ("audit-act-area-kim-change", vec![("kim", need!(kim))]),
        "area.kim_retire" => {
            let n = |key: &str| d.int(key).map(Arg::from);
            ("audit-act-area-kim-retire", vec![("kim", need!(kim)), ("people", need!(n("residents"))), ("grants", need!(n("coordinators"))), ("groups", need!(n("groups")))])
        }
        "area.import" => ("audit-act-area-import-csv", vec![("rows", Arg::from(need!(d.int("rows"))))]),
        "group.link" => ("audit-act-group-link", vec![("group", need!(group)), ("kim", need!(kim))]),
        "group.unlink" => ("audit-act-group-unlink", vec![("group", need!(group)), ("kim", need!(kim))]),
        "group.migrate" => ("audit-act-group-migrate", vec![("group", need!(group))]),
        "group.topic" => {
            let kind = super::topics::label_key(need!(d.get("kind")));
            ("audit-act-group-topic", vec![("group", need!(group)), ("kind", Arg::from(t(lang, &kind)))])
        }
        "group.status" => {
            let code = need!(d.get("status"));
            let word = if ["active", "left", "restricted"].contains(&code) { t(lang, &format!("audit-group-{code}")) } else { code.to_string() };
            ("audit-act-group-status", vec![("group", need!(group)), ("status", Arg::from(word))])
        }
        "invite.create" => ("audit-act-invite-create", vec![("role", need!(role(d.get("role")))), ("scope", Arg::from(need!(d.get("scope"))))]),
        "role.grant" => {
            let key = if d.get("via") == Some("invite") { "audit-act-role-grant-invite" } else { "audit-act-role-grant" };
            let user = person(r, need!(d.int("user"))).await?;
            (key, vec![("user", Arg::from(user)), ("role", need!(role(d.get("role")))), ("scope", Arg::from(need!(d.get("scope"))))])
        }
        "role.revoke" => {
            let user = person(r, need!(d.int("user"))).await?;
            let (grants, paused) = (need!(d.int("grants")), d.int("schedules_paused").unwrap_or(0));
            ("audit-act-role-revoke", vec![("user", Arg::from(user)), ("grants", Arg::from(grants)), ("paused", Arg::from(paused))])
        }
        "role.move" => {
            let user = person(r, need!(d.int("user"))).await?;
            ("audit-act-role-move", vec![("user", Arg::from(user)), ("role", need!(role(d.get("role")))), ("scope", Arg::from(need!(d.get("scope"))))])
        }
        "agency.import" => ("audit-act-agency-import", vec![("rows", Arg::from(need!(d.int("rows"))))]),
        "agency.route" => {
            let args = vec![("agency", Arg::from(need!(d.get("opd")))), ("category", Arg::from(need!(d.get("category")))), ("place", Arg::from(need!(d.get("place"))))];
            ("audit-act-agency-route", args)
        }
        "agency.unroute" => {
            let args = vec![("category", Arg::from(need!(d.get("category")))), ("place", Arg::from(need!(d.get("place"))))];
            ("audit-act-agency-unroute", args)
        }
        _ => return Ok(None),
    };
    Ok(Some(built))
}
