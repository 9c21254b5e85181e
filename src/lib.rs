//! The LTA dashboard in the browser: a thin Leptos layer over `lta-core`.
//! The core reads, validates and computes; this crate fetches files, renders and binds ECharts.
//!
//! Built twice (Cargo.toml): without the `toolkit` feature it is the app every visitor loads;
//! with it, the full app that a user's own file or Vergelijken hands the page over to
//! (`handover.rs`). The toolkit's modules (a file of one's own, its columns, the publishable cube,
//! the key, the archive worker) are compiled into the full app only.

mod app;
mod chart;
#[cfg(feature = "toolkit")]
mod columns;
mod chart_options;
mod data;
mod data_bar;
mod download;
mod embed;
mod handover;
mod load;
mod memo;
#[cfg(feature = "toolkit")]
mod local_file;
#[cfg(feature = "toolkit")]
mod publish;
mod notes;
#[cfg(feature = "toolkit")]
mod own_file;
mod pause;
mod prerendered;
#[cfg(feature = "toolkit")]
mod secret_key;
#[cfg(feature = "toolkit")]
mod storage;
mod table;
mod text;
mod ui;
mod views;
#[cfg(feature = "toolkit")]
mod worker;

/// Starts the app in the page.
pub fn start() {
    // A panic's message in the console, for the full app only: in the app every visitor loads
    // its formatting costs 1.3 KB gzip of the first visit's budget (a panic there still stops the
    // app, as "unreachable" in the console).
    #[cfg(feature = "toolkit")]
    console_error_panic_hook::set_once();
    prerendered::mount(app::App);
}
