//! The landsdelen map (`public/geo/landsdelen_2025.geojson`, made by `scripts/geo.sh` from
//! the jeugdregio's) puts each place in the landsdeel whose BEN covers it: the five gemeenten
//! whose jeugdregio crosses a province border lie in Gelderland, and their neighbours across
//! that border stay where they were. Points are the town centres (WGS84, to 0.01°).

use lta_core::{Json, Landsdeel, parse_json};

/// Rings of each feature's polygons, by the feature's name.
fn features() -> Vec<(String, Vec<Vec<(f64, f64)>>)> {
    features_of("landsdelen_2025.geojson")
}

fn features_of(file: &str) -> Vec<(String, Vec<Vec<(f64, f64)>>)> {
    let text = std::fs::read(format!("{}/../public/geo/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let json = parse_json(&text).unwrap();
    let point = |p: &Json| {
        let xy = p.array().unwrap();
        (xy[0].number().unwrap(), xy[1].number().unwrap())
    };
    let ring = |r: &Json| r.array().unwrap().iter().map(point).collect::<Vec<_>>();
    json.object().unwrap().req("features").unwrap().array().unwrap().iter().map(|f| {
        let f = f.object().unwrap();
        let name = f.req("properties").unwrap().object().unwrap().req("name").unwrap().string().unwrap();
        let g = f.req("geometry").unwrap().object().unwrap();
        let coords = g.req("coordinates").unwrap().array().unwrap();
        let rings = match g.req("type").unwrap().string().unwrap().as_str() {
            "Polygon" => coords.iter().map(ring).collect(),
            _ => coords.iter().flat_map(|poly| poly.array().unwrap().iter().map(ring)).collect(),
        };
        (name, rings)
    }).collect()
}

/// Even-odd rule over all rings of a feature (holes and islands alike).
fn inside(rings: &[Vec<(f64, f64)>], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for ring in rings {
        for w in ring.windows(2) {
            let ((x1, y1), (x2, y2)) = (w[0], w[1]);
            if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
                inside = !inside;
            }
        }
    }
    inside
}

fn landsdeel_of(point: (f64, f64)) -> Vec<String> {
    features().into_iter().filter(|(_, rings)| inside(rings, point)).map(|(name, _)| name).collect()
}

#[test]
fn eight_landsdelen_named_as_the_app_names_them() {
    let names: Vec<String> = features().into_iter().map(|f| f.0).collect();
    assert_eq!(names.len(), 8);
    for l in Landsdeel::ALL {
        assert!(names.iter().any(|n| n == l.name()), "{}", l.name());
    }
}

#[test]
fn the_cross_border_gemeenten_lie_in_gelderland_and_their_neighbours_do_not() {
    let gelderland = [("Veenendaal", (5.56, 52.03)), ("Rhenen", (5.57, 51.96)), ("Renswoude", (5.54, 52.07)), ("Zeewolde", (5.54, 52.33)), ("Mook", (5.88, 51.75))];
    for (place, point) in gelderland {
        assert_eq!(landsdeel_of(point), ["Gelderland"], "{place}");
    }
    let others = [("Amersfoort", (5.39, 52.16), "Utrecht, Flevoland"), ("Almere", (5.22, 52.37), "Utrecht, Flevoland"), ("Venlo", (6.17, 51.37), "Limburg"), ("Maastricht", (5.69, 50.85), "Limburg"), ("Ede", (5.67, 52.04), "Gelderland"), ("Utrecht", (5.12, 52.09), "Utrecht, Flevoland")];
    for (place, point, landsdeel) in others {
        assert_eq!(landsdeel_of(point), [landsdeel], "{place}");
    }
}

/// The Regio view's maps: each landsdeel's file has exactly its jeugdregio's (by code), and
/// Veenendaal lies in Food Valley on Gelderland's.
#[test]
fn each_landsdeel_map_has_its_jeugdregios() {
    for l in Landsdeel::ALL {
        let mut codes: Vec<String> = features_of(&format!("jeugdregios-{}.geojson", l.code())).into_iter().map(|f| f.0).collect();
        codes.sort();
        let mut want: Vec<String> = lta_core::Regio::jeugdregios_of(l).iter().map(|r| r.code().to_string()).collect();
        want.sort();
        assert_eq!(codes, want, "{l:?}");
    }
    let food_valley = lta_core::regions().gemeente("Veenendaal").map(|g| lta_core::regions().jeugdregios[g.jeugdregio].code.clone()).unwrap();
    let gelderland = features_of("jeugdregios-GE.geojson");
    let (_, rings) = gelderland.iter().find(|f| f.0 == food_valley).unwrap();
    assert!(inside(rings, (5.56, 52.03)), "Veenendaal in {food_valley}");
}
