//! The official list of Indonesia's areas with their Kemendagri codes (kode wilayah),
//! compiled into the binary so `kimbot areas import --wilayah 16.71` works on any
//! install without the repository. Source, version and licence (ODbL 1.0):
//! `data/wilayah/README.md`. Also the rule that turns a kelurahan's name into the KIM
//! code residents type ([`kim_code_candidates`]).

use flate2::read::GzDecoder;

static REGENCIES: &[u8] = include_bytes!("../../../data/wilayah/regencies.csv.gz");
static DISTRICTS: &[u8] = include_bytes!("../../../data/wilayah/districts.csv.gz");
static VILLAGES: &[u8] = include_bytes!("../../../data/wilayah/villages.csv.gz");

/// What the shipped list is, for the CLI's answer and the audit log.
pub const DATASET: &str = "idn-area-data 4.0.1 (ODbL 1.0)";

/// One official area: its code and its name as the list spells it.
#[derive(Debug, Clone, PartialEq)]
pub struct Official {
    pub code: String,
    pub name: String,
}

/// A kecamatan with its kelurahan/desa, in code order.
#[derive(Debug, Clone, PartialEq)]
pub struct Kecamatan {
    pub area: Official,
    pub kelurahan: Vec<Official>,
}

/// The part of the list one import loads: a kota/kabupaten and (some of) its kecamatan.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    pub kota: Official,
    pub kecamatan: Vec<Kecamatan>,
}

impl Selection {
    pub fn kelurahan_count(&self) -> usize {
        self.kecamatan.iter().map(|k| k.kelurahan.len()).sum()
    }
}

/// Why a selection could not be made; the CLI shows these to the operator.
#[derive(Debug, thiserror::Error)]
pub enum WilayahError {
    #[error("{0:?} is not a kota/kabupaten code such as 16.71")]
    BadKotaCode(String),
    #[error("{0:?} is not a kecamatan code such as 16.71.09")]
    BadKecamatanCode(String),
    #[error("kecamatan {kecamatan} does not lie in {kota}")]
    NotInside { kota: String, kecamatan: String },
    #[error("no kota/kabupaten {0} in the official list ({DATASET})")]
    UnknownKota(String),
    #[error("no kecamatan {0} in the official list ({DATASET})")]
    UnknownKecamatan(String),
    #[error("the shipped area list is unreadable: {0}")]
    Data(#[from] csv::Error),
}

/// Whether `code` has the official shape with `levels` parts: `16` (1), `16.71` (2),
/// `16.71.09` (3), `16.71.09.1001` (4).
pub fn is_code(code: &str, levels: usize) -> bool {
    const WIDTHS: [usize; 4] = [2, 2, 2, 4];
    let parts: Vec<&str> = code.split('.').collect();
    parts.len() == levels
        && levels <= WIDTHS.len()
        && parts.iter().zip(WIDTHS).all(|(p, w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The kota/kabupaten `kota` (e.g. `16.71`) with all its kecamatan, or only
/// `kecamatan` (e.g. `16.71.09`) when given. `kota` may be omitted when `kecamatan`
/// is given.
pub fn select(kota: Option<&str>, kecamatan: Option<&str>) -> Result<Selection, WilayahError> {
    let kecamatan = kecamatan.map(str::trim);
    if let Some(k) = kecamatan.filter(|k| !is_code(k, 3)) {
        return Err(WilayahError::BadKecamatanCode(k.to_string()));
    }
    let kota = match (kota.map(str::trim), kecamatan) {
        (Some(k), _) if !is_code(k, 2) => return Err(WilayahError::BadKotaCode(k.to_string())),
        (Some(k), Some(kec)) if !kec.starts_with(&format!("{k}.")) => {
            return Err(WilayahError::NotInside { kota: k.to_string(), kecamatan: kec.to_string() });
        }
        (Some(k), _) => k.to_string(),
        (None, Some(kec)) => kec[..5].to_string(),
        (None, None) => return Err(WilayahError::BadKotaCode(String::new())),
    };
    let found = rows(REGENCIES, |code, _| code == kota)?.pop();
    let kota_area = found.ok_or_else(|| WilayahError::UnknownKota(kota.clone()))?;
    let mut districts = rows(DISTRICTS, |code, parent| parent == kota && kecamatan.is_none_or(|k| k == code))?;
    if let (Some(k), true) = (kecamatan, districts.is_empty()) {
        return Err(WilayahError::UnknownKecamatan(k.to_string()));
    }
    districts.sort_by(|a, b| a.code.cmp(&b.code));
    let prefix = format!("{kota}.");
    let mut villages = rows(VILLAGES, |_, parent| parent.starts_with(&prefix))?;
    villages.sort_by(|a, b| a.code.cmp(&b.code));
    let kecamatan = districts
        .into_iter()
        .map(|area| {
            let inside = format!("{}.", area.code);
            let kelurahan = villages.iter().filter(|v| v.code.starts_with(&inside)).cloned().collect();
            Kecamatan { area, kelurahan }
        })
        .collect();
    Ok(Selection { kota: kota_area, kecamatan })
}

/// The rows of one shipped file (`code,parent_code,name`) that `keep(code, parent)` wants.
fn rows(gz: &[u8], keep: impl Fn(&str, &str) -> bool) -> Result<Vec<Official>, WilayahError> {
    let mut reader = csv::Reader::from_reader(GzDecoder::new(gz));
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record)? {
        let (code, parent, name) = (&record[0], &record[1], record[record.len() - 1].trim());
        if keep(code, parent) {
            out.push(Official { code: code.to_string(), name: name.to_string() });
        }
    }
    Ok(out)
}

/// Longest plain code derived from a name.
const BASE_MAX: usize = 12;

/// The readable part of a KIM code: the kelurahan's name in upper case, letters and
/// digits only, numbers written out in words as digits (the list spells Palembang's
/// "26 Ilir" as `Dua-puluh-enam Ilir`). Names of up to 12 such characters are kept
/// whole (`Bukitlama` → `BUKITLAMA`, `Dua-puluh-enam Ilir Satu` → `26ILIR1`); longer
/// ones keep their first word (at most 8 characters) and the initials of the others
/// (`Demang-Lebardaun` → `DEMANGL`); a single long word is cut at 12.
pub fn kim_code_base(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        match numeral(word) {
            Some(n) => words.push(n.to_string()),
            None => words.extend(
                word.to_uppercase().split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string),
            ),
        }
    }
    let joined: String = words.concat();
    if joined.len() <= BASE_MAX || words.len() < 2 {
        return joined.chars().take(BASE_MAX).collect();
    }
    let mut base: String = words[0].chars().take(8).collect();
    base.extend(words[1..].iter().filter_map(|w| w.chars().next()));
    base.chars().take(BASE_MAX).collect()
}

/// An Indonesian number written in words, its parts joined by `-` as the list writes
/// them (`Dua-puluh-enam` = 26, `Tiga-belas` = 13, `Satu` = 1); `None` for anything else.
fn numeral(word: &str) -> Option<u64> {
    let (mut total, mut current) = (0u64, 0u64);
    for part in word.to_lowercase().split('-') {
        let unit = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"].iter().position(|u| *u == part);
        match (part, unit) {
            (_, Some(n)) => current += n as u64,
            ("sepuluh", _) => current += 10,
            ("sebelas", _) => current += 11,
            ("belas", _) if (1..10).contains(&current) => current += 10,
            ("puluh", _) if (1..10).contains(&current) => current *= 10,
            ("seratus", _) => total += 100,
            ("ratus", _) if (1..10).contains(&current) => {
                total += current * 100;
                current = 0;
            }
            _ => return None,
        }
    }
    Some(total + current)
}

/// KIM codes to try for a kelurahan, best first; the import takes the first one no
/// other KIM has, so the result depends only on the codes already taken (kelurahan are
/// imported in code order). After the plain base come the base with the kelurahan's
/// last four digits (`SUKAJAYA-2003`), with its kecamatan's two digits before them
/// (`SUKAJAYA-092003`), with all ten digits (`SUKAJAYA-1671092003`, unique by itself),
/// then numbered variants should a hand-made KIM hold even that.
pub fn kim_code_candidates(name: &str, kelurahan_code: &str) -> impl Iterator<Item = String> {
    let mut base = kim_code_base(name);
    if base.is_empty() {
        base = "KIM".into();
    }
    let digits: String = kelurahan_code.chars().filter(char::is_ascii_digit).collect();
    let tail = |n: usize| digits[digits.len().saturating_sub(n)..].to_string();
    let (tail4, tail6) = (tail(4), tail(6));
    let short: String = base.chars().take(9).collect();
    let plain = (base.len() >= 2).then(|| base.clone());
    let fixed = [plain, Some(format!("{base}-{tail4}")), Some(format!("{base}-{tail6}")), Some(format!("{short}-{digits}"))];
    let numbered = (2..).map(move |n| format!("{short}-{tail4}-{n}"));
    fixed.into_iter().flatten().chain(numbered)
}

/// Reads a whole shipped file; for the tests that count it.
#[cfg(test)]
fn count(gz: &[u8]) -> usize {
    use std::io::Read;
    let mut text = String::new();
    GzDecoder::new(gz).read_to_string(&mut text).expect("gzip");
    text.lines().count() - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::members::areas::is_valid_code;

    #[test]
    fn kota_palembang_has_18_kecamatan_and_107_kelurahan() {
        let palembang = select(Some("16.71"), None).unwrap();
        assert_eq!(palembang.kota, Official { code: "16.71".into(), name: "Kota Palembang".into() });
        assert_eq!(palembang.kecamatan.len(), 18);
        assert_eq!(palembang.kelurahan_count(), 107);
        let kemuning = &palembang.kecamatan[8];
        assert_eq!((kemuning.area.code.as_str(), kemuning.area.name.as_str()), ("16.71.09", "Kemuning"));
        assert_eq!(kemuning.kelurahan[1], Official { code: "16.71.09.1002".into(), name: "Ario Kemuning".into() });
    }

    #[test]
    fn a_kecamatan_narrows_the_selection() {
        let kemuning = select(Some("16.71"), Some("16.71.09")).unwrap();
        assert_eq!(kemuning.kecamatan.len(), 1);
        assert_eq!(kemuning.kelurahan_count(), 6);
        assert_eq!(select(None, Some("16.71.09")).unwrap(), kemuning, "the kota follows from the kecamatan");
    }

    #[test]
    fn bad_or_unknown_codes_are_refused() {
        let cases: [(Option<&str>, Option<&str>, &str); 6] = [
            (Some("1671"), None, "BadKotaCode"),
            (Some("16.71.09"), None, "BadKotaCode"),
            (Some("16.99"), None, "UnknownKota"),
            (Some("16.71"), Some("16.7109"), "BadKecamatanCode"),
            (Some("16.72"), Some("16.71.09"), "NotInside"),
            (Some("16.71"), Some("16.71.99"), "UnknownKecamatan"),
        ];
        for (kota, kec, want) in cases {
            let err = select(kota, kec).unwrap_err();
            assert!(format!("{err:?}").starts_with(want), "{kota:?} {kec:?}: {err:?}");
        }
    }

    #[test]
    fn the_shipped_files_hold_the_whole_country() {
        assert_eq!(count(REGENCIES), 514);
        assert_eq!(count(DISTRICTS), 7285);
        assert_eq!(count(VILLAGES), 83762);
    }

    #[test]
    fn numbers_in_words_become_digits() {
        for (word, n) in [("Satu", Some(1)), ("Dua-puluh-enam", Some(26)), ("Tiga-belas", Some(13)), ("Sepuluh", Some(10)),
            ("Seratus-dua", Some(102)), ("Dua-ratus-lima-puluh", Some(250)), ("Ilir", None), ("Puluh", None), ("Dua-Ilir", None)]
        {
            assert_eq!(numeral(word), n, "{word}");
        }
    }

    #[test]
    fn kim_codes_are_the_name_or_its_first_word_and_initials() {
        for (name, code) in [
            ("Bukitlama", "BUKITLAMA"),
            ("Ario Kemuning", "ARIOKEMUNING"),
            ("Dua-puluh-enam Ilir Satu", "26ILIR1"),
            ("Tiga-puluh-lima Ilir", "35ILIR"),
            ("Delapan-belas Ilir", "18ILIR"),
            ("Sebelas Ilir", "11ILIR"),
            ("Seberang Ulu Satu", "SEBERANGULU1"),
            ("Demang-Lebardaun", "DEMANGL"),
            ("Sematangborang", "SEMATANGBORA"),
            ("Soka\"an", "SOKAAN"),
            ("Lalai I/II", "LALAIIII"),
            ("8 Ulu", "8ULU"),
            ("Lima-puluh-tiga-belas", "LIMAPTB"),
        ] {
            assert_eq!(kim_code_base(name), code, "{name}");
        }
    }

    #[test]
    fn taken_codes_fall_back_to_the_kelurahan_digits_deterministically() {
        let tried: Vec<String> = kim_code_candidates("Sukajaya", "16.71.07.2003").take(5).collect();
        assert_eq!(tried, ["SUKAJAYA", "SUKAJAYA-2003", "SUKAJAYA-072003", "SUKAJAYA-1671072003", "SUKAJAYA-2003-2"]);
        let long: Vec<String> = kim_code_candidates("Sematangborang", "16.71.16.1001").take(4).collect();
        assert_eq!(long[3], "SEMATANGB-1671161001");
        let empty: Vec<String> = kim_code_candidates("—", "16.71.16.1001").take(1).collect();
        assert_eq!(empty, ["KIM"]);
        for code in kim_code_candidates("Dua-puluh-enam Ilir Satu Lorong Panjang Sekali", "16.71.04.1003").take(6) {
            assert!(is_valid_code(&code) && code.len() <= 20, "{code}");
        }
    }

    #[test]
    fn every_kelurahan_of_palembang_gets_a_valid_code() {
        for kec in select(Some("16.71"), None).unwrap().kecamatan {
            for kel in kec.kelurahan {
                let code = kim_code_candidates(&kel.name, &kel.code).next().unwrap();
                assert!(is_valid_code(&code), "{} -> {code}", kel.name);
            }
        }
    }
}
