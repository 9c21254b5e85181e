//! Writes a CSV file (`,` or `;`) as an `.xlsx` workbook with one sheet, for the browser test
//! that opens a spreadsheet (`tests/e2e/xlsx.test.mjs`): cells that are numbers become number
//! cells, except in the columns named after `--text`, which stay text ("numbers stored as text").
//!
//! `cargo run -p lta-xlsx --example csv_to_xlsx -- in.csv out.xlsx [--text volume_eur]`

use lta_xlsx::write::{xlsx, Value};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, rest @ ..] = args.as_slice() else { return Err("usage: csv_to_xlsx in.csv out.xlsx [--text column]".into()) };
    let as_text: Vec<&str> = rest.iter().skip_while(|a| *a != "--text").skip(1).map(String::as_str).collect();
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = if text.lines().next().unwrap_or("").contains(';') { ';' } else { ',' };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(delimiter).collect();
    let mut rows = vec![header.iter().map(|h| Value::Text(h.to_string())).collect::<Vec<_>>()];
    for line in lines {
        // The illustrative files hold no quoted fields; a quote would be written as it stands.
        let cells = line.split(delimiter).zip(&header).map(|(v, h)| match v.parse::<f64>() {
            _ if v.is_empty() => Value::Empty,
            Ok(n) if !as_text.contains(h) => Value::Number(n),
            _ => Value::Text(v.to_string()),
        });
        rows.push(cells.collect());
    }
    std::fs::write(output, xlsx("Blad1", &rows, 0, 0)).map_err(|e| format!("{output}: {e}"))
}
