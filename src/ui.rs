//! The page's state, held in the address bar (`lta_core::UrlState`), and the changes a click
//! makes to it. Every click is a new history entry, so back and forward retrace the clicks.

use leptos::prelude::*;
use lta_core::{ChartMeasure, Dimension, Ignored, Landsdeel, Offered, UrlState, Verwijzer, View};

use crate::data::Data;

/// Given to every component as context.
#[derive(Clone, Copy)]
pub struct Ui {
    /// What the address asked for, or the last click made: the one source of truth.
    asked: RwSignal<UrlState>,
    /// Address settings that were not understood, shown as a notice until the next click.
    unread: RwSignal<Vec<Ignored>>,
    /// What is shown: the asked state checked against the data (`UrlState::checked`). The
    /// address bar mirrors it.
    pub state: Memo<UrlState>,
    /// Everything ignored: not understood, or not in the data.
    pub ignored: Memo<Vec<Ignored>>,
}

/// The state the address holds: its query, and the view of a view's own page (`landsdelen.html`).
pub fn location_state() -> (UrlState, Vec<Ignored>) {
    let location = web_sys::window().map(|w| w.location());
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let search = location.and_then(|l| l.search().ok()).unwrap_or_default();
    UrlState::parse_location(&path, &search)
}

/// The address that shows `state`, seen from the page at `path`. A view's own page
/// (`landsdelen.html`) keeps its name while it shows its view (its query then needs no `view=`);
/// for another view the address moves to the folder, whose index.html reads the whole state
/// from the query.
fn address(path: &str, state: &UrlState) -> String {
    match View::of_path(path) {
        Some(v) if v == state.view => format!("{path}{}", UrlState { view: View::Overzicht, ..state.clone() }.to_query()),
        Some(_) => format!("{}/{}", path.rsplit_once('/').map_or("", |(dir, _)| dir), state.to_query()),
        None => format!("{path}{}", state.to_query()),
    }
}

/// The state the address asks for, and what it had that was not understood.
pub fn asked_from_location() -> (RwSignal<UrlState>, RwSignal<Vec<Ignored>>) {
    let (state, ignored) = location_state();
    (RwSignal::new(state), RwSignal::new(ignored))
}

/// What the data on screen offers, for `UrlState::checked`.
fn checked(asked: &UrlState, data: &Data) -> (UrlState, Vec<Ignored>) {
    let ids: Option<Vec<String>> = data.index.as_ref().map(|i| i.datasets.iter().map(|e| e.id.clone()).collect());
    let cube = data.dataset.as_ref().map(|d| &d.cube);
    // Only the full app links the reference table of jeugdregio's (and shows the Regio view).
    let jeugdregio_in = crate::handover::FULL.then_some(lta_core::jeugdregio_in as fn(&str, Option<Landsdeel>) -> bool);
    let offered = Offered { datasets: ids.as_deref(), percelen: cube.map(|c| c.percelen()), periods: cube.map(|c| c.periods()), jeugdregio_in };
    asked.checked(&offered)
}

impl Ui {
    /// The page's state: what the address asks, as far as `data` has it.
    pub fn new((asked, unread): (RwSignal<UrlState>, RwSignal<Vec<Ignored>>), data: Memo<Data>) -> Ui {
        let both = crate::memo::memo(move |_| asked.with(|a| data.with(|d| checked(a, d))));
        let state = crate::memo::memo(move |_| both.with(|b| b.0.clone()));
        let ignored = crate::memo::memo(move |_| unread.get().into_iter().chain(both.with(|b| b.1.clone())).collect());
        let ui = Ui { asked, unread, state, ignored };
        ui.mirror_in_address();
        ui
    }

    /// The one effect that writes the address: a click adds a history entry, a correction (a
    /// value the data lacks) replaces the entry, so the address bar always equals the screen.
    /// A click is told from the rest by what was asked: it changed since the effect last ran, and
    /// is not what the address asks (as after back or forward). The effect's value is that state.
    fn mirror_in_address(self) {
        Effect::new(move |before: Option<UrlState>| {
            let asked = self.asked.get();
            let Some(window) = web_sys::window() else { return asked };
            let location = window.location();
            let path = location.pathname().unwrap_or_default();
            let url = self.state.with(|s| address(&path, s));
            if format!("{path}{}", location.search().unwrap_or_default()) == url {
                return asked;
            }
            let push = before.is_some_and(|b| b != asked) && asked != location_state().0;
            if let Ok(history) = window.history() {
                let written = if push {
                    history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                } else {
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                };
                if let Err(e) = written {
                    web_sys::console::warn_2(&"address not written:".into(), &e);
                }
            }
            asked
        });
    }

    /// Back and forward: the address decides again.
    pub fn follow_location(&self) {
        let (state, ignored) = location_state();
        self.unread.set(ignored);
        self.asked.set(state);
    }

    /// Changes what is shown, starting from what is shown; the address follows as a new entry.
    pub fn go(&self, change: impl FnOnce(&mut UrlState)) {
        let mut s = self.state.get_untracked();
        change(&mut s);
        self.unread.set(Vec::new());
        self.asked.set(s);
    }

    /// Chooses a value of a dimension, or clears it when it was chosen already (a second click).
    pub fn toggle(&self, d: Dimension, code: &str) {
        self.go(|s| match d {
            Dimension::Landsdeel => {
                let l = Landsdeel::parse(code);
                s.landsdeel = if s.landsdeel == l { None } else { l };
                // A jeugdregio lies in one landsdeel.
                s.regio = None;
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

    /// Chooses a jeugdregio for the Regio view's gemeenten, or clears it on a second click.
    pub fn toggle_regio(&self, code: &str) {
        self.go(|s| s.regio = if s.regio.as_deref() == Some(code) { None } else { Some(code.to_string()) });
    }

    pub fn clear(&self, d: Dimension) {
        self.go(|s| match d {
            Dimension::Landsdeel => {
                s.landsdeel = None;
                s.regio = None;
            }
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
