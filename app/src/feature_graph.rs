//! The crate's top-level modules (features and shared pieces) must depend on
//! each other without a cycle: a feature uses the ones below it, never one
//! that uses it back. This test reads every `crate::…` path in the sources
//! (imports and inline paths, comments aside) and fails on the first cycle,
//! naming the files that close it. See `docs/ARCHITECTURE.md` for the layers.
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module → the modules it names, each with one file that names it.
type Graph = BTreeMap<String, BTreeMap<String, String>>;

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`pairs/api.rs` → `pairs`,
/// `locale.rs` → `locale`); `lib.rs` belongs to none.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_owned())
}

/// The modules a source text names through `crate::<module>`.
fn named_modules(text: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for line in text.lines() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        for (at, _) in code.match_indices("crate::") {
            let preceded_by_word = code[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
            if preceded_by_word {
                continue;
            }
            let name: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            if !name.is_empty() {
                named.insert(name);
            }
        }
    }
    named
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|file| module_of(&src, file))
        .collect();
    let mut graph = Graph::new();
    for file in &files {
        let Some(from) = module_of(&src, file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let edges = graph.entry(from.clone()).or_default();
        for to in named_modules(&text) {
            if to != from && modules.contains(&to) {
                let shown = file.strip_prefix(&src).unwrap_or(file).display();
                edges.entry(to).or_insert_with(|| shown.to_string());
            }
        }
    }
    graph
}

/// A cycle as `a → b → … → a`, each step with the file that makes it.
fn find_cycle(graph: &Graph) -> Option<Vec<(String, String)>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        graph: &Graph,
        node: &str,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<(String, String)>,
    ) -> Option<Vec<(String, String)>> {
        marks.insert(node.to_owned(), Mark::Open);
        for (next, file) in graph.get(node).into_iter().flatten() {
            path.push((next.clone(), file.clone()));
            match marks.get(next.as_str()) {
                Some(Mark::Open) => {
                    let start = path
                        .iter()
                        .position(|(module, _)| module == next)
                        .unwrap_or(0);
                    let mut cycle = path[start..].to_vec();
                    if let Some(first) = cycle.first_mut() {
                        first.1 = String::new();
                    }
                    return Some(cycle);
                }
                Some(Mark::Done) => {}
                None => {
                    if let Some(cycle) = visit(graph, next, marks, path) {
                        return Some(cycle);
                    }
                }
            }
            path.pop();
        }
        marks.insert(node.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if !marks.contains_key(node) {
            let mut path = vec![(node.clone(), String::new())];
            if let Some(cycle) = visit(graph, node, &mut marks, &mut path) {
                return Some(cycle);
            }
        }
    }
    None
}

#[test]
fn top_level_modules_depend_on_each_other_without_a_cycle() {
    let graph = graph();
    // The graph really was read: features and their ties are there.
    assert!(graph.len() >= 25, "modules read: {:?}", graph.keys());
    assert!(graph["workspace"].contains_key("goals"));
    assert!(graph["goals"].contains_key("joint"));
    if let Some(cycle) = find_cycle(&graph) {
        let steps: Vec<String> = cycle
            .iter()
            .map(|(module, file)| {
                if file.is_empty() {
                    module.clone()
                } else {
                    format!("→ {module} (named in {file})")
                }
            })
            .collect();
        panic!("a cycle between modules: {}", steps.join(" "));
    }
}

#[test]
fn a_cycle_is_found_and_named() {
    let mut graph = Graph::new();
    graph
        .entry("pairs".into())
        .or_default()
        .insert("goals".into(), "pairs/api.rs".into());
    graph
        .entry("goals".into())
        .or_default()
        .insert("pairs".into(), "goals/ui.rs".into());
    graph.entry("error".into()).or_default();
    let cycle = find_cycle(&graph).map(|steps| {
        steps
            .into_iter()
            .map(|(module, _)| module)
            .collect::<Vec<_>>()
    });
    assert_eq!(
        cycle,
        Some(vec!["goals".into(), "pairs".into(), "goals".into()])
    );
    graph.get_mut("goals").map(|edges| edges.remove("pairs"));
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn paths_are_read_from_code_not_comments() {
    let text = "use crate::goals::Goal;\n// crate::reports is only mentioned\nlet x = crate::pairs::Side::Mentor; my_crate::other();";
    let named: Vec<String> = named_modules(text).into_iter().collect();
    assert_eq!(named, vec!["goals".to_owned(), "pairs".to_owned()]);
}
