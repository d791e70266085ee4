//! What staff asked of the report files (issue 16): real Excel dates, a frozen
//! header with an autofilter, kecamatan, last update, age, overdue and map columns,
//! the breakdown by kecamatan, and phone numbers kept as text.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use kimbot::platform::export::Progress;
use kimbot::features::aspirations::report::{self as report, AspSpec};
use kimbot::features::aspirations::report::query::AspFilter;
use kimbot::features::umkm::report::{self as registry, UmkmFilter};

use super::{DAY, NOV_2_0900, cell, export_for, id_of, is_date, november, row, seed, sheet};
use crate::support::spawn_app;

/// One file of the XLSX zip, as text.
pub(crate) fn part(xlsx: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// The value of `attr="…"` in the first element of `xml` starting with `start`.
fn attr(xml: &str, start: &str, attr: &str) -> Option<String> {
    let element = &xml[xml.find(start)?..];
    let element = &element[..element.find('>')?];
    let from = element.find(&format!(" {attr}=\""))? + attr.len() + 3;
    Some(element[from..from + element[from..].find('"')?].to_string())
}

/// Whether the sheet's first row is frozen and an autofilter covers `range`.
fn frozen_and_filtered(xlsx: &Path, sheet_file: &str, range: &str) -> bool {
    let xml = part(xlsx, sheet_file);
    let frozen = attr(&xml, "<pane ", "ySplit").as_deref() == Some("1") && attr(&xml, "<pane ", "state").as_deref() == Some("frozen");
    frozen && attr(&xml, "<autoFilter ", "ref").as_deref() == Some(range)
}

/// The number format of the cell at `reference` (e.g. `G2`) in `sheet_file`:
/// its format code, or `builtin N`.
fn number_format(xlsx: &Path, sheet_file: &str, reference: &str) -> Option<String> {
    let sheet = part(xlsx, sheet_file);
    let style: usize = attr(&sheet, &format!("<c r=\"{reference}\""), "s")?.parse().ok()?;
    let styles = part(xlsx, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs")?..];
    let xf = xfs.match_indices("<xf ").nth(style)?.0;
    let id = attr(&xfs[xf..], "<xf ", "numFmtId")?;
    Some(attr(&styles, &format!("<numFmt numFmtId=\"{id}\""), "formatCode").unwrap_or(format!("builtin {id}")))
}

#[tokio::test]
async fn the_detail_has_real_dates_a_frozen_filtered_header_and_age_overdue_and_map_columns() {
    let app = spawn_app().await;
    let t = seed(&app).await;
    let (road, clinic) = (id_of(&app, &t.road).await, id_of(&app, &t.clinic).await);
    sqlx::query("UPDATE aspirations SET lat_e6 = -2976074, lon_e6 = 104775431 WHERE id = $1").bind(road).execute(&app.db.pool).await.unwrap();
    sqlx::query("UPDATE aspirations SET overdue_at = $1 WHERE id = $2").bind(NOV_2_0900 + 14 * DAY).bind(clinic).execute(&app.db.pool).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let tz: chrono_tz::Tz = "Asia/Jakarta".parse().unwrap();
    let (from, to) = november().bounds(tz);
    let filter = AspFilter { from, to, area_path: Some("Kota Palembang/Ilir Barat I".into()), show_names: true };
    let spec = AspSpec { filter, period: november(), area_label: "Ilir Barat I".into(), lang: kimbot::platform::i18n::Lang::Id, tz };

    let as_of = NOV_2_0900 + 20 * DAY;
    let out = report::export_as_of(&app.db, &spec, as_of, dir.path(), Arc::new(Progress::default())).await.unwrap();

    let detail = sheet(&out.xlsx, "Rincian");
    assert_eq!(
        row(&detail, 0, 15),
        ["Tiket", "Tanggal", "Kategori", "Kecamatan", "Kelurahan", "KIM", "Isi aspirasi", "Status", "Terakhir diubah", "Umur (hari)", "Terlambat", "Catatan terakhir", "Pelapor", "Anonim", "Lokasi (peta)"]
    );
    for (r, c) in [(1, 1), (1, 8), (2, 1), (2, 8)] {
        assert!(is_date(&detail, r, c), "row {r} col {c} is a real date: {:?}", detail.get_value((r, c)));
    }
    assert_eq!(cell(&detail, 1, 8), "2026-11-05 09:00", "the road was closed on day 3");
    assert_eq!([cell(&detail, 1, 9), cell(&detail, 1, 10)], ["3", ""], "closed after 3 days, never late");
    assert_eq!([cell(&detail, 2, 9), cell(&detail, 2, 10)], ["12", "Ya"], "open since 10 Nov, flagged late");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspirations WHERE overdue_at IS NOT NULL AND id = $1", road).await, 0);
    assert_eq!(cell(&detail, 1, 14), "-2.976074, 104.775431");
    assert_eq!(cell(&detail, 2, 14), "", "no pin, no link");
    let sheet_xml = part(&out.xlsx, "xl/worksheets/sheet2.xml");
    assert!(sheet_xml.contains(r#"<f>HYPERLINK("https://www.google.com/maps/search/?api=1&amp;query=-2.976074,104.775431","#), "{sheet_xml}");
    assert!(frozen_and_filtered(&out.xlsx, "xl/worksheets/sheet2.xml", "A1:O3"));
    let csv = std::fs::read_to_string(&out.csv).unwrap();
    assert!(csv.contains(";https://www.google.com/maps/search/?api=1&query=-2.976074,104.775431\n"), "{csv}");
    assert!(csv.contains(";2026-11-02 09:00;") && csv.contains(";Ilir Barat I;Bukit Lama;"), "{csv}");
}

#[tokio::test]
async fn the_whole_city_report_breaks_down_by_kecamatan_then_kelurahan() {
    let app = spawn_app().await;
    seed(&app).await;
    let dir = tempfile::tempdir().unwrap();

    let out = export_for(&app, None, dir.path()).await;

    assert!(out.xlsx.ends_with("aspirasi-seluruh-wilayah-2026-11.xlsx"), "{}", out.xlsx.display());
    let summary = sheet(&out.xlsx, "Ringkasan");
    assert_eq!(row(&summary, 18, 4), ["Kecamatan", "Jumlah", "Selesai/ditolak", "Terlambat"]);
    assert_eq!(row(&summary, 19, 4), ["Ilir Barat I", "2", "1", "0"]);
    assert_eq!(row(&summary, 20, 4), ["Kemuning", "1", "0", "1"], "the market never got an answer");
    assert_eq!(row(&summary, 24, 5), ["Ilir Barat I", "Bukit Lama", "1", "1", "0"]);
    assert_eq!(row(&summary, 25, 5), ["Kemuning", "Kemuning", "1", "0", "1"]);
}

#[tokio::test]
async fn umkm_phone_numbers_stay_text_and_the_table_header_is_frozen_and_filtered() {
    let app = spawn_app().await;
    super::registry::business(&app, 7501, "Bu Ani", "IB1-BL", "kuliner", "modal").await;
    super::registry::business(&app, 7502, "Pak Edi", "IB1-BB", "jasa", "modal").await;
    let dir = tempfile::tempdir().unwrap();
    let filter = UmkmFilter { area_path: Some("Kota Palembang/Ilir Barat I".into()), sector: None, need: None };

    let out = registry::export_umkm(&app.db, &filter, kimbot::platform::i18n::Lang::Id, "Asia/Jakarta".parse().unwrap(), dir.path(), Arc::new(Progress::default()))
        .await
        .unwrap();

    assert!(out.xlsx.ends_with("umkm-ilir-barat-i.xlsx"), "{}", out.xlsx.display());
    let umkm = sheet(&out.xlsx, "UMKM");
    assert_eq!(cell(&umkm, 1, 6), "+6281234567890");
    assert_eq!(number_format(&out.xlsx, "xl/worksheets/sheet1.xml", "G2").as_deref(), Some("@"), "Excel's text format");
    assert!(is_date(&umkm, 1, 10), "registered is a real date");
    assert!(frozen_and_filtered(&out.xlsx, "xl/worksheets/sheet1.xml", "A1:K3"));
}
