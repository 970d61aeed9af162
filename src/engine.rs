//! The pass that turns a source file into sorted findings: parse, load each document,
//! run the enabled rules of the settings' registry, apply suppressions, sort, word.

use crate::i18n::Arg;
use crate::lint::{
    Check, Context, Diagnostic, Finding, NotChecked, NotCheckedReason, Rule, Settings,
};
use crate::model::{self, Plan};
use crate::needs::{Lookup, Verdict};
use crate::rules::plan;
use crate::source::{SourceFile, Span};
use crate::yaml;

/// The findings of one file.
#[derive(Debug)]
pub struct FileReport {
    pub file: SourceFile,
    /// The findings, worded in the run's language.
    pub findings: Vec<Diagnostic>,
    /// The human report of this file, when it was rendered as soon as the file was
    /// linted (so that its text need not be kept).
    pub rendered: Option<String>,
    /// False when the file did not parse as YAML (or was not UTF-8, or hit a safety
    /// limit while parsing), so that no rule could look at it.
    pub parsed: bool,
    /// The enabled rules that did not run on this file, and why (a rule that could not
    /// run is not a pass).
    pub not_checked: Vec<NotChecked>,
}

impl FileReport {
    /// Drops the file's text once the report no longer needs it, keeping the resolved
    /// location of every span the findings name: a run over thousands of plans then holds
    /// findings, not files. `keep_text` keeps the text of a file with findings (for
    /// reports that quote the source).
    pub fn compact(&mut self, keep_text: bool) {
        if keep_text && !self.findings.is_empty() {
            return;
        }
        let spans = self.findings.iter().flat_map(|f| {
            std::iter::once(f.span)
                .chain(f.labels.iter().map(|l| l.span))
                .chain(
                    f.fix
                        .iter()
                        .chain(&f.alternatives)
                        .flat_map(|x| x.edits.iter().map(|e| e.span)),
                )
        });
        self.file.compact(spans);
    }
}

/// Lints a file as read from disk, keeping the finding about bytes that are not UTF-8.
/// A file that is not UTF-8 gets only that finding: what a lossy decoding would make of
/// the rest is not the plan its author wrote.
pub fn lint_read(read: crate::input::ReadInput, settings: &Settings) -> FileReport {
    match read.encoding_finding {
        Some(finding) => {
            let mut findings = vec![finding];
            finalize(&mut findings, settings);
            FileReport {
                file: read.file,
                findings: render(&findings, settings),
                rendered: None,
                parsed: false,
                not_checked: not_parsed(settings),
            }
        }
        None => lint(read.file, settings),
    }
}

/// Lints one source file: parse, load each document, run every enabled rule, sort.
pub fn lint(file: SourceFile, settings: &Settings) -> FileReport {
    let parsed = yaml::parse(&file, &settings.limits);
    lint_parsed(file, parsed, settings)
}

/// Lints a file already parsed to YAML nodes (`yaml::parse`'s result): load each
/// document, run every enabled rule, sort. Separate from `lint` so that the benchmarks
/// can time the stages apart.
pub fn lint_parsed(
    file: SourceFile,
    parsed: Result<Vec<yaml::Node>, yaml::ParseError>,
    settings: &Settings,
) -> FileReport {
    let mut findings = Vec::new();
    let mut not_checked = Vec::new();
    let mut any_plan = false;
    let did_parse = parsed.is_ok();
    match parsed {
        Err(yaml::ParseError::Syntax { span, problem }) => {
            let tab = file
                .slice(Span::new(file.line_start_of(span.offset), span.offset))
                .contains('\t')
                || problem.mentions_tab();
            findings.push(plan::syntax_finding(span, &problem, tab));
        }
        Err(yaml::ParseError::Limit {
            span,
            limit,
            value,
            what,
            n,
        }) => findings.push(plan::limit_finding(
            span,
            limit,
            value,
            what,
            // `250,000` nodes, `64` levels.
            Arg::Money {
                amount: n as f64,
                currency: String::new(),
            },
        )),
        Ok(docs) if docs.is_empty() => findings.push(plan::empty_file_finding()),
        Ok(docs) => {
            for doc in &docs {
                let before = findings.len();
                let Some(plan) = crate::load::load_plan(&file, doc, &mut findings) else {
                    continue;
                };
                any_plan = true;
                check_document(
                    doc,
                    &plan,
                    settings,
                    &mut findings,
                    before,
                    &mut not_checked,
                );
            }
        }
    }
    if !any_plan {
        not_checked = not_parsed(settings);
    }
    finalize(&mut findings, settings);
    if !settings.no_inline_suppressions {
        crate::suppress::apply(&file, &mut findings, settings);
        finalize(&mut findings, settings);
    }
    crate::lint::resolve_fixes(&file, &mut findings);
    FileReport {
        file,
        findings: render(&findings, settings),
        rendered: None,
        parsed: did_parse,
        not_checked,
    }
}

/// Every enabled principle rule, as not checked because the file could not be read.
fn not_parsed(settings: &Settings) -> Vec<NotChecked> {
    settings
        .registry
        .iter()
        .filter(|r| r.check.is_some() && settings.severity_of(r).is_some())
        .filter(|r| r.principle() != "plan")
        .map(|r| NotChecked {
            rule: r.id,
            reason: NotCheckedReason::NotParsed,
            paths: Vec::new(),
        })
        .collect()
}

/// Runs the enabled rules over one loaded document. A rule whose inputs are absent or
/// invalid, or whose money thresholds cannot be compared with the plan's amounts, does
/// not run: it is recorded as not checked, and absent inputs are reported once per
/// principle as `plan/missing-input`. `loaded_from` is where this document's loader
/// findings start in `findings`.
fn check_document(
    doc: &yaml::Node,
    plan: &Plan,
    settings: &Settings,
    findings: &mut Vec<Finding>,
    loaded_from: usize,
    not_checked: &mut Vec<NotChecked>,
) {
    let mut invalid: Vec<String> = findings[loaded_from..]
        .iter()
        .filter(|f| f.is(&plan::INVALID_VALUE))
        .map(|f| f.path.clone())
        .collect();
    // A misspelt key (`revenu_churn`) already has its `plan/unknown-key` finding, which
    // names the key meant: the value it hides counts as unreadable, not as missing.
    invalid.extend(
        findings[loaded_from..]
            .iter()
            .filter(|f| f.is(&plan::UNKNOWN_KEY))
            .filter_map(|f| misspelt_input(&f.path, settings)),
    );
    let lookup = Lookup::new(doc, invalid.iter().map(String::as_str));
    let cx = Context::new(plan, &settings.thresholds, &settings.fx);
    let currency_stated_invalid = matches!(plan.currency, model::Field::Invalid);
    // Per principle, in catalogue order: the rules missing inputs and the paths missing.
    let mut missing: Vec<(&'static str, Vec<&'static Rule>, Vec<String>)> = Vec::new();
    for rule in settings.registry.iter() {
        let Some(check) = rule.check else { continue };
        if settings.severity_of(rule).is_none() {
            continue;
        }
        let skip = |reason, paths| NotChecked {
            rule: rule.id,
            reason,
            paths,
        };
        let check = match check {
            Check::Fn(check) => check,
            // A run-time rule (a pack's) looks its values up itself: a value that is not
            // there makes it not checked, and is no finding unless the rule requires it.
            Check::Runtime(runtime) => {
                if let Err(skip) = runtime.check(rule, &cx, findings) {
                    push_once(not_checked, skip_with(rule, skip.reason, skip.paths));
                }
                continue;
            }
        };
        match lookup.verdict(rule.inputs) {
            Verdict::Missing(paths) => {
                match missing.iter_mut().find(|(p, _, _)| *p == rule.principle()) {
                    Some((_, rules, all)) => {
                        rules.push(rule);
                        for p in &paths {
                            if !all.contains(p) {
                                all.push(p.clone());
                            }
                        }
                    }
                    None => missing.push((rule.principle(), vec![rule], paths.clone())),
                }
                push_once(not_checked, skip(NotCheckedReason::MissingInput, paths));
                continue;
            }
            Verdict::Invalid(paths) => {
                push_once(not_checked, skip(NotCheckedReason::InvalidValue, paths));
                continue;
            }
            Verdict::Met => {}
        }
        if reads_money_threshold(rule) {
            let currency = cx.currency();
            if currency.is_empty() {
                let (reason, paths) = if currency_stated_invalid {
                    (NotCheckedReason::InvalidValue, vec!["currency".to_string()])
                } else {
                    (
                        NotCheckedReason::MissingCurrency,
                        vec!["currency".to_string()],
                    )
                };
                push_once(not_checked, skip(reason, paths));
                continue;
            }
            if cx.money(1.0).is_none() {
                push_once(not_checked, skip(NotCheckedReason::NoFxRate, Vec::new()));
                continue;
            }
        }
        check(&cx, findings);
    }
    if settings.severity_of(&plan::MISSING_INPUT).is_none() {
        return;
    }
    for (principle, rules, paths) in missing {
        let total = settings
            .registry
            .iter()
            .filter(|r| matches!(r.check, Some(Check::Fn(_))) && r.principle() == principle)
            .count();
        findings.push(plan::missing_input_finding(
            &lookup, principle, &rules, total, &paths,
        ));
    }
}

/// The declared input that the unknown key at `path` most likely meant to write.
fn misspelt_input(path: &str, settings: &Settings) -> Option<String> {
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    let mut leaves: Vec<&str> = Vec::new();
    for rule in settings.registry.iter() {
        for input in rule.inputs {
            for p in input.split(['|', '+']).map(str::trim) {
                let (pp, leaf) = p.rsplit_once('.').unwrap_or(("", p));
                if pp == parent && !leaves.contains(&leaf) {
                    leaves.push(leaf);
                }
            }
        }
    }
    let meant = crate::lint::nearest(key, &leaves)?;
    Some(if parent.is_empty() {
        meant.to_string()
    } else {
        format!("{parent}.{meant}")
    })
}

fn skip_with(rule: &Rule, reason: NotCheckedReason, paths: Vec<String>) -> NotChecked {
    NotChecked {
        rule: rule.id,
        reason,
        paths,
    }
}

fn push_once(list: &mut Vec<NotChecked>, entry: NotChecked) {
    if !list.iter().any(|e| e.rule == entry.rule) {
        list.push(entry);
    }
}

/// True when the rule compares the plan's amounts with a money threshold.
fn reads_money_threshold(rule: &Rule) -> bool {
    rule.thresholds.iter().any(|name| {
        crate::thresholds::ThresholdSpec::find(name)
            .is_some_and(|s| s.unit == crate::thresholds::Unit::Money)
    })
}

/// Applies severities, drops findings of rules that are off, points principle findings
/// at their documentation, and sorts by offset then rule.
fn finalize(findings: &mut Vec<Finding>, settings: &Settings) {
    findings.retain_mut(|f| match settings.severity_of(f.rule) {
        Some(sev) => {
            f.severity = f.max_severity.map_or(sev, |cap| sev.min(cap));
            true
        }
        None => false,
    });
    findings.sort_by(|a, b| {
        (a.span.offset, a.rule.id, a.span.len).cmp(&(b.span.offset, b.rule.id, b.span.len))
    });
    findings.dedup();
}

/// The findings worded in the settings' language, for the reports.
fn render(findings: &[Finding], settings: &Settings) -> Vec<Diagnostic> {
    findings.iter().map(|f| f.render(settings.lang)).collect()
}

/// For the rule modules' unit tests: `(line, rule, message)` of the findings whose id
/// starts with `prefix`, linting `yaml` with the default settings.
#[cfg(test)]
pub fn findings_with_prefix(yaml: &str, prefix: &str) -> Vec<(usize, &'static str, String)> {
    // The snippets are in CNY unless they say otherwise; the line is added last so
    // that line numbers stay those of the snippet.
    let yaml = if yaml.lines().any(|l| l.starts_with("currency:")) {
        yaml.to_string()
    } else {
        format!("{yaml}\ncurrency: CNY\n")
    };
    let report = lint(SourceFile::new("t.plan.yaml", yaml), &Settings::default());
    report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with(prefix))
        .map(|f| (report.file.location(f.span).line, f.rule, f.message.clone()))
        .collect()
}
