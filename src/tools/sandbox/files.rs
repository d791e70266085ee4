//! `:file`: the newest document the bot sent a person (the `/datasaya` JSON, a
//! report's CSV or XLSX), read back from the fake Telegram's record of the upload,
//! written to the sandbox's files folder and, when it is text, shown in the terminal.

use std::path::{Path, PathBuf};

use fake_telegram::FakeTelegram;
use serde_json::Value;

/// Lines of a text file shown in the terminal; the rest is in the saved file.
pub const SHOWN_LINES: usize = 40;

/// A document as uploaded: its file name and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The newest `sendDocument` to `chat_id`, if any.
pub fn latest(fake: &FakeTelegram, chat_id: i64) -> Option<Document> {
    fake.calls_to("sendDocument").iter().rev().find_map(|call| {
        let p = &call.params;
        let to = p["chat_id"].as_i64().or_else(|| p["chat_id"].as_str().and_then(|s| s.parse().ok()));
        (to == Some(chat_id)).then(|| decode(&p["document"])).flatten()
    })
}

/// The fake keeps text uploads under `text` and binary ones as `hex`.
fn decode(doc: &Value) -> Option<Document> {
    let name = doc["file_name"].as_str().filter(|n| !n.is_empty()).unwrap_or("berkas").to_string();
    let bytes = match (doc["text"].as_str(), doc["hex"].as_str()) {
        (Some(text), _) => text.as_bytes().to_vec(),
        (None, Some(hex)) => (0..hex.len() / 2).filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()).collect(),
        (None, None) => return None,
    };
    Some(Document { name, bytes })
}

/// A file name safe to create in the folder: no directories, no odd characters.
pub fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect();
    match clean.trim_start_matches('.') {
        "" => "berkas".to_string(),
        rest => rest.to_string(),
    }
}

/// Writes `doc` into `dir` (created if missing); returns the path.
pub fn save(dir: &Path, doc: &Document) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(safe_name(&doc.name));
    std::fs::write(&path, &doc.bytes)?;
    Ok(path)
}

/// The first [`SHOWN_LINES`] lines of a UTF-8 document, indented; `None` for binary.
pub fn preview(doc: &Document) -> Option<String> {
    let text = std::str::from_utf8(&doc.bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut shown: Vec<String> = lines.iter().take(SHOWN_LINES).map(|l| format!("  | {l}")).collect();
    if lines.len() > SHOWN_LINES {
        shown.push(format!("  | … {} more lines in the file | baris lainnya ada di berkas", lines.len() - SHOWN_LINES));
    }
    Some(shown.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_hex_uploads_are_read_back() {
        let text = serde_json::json!({"file_name": "datasaya.json", "text": "{\"a\": 1}"});
        let hex = serde_json::json!({"file_name": "laporan.xlsx", "hex": "504b0304"});
        assert_eq!(decode(&text).unwrap().bytes, b"{\"a\": 1}");
        assert_eq!(decode(&hex).unwrap().bytes, vec![0x50, 0x4b, 0x03, 0x04]);
        assert_eq!(decode(&serde_json::json!({"file_name": "x"})), None);
    }

    #[test]
    fn file_names_cannot_leave_the_folder() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("laporan aspirasi 2026.csv"), "laporan_aspirasi_2026.csv");
        assert_eq!(safe_name(".."), "berkas");
        assert_eq!(safe_name(".hidden"), "hidden");
    }

    #[test]
    fn long_text_is_cut_and_binary_is_not_shown() {
        let long = Document { name: "a.csv".into(), bytes: (0..50).map(|i| format!("{i}\n")).collect::<String>().into_bytes() };
        let shown = preview(&long).unwrap();
        assert_eq!(shown.lines().count(), SHOWN_LINES + 1);
        assert!(shown.ends_with("10 more lines in the file | baris lainnya ada di berkas"), "{shown}");
        assert_eq!(preview(&Document { name: "x.xlsx".into(), bytes: vec![0xff, 0xfe, 0x00] }), None);
    }
}
