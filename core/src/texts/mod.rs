//! Texts in both languages, and errors and notices put into words.

pub mod i18n;
pub mod message;
