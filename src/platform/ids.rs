//! Id newtypes: a poll's id and a training's id are both `i64` in the database, but
//! a function taking `(PollId, UserId, i64)` cannot be called with them swapped.
//! [`id!`](crate::platform::ids::id) makes one: a `Copy` wrapper of the `i64` that
//! prints as the number, is that number in serde JSON (stored dialogue states and
//! outbox bodies written before keep loading), and binds and decodes as a `BIGINT`
//! through sqlx's `Any` driver on SQLite and PostgreSQL alike (sqlx's transparent
//! derive is generic over the database, so no per-backend code). Each feature
//! declares its own ids beside its model (the person's [`UserId`] is here, since
//! the platform's audit, personal data and delivery name people too); button codecs keep their bare numbers
//! and convert at the call site.

/// Declares an id newtype: `id!(/** doc */ pub PollId);`.
macro_rules! id {
    ($(#[$meta:meta])* $vis:vis $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, sqlx::Type)]
        #[serde(transparent)]
        #[sqlx(transparent)]
        $vis struct $name(pub i64);

        impl $name {
            /// The number as stored.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }

        impl From<i64> for $name {
            fn from(id: i64) -> $name {
                $name(id)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }
    };
}

pub(crate) use id;

id!(
    /// A person's id (`users.id`, their Telegram user id), distinct from the chat,
    /// ticket and KIM ids a function also takes. Not teloxide's `UserId` (a `u64`
    /// for the Bot API): this one is the stored number.
    pub UserId
);

impl UserId {
    /// The person's private chat with the bot. Telegram gives it the person's own
    /// id, but a chat id is another thing (groups have them too): this names the step.
    pub const fn chat(self) -> i64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use sqlx::Row;

    use crate::platform::config::Backend;
    use crate::platform::db::Db;

    id!(
        /// An id for the tests.
        SampleId
    );

    #[test]
    fn an_id_prints_and_serializes_as_its_number() {
        assert_eq!(SampleId(42).to_string(), "42");
        assert_eq!(serde_json::to_string(&SampleId(42)).unwrap(), "42");
        assert_eq!(serde_json::from_str::<SampleId>("42").unwrap(), SampleId(42));
        assert_eq!(i64::from(SampleId::from(7)), SampleId(7).get());
    }

    /// Binds and decodes through `Any` on SQLite, and on PostgreSQL too when
    /// `TEST_DATABASE_URL` names one.
    #[tokio::test]
    async fn an_id_binds_and_decodes_through_the_any_driver_on_both_backends() {
        let dir = tempfile::tempdir().unwrap();
        let mut urls = vec![(format!("sqlite://{}?mode=rwc", dir.path().join("ids.db").display()), Backend::Sqlite)];
        if let Ok(url) = std::env::var("TEST_DATABASE_URL") {
            urls.push((url, Backend::Postgres));
        }
        for (url, backend) in urls {
            let db = Db::connect(&url, backend).await.unwrap();
            let mut conn = db.pool.acquire().await.unwrap();
            sqlx::query("CREATE TEMPORARY TABLE ids_probe (id BIGINT NOT NULL)").execute(&mut *conn).await.unwrap();
            sqlx::query("INSERT INTO ids_probe (id) VALUES ($1)").bind(SampleId(9_000_000_001)).execute(&mut *conn).await.unwrap();
            let row = sqlx::query("SELECT id FROM ids_probe WHERE id = $1").bind(SampleId(9_000_000_001)).fetch_one(&mut *conn).await.unwrap();
            assert_eq!(row.try_get::<SampleId, _>("id").unwrap(), SampleId(9_000_000_001), "{backend:?}");
            let (id,): (SampleId,) = sqlx::query_as("SELECT id FROM ids_probe").fetch_one(&mut *conn).await.unwrap();
            assert_eq!(id, SampleId(9_000_000_001), "{backend:?}");
        }
    }
}
