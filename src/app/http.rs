//! The process's HTTP listener: the console and the operator endpoints on one
//! address, stopped with the application.
//!
//! Served with hyper directly rather than `axum::serve`, which gives hyper no timer:
//! its header-read timeout then silently does nothing, and a client that never
//! finishes its headers (or idles) holds a socket forever. Here every connection
//! has a header timeout (also the idle keep-alive timeout), every request body a
//! deadline ([`crate::web::guard`]), and at most `max_connections` are served at
//! once: further ones wait in the kernel's listen queue, so a flood of slow clients
//! cannot take the file descriptors the database and Telegram connections need.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::{JoinHandle, JoinSet};

use super::AppError;
use crate::platform::config::HttpLimits;

/// How long connections in hand may take to finish after the stop signal.
const DRAIN: Duration = Duration::from_secs(10);
/// Pause after a failed accept (e.g. out of file descriptors), so the loop does not spin.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Binds `addr` now, so a taken port fails at start-up with one line.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, AppError> {
    TcpListener::bind(addr).await.map_err(|source| AppError::Http { addr: addr.to_string(), source })
}

/// Serves `router` ([`crate::web::router`], plus the webhook in webhook mode) on
/// `listener` until `stop` turns true; requests in hand are finished first (for at
/// most [`DRAIN`]).
pub fn serve(listener: TcpListener, router: axum::Router, limits: HttpLimits, stop: watch::Receiver<bool>) -> JoinHandle<()> {
    let router = crate::web::guard::harden(router, limits.body_timeout);
    tokio::spawn(async move {
        let addr = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
        tracing::info!(%addr, max_connections = limits.max_connections, "HTTP listener up");
        let mut connections = accept_loop(&listener, router, limits, stop.clone()).await;
        drop(listener);
        if tokio::time::timeout(DRAIN, async { while connections.join_next().await.is_some() {} }).await.is_err() {
            tracing::warn!(%addr, left = connections.len(), "HTTP connections still open after the drain time; closed");
        }
    })
}

/// Accepts connections while a slot is free, until `stop`; returns the connections
/// still being served.
async fn accept_loop(listener: &TcpListener, router: axum::Router, limits: HttpLimits, mut stop: watch::Receiver<bool>) -> JoinSet<()> {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let mut connections = JoinSet::new();
    loop {
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            _ = stopped(&mut stop) => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    tracing::warn!(%error, "HTTP accept failed");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            _ = stopped(&mut stop) => break,
        };
        connections.spawn(connection(stream, router.clone(), limits.header_timeout, stop.clone(), permit));
        while connections.try_join_next().is_some() {}
    }
    connections
}

/// Serves one connection (HTTP/1.1, keep-alive) until it ends, or finishes its
/// request in hand once `stop` turns true. Holding `_slot` keeps it counted.
async fn connection(stream: TcpStream, router: axum::Router, header_timeout: Duration, mut stop: watch::Receiver<bool>, _slot: OwnedSemaphorePermit) {
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(header_timeout).keep_alive(true);
    let conn = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(router));
    tokio::pin!(conn);
    let ended = tokio::select! {
        ended = conn.as_mut() => ended,
        _ = stopped(&mut stop) => {
            conn.as_mut().graceful_shutdown();
            conn.await
        }
    };
    if let Err(error) = ended {
        // Timeouts, resets and malformed requests from clients: not our failure.
        tracing::debug!(%error, "HTTP connection ended with an error");
    }
}

/// Resolves once `stop` is true (the guard `wait_for` returns is not `Send`).
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|stopped| *stopped).await;
}
