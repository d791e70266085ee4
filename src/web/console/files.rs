//! Serving a report file from the console, for the frame's and the features' download
//! pages: a slot among the process's builds ([`slot`]), then the file streamed from
//! disk in chunks ([`stream_file`]); its temporary directory goes when the last chunk
//! is read.

use std::io::Read;
use std::path::PathBuf;

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::{ConsoleError, Ctx};
use crate::platform::export::ExportError;

/// Chunk size of a streamed download.
const CHUNK: usize = 64 * 1024;

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV: &str = "text/csv; charset=utf-8";

/// One of the process's download slots (`AppCtx::console_exports`), held while the
/// file is built; with none free the person is asked to try again shortly.
pub fn slot(ctx: &Ctx) -> Result<tokio::sync::OwnedSemaphorePermit, ConsoleError> {
    ctx.console_exports.clone().try_acquire_owned().map_err(|_| ConsoleError::Busy)
}

/// Streams `path` in chunks read on the blocking pool; `dir` (holding the file) is
/// removed once the file is read or the client goes away.
pub fn stream_file(dir: tempfile::TempDir, path: PathBuf, kind: &'static str) -> Result<Response, ConsoleError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let len = std::fs::metadata(&path).map_err(ExportError::from)?.len();
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<Bytes>>(4);
    tokio::task::spawn_blocking(move || {
        let _dir = dir;
        let mut file = match std::fs::File::open(&path) {
            Ok(file) => file,
            Err(e) => return drop(tx.blocking_send(Err(e))),
        };
        let mut buf = vec![0u8; CHUNK];
        loop {
            let chunk = match file.read(&mut buf) {
                Ok(0) => return,
                Ok(n) => Ok(Bytes::copy_from_slice(&buf[..n])),
                Err(e) => Err(e),
            };
            let failed = chunk.is_err();
            if tx.blocking_send(chunk).is_err() || failed {
                return;
            }
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) });
    let mut response = Body::from_stream(stream).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    // File names are ours (`aspirasi-2026-11.xlsx`): ASCII without quotes.
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")).map_err(|_| ConsoleError::BadInput)?;
    headers.insert(header::CONTENT_DISPOSITION, disposition);
    Ok(response)
}
