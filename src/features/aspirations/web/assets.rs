//! Files the desk's pages load, embedded in the binary: Leaflet 1.9.4 and
//! Leaflet.markercluster 1.5.3 (from npm, with their licences and versions in
//! `assets/leaflet/`) for the map, and `desk.js`, the desk's own small script (the
//! map, and filling the reply from a canned reply). No session needed: nothing here
//! is personal.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

const FILES: &[(&str, &str, &[u8])] = &[
    ("leaflet.js", "text/javascript; charset=utf-8", include_bytes!("../../../../assets/leaflet/leaflet.js")),
    ("leaflet.css", "text/css; charset=utf-8", include_bytes!("../../../../assets/leaflet/leaflet.css")),
    ("leaflet.markercluster.js", "text/javascript; charset=utf-8", include_bytes!("../../../../assets/leaflet/leaflet.markercluster.js")),
    ("MarkerCluster.css", "text/css; charset=utf-8", include_bytes!("../../../../assets/leaflet/MarkerCluster.css")),
    ("MarkerCluster.Default.css", "text/css; charset=utf-8", include_bytes!("../../../../assets/leaflet/MarkerCluster.Default.css")),
    ("marker-icon.png", "image/png", include_bytes!("../../../../assets/leaflet/marker-icon.png")),
    ("marker-icon-2x.png", "image/png", include_bytes!("../../../../assets/leaflet/marker-icon-2x.png")),
    ("marker-shadow.png", "image/png", include_bytes!("../../../../assets/leaflet/marker-shadow.png")),
    ("desk.js", "text/javascript; charset=utf-8", include_bytes!("desk.js")),
];

fn serve(name: &str) -> Response {
    match FILES.iter().find(|(n, _, _)| *n == name) {
        Some((_, kind, bytes)) => ([(header::CONTENT_TYPE, *kind), (header::CACHE_CONTROL, "max-age=86400")], *bytes).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

pub async fn file(Path(name): Path<String>) -> Response {
    serve(&name)
}

/// Leaflet's stylesheet finds its default marker images under `images/`.
pub async fn image(Path(name): Path<String>) -> Response {
    serve(&name)
}
