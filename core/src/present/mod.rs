//! What the views show: their tables, derived figures, sentences, numbers and messages in words,
//! and the address of a view.

pub mod format;
pub mod message;
pub mod metrics;
pub mod read_any;
pub mod sentence;
pub mod url_state;
pub mod view;
