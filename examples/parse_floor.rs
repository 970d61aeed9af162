//! The parse floor of the benchmarks: what it costs only to read the same plans and parse
//! them to YAML events with the parser planlint uses (granit-parser, which serde-saphyr
//! re-exports and drives), without building nodes, a model or running rules.
//!
//! ```sh
//! cargo run --release --example parse_floor -- [MODE] DIR...
//! ```
//!
//! Walks each DIR for `*.plan.yaml` in sorted order (as planlint does), reads every file
//! and, on one thread, does what MODE says:
//!
//! - `events` (default): the parse floor, parse to events and count them;
//! - `nodes`: planlint's own YAML step (`planlint::yaml::parse`: serde-saphyr to spanned
//!   nodes), no model, no rules;
//! - `lint`: the whole lint of each file in process (`planlint::engine::lint`, default
//!   settings), no report;
//! - `direct`: a sketch of what `yaml.rs` could do instead of deserializing through
//!   serde: build the same spanned `Node` tree straight from the parser's events
//!   (scalars resolved with the core schema, anchors, aliases and merge keys expanded).
//!   It measures how close to the floor planlint's YAML step could get; it is not a
//!   drop-in replacement (no alias budget, no tag handling);
//! - `lint-direct`: `lint` with the YAML step of `direct`, to see the whole lint's
//!   throughput with it;
//! - `keep` / `compact`: `lint`, keeping every report to the end as `run.rs` does
//!   (`keep`: the reports with their source text) or only what a report needs once the
//!   file is rendered (`compact`: its name and its JSON), to compare peak memory;
//! - `check`: builds both trees and counts the files where they differ (kinds, values,
//!   keys and every span), printing the first few differences.
//!
//! Prints files, bytes, the count (events, documents or findings) and the time spent,
//! so that the stages can be compared in one process without start-up costs.

use std::path::PathBuf;
use std::time::Instant;

use granit_parser::{Event, Parser, ScalarStyle};
use planlint::engine::{self, Settings};
use planlint::source::SourceFile;
use planlint::source::Span;
use planlint::yaml::{Entry, Node, NodeKind};

fn plan_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in dirs {
        for entry in walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            let name = entry.file_name().to_string_lossy();
            if entry.file_type().is_file() && planlint::input::is_plan_file_name(&name) {
                out.push(entry.into_path());
            }
        }
    }
    out
}

/// Parses `text` to events; returns how many, or the parser's error.
fn count_events(text: &str) -> Result<usize, String> {
    let mut n = 0;
    for ev in Parser::new_from_str(text) {
        let (ev, _span) = ev.map_err(|e| e.to_string())?;
        n += 1;
        if matches!(ev, Event::StreamEnd) {
            break;
        }
    }
    Ok(n)
}

/// Builds spanned nodes straight from the parser's events.
fn direct_nodes(text: &str) -> Result<Vec<Node>, String> {
    enum Open {
        Seq(Span, usize, Vec<Node>),
        Map(Span, usize, Vec<Entry>, Option<(String, Span)>),
    }
    let mut docs = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: Vec<(usize, Node)> = Vec::new();
    let span_of = |sp: &granit_parser::Span| match sp.byte_range() {
        Some(r) => Span::new(r.start, r.end - r.start),
        None => Span::new(0, 0),
    };
    for ev in Parser::new_from_str(text) {
        let (ev, sp) = ev.map_err(|e| e.to_string())?;
        let span = span_of(&sp);
        let (node, anchor) = match ev {
            Event::StreamEnd => break,
            Event::DocumentStart(..) => {
                anchors.clear();
                continue;
            }
            Event::SequenceStart(_, anchor, _) => {
                stack.push(Open::Seq(span, anchor, Vec::new()));
                continue;
            }
            Event::MappingStart(_, anchor, _) => {
                stack.push(Open::Map(span, anchor, Vec::new(), None));
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Open::Seq(span, anchor, items)) => (
                    Node {
                        span,
                        kind: NodeKind::Seq(items),
                    },
                    anchor,
                ),
                _ => return Err("unbalanced sequence".into()),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Open::Map(span, anchor, entries, _)) => (
                    Node {
                        span,
                        kind: NodeKind::Map(entries),
                    },
                    anchor,
                ),
                _ => return Err("unbalanced mapping".into()),
            },
            Event::Scalar(value, style, anchor, _) => (
                Node {
                    span,
                    kind: resolve(&value, style),
                },
                anchor,
            ),
            Event::Alias(id) => match anchors.iter().rev().find(|(a, _)| *a == id) {
                Some((_, n)) => (
                    Node {
                        span,
                        kind: n.kind.clone(),
                    },
                    0,
                ),
                None => return Err("unknown anchor".into()),
            },
            _ => continue,
        };
        if anchor != 0 {
            anchors.push((anchor, node.clone()));
        }
        match stack.last_mut() {
            None => docs.push(node),
            Some(Open::Seq(_, _, items)) => items.push(node),
            Some(Open::Map(_, _, entries, key)) => match key.take() {
                None => {
                    let k = match &node.kind {
                        NodeKind::Str(s) => s.clone(),
                        _ => text
                            .get(node.span.offset..node.span.end())
                            .unwrap_or("")
                            .to_string(),
                    };
                    *key = Some((k, node.span));
                }
                Some((k, key_span)) if k == "<<" => {
                    let merged: Vec<&Node> = match &node.kind {
                        NodeKind::Seq(items) => items.iter().collect(),
                        _ => vec![&node],
                    };
                    for m in merged {
                        if let NodeKind::Map(es) = &m.kind {
                            for e in es {
                                if !entries.iter().any(|x| x.key == e.key) {
                                    entries.push(e.clone());
                                }
                            }
                        }
                    }
                    let _ = key_span;
                }
                Some((k, key_span)) => entries.push(Entry {
                    key: k,
                    complex_key: None,
                    key_span,
                    value: node,
                }),
            },
        }
    }
    Ok(docs)
}

/// The core schema for plain scalars; quoted scalars are strings.
fn resolve(v: &str, style: ScalarStyle) -> NodeKind {
    if style != ScalarStyle::Plain {
        return NodeKind::Str(v.to_string());
    }
    match v {
        "" | "~" | "null" | "Null" | "NULL" => return NodeKind::Null,
        "true" | "True" | "TRUE" => return NodeKind::Bool(true),
        "false" | "False" | "FALSE" => return NodeKind::Bool(false),
        _ => {}
    }
    let first = v.as_bytes()[0];
    if first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.') {
        if let Ok(i) = v.parse::<i64>() {
            return NodeKind::Int(i);
        }
        if v.bytes().any(|b| b.is_ascii_digit())
            && let Ok(f) = v.parse::<f64>()
        {
            return NodeKind::Float(f);
        }
    }
    NodeKind::Str(v.to_string())
}

/// The first difference between two node trees, if any: kinds, values, keys and spans.
fn diff(a: &Node, b: &Node, path: &str) -> Option<String> {
    let here = |what: &str| Some(format!("{path}: {what}"));
    if a.span != b.span {
        return here(&format!("span {:?} vs {:?}", a.span, b.span));
    }
    match (&a.kind, &b.kind) {
        (NodeKind::Map(x), NodeKind::Map(y)) => {
            if x.len() != y.len() {
                return here("entry count");
            }
            for (e, f) in x.iter().zip(y) {
                if e.key != f.key || e.key_span != f.key_span {
                    return here(&format!(
                        "key {} {:?} vs {} {:?}",
                        e.key, e.key_span, f.key, f.key_span
                    ));
                }
                if let Some(d) = diff(&e.value, &f.value, &format!("{path}.{}", e.key)) {
                    return Some(d);
                }
            }
            None
        }
        (NodeKind::Seq(x), NodeKind::Seq(y)) => {
            if x.len() != y.len() {
                return here("item count");
            }
            x.iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (m, n))| diff(m, n, &format!("{path}[{i}]")))
        }
        (x, y) => {
            if format!("{x:?}") != format!("{y:?}") {
                here(&format!("{x:?} vs {y:?}"))
            } else {
                None
            }
        }
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mode = match args.first().map(String::as_str) {
        Some(
            "events" | "nodes" | "lint" | "direct" | "check" | "lint-direct" | "keep" | "compact",
        ) => args.remove(0),
        _ => "events".to_string(),
    };
    if args.is_empty() {
        eprintln!("usage: parse_floor [events|nodes|lint|direct] DIR...");
        std::process::exit(2);
    }
    let dirs: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
    let start = Instant::now();
    let files = plan_files(&dirs);
    let settings = Settings::default();
    let (mut bytes, mut count, mut errors) = (0usize, 0usize, 0usize);
    let mut kept: Vec<engine::FileReport> = Vec::new();
    let mut compact: Vec<(String, String)> = Vec::new();
    for path in &files {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                errors += 1;
                continue;
            }
        };
        bytes += text.len();
        match mode.as_str() {
            "events" => match count_events(&text) {
                Ok(n) => count += n,
                Err(_) => errors += 1,
            },
            "check" => {
                let file = SourceFile::new(path.display().to_string(), text.clone());
                let ours =
                    planlint::yaml::parse(&file, &settings.limits).map_err(|e| format!("{e:?}"));
                match (ours, direct_nodes(&text)) {
                    (Ok(a), Ok(b)) if a.len() == b.len() => {
                        let d = a.iter().zip(&b).find_map(|(x, y)| diff(x, y, ""));
                        if let Some(d) = d {
                            if errors < 5 {
                                eprintln!("{}: {d}", path.display());
                            }
                            errors += 1;
                        } else {
                            count += 1;
                        }
                    }
                    _ => errors += 1,
                }
            }
            "lint-direct" => {
                let parsed =
                    direct_nodes(&text).map_err(|message| planlint::yaml::ParseError::Syntax {
                        span: Span::new(0, 0),
                        problem: planlint::yaml::SyntaxProblem::Parser(message),
                    });
                let file = SourceFile::new(path.display().to_string(), text);
                count += engine::lint_parsed(file, parsed, &settings).findings.len();
            }
            "keep" => {
                let file = SourceFile::new(path.display().to_string(), text);
                let report = engine::lint(file, &settings);
                count += report.findings.len();
                kept.push(report);
            }
            "compact" => {
                let file = SourceFile::new(path.display().to_string(), text);
                let report = engine::lint(file, &settings);
                count += report.findings.len();
                let json = planlint::report::json::render(std::slice::from_ref(&report));
                compact.push((report.file.name.clone(), json));
            }
            "direct" => match direct_nodes(&text) {
                Ok(docs) => count += docs.len(),
                Err(_) => errors += 1,
            },
            "nodes" => {
                let file = SourceFile::new(path.display().to_string(), text);
                match planlint::yaml::parse(&file, &settings.limits) {
                    Ok(docs) => count += docs.len(),
                    Err(_) => errors += 1,
                }
            }
            _ => {
                let file = SourceFile::new(path.display().to_string(), text);
                count += engine::lint(file, &settings).findings.len();
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    // What `keep` and `compact` hold stays alive to here, as a report would.
    std::hint::black_box((&kept, &compact));
    let what = match mode.as_str() {
        "events" => "events",
        "nodes" | "direct" => "documents",
        "keep" | "compact" => "findings kept",
        "check" => "files alike",
        _ => "findings",
    };
    println!(
        "{mode}: {} files, {bytes} bytes, {count} {what}, {errors} errors, {:.3} s ({:.1} MB/s, {:.0} files/s)",
        files.len(),
        secs,
        bytes as f64 / secs / 1e6,
        files.len() as f64 / secs
    );
}
