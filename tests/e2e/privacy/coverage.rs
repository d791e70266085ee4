//! Every column of the schema that holds a user id is erased by its owner's hook or
//! kept on purpose with a reason (issue 12): a new table cannot be forgotten.

use kimbot::app::registry::personal_data;
use kimbot::platform::personal::PersonalData;

use super::schema::{all_columns, holds_user_id, uncovered, user_id_columns};
use crate::support::spawn_app_without_areas;

#[tokio::test]
async fn every_column_holding_a_user_id_is_erased_or_kept_on_purpose() {
    let app = spawn_app_without_areas().await;

    let columns = user_id_columns(&app).await;
    let missing = uncovered(&columns, personal_data());

    assert!(columns.len() >= 25, "the schema was read: {columns:?}");
    assert!(
        missing.is_empty(),
        "user-id columns no owner erases or keeps on purpose (declare them in the owning feature's personal::DATA): {missing:?}"
    );
    let schema = all_columns(&app).await;
    for owner in personal_data() {
        let declared = owner.erases.iter().copied().chain(owner.keeps.iter().map(|(t, c, _)| (*t, *c)));
        for (t, c) in declared {
            assert!(schema.iter().any(|(st, sc)| st == t && sc == c), "{}: {t}.{c} is not in the schema", owner.owner);
        }
    }
    for owner in personal_data() {
        for (t, c, why) in owner.keeps {
            assert!(why.len() > 10, "{}: {t}.{c} is kept without a reason", owner.owner);
        }
    }
}

#[tokio::test]
async fn the_coverage_check_flags_a_table_whose_owner_is_left_out_or_new() {
    let app = spawn_app_without_areas().await;
    let mut columns = user_id_columns(&app).await;

    let without_trainings: Vec<&PersonalData> = personal_data().iter().copied().filter(|o| o.owner != "trainings").collect();
    let flagged = uncovered(&columns, &without_trainings);
    columns.push(("polls_votes".into(), "voter_id".into()));
    columns.push(("factchecks".into(), "reviewed_by".into()));
    let new_ones = uncovered(&columns, personal_data());

    for expected in [("training_registrations", "user_id"), ("trainings", "created_by"), ("training_invitations", "invited_by")] {
        assert!(flagged.iter().any(|(t, c)| t == expected.0 && c == expected.1), "{expected:?} not flagged: {flagged:?}");
    }
    assert_eq!(new_ones, vec![("polls_votes".to_string(), "voter_id".to_string()), ("factchecks".into(), "reviewed_by".into())]);
}

#[test]
fn column_names_are_classified_as_person_or_not() {
    let cases = [
        ("users", "id", true),
        ("kims", "id", false),
        ("grants", "granted_by", true),
        ("outbox", "chat_id", true),
        ("audit_log", "actor", true),
        ("aspirations", "kim_id", false),
        ("announcement_deliveries", "outbox_id", false),
        ("polls", "voter_id", true),
        ("aspirations", "created_at", false),
        ("outbox", "claimed_by", false),
    ];
    for (table, column, person) in cases {
        assert_eq!(holds_user_id(table, column), person, "{table}.{column}");
    }
}
