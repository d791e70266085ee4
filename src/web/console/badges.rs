//! New work in the navigation: the badge counts as JSON (`/dasbor/lencana`) and the
//! small script (`/dasbor/lencana.js`) that fetches them every minute and updates the
//! badges in place. Pages render the counts themselves, so without the script (or
//! with it blocked) the counts are still there, as of the page's loading.

use axum::Json;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::{ConsoleError, Staff, layout};

/// `{"badges": {"/dasbor/aspirasi": 3}}`: this person's counts.
pub async fn counts(staff: Staff) -> Result<Response, ConsoleError> {
    let map: serde_json::Map<String, serde_json::Value> = staff.badges.0.iter().map(|(p, n)| ((*p).to_string(), (*n).into())).collect();
    Ok((layout::no_store(), Json(serde_json::json!({ "badges": map }))).into_response())
}

const SCRIPT: &str = r#"// kimbot console: refresh the navigation's badge counts every minute.
(function () {
  function refresh() {
    fetch('/dasbor/lencana', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data || !data.badges) return;
        document.querySelectorAll('span.nav-badge[data-badge]').forEach(function (el) {
          var n = data.badges[el.getAttribute('data-badge')];
          if (typeof n !== 'number') return;
          el.textContent = String(n);
          el.hidden = n === 0;
        });
      })
      .catch(function () {});
  }
  if (document.querySelector('span.nav-badge[data-badge]')) setInterval(refresh, 60000);
})();
"#;

pub async fn script() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")], SCRIPT)
}
