//! The files BEN staff and gemeenten actually have give the same cube as the plain records file:
//! the illustrative records written as Excel on Windows, a declaration export and a gemeente's
//! system would write them (Windows-1252, Dutch headers, `€ 1.234,56`, dates, gemeente codes in
//! four forms, iJw referrer codes, a D/C column). Each file is made here from the plain one.

use lta_core::{ErrorKind, Landsdeel, Mapping, PerceelNames, Verwijzer, read_export, read_records, regions};

/// One plain record: client, period, landsdeel, perceel, referrer, euros in cents.
struct Rec {
    client: String,
    period: String,
    landsdeel: Landsdeel,
    perceel: String,
    verwijzer: Verwijzer,
    cents: i64,
}

fn records() -> Vec<Rec> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/illustratief/records-synthetisch.csv")).unwrap();
    text.lines()
        .skip(1)
        .enumerate()
        .map(|(i, line)| {
            // client, periode, landsdeel, gemeente, perceel, verwijzer, volume_eur: the gemeente
            // is left out, so the files below state it in their own ways.
            let mut f: Vec<&str> = line.split(',').collect();
            f.remove(3);
            let cents = (f[5].parse::<f64>().unwrap() * 100.0).round() as i64;
            Rec {
                client: f[0].into(),
                period: f[1].into(),
                landsdeel: Landsdeel::parse(f[2]).unwrap(),
                perceel: f[3].into(),
                verwijzer: Verwijzer::parse(f[4]).unwrap(),
                // Some corrections, so that credits and negative amounts are read too.
                cents: if i % 9 == 4 { -cents } else { cents },
            }
        })
        .collect()
}

fn plain(recs: &[Rec]) -> String {
    let mut out = String::from("client,periode,landsdeel,perceel,verwijzer,volume_eur\n");
    for r in recs {
        let sign = if r.cents < 0 { "-" } else { "" };
        out += &format!("{},{},{},{},{},{sign}{}.{:02}\n", r.client, r.period, r.landsdeel.code(), r.perceel, r.verwijzer.code(), r.cents.abs() / 100, r.cents.abs() % 100);
    }
    out
}

/// `€ 13.871,69`, and a negative amount in the two ways Excel writes one.
fn dutch_amount(cents: i64, i: usize) -> String {
    let euros = cents.abs() / 100;
    let mut digits = euros.to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(".{tail}{grouped}");
    }
    let body = format!("{digits}{grouped},{:02}", cents.abs() % 100);
    match (cents < 0, i % 2) {
        (false, _) => format!("€ {body}"),
        (true, 0) => format!("-€ {body}"),
        (true, _) => format!("{body}-"),
    }
}

/// A date in the record's half-year, in one of the four forms by turn.
fn date(period: &str, i: usize) -> String {
    let year: i64 = period[..4].parse().unwrap();
    let month = if period.ends_with("H1") { 1 + i % 6 } else { 7 + i % 6 } as i64;
    let day = 1 + (i % 28) as i64;
    match i % 4 {
        0 => format!("{day:02}-{month:02}-{year}"),
        1 => format!("{year}-{month:02}-{day:02}"),
        2 => format!("{year}{month:02}{day:02}"),
        _ => serial(year, month, day).to_string(),
    }
}

/// A spreadsheet's serial day of a date (days from 1899-12-30), from a plain day count.
fn serial(year: i64, month: i64, day: i64) -> i64 {
    let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let mut days = 0;
    for y in 1900..year {
        days += if leap(y) { 366 } else { 365 };
    }
    let months = [31, if leap(year) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    days += months[..(month - 1) as usize].iter().sum::<i64>() + day;
    days + 1 // day 1 is 1900-01-01; Excel's 1900-02-29 adds one for every later date
}

/// A gemeente of the landsdeel, as `GM0363`, `0363`, `363` or its name by turn.
fn gemeente(l: Landsdeel, i: usize) -> String {
    let of_l: Vec<_> = regions().gemeenten.iter().filter(|g| regions().landsdeel_of(g) == l).collect();
    let g = of_l[i % of_l.len()];
    let number: u16 = g.code[2..].parse().unwrap();
    match i % 4 {
        0 => g.code.clone(),
        1 => format!("{number:04}"),
        2 => number.to_string(),
        _ => g.name.clone(),
    }
}

fn referrer_code(v: Verwijzer) -> &'static str {
    match v {
        Verwijzer::Gemeente => "01",
        Verwijzer::Huisarts => "02",
        Verwijzer::Jeugdarts => "03",
        Verwijzer::Gi => "04",
        Verwijzer::MedischSpecialist => "05",
        Verwijzer::Geen => "06",
        Verwijzer::Onbekend => "07",
        Verwijzer::RechterOvj => "08",
    }
}

/// Text as Excel on Windows saves it: Windows-1252 (Python's `cp1252` makes the same bytes).
fn cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u8,
            c => panic!("{c} is not in this test's Windows-1252"),
        })
        .collect()
}

fn cube_of(bytes: &[u8], file: &str, mapping: Option<&Mapping>) -> String {
    read_export(bytes, file, &PerceelNames::default(), mapping).unwrap_or_else(|e| panic!("{e}")).value.cube.to_csv()
}

fn expected(recs: &[Rec]) -> String {
    read_records(plain(recs).as_bytes(), "records.csv", &PerceelNames::default()).unwrap().value.cube.to_csv()
}

#[test]
fn windows_1252_dutch_headers_and_excel_amounts() {
    let recs = records();
    let mut text = String::from("Cliëntnummer;Periode;Landsdeel;Perceel;Verwijzer;Bedrag;Aanbieder\r\n");
    for (i, r) in recs.iter().enumerate() {
        text += &format!("{};{};{};{};{};{};Cliëntgerichte Zorg\r\n", r.client, r.period, r.landsdeel.name(), r.perceel, r.verwijzer.code(), dutch_amount(r.cents, i));
    }
    let bytes = cp1252(&text);
    assert!(std::str::from_utf8(&bytes).is_err(), "the file must really be Windows-1252");
    let parsed = read_export(&bytes, "records.csv", &PerceelNames::default(), None).unwrap();
    assert!(parsed.notices.iter().any(|n| matches!(n, lta_core::Notice::Windows1252 { .. })));
    assert_eq!(parsed.value.cube.to_csv(), expected(&recs));
}

#[test]
fn dates_gemeenten_and_referrer_codes_each() {
    let recs = records();
    let variants: [(&str, fn(&Rec, usize) -> String); 3] = [
        ("client,begindatum,landsdeel,perceel,verwijzer,volume_eur", |r, i| date(&r.period, i)),
        ("client,periode,gemeente,perceel,verwijzer,volume_eur", |r, i| gemeente(r.landsdeel, i)),
        ("client,periode,landsdeel,perceel,verwijzer,volume_eur", |r, _| referrer_code(r.verwijzer).into()),
    ];
    for (n, (header, changed)) in variants.iter().enumerate() {
        let mut text = format!("{header}\n");
        for (i, r) in recs.iter().enumerate() {
            let v = changed(r, i);
            let (period, region, referrer) = match n {
                0 => (v, r.landsdeel.code().to_string(), r.verwijzer.code().to_string()),
                1 => (r.period.clone(), format!("\"{v}\""), r.verwijzer.code().to_string()),
                _ => (r.period.clone(), r.landsdeel.code().to_string(), v),
            };
            let sign = if r.cents < 0 { "-" } else { "" };
            text += &format!("{},{period},{region},{},{referrer},{sign}{}.{:02}\n", r.client, r.perceel, r.cents.abs() / 100, r.cents.abs() % 100);
        }
        assert_eq!(cube_of(text.as_bytes(), "records.csv", None), expected(&recs), "{header}");
    }
}

/// The declaration-style export of the issue: everything at once, and product codes the user
/// mapped to percelen through the manifest's `kolommen`/`invoer`.
#[test]
fn a_declaration_style_export_gives_the_same_cube() {
    let recs = records();
    let mut percelen: Vec<&str> = recs.iter().map(|r| r.perceel.as_str()).collect();
    percelen.sort();
    percelen.dedup();
    // The user's own product codes, one per perceel.
    let product = |perceel: &str| format!("54{:03}", 1 + percelen.iter().position(|p| *p == perceel).unwrap());
    let products: Vec<(String, &str)> = percelen.iter().map(|p| (product(p), *p)).collect();
    let mut text = String::from("Cliëntnummer;Gemeentecode;Productcode;Begindatum;Einddatum;Verwijzer;Ingediend bedrag;Debet/Credit;AGB-code\r\n");
    for (i, r) in recs.iter().enumerate() {
        let number: u16 = gemeente(r.landsdeel, i * 4)[2..].parse().unwrap();
        let dc = if r.cents < 0 { "C" } else { "D" };
        text += &format!(
            "{};{number:04};{};{};31-12-2025;{};{};{dc};12345678\r\n",
            r.client,
            product(&r.perceel),
            date(&r.period, i),
            referrer_code(r.verwijzer),
            dutch_amount(r.cents.abs(), i)
        );
    }
    let manifest = format!(
        r#"{{"kolommen": {{"cliëntnummer": "client", "gemeentecode": "gemeente", "productcode": "productcode", "begindatum": "begindatum",
           "verwijzer": "verwijzer", "ingediend bedrag": "volume_eur", "debet/credit": "debet_credit", "agb-code": "aanbieder"}},
           "invoer": {{"bedragen": "nl", "perioden": "halfjaar", "producten": {{{}}}}}}}"#,
        products.iter().map(|(p, q)| format!("\"{p}\": \"{q}\"")).collect::<Vec<_>>().join(", ")
    );
    let mapping = Mapping::from_manifest(manifest.as_bytes(), "manifest.json").unwrap().unwrap();
    assert_eq!(cube_of(&cp1252(&text), "declaraties.csv", Some(&mapping)), expected(&recs));
}

#[test]
fn unknown_gemeenten_are_listed_and_the_file_refused() {
    let text = "client,periode,gemeente,perceel,verwijzer,volume_eur\na,2023-H1,0363,P,huisarts,1\nb,2023-H1,Atlantis,P,huisarts,1\nc,2023-H1,Atlantis,P,huisarts,1\nd,2023-H1,GM9999,P,huisarts,1\n";
    let e = read_export(text.as_bytes(), "r.csv", &PerceelNames::default(), None).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownRegions { rows: 3, values: 2 });
    assert_eq!((e.position.line, e.position.column.as_deref(), e.position.value.as_deref()), (Some(3), Some("gemeente"), Some("Atlantis, GM9999")));
    assert!(e.to_string().contains("2 unknown values, 3 rows"), "{e}");
}

#[test]
fn ambiguous_values_are_errors_naming_line_column_and_value() {
    let bad = |row: &str| {
        let text = format!("Clientnr;Datum;Landsdeel;Perceel;Verwijzer;Bedrag\n1;05-04-2023;ZW;P;02;€ 1.234,56\n{row}\n");
        read_export(text.as_bytes(), "r.csv", &PerceelNames::default(), None).unwrap_err()
    };
    let e = bad("2;05-04-2023;ZW;P;02;1.23");
    assert_eq!((e.kind, e.position.line, e.position.column.as_deref(), e.position.value.as_deref()), (ErrorKind::BadNumber, Some(3), Some("bedrag"), Some("1.23")));
    let e = bad("2;31-02-2023;ZW;P;02;1,00");
    assert_eq!((e.kind, e.position.column.as_deref()), (ErrorKind::BadDate, Some("datum")));
    let e = bad("2;05-04-2023;ZW;P;09;1,00");
    assert_eq!((e.kind, e.position.column.as_deref()), (ErrorKind::UnknownCode, Some("verwijzer")));
}
