//! *OPD & rute* over HTTP: admins only; agencies with their officers; a route set
//! from the page is what the routing suggests; a kecamatan of another kota is refused.

use kimbot::kernel::members::{agencies, areas};
use reqwest::StatusCode;

use super::{csrf_in, get, link_for, log_in, post};
use crate::aspirations::opd::{agency, load_agencies, officer_of};
use crate::aspirations::{KECAMATAN, KIM, staff_of};
use crate::support::{ADMIN_ID, spawn_app};

#[tokio::test]
async fn an_admin_sees_agencies_with_officers_and_sets_a_route_staff_cannot() {
    let app = spawn_app().await;
    load_agencies(&app).await;
    let _officer = officer_of(&app, 6801, "Petugas Dinkes", "DINKES").await;
    let staff = staff_of(&app, 6802, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (status, _) = get(&app, &cookie, "/dasbor/dinas").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "admins only");

    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    let cookie = log_in(&app, &link_for(&admin).await).await;
    let (status, page) = get(&app, &cookie, "/dasbor/dinas").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Petugas Dinkes") && page.contains("PUPR"), "agencies, officers and the route: {page}");
    let dinkes = agency(&app, "DINKES").await;
    let kecamatan = areas::find_scope_areas(&app.db, KECAMATAN).await.unwrap().remove(0);
    let form = |kec: String| vec![("csrf", csrf_in(&page)), ("category", "kesehatan".to_string()), ("agency", dinkes.id.to_string()), ("kecamatan", kec)];
    let pairs = form(kecamatan.id.to_string());
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _) = post(&app, &cookie, "/dasbor/dinas/rute", &pairs).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let kim = areas::kim_by_code(&app.db, KIM).await.unwrap().unwrap();
    assert_eq!(agencies::routed(&app.db, "kesehatan", &kim.area_path).await.unwrap(), Some(dinkes.id));
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'agency.route'";
    assert_eq!(app.count(audited, ADMIN_ID).await, 1);
    let (_, after) = get(&app, &cookie, "/dasbor/dinas?done=routed").await;
    assert!(after.contains("Rute disimpan") && after.contains(KECAMATAN), "{after}");
}

#[tokio::test]
async fn an_admin_deletes_a_route_from_its_row_once_and_staff_cannot() {
    let app = spawn_app().await;
    load_agencies(&app).await;
    let dinkes = agency(&app, "DINKES").await;
    agencies::set_route(&app.db, &dinkes, "kesehatan", None, 0).await.unwrap();
    let kim = areas::kim_by_code(&app.db, KIM).await.unwrap().unwrap();
    let staff = staff_of(&app, 6811, "Staf Rina", KECAMATAN).await;
    let staff_cookie = log_in(&app, &link_for(&staff).await).await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    let cookie = log_in(&app, &link_for(&admin).await).await;
    let (_, page) = get(&app, &cookie, "/dasbor/dinas").await;
    assert!(page.contains("action=\"/dasbor/dinas/rute/hapus\""), "a delete button per rule: {page}");
    let csrf = csrf_in(&page);
    let form = [("csrf", csrf.as_str()), ("kota", dinkes.kota.as_str()), ("category", "kesehatan"), ("kecamatan", "")];

    let (_, staff_page) = get(&app, &staff_cookie, "/dasbor/orang").await;
    let staff_form = [("csrf", csrf_in(&staff_page)), ("kota", dinkes.kota.clone()), ("category", "kesehatan".into()), ("kecamatan", String::new())];
    let staff_form: Vec<(&str, &str)> = staff_form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _) = post(&app, &staff_cookie, "/dasbor/dinas/rute/hapus", &staff_form).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "admins only");
    assert_eq!(agencies::routed(&app.db, "kesehatan", &kim.area_path).await.unwrap(), Some(dinkes.id));

    let (status, _) = post(&app, &cookie, "/dasbor/dinas/rute/hapus", &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(agencies::routed(&app.db, "kesehatan", &kim.area_path).await.unwrap(), None);
    let (status, _) = post(&app, &cookie, "/dasbor/dinas/rute/hapus", &form).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a repeated POST deletes and audits nothing");
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'agency.unroute'";
    assert_eq!(app.count(audited, ADMIN_ID).await, 1);
    let (_, after) = get(&app, &cookie, "/dasbor/dinas?done=unrouted").await;
    assert!(after.contains("Rute dihapus"), "{after}");
}
