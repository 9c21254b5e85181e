//! Texts in both languages: the words, which import nothing of the crate.

pub mod i18n;
