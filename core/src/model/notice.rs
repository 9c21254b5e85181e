//! Diagnostics that reading a file gives besides its value: what was passed over. This module
//! imports nothing of the crate, so every reader can use it; the words are added at the edge
//! (`message.rs`).

/// Something the reader passed over and the user should know about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A column that the format does not know; its values were not read.
    IgnoredColumn {
        /// The file.
        file: String,
        /// The column's header.
        column: String,
    },
    /// The file was not UTF-8 and was read as Windows-1252.
    Windows1252 {
        /// The file.
        file: String,
    },
}

/// A value read from a file, with the notices reading it gave.
#[derive(Debug, Clone)]
pub struct Parsed<T> {
    /// What was read.
    pub value: T,
    /// What was passed over.
    pub notices: Vec<Notice>,
}
