//! The LTA dashboard in the browser: a thin Leptos layer over `lta-core`.
//! The core reads, validates and computes; this crate fetches files, renders and binds ECharts.

mod app;
mod chart;
mod chart_options;
mod data_bar;
mod download;
mod embed;
mod load;
mod local_file;
mod publish;
mod notes;
mod table;
mod ui;
mod views;
mod xlsx;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
