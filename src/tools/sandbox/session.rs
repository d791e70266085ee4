//! The human side of the sandbox: turns decoded input into what a Telegram user
//! would do (send, press, share), through fake-telegram's people API, so the bot
//! receives exactly the updates real Telegram would send.

use std::path::PathBuf;

use fake_telegram::{FakeTelegram, Group, Person};

use super::input::{Input, Persona, parse};
use super::{files, render};

/// The group every persona can use: id and title as Telegram would show them.
pub const GROUP_ID: i64 = -1001;
pub const GROUP_TITLE: &str = "Grup RT 01 Bukit Lama";

/// A spot in Palembang (Benteng Kuto Besak), for `:lokasi`.
const PALEMBANG: (f64, f64) = (-2.99141, 104.75866);

/// Who is typing, and where.
pub struct Session {
    fake: FakeTelegram,
    group: Group,
    persona: Persona,
    /// Repeat each input line in the transcript (stdin is a pipe, nobody saw it typed).
    echo: bool,
    /// Where `:file` writes documents.
    files_dir: PathBuf,
}

impl Session {
    /// Registers the personas and the group with the fake; starts as warga.
    pub fn new(fake: FakeTelegram, echo: bool, files_dir: PathBuf) -> Session {
        for p in Persona::ALL {
            fake.user(p.id(), p.name());
        }
        let group = fake.group(GROUP_ID, GROUP_TITLE);
        // Only group admins may link a group to a KIM: the staff-side personas are.
        for p in [Persona::Koordinator, Persona::Staf, Persona::Admin] {
            group.set_member_status(&fake.user(p.id(), p.name()), "administrator");
        }
        Session { fake, group, persona: Persona::Warga, echo, files_dir }
    }

    /// Chat labels for the renderer: personas by name, the group by title.
    pub fn chat_names() -> render::ChatNames {
        let mut names = render::ChatNames::default();
        for p in Persona::ALL {
            names.insert(p.id(), p.name());
        }
        names.insert(GROUP_ID, GROUP_TITLE);
        names
    }

    fn person(&self) -> Person {
        self.fake.user(self.persona.id(), self.persona.name())
    }

    /// One line to stdout, as a single write so it never interleaves with bot output.
    fn note(&self, text: &str) {
        println!("· {text}");
    }

    /// Who is typing, as shown at start and after `:as`.
    pub fn whoami(&self) -> String {
        let p = self.persona;
        format!("you are {} ({}, id {}) | Anda sebagai {}", p.key(), p.name(), p.id(), p.key())
    }

    /// Handles one typed line; false when the user asked to quit.
    pub async fn handle(&mut self, line: &str) -> bool {
        let input = parse(line);
        if self.echo && input != Input::Empty {
            println!("{} > {}", self.persona.name(), line.trim());
        }
        if input == Input::Quit {
            return false;
        }
        self.apply(input).await;
        true
    }

    async fn apply(&mut self, input: Input) {
        let me = self.person();
        match input {
            Input::Empty | Input::Quit => {}
            Input::Help => println!("{}", super::help()),
            Input::Say(text) => {
                me.send(&text).await;
            }
            Input::Press(n) => self.press(&me, n).await,
            Input::Console => {
                println!("· /dasbor: open the link in a browser on this machine | buka tautannya di peramban");
                me.send("/dasbor").await;
            }
            Input::As(p) => {
                self.persona = p;
                self.note(&self.whoami());
            }
            Input::Group(text) => {
                me.in_group(&self.group).send(&text).await;
            }
            Input::AddToGroup => self.group.add_bot(&me).await,
            Input::LeaveGroup => self.group.remove_bot(&me).await,
            Input::Contact(phone) => {
                let phone = phone.unwrap_or_else(|| self.persona.phone());
                me.share_contact(&phone).await;
            }
            Input::Photo => {
                me.send_photo().await;
            }
            Input::Location => {
                me.send_location(PALEMBANG.0, PALEMBANG.1).await;
            }
            Input::File => self.open_file(),
        }
    }

    /// `:file`: saves the newest document sent to this person and shows it when
    /// it is text.
    fn open_file(&self) {
        let Some(doc) = files::latest(&self.fake, self.persona.id()) else {
            self.note("no file sent to you yet (try /datasaya) | belum ada berkas untuk Anda");
            return;
        };
        match files::save(&self.files_dir, &doc) {
            Ok(path) => self.note(&format!("file {} saved to {} | berkas disimpan", doc.name, path.display())),
            Err(e) => self.note(&format!("cannot write {} to {}: {e}", doc.name, self.files_dir.display())),
        }
        match files::preview(&doc) {
            Some(text) => println!("{text}"),
            None => self.note("not text (XLSX?): open the saved file | bukan teks: buka berkas yang disimpan"),
        }
    }

    /// Presses button `n` of the newest message with buttons in this person's
    /// private chat. With no such message the number is ordinary text (an RT
    /// number, a quantity), as the bot would then expect.
    async fn press(&self, me: &Person, n: usize) {
        let messages = me.messages();
        let Some(msg) = render::latest_with_buttons(&messages) else {
            me.send(&n.to_string()).await;
            return;
        };
        let Some(button) = render::button_at(&msg.buttons, n) else {
            let count = msg.buttons.iter().flatten().count();
            self.note(&format!("no button [{n}]; choose 1..{count} | tidak ada tombol [{n}]"));
            return;
        };
        match (&button.callback_data, &button.url) {
            (Some(data), _) => {
                self.note(&format!("{} presses [{n}] {}", self.persona.name(), button.text));
                me.press_data(msg.message_id, data).await;
            }
            (None, Some(url)) => self.note(&format!("[{n}] opens a link: {url}")),
            (None, None) => self.note(&format!("[{n}] does nothing here")),
        }
    }
}
