//! The architecture the code promises (src/lib.rs): the top-level modules form no
//! dependency cycle, and rule ids are written only where rules are declared.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without comments and without its `#[cfg(test)] mod tests`.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            // `//` inside a string (a URL) is rare in this code base and never names a module.
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level module a file belongs to: `src/lint/rule.rs` → `lint`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_string())
}

/// Top-level module → the top-level modules it names through `crate::`.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(&src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        let code = code_of(&std::fs::read_to_string(file).expect("a source file"));
        let deps = graph.entry(module.clone()).or_default();
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let mut names = vec![rest];
            // `use crate::{a, b::c}`: every name in the braces.
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                names = group[..end].split(',').map(str::trim).collect();
            }
            for name in names {
                let word: String = name
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if modules.contains(&word) && word != module {
                    deps.insert(word);
                }
            }
        }
    }
    graph
}

/// A cycle through `start`, if any: the path of module names back to it.
fn cycle_from(
    graph: &BTreeMap<String, BTreeSet<String>>,
    start: &str,
    at: &str,
    path: &mut Vec<String>,
    seen: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    for next in graph.get(at).into_iter().flatten() {
        if next == start {
            let mut cycle = path.clone();
            cycle.push(start.to_string());
            return Some(cycle);
        }
        if seen.insert(next.clone()) {
            path.push(next.clone());
            if let Some(c) = cycle_from(graph, start, next, path, seen) {
                return Some(c);
            }
            path.pop();
        }
    }
    None
}

#[test]
fn the_top_level_modules_form_no_cycle() {
    let graph = graph();
    assert!(
        graph.contains_key("lint") && graph.contains_key("engine"),
        "{graph:?}"
    );
    for start in graph.keys() {
        let mut path = vec![start.clone()];
        let found = cycle_from(&graph, start, start, &mut path, &mut BTreeSet::new());
        assert!(
            found.is_none(),
            "module cycle: {}",
            found.unwrap_or_default().join(" → ")
        );
    }
}

#[test]
fn the_core_depends_on_no_rule_engine_or_report() {
    let graph = graph();
    let lint = &graph["lint"];
    for upper in ["rules", "engine", "report", "run", "config", "load"] {
        assert!(!lint.contains(upper), "lint depends on {upper}: {lint:?}");
    }
    for rules_dep in &graph["rules"] {
        assert!(
            !["engine", "run", "report", "config"].contains(&rules_dep.as_str()),
            "rules depend on {rules_dep}"
        );
    }
    for report_dep in &graph["report"] {
        assert_ne!(report_dep, "rules", "a reporter knows nothing of rules");
    }
}

#[test]
fn a_rule_id_is_written_only_where_its_rule_is_declared() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let ids: Vec<&str> = planlint::rules::builtin().iter().map(|r| r.id).collect();
    let mut stray = Vec::new();
    for file in &files {
        let code = code_of(&std::fs::read_to_string(file).expect("a source file"));
        for line in code.lines() {
            if line.trim_start().starts_with("id: \"") {
                continue;
            }
            for id in &ids {
                if line.contains(&format!("\"{id}\"")) {
                    stray.push(format!("{}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(
        stray.is_empty(),
        "rule ids outside their declarations:\n{}",
        stray.join("\n")
    );
}
