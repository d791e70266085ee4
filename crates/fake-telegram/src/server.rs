//! The HTTP side: `POST /bot<token>/<Method>` with JSON, multipart, urlencoded
//! or query-string parameters, answered in Telegram's `{"ok":..}` envelope.
//!
//! Nothing on this path panics: malformed requests get a 400 with a
//! description, like the real API, so a bot bug shows up as an API error in
//! the bot's own logs rather than as a dead fake.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::faults::{ApiErr, Failure};
use crate::params;
use crate::state::{Call, State as FakeState};
use crate::{FakeTelegram, methods};


/// Longest `getUpdates` hold, in seconds (Telegram allows 50).
const MAX_POLL_SECS: i64 = 50;

pub fn router(fake: FakeTelegram) -> Router {
    Router::new()
        .fallback(handle)
        .layer(DefaultBodyLimit::max(64 << 20))
        .with_state(fake)
}

async fn handle(State(fake): State<FakeTelegram>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    if segs.len() >= 3 && segs[0] == "file" && segs[1].starts_with("bot") {
        let peer = req.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>();
        if let Some(axum::extract::ConnectInfo(peer)) = peer {
            fake.lock().file_download_peers.push(*peer);
        }
        return (StatusCode::OK, crate::methods::FAKE_FILE).into_response();
    }
    let method = match segs.as_slice() {
        [bot, method] if bot.starts_with("bot") && !method.is_empty() => {
            method.to_ascii_lowercase()
        }
        _ => {
            let body = ApiErr {
                code: 404,
                description: "Not Found".into(),
                parameters: None,
            };
            return (StatusCode::NOT_FOUND, axum::Json(body.to_json())).into_response();
        }
    };
    if let Some(down) = crate::outage::answer(&fake, &method).await {
        return down;
    }
    let params = match parse_params(req).await {
        Ok(p) => p,
        Err(e) => return finish(&fake, method, json!({}), Err(ApiErr::bad_request(&e))),
    };
    let chat_id = params::i64_of(&params, "chat_id");
    let failure = {
        let mut st = fake.lock();
        let f = st.faults.take_rule(&method, chat_id);
        if f.is_some() {
            st.stats.injected_failures += 1;
        }
        f
    };
    if let Some(f) = failure {
        tracing::info!(method, ?f, "fake-telegram: injected failure");
        match (f.to_error(), f) {
            (Some(err), _) => {
                if err.code == 429 {
                    fake.lock().stats.too_many_requests += 1;
                }
                return finish(&fake, method, params, Err(err));
            }
            (None, Failure::Slow(d)) => tokio::time::sleep(d).await,
            (None, _) => {}
        }
    }
    let result = if method == "getupdates" {
        get_updates(&fake, &params).await
    } else {
        let mut events = Vec::new();
        let r = methods::dispatch(&mut fake.lock(), &method, &params, &mut events);
        fake.publish(events);
        r
    };
    finish(&fake, method, params, result)
}

/// Records the call, wakes waiters and builds the HTTP response.
fn finish(
    fake: &FakeTelegram,
    method: String,
    params: Value,
    result: Result<Value, ApiErr>,
) -> Response {
    let (status, body) = match result {
        Ok(v) => (200, json!({ "ok": true, "result": v })),
        Err(e) => {
            tracing::debug!(method, code = e.code, description = %e.description, "fake-telegram: error answer");
            (e.code, e.to_json())
        }
    };
    if method != "getupdates" {
        tracing::debug!(method, %params, "fake-telegram: call");
    }
    fake.lock().calls.push(Call {
        method,
        params,
        response: body.clone(),
        at: Instant::now(),
    });
    fake.changed();
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    (status, axum::Json(body)).into_response()
}

/// Reads parameters from the query string and the body, whatever its type.
async fn parse_params(req: Request) -> Result<Value, String> {
    let query: Vec<(String, String)> = Query::try_from_uri(req.uri())
        .map(|Query(q)| q)
        .map_err(|e| e.body_text())?;
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mut body = if content_type.starts_with("multipart/form-data") {
        let mp = Multipart::from_request(req, &())
            .await
            .map_err(|e| e.body_text())?;
        parse_multipart(mp).await?
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        let axum::Form(fields) = axum::Form::<Vec<(String, String)>>::from_request(req, &())
            .await
            .map_err(|e| e.body_text())?;
        params::from_text_fields(fields)
    } else {
        let bytes = axum::body::to_bytes(req.into_body(), 64 << 20)
            .await
            .map_err(|e| e.to_string())?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            json!({})
        } else {
            serde_json::from_slice(&bytes).map_err(|e| format!("can't parse JSON body: {e}"))?
        }
    };
    let Some(obj) = body.as_object_mut() else {
        return Err("request body must be a JSON object".into());
    };
    if let Value::Object(q) = params::from_text_fields(query) {
        for (k, v) in q {
            obj.entry(k).or_insert(v);
        }
    }
    Ok(body)
}

/// Text parts become parameters; file parts are described by name and size (and
/// their content under `text` when it is UTF-8, else under `hex`),
/// and `attach://<part>` references are replaced by that description.
async fn parse_multipart(mut mp: Multipart) -> Result<Value, String> {
    let mut texts = Vec::new();
    let mut parts: HashMap<String, Value> = HashMap::new();
    while let Some(field) = mp.next_field().await.map_err(|e| e.body_text())? {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let bytes = field.bytes().await.map_err(|e| e.body_text())?;
        let mut desc = json!({ "file_name": file_name.clone().unwrap_or_default(), "size": bytes.len(), "part": name });
        // Text uploads (JSON, CSV) are kept readable so tests can check what was sent.
        if let (Some(_), Ok(text)) = (&file_name, std::str::from_utf8(&bytes)) {
            desc["text"] = json!(text);
        } else if file_name.is_some() {
            // Binary uploads (XLSX) as hex, so tests can open what was sent.
            desc["hex"] = json!(bytes.iter().map(|b| format!("{b:02x}")).collect::<String>());
        }
        parts.insert(name.clone(), desc);
        if file_name.is_none() {
            texts.push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    let mut v = params::from_text_fields(texts);
    let Some(obj) = v.as_object_mut() else {
        return Ok(v);
    };
    let mut used = Vec::new();
    for val in obj.values_mut() {
        let target = val
            .as_str()
            .and_then(|s| s.strip_prefix("attach://"))
            .map(str::to_owned);
        if let Some(part) = target.and_then(|id| parts.get(&id).cloned().map(|p| (id, p))) {
            used.push(part.0);
            *val = part.1;
        }
    }
    for id in used {
        obj.remove(&id);
        parts.remove(&id);
    }
    for (name, desc) in parts {
        obj.entry(name).or_insert(desc);
    }
    Ok(v)
}

/// Long polling with Telegram's offset semantics: updates below `offset` are
/// confirmed and forgotten, the rest are returned (again) until confirmed.
async fn get_updates(fake: &FakeTelegram, p: &Value) -> Result<Value, ApiErr> {
    if !fake.lock().webhook_url.is_empty() {
        return Err(ApiErr {
            code: 409,
            description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first".into(),
            parameters: None,
        });
    }
    let offset = params::i64_of(p, "offset").unwrap_or(0);
    let limit = params::i64_of(p, "limit").unwrap_or(100).clamp(1, 100) as usize;
    let timeout = params::i64_of(p, "timeout")
        .unwrap_or(0)
        .clamp(0, MAX_POLL_SECS);
    {
        let mut st = fake.lock();
        if let Some(Value::Array(list)) = params::json_of(p, "allowed_updates") {
            let list: Vec<String> = list
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect();
            st.allowed_updates = (!list.is_empty()).then_some(list);
        }
        if offset > 0 {
            st.updates.retain(|(id, _)| *id >= offset);
        } else if offset < 0 {
            let keep = offset.unsigned_abs() as usize;
            let drop = st.updates.len().saturating_sub(keep);
            st.updates.drain(..drop);
        }
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout as u64);
    let batch = fake
        .wait_for(deadline, |st| {
            // Telegram going down ends a held long poll without updates.
            if st.faults.outage.is_some() {
                return Some(Err(crate::faults::bad_gateway()));
            }
            let batch = take_batch(st, offset, limit);
            (!batch.is_empty() || st.shutdown).then_some(Ok(batch))
        })
        .await
        .unwrap_or(Ok(Vec::new()))?;
    Ok(Value::Array(batch))
}

pub(crate) fn take_batch(st: &mut FakeState, offset: i64, limit: usize) -> Vec<Value> {
    let allowed = st.allowed_updates.clone();
    let is_allowed = |u: &Value| {
        let kind = u
            .as_object()
            .and_then(|o| o.keys().find(|k| *k != "update_id").cloned())
            .unwrap_or_default();
        let ok = match &allowed {
            Some(list) => list.contains(&kind),
            None => !matches!(
                kind.as_str(),
                "chat_member" | "message_reaction" | "message_reaction_count"
            ),
        };
        if !ok {
            tracing::warn!(
                kind,
                "fake-telegram: dropping an update the bot's allowed_updates excludes"
            );
        }
        ok
    };
    st.updates.retain(|(_, u)| is_allowed(u));
    st.raw_updates.retain(|(_, u)| is_allowed(u));
    let mut out: Vec<(i64, Value)> = std::mem::take(&mut st.raw_updates);
    out.extend(
        st.updates
            .iter()
            .filter(|(id, _)| *id >= offset)
            .take(limit)
            .cloned(),
    );
    out.sort_by_key(|(id, _)| *id);
    out.into_iter().map(|(_, u)| u).collect()
}
