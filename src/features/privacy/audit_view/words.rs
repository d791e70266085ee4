//! The audit log in people's words and the reader's language: "Budi (7002)
//! exported the aspiration report for Kemuning, 120 rows" instead of
//! `report.export kind=aspirations scope=… rows=120`. One message key per action
//! (`audit-act-…`) with its parameters, names looked up behind the ids; an action
//! this table does not know, or a detail it cannot read, falls back to one
//! generic sentence that still shows the action and its detail.
//!
//! The CLI (`kimbot audit`) keeps the raw form for the office.

use chrono_tz::Tz;

use super::detail::{self, Detail, area_name};
use crate::kernel::members::Role;
use crate::platform::audit::Entry;
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::personal::ERASED_USER;
use crate::platform::text::clip;

/// Generic sentences show at most this much of a detail.
const MAX_DETAIL: usize = 200;
/// Addresses are cut to this many characters, so ten entries fit one message.
const MAX_URL: usize = 100;


type Args = Vec<(&'static str, Arg)>;
/// A message key and its arguments, or `None` when the detail lacks a part.
type Built = Option<(&'static str, Args)>;

/// What the reader needs besides the entry.
pub struct Reader<'a> {
    pub db: &'a Db,
    pub lang: Lang,
    pub tz: Tz,
}

/// "20-12-2026 10:00 · Budi (7002)\nexported …".
pub async fn line(r: &Reader<'_>, e: &Entry) -> DbResult<String> {
    let args = [("at", Arg::from(detail::time(e.at, r.tz))), ("who", Arg::from(who(r, e.actor).await?)), ("what", Arg::from(sentence(r, e).await?))];
    Ok(ta(r.lang, "audit-entry", &args))
}

/// Who acted: a name and id, the system, or an erased person.
pub async fn who(r: &Reader<'_>, actor: Option<i64>) -> DbResult<String> {
    Ok(match actor {
        None => t(r.lang, "audit-actor-system"),
        Some(ERASED_USER) => t(r.lang, "audit-who-erased"),
        Some(id) => person(r, id).await?,
    })
}

async fn person(r: &Reader<'_>, id: i64) -> DbResult<String> {
    Ok(match detail::person(r.db, id).await? {
        Some(name) => ta(r.lang, "audit-who", &[("name", Arg::from(name)), ("id", Arg::from(id))]),
        None => ta(r.lang, "audit-who-unknown", &[("id", Arg::from(id))]),
    })
}

/// What was done, as a sentence.
pub async fn sentence(r: &Reader<'_>, e: &Entry) -> DbResult<String> {
    let d = Detail::parse(&e.detail);
    let family = e.action.split('.').next().unwrap_or_default();
    let built = match family {
        "report" | "training" => trainings_and_reports(r, &e.action, &d).await?,
        "aspiration" | "announcement" | "factcheck" => tickets_and_announcements(r, &e.action, &d),
        "group" | "invite" | "role" | "privacy" => groups_and_roles(r, &e.action, &d).await?,
        "feed" | "webhook" | "umkm" | "console" => feeds_and_console(r, &e.action, &d).await?,
        "poll" | "survey" => polls_and_surveys(r, &e.action, &d),
        _ => None,
    };
    let Some((key, args)) = built else { return Ok(generic(r.lang, e)) };
    let via = match d.get("via") {
        Some("cli") => t(r.lang, "audit-via-cli"),
        Some("console") => t(r.lang, "audit-via-console"),
        _ => String::new(),
    };
    Ok(format!("{}{via}", ta(r.lang, key, &args)))
}

fn generic(lang: Lang, e: &Entry) -> String {
    let detail = clip(&e.detail, MAX_DETAIL);
    let detail = if detail.is_empty() { detail } else { format!(": {detail}") };
    ta(lang, "audit-act-other", &[("action", Arg::from(&e.action)), ("detail", Arg::from(detail))])
}

/// Returns `Ok(None)` from the builder when a part is missing.
macro_rules! need {
    ($e:expr) => {
        match $e {
            Some(v) => v,
            None => return Ok(None),
        }
    };
}

/// `«Sewing basics»`, or `#4` when the training is gone.
async fn training(r: &Reader<'_>, d: &Detail) -> DbResult<Option<String>> {
    let Some(id) = d.int("training") else { return Ok(None) };
    Ok(Some(match detail::training(r.db, id).await? {
        Some(title) => format!("«{title}»"),
        None => format!("#{id}"),
    }))
}

async fn trainings_and_reports(r: &Reader<'_>, action: &str, d: &Detail) -> DbResult<Built> {
    let rows = || d.int("rows").map(Arg::from);
    let built: (&'static str, Args) = match (action, d.get("kind")) {
        ("report.export", Some("aspirations")) => ("audit-act-report-aspirations", vec![
            ("scope", Arg::from(area_name(r.lang, need!(d.get("scope"))))),
            ("period", Arg::from(detail::period(d.get("period")))),
            ("rows", need!(rows())),
        ]),
        ("report.export", Some("umkm")) => ("audit-act-report-umkm", vec![
            ("scope", Arg::from(area_name(r.lang, need!(d.get("scope"))))),
            ("rows", need!(rows())),
        ]),
        ("report.export", Some("attendance")) | ("training.export", _) => {
            let key = if action == "training.export" { "audit-act-training-export" } else { "audit-act-report-attendance" };
            (key, vec![("training", Arg::from(need!(training(r, d).await?))), ("rows", need!(rows()))])
        }
        _ => return training_changes(r, action, d).await,
    };
    Ok(Some(built))
}

async fn training_changes(r: &Reader<'_>, action: &str, d: &Detail) -> DbResult<Built> {
    let title = ("training", Arg::from(need!(training(r, d).await?)));
    let built: (&'static str, Args) = match action {
        "training.publish" => {
            let kim = detail::kim_by_id(r.db, need!(d.int("kim"))).await?.unwrap_or_default();
            let start = detail::time(need!(d.int("start")), r.tz);
            ("audit-act-training-publish", vec![title, ("kim", Arg::from(kim)), ("start", Arg::from(start)), ("quota", Arg::from(need!(d.int("quota"))))])
        }
        "training.announce" => ("audit-act-training-announce", vec![title, ("groups", Arg::from(need!(d.list_len("groups"))))]),
        "training.invite" => ("audit-act-training-invite", vec![title, ("count", Arg::from(need!(d.int("invited"))))]),
        "training.close" => ("audit-act-training-close", vec![title]),
        "training.cancel" => ("audit-act-training-cancel", vec![title, ("told", Arg::from(need!(d.int("told"))))]),
        "training.edit" => ("audit-act-training-edit", vec![title, ("told", Arg::from(need!(d.int("told"))))]),
        _ => return Ok(None),
    };
    Ok(Some(built))
}

/// An aspiration status code in the reader's language.
fn status(lang: Lang, code: &str) -> String {
    match code {
        "diterima" | "diteruskan" | "ditindaklanjuti" | "selesai" | "ditolak" => t(lang, &format!("asp-status-{code}")),
        other => other.to_string(),
    }
}

fn tickets_and_announcements(r: &Reader<'_>, action: &str, d: &Detail) -> Built {
    let id = || d.int("id").map(Arg::from);
    let lang = r.lang;
    let change = |key: &'static str| {
        let (ticket, from, to) = d.status_change()?;
        Some((key, vec![("ticket", Arg::from(ticket)), ("from", Arg::from(status(lang, from))), ("to", Arg::from(status(lang, to)))]))
    };
    let head = || (!d.head.is_empty()).then(|| Arg::from(d.head.split_whitespace().next().unwrap_or_default()));
    Some(match action {
        "aspiration.status" => return change("audit-act-aspiration-status"),
        "aspiration.reopen" => return change("audit-act-aspiration-reopen"),
        "aspiration.undo" => return change("audit-act-aspiration-undo"),
        "aspiration.reply" => ("audit-act-aspiration-reply", vec![("ticket", head()?)]),
        "announcement.send" => ("audit-act-announcement-send", vec![("id", id()?), ("groups", Arg::from(d.int("groups")?))]),
        "announcement.schedule" => {
            ("audit-act-announcement-schedule", vec![("id", id()?), ("first", Arg::from(detail::time(d.int("first")?, r.tz)))])
        }
        "announcement.fire" => ("audit-act-announcement-fire", vec![("id", id()?), ("groups", Arg::from(d.int("groups")?))]),
        "announcement.recall" => ("audit-act-announcement-recall", vec![("id", id()?), ("groups", Arg::from(d.int("deleted")?))]),
        "announcement.cancel" => ("audit-act-announcement-cancel", vec![("id", id()?)]),
        "announcement.pause" => ("audit-act-announcement-pause", vec![("id", id()?)]),
        "announcement.resume" => ("audit-act-announcement-resume", vec![("id", id()?)]),
        "factcheck.request" => ("audit-act-factcheck-request", vec![("number", head()?)]),
        "factcheck.verdict" => {
            let (number, code) = d.head.split_once(' ')?;
            let known = ["hoaks", "disinformasi", "misinformasi", "fakta", "belum"].contains(&code);
            let verdict = if known { t(lang, &format!("fc-verdict-{code}")) } else { code.to_string() };
            ("audit-act-factcheck-verdict", vec![("number", Arg::from(number)), ("verdict", Arg::from(verdict))])
        }
        _ => return None,
    })
}

/// Polls and surveys: what was asked of whom in counts; never who answered.
fn polls_and_surveys(r: &Reader<'_>, action: &str, d: &Detail) -> Built {
    let int = |key: &str| d.int(key).map(Arg::from);
    let scope = |key: &str| d.get(key).map(|path| Arg::from(area_name(r.lang, path)));
    Some(match action {
        "poll.create" => {
            ("audit-act-poll-create", vec![("id", int("id")?), ("groups", int("groups")?), ("people", int("people")?), ("scope", scope("scope")?)])
        }
        "poll.close" => {
            let key = if d.get("how") == Some("early") { "audit-act-poll-close-early" } else { "audit-act-poll-close" };
            (key, vec![("id", int("id")?), ("chats", int("chats")?)])
        }
        "poll.recall" => ("audit-act-poll-recall", vec![("id", int("id")?), ("chats", int("chats")?)]),
        "survey.send" => (
            "audit-act-survey-send",
            vec![("id", int("survey")?), ("questions", int("questions")?), ("people", int("sent")?), ("scope", scope("reach")?)],
        ),
        "survey.close" => ("audit-act-survey-close", vec![("id", int("survey")?)]),
        "survey.closed_on_time" => ("audit-act-survey-closed-on-time", vec![("id", int("survey")?)]),
        "survey.recall" => ("audit-act-survey-recall", vec![("id", int("survey")?), ("dropped", int("unsent_dropped")?)]),
        _ => return None,
    })
}

async fn groups_and_roles(r: &Reader<'_>, action: &str, d: &Detail) -> DbResult<Built> {
    let lang = r.lang;
    let role = |code: Option<&str>| code.and_then(Role::parse).map(|role| Arg::from(t(lang, role.message_key())));
    let group = match d.int("chat") {
        Some(chat) => Some(Arg::from(detail::group(r.db, chat).await?.map(|g| format!("«{g}»")).unwrap_or_else(|| chat.to_string()))),
        None => None,
    };
    let kim = match d.get("kim") {
        Some(code) => Some(Arg::from(detail::kim_by_code(r.db, code).await?.unwrap_or_else(|| code.to_string()))),
        None => None,
    };
    let built: (&'static str, Args) = match action {
        "group.link" => ("audit-act-group-link", vec![("group", need!(group)), ("kim", need!(kim))]),
        "group.unlink" => ("audit-act-group-unlink", vec![("group", need!(group)), ("kim", need!(kim))]),
        "group.migrate" => ("audit-act-group-migrate", vec![("group", need!(group))]),
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
        "privacy.erase" => ("audit-act-privacy-erase", vec![
            ("tickets", Arg::from(need!(d.int("tickets_anonymised")))),
            ("seats", Arg::from(need!(d.int("seats_freed")))),
            ("paused", Arg::from(need!(d.int("schedules_paused")))),
        ]),
        _ => return Ok(None),
    };
    Ok(Some(built))
}

async fn feeds_and_console(r: &Reader<'_>, action: &str, d: &Detail) -> DbResult<Built> {
    let ticket = || Arg::from(d.head.split_whitespace().next().unwrap_or_default());
    let built: (&'static str, Args) = match action {
        "feed.add" => ("audit-act-feed-add", vec![
            ("feed", Arg::from(need!(d.int("feed")))),
            ("url", Arg::from(clip(need!(d.get("url")), MAX_URL))),
            ("area", Arg::from(area_name(r.lang, need!(d.get("area"))))),
        ]),
        "feed.remove" => {
            let url = d.get("url").map(|u| format!(" ({})", clip(u, MAX_URL))).unwrap_or_default();
            ("audit-act-feed-remove", vec![("feed", Arg::from(need!(d.int("feed")))), ("url", Arg::from(url))])
        }
        "webhook.add" => ("audit-act-webhook-add", vec![("id", Arg::from(need!(d.int("id")))), ("url", Arg::from(clip(need!(d.get("url")), MAX_URL)))]),
        "webhook.remove" => ("audit-act-webhook-remove", vec![("id", Arg::from(need!(d.int("id"))))]),
        "webhook.retry" => ("audit-act-webhook-retry", vec![("id", Arg::from(need!(d.int("delivery"))))]),
        "umkm.list" => ("audit-act-umkm-list", vec![("page", Arg::from(need!(d.int("page"))))]),
        "console.link" => ("audit-act-console-link", vec![]),
        "console.login" => ("audit-act-console-login", vec![]),
        "console.logout" if d.head.is_empty() => ("audit-act-console-logout", vec![]),
        "console.logout" => ("audit-act-console-logout-revoked", vec![]),
        "console.view" if !d.head.is_empty() => ("audit-act-console-view", vec![("ticket", ticket())]),
        "console.photo" if !d.head.is_empty() => ("audit-act-console-photo", vec![("ticket", ticket()), ("n", Arg::from(need!(d.int("photo"))))]),
        "console.queue" => ("audit-act-console-queue", vec![]),
        "console.umkm" => ("audit-act-console-umkm", vec![]),
        "console.umkm.view" => {
            let id = need!(d.int("umkm"));
            let name = detail::business(r.db, id).await?.map(|b| format!("«{b}»")).unwrap_or_else(|| format!("#{id}"));
            ("audit-act-console-umkm-view", vec![("business", Arg::from(name))])
        }
        "console.training.view" => ("audit-act-console-training-view", vec![("training", Arg::from(need!(training(r, d).await?)))]),
        "console.attendance" => ("audit-act-console-attendance", vec![("training", Arg::from(need!(training(r, d).await?)))]),
        _ => return Ok(None),
    };
    Ok(Some(built))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every audit sentence renders in both languages with the parameters the
    /// builders pass: no key shown instead of text, no placeable left unfilled.
    #[test]
    fn every_audit_sentence_renders_in_both_languages() {
        let numbers = ["id", "rows", "quota", "groups", "count", "told", "grants", "paused", "tickets", "seats", "feed", "page", "n", "people", "chats", "questions", "dropped"];
        let words = [
            "at", "who", "what", "name", "action", "detail", "scope", "period", "training", "kim", "start", "ticket", "from", "to",
            "first", "number", "verdict", "group", "status", "role", "user", "url", "area", "business",
        ];
        let args: Vec<(&'static str, Arg)> =
            numbers.into_iter().map(|k| (k, Arg::from(2))).chain(words.into_iter().map(|k| (k, Arg::from("X")))).collect();
        let checked = crate::platform::i18n::assert_file_renders("audit.ftl", "audit-", &args);
        assert!(checked > 50, "{checked} keys");
    }

    #[test]
    fn a_generic_sentence_keeps_the_action_and_a_clipped_detail() {
        let e = Entry { actor: None, action: "mystery.thing".into(), detail: "x".repeat(300), at: 0 };
        let text = generic(Lang::En, &e);
        assert!(text.starts_with("did mystery.thing: xxx") && text.ends_with('…'), "{text}");
        let bare = Entry { detail: String::new(), ..e };
        assert_eq!(generic(Lang::Id, &bare), "melakukan tindakan mystery.thing");
    }

    #[tokio::test]
    async fn polls_surveys_and_undo_read_as_sentences_not_the_generic_one() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("a.db").display());
        let db = Db::connect(&url, crate::platform::config::Backend::Sqlite).await.unwrap();
        let r = Reader { db: &db, lang: Lang::En, tz: chrono_tz::Asia::Jakarta };
        let cases = [
            ("aspiration.undo", "ASP-2026-000001: selesai -> diteruskan", "undid a status change of ASP-2026-000001"),
            ("poll.create", "id=3 groups=2 people=1 scope=Kota Palembang/Ilir Barat I", "created poll #3 for"),
            ("poll.close", "id=3 chats=4 how=on_time", "poll #3 closed on time in 4 chats"),
            ("poll.close", "id=3 chats=1 how=early", "closed poll #3 early in 1 chat"),
            ("poll.recall", "id=3 chats=2", "recalled poll #3 from 2 chats"),
            ("survey.send", "survey=5 reach=Kota Palembang questions=1 sent=7", "sent survey #5 (1 question) to 7 residents in"),
            ("survey.close", "survey=5 unsent_dropped=0", "closed survey #5 early"),
            ("survey.closed_on_time", "survey=5", "survey #5 closed on time"),
            ("survey.recall", "survey=5 unsent_dropped=1", "recalled survey #5; 1 unsent invitation was cancelled"),
        ];
        for (action, detail, want) in cases {
            let e = Entry { actor: None, action: action.into(), detail: detail.into(), at: 0 };
            let text = sentence(&r, &e).await.unwrap();
            assert!(text.starts_with(want), "{action}: {text}");
        }
    }
}
