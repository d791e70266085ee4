//! teloxide's dialogue `Storage` on our own pool, so one database holds everything.
//!
//! Two deliberate differences from teloxide's own storages: a state that no longer
//! decodes (the `State` enum changed between releases) reads as "no dialogue" instead
//! of an error that would drop every update of that user forever, and the idle state
//! is never written, so a person who declines consent leaves no row behind.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use teloxide::dispatching::dialogue::Storage;
use teloxide::types::ChatId;

use super::State;
use crate::platform::db::{Db, DbError, SharedClock};

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

pub struct DbStorage {
    db: Db,
    clock: SharedClock,
}

impl DbStorage {
    pub fn new(db: Db, clock: SharedClock) -> Arc<Self> {
        Arc::new(Self { db, clock })
    }
}

impl Storage<State> for DbStorage {
    type Error = DbError;

    fn remove_dialogue(self: Arc<Self>, chat_id: ChatId) -> BoxFuture<Result<(), DbError>> {
        Box::pin(async move {
            sqlx::query("DELETE FROM dialogues WHERE chat_id = $1").bind(chat_id.0).execute(&self.db.pool).await?;
            Ok(())
        })
    }

    fn update_dialogue(self: Arc<Self>, chat_id: ChatId, state: State) -> BoxFuture<Result<(), DbError>> {
        Box::pin(async move {
            if state == State::Idle {
                return self.remove_dialogue(chat_id).await;
            }
            let json = serde_json::to_string(&state).map_err(|e| DbError::Corrupt(e.to_string()))?;
            sqlx::query(
                "INSERT INTO dialogues (chat_id, state, updated_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
            )
            .bind(chat_id.0)
            .bind(json)
            .bind(self.clock.now())
            .execute(&self.db.pool)
            .await?;
            Ok(())
        })
    }

    fn get_dialogue(self: Arc<Self>, chat_id: ChatId) -> BoxFuture<Result<Option<State>, DbError>> {
        Box::pin(async move {
            let row: Option<(String,)> = sqlx::query_as("SELECT state FROM dialogues WHERE chat_id = $1")
                .bind(chat_id.0)
                .fetch_optional(&self.db.pool)
                .await?;
            Ok(row.and_then(|(json,)| match serde_json::from_str(&json) {
                Ok(state) => Some(state),
                Err(error) => {
                    tracing::warn!(chat = chat_id.0, %error, "stored dialogue no longer decodes; starting over");
                    None
                }
            }))
        })
    }
}
