//! The LTA dashboard in the browser: a thin Leptos layer over `lta-core`.
//! The core reads, validates and computes; this crate fetches files, renders and binds ECharts.

mod app;
mod chart;
mod chart_options;
mod data;
mod data_bar;
mod download;
mod embed;
mod load;
mod memo;
mod local_file;
mod publish;
mod notes;
mod prerendered;
mod table;
mod text;
mod ui;
mod views;
mod worker;

fn main() {
    console_error_panic_hook::set_once();
    prerendered::mount(app::App);
}
