//! Staff select a programme's applicants in a real browser (see [`super::browser`]):
//! the selection page lists the applicants with their eligibility facts, a filter
//! narrows them, two ticked ones are accepted in bulk, a rejection without a reason is
//! refused and one with a reason reaches the applicant in Telegram.

use kimbot::features::programmes::apps::{self, Applied};
use kimbot::features::programmes::model::Selection;
use kimbot::kernel::members::UserId;

use super::browser::{Browser, LAPTOP};
use super::link_for;
use crate::programmes::{owner, programme, status_of};
use crate::support::spawn_app;

#[tokio::test]
async fn staff_accept_in_bulk_and_reject_with_a_reason_on_the_selection_page() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let now = app.clock.now();
    // The kecamatan's programme: its staff select (a city-wide one is the city's staff's).
    let new = kimbot::features::programmes::store::NewProgramme { area_path: "Kota Palembang/Ilir Barat I".into(), ..programme(2, 0, Selection::Review, now) };
    let id = kimbot::features::programmes::store::insert(&app.db, &new, UserId(1), now).await.unwrap();
    let p = kimbot::features::programmes::store::get(&app.db, id).await.unwrap().unwrap();
    let mut people = Vec::new();
    for (user, name) in [(8951, "Ani"), (8952, "Budi"), (8953, "Cici")] {
        let person = owner(&app, user, name, "IB1-BL", "kuliner").await;
        let business = kimbot::features::programmes::store::business_of(&app.db, UserId(user)).await.unwrap().unwrap();
        let Applied::New(_) = apps::apply(&app.db, chrono_tz::Asia::Jakarta, &p, UserId(user), &business, &[], now).await.unwrap() else { panic!() };
        people.push(person);
    }
    let staff = app.member_of(8954, "Sari", "IB1-BL").await;
    app.grant_staff(8954, "Ilir Barat I").await;

    browser.log_in(&link_for(&staff).await).await;
    browser.c().goto(&format!("{}/dasbor/program/{id}", app.console_url)).await.unwrap();
    let page = browser.wait_for_text("Usaha Cici").await;
    assert!(page.contains("Usaha Ani") && page.contains("kuliner · mikro") && page.contains("Diterima 0 dari kuota 2"), "{page}");
    browser.click("tr[data-number='PRG-2026-000001'] input[type=checkbox]").await;
    browser.click("tr[data-number='PRG-2026-000002'] input[type=checkbox]").await;
    browser.click("button[value=accept]").await;
    let after = browser.wait_for_text("Keputusan disimpan").await;
    assert!(after.contains("Diterima 2 dari kuota 2"), "{after}");
    assert!(people[0].next_message().await.text.contains("Selamat"));

    browser.click("tr[data-number='PRG-2026-000003'] input[type=checkbox]").await;
    browser.click("button[value=reject]").await;
    browser.wait_for_text("Tuliskan alasan").await;
    browser.click("tr[data-number='PRG-2026-000003'] input[type=checkbox]").await;
    browser.type_into("input[name=reason]", "Kuota sudah terpenuhi").await;
    browser.click("button[value=reject]").await;
    browser.wait_for_text("Keputusan disimpan").await;
    let told = people[2].next_message().await.text;
    assert!(told.contains("tidak diterima") && told.contains("Kuota sudah terpenuhi"), "{told}");
    assert_eq!(status_of(&app, 8953).await, "rejected");
    browser.close().await;
}
