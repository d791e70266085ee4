//! The columns of the schema that hold a Telegram user id, read from the database
//! itself (SQLite's `pragma_table_info`, PostgreSQL's `information_schema`), so a new
//! table or column is seen without anyone listing it.

use kimbot::platform::config::Backend;
use kimbot::platform::personal::PersonalData;
use sqlx::Row;

use crate::support::TestApp;

/// Names that always mean a person (or a person's private chat).
const PERSON_NAMES: &[&str] = &["user_id", "chat_id", "author", "actor", "author_id", "staff_id"];

/// `…_id` and `…_by` columns that point at something other than a person. A new
/// such column is taken as a person's until it is listed here.
const NOT_A_PERSON: &[&str] = &[
    "claimed_by", // the worker (process) holding a queue row

    "parent_id",
    "kelurahan_id",
    "kim_id",
    "area_id",
    "update_id",
    "aspiration_id",
    "subject_id", // a webhook delivery's subject: a ticket or a fact-check request, never a person
    "announcement_id",
    "run_id",
    "outbox_id",
    "media_file_id",
    "file_id",
    "training_id",
    "registration_id",
    "survey_id",   // surveys: the survey, its questions and responses
    "question_id",
    "response_id",
    "endpoint_id",
    "delivery_id",
    "message_id",
    "feed_id",
    "item_id",
    "fact_check_id", // webhook deliveries of a verdict: the request, not a person
];

/// Whether `table.column` holds a user id by its name: the person names, anything
/// `…_by`, any `…_id` not known to point elsewhere, and the users' own key.
pub fn holds_user_id(table: &str, column: &str) -> bool {
    PERSON_NAMES.contains(&column)
        || ((column.ends_with("_by") || column.ends_with("_id")) && !NOT_A_PERSON.contains(&column))
        || (table == "users" && column == "id")
}

/// Every `(table, column)` of the schema, migrations' own table left out.
pub async fn all_columns(app: &TestApp) -> Vec<(String, String)> {
    let sql = match app.db.backend {
        Backend::Sqlite => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' ORDER BY 1, 2"
        }
        Backend::Postgres => {
            "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations' ORDER BY 1, 2"
        }
    };
    let rows = sqlx::query(sql).fetch_all(&app.db.pool).await.unwrap();
    rows.iter().map(|r| (r.get::<String, _>("t"), r.get::<String, _>("c"))).collect()
}

/// The schema's user-id columns.
pub async fn user_id_columns(app: &TestApp) -> Vec<(String, String)> {
    all_columns(app).await.into_iter().filter(|(t, c)| holds_user_id(t, c)).collect()
}

/// Columns that no owner erases and none keeps on purpose.
pub fn uncovered(columns: &[(String, String)], owners: &[&PersonalData]) -> Vec<(String, String)> {
    let declared = |t: &str, c: &str| {
        owners.iter().any(|o| {
            o.erases.iter().any(|(et, ec)| *et == t && *ec == c) || o.keeps.iter().any(|(kt, kc, _)| *kt == t && *kc == c)
        })
    };
    columns.iter().filter(|(t, c)| !declared(t, c)).cloned().collect()
}
