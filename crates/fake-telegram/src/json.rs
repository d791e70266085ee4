//! Telegram-shaped JSON for users, chats, members and messages.
//!
//! Built as `serde_json::Value` (Telegram's wire format) rather than through
//! teloxide's structs, because those structs change shape between teloxide
//! versions while the wire format does not; the crate's tests decode every
//! shape built here with teloxide's own types to catch mistakes.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use crate::state::{ChatInfo, ChatType, UserInfo};
use crate::{BOT_ID, BOT_NAME, BOT_USERNAME};

/// Unix time now, in seconds (Telegram's `date`).
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// The bot as a `User`.
pub fn bot_user() -> Value {
    json!({ "id": BOT_ID, "is_bot": true, "first_name": BOT_NAME, "username": BOT_USERNAME })
}

/// The bot as `getMe` returns it.
pub fn me() -> Value {
    let mut v = bot_user();
    v["can_join_groups"] = json!(true);
    v["can_read_all_group_messages"] = json!(false);
    v["supports_inline_queries"] = json!(false);
    v["can_connect_to_business"] = json!(false);
    v["has_main_web_app"] = json!(false);
    v
}

/// Telegram's stand-in sender for messages sent "on behalf of the group".
pub fn group_anonymous_bot() -> Value {
    json!({ "id": 1087968824, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot" })
}

pub fn user(u: &UserInfo) -> Value {
    let mut v = json!({ "id": u.id, "is_bot": false, "first_name": u.first_name });
    set_opt(&mut v, "last_name", &u.last_name);
    set_opt(&mut v, "username", &u.username);
    set_opt(&mut v, "language_code", &u.language_code);
    v
}

fn set_opt(v: &mut Value, key: &str, val: &Option<String>) {
    if let Some(s) = val {
        v[key] = json!(s);
    }
}

/// The short `Chat` object found in messages.
pub fn chat(c: &ChatInfo) -> Value {
    let mut v = json!({ "id": c.id, "type": c.kind.as_str() });
    match c.kind {
        ChatType::Private => v["first_name"] = json!(c.title),
        ChatType::Group | ChatType::Supergroup => v["title"] = json!(c.title),
    }
    set_opt(&mut v, "username", &c.username);
    v
}

/// `ChatFullInfo`, the answer to `getChat`.
pub fn chat_full(c: &ChatInfo) -> Value {
    let mut v = chat(c);
    v["accepted_gift_types"] = json!({
        "unlimited_gifts": false, "limited_gifts": false,
        "unique_gifts": false, "premium_subscription": false
    });
    v["max_reaction_count"] = json!(11);
    v
}

/// A `ChatMember` with the given status (`creator`, `administrator`,
/// `member`, `restricted`, `left`, `kicked`). Unknown statuses become `member`.
pub fn chat_member(user: Value, status: &str) -> Value {
    let mut v = match status {
        "creator" => json!({ "status": "creator", "is_anonymous": false }),
        "administrator" => json!({
            "status": "administrator", "is_anonymous": false, "can_be_edited": false,
            "can_manage_chat": true, "can_change_info": true, "can_delete_messages": true,
            "can_manage_video_chats": true, "can_invite_users": true,
            "can_restrict_members": true, "can_pin_messages": true,
            "can_promote_members": false
        }),
        "restricted" => json!({
            "status": "restricted", "until_date": 0, "is_member": true,
            "can_send_messages": false, "can_send_audios": false, "can_send_documents": false,
            "can_send_photos": false, "can_send_videos": false, "can_send_video_notes": false,
            "can_send_voice_notes": false, "can_send_polls": false,
            "can_send_other_messages": false, "can_add_web_page_previews": false,
            "can_change_info": false, "can_invite_users": false, "can_pin_messages": false,
            "can_manage_topics": false
        }),
        "left" => json!({ "status": "left" }),
        "kicked" => json!({ "status": "kicked", "until_date": 0 }),
        _ => json!({ "status": "member" }),
    };
    v["user"] = user;
    v
}

/// `bot_command` entities for a leading `/command` (with an optional
/// `@botname`), as Telegram marks them. Offsets are in UTF-16 units.
pub fn command_entities(text: &str) -> Vec<Value> {
    if !text.starts_with('/') {
        return Vec::new();
    }
    let token = text.split_whitespace().next().unwrap_or_default();
    if token.len() < 2 {
        return Vec::new();
    }
    let len = token.encode_utf16().count();
    vec![json!({ "type": "bot_command", "offset": 0, "length": len })]
}

/// A message skeleton: id, date, chat, sender.
pub fn message_base(message_id: i32, chat: Value, from: Value) -> Value {
    json!({ "message_id": message_id, "date": now(), "chat": chat, "from": from })
}

/// A fake `PhotoSize` list for an uploaded photo.
pub fn photo_sizes(file_id: &str, unique: &str, size: u64) -> Value {
    json!([
        { "file_id": format!("{file_id}-s"), "file_unique_id": format!("{unique}s"),
          "width": 90, "height": 90, "file_size": size.min(4096) },
        { "file_id": file_id, "file_unique_id": unique,
          "width": 800, "height": 600, "file_size": size }
    ])
}

/// A fake `Document`.
pub fn document(file_id: &str, unique: &str, file_name: &str, size: u64) -> Value {
    json!({ "file_id": file_id, "file_unique_id": unique, "file_name": file_name,
            "mime_type": mime_for(file_name), "file_size": size })
}

fn mime_for(file_name: &str) -> &'static str {
    let lower = file_name.to_ascii_lowercase();
    match lower.rsplit('.').next() {
        Some("pdf") => "application/pdf",
        Some("csv") => "text/csv",
        Some("txt") => "text/plain",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}
