//! `planlint pack test FILE...`: every rule's `examples`, each merged into the starter
//! plan (which passes every built-in rule) and linted with the pack's rules: a `fail`
//! example must produce the rule's finding and a `pass` example must not, as
//! `conftest verify` checks a policy's tests.

use std::path::PathBuf;

use super::{Exit, RunError, config_and_lang, fail, preset_of, print_out};
use crate::cli::{ColorChoice, ConfigArgs};
use crate::config::Preset;
use crate::i18n::Message;
use crate::lint::{Diagnostic, DiagnosticLabel, Settings, Severity};
use crate::pack::{Example, Pack};
use crate::source::SourceFile;
use crate::yaml::{Entry, Limits, Node, NodeKind};

/// Tests the packs `files` under the configuration `source` names.
pub fn pack_test(files: &[PathBuf], source: &ConfigArgs, color: ColorChoice) -> Exit {
    let (config, lang) = match config_and_lang(source, color) {
        Ok(found) => found,
        Err(exit) => return exit,
    };
    let preset = preset_of(source)
        .or(config.preset)
        .unwrap_or(Preset::Article);
    let mut settings = match config.settings_for(None, Some(preset)) {
        Ok(s) => s,
        Err(e) => return fail(e.into(), lang, color),
    };
    settings.lang = lang;
    let mut packs = Vec::new();
    for path in files {
        match crate::pack::load(path, &settings.registry) {
            Ok(pack) => {
                for rule in &pack.rules {
                    let _ = settings.registry.add(rule);
                }
                packs.push(pack);
            }
            Err(e) => return fail(RunError::Config(e.into()), lang, color),
        }
    }
    let base = super::starter_plan(preset, &preset.thresholds().currency);
    let mut out = String::new();
    let mut exit = Exit::Clean;
    for pack in &packs {
        let mut failures = Vec::new();
        for example in &pack.examples {
            if let Some(d) = run_example(example, &base, &settings) {
                failures.push(d);
            }
        }
        for d in &failures {
            out.push_str(&crate::report::human::render_one(
                &pack.file,
                d,
                color.colors(std::io::stdout()),
                lang,
            ));
        }
        let name = crate::text::escape_line(&pack.file.name).into_owned();
        let line = if pack.examples.is_empty() {
            exit = exit.max(Exit::Findings);
            let m = Message::new("pack-test-no-examples").text("file", name);
            format!(
                "{}\n  {}\n",
                m.render(lang),
                Message::new("pack-test-no-examples.help").render(lang)
            )
        } else if failures.is_empty() {
            Message::new("pack-test-pass")
                .text("file", name)
                .count("n", pack.examples.len())
                .count("rules", rules_with_examples(pack))
                .render(lang)
                + "\n"
        } else {
            exit = exit.max(Exit::Findings);
            Message::new("pack-test-failed")
                .text("file", name)
                .count("failed", failures.len())
                .count("n", pack.examples.len())
                .render(lang)
                + "\n"
        };
        out.push_str(&line);
    }
    match print_out(&out) {
        Ok(()) => exit,
        Err(p) => exit.max(fail(p.into(), lang, color)),
    }
}

fn rules_with_examples(pack: &Pack) -> usize {
    let mut ids: Vec<&str> = pack.examples.iter().map(|e| e.rule.id).collect();
    ids.dedup();
    ids.len()
}

/// Lints one example; a diagnostic into the pack at the example when it is not as
/// expected.
fn run_example(example: &Example, base: &str, settings: &Settings) -> Option<Diagnostic> {
    let id = example.rule.id;
    let failure = |message: Message, label: &'static str, help: &'static str| {
        let message = message.render(settings.lang);
        Some(Diagnostic {
            rule: "pack-test",
            severity: Severity::Error,
            message,
            span: example.span,
            path: String::new(),
            labels: vec![DiagnosticLabel {
                span: example.span,
                message: Message::new(label).text("rule", id).render(settings.lang),
            }],
            help: Some(Message::new(help).text("rule", id).render(settings.lang)),
            fix: None,
            alternatives: Vec::new(),
        })
    };
    let Some(text) = merged(base, &example.snippet, &settings.limits) else {
        return failure(
            Message::new("pack-test-bad-example").text("rule", id),
            "pack-test-bad-example.label",
            "pack-test-bad-example.help",
        );
    };
    let name = format!("{id} example");
    let report = crate::engine::lint(SourceFile::new(name, text), settings);
    if let Some(skip) = report.not_checked.iter().find(|n| n.rule == id) {
        return failure(
            Message::new("pack-test-not-checked")
                .text("rule", id)
                .text("reason", skip.reason.describe()),
            "pack-test-not-checked.label",
            "pack-test-not-checked.help",
        );
    }
    let found = report.findings.iter().find(|d| d.rule == id);
    match (example.fail, found) {
        (true, None) => failure(
            Message::new("pack-test-fail-example").text("rule", id),
            "pack-test-fail-example.label",
            "pack-test-fail-example.help",
        ),
        (false, Some(d)) => failure(
            Message::new("pack-test-pass-example")
                .text("rule", id)
                .text("message", d.message.clone()),
            "pack-test-pass-example.label",
            "pack-test-pass-example.help",
        ),
        _ => None,
    }
}

/// The starter plan with the example's sections merged in (mappings merged key by key,
/// anything else replaced), written as YAML (in its JSON form).
fn merged(base: &str, snippet: &str, limits: &Limits) -> Option<String> {
    let base = crate::yaml::parse(&SourceFile::new("starter", base.to_string()), limits).ok()?;
    let snippet =
        crate::yaml::parse(&SourceFile::new("example", snippet.to_string()), limits).ok()?;
    let (mut base, snippet) = (base.into_iter().next()?, snippet.into_iter().next()?);
    if !matches!(snippet.kind, NodeKind::Map(_)) {
        return None;
    }
    merge(&mut base, snippet);
    let mut out = String::new();
    emit(&base, &mut out);
    out.push('\n');
    Some(out)
}

fn merge(into: &mut Node, from: Node) {
    match (&mut into.kind, from.kind) {
        (NodeKind::Map(entries), NodeKind::Map(new)) => {
            for e in new {
                match entries.iter_mut().find(|x| x.key == e.key) {
                    Some(existing) => merge(&mut existing.value, e.value),
                    None => entries.push(Entry { ..e }),
                }
            }
        }
        (_, kind) => into.kind = kind,
    }
}

fn emit(node: &Node, out: &mut String) {
    match &node.kind {
        NodeKind::Null => out.push_str("null"),
        NodeKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        NodeKind::Int(i) => out.push_str(&i.to_string()),
        NodeKind::Float(f) if f.is_finite() => out.push_str(&format!("{f:?}")),
        NodeKind::Float(f) if f.is_nan() => out.push_str(".nan"),
        NodeKind::Float(f) => out.push_str(if *f > 0.0 { ".inf" } else { "-.inf" }),
        NodeKind::Str(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
        NodeKind::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                emit(item, out);
            }
            out.push(']');
        }
        NodeKind::Map(entries) => {
            out.push('{');
            for (i, e) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&serde_json::to_string(&e.key).unwrap_or_default());
                out.push_str(": ");
                emit(&e.value, out);
            }
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_is_merged_key_by_key() {
        let base = "a: {b: 1, c: [1, 2]}\nd: x\n";
        let out = merged(base, "a: {c: [3]}\ne: 72%", &Limits::default()).unwrap();
        assert_eq!(
            out,
            "{\"a\": {\"b\": 1, \"c\": [3]}, \"d\": \"x\", \"e\": \"72%\"}\n"
        );
        assert_eq!(merged(base, "[1]", &Limits::default()), None);
    }
}
