//! Minimal `.xlsx` and `.ods` writers, for tests and fixtures only: one sheet of text, numbers
//! and empty cells, in the smallest packages Excel, LibreOffice and calamine open (inline strings,
//! no styles). The dashboard itself never writes spreadsheets.

/// A cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text (a string cell, even when it looks like a number).
    Text(String),
    /// A number stored as a number.
    Number(f64),
    /// Nothing.
    Empty,
}

/// A workbook with one sheet named `sheet`, whose row `i` (0-based) of `rows` is the sheet's
/// row `top + i + 1`, starting in column `left` (0 is A).
pub fn xlsx(sheet: &str, rows: &[Vec<Value>], top: u32, left: u32) -> Vec<u8> {
    let mut data = String::new();
    for (i, row) in rows.iter().enumerate() {
        let r = top + i as u32 + 1;
        data += &format!("<row r=\"{r}\">");
        for (j, v) in row.iter().enumerate() {
            let at = format!("{}{r}", lta_core::column_letters(left + j as u32));
            data += &match v {
                Value::Text(t) => format!("<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>", escape(t)),
                Value::Number(n) => format!("<c r=\"{at}\"><v>{n}</v></c>"),
                Value::Empty => String::new(),
            };
        }
        data += "</row>";
    }
    let sheet_xml = format!("{XML}<worksheet xmlns=\"{MAIN}\"><sheetData>{data}</sheetData></worksheet>");
    let workbook = format!(
        "{XML}<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets><sheet name=\"{}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        escape(sheet)
    );
    let entries: [(&str, &[u8]); 5] = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet_xml.as_bytes()),
    ];
    lta_core::write_zip(&entries, (2026, 11, 27))
}

/// The same as [`xlsx`], as an OpenDocument spreadsheet (`.ods`), from A1.
pub fn ods(sheet: &str, rows: &[Vec<Value>]) -> Vec<u8> {
    let mut table = String::new();
    for row in rows {
        table += "<table:table-row>";
        for v in row {
            table += &match v {
                Value::Text(t) => format!("<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>", escape(t)),
                Value::Number(n) => format!("<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"),
                Value::Empty => "<table:table-cell/>".to_string(),
            };
        }
        table += "</table:table-row>";
    }
    let content = format!(
        "{XML}<office:document-content xmlns:office=\"{ODF}office:1.0\" xmlns:table=\"{ODF}table:1.0\" xmlns:text=\"{ODF}text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"{}\">{table}</table:table></office:spreadsheet></office:body></office:document-content>",
        escape(sheet)
    );
    let manifest = format!(
        "{XML}<manifest:manifest xmlns:manifest=\"{ODF}manifest:1.0\" manifest:version=\"1.2\">\
         <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"{ODS_TYPE}\"/>\
         <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"
    );
    // The mimetype comes first and uncompressed, as the format asks.
    let entries: [(&str, &[u8]); 3] =
        [("mimetype", ODS_TYPE.as_bytes()), ("content.xml", content.as_bytes()), ("META-INF/manifest.xml", manifest.as_bytes())];
    lta_core::write_zip(&entries, (2026, 11, 27))
}

const ODF: &str = "urn:oasis:names:tc:opendocument:xmlns:";
const ODS_TYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
</Types>";
const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>\
</Relationships>";
const WORKBOOK_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
</Relationships>";
