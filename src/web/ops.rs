//! Operator endpoints: `/healthz` (the process answers), `/readyz` (it can do its
//! work: JSON naming each check) and `/metrics` (Prometheus text, only with
//! `KIMBOT_METRICS_TOKEN` set and given as a bearer token).

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::console::Ctx;
use crate::platform::ops::ready;

/// The operator routes; merged into the listener's router by [`super::router`].
pub fn routes(ctx: Ctx) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .with_state(ctx)
}

async fn healthz() -> Response {
    axum::Json(serde_json::json!({ "status": "ok" })).into_response()
}

async fn readyz(State(ctx): State<Ctx>) -> Response {
    let readiness = ready::check(&ctx).await;
    let status = if readiness.ready { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, axum::Json(readiness)).into_response()
}

async fn metrics(State(ctx): State<Ctx>, headers: HeaderMap) -> Response {
    let Some(token) = &ctx.config.http.metrics_token else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|g| same(g.trim().as_bytes(), token.expose().as_bytes())) {
        return (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, "Bearer")]).into_response();
    }
    let snapshot = ready::snapshot(&ctx).await;
    let body = ctx.ops.metrics.render(&snapshot);
    ([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], body).into_response()
}

/// Compares without stopping at the first difference.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
