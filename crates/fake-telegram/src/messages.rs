//! The bot's outgoing messages: send, edit, delete.
//!
//! Mirrors Telegram's checks that bots commonly trip over (empty text, editing
//! a deleted message, "message is not modified", sending into a chat the bot
//! was kicked from, a migrated group) so the bot's handling of them is tested.

use serde_json::{Value, json};

use crate::faults::ApiErr;
use crate::json;
use crate::params::{self, Markup};
use crate::state::{BotEvent, BotMessage, ChatType, MsgKind, State};

/// Resolves the `chat_id` parameter to a known chat, as Telegram would.
pub fn target_chat(st: &State, p: &Value, follow_migration: bool) -> Result<i64, ApiErr> {
    let id = match p.get("chat_id") {
        Some(Value::String(s)) if s.starts_with('@') => st
            .chats
            .values()
            .find(|c| c.username.as_deref() == Some(&s[1..]))
            .map(|c| c.id)
            .ok_or_else(|| ApiErr::bad_request("chat not found"))?,
        _ => params::i64_of(p, "chat_id").ok_or_else(|| ApiErr::bad_request("chat_id is empty"))?,
    };
    if follow_migration && let Some(to) = st.migrated.get(&id) {
        return Err(ApiErr::migrated(*to));
    }
    if !st.chats.contains_key(&id) {
        return Err(ApiErr::bad_request("chat not found"));
    }
    Ok(id)
}

/// Refuses sends into chats where the bot is blocked, kicked or muted.
pub(crate) fn check_can_send(st: &State, chat_id: i64) -> Result<(), ApiErr> {
    let Some(chat) = st.chats.get(&chat_id) else {
        return Ok(());
    };
    if chat.kind == ChatType::Private {
        if st.blocked_by.contains(&chat_id) {
            return Err(ApiErr::forbidden("bot was blocked by the user"));
        }
        return Ok(());
    }
    let kind = chat.kind.as_str();
    match st.bot_status.get(&chat_id).map(String::as_str) {
        Some("kicked") => Err(ApiErr::forbidden(&format!(
            "bot was kicked from the {kind} chat"
        ))),
        Some("left") => Err(ApiErr::forbidden(&format!(
            "bot is not a member of the {kind} chat"
        ))),
        Some("restricted") => Err(ApiErr::bad_request(
            "not enough rights to send text messages to the chat",
        )),
        _ => Ok(()),
    }
}

/// A file parameter: an uploaded part (`{"file_name":..,"size":..}`) or a
/// file_id / URL string. Returns (description, size).
fn file_param(p: &Value, key: &str) -> Result<(String, u64), ApiErr> {
    match p.get(key) {
        Some(Value::Object(f)) => {
            let name = f
                .get("file_name")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let size = f.get("size").and_then(Value::as_u64).unwrap_or_default();
            Ok((
                if name.is_empty() {
                    "upload".to_owned()
                } else {
                    name.to_owned()
                },
                size,
            ))
        }
        Some(Value::String(s)) if s.starts_with("attach://") => Err(ApiErr::bad_request(&format!(
            "wrong file identifier/HTTP URL specified: {s} has no part"
        ))),
        Some(Value::String(s)) if !s.is_empty() => Ok((s.clone(), 1024)),
        _ => Err(ApiErr::bad_request(&format!(
            "there is no {key} in the request"
        ))),
    }
}

/// sendMessage, sendPhoto, sendDocument, sendLocation.
pub fn send(
    st: &mut State,
    kind: MsgKind,
    p: &Value,
    events: &mut Vec<BotEvent>,
) -> Result<Value, ApiErr> {
    let chat_id = target_chat(st, p, true)?;
    check_can_send(st, chat_id)?;
    let thread = crate::forum::thread_for(st, chat_id, p)?;
    let mut media = json!({});
    let (mut text, mut file, mut location) = (String::new(), None, None);
    match kind {
        MsgKind::Text => {
            text = params::str_of(p, "text").unwrap_or_default();
            if text.trim().is_empty() {
                return Err(ApiErr::bad_request("message text is empty"));
            }
            media["text"] = json!(text);
        }
        MsgKind::Photo | MsgKind::Document => {
            let key = if kind == MsgKind::Photo {
                "photo"
            } else {
                "document"
            };
            let (name, size) = file_param(p, key)?;
            let (fid, uniq) = st.file_id(key);
            media[key] = if kind == MsgKind::Photo {
                json::photo_sizes(&fid, &uniq, size)
            } else {
                json::document(&fid, &uniq, &name, size)
            };
            text = params::str_of(p, "caption").unwrap_or_default();
            if !text.is_empty() {
                media["caption"] = json!(text);
            }
            file = Some(name);
        }
        MsgKind::Location => {
            let lat = params::f64_of(p, "latitude");
            let lon = params::f64_of(p, "longitude");
            let (Some(lat), Some(lon)) = (lat, lon) else {
                return Err(ApiErr::bad_request("latitude and longitude are required"));
            };
            media["location"] = json!({ "latitude": lat, "longitude": lon });
            location = Some((lat, lon));
        }
    }
    let paid = params::bool_of(p, "allow_paid_broadcast");
    if let Err(retry_after) = st.faults.check_send_lane(chat_id, paid, &mut st.stats) {
        st.stats.too_many_requests += 1;
        tracing::info!(chat_id, retry_after, "flood limit exceeded");
        return Err(ApiErr::too_many(retry_after));
    }
    let markup = params::markup_of(p);
    let message_id = st.next_msg_id(chat_id);
    let chat = st.chats.get(&chat_id).map(json::chat).unwrap_or_default();
    let mut raw = json::message_base(message_id, chat, json::bot_user());
    if let (Some(obj), Some(m)) = (raw.as_object_mut(), media.as_object()) {
        obj.extend(m.clone());
    }
    if let Some(ik) = &markup.inline_json {
        raw["reply_markup"] = ik.clone();
    }
    crate::forum::mark(&mut raw, thread, p);
    let msg = BotMessage {
        chat_id,
        message_id,
        text,
        parse_mode: params::str_of(p, "parse_mode"),
        buttons: markup.inline,
        reply_keyboard: markup.keyboard,
        remove_keyboard: markup.remove_keyboard,
        kind,
        file,
        location,
        deleted: false,
        edited: false,
        raw: raw.clone(),
    };
    Ok(record_sent(st, msg, events))
}

/// Keeps a message the bot sent (counted, in its chat's history and event log) and
/// announces it; returns its raw JSON, Telegram's answer to the send.
pub(crate) fn record_sent(st: &mut State, msg: BotMessage, events: &mut Vec<BotEvent>) -> Value {
    st.stats.sends_ok += 1;
    st.messages.entry(msg.chat_id).or_default().push(msg.clone());
    st.events.entry(msg.chat_id).or_default().push(msg.clone());
    let raw = msg.raw.clone();
    events.push(BotEvent::NewMessage(msg));
    raw
}

/// editMessageText, editMessageCaption, editMessageReplyMarkup.
pub fn edit(
    st: &mut State,
    method: &str,
    p: &Value,
    events: &mut Vec<BotEvent>,
) -> Result<Value, ApiErr> {
    if p.get("inline_message_id").is_some() {
        return Ok(json!(true));
    }
    let chat_id = target_chat(st, p, true)?;
    // A bot that was removed from a group can no longer edit there either.
    if let Err(e) = check_can_send(st, chat_id) {
        if e.code == 403 {
            return Err(e);
        }
    }
    let message_id = params::i64_of(p, "message_id")
        .ok_or_else(|| ApiErr::bad_request("message identifier is not specified"))?
        as i32;
    let not_found = || ApiErr::bad_request("message to edit not found");
    let msg = st
        .message_mut(chat_id, message_id)
        .filter(|m| !m.deleted)
        .ok_or_else(not_found)?;
    let markup: Markup = params::markup_of(p);
    let new_text = match method {
        "editmessagetext" => {
            if msg.kind != MsgKind::Text {
                return Err(ApiErr::bad_request(
                    "there is no text in the message to edit",
                ));
            }
            let t = params::str_of(p, "text").unwrap_or_default();
            if t.trim().is_empty() {
                return Err(ApiErr::bad_request("message text is empty"));
            }
            t
        }
        "editmessagecaption" => {
            if msg.kind == MsgKind::Text {
                return Err(ApiErr::bad_request(
                    "there is no caption in the message to edit",
                ));
            }
            params::str_of(p, "caption").unwrap_or_default()
        }
        _ => msg.text.clone(),
    };
    // Telegram drops the inline keyboard when an edit carries no reply_markup.
    if new_text == msg.text && markup.inline == msg.buttons {
        return Err(ApiErr::bad_request(
            "message is not modified: specified new message content and reply markup are exactly \
             the same as a current content and reply markup of the message",
        ));
    }
    let text_key = if msg.kind == MsgKind::Text {
        "text"
    } else {
        "caption"
    };
    if method != "editmessagereplymarkup" {
        msg.parse_mode = params::str_of(p, "parse_mode");
    }
    if let Some(obj) = msg.raw.as_object_mut() {
        obj.remove("reply_markup");
        if new_text.is_empty() {
            obj.remove(text_key);
        } else {
            obj.insert(text_key.into(), json!(new_text));
        }
        if let Some(ik) = &markup.inline_json {
            obj.insert("reply_markup".into(), ik.clone());
        }
        obj.insert("edit_date".into(), json!(json::now()));
    }
    msg.text = new_text;
    msg.buttons = markup.inline;
    msg.edited = true;
    let snapshot = msg.clone();
    st.events.entry(chat_id).or_default().push(snapshot.clone());
    events.push(BotEvent::Edited(snapshot.clone()));
    Ok(snapshot.raw)
}

/// deleteMessage: marks the bot's message deleted; user messages just vanish.
pub fn delete(st: &mut State, p: &Value, events: &mut Vec<BotEvent>) -> Result<Value, ApiErr> {
    let chat_id = target_chat(st, p, true)?;
    let message_id = params::i64_of(p, "message_id")
        .ok_or_else(|| ApiErr::bad_request("message identifier is not specified"))?
        as i32;
    let not_found = || ApiErr::bad_request("message to delete not found");
    match st.message_mut(chat_id, message_id) {
        Some(m) if m.deleted => return Err(not_found()),
        Some(m) => m.deleted = true,
        None => {
            let highest = st
                .next_message_id
                .get(&chat_id)
                .copied()
                .unwrap_or_default();
            if message_id <= 0 || message_id > highest {
                return Err(not_found());
            }
        }
    }
    events.push(BotEvent::Deleted {
        chat_id,
        message_id,
    });
    Ok(json!(true))
}
