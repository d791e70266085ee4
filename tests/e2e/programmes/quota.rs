//! The quota holds when many decisions race: every accept takes a place with one
//! conditional UPDATE, so twelve concurrent accepts on a quota of three accept three,
//! on SQLite and on PostgreSQL (where each task holds its own connection, as a second
//! process would).

use kimbot::features::programmes::apps::{self, Applied};
use kimbot::features::programmes::decide::{self, DecideError, Decision};
use kimbot::features::programmes::model::{Business, Selection};
use kimbot::features::umkm::model::{Scale, Sector};
use kimbot::kernel::members::UserId;

use super::programme;
use crate::trainings::{NOW, app_at_now};

fn business(n: i64) -> Business {
    Business {
        owner_name: format!("Pemilik {n}"),
        business_name: format!("Usaha {n}"),
        sector: Sector::Kuliner,
        scale: Scale::Mikro,
        kelurahan: "Bukit Lama".into(),
        area_path: "Kota Palembang/Ilir Barat I/Bukit Lama".into(),
        has_nib: false,
    }
}

#[tokio::test]
async fn concurrent_accepts_never_exceed_the_quota() {
    let (app, _clock) = app_at_now().await;
    let ctx = app.ctx.clone().expect("running");
    let id = kimbot::features::programmes::store::insert(&app.db, &programme(3, 0, Selection::Review, NOW), UserId(1), NOW).await.unwrap();
    let p = kimbot::features::programmes::store::get(&app.db, id).await.unwrap().unwrap();
    let mut ids = Vec::new();
    for n in 0..12 {
        let user = 9100 + n;
        sqlx::query("INSERT INTO users (id, language, created_at, updated_at) VALUES ($1, 'id', 1, 1)").bind(user).execute(&app.db.pool).await.unwrap();
        match apps::apply(&app.db, chrono_tz::Asia::Jakarta, &p, UserId(user), &business(n), &[], NOW).await.unwrap() {
            Applied::New(a) => ids.push(a.id),
            Applied::Already(_) => panic!("applied twice"),
        }
    }
    let tasks: Vec<_> = ids
        .iter()
        .map(|&a| {
            let (ctx, p) = (ctx.clone(), p.clone());
            tokio::spawn(async move { decide::decide(&ctx, &p, a, &Decision::Accept, UserId(1)).await })
        })
        .collect();
    let mut accepted = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => accepted += 1,
            Err(DecideError::Full) => {}
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(accepted, 3);
    assert_eq!(app.count("SELECT accepted FROM programmes WHERE id = $1", id.get()).await, 3);
    assert_eq!(app.count("SELECT COUNT(*) FROM programme_applications WHERE programme_id = $1 AND status = 'accepted'", id.get()).await, 3);
}
