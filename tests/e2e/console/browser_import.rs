//! Importing agencies from a CSV in a real browser (see [`super::browser`]): upload
//! on *OPD & rute*, read the preview, press "Impor", see the report.

use super::browser::{Browser, LAPTOP};
use super::link_for;
use crate::aspirations::KIM;
use crate::support::{ADMIN_ID, spawn_app};

#[tokio::test]
async fn an_admin_uploads_agencies_previews_them_and_imports_them_in_the_browser() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("opd.csv");
    std::fs::write(&file, "kota,code,name,short_name\nKota Palembang,BAPPEDA,Badan Perencanaan Pembangunan Daerah,Bappeda\n").unwrap();
    browser.log_in(&link_for(&admin).await).await;
    browser.click("header nav a[href='/dasbor/dinas']").await;
    browser.wait_for_text("Impor dari berkas CSV").await;
    browser.type_into("form[action='/dasbor/impor'] input[name=file]", &file.display().to_string()).await;
    browser.click("form[action='/dasbor/impor'] button[type=submit]").await;
    let preview = browser.wait_for_text("Belum ada yang disimpan").await;
    assert!(preview.contains("BAPPEDA") && preview.contains("baru"), "{preview}");
    assert!(kimbot::kernel::members::agencies::by_code(&app.db, "BAPPEDA").await.unwrap().is_empty());
    browser.screenshot("console-import-preview.png").await;
    browser.click("main form button[type=submit]").await;
    browser.wait_for_text("Impor selesai: 1 baris").await;
    assert_eq!(kimbot::kernel::members::agencies::by_code(&app.db, "BAPPEDA").await.unwrap().len(), 1);
    browser.close().await;
}
