//! The page's state as it stands in the address bar, so a view can be linked, reloaded and
//! opened by the browser tests: `?view=landsdelen&lang=en&data=lta-2023`. Unknown keys and
//! invalid values are collected, so the page can say what it ignored instead of failing.

use crate::model::code::{Landsdeel, Verwijzer};
use crate::model::csv_text::valid_period;
use crate::texts::i18n::Lang;
use crate::model::selection::Selection;

mod measure;
mod percent;
mod views;

pub use measure::ChartMeasure;
use percent::{decode, encode};
pub use views::View;

/// What the address bar says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    /// The view.
    pub view: View,
    /// The language.
    pub lang: Lang,
    /// The dataset id; `None` means the first of `index.json`.
    pub data: Option<String>,
    /// The period; `None` means the dataset's latest year.
    pub periode: Option<String>,
    /// The chosen landsdeel (a filter on every view; the profile's landsdeel).
    pub landsdeel: Option<Landsdeel>,
    /// The chosen perceel code (checked against the dataset when it is loaded).
    pub perceel: Option<String>,
    /// The chosen referrer.
    pub verwijzer: Option<Verwijzer>,
    /// The measure the charts show; `None`: each view's own first measure.
    pub measure: Option<ChartMeasure>,
    /// One view without navigation, for an iframe on another site.
    pub embed: bool,
    /// The compare view's other period (`tov`, "ten opzichte van"); `None`: the year before.
    pub tov: Option<String>,
    /// The compare view's other dataset id (`tovdata`); `None`: the dataset shown.
    pub tovdata: Option<String>,
    /// The jeugdregio whose gemeenten the Regio view shows (`regio=JZ41`).
    pub regio: Option<String>,
}

/// A query parameter the page did not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

impl UrlState {
    /// Reads an address: the query, with the view of a view's own page (`landsdelen.html`)
    /// where the query names none. A `view=` in the query wins, so old links keep working.
    ///
    /// ```
    /// use lta_core::{UrlState, View};
    /// assert_eq!(UrlState::parse_location("/lta/landsdelen.html", "?lang=en").0.view, View::Landsdelen);
    /// assert_eq!(UrlState::parse_location("/lta/landsdelen.html", "?view=trend").0.view, View::Trend);
    /// assert_eq!(UrlState::parse_location("/lta/", "").0.view, View::Overzicht);
    /// ```
    pub fn parse_location(path: &str, query: &str) -> (UrlState, Vec<Ignored>) {
        let (mut state, ignored) = UrlState::parse(query);
        let named = query.trim_start_matches('?').split('&').any(|p| p == "view" || p.starts_with("view="));
        if let (false, Some(v)) = (named, View::of_path(path)) {
            state.view = v;
        }
        (state, ignored)
    }

    /// Reads a query string (with or without the leading `?`).
    ///
    /// ```
    /// use lta_core::{UrlState, View};
    /// use lta_core::Lang;
    /// let (s, ignored) = UrlState::parse("?view=landsdelen&lang=en&zoom=3");
    /// assert_eq!((s.view, s.lang), (View::Landsdelen, Lang::En));
    /// assert_eq!(ignored[0].key, "zoom");
    /// ```
    pub fn parse(query: &str) -> (UrlState, Vec<Ignored>) {
        let mut state = UrlState::default();
        let mut ignored = Vec::new();
        for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(key), decode(value));
            let used = match key.as_str() {
                "view" => View::parse(&value).map(|v| state.view = v).is_some(),
                "lang" => Lang::parse(&value).map(|l| state.lang = l).is_some(),
                "data" if valid_id(&value) => {
                    state.data = Some(value.clone());
                    true
                }
                "landsdeel" => Landsdeel::parse(&value).map(|l| state.landsdeel = Some(l)).is_some(),
                "verwijzer" => Verwijzer::parse(&value).map(|v| state.verwijzer = Some(v)).is_some(),
                "measure" => ChartMeasure::parse(&value).map(|m| state.measure = Some(m)).is_some(),
                "embed" if value == "1" || value == "0" => {
                    state.embed = value == "1";
                    true
                }
                // A user's own file may define any perceel; the page checks it against the data.
                "perceel" if !value.trim().is_empty() && value.len() <= 100 => {
                    state.perceel = Some(value.clone());
                    true
                }
                "periode" if valid_period(&value) => {
                    state.periode = Some(value.to_ascii_uppercase());
                    true
                }
                "tov" if valid_period(&value) => {
                    state.tov = Some(value.to_ascii_uppercase());
                    true
                }
                "regio" if value.len() == 4 && value[..2].eq_ignore_ascii_case("jz") && value[2..].bytes().all(|b| b.is_ascii_digit()) => {
                    state.regio = Some(value.to_ascii_uppercase());
                    true
                }
                "tovdata" if valid_id(&value) => {
                    state.tovdata = Some(value.clone());
                    true
                }
                _ => false,
            };
            if !used {
                ignored.push(Ignored { key, value });
            }
        }
        (state, ignored)
    }

    /// The selection of a dataset's period this state asks for.
    pub fn selection(&self, periode: String) -> Selection {
        Selection { periode, landsdeel: self.landsdeel, perceel: self.perceel.clone(), verwijzer: self.verwijzer }
    }

    /// The query string for this state, leaving out defaults so links stay short.
    ///
    /// ```
    /// use lta_core::{UrlState, View};
    /// use lta_core::Lang;
    /// let s = UrlState { view: View::Percelen, lang: Lang::En, ..UrlState::default() };
    /// assert_eq!(s.to_query(), "?view=percelen&lang=en");
    /// assert_eq!(UrlState::default().to_query(), "");
    /// ```
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.view != View::default() {
            parts.push(format!("view={}", self.view.slug()));
        }
        if self.lang != Lang::default() {
            parts.push(format!("lang={}", self.lang.tag()));
        }
        if let Some(d) = &self.data {
            parts.push(format!("data={d}"));
        }
        if let Some(p) = &self.periode {
            parts.push(format!("periode={p}"));
        }
        if let Some(l) = self.landsdeel {
            parts.push(format!("landsdeel={}", l.code()));
        }
        if let Some(p) = &self.perceel {
            parts.push(format!("perceel={}", encode(p)));
        }
        if let Some(v) = self.verwijzer {
            parts.push(format!("verwijzer={}", v.code()));
        }
        if let Some(m) = self.measure {
            parts.push(format!("measure={}", m.slug()));
        }
        if let Some(p) = &self.tov {
            parts.push(format!("tov={p}"));
        }
        if let Some(d) = &self.tovdata {
            parts.push(format!("tovdata={d}"));
        }
        if let Some(r) = &self.regio {
            parts.push(format!("regio={r}"));
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// What the data on screen offers, to check a state against; `None`: not known yet (loading),
/// so not checked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Offered<'a> {
    /// The ids of the published datasets (`data=`).
    pub datasets: Option<&'a [String]>,
    /// The perceel codes of the dataset shown.
    pub percelen: Option<&'a [String]>,
    /// The periods of the dataset shown.
    pub periods: Option<&'a [String]>,
    /// Whether a code is a jeugdregio lying in a landsdeel (any, for None):
    /// [`crate::jeugdregio_in`], where the app links the reference table. The app every visitor
    /// loads does not (the Regio view is the full app's), so it leaves `regio=` to that one.
    pub jeugdregio_in: Option<fn(&str, Option<Landsdeel>) -> bool>,
}

impl UrlState {
    /// The state as the page shows it: a dataset, perceel or period the data does not offer is
    /// left out and reported, like other invalid values. Pure, so the page derives what it shows
    /// (and the address bar) from the asked state instead of writing corrections back.
    ///
    /// ```
    /// use lta_core::{Offered, UrlState};
    /// let (asked, _) = UrlState::parse("?perceel=UMC&periode=2019");
    /// let (percelen, periods) = (["UMC".to_string()], ["2023".to_string()]);
    /// let offered = Offered { percelen: Some(&percelen), periods: Some(&periods), ..Offered::default() };
    /// let (shown, ignored) = asked.checked(&offered);
    /// assert_eq!((shown.perceel.as_deref(), shown.periode), (Some("UMC"), None));
    /// assert_eq!((ignored[0].key.as_str(), ignored[0].value.as_str()), ("periode", "2019"));
    /// ```
    pub fn checked(&self, offered: &Offered) -> (UrlState, Vec<Ignored>) {
        let mut shown = self.clone();
        let mut ignored = Vec::new();
        let mut check = |key: &str, value: &mut Option<String>, known: Option<&[String]>| {
            if let (Some(v), Some(known)) = (value.as_ref(), known) {
                if !known.contains(v) {
                    ignored.push(Ignored { key: key.to_string(), value: v.clone() });
                    *value = None;
                }
            }
        };
        check("data", &mut shown.data, offered.datasets);
        check("perceel", &mut shown.perceel, offered.percelen);
        check("periode", &mut shown.periode, offered.periods);
        // A jeugdregio of the reference table, in the landsdeel chosen (a jeugdregio lies in one).
        if let Some(in_landsdeel) = offered.jeugdregio_in {
            let landsdeel = shown.landsdeel;
            if let Some(code) = shown.regio.take_if(|c| !in_landsdeel(c, landsdeel)) {
                ignored.push(Ignored { key: "regio".into(), value: code });
            }
        }
        (shown, ignored)
    }
}

/// Dataset ids are folder-like names; anything else could point outside `data/`.
fn valid_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_page_names_its_view_unless_the_query_does() {
        for v in View::ALL {
            let page = format!("/site/{}", v.page());
            let path = if v == View::Overzicht { "/site/".to_string() } else { page };
            assert_eq!(UrlState::parse_location(&path, "?lang=en").0.view, v, "{path}");
            assert_eq!(UrlState::parse_location(&path, "?view=trend").0.view, View::Trend, "{path}");
        }
        assert_eq!(View::of_path("/kaart.html"), None);
        assert_eq!(View::of_path("/landsdelen.htm"), None);
        assert_eq!(UrlState::parse_location("/index.html", "").0.view, View::Overzicht);
    }

    #[test]
    fn round_trip() {
        let s = UrlState { view: View::Verwijzers, lang: Lang::En, data: Some("lta-2023".into()), periode: Some("2024-H1".into()), landsdeel: Some(Landsdeel::UF),
            perceel: Some("TKGGZ".into()), verwijzer: Some(Verwijzer::RechterOvj), measure: Some(ChartMeasure::Per1000), embed: true,
            tov: Some("2022-H1".into()), tovdata: Some("illustratief".into()), regio: Some("JZ41".into()) };
        assert_eq!(UrlState::parse(&s.to_query()), (s, vec![]));
    }

    #[test]
    fn a_regio_is_a_jeugdregio_code() {
        let (s, ignored) = UrlState::parse("view=regio&landsdeel=LI&regio=jz41&regio=GM0935&regio=JZ4");
        assert_eq!((s.view, s.landsdeel, s.regio.as_deref()), (View::Regio, Some(Landsdeel::LI), Some("JZ41")));
        assert_eq!(ignored.iter().map(|i| i.value.as_str()).collect::<Vec<_>>(), ["GM0935", "JZ4"]);
        assert_eq!(s.to_query(), "?view=regio&landsdeel=LI&regio=JZ41");
    }

    #[test]
    fn a_regio_is_checked_against_the_reference_and_the_landsdeel() {
        let check = |query: &str| {
            let offered = Offered { jeugdregio_in: Some(crate::model::regio::jeugdregio_in), ..Offered::default() };
            let (shown, ignored) = UrlState::parse(query).0.checked(&offered);
            (shown.regio, ignored.into_iter().map(|i| (i.key, i.value)).collect::<Vec<_>>())
        };
        // Zuid-Limburg lies in Limburg, Groningen does not; JZ99 is in no reference table.
        assert_eq!(check("view=regio&landsdeel=LI&regio=JZ41"), (Some("JZ41".into()), vec![]));
        assert_eq!(check("view=regio&regio=JZ41"), (Some("JZ41".into()), vec![]));
        assert_eq!(check("view=regio&landsdeel=LI&regio=JZ01"), (None, vec![("regio".into(), "JZ01".into())]));
        assert_eq!(check("view=regio&regio=JZ99"), (None, vec![("regio".into(), "JZ99".into())]));
    }

    #[test]
    fn compare_keys() {
        let (s, ignored) = UrlState::parse("view=vergelijk&tov=2022&tovdata=illustratief&measure=europerjeugdige&tov=22");
        assert_eq!((s.view, s.tov.as_deref(), s.tovdata.as_deref()), (View::Vergelijk, Some("2022"), Some("illustratief")));
        assert_eq!(s.measure, Some(ChartMeasure::EurosPerYouth));
        assert_eq!(ignored, [Ignored { key: "tov".into(), value: "22".into() }]);
        assert_eq!(s.to_query(), "?view=vergelijk&measure=europerjeugdige&tov=2022&tovdata=illustratief");
    }

    #[test]
    fn invalid_values_are_ignored_and_reported() {
        let (s, ignored) = UrlState::parse("view=kaart&lang=fr&data=..%2Fetc&view&periode=2023-H3&measure=x&embed=2");
        assert_eq!(s, UrlState::default());
        let keys: Vec<_> = ignored.iter().map(|i| (i.key.as_str(), i.value.as_str())).collect();
        assert_eq!(keys, [("view", "kaart"), ("lang", "fr"), ("data", "../etc"), ("view", ""), ("periode", "2023-H3"), ("measure", "x"), ("embed", "2")]);
    }

    #[test]
    fn a_local_perceel_with_spaces_and_ampersands_survives() {
        let s = UrlState { perceel: Some("Nieuw perceel & zo #2".into()), ..UrlState::default() };
        assert_eq!(s.to_query(), "?perceel=Nieuw%20perceel%20%26%20zo%20%232");
        assert_eq!(UrlState::parse(&s.to_query()), (s, vec![]));
    }

    #[test]
    fn checked_leaves_out_what_the_data_lacks_and_keeps_the_rest() {
        let (asked, _) = UrlState::parse("?view=percelen&data=oud&perceel=ZIKOS&periode=2024&landsdeel=ZW");
        let ids = ["lta-2023".to_string()];
        let (percelen, periods) = (["UMC".to_string()], ["2024".to_string()]);
        let offered = Offered { datasets: Some(&ids), percelen: Some(&percelen), periods: Some(&periods), ..Offered::default() };
        let (shown, ignored) = asked.checked(&offered);
        assert_eq!(shown, UrlState { data: None, perceel: None, ..asked.clone() });
        let keys: Vec<_> = ignored.iter().map(|i| (i.key.as_str(), i.value.as_str())).collect();
        assert_eq!(keys, [("data", "oud"), ("perceel", "ZIKOS")]);
        // Nothing known yet (loading): nothing is left out.
        assert_eq!(asked.checked(&Offered::default()), (asked, vec![]));
    }

    #[test]
    fn decodes_percent_and_plus() {
        assert_eq!(decode("a%20b+c%zz%4"), "a b c%zz%4");
    }
}
