//! Personal data: `/datasaya` shows one's applications; erasure unlinks the person and
//! keeps the counts, and a group application survives a member's erasure with its
//! member count kept.

use fake_telegram::{BotMessage, Person};
use kimbot::features::programmes::apps::{self, Applied, Joined};
use kimbot::features::programmes::model::Selection;
use kimbot::kernel::members::UserId;

use super::{owner, programme};
use crate::support::{PersonExt, spawn_app};

async fn wait_text(p: &Person, needle: &str) -> BotMessage {
    loop {
        let m = p.next_message().await;
        if m.text.contains(needle) {
            return m;
        }
    }
}

#[tokio::test]
async fn erasure_unlinks_applicants_and_a_group_keeps_its_count() {
    // A running clock: `/datasaya`'s file and the erasure's answers are paced per chat.
    let app = spawn_app().await;
    let now = app.clock.now();
    let id = kimbot::features::programmes::store::insert(&app.db, &programme(3, 5, Selection::Review, now), UserId(1), now).await.unwrap();
    let p = kimbot::features::programmes::store::get(&app.db, id).await.unwrap().unwrap();
    let lead = owner(&app, 8921, "Lina", "IB1-BL", "kuliner").await;
    let business = kimbot::features::programmes::store::business_of(&app.db, UserId(8921)).await.unwrap().unwrap();
    let Applied::New(group) = apps::apply(&app.db, chrono_tz::Asia::Jakarta, &p, UserId(8921), &business, &["omzet 3 juta".into()], now).await.unwrap() else {
        panic!("a new application")
    };
    let code = group.join_code.clone().unwrap();
    let member = app.member_of(8922, "Mira", "IB1-BL").await;
    for user in [8922, 8923, 8924, 8925] {
        if user != 8922 {
            sqlx::query("INSERT INTO users (id, language, created_at, updated_at) VALUES ($1, 'id', 1, 1)").bind(user).execute(&app.db.pool).await.unwrap();
        }
        assert!(matches!(apps::join(&app.db, &code, UserId(user), now).await.unwrap(), Joined::Member { .. }));
    }
    assert_eq!(apps::get(&app.db, group.id).await.unwrap().unwrap().status.code(), "submitted");

    // A member sees the group's number, not the lead's answers.
    let data = &kimbot::features::programmes::personal::DATA;
    let shown = (data.export)(&app.db, UserId(8922)).await.unwrap();
    let json = serde_json::to_string(&shown.fields()).unwrap();
    assert!(json.contains(&group.number) && !json.contains("omzet 3 juta"), "{json}");
    let lead_json = serde_json::to_string(&(data.export)(&app.db, UserId(8921)).await.unwrap().fields()).unwrap();
    assert!(lead_json.contains("omzet 3 juta"), "{lead_json}");

    for person in [&member, &lead] {
        person.send("/hapusdata").await;
        while !person.next_message_skipping_edits().await.buttons.iter().flatten().any(|b| b.text.contains("Hapus")) {}
        person.press("Hapus").await;
        wait_text(person, "sudah dihapus").await;
    }
    let kept = apps::get(&app.db, group.id).await.unwrap().unwrap();
    assert_eq!((kept.members, kept.status.code(), kept.user_id), (5, "submitted", None));
    assert_eq!((kept.business_name, kept.owner_name, kept.answers.len()), (None, None, 0));
    for user in [8921, 8922] {
        assert_eq!(app.count("SELECT COUNT(*) FROM programme_members WHERE user_id = $1", user).await, 0);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM programme_members WHERE application_id = $1", group.id).await, 5);
}
