//! No import circles: in each crate of the workspace, no two modules need each other, directly or
//! through others (a module and its own submodules aside: `super::` is how a part reaches its
//! whole). Read from the source text: `crate::…` and `super::…` paths outside comments.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A crate's modules (as paths of names) by file; `bin/` holds crates of their own.
fn modules(src: &Path) -> BTreeMap<Vec<String>, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path: PathBuf = entry.unwrap().path();
            let rel = path.strip_prefix(src).unwrap();
            if path.is_dir() {
                if rel != Path::new("bin") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || rel == Path::new("main.rs") {
                continue;
            }
            let mut names: Vec<String> = rel.with_extension("").iter().map(|s| s.to_string_lossy().into_owned()).collect();
            if matches!(names.last().map(String::as_str), Some("mod" | "lib")) {
                names.pop();
            }
            // Test files of a module (`view/compare/tests.rs`) are part of it.
            out.insert(names, std::fs::read_to_string(&path).unwrap());
        }
    }
    out
}

/// The module a path names: its longest prefix that is a module.
fn resolve(known: &BTreeMap<Vec<String>, String>, path: &[String]) -> Option<Vec<String>> {
    (0..=path.len()).rev().map(|n| path[..n].to_vec()).find(|p| known.contains_key(p))
}

/// The modules a module's text refers to.
fn references(known: &BTreeMap<Vec<String>, String>, me: &[String], text: &str) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (anchor, base) in [("crate::", Vec::new()), ("super::", me[..me.len().saturating_sub(1)].to_vec())] {
            for (at, _) in code.match_indices(anchor) {
                let rest = &code[at + anchor.len()..];
                let mut heads: Vec<String> = Vec::new();
                if let Some(inner) = rest.strip_prefix('{') {
                    let inner = inner.split('}').next().unwrap_or("");
                    heads.extend(inner.split(',').map(|s| s.trim().to_string()));
                } else {
                    heads.push(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect());
                }
                for h in heads {
                    let mut path = base.clone();
                    path.extend(h.split("::").filter(|s| !s.is_empty()).map(str::to_string));
                    if let Some(m) = resolve(known, &path) {
                        out.insert(m);
                    }
                }
            }
        }
    }
    out
}

/// One circle in the graph, if any (a module and its ancestors aside).
fn circle(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    let related = |a: &[String], b: &[String]| a.starts_with(b) || b.starts_with(a);
    for start in graph.keys() {
        // Depth-first from `start`, looking for a way back to it.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, trail)) = stack.pop() {
            for next in graph.get(&at).into_iter().flatten() {
                if related(&at, next) {
                    continue;
                }
                if next == start {
                    return Some(trail.clone());
                }
                if seen.insert(next.clone()) {
                    let mut t = trail.clone();
                    t.push(next.clone());
                    stack.push((next.clone(), t));
                }
            }
        }
    }
    None
}

#[test]
fn no_crate_has_an_import_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for src in ["core/src", "src", "xlsx/src", "generator/src"] {
        let known = modules(&root.join(src));
        assert!(!known.is_empty(), "{src}");
        let graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> =
            known.iter().map(|(m, text)| (m.clone(), references(&known, m, text))).collect();
        if let Some(c) = circle(&graph) {
            panic!("{src}: import circle {}", c.iter().map(|m| m.join("::")).collect::<Vec<_>>().join(" → "));
        }
    }
}

/// The check finds a circle where there is one.
#[test]
fn a_circle_is_found() {
    let known: BTreeMap<Vec<String>, String> = [
        (vec!["a".to_string()], "use crate::b::X;".to_string()),
        (vec!["b".to_string()], "fn f() { crate::c::g() }".to_string()),
        (vec!["c".to_string()], "use crate::{a, d};".to_string()),
        (vec!["d".to_string()], "use super::a;".to_string()),
    ]
    .into_iter()
    .collect();
    let graph = known.iter().map(|(m, t)| (m.clone(), references(&known, m, t))).collect();
    assert!(circle(&graph).is_some());
    let mut broken = known.clone();
    broken.insert(vec!["c".to_string()], "pub fn g() {}".to_string());
    let graph = broken.iter().map(|(m, t)| (m.clone(), references(&known, m, t))).collect();
    assert_eq!(circle(&graph), None);
}

/// The core's folders as layers, lowest first: each may use only those below it (and itself).
const LAYERS: [&str; 6] = ["texts", "model", "read", "protect", "present", "write"];

/// The arrows of a module graph that run from a folder up to one above it, as (from, to).
fn upward(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<(String, String)> {
    let rank = |m: &Vec<String>| m.first().and_then(|f| LAYERS.iter().position(|l| l == f));
    let mut out = Vec::new();
    for (from, tos) in graph {
        for to in tos {
            if let (Some(a), Some(b)) = (rank(from), rank(to)) {
                if b > a {
                    out.push((from.join("::"), to.join("::")));
                }
            }
        }
    }
    out
}

#[test]
fn the_cores_folders_are_layers_each_using_only_those_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let known = modules(&src);
    // Every folder is a layer: a new one must be given its place.
    for m in known.keys().filter(|m| m.len() > 1) {
        assert!(LAYERS.contains(&m[0].as_str()), "core/src/{} is in no layer of LAYERS", m[0]);
    }
    let graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = known.iter().map(|(m, text)| (m.clone(), references(&known, m, text))).collect();
    let up = upward(&graph);
    assert!(up.is_empty(), "arrows that run up the layers {LAYERS:?}: {up:#?}");
}

/// The check finds an arrow that runs up.
#[test]
fn an_upward_arrow_is_found() {
    let known: BTreeMap<Vec<String>, String> = [
        (vec!["model".to_string(), "cube".to_string()], "use crate::read::csv::Rows;".to_string()),
        (vec!["read".to_string(), "csv".to_string()], "use crate::model::cube::Cube;".to_string()),
    ]
    .into_iter()
    .collect();
    let graph = known.iter().map(|(m, t)| (m.clone(), references(&known, m, t))).collect();
    assert_eq!(upward(&graph), vec![("model::cube".to_string(), "read::csv".to_string())]);
}
