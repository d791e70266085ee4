//! Paged survey lists: `/laporan` → "Hasil survei" and `/survei` → "Survei yang saya
//! kelola" reach every survey one may manage, ten a page, newest first; a
//! coordinator never sees another's survey on any page; forged page numbers are
//! refused; the SQL filter behind the pages agrees with `may_manage`.

use fake_telegram::{BotMessage, Person};
use kimbot::kernel::members::{Actor, KimId, UserId, areas};
use kimbot::features::surveys::listing;
use kimbot::features::surveys::bot::manage::may_manage;
use kimbot::features::surveys::model::{Draft, Kind, Question, SurveyId};
use kimbot::features::surveys::store::{self, Reach};

use super::{STALE, coordinator, wait_answer};
use crate::announcements::steps::wait_text;
use crate::support::{MessageExt, TestApp, spawn_app};

const NOW: i64 = 1_793_584_800;

/// A one-question survey `title` by `author`, reaching everything under `path`.
async fn survey(app: &TestApp, author: i64, title: &str, path: &str) -> SurveyId {
    let q = Question { kind: Kind::Scale, prompt: "Seberapa puas?".into(), options: Vec::new() };
    let draft = Draft { title: title.into(), questions: vec![q], ..Draft::default() };
    let reach = Reach { kim_id: None, training_id: None, area_id: None, area_path: path.into(), name: "x".into() };
    let mut tx = app.db.begin().await.unwrap();
    let id = store::create(&mut tx, &draft, UserId(author), &reach, chrono::Utc::now().timestamp() + 86_400, NOW).await.unwrap();
    tx.commit().await.unwrap();
    id
}

/// The survey buttons of a list (the pager's buttons left out).
fn surveys_on(list: &BotMessage) -> Vec<String> {
    list.button_labels().into_iter().filter(|l| !l.contains("Sebelumnya") && !l.contains("Berikutnya")).collect()
}

/// Presses `label` and waits for the list page `n` of `pages`.
async fn turn_to(p: &Person, label: &str, n: i64, pages: i64) -> BotMessage {
    p.press(label).await;
    wait_text(p, &format!("Halaman {n} dari {pages}")).await
}

#[tokio::test]
async fn a_coordinator_pages_through_23_surveys_in_laporan_and_gets_an_old_ones_files_but_never_anothers() {
    let app = spawn_app().await;
    let koor = coordinator(&app, 8981, "IB1-BL").await;
    let _other = coordinator(&app, 8982, "IB1-BB").await;
    let mut mine = Vec::new();
    for i in 1..=23 {
        mine.push(survey(&app, 8981, &format!("Survei ke-{i:02}"), "Kota Palembang").await);
        if i % 2 == 0 {
            survey(&app, 8982, &format!("Milik lain {i}"), "Kota Palembang/Ilir Barat I").await;
        }
    }

    koor.send("/laporan").await;
    wait_text(&koor, "Laporan apa").await;
    koor.press("Hasil survei").await;
    let first = wait_text(&koor, "Hasil survei mana?").await;
    assert!(first.text.contains("Halaman 1 dari 3 (23 survei)"), "{}", first.text);
    assert_eq!(surveys_on(&first).first().map(String::as_str), Some("🟢 Survei ke-23"), "newest first");
    assert!(first.has_button("Berikutnya ▶️") && !first.has_button("Sebelumnya"), "{:?}", first.button_labels());
    let second = turn_to(&koor, "Berikutnya ▶️", 2, 3).await;
    assert!(second.has_button("◀️ Sebelumnya") && second.has_button("Berikutnya ▶️"), "{:?}", second.button_labels());
    let third = turn_to(&koor, "Berikutnya ▶️", 3, 3).await;
    assert!(!third.has_button("Berikutnya"), "{:?}", third.button_labels());
    let mut seen: Vec<String> = [&first, &second, &third].into_iter().flat_map(surveys_on).collect();
    assert!(seen.iter().all(|l| l.contains("Survei ke-")), "only their own surveys on every page: {seen:?}");
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 23, "every survey once: {seen:?}");
    assert_eq!(surveys_on(&turn_to(&koor, "◀️ Sebelumnya", 2, 3).await), surveys_on(&second), "back gives the same page");

    let forged = koor.press_data(third.message_id, &format!("r:sp:{}", i64::MAX)).await;
    assert_eq!(wait_answer(&koor, &forged).await.as_deref(), Some(STALE), "an overflowing page is refused");
    koor.press_data(third.message_id, "r:sp:99").await;
    let last = wait_text(&koor, "Halaman 3 dari 3").await;
    assert_eq!(surveys_on(&last), surveys_on(&third), "a page past the end shows the last one");

    koor.press("Survei ke-01").await;
    wait_text(&koor, "Hasil survei \"Survei ke-01\": 0 responden").await;
    app.wait_for_call("sendDocument", |p| p["document"]["file_name"] == format!("survei-{}.xlsx", mine[0])).await;
    let after = koor.press_data(third.message_id, "r:sp:1").await;
    assert_eq!(wait_answer(&koor, &after).await.as_deref(), Some(STALE), "the list ends with the export");
}

#[tokio::test]
async fn the_survei_management_list_pages_and_refuses_a_forged_page() {
    let app = spawn_app().await;
    let koor = coordinator(&app, 8983, "IB1-BL").await;
    for i in 1..=12 {
        survey(&app, 8983, &format!("Survei ke-{i:02}"), "Kota Palembang").await;
    }
    survey(&app, 8984, "Milik lain", "Kota Palembang").await;

    koor.send("/survei").await;
    wait_text(&koor, "Survei: apa yang ingin").await;
    koor.press("Survei yang saya kelola").await;
    let first = wait_text(&koor, "Halaman 1 dari 2 (12 survei)").await;
    assert_eq!(surveys_on(&first).len(), 10);
    let second = turn_to(&koor, "Berikutnya ▶️", 2, 2).await;
    assert_eq!(surveys_on(&second), ["🟢 Survei ke-02", "🟢 Survei ke-01"]);
    assert!(second.has_button("◀️ Sebelumnya") && !second.has_button("Berikutnya"), "{:?}", second.button_labels());
    for data in [format!("sv:mine:{}", i64::MAX), "sv:mine:-1".into(), "sv:mine:x".into()] {
        let forged = koor.press_data(second.message_id, &data).await;
        assert_eq!(wait_answer(&koor, &forged).await.as_deref(), Some(STALE), "{data}");
    }
    koor.press("Survei ke-01").await;
    let card = wait_text(&koor, "📋 Survei ke-01").await;
    assert!(card.has_button("Kembali"), "the card leads back: {:?}", card.button_labels());
    koor.press("Kembali").await;
    wait_text(&koor, "Halaman 1 dari 2").await;
}

/// Staff scopes as paths, written to trip a `LIKE` (case, `_`) or a bare prefix.
const SCOPES: &[&[&str]] = &[
    &[],
    &["Kota Palembang"],
    &["Kota Palembang/Ilir Barat I"],
    &["kota palembang"],
    &["Kota_Palembang"],
    &["Kota Palembang/Ilir Barat I", "Kota Lain"],
];

#[tokio::test]
async fn the_paged_lists_sql_filter_agrees_with_may_manage_on_tricky_paths() {
    let app = spawn_app().await;
    let paths = [
        "Kota Palembang",
        "Kota Palembang/Ilir Barat I",
        "Kota Palembang/Ilir Barat I/Bukit Lama",
        "Kota Palembang/Ilir Barat II/Lorok Pakjo",
        "kota palembang/ilir barat i/x",
        "Kota Palembangan/Y",
        "Kota Lain/Z",
    ];
    for (i, path) in paths.iter().enumerate() {
        survey(&app, 5 + (i as i64 % 2), &format!("S{i}"), path).await;
    }
    let all = store::latest(&app.db, 100, 0).await.unwrap();
    let mut actors: Vec<Actor> = SCOPES
        .iter()
        .map(|areas| Actor { user_id: UserId(5), is_admin: false, staff_areas: areas.iter().map(|a| a.to_string()).collect(), coordinator_kims: vec![KimId(1)], agencies: Vec::new() })
        .collect();
    actors.push(Actor { user_id: UserId(99), is_admin: true, staff_areas: Vec::new(), coordinator_kims: Vec::new(), agencies: Vec::new() });

    for actor in &actors {
        let want: Vec<SurveyId> = all.iter().filter(|s| may_manage(actor, s)).map(|s| s.id).collect();
        let whole = listing::page(&app.db, actor, 0, 100).await.unwrap().unwrap();
        assert_eq!(whole.surveys.iter().map(|s| s.id).collect::<Vec<_>>(), want, "{:?}", actor.staff_areas);
        let pages = listing::page(&app.db, actor, 0, 2).await.unwrap().unwrap().pages;
        let mut paged = Vec::new();
        for n in 0..pages + 2 {
            let Some(p) = listing::page(&app.db, actor, n, 2).await.unwrap() else { panic!("page {n}") };
            if n < p.pages {
                paged.extend(p.surveys.iter().map(|s| s.id));
            } else {
                assert_eq!(p.number, p.pages - 1, "a page past the end is the last one");
            }
        }
        assert_eq!(paged, want, "pages of two add up to the whole list: {:?}", actor.staff_areas);
        for forged in [-1, i64::MAX, i64::MAX / 2 + 1] {
            assert_eq!(listing::page(&app.db, actor, forged, 2).await.unwrap(), None, "page {forged}");
        }
    }
    let bl = areas::kim_by_code(&app.db, "IB1-BL").await.unwrap().unwrap();
    assert!(bl.area_path.starts_with("Kota Palembang/Ilir Barat I/"), "the paths above are the real shape: {}", bl.area_path);
}

#[tokio::test]
async fn the_cli_list_reaches_older_surveys_with_offset_and_refuses_a_negative_one() {
    let app = spawn_app().await;
    let mut ids = Vec::new();
    for i in 1..=5 {
        ids.push(survey(&app, 8985, &format!("Survei ke-{i}"), "Kota Palembang").await);
    }
    let cli = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kimbot"))
            .args(["surveys", "list"])
            .args(args)
            .env("DATABASE_URL", &app.database_url)
            .env("TELOXIDE_TOKEN", fake_telegram::TOKEN)
            .env_remove("KIMBOT_ADMINS")
            .output()
            .expect("kimbot runs")
    };

    let older = cli(&["--limit", "2", "--offset", "3"]);
    assert!(older.status.success(), "{}", String::from_utf8_lossy(&older.stderr));
    let listed: Vec<String> = String::from_utf8(older.stdout).unwrap().lines().map(|l| l.split('\t').next().unwrap().to_string()).collect();
    assert_eq!(listed, [ids[1].to_string(), ids[0].to_string()], "the fourth and fifth newest");
    let refused = cli(&["--offset", "-1"]);
    assert!(!refused.status.success(), "a negative offset is a usage error");
    assert_eq!(String::from_utf8(cli(&["--offset", "5"]).stdout).unwrap(), "", "past the end: nothing");
}
