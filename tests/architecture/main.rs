//! The shape of `src/`, checked: the core's three rooms and their one-way
//! doors, no web crate in the core, no import cycle, and the house limits
//! on file and function length. Each failure names the file and line.

mod source;

use std::collections::HashMap;
use std::path::Path;

use source::{Reference, Source};

/// Crates that reach the browser: the core is pure Rust and uses none.
const WEB_CRATES: &[&str] = &[
    "yew",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "gloo",
    "gloo_timers",
    "gloo_events",
];

/// Which rooms of `core` a room may use besides itself.
const DOORS: &[(&str, &[&str])] = &[
    ("engine", &[]),
    ("protocol", &["engine"]),
    ("page", &["engine", "protocol"]),
    ("reports", &["engine", "protocol"]),
];

const MAX_FILE_LINES: usize = 350;
const MAX_FUNCTION_LINES: usize = 60;

fn source() -> Source {
    Source::library(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

/// `src/core/page/update.rs:12: use crate::core::reports::team;`
fn cite(reference: &Reference) -> String {
    let text = std::fs::read_to_string(&reference.file).unwrap_or_default();
    let line = text
        .lines()
        .nth(reference.line.saturating_sub(1))
        .unwrap_or("");
    let file = reference.file.strip_prefix(env!("CARGO_MANIFEST_DIR"));
    let file = file.unwrap_or(&reference.file).display();
    format!("{file}:{}: {}", reference.line, line.trim())
}

/// The room of `core` a module is in (`engine`, `page`, `reports`, `protocol`).
fn room(module: &[String]) -> Option<&str> {
    match module {
        [core, room, ..] if core == "core" => Some(room.as_str()),
        _ => None,
    }
}

#[test]
fn the_core_imports_no_web_crate() {
    let source = source();
    let offending: Vec<String> = (source.references.iter())
        .filter(|r| room(&r.from).is_some())
        .filter(|r| {
            r.external
                .as_deref()
                .is_some_and(|c| WEB_CRATES.contains(&c))
        })
        .map(cite)
        .collect();
    assert!(
        offending.is_empty(),
        "src/core is pure Rust: no yew, web-sys, js-sys or wasm-bindgen:\n{}",
        offending.join("\n")
    );
}

#[test]
fn the_rooms_of_the_core_use_only_their_doors() {
    let source = source();
    let mut offending = Vec::new();
    for reference in &source.references {
        let (Some(from), Some(to)) = (
            room(&reference.from),
            reference.target.as_deref().and_then(room),
        ) else {
            continue;
        };
        let doors = DOORS.iter().find(|(r, _)| *r == from).map(|(_, d)| *d);
        if from != to && !doors.is_some_and(|d| d.contains(&to)) {
            offending.push(format!("{from} uses {to}: {}", cite(reference)));
        }
    }
    assert!(
        offending.is_empty(),
        "page and reports use engine (and protocol), never each other; engine uses no other room:\n{}",
        offending.join("\n")
    );
}

#[test]
fn the_rooms_are_the_ones_the_rule_names() {
    let source = source();
    for module in &source.modules {
        if let Some(room) = room(&module.path) {
            assert!(
                DOORS.iter().any(|(r, _)| *r == room),
                "{} is in core but in no room: {room}",
                module.file.display()
            );
        }
    }
}

/// A module that uses an item of its own ancestor is part of it, not a
/// dependency; every other use is an edge.
fn edges(source: &Source) -> HashMap<Vec<String>, Vec<(Vec<String>, &Reference)>> {
    let files: Vec<Vec<String>> = (source.modules.iter())
        .filter(|m| !m.inline)
        .map(|m| m.path.clone())
        .collect();
    let file_of = |module: &[String]| {
        (files.iter())
            .filter(|f| module.starts_with(f))
            .max_by_key(|f| f.len())
            .cloned()
            .unwrap_or_default()
    };
    let mut edges: HashMap<Vec<String>, Vec<(Vec<String>, &Reference)>> = HashMap::new();
    for reference in &source.references {
        let Some(target) = &reference.target else {
            continue;
        };
        let to = file_of(target);
        if reference.from.starts_with(&to) {
            continue;
        }
        edges
            .entry(reference.from.clone())
            .or_default()
            .push((to, reference));
    }
    edges
}

#[test]
fn no_import_cycle_in_src() {
    let source = source();
    let edges = edges(&source);
    let mut cycles = Vec::new();
    for (from, targets) in &edges {
        for (to, reference) in targets {
            if let Some(back) = path_between(&edges, to, from) {
                let through: Vec<String> = back.iter().map(|m| m.join("::")).collect();
                cycles.push(format!(
                    "{} → {} → {}\n  {}",
                    from.join("::"),
                    through.join(" → "),
                    from.join("::"),
                    cite(reference)
                ));
            }
        }
    }
    cycles.sort();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

/// The modules from `start` to `goal` along edges (breadth first), if any.
fn path_between(
    edges: &HashMap<Vec<String>, Vec<(Vec<String>, &Reference)>>,
    start: &[String],
    goal: &[String],
) -> Option<Vec<Vec<String>>> {
    let mut came_from: HashMap<Vec<String>, Vec<String>> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([start.to_vec()]);
    while let Some(here) = queue.pop_front() {
        if here == goal {
            let mut path = vec![here.clone()];
            let mut at = here;
            while let Some(previous) = came_from.get(&at) {
                path.push(previous.clone());
                at = previous.clone();
            }
            path.reverse();
            path.pop();
            return Some(path);
        }
        for (next, _) in edges.get(&here).into_iter().flatten() {
            if next.as_slice() != start && !came_from.contains_key(next) {
                came_from.insert(next.clone(), here.clone());
                queue.push_back(next.clone());
            }
        }
    }
    None
}

#[test]
fn no_file_in_src_is_over_the_limit() {
    let source = source();
    let mut long = Vec::new();
    for module in source.modules.iter().filter(|m| !m.inline) {
        let lines = std::fs::read_to_string(&module.file)
            .map(|t| t.lines().count())
            .unwrap_or(0);
        if lines > MAX_FILE_LINES {
            long.push(format!("{}: {lines} lines", module.file.display()));
        }
    }
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn no_function_in_src_is_over_the_limit() {
    let long: Vec<String> = (source().functions.iter())
        .filter(|f| f.lines > MAX_FUNCTION_LINES)
        .map(|f| {
            format!(
                "{}:{}: fn {} is {} lines",
                f.file.display(),
                f.line,
                f.name,
                f.lines
            )
        })
        .collect();
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines:\n{}",
        long.join("\n")
    );
}
