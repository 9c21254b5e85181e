//! `records_to_cube` writes what the browser's "Publiceerbare kubus downloaden" writes, perturbed
//! with the key of `--sleutel` (made when missing) unless `--zonder-regels`, which warns.

use std::path::Path;
use std::process::Command;

use lta_core::{PerceelNames, SecretKey, apply_cell_key, read_records};

const MANIFEST: &str = r#"{"id": "t", "title": {"nl": "T", "en": "T"}, "publisher": "", "source": {"citation": {"nl": "c", "en": "c"}},
  "licence": "x", "periods": [], "status": "voorlopig", "files": {"cube": "cube.csv", "records": "r.csv"},
  "disclosure": {"nl": "d", "en": "d"}}"#;

fn folder(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lta-rtc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut csv = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
    for i in 0..300 {
        csv += &format!("c{},2023-H{},{},P{},huisarts,{}\n", i % 120, 1 + i % 2, ["ZW", "NN", "BZ"][i % 3], i % 4, 1000 + i * 13);
    }
    std::fs::write(dir.join("r.csv"), csv).unwrap();
    std::fs::write(dir.join("manifest.json"), MANIFEST).unwrap();
    dir
}

fn run(dir: &Path, extra: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_records_to_cube")).arg(dir).args(extra).output().unwrap()
}

#[test]
fn by_default_the_method_applies_and_the_publishable_files_are_written() {
    let dir = folder("on");
    let key_file = dir.join("sleutel.txt");
    let key_arg = key_file.to_str().unwrap();
    // No key yet: one is made, said, and used.
    let out = run(&dir, &["--sleutel", key_arg, "--definitief", "--datum", "2026-11-27"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("new secret key"));
    let key = SecretKey::parse(&std::fs::read_to_string(&key_file).unwrap()).unwrap();
    let published = dir.join("publiceerbaar");
    for f in ["cube.csv", "manifest.json", "LEESMIJ.txt", "README.txt"] {
        assert!(published.join(f).exists(), "{f}");
    }
    let built = read_records(&std::fs::read(dir.join("r.csv")).unwrap(), "r.csv", &PerceelNames::default()).unwrap().value;
    let cube = std::fs::read_to_string(published.join("cube.csv")).unwrap();
    assert_eq!(cube, apply_cell_key(&built, &key).to_csv());
    let manifest = std::fs::read_to_string(published.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"status\": \"definitief\"") && manifest.contains("\"created\": \"2026-11-27\"") && manifest.contains("\"method\": \"cell-key\""));
    assert!(!manifest.contains("r.csv"), "the manifest names the records file");
    // The key is in no output.
    let hex = std::fs::read_to_string(&key_file).unwrap().lines().last().unwrap().to_string();
    for f in std::fs::read_dir(&published).unwrap() {
        assert!(!std::fs::read_to_string(f.unwrap().path()).unwrap().contains(&hex));
    }
    // Again with the same key: the same cube; a key file that is not one is refused.
    assert!(run(&dir, &["--sleutel", key_arg, "--datum", "2026-11-27"]).status.success());
    assert_eq!(std::fs::read_to_string(published.join("cube.csv")).unwrap(), cube);
    std::fs::write(&key_file, "geheim").unwrap();
    let bad = run(&dir, &["--sleutel", key_arg]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("not an LTA dashboard key file"));
    // Without a key under the method: the usage.
    assert!(!run(&dir, &[]).status.success());
}

#[test]
fn without_the_rules_only_the_exact_cube_is_written_with_a_warning() {
    let dir = folder("off");
    let out = run(&dir, &["--zonder-regels"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not publishable"));
    let built = read_records(&std::fs::read(dir.join("r.csv")).unwrap(), "r.csv", &PerceelNames::default()).unwrap().value;
    assert_eq!(std::fs::read_to_string(dir.join("cube.csv")).unwrap(), built.cube.to_csv());
    assert!(!dir.join("publiceerbaar").exists());
    assert!(!run(&dir, &["--onbekend"]).status.success());
}

/// Every format the browser reads, through the same readers: a Windows-1252 export with Dutch
/// headers read by the manifest's `kolommen`, and the same rows as an `.xlsx` and an `.ods`
/// (amounts and dates stored as numbers), give the cube of the plain records under one key.
#[test]
fn an_export_in_any_format_gives_the_cube_of_the_plain_records() {
    use lta_xlsx::write::{ods, xlsx, Value};
    let plain = folder("plain");
    let key_file = plain.join("sleutel.txt");
    std::fs::write(&key_file, SecretKey::from_bytes([7; 16]).to_file()).unwrap();
    let key = ["--sleutel", key_file.to_str().unwrap(), "--datum", "2026-12-04"];
    assert!(run(&plain, &key).status.success());
    let expected = std::fs::read_to_string(plain.join("publiceerbaar/cube.csv")).unwrap();
    // The same rows as an export: gemeente codes of the landsdeel, begin dates, referrer code 02, € amounts.
    let (gemeente, date) = (["0518", "0014", "0796"], ["05-01-2023", "05-07-2023"]);
    let header = ["Cliëntnummer", "Begindatum", "Gemeentecode", "Perceel", "Verwijzer", "Bedrag"];
    let rows: Vec<[String; 6]> = (0..300usize)
        .map(|i| {
            let euros = 1000 + i * 13;
            let amount = format!("€ {}.{:03},00", euros / 1000, euros % 1000);
            [format!("c{}", i % 120), date[i % 2].into(), gemeente[i % 3].into(), format!("P{}", i % 4), "02".into(), amount]
        })
        .collect();
    let mut text = header.join(";") + "\r\n";
    for r in &rows {
        text += &(r.join(";") + "\r\n");
    }
    let cp1252: Vec<u8> = text.chars().map(|c| if c == '€' { 0x80 } else { c as u32 as u8 }).collect();
    // Spreadsheet cells: amounts and dates as numbers (2023-01-05 is day 44931).
    let cells: Vec<Vec<Value>> = std::iter::once(header.map(|h| Value::Text(h.into())).to_vec())
        .chain(rows.iter().enumerate().map(|(i, r)| {
            let euros = 1000 + i * 13;
            vec![Value::Text(r[0].clone()), Value::Number([44931.0, 45112.0][i % 2]), Value::Text(r[2].clone()), Value::Text(r[3].clone()), Value::Text(r[4].clone()), Value::Number(euros as f64)]
        }))
        .collect();
    let with_mapping = MANIFEST.replace(r#""disclosure""#, r#""kolommen": {"cliëntnummer": "client", "begindatum": "begindatum", "gemeentecode": "gemeente", "perceel": "perceel", "verwijzer": "verwijzer", "bedrag": "volume_eur"}, "invoer": {"bedragen": "nl"}, "disclosure""#);
    for (name, bytes, manifest) in [
        ("r.csv", cp1252, with_mapping.clone()),
        ("r.xlsx", xlsx("records", &cells, 2, 1), MANIFEST.to_string()),
        ("r.ods", ods("records", &cells), MANIFEST.to_string()),
    ] {
        let dir = folder(&format!("export-{name}"));
        std::fs::write(dir.join(name), bytes).unwrap();
        std::fs::write(dir.join("manifest.json"), manifest.replace(r#""records": "r.csv""#, &format!(r#""records": "{name}""#))).unwrap();
        let out = run(&dir, &key);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(std::fs::read_to_string(dir.join("publiceerbaar/cube.csv")).unwrap(), expected, "{name}");
        let published = std::fs::read_to_string(dir.join("publiceerbaar/manifest.json")).unwrap();
        assert!(published.contains(r#""gemeentecode": "gemeente""#) && published.contains("perioden-uit-datum"), "{name}: {published}");
    }
}
