//! The process's HTTP listener: the console and the operator endpoints on one
//! address, stopped with the application.

use std::net::SocketAddr;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::AppError;

/// Binds `addr` now, so a taken port fails at start-up with one line.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, AppError> {
    TcpListener::bind(addr).await.map_err(|source| AppError::Http { addr: addr.to_string(), source })
}

/// Serves `router` ([`crate::web::router`], plus the webhook in webhook mode) on
/// `listener` until `stop` turns true; requests in hand are finished first.
pub fn serve(listener: TcpListener, router: axum::Router, mut stop: watch::Receiver<bool>) -> JoinHandle<()> {
    tokio::spawn(async move {
        let addr = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
        tracing::info!(%addr, "HTTP listener up");
        let shutdown = async move {
            let _ = stop.wait_for(|stopped| *stopped).await;
        };
        if let Err(error) = axum::serve(listener, router).with_graceful_shutdown(shutdown).await {
            tracing::error!(%addr, %error, "HTTP listener failed");
        }
    })
}
