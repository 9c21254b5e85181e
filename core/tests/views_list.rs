//! The browser tests and the prerender loop over the views of `scripts/views.mjs`: the same views,
//! in the same (menu) order, as `View::ALL`.

use lta_core::View;

#[test]
fn the_scripts_list_the_views_of_the_menu() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/views.mjs")).unwrap();
    let list = text.split_once("VIEWS = [").and_then(|(_, rest)| rest.split_once(']')).map(|(l, _)| l).unwrap();
    let listed: Vec<&str> = list.split(',').map(|s| s.trim().trim_matches('\'')).collect();
    let menu: Vec<&str> = View::ALL.iter().map(|v| v.slug()).collect();
    assert_eq!(listed, menu);
}
