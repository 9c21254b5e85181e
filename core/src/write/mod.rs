//! Writing: CSV and SVG downloads, the embed snippet, the publishable cube and its ZIP.

pub mod embed;
pub mod export;
pub mod publish;
pub mod zip;
