//! Landsdelen: a choropleth of the chosen measure (per 1,000 youth by default where the
//! population is known), bar charts and the table with every measure the data has.

use leptos::prelude::*;
use lta_core::{Dimension, Text};

use super::map::{choropleth, map_column, Boundaries};
use super::{charts_of, derive_table, main_chart_around, Cx};

/// The landsdelen, dissolved from the jeugdregio's (`make geo`).
fn landsdelen() -> Boundaries {
    Boundaries { name: "landsdelen", path: "geo/landsdelen_2025.geojson", bit: 1 }
}

pub fn body(ctx: Cx) -> impl IntoView {
    let table = derive_table(ctx, |c| c.dataset.landsdelen(&c.sel, c.lang));
    let map_col = map_column(ctx, table);
    let has_map = crate::memo::memo(move |_| map_col.get().is_some());
    let pick = Some(Dimension::Landsdeel);
    let more = charts_of(
        ctx,
        table,
        &[(Text::EurosPerYouth, Text::BarEurosPerYouthLandsdelen), (Text::ShareOfEuros, Text::BarShareEurosLandsdelen)],
        pick,
    );
    view! {
        // The map after the sentence and before the bar chart: the sentence's figures come first,
        // on the first screen of a phone.
        {main_chart_around(ctx, table, Text::BarLandsdelenTitle, pick, move || has_map.get().then(|| choropleth(ctx, table, map_col, landsdelen(), pick).into_any()))}
        {more}
    }
}
