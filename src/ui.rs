//! The page's state, held in the address bar (`lta_core::url_state`), and the changes a click
//! makes to it. Every change is a new history entry, so back and forward retrace the clicks.

use leptos::prelude::*;
use lta_core::selection::Dimension;
use lta_core::url_state::{ChartMeasure, Ignored, UrlState, View};
use lta_core::{Landsdeel, Verwijzer};

/// Given to every component as context.
#[derive(Clone, Copy)]
pub struct Ui {
    pub state: RwSignal<UrlState>,
    /// Address settings that were not understood, shown as a notice until the next click.
    pub ignored: RwSignal<Vec<Ignored>>,
}

/// The state the address holds: its query, and the view of a view's own page (`landsdelen.html`).
pub fn location_state() -> (UrlState, Vec<Ignored>) {
    let location = web_sys::window().map(|w| w.location());
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let search = location.and_then(|l| l.search().ok()).unwrap_or_default();
    UrlState::parse_location(&path, &search)
}

impl Ui {
    pub fn from_location() -> Ui {
        let (state, ignored) = location_state();
        Ui { state: RwSignal::new(state), ignored: RwSignal::new(ignored) }
    }

    /// Changes the state and records it in the address bar.
    pub fn go(&self, change: impl FnOnce(&mut UrlState)) {
        self.state.update(change);
        self.ignored.set(Vec::new());
        let query = self.state.with_untracked(UrlState::to_query);
        let Some(window) = web_sys::window() else { return };
        // On a view's own page (`landsdelen.html`) the address moves to the folder, whose
        // index.html reads the whole state from the query.
        let path = window.location().pathname().unwrap_or_default();
        let path = if View::of_path(&path).is_some() { path.rsplit_once('/').map_or("/", |(dir, _)| dir).to_string() + "/" } else { path };
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{query}")));
        }
    }

    /// Chooses a value of a dimension, or clears it when it was chosen already (a second click).
    pub fn toggle(&self, d: Dimension, code: &str) {
        self.go(|s| match d {
            Dimension::Landsdeel => {
                let l = Landsdeel::parse(code);
                s.landsdeel = if s.landsdeel == l { None } else { l };
            }
            Dimension::Perceel => {
                s.perceel = if s.perceel.as_deref() == Some(code) { None } else { Some(code.to_string()) };
            }
            Dimension::Verwijzer => {
                let v = Verwijzer::parse(code);
                s.verwijzer = if s.verwijzer == v { None } else { v };
            }
        });
    }

    pub fn clear(&self, d: Dimension) {
        self.go(|s| match d {
            Dimension::Landsdeel => s.landsdeel = None,
            Dimension::Perceel => s.perceel = None,
            Dimension::Verwijzer => s.verwijzer = None,
        });
    }

    pub fn set_period(&self, p: String) {
        self.go(|s| s.periode = Some(p));
    }

    pub fn set_measure(&self, m: ChartMeasure) {
        self.go(|s| s.measure = Some(m));
    }

    pub fn set_view(&self, v: View) {
        self.go(|s| s.view = v);
    }
}
