//! What a line typed in the sandbox means. Pure parsing, so every rule of the
//! little command language is unit-tested without a bot or a terminal.

use crate::kernel::members::Role;

/// The four people one can play, one per role, so every part of the bot can be
/// tried from one terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persona {
    Warga,
    Koordinator,
    Staf,
    Admin,
}

impl Persona {
    pub const ALL: [Persona; 4] = [Persona::Warga, Persona::Koordinator, Persona::Staf, Persona::Admin];

    /// Telegram user id (and private chat id).
    pub fn id(self) -> i64 {
        match self {
            Persona::Warga => 1001,
            Persona::Koordinator => 1002,
            Persona::Admin => 1003,
            Persona::Staf => 1004,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Persona::Warga => "Ani",
            Persona::Koordinator => "Budi",
            Persona::Admin => "Citra",
            Persona::Staf => "Dewi",
        }
    }

    /// The word used with `:as`.
    pub fn key(self) -> &'static str {
        match self {
            Persona::Warga => "warga",
            Persona::Koordinator => "koordinator",
            Persona::Admin => "admin",
            Persona::Staf => "staf",
        }
    }

    /// A made-up but well-formed Indonesian mobile number, distinct per persona.
    pub fn phone(self) -> String {
        format!("+62812000{}", self.id())
    }

    fn parse(word: &str) -> Option<Persona> {
        let word = word.trim().to_lowercase();
        let word = if word == "staff" { "staf".to_string() } else { word };
        Persona::ALL.into_iter().find(|p| p.key() == word || p.name().to_lowercase() == word)
    }
}

/// One line of input, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Nothing typed: ignored.
    Empty,
    /// Text (or a `/command`) to the bot, in the current persona's private chat.
    Say(String),
    /// A bare number: press that button of the newest message with buttons.
    /// (`'20` or `:ketik 20` sends the number as text instead.)
    Press(usize),
    As(Persona),
    Group(String),
    AddToGroup,
    LeaveGroup,
    Contact(Option<String>),
    Photo,
    Location,
    /// `/dasbor` as the current person: the staff console's login link (coordinator
    /// and admin; the resident is refused, as in Telegram).
    Console,
    /// `:file`: the newest document the bot sent this person, shown (JSON, CSV)
    /// and written to the files folder.
    File,
    Quit,
    Help,
}

/// Decodes a line. Anything starting with `:` that is not understood asks for
/// help rather than reaching the bot, so a typo never becomes a chat message.
pub fn parse(line: &str) -> Input {
    let line = line.trim();
    if line.is_empty() {
        return Input::Empty;
    }
    if let Some(command) = line.strip_prefix(':') {
        return parse_command(command);
    }
    // `'20`: a number (quota, phone, NIB) typed as text, never a button press.
    if let Some(text) = line.strip_prefix('\'') {
        let text = text.trim();
        return if text.is_empty() { Input::Help } else { Input::Say(text.to_string()) };
    }
    match line.parse::<usize>() {
        Ok(n) => Input::Press(n),
        Err(_) => Input::Say(line.to_string()),
    }
}

fn parse_command(command: &str) -> Input {
    let (word, rest) = command.split_once(char::is_whitespace).unwrap_or((command, ""));
    let rest = rest.trim();
    match (word.to_lowercase().as_str(), rest) {
        ("as" | "sebagai", who) => Persona::parse(who).map_or(Input::Help, Input::As),
        ("grup" | "group", "") => Input::Help,
        ("grup" | "group", text) => Input::Group(text.to_string()),
        ("tambahgrup" | "addgroup", "") => Input::AddToGroup,
        ("keluargrup" | "leavegroup", "") => Input::LeaveGroup,
        ("kontak" | "contact", "") => Input::Contact(None),
        ("kontak" | "contact", phone) => Input::Contact(Some(phone.to_string())),
        ("foto" | "photo", "") => Input::Photo,
        ("lokasi" | "location", "") => Input::Location,
        ("dasbor" | "console", "") => Input::Console,
        ("ketik" | "type", "") => Input::Help,
        ("ketik" | "type", text) => Input::Say(text.to_string()),
        ("file" | "berkas", "") => Input::File,
        ("q" | "quit" | "keluar", "") => Input::Quit,
        _ => Input::Help,
    }
}

/// Shown at start and on `:help`: one line per command, English then Indonesian,
/// then who the personas are (the sandbox adds what their roles may do).
pub const HELP: &str = "\
kimbot sandbox: the real bot, a fake Telegram; you type as a resident, a coordinator, a staff member or an admin.
kimbot sandbox: bot asli, Telegram tiruan; Anda mengetik sebagai warga, koordinator, staf, atau admin.
  text / teks            send to the bot in your private chat (try /start IB1-BL) | kirim ke bot
  N                      press button [N] of the latest message with buttons | tekan tombol [N]
  'N  or  :ketik N       send N as text, not a button (quota, phone, NIB: '20) | kirim angka sebagai teks
  :as warga|koordinator|staf|admin   switch person | ganti orang
  :grup <text>           say something in \"Grup RT 01 Bukit Lama\" | kirim pesan di grup
  :tambahgrup            add the bot to the group | tambahkan bot ke grup
  :keluargrup            remove the bot from the group | keluarkan bot dari grup
  :kontak [+62...]       share your phone number | bagikan nomor HP
  :foto                  send a photo | kirim foto
  :lokasi                send a location in Palembang | kirim lokasi di Palembang
  :file                  show the latest file the bot sent you (JSON, CSV) and save it | buka berkas terakhir
  :dasbor                login link to the staff web console (koordinator, staf, admin, after /start) | tautan konsol
  :help                  this help | bantuan ini
  :q                     quit (Ctrl-D too) | keluar
Personas and roles | orang dan perannya (each joins a KIM once with /start IB1-BL):";

/// The personas as the help lists them: who, and the role whose commands follow
/// (the sandbox reads those from the bot's registry, so they follow the features).
pub const PERSONAS: [(&str, Role, &str); 4] = [
    ("warga Ani (1001)       ", Role::Resident, "resident | warga"),
    ("koordinator Budi (1002)", Role::Coordinator, "coordinator of KIM Bukit Lama | koordinator KIM"),
    ("staf Dewi (1004)       ", Role::Staff, "Diskominfo staff for Kecamatan Ilir Barat I | staf kecamatan"),
    ("admin Citra (1003)     ", Role::Admin, "in KIMBOT_ADMINS: everything | admin"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_decoded_as_the_help_describes() {
        let cases: &[(&str, Input)] = &[
            ("", Input::Empty),
            ("   ", Input::Empty),
            ("halo", Input::Say("halo".into())),
            ("/start IB1-BL", Input::Say("/start IB1-BL".into())),
            (" 2 ", Input::Press(2)),
            ("2a", Input::Say("2a".into())),
            (":as koordinator", Input::As(Persona::Koordinator)),
            (":as Citra", Input::As(Persona::Admin)),
            (":as nobody", Input::Help),
            (":grup halo semua", Input::Group("halo semua".into())),
            (":grup", Input::Help),
            (":tambahgrup", Input::AddToGroup),
            (":keluargrup", Input::LeaveGroup),
            (":kontak", Input::Contact(None)),
            (":kontak +6281234", Input::Contact(Some("+6281234".into()))),
            (":foto", Input::Photo),
            (":lokasi", Input::Location),
            (":dasbor", Input::Console),
            (":console", Input::Console),
            (":q", Input::Quit),
            (":help", Input::Help),
            (":x", Input::Help),
            (":q now", Input::Help),
            ("'20", Input::Say("20".into())),
            ("' 081234 ", Input::Say("081234".into())),
            ("'", Input::Help),
            (":ketik 1234567890123", Input::Say("1234567890123".into())),
            (":ketik", Input::Help),
            (":file", Input::File),
            (":as staf", Input::As(Persona::Staf)),
            (":as staff", Input::As(Persona::Staf)),
        ];
        for (line, expected) in cases {
            assert_eq!(&parse(line), expected, "{line:?}");
        }
    }

    #[test]
    fn personas_have_distinct_ids_and_phones() {
        let ids: std::collections::HashSet<_> = Persona::ALL.iter().map(|p| p.id()).collect();
        assert_eq!(ids.len(), Persona::ALL.len());
        assert_eq!(Persona::Warga.phone(), "+628120001001");
    }
}
