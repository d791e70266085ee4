//! Lenient parameter access and reply markup parsing.
//!
//! The same parameter arrives as a JSON number in `application/json` bodies
//! and as a string in multipart or query strings, so every getter accepts both.

use serde_json::Value;

use crate::state::Button;

pub fn i64_of(p: &Value, key: &str) -> Option<i64> {
    match p.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

pub fn f64_of(p: &Value, key: &str) -> Option<f64> {
    match p.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

pub fn str_of(p: &Value, key: &str) -> Option<String> {
    match p.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub fn bool_of(p: &Value, key: &str) -> bool {
    match p.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true",
        _ => false,
    }
}

/// A JSON-typed parameter, decoding it if it came as a JSON string.
pub fn json_of(p: &Value, key: &str) -> Option<Value> {
    match p.get(key)? {
        Value::String(s) => serde_json::from_str(s).ok(),
        Value::Null => None,
        v => Some(v.clone()),
    }
}

/// Parameters that Telegram documents as JSON-serialized; multipart and
/// query-string requests carry them as JSON text.
pub const JSON_FIELDS: &[&str] = &[
    "reply_markup",
    "entities",
    "caption_entities",
    "reply_parameters",
    "link_preview_options",
    "allowed_updates",
    "commands",
    "scope",
    "media",
    "permissions",
    "message_ids",
    "reaction",
    "options",
];

/// Turns flat text fields into a JSON object: JSON-typed fields are decoded,
/// everything else stays a string (see the getters above).
pub fn from_text_fields(fields: impl IntoIterator<Item = (String, String)>) -> Value {
    let mut obj = serde_json::Map::new();
    for (k, v) in fields {
        let value = if JSON_FIELDS.contains(&k.as_str()) {
            serde_json::from_str(&v).unwrap_or(Value::String(v))
        } else {
            Value::String(v)
        };
        obj.insert(k, value);
    }
    Value::Object(obj)
}

/// The keyboards a `reply_markup` parameter carries.
#[derive(Debug, Default)]
pub struct Markup {
    pub inline: Vec<Vec<Button>>,
    /// The `inline_keyboard` markup as sent, to echo in the returned `Message`.
    pub inline_json: Option<Value>,
    pub keyboard: Option<Vec<Vec<String>>>,
    pub remove_keyboard: bool,
}

pub fn markup_of(p: &Value) -> Markup {
    let mut m = Markup::default();
    let Some(rm) = json_of(p, "reply_markup") else {
        return m;
    };
    if let Some(rows) = rm.get("inline_keyboard").and_then(Value::as_array) {
        m.inline = rows
            .iter()
            .map(|row| {
                row.as_array()
                    .map(|r| r.iter().map(button_of).collect())
                    .unwrap_or_default()
            })
            .collect();
        m.inline_json = Some(serde_json::json!({ "inline_keyboard": rows }));
    }
    if let Some(rows) = rm.get("keyboard").and_then(Value::as_array) {
        m.keyboard = Some(
            rows.iter()
                .map(|row| {
                    row.as_array()
                        .map(|r| r.iter().map(reply_button_text).collect())
                        .unwrap_or_default()
                })
                .collect(),
        );
    }
    m.remove_keyboard = rm
        .get("remove_keyboard")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    m
}

fn button_of(b: &Value) -> Button {
    let s = |k: &str| b.get(k).and_then(Value::as_str).map(str::to_owned);
    Button {
        text: s("text").unwrap_or_default(),
        callback_data: s("callback_data"),
        url: s("url"),
    }
}

fn reply_button_text(b: &Value) -> String {
    match b {
        Value::String(s) => s.clone(),
        other => other
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    }
}
