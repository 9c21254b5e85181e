//! Opening a user's own file: read in the browser, never sent anywhere. A records file is read in
//! steps with a pause for the browser between them, so the page stays responsive and shows progress.

use std::sync::Arc;

use lta_core::cube::{Cube, Parsed};
use lta_core::file_kind::FileKind;
use lta_core::records::RecordsReader;
use lta_core::view::{Dataset, LocalCube};
use lta_core::{DataError, ErrorKind};
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
}

impl LocalFile {
    pub fn is_records(&self) -> bool {
        matches!(self.cube, LocalCube::Records(_))
    }
}

/// Reads a cube or records file (CSV, or a spreadsheet with the same columns; told by its header),
/// or a dataset ZIP, with the codes of the dataset `base`.
pub async fn read(bytes: &[u8], name: &str, base: Arc<Dataset>, progress: impl Fn(f64)) -> Result<Parsed<LocalFile>, DataError> {
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark(READ_START);
    }
    // A spreadsheet is a ZIP too: its name tells it from a dataset folder. Both are unzipped by
    // the archive worker, fetched only now.
    if lta_core::sheet::is_workbook(name) {
        let (text, map) = crate::worker::sheet_text(bytes, name).await?;
        return read_csv(text.as_bytes(), name, &base, progress, performance).await.map_err(|e| map.locate(e));
    }
    if lta_core::publish::is_zip(bytes) {
        let entries = crate::worker::unzip(bytes, name).await?;
        let Parsed { value, notices } = lta_core::publish::dataset_from_entries(&entries, name)?;
        return Ok(Parsed { value: LocalFile { name: name.to_string(), cube: LocalCube::Dataset(Box::new(value)) }, notices });
    }
    read_csv(bytes, name, &base, progress, performance).await
}

/// Reads a cube or records CSV text (told by its header).
async fn read_csv(
    bytes: &[u8],
    name: &str,
    base: &Dataset,
    progress: impl Fn(f64),
    performance: Option<web_sys::Performance>,
) -> Result<Parsed<LocalFile>, DataError> {
    let names = base.manifest.perceel_names().open();
    let kind = FileKind::detect(bytes, name)?;
    let Parsed { value: cube, notices } = match kind {
        FileKind::Cube => {
            let Parsed { value, notices } = Cube::parse(bytes, name, &names)?;
            Parsed { value: LocalCube::Cube(value), notices }
        }
        FileKind::Records => {
            let mut reader = RecordsReader::open(bytes, name, &names)?;
            while !reader.step(ROWS_PER_STEP)? {
                progress(reader.progress());
                pause().await;
            }
            progress(1.0);
            pause().await;
            let Parsed { value, notices } = reader.finish();
            Parsed { value: LocalCube::Records(value), notices }
        }
    };
    // The benchmark (bench/) reads this measure: parse + cube, without reading the file from disk.
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(PARSE_AND_CUBE, READ_START);
    }
    let file = LocalFile { name: name.to_string(), cube };
    Ok(Parsed { value: file, notices })
}

const READ_START: &str = "lta-read-start";
/// The name of the performance measure of parsing a file and building its cube.
const PARSE_AND_CUBE: &str = "lta-parse-cube";
