//! Opening a user's own file: read in the browser, never sent anywhere. A records file is read in
//! steps with a pause for the browser between them, so the page stays responsive and shows progress.

use std::sync::Arc;

use lta_core::{Cube, DataError, Dataset, Encoding, ErrorKind, FileKind, LocalCube, Mapping, Notice, Parsed, Preview, RecordsReader, SheetMap, decode};
use wasm_bindgen_futures::JsFuture;

use crate::pause::pause;

/// Rows per step: about 30 ms of work, so the page can repaint the progress bar in between.
const ROWS_PER_STEP: usize = 50_000;

/// The bytes of a file the user chose or dropped.
pub async fn bytes(file: &web_sys::File) -> Result<Vec<u8>, DataError> {
    let failed = || DataError::new(ErrorKind::Unreadable, &file.name());
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| failed())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A file the user opened, as read.
pub struct LocalFile {
    pub name: String,
    /// A cube file, records (shown under the cell-key method unless turned off) or a dataset ZIP.
    pub cube: LocalCube,
    /// The column mapping records were read by, where it is not the dashboard's own format.
    pub mapping: Option<Mapping>,
}

/// Rows of a file shown to the user beside each column.
const PREVIEW_ROWS: usize = 3;

/// A records file whose columns are not the dashboard's: the user says which is which first.
pub struct Proposal {
    pub name: String,
    /// The file's text as UTF-8 (a spreadsheet's sheet as CSV text).
    text: Vec<u8>,
    sheet: Option<SheetMap>,
    pub encoding: Encoding,
    pub preview: Preview,
    /// The mapping proposed: the one remembered for this header, else the one it suggests.
    pub mapping: Mapping,
    pub remembered: bool,
}

/// What opening a file gave: the file read, or a question about its columns.
pub enum Opened {
    Read(Parsed<LocalFile>),
    Ask(Proposal),
}

impl LocalFile {
    pub fn is_records(&self) -> bool {
        matches!(self.cube, LocalCube::Records(_))
    }
}

/// Reads a cube or records file (CSV in UTF-8 or Windows-1252, or a spreadsheet; told by its
/// header), or a dataset ZIP, with the codes of the dataset `base`. Records with columns of their
/// own come back as a question (`remembered`: the mapping the user chose before for a header).
pub async fn read(bytes: &[u8], name: &str, base: Arc<Dataset>, remembered: impl Fn(&[String]) -> Option<Mapping>, progress: impl Fn(f64)) -> Result<Opened, DataError> {
    mark_start();
    // A spreadsheet is a ZIP too: its name tells it from a dataset folder. Both are unzipped by
    // the archive worker, fetched only now.
    let (text, encoding, sheet) = if lta_core::is_workbook(name) {
        let (text, map) = crate::worker::sheet_text(bytes, name).await?;
        (text.into_bytes(), Encoding::Utf8, Some(map))
    } else if lta_core::is_zip(bytes) {
        let entries = crate::worker::unzip(bytes, name).await?;
        let Parsed { value, notices } = lta_core::dataset_from_entries(&entries, name)?;
        let file = LocalFile { name: name.to_string(), cube: LocalCube::Dataset(Box::new(value)), mapping: None };
        return Ok(Opened::Read(Parsed { value: file, notices }));
    } else {
        let (text, encoding) = decode(bytes, name)?;
        (text.into_owned(), encoding, None)
    };
    let kind = FileKind::detect(&text, name);
    if kind == Ok(FileKind::Cube) {
        let names = base.manifest.perceel_names().open();
        let Parsed { value, notices } = Cube::parse(&text, name, &names).map_err(|e| located(&sheet, e))?;
        let file = LocalFile { name: name.to_string(), cube: LocalCube::Cube(value), mapping: None };
        return Ok(Opened::Read(with_encoding(Parsed { value: file, notices }, encoding)));
    }
    let preview = Preview::of(&text, name, lta_core::SAMPLE_ROWS).map_err(|e| located(&sheet, e))?;
    let proposed = preview.proposal();
    let mut proposal = Proposal { name: name.to_string(), text, sheet, encoding, preview, mapping: proposed, remembered: false };
    match kind {
        // The dashboard's own columns (with a gemeente or jeugdregio for the landsdeel too): read at once.
        Ok(_) => read_mapped(&proposal, &proposal.mapping, &base, progress).await.map(Opened::Read),
        Err(_) if proposal.mapping.is_plain() => read_mapped(&proposal, &proposal.mapping, &base, progress).await.map(Opened::Read),
        // Columns of its own, some of them known: the user says which is which.
        Err(e) if e.kind == ErrorKind::UnknownHeader && proposal.mapping.columns.len() >= 2 => {
            if let Some(m) = remembered(&proposal.preview.header) {
                (proposal.mapping, proposal.remembered) = (m, true);
            }
            proposal.preview.rows.truncate(PREVIEW_ROWS);
            Ok(Opened::Ask(proposal))
        }
        Err(e) => Err(located(&proposal.sheet, e)),
    }
}

/// Reads records by the mapping the user chose (or the one their header makes plain).
pub async fn read_mapped(p: &Proposal, mapping: &Mapping, base: &Dataset, progress: impl Fn(f64)) -> Result<Parsed<LocalFile>, DataError> {
    let locate = |e: DataError| located(&p.sheet, e);
    let names = base.manifest.perceel_names().open();
    let mut reader = RecordsReader::open_mapped(&p.text, &p.name, &names, mapping).map_err(locate)?;
    while !reader.step(ROWS_PER_STEP).map_err(locate)? {
        progress(reader.progress());
        pause().await;
    }
    progress(1.0);
    pause().await;
    let Parsed { value, notices } = reader.finish();
    // The benchmark (bench/) reads this measure: parse + cube, without reading the file from disk.
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(PARSE_AND_CUBE, READ_START);
    }
    let mapping = (!mapping.is_plain()).then(|| mapping.clone());
    let file = LocalFile { name: p.name.clone(), cube: LocalCube::Records(value.into()), mapping };
    Ok(with_encoding(Parsed { value: file, notices }, p.encoding))
}

/// An error in a spreadsheet's text, said of its cell (`Blad1!C17`).
fn located(sheet: &Option<SheetMap>, e: DataError) -> DataError {
    match sheet {
        Some(m) => m.locate(e),
        None => e,
    }
}

fn with_encoding(mut parsed: Parsed<LocalFile>, encoding: Encoding) -> Parsed<LocalFile> {
    if encoding == Encoding::Windows1252 {
        parsed.notices.insert(0, Notice::Windows1252 { file: parsed.value.name.clone() });
    }
    parsed
}

fn mark_start() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(READ_START);
    }
}

const READ_START: &str = "lta-read-start";
/// The name of the performance measure of parsing a file and building its cube.
const PARSE_AND_CUBE: &str = "lta-parse-cube";
