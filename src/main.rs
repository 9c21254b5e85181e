//! The app every visitor loads: the published datasets in every view but Vergelijken.
fn main() {
    lta_dashboard::start();
}
