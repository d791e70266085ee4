//! The streaming plumbing shared by every export: the async side pulls rows from the
//! sqlx stream and sends them over a bounded channel; a blocking thread writes them.
//! Memory stays at the channel's capacity however many rows there are.

use futures_util::{Stream, TryStreamExt};
use sqlx::any::AnyRow;
use tokio::sync::mpsc;

use super::ExportError;
use crate::platform::db::DbError;

/// Rows in flight between the database and the writer.
pub const CHANNEL_ROWS: usize = 512;

/// Streams `rows` through `decode` (which may drop a row with `Ok(None)`) into
/// `write`, run on the blocking pool. Stops early if the writer stops.
pub async fn run<T, R>(
    rows: impl Stream<Item = Result<AnyRow, sqlx::Error>>,
    decode: impl Fn(&AnyRow) -> Result<Option<T>, DbError>,
    write: impl FnOnce(mpsc::Receiver<T>) -> Result<R, ExportError> + Send + 'static,
) -> Result<R, ExportError>
where
    T: Send + 'static,
    R: Send + 'static,
{
    let (tx, rx) = mpsc::channel::<T>(CHANNEL_ROWS);
    let writer = tokio::task::spawn_blocking(move || write(rx));
    let fed = feed(rows, decode, tx).await;
    let written = writer.await.map_err(|e| ExportError::Writer(e.to_string()))?;
    // A writer error explains a closed channel better than the feed's own.
    let result = written?;
    fed?;
    Ok(result)
}

async fn feed<T>(
    rows: impl Stream<Item = Result<AnyRow, sqlx::Error>>,
    decode: impl Fn(&AnyRow) -> Result<Option<T>, DbError>,
    tx: mpsc::Sender<T>,
) -> Result<(), ExportError> {
    let mut rows = std::pin::pin!(rows);
    while let Some(row) = rows.try_next().await? {
        if let Some(item) = decode(&row)?
            && tx.send(item).await.is_err() {
                break;
            }
    }
    Ok(())
}
