//! Settings of the console's map (`/dasbor/peta`).
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `KIMBOT_MAP_TILES` | `https://tile.openstreetmap.org/{z}/{x}/{y}.png` | the tile URL template (Leaflet's: `{z}`, `{x}`, `{y}`, optionally `{s}`) |
//!
//! The console's Content-Security-Policy lets pages load images only from kimbot and
//! from this template's host ([`MapConfig::image_source`]).

use super::ConfigError;

/// OpenStreetMap's own tile server.
pub const DEFAULT_TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapConfig {
    /// The tile URL template handed to Leaflet.
    pub tiles: String,
    /// The template's origin for the CSP's `img-src` (`{s}.` becomes `*.`).
    image_source: String,
}

impl Default for MapConfig {
    fn default() -> Self {
        Self::parse(DEFAULT_TILES).unwrap_or_else(|_| MapConfig { tiles: DEFAULT_TILES.into(), image_source: "https://tile.openstreetmap.org".into() })
    }
}

impl MapConfig {
    pub(super) fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Self, ConfigError> {
        get("KIMBOT_MAP_TILES").map_or_else(|| Ok(Self::default()), Self::parse)
    }

    /// An http(s) template with `{z}`, `{x}` and `{y}`, no quotes or spaces (it goes
    /// into a header and a page attribute).
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        let bad = || ConfigError::BadMapTiles(raw.to_string());
        let has_all = ["{z}", "{x}", "{y}"].iter().all(|v| raw.contains(v));
        let clean = raw.chars().all(|c| c.is_ascii_graphic() && !"\"'<>;,\\".contains(c));
        let (scheme, rest) = raw.split_once("://").ok_or_else(bad)?;
        let host = rest.split('/').next().unwrap_or_default();
        if !has_all || !clean || !matches!(scheme, "https" | "http") || host.is_empty() || host.contains('@') {
            return Err(bad());
        }
        let host = host.replace("{s}", "*");
        if host.contains('{') {
            return Err(bad());
        }
        Ok(MapConfig { tiles: raw.to_string(), image_source: format!("{scheme}://{host}") })
    }

    /// What the CSP's `img-src` allows besides kimbot itself.
    pub fn image_source(&self) -> &str {
        &self.image_source
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tile_templates_give_their_host_to_the_csp_and_bad_ones_are_refused() {
        assert_eq!(MapConfig::default().image_source(), "https://tile.openstreetmap.org");
        let sub = MapConfig::parse("https://{s}.tile.example.org/{z}/{x}/{y}.png").unwrap();
        assert_eq!(sub.image_source(), "https://*.tile.example.org");
        let local = MapConfig::parse("http://127.0.0.1:9/{z}/{x}/{y}.png").unwrap();
        assert_eq!(local.image_source(), "http://127.0.0.1:9");
        for bad in ["", "tile.example.org/{z}/{x}/{y}.png", "ftp://a/{z}/{x}/{y}", "https://a/{z}/{x}.png", "https://a b/{z}/{x}/{y}", "https://a;script-src */{z}/{x}/{y}", "https://u@a/{z}/{x}/{y}", "https://{z}/{x}/{y}"] {
            assert!(MapConfig::parse(bad).is_err(), "{bad}");
        }
    }
}
