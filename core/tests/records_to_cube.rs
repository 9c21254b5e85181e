//! `records_to_cube` writes what the browser's "Publiceerbare kubus downloaden" writes, perturbed
//! with the key of `--sleutel` (made when missing) unless `--zonder-regels`, which warns.

use std::path::Path;
use std::process::Command;

use lta_core::cube::PerceelNames;
use lta_core::disclosure::{self, SecretKey};
use lta_core::records;

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
    let built = records::read(&std::fs::read(dir.join("r.csv")).unwrap(), "r.csv", &PerceelNames::default()).unwrap().value;
    let cube = std::fs::read_to_string(published.join("cube.csv")).unwrap();
    assert_eq!(cube, disclosure::apply(&built, &key).to_csv());
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
    let built = records::read(&std::fs::read(dir.join("r.csv")).unwrap(), "r.csv", &PerceelNames::default()).unwrap().value;
    assert_eq!(std::fs::read_to_string(dir.join("cube.csv")).unwrap(), built.cube.to_csv());
    assert!(!dir.join("publiceerbaar").exists());
    assert!(!run(&dir, &["--onbekend"]).status.success());
}
