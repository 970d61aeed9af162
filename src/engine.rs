//! The rule engine: what a rule is, the registry of all rules, the context a rule reads,
//! and the pass that turns a source file into sorted findings.

use std::collections::BTreeMap;

use crate::finding::{Diagnostic, Finding, NotChecked, NotCheckedReason, Severity};
use crate::i18n::{Arg, Message};
use crate::model::{self, LtvBasis, Plan};
use crate::needs::{Lookup, Verdict};
use crate::source::{SourceFile, Span};
use crate::thresholds::{FxRates, MoneyThreshold, Thresholds};
use crate::yaml;

/// A check over a whole plan; it pushes its findings.
pub type Check = fn(&Context, &mut Vec<Finding>);

/// One rule: its stable id (`principle/rule`), default severity, one-line summary and
/// check. The long documentation is the rule's section in `rules/<principle>.md`.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// `None` for the format rules that the loader reports while reading the plan.
    pub check: Option<Check>,
    /// The plan values the rule needs, as YAML paths. Each entry must be satisfied; an
    /// entry may offer alternatives (`a | b + c`: `a`, or both `b` and `c`), and `[*]`
    /// means "in at least one list item". A rule whose inputs are absent does not run:
    /// `plan/missing-input` reports the gap once for its principle.
    pub inputs: &'static [&'static str],
    /// The `[thresholds]` keys the rule reads.
    pub thresholds: &'static [&'static str],
}

// A rule is its id: two declarations with one id are one rule (the id is the contract).
impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

impl Rule {
    /// The principle slug: the part of the id before the `/`.
    pub fn principle(&self) -> &'static str {
        self.id.split('/').next().unwrap_or(self.id)
    }
}

/// Every rule, in catalogue order.
pub fn registry() -> &'static [&'static Rule] {
    &crate::rules::ALL
}

pub fn find_rule(id: &str) -> Option<&'static Rule> {
    registry().iter().copied().find(|r| r.id == id)
}

/// The principle slugs, in catalogue order.
pub fn principles() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for r in registry() {
        if !out.contains(&r.principle()) {
            out.push(r.principle());
        }
    }
    out
}

/// True when `selector` (a rule id, `principle/` or `principle`) names `rule_id`.
pub fn selector_matches(selector: &str, rule_id: &str) -> bool {
    let s = selector.trim();
    if s == rule_id {
        return true;
    }
    let prefix = s.trim_end_matches('/');
    rule_id
        .split_once('/')
        .is_some_and(|(principle, _)| principle == prefix)
}

/// True when `selector` names at least one registered rule.
pub fn selector_is_known(selector: &str) -> bool {
    registry().iter().any(|r| selector_matches(selector, r.id))
}

/// The registered rule id or principle prefix nearest to a mistyped selector.
pub fn suggest_selector(selector: &str) -> Option<String> {
    let mut candidates: Vec<String> = registry().iter().map(|r| r.id.to_string()).collect();
    candidates.extend(principles().iter().map(|p| format!("{p}/")));
    let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
    crate::model::load::nearest(selector, &refs).map(str::to_string)
}

/// Settings that shape one lint run.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub thresholds: Thresholds,
    pub fx: FxRates,
    /// Severity overrides by rule id; `None` turns a rule off.
    pub severities: BTreeMap<&'static str, Option<Severity>>,
    /// Ignore `planlint-disable` comments.
    pub no_inline_suppressions: bool,
    /// Safety limits on reading one file.
    pub limits: yaml::Limits,
    /// The language findings are worded in.
    pub lang: crate::i18n::Lang,
}

impl Settings {
    /// The severity a rule runs at, or `None` when it is off.
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        match self.severities.get(rule.id) {
            Some(s) => *s,
            None => Some(rule.severity),
        }
    }
}

/// What a rule sees: the plan, the thresholds, and values derived once for all rules.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub thresholds: &'a Thresholds,
    pub fx: &'a FxRates,
    pub metrics: Metrics,
}

impl<'a> Context<'a> {
    pub fn new(plan: &'a Plan, thresholds: &'a Thresholds, fx: &'a FxRates) -> Self {
        Self {
            plan,
            thresholds,
            fx,
            metrics: Metrics::of(plan),
        }
    }

    /// The plan's unit economics, when it states them.
    pub fn unit_economics(&self) -> Option<&'a model::UnitEconomics> {
        self.plan.unit_economics.get().map(|v| &v.value)
    }

    /// The plan's currency code.
    pub fn currency(&self) -> &str {
        self.plan.currency_code()
    }

    /// A money threshold in the plan's currency; `None` (the rule stays silent) when the
    /// plan's currency differs and no rate is configured.
    pub fn money(&self, threshold: f64) -> Option<MoneyThreshold<'_>> {
        self.thresholds
            .money_in(threshold, self.currency(), self.fx)
    }

    /// `50,000 CNY` in the plan's currency.
    pub fn fmt_money(&self, amount: f64) -> String {
        model::value::format_money(amount, self.currency())
    }
}

/// Values several rules derive from the plan, computed once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    /// acv × lifetime_years (× gross_margin on the `gross_margin` basis).
    pub ltv_computed: Option<f64>,
    /// cac / (acv / 12 × gross_margin), in months.
    pub payback_computed: Option<f64>,
    /// annual_value_per_customer / acv.
    pub roi_computed: Option<f64>,
    /// before / after (lower is better) or after / before (higher is better).
    pub improvement_computed: Option<f64>,
}

impl Metrics {
    pub fn of(plan: &Plan) -> Self {
        let mut m = Metrics::default();
        if let Some(ue) = plan.unit_economics.get() {
            let ue = &ue.value;
            let basis = ue.ltv_basis.value().unwrap_or(LtvBasis::Revenue);
            if let (Some(acv), Some(life)) = (ue.acv.value(), ue.lifetime_years.value()) {
                m.ltv_computed = match basis {
                    LtvBasis::Revenue => Some(acv * life),
                    LtvBasis::GrossMargin => ue.gross_margin.value().map(|gm| acv * life * gm),
                };
            }
            if let (Some(cac), Some(acv), Some(gm)) =
                (ue.cac.value(), ue.acv.value(), ue.gross_margin.value())
            {
                let monthly = acv / 12.0 * gm;
                if monthly > 0.0 {
                    m.payback_computed = Some(cac / monthly);
                }
            }
            if let Some(acv) = ue.acv.value().filter(|a| *a > 0.0)
                && let Some(v) = plan.value.get()
                && let Some(annual) = v.value.annual_value_per_customer.value()
            {
                m.roi_computed = Some(annual / acv);
            }
        }
        if let Some(v) = plan.value.get() {
            let v = &v.value;
            if let (Some(before), Some(after)) = (v.before.value(), v.after.value()) {
                m.improvement_computed = match v.better.value() {
                    Some(model::Better::Lower) if after > 0.0 => Some(before / after),
                    Some(model::Better::Higher) if before > 0.0 => Some(after / before),
                    _ => None,
                };
            }
        }
        m
    }
}

/// The slack of every float comparison of values read from a plan with a threshold or
/// with each other: values that differ by less are equal (rounding in the plan's
/// decimal numbers, or in the computation, is not a finding).
pub const EPSILON: f64 = 1e-9;

/// True when `stated` differs from `computed` by more than `tolerance` (a fraction of
/// the computed value).
pub fn differs(stated: f64, computed: f64, tolerance: f64) -> bool {
    if computed == 0.0 {
        return stated != 0.0;
    }
    ((stated - computed) / computed).abs() > tolerance + EPSILON
}

/// The findings of one file.
#[derive(Debug)]
pub struct FileReport {
    pub file: SourceFile,
    /// The findings, worded in the run's language.
    pub findings: Vec<Diagnostic>,
    /// The human report of this file, when it was rendered as soon as the file was
    /// linted (so that its text need not be kept).
    pub rendered: Option<String>,
    /// The enabled rules that did not run on this file, and why (a rule that could not
    /// run is not a pass).
    pub not_checked: Vec<crate::finding::NotChecked>,
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
        let spans = self
            .findings
            .iter()
            .flat_map(|f| std::iter::once(f.span).chain(f.labels.iter().map(|l| l.span)));
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
    match parsed {
        Err(yaml::ParseError::Syntax { span, problem }) => {
            let tab = file
                .slice(Span::new(file.line_start_of(span.offset), span.offset))
                .contains('\t')
                || problem.mentions_tab();
            findings.push(
                Finding::new(
                    &crate::rules::plan::SYNTAX,
                    model::Place {
                        span,
                        path: String::new(),
                    },
                    problem.message("plan-syntax"),
                    problem.message("plan-syntax.label"),
                )
                .help(Message::new("plan-syntax.help").text("tab", if tab { "yes" } else { "no" })),
            );
        }
        Err(yaml::ParseError::Limit {
            span,
            limit,
            value,
            what,
            n,
        }) => findings.push(limit_finding(
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
        Ok(docs) if docs.is_empty() => findings.push(
            Finding::new(
                &crate::rules::plan::INVALID_VALUE,
                model::Place::default(),
                Message::new("plan-empty-file"),
                Message::new("plan-empty-file.label"),
            )
            .help(Message::new("plan-empty-file.help")),
        ),
        Ok(docs) => {
            for doc in &docs {
                let before = findings.len();
                let Some(plan) = model::load_plan(&file, doc, &mut findings) else {
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
    FileReport {
        file,
        findings: render(&findings, settings),
        rendered: None,
        not_checked,
    }
}

/// Every enabled principle rule, as not checked because the file could not be read.
fn not_parsed(settings: &Settings) -> Vec<NotChecked> {
    registry()
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
        .filter(|f| f.is(&crate::rules::plan::INVALID_VALUE))
        .map(|f| f.path.clone())
        .collect();
    // A misspelt key (`revenu_churn`) already has its `plan/unknown-key` finding, which
    // names the key meant: the value it hides counts as unreadable, not as missing.
    invalid.extend(
        findings[loaded_from..]
            .iter()
            .filter(|f| f.is(&crate::rules::plan::UNKNOWN_KEY))
            .filter_map(|f| misspelt_input(&f.path)),
    );
    let lookup = Lookup::new(doc, invalid.iter().map(String::as_str));
    let cx = Context::new(plan, &settings.thresholds, &settings.fx);
    let currency_stated_invalid = matches!(plan.currency, model::Field::Invalid);
    // Per principle, in catalogue order: the rules missing inputs and the paths missing.
    let mut missing: Vec<(&'static str, Vec<&'static Rule>, Vec<String>)> = Vec::new();
    for rule in registry() {
        let Some(check) = rule.check else { continue };
        if settings.severity_of(rule).is_none() {
            continue;
        }
        let skip = |reason, paths| NotChecked {
            rule: rule.id,
            reason,
            paths,
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
    if settings
        .severity_of(&crate::rules::plan::MISSING_INPUT)
        .is_none()
    {
        return;
    }
    for (principle, rules, paths) in missing {
        findings.push(missing_input_finding(&lookup, principle, &rules, &paths));
    }
}

/// The declared input that the unknown key at `path` most likely meant to write.
fn misspelt_input(path: &str) -> Option<String> {
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    let mut leaves: Vec<&str> = Vec::new();
    for rule in registry() {
        for input in rule.inputs {
            for p in input.split(['|', '+']).map(str::trim) {
                let (pp, leaf) = p.rsplit_once('.').unwrap_or(("", p));
                if pp == parent && !leaves.contains(&leaf) {
                    leaves.push(leaf);
                }
            }
        }
    }
    let meant = model::load::nearest(key, &leaves)?;
    Some(if parent.is_empty() {
        meant.to_string()
    } else {
        format!("{parent}.{meant}")
    })
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

/// One `plan/missing-input` finding for a principle: the rules that did not run and the
/// paths they lack, at the deepest section of the first path that the plan has, else at
/// its first key.
fn missing_input_finding(
    lookup: &Lookup,
    principle: &str,
    rules: &[&'static Rule],
    paths: &[String],
) -> Finding {
    let first = paths.first().map(String::as_str).unwrap_or("");
    let shown = collapse_absent_sections(paths, lookup);
    let (span, path, label) = match lookup.enclosing_key(first) {
        Some((span, section)) => (
            span,
            section,
            quoted_list(Message::new("plan-missing-input-here"), &shown, 4),
        ),
        None => (
            lookup.first_key(),
            String::new(),
            quoted_list(Message::new("plan-missing-input-no-section"), &shown, 4),
        ),
    };
    let names: Vec<&str> = rules
        .iter()
        .map(|r| r.id.split_once('/').map_or(r.id, |(_, n)| n))
        .collect();
    let total = registry()
        .iter()
        .filter(|r| r.check.is_some() && r.principle() == principle)
        .count();
    let shown = collapse_absent_sections(paths, lookup);
    let message = Message::new("plan-missing-input")
        .text("principle", principle)
        .count("paths", shown.len())
        .text("ran", if rules.len() == total { "none" } else { "some" })
        .count("total", total)
        .count("skipped", rules.len())
        .text("names", names.join(", "));
    Finding::new(
        &crate::rules::plan::MISSING_INPUT,
        model::Place { span, path },
        quoted_list(message, &shown, usize::MAX),
        label,
    )
    .help(Message::new("plan-missing-input.help").text("principle", principle))
}

/// The paths to name in a message: a section the plan lacks altogether stands for all
/// the paths under it (`unit_economics`, not its six fields).
fn collapse_absent_sections(paths: &[String], lookup: &Lookup) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in paths {
        let top = p.split(['.', '[']).next().unwrap_or(p);
        let name = if top != p && lookup.presence(top) == crate::needs::Presence::Missing {
            top.to_string()
        } else {
            p.clone()
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// `message` with the arguments of `plan-list`: `` `a`, `b` and `c` ``, at most `max`
/// names then "and N more".
fn quoted_list(message: Message, paths: &[String], max: usize) -> Message {
    let shown: Vec<String> = paths.iter().take(max).map(|p| format!("`{p}`")).collect();
    let rest = paths.len().saturating_sub(max);
    let (form, head, last) = match (shown.len(), rest) {
        (0, _) => ("one", String::new(), String::new()),
        (1, 0) => ("one", shown[0].clone(), String::new()),
        (n, 0) => ("and", shown[..n - 1].join(", "), shown[n - 1].clone()),
        (_, _) => ("more", shown.join(", "), String::new()),
    };
    message
        .text("list_form", form)
        .text("list_head", head)
        .text("list_last", last)
        .count("list_more", rest)
}

/// The finding for a file that hits a safety limit, naming it and how to raise it:
/// `what` is a variant of `plan-limit` (`depth`, `nodes`, `file-size`, ...), exceeded
/// beyond `n`.
pub fn limit_finding(
    span: Span,
    limit: &'static str,
    value: u64,
    what: &'static str,
    n: Arg,
) -> Finding {
    let with = |id: &'static str| {
        Message::new(id)
            .text("what", what)
            .arg("n", n.clone())
            .text("limit", limit)
            .text("value", value.to_string())
    };
    Finding::new(
        &crate::rules::plan::LIMIT,
        model::Place {
            span,
            path: String::new(),
        },
        with("plan-limit"),
        with("plan-limit.label"),
    )
    .help(with("plan-limit.help"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for r in registry() {
            assert!(seen.insert(r.id), "duplicate id {}", r.id);
            let (p, name) = r.id.split_once('/').expect("id has a principle");
            assert!(!p.is_empty() && !name.is_empty(), "{}", r.id);
        }
    }

    #[test]
    fn differs_respects_tolerance() {
        assert!(!differs(105.0, 100.0, 0.05));
        assert!(differs(105.1, 100.0, 0.05));
        assert!(differs(1.0, 0.0, 0.05));
    }
}
