//! No Leptos component of the app (`src/`) is longer than 60 lines, from its `#[component]` to
//! its closing brace: a longer one does more than one thing the user sees (issue #22). And the
//! core reads in small pieces: no file of `core/src` over 400 lines, no function over 60, and
//! `lib.rs` renames nothing (issue #34).

const LIMIT: usize = 60;
const FILE_LIMIT: usize = 400;
const FN_LIMIT: usize = 60;

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

/// Each function's name and length in lines: from a line that starts a `fn` with a body to the
/// first line after it that closes a brace at the same indentation.
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let head = ["pub fn ", "pub(crate) fn ", "pub(super) fn ", "fn ", "const fn ", "pub const fn "].iter().find(|h| code.starts_with(*h));
        let Some(head) = head else { continue };
        if code.ends_with(';') {
            continue;
        }
        let indent = line.len() - code.len();
        let closes = |l: &str| l.len() > indent && l[..indent].trim().is_empty() && l[indent..].starts_with('}');
        let end = (i + 1..lines.len()).find(|&k| closes(lines[k])).unwrap_or(i);
        let name = code[head.len()..].split(['(', '<']).next().unwrap_or("?");
        out.push((name.to_string(), end - i + 1));
    }
    out
}

#[test]
fn no_core_file_over_400_lines_and_no_function_over_60() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50);
    let mut long = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.strip_prefix(&src).unwrap().display().to_string();
        let lines = text.lines().count();
        if lines > FILE_LIMIT {
            long.push(format!("{name}: {lines} lines"));
        }
        for (f, n) in functions(&text).into_iter().filter(|(_, n)| *n > FN_LIMIT) {
            long.push(format!("{name}: fn {f}, {n} lines"));
        }
    }
    assert!(long.is_empty(), "over the limits: {long:#?}");
}

/// The scanner finds a function's end, and a long one.
#[test]
fn a_long_function_is_found() {
    let body = "        x += 1;\n".repeat(70);
    let text = format!("impl A {{\n    pub fn short() {{\n    }}\n\n    fn long(x: u8) {{\n{body}    }}\n}}\n");
    assert_eq!(functions(&text), vec![("short".to_string(), 2), ("long".to_string(), 72)]);
}

/// The public API names each item by its own name: no `as` in `lib.rs`'s re-exports, so a
/// reader finds `lta_core::format_cell` as `fn format_cell` where it is written.
#[test]
fn the_api_renames_nothing() {
    let lib = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let renames: Vec<&str> = lib.lines().filter(|l| l.starts_with("pub use") && l.contains(" as ")).collect();
    assert!(renames.is_empty(), "{renames:#?}");
}
