//! Bot API method dispatch (everything except the long-polling `getUpdates`,
//! which lives in `server.rs` because it has to wait).

use serde_json::{Value, json};
use teloxide::types::BotCommand;

use crate::BOT_ID;
use crate::faults::ApiErr;
use crate::json;
use crate::messages::{self, target_chat};
use crate::params;
use crate::state::{BotEvent, CallbackAnswer, ChatType, CommandSet, MsgKind, State};

/// Methods answered `true` without a warning: they have no effect the fake
/// needs to model.
const TRIVIAL: &[&str] = &[
    "sendchataction",
    "setchatmenubutton",
    "setmydescription",
    "setmyshortdescription",
    "setmyname",
    "pinchatmessage",
    "unpinchatmessage",
    "unpinallchatmessages",
    "setmessagereaction",
    "banchatmember",
    "unbanchatmember",
    "restrictchatmember",
    "close",
    "logout",
];

/// Runs one method against the state. `events` collects what watchers should see.

/// Body of every file downloaded from `/file/bot<token>/<path>`.
pub const FAKE_FILE: &[u8] = b"fake telegram file content";

pub fn dispatch(
    st: &mut State,
    method: &str,
    p: &Value,
    events: &mut Vec<BotEvent>,
) -> Result<Value, ApiErr> {
    if let Some(answer) = crate::forum::dispatch(st, method, p) {
        return answer;
    }
    match method {
        "getme" => Ok(json::me()),
        "getwebhookinfo" => {
            let mut info = json!({
                "url": st.webhook_url, "has_custom_certificate": false,
                "pending_update_count": st.updates.len() + st.raw_updates.len(),
                "max_connections": st.webhook_max_connections
            });
            if let Some((at, message)) = &st.webhook_error {
                info["last_error_date"] = json!(at);
                info["last_error_message"] = json!(message);
            }
            if let Some(list) = &st.allowed_updates {
                info["allowed_updates"] = json!(list);
            }
            Ok(info)
        }
        "setwebhook" => {
            st.webhook_url = params::str_of(p, "url").unwrap_or_default();
            st.webhook_secret = params::str_of(p, "secret_token").filter(|s| !s.is_empty());
            if let Some(Value::Array(list)) = params::json_of(p, "allowed_updates") {
                let list: Vec<String> = list.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect();
                st.allowed_updates = (!list.is_empty()).then_some(list);
            }
            st.webhook_error = None;
            st.webhook_max_connections = params::i64_of(p, "max_connections")
                .map_or(crate::webhook::DEFAULT_MAX_CONNECTIONS, |n| n.clamp(1, 100) as usize);
            if params::bool_of(p, "drop_pending_updates") {
                st.updates.clear();
            }
            Ok(json!(true))
        }
        "deletewebhook" => {
            st.webhook_url.clear();
            st.webhook_secret = None;
            if params::bool_of(p, "drop_pending_updates") {
                st.updates.clear();
            }
            Ok(json!(true))
        }
        "sendmessage" => messages::send(st, MsgKind::Text, p, events),
        "sendphoto" => messages::send(st, MsgKind::Photo, p, events),
        "senddocument" => messages::send(st, MsgKind::Document, p, events),
        "sendlocation" => messages::send(st, MsgKind::Location, p, events),
        "editmessagetext" | "editmessagecaption" | "editmessagereplymarkup" => {
            messages::edit(st, method, p, events)
        }
        "deletemessage" => messages::delete(st, p, events),
        "sendpoll" => crate::polls::send(st, p, events),
        "stoppoll" => crate::polls::stop(st, p),
        "answercallbackquery" => answer_callback(st, p, events),
        "setmycommands" => set_commands(st, p),
        "getmycommands" => {
            let (scope, lang) = scope_of(p);
            let found = st
                .my_commands
                .iter()
                .find(|c| c.scope == scope && c.language_code == lang);
            Ok(found
                .map(|c| json!(c.commands))
                .unwrap_or_else(|| json!([])))
        }
        "deletemycommands" => {
            let (scope, lang) = scope_of(p);
            st.my_commands
                .retain(|c| !(c.scope == scope && c.language_code == lang));
            Ok(json!(true))
        }
        "getchat" => {
            let id = target_chat(st, p, false)?;
            Ok(st.chats.get(&id).map(json::chat_full).unwrap_or_default())
        }
        "getchatmember" => get_chat_member(st, p),
        "getchatadministrators" => {
            let id = target_chat(st, p, false)?;
            let mut admins: Vec<Value> = st
                .member_status
                .iter()
                .filter(|((c, _), s)| {
                    *c == id && (s.as_str() == "administrator" || s.as_str() == "creator")
                })
                .filter_map(|((_, u), s)| {
                    st.users.get(u).map(|u| json::chat_member(json::user(u), s))
                })
                .collect();
            if st.bot_status.get(&id).map(String::as_str) == Some("administrator") {
                admins.push(json::chat_member(json::bot_user(), "administrator"));
            }
            Ok(json!(admins))
        }
        "getchatmembercount" => {
            let id = target_chat(st, p, false)?;
            Ok(json!(
                st.member_status.keys().filter(|(c, _)| *c == id).count() + 1
            ))
        }
        "leavechat" => {
            let id = target_chat(st, p, false)?;
            st.bot_status.insert(id, "left".into());
            Ok(json!(true))
        }
        "getfile" => {
            let fid = params::str_of(p, "file_id").unwrap_or_default();
            if fid.is_empty() {
                return Err(ApiErr::bad_request("invalid file_id"));
            }
            Ok(
                json!({ "file_id": fid, "file_unique_id": format!("u-{fid}"),
                       "file_size": FAKE_FILE.len(), "file_path": format!("files/{fid}") }),
            )
        }
        m if TRIVIAL.contains(&m) => Ok(json!(true)),
        other => {
            tracing::warn!(
                method = other,
                "fake-telegram: unknown method, answering true"
            );
            if !st.stats.unknown_methods.iter().any(|m| m == other) {
                st.stats.unknown_methods.push(other.to_owned());
            }
            Ok(json!(true))
        }
    }
}

fn scope_of(p: &Value) -> (Value, Option<String>) {
    let scope = params::json_of(p, "scope").unwrap_or_else(|| json!({ "type": "default" }));
    let lang = params::str_of(p, "language_code").filter(|l| !l.is_empty());
    (scope, lang)
}

/// setMyCommands, with Telegram's validation of command names (1-32 chars of
/// `a-z0-9_`) and descriptions (1-256 chars): bots get 400s for these.
fn set_commands(st: &mut State, p: &Value) -> Result<Value, ApiErr> {
    let raw = params::json_of(p, "commands").unwrap_or_else(|| json!([]));
    let commands: Vec<BotCommand> = serde_json::from_value(raw)
        .map_err(|e| ApiErr::bad_request(&format!("can't parse commands: {e}")))?;
    if commands.len() > 100 {
        return Err(ApiErr::bad_request("too many commands"));
    }
    for c in &commands {
        let ok_name = (1..=32).contains(&c.command.len())
            && c.command
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
        if !ok_name {
            return Err(ApiErr::bad_request("BOT_COMMAND_INVALID"));
        }
        if !(1..=256).contains(&c.description.chars().count()) {
            return Err(ApiErr::bad_request(
                "command description is empty or too long",
            ));
        }
    }
    let (scope, language_code) = scope_of(p);
    st.my_commands
        .retain(|c| !(c.scope == scope && c.language_code == language_code));
    st.my_commands.push(CommandSet {
        scope,
        language_code,
        commands,
    });
    Ok(json!(true))
}

fn answer_callback(st: &mut State, p: &Value, events: &mut Vec<BotEvent>) -> Result<Value, ApiErr> {
    let id = params::str_of(p, "callback_query_id").unwrap_or_default();
    let pending = st.callbacks.remove(&id).ok_or_else(|| {
        ApiErr::bad_request("query is too old and response timeout expired or query ID is invalid")
    })?;
    let answer = CallbackAnswer {
        callback_query_id: id,
        user_id: pending.user_id,
        chat_id: pending.chat_id,
        text: params::str_of(p, "text"),
        show_alert: params::bool_of(p, "show_alert"),
    };
    st.callback_answers.push(answer.clone());
    events.push(BotEvent::CallbackAnswer(answer));
    Ok(json!(true))
}

fn get_chat_member(st: &State, p: &Value) -> Result<Value, ApiErr> {
    let chat_id = target_chat(st, p, false)?;
    let user_id =
        params::i64_of(p, "user_id").ok_or_else(|| ApiErr::bad_request("user_id is empty"))?;
    if user_id == BOT_ID {
        let status = st
            .bot_status
            .get(&chat_id)
            .map(String::as_str)
            .unwrap_or("member");
        return Ok(json::chat_member(json::bot_user(), status));
    }
    let user = st
        .users
        .get(&user_id)
        .ok_or_else(|| ApiErr::bad_request("user not found"))?;
    let private = st
        .chats
        .get(&chat_id)
        .is_some_and(|c| c.kind == ChatType::Private);
    if private && chat_id != user_id {
        return Err(ApiErr::bad_request("user not found"));
    }
    let status = st
        .member_status
        .get(&(chat_id, user_id))
        .map(String::as_str)
        .unwrap_or("member");
    Ok(json::chat_member(json::user(user), status))
}
