//! CSV imports from *KIM & wilayah* and *OPD & rute* over HTTP: the upload shows a
//! preview of each row (new, changed, unchanged, wrong) and writes nothing; "Impor"
//! loads exactly that file once, audited; a file with a wrong row cannot be loaded;
//! admins only; cells are escaped.

use kimbot::kernel::members::{agencies, areas};
use reqwest::StatusCode;

use super::{FilePart, csrf_in, get, link_for, log_in, post, post_multipart};
use crate::aspirations::opd::load_agencies;
use crate::aspirations::{KECAMATAN, KIM, staff_of};
use crate::support::{ADMIN_ID, TestApp, spawn_app};


/// Uploads `csv` as a browser does; returns the status and where it redirected.
pub(super) async fn upload(app: &TestApp, cookie: &str, csrf: &str, kind: &str, csv: &str) -> (StatusCode, String) {
    let file = FilePart { field: "file", file_name: "data.csv", content_type: "text/csv", bytes: csv.as_bytes() };
    let r = post_multipart(app, cookie, "/dasbor/impor", &[("csrf", csrf), ("kind", kind)], file).await;
    let to = r.headers().get("location").map(|l| l.to_str().unwrap().to_string()).unwrap_or_default();
    (r.status(), to)
}

async fn agencies_named(app: &TestApp, code: &str) -> Vec<agencies::Agency> {
    agencies::by_code(&app.db, code).await.unwrap()
}

const AGENCIES: &str = "kota,code,name,short_name\n\
Kota Palembang,PUPR,Dinas Pekerjaan Umum dan Penataan Ruang,Dinas PUPR\n\
Kota Palembang,DISHUB,Dinas Perhubungan Kota,Dishub\n\
Kota Palembang,BAPPEDA,<b>Badan</b> Perencanaan,Bappeda\n";

#[tokio::test]
async fn an_admin_previews_an_agencies_csv_without_writing_then_imports_exactly_it_once() {
    let app = spawn_app().await;
    load_agencies(&app).await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    let cookie = log_in(&app, &link_for(&admin).await).await;
    let (_, page) = get(&app, &cookie, "/dasbor/dinas").await;
    assert!(page.contains("enctype=\"multipart/form-data\""), "an upload form: {page}");
    let csrf = csrf_in(&page);

    let (status, to) = upload(&app, &cookie, &csrf, "agencies", AGENCIES).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.starts_with("/dasbor/impor/"), "{to}");
    let (status, preview) = get(&app, &cookie, &to).await;
    assert_eq!(status, StatusCode::OK);
    for word in [">tidak berubah<", ">berubah<", ">baru<"] {
        assert!(preview.contains(word), "{word}: {preview}");
    }
    assert!(preview.contains("&lt;b&gt;Badan&lt;/b&gt;") && !preview.contains("<b>Badan"), "cells are data");
    assert!(agencies_named(&app, "BAPPEDA").await.is_empty(), "a preview writes nothing");
    assert_eq!(agencies_named(&app, "DISHUB").await[0].name, "Dinas Perhubungan");

    let (status, _) = post(&app, &cookie, &to, &[("csrf", &csrf)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(agencies_named(&app, "BAPPEDA").await.len(), 1);
    assert_eq!(agencies_named(&app, "DISHUB").await[0].name, "Dinas Perhubungan Kota");
    let (_, report) = get(&app, &cookie, &to).await;
    assert!(report.contains("Impor selesai: 3 baris") && report.contains(">baru<"), "{report}");
    let (status, _) = post(&app, &cookie, &to, &[("csrf", &csrf)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "a second press shows the report again");
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'agency.import'";
    assert_eq!(app.count(audited, ADMIN_ID).await, 1, "imported once");
}

#[tokio::test]
async fn an_areas_csv_with_a_wrong_row_cannot_be_imported_and_staff_cannot_import_at_all() {
    let app = spawn_app().await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    let cookie = log_in(&app, &link_for(&admin).await).await;
    let (_, page) = get(&app, &cookie, "/dasbor/kim").await;
    let csrf = csrf_in(&page);
    let bad = "kota,kecamatan,kelurahan,kim_code,kim_name\n\
Kota Palembang,Kemuning,Sekip Jaya,KMN-SJ3,KIM Sekip Baru\n\
Kota Palembang,Kemuning,Sekip Jaya,KMN SJ4,KIM Salah\n";
    let (status, to) = upload(&app, &cookie, &csrf, "areas", bad).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, preview) = get(&app, &cookie, &to).await;
    assert!(preview.contains("salah: kode harus") && preview.contains(">baru<"), "{preview}");
    assert!(!preview.contains(&format!("action=\"{to}\"")), "no Impor for a file with a wrong row: {preview}");
    let (status, _) = post(&app, &cookie, &to, &[("csrf", &csrf)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(areas::kim_by_code(&app.db, "KMN-SJ3").await.unwrap().is_none(), "nothing written");

    let good = "kota,kecamatan,kelurahan,kim_code,kim_name\n\
Kota Palembang,Kemuning,Sekip Jaya,KMN-SJ3,KIM Sekip Baru\n\
Kota Palembang,Ilir Barat I,Bukit Lama,IB1-BL,KIM Bukit Lama\n";
    let (_, to) = upload(&app, &cookie, &csrf, "areas", good).await;
    let (_, preview) = get(&app, &cookie, &to).await;
    assert!(preview.contains(">baru<") && preview.contains(">tidak berubah<"), "{preview}");
    let (status, _) = post(&app, &cookie, &to, &[("csrf", &csrf)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(areas::kim_by_code(&app.db, "KMN-SJ3").await.unwrap().is_some());
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'area.import'";
    assert_eq!(app.count(audited, ADMIN_ID).await, 1);

    let staff = staff_of(&app, 6901, "Staf Rina", KECAMATAN).await;
    let staff_cookie = log_in(&app, &link_for(&staff).await).await;
    let (_, staff_page) = get(&app, &staff_cookie, "/dasbor/orang").await;
    let (status, _) = upload(&app, &staff_cookie, &csrf_in(&staff_page), "areas", good).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "admins only");
    let (status, _) = get(&app, &staff_cookie, &to).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
