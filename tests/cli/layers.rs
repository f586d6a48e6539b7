//! The library's layers go one way: a module imports only from the layers below its own, never
//! from its own layer's other modules or from above, so no import circle can form. The table is
//! the README's "Where things live", bottom up; a module missing from it fails too, so that a new
//! one is placed on purpose.

use std::collections::BTreeMap;
use std::path::Path;

/// Each top-level module of `src/lib.rs`, with its layer. `lib` is the crate root's own items
/// (`check`, `fix`, `Checked`).
const LAYERS: &[(&str, u8)] = &[
    // Leaves: bytes and positions, value checkers, the SDK's words, suggestions, the atomic writer.
    ("atomic", 0),
    ("checks", 0),
    ("input", 0),
    ("sdk", 0),
    ("suggest", 0),
    // Findings and their fixes.
    ("diagnostics", 1),
    // The profile's shape, as written and as validated.
    ("profile", 2),
    // The checks by section, which build the valid profile.
    ("rules", 3),
    // `check` and `fix`: what every front end calls.
    ("lib", 4),
    // Renderers and reporters.
    ("report", 5),
    ("snippet", 5),
    // The front ends' library halves.
    ("audit", 6),
    ("editor", 6),
    ("lint", 6),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(name, _)| *name == module).map(|&(_, layer)| layer)
}

/// `text` without comments and without `#[cfg(test)]` items: tests may call whatever they test.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            // Skip the item that follows: to its balanced closing brace, or its `;`.
            let mut depth = 0i32;
            let mut opened = false;
            for line in lines.by_ref() {
                let line = line.split("//").next().unwrap_or("");
                depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
                opened |= line.contains('{');
                if (opened && depth <= 0) || (!opened && line.trim_end().ends_with(';')) {
                    break;
                }
            }
            continue;
        }
        let line = match line.trim_start().starts_with("//") {
            true => "",
            false => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The top-level modules that `code` names through `crate::`: `crate::profile::schema` and
/// `crate::{profile, sdk::Word}` alike. A root item (`crate::check`) is `lib`.
fn imports(code: &str) -> Vec<String> {
    let top = |word: &str| match layer(word) {
        Some(_) if word != "lib" => word.to_string(),
        _ => "lib".to_string(),
    };
    let ident = |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        // `ssq_gen::crate::` is not a thing, but `my_crate::x` is another crate's path.
        if code[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => return true,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    false
                })
                .map_or(group.len(), |(i, _)| i);
            // The group's first-level paths: split on the commas outside braces.
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group[..end].char_indices().chain([(end, ',')]) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        let word = ident(group[start..i].trim_start());
                        if !word.is_empty() && word != "self" {
                            found.push(top(&word));
                        }
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            let word = ident(rest);
            if !word.is_empty() {
                found.push(top(&word));
            }
        }
    }
    found
}

/// The module a library file belongs to: `src/profile/raw.rs` is `profile`, `src/lib.rs` is `lib`.
fn module_of(relative: &Path) -> String {
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.strip_suffix(".rs").unwrap_or(&first).to_string()
}

/// Every import that breaks the layering, as `file: from (layer) imports to (layer)`.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (file, text) in files {
        let from = module_of(Path::new(file));
        let Some(from_layer) = layer(&from) else {
            out.push(format!("{file}: module `{from}` is in no layer: add it to tests/cli/layers.rs and the README"));
            continue;
        };
        let mut seen = Vec::new();
        for to in imports(&code(text)) {
            if to == from || seen.contains(&to) {
                continue;
            }
            seen.push(to.clone());
            let to_layer = layer(&to).expect("imports() names only tabled modules or lib");
            if to_layer >= from_layer {
                out.push(format!("{file}: `{from}` (layer {from_layer}) imports `{to}` (layer {to_layer})"));
            }
        }
    }
    out
}

fn library_files() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(&src).unwrap().to_path_buf();
            // The binary sits on top of everything; it is not the library.
            if relative.starts_with("bin") || relative == Path::new("main.rs") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((relative.to_string_lossy().replace('\\', "/"), text));
            }
        }
    }
    files.sort();
    files
}

fn the_library_imports_only_downwards() {
    let files = library_files();
    assert!(files.len() > 20, "found only {} library files", files.len());
    let broken = violations(&files);
    assert!(broken.is_empty(), "imports that go up or sideways:\n{}", broken.join("\n"));
}

/// Every module `lib.rs` declares is in the table, and every tabled module exists.
fn the_table_is_the_crate() {
    let lib = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).unwrap();
    let declared: Vec<_> =
        lib.lines().filter_map(|line| line.strip_prefix("pub mod ")?.strip_suffix(';')).map(str::to_string).collect();
    let mut tabled: Vec<_> = LAYERS.iter().map(|(name, _)| name.to_string()).filter(|name| name != "lib").collect();
    let mut declared_sorted = declared.clone();
    declared_sorted.sort();
    tabled.sort();
    assert_eq!(declared_sorted, tabled, "src/lib.rs's modules and the layer table differ");
}

/// The checker itself: an import that goes up, one sideways, and one through a `use` group are
/// found; tests and comments are not code.
fn the_checker_finds_what_it_should() {
    let file = |name: &str, text: &str| (name.to_string(), text.to_string());
    let broken = violations(&[
        file("sdk.rs", "use crate::profile::schema::Key;\n"),
        file("report/mod.rs", "use crate::{input::source::Span, snippet::escape};\n"),
        file("diagnostics/mod.rs", "fn f() { crate::check(x) }\n"),
        file("profile/raw.rs", "use crate::{diagnostics, sdk::{Word, Cmp}};\n// crate::rules is only a comment\n"),
        file("rules/mod.rs", "use crate::profile::X;\n#[cfg(test)]\nmod tests {\n    use crate::snippet::render;\n}\n"),
        file("newcomer.rs", "\n"),
    ]);
    let expected = [
        "sdk.rs: `sdk` (layer 0) imports `profile` (layer 2)",
        "report/mod.rs: `report` (layer 5) imports `snippet` (layer 5)",
        "diagnostics/mod.rs: `diagnostics` (layer 1) imports `lib` (layer 4)",
        "newcomer.rs: module `newcomer` is in no layer: add it to tests/cli/layers.rs and the README",
    ];
    assert_eq!(broken, expected);
    let counted: BTreeMap<_, _> =
        imports("use crate::{a::b, profile::{x, y}, self};").into_iter().map(|m| (m, ())).collect();
    assert_eq!(counted.keys().collect::<Vec<_>>(), ["lib", "profile"]);
}

tests! {
    the_library_imports_only_downwards,
    the_table_is_the_crate,
    the_checker_finds_what_it_should,
}
