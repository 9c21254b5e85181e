//! No Leptos component of the app (`src/`) is longer than 60 lines, from its `#[component]` to
//! its closing brace: a longer one does more than one thing the user sees (issue #22).

const LIMIT: usize = 60;

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each component's name and length in lines, of one file's text (top-level items only: a
/// component ends at the first line that is a closing brace in column 0).
fn components(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim() == "#[component]" {
            let end = (i..lines.len()).find(|&k| lines[k].starts_with('}')).unwrap_or(lines.len());
            let name = lines.get(i + 1).and_then(|l| l.split("fn ").nth(1)).and_then(|l| l.split('(').next()).unwrap_or("?");
            out.push((name.to_string(), end - i + 1));
        }
    }
    out
}

#[test]
fn no_component_is_longer_than_the_limit() {
    let mut files = Vec::new();
    rust_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src"), &mut files);
    let mut long = Vec::new();
    let mut seen = 0;
    for f in &files {
        for (name, n) in components(&std::fs::read_to_string(f).unwrap()) {
            seen += 1;
            if n > LIMIT {
                long.push(format!("{} {name}: {n} lines", f.display()));
            }
        }
    }
    assert!(seen >= 20, "only {seen} components found");
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn a_long_component_is_found() {
    let body = "    let x = 1;\n".repeat(LIMIT);
    let text = format!("#[component]\nfn Big() -> impl IntoView {{\n{body}}}\n");
    assert_eq!(components(&text), [("Big".to_string(), LIMIT + 3)]);
}
