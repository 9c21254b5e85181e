//! Writing and formatting: numbers, CSV and SVG downloads, JSON, the embed snippet, the publishable cube and its ZIP.

pub mod embed;
pub mod export;
pub mod fixed;
pub mod format;
pub mod json_write;
pub mod publish;
pub mod zip;
