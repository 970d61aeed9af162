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
//! - `nodes`: planlint's own YAML step (`planlint::yaml::parse`: spanned nodes built from
//!   the same events, with anchors, merge keys and the `[limits]` budgets), no model, no
//!   rules;
//! - `lint`: the whole lint of each file in process (`planlint::engine::lint`, default
//!   settings), no report;
//! - `keep` / `compact`: `lint`, keeping every report to the end as `run.rs` does
//!   (`keep`: the reports with their source text) or only what a report needs once the
//!   file is rendered (`compact`: its name and its JSON), to compare peak memory;
//!
//! Prints files, bytes, the count (events, documents or findings) and the time spent,
//! so that the stages can be compared in one process without start-up costs.

use std::path::PathBuf;
use std::time::Instant;

use granit_parser::{Event, Parser};
use planlint::engine;
use planlint::lint::Settings;
use planlint::source::SourceFile;

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

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mode = match args.first().map(String::as_str) {
        Some("events" | "nodes" | "lint" | "keep" | "compact") => args.remove(0),
        _ => "events".to_string(),
    };
    if args.is_empty() {
        eprintln!("usage: parse_floor [events|nodes|lint|keep|compact] DIR...");
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
        "nodes" => "documents",
        "keep" | "compact" => "findings kept",
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
