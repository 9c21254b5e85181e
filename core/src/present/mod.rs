//! What the views show: their tables, derived figures, sentences and the address of a view.

pub mod metrics;
pub mod sentence;
pub mod url_state;
pub mod view;
