//! The full app: with the BEN toolkit (a file of one's own, Vergelijken), fetched on demand.
fn main() {
    lta_dashboard::start();
}
