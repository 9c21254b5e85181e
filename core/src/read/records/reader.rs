//! The stepping reader: a records file read a number of rows at a time, so a page can show
//! progress and stay responsive between steps.

use super::*;

/// Reads a records file step by step.
pub struct RecordsReader<'a> {
    pub(crate) rows: Rows<'a>,
    pub(crate) file: String,
    pub(crate) mapping: Mapping,
    pub(crate) sources: Sources,
    /// The header, as the reader names columns in errors (the row reader holds its own).
    pub(crate) header: Vec<String>,
    pub(crate) cols: [usize; 6],
    /// Region values the reference table does not know, with their rows and first line.
    pub(crate) unknown_regions: Vec<(String, usize, u64)>,
    pub(crate) percelen: &'a PerceelNames,
    pub(crate) notices: Vec<Notice>,
    pub(crate) clients: Texts<()>,
    pub(crate) periods: Interner,
    pub(crate) perceel_codes: Interner,
    pub(crate) areas: Cached,
    pub(crate) landsdelen: Cached,
    pub(crate) verwijzers: Cached,
    pub(crate) dates: Cached,
    pub(crate) providers: Interner,
    pub(crate) records: Vec<Record>,
}

impl<'a> RecordsReader<'a> {
    /// Checks the file's encoding and header, reading it by the mapping its header suggests.
    pub fn open(bytes: &'a [u8], file: &str, percelen: &'a PerceelNames) -> Result<Self, DataError> {
        Self::open_mapped(bytes, file, percelen, &proposed_mapping(bytes, file)?)
    }

    /// Checks the file's encoding and header, reading it by `mapping`. The text must be UTF-8
    /// (`import::decode` makes it so).
    pub fn open_mapped(bytes: &'a [u8], file: &str, percelen: &'a PerceelNames, mapping: &Mapping) -> Result<Self, DataError> {
        let rows = Rows::open(bytes, file)?;
        let sources = mapping.sources(&rows.header, file)?;
        let known: Vec<&str> = rows.header.iter().filter(|h| mapping.role_of(h).is_some()).map(String::as_str).collect();
        let notices = ignored_columns(&rows.header, &known, file);
        let header = rows.header.clone();
        Ok(RecordsReader {
            rows,
            file: file.to_string(),
            mapping: mapping.clone(),
            header,
            cols: sources.columns(),
            sources,
            unknown_regions: Vec::new(),
            percelen,
            notices,
            clients: Texts::default(),
            periods: Interner::default(),
            perceel_codes: Interner::default(),
            areas: Cached::default(),
            landsdelen: Cached::default(),
            verwijzers: Cached::default(),
            dates: Cached::default(),
            providers: Interner::default(),
            records: Vec::new(),
        })
    }

    /// Reads up to `max_rows` rows; `Ok(true)` when the file is done. A file without data rows,
    /// more rows than [`MAX_ROWS`], or more distinct periods or percelen than the limits allow
    /// is an error.
    pub fn step(&mut self, max_rows: usize) -> Result<bool, DataError> {
        let delimiter = self.rows.delimiter;
        for _ in 0..max_rows {
            let Some((line, row)) = self.rows.next_row()? else {
                if !self.unknown_regions.is_empty() {
                    return Err(self.unknown_regions_error());
                }
                return if self.records.is_empty() { Err(DataError::new(ErrorKind::NoDataRows, &self.file)) } else { Ok(true) };
            };
            if self.records.len() >= MAX_ROWS {
                return Err(DataError::new(ErrorKind::TooManyRows { limit: MAX_ROWS }, &self.file).at_line(line));
            }
            let mut dims = Dims {
                clients: &mut self.clients,
                periods: &mut self.periods,
                perceel_codes: &mut self.perceel_codes,
                areas: &mut self.areas,
                landsdelen: &mut self.landsdelen,
                verwijzers: &mut self.verwijzers,
                dates: &mut self.dates,
                providers: &mut self.providers,
                percelen: self.percelen,
                mapping: &self.mapping,
                sources: &self.sources,
            };
            let at = Row { file: &self.file, line, row, header: &self.header, cols: &self.cols, delimiter };
            match dims.record(&at) {
                Ok(record) => self.records.push(record),
                Err(Refusal::Error(e)) => return Err(e),
                Err(Refusal::TooMany { column, limit, value }) => return Err(self.too_many(column, limit, line, &value)),
                Err(Refusal::UnknownRegion) => {
                    let value = row[self.cols[2]].trim().to_string();
                    match self.unknown_regions.iter_mut().find(|(v, _, _)| *v == value) {
                        Some((_, rows, _)) => *rows += 1,
                        None => self.unknown_regions.push((value, 1, line)),
                    }
                }
            }
        }
        Ok(false)
    }

    /// The error listing every gemeente or jeugdregio the reference table does not know: how many
    /// rows, which values (the first few), at the first such row.
    pub(crate) fn unknown_regions_error(&self) -> DataError {
        let rows = self.unknown_regions.iter().map(|u| u.1).sum();
        let shown: Vec<&str> = self.unknown_regions.iter().take(10).map(|u| u.0.as_str()).collect();
        let more = if self.unknown_regions.len() > shown.len() { ", …" } else { "" };
        let kind = ErrorKind::UnknownRegions { rows, values: self.unknown_regions.len() };
        DataError::new(kind, &self.file).at_line(self.unknown_regions[0].2).in_cell(&self.header[self.cols[2]], &format!("{}{more}", shown.join(", ")))
    }

    /// The error for a column over its limit. The reader counts on through the rest of the file
    /// (linear, one hash per row), so the message can say how many values the file has.
    pub(crate) fn too_many(&mut self, column: usize, limit: usize, line: u64, value: &str) -> DataError {
        let (col, percelen, mapping, from_date) = (self.cols[column], self.percelen, &self.mapping, self.sources.period.1);
        // A broken row further on ends the count: the limit is the error to report.
        while let Ok(Some((_, row))) = self.rows.next_row() {
            if column == 1 {
                self.periods.index(&row[col], |s| period_of(mapping, from_date, s));
            } else {
                self.perceel_codes.index(&row[col], |s| percelen.resolve(s));
            }
        }
        let count = if column == 1 { cube_periods(&self.periods.values) } else { self.perceel_codes.values.len() };
        DataError::new(ErrorKind::TooManyValues { limit, count }, &self.file)
            .at_line(line)
            .in_cell(&self.header[col], value)
    }

    /// How far through the file the reader is, 0..=1.
    pub fn progress(&self) -> f64 {
        self.rows.progress()
    }

    /// The cube of everything read, with the records the disclosure method needs beyond it.
    pub fn finish(self) -> Parsed<RecordsCube> {
        let clients = self.clients.keys;
        let list = by_client(&self.records, clients.len());
        let levels = match self.sources.region.1 {
            Role::Gemeente => vec![Level::Jeugdregio, Level::Gemeente],
            Role::Jeugdregio => vec![Level::Jeugdregio],
            _ => Vec::new(),
        };
        let records = Records { list, clients, periods: self.periods.values, percelen: self.perceel_codes.values, providers: self.providers.values, levels };
        Parsed { value: RecordsCube { cube: records.exact_cube(), records }, notices: self.notices }
    }
}
