//! Participants as CSV through the shared [`ExcelCsv`] writer (BOM, `;`, and names
//! that look like formulas defused: residents choose their Telegram names).

use chrono_tz::Tz;

use super::store::Participant;
use super::when;
use crate::platform::csv::ExcelCsv;
use crate::platform::i18n::{Lang, t};

/// The file's name as the coordinator will see it in Telegram.
pub fn file_name(training_id: i64) -> String {
    format!("peserta-pelatihan-{training_id}.csv")
}

/// Header in the coordinator's language, then one row per person: registered in
/// arrival order, then the waitlist with positions.
pub fn csv(lang: Lang, people: &[Participant], tz: Tz) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    {
        let mut w = ExcelCsv::new(&mut out)?;
        let header = [
            "training-csv-no",
            "training-csv-name",
            "training-csv-username",
            "training-csv-telegram-id",
            "training-csv-status",
            "training-csv-waitlist",
            "training-csv-attended",
            "training-csv-registered-at",
        ];
        w.row(header.iter().map(|k| t(lang, k)))?;
        let mut waiting = 0;
        for (i, p) in people.iter().enumerate() {
            let (status, position) = if p.status == "registered" {
                (t(lang, "training-csv-status-registered"), String::new())
            } else {
                waiting += 1;
                (t(lang, "training-csv-status-waitlisted"), waiting.to_string())
            };
            let attended = match p.attended {
                Some(1) => t(lang, "training-csv-yes"),
                Some(_) => t(lang, "training-csv-no-show"),
                None => String::new(),
            };
            let at = when::local(p.created_at, tz).format("%Y-%m-%d %H:%M").to_string();
            w.row([
                (i + 1).to_string(),
                p.first_name.clone().unwrap_or_default(),
                p.username.as_ref().map(|u| format!("@{u}")).unwrap_or_default(),
                p.user_id.to_string(),
                status,
                position,
                attended,
                at,
            ])?;
        }
        w.finish()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, name: &str, status: &str, attended: Option<i64>) -> Participant {
        Participant {
            registration_id: id,
            user_id: id,
            first_name: Some(name.into()),
            username: None,
            status: status.into(),
            seq: id,
            attended,
            created_at: 1_796_007_600,
        }
    }

    #[test]
    fn the_csv_has_a_bom_semicolons_and_waitlist_positions() {
        let people = [
            person(1, "Siti; \"Ibu\" Aminah", "registered", Some(1)),
            person(2, "Bambang", "registered", None),
            person(3, "Dewi", "waitlisted", None),
        ];
        let bytes = csv(Lang::Id, &people, chrono_tz::Asia::Jakarta).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[0].starts_with("No;Nama;"), "{}", lines[0]);
        assert_eq!(lines[1], "1;\"Siti; \"\"Ibu\"\" Aminah\";;1;terdaftar;;hadir;2026-11-30 10:00");
        assert!(lines[3].starts_with("3;Dewi;;3;daftar tunggu;1;;"), "{}", lines[3]);
    }
}
