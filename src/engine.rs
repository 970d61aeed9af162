//! The rule engine: what a rule is, the registry of all rules, the context a rule reads,
//! and the pass that turns a source file into sorted findings.

use std::collections::BTreeMap;

use crate::finding::{Finding, Severity};
use crate::model::{self, LtvBasis, Plan};
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

/// True when `stated` differs from `computed` by more than `tolerance` (a fraction of
/// the computed value).
pub fn differs(stated: f64, computed: f64, tolerance: f64) -> bool {
    if computed == 0.0 {
        return stated != 0.0;
    }
    ((stated - computed) / computed).abs() > tolerance + 1e-9
}

/// The findings of one file.
#[derive(Debug)]
pub struct FileReport {
    pub file: SourceFile,
    pub findings: Vec<Finding>,
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
                findings,
                rendered: None,
                not_checked: Vec::new(),
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
    match parsed {
        Err(yaml::ParseError::Syntax { span, message }) => {
            let help = if file
                .slice(Span::new(file.line_start_of(span.offset), span.offset))
                .contains('\t')
                || message.contains("tab")
            {
                "YAML does not allow tabs for indentation: indent with spaces"
            } else {
                "fix the YAML syntax here; the rest of the file is checked once it parses"
            };
            findings.push(
                Finding::new(
                    "plan/syntax",
                    model::Place {
                        span,
                        path: String::new(),
                    },
                    format!("invalid YAML: {message}"),
                    message,
                )
                .help(help),
            );
        }
        Err(yaml::ParseError::Limit {
            span,
            limit,
            value,
            message,
        }) => findings.push(limit_finding(span, limit, value, message)),
        Ok(docs) if docs.is_empty() => findings.push(
            Finding::new(
                "plan/invalid-value",
                model::Place::default(),
                "the file holds no plan: it is empty or only comments",
                "no plan here",
            )
            .help("write the plan's sections here; `planlint init` writes a starter plan"),
        ),
        Ok(docs) => {
            for doc in &docs {
                let Some(plan) = model::load_plan(&file, doc, &mut findings) else {
                    continue;
                };
                let cx = Context::new(&plan, &settings.thresholds, &settings.fx);
                for rule in registry() {
                    let Some(check) = rule.check else { continue };
                    if settings.severity_of(rule).is_none() {
                        continue;
                    }
                    check(&cx, &mut findings);
                }
            }
        }
    }
    finalize(&mut findings, settings);
    if !settings.no_inline_suppressions {
        crate::suppress::apply(&file, &mut findings, settings);
        finalize(&mut findings, settings);
    }
    FileReport {
        file,
        findings,
        rendered: None,
        not_checked: Vec::new(),
    }
}

/// The finding for a file that hits a safety limit, naming it and how to raise it.
pub fn limit_finding(span: Span, limit: &str, value: u64, message: String) -> Finding {
    Finding::new(
        "plan/limit",
        model::Place {
            span,
            path: String::new(),
        },
        format!("{message} (limit `{limit}` = {value})"),
        "the limit is reached here",
    )
    .help(format!(
        "if this is a real plan, raise it in planlint.toml: `[limits]\n{limit} = <higher>`"
    ))
}

const EXPLAIN_PREFIX: &str = "see `planlint explain ";

/// True when `help` already ends with "see `planlint explain ID`" (finalize runs twice
/// when suppressions are applied); checked without building the sentence.
fn ends_with_explain(help: &str, id: &str) -> bool {
    help.strip_suffix('`')
        .and_then(|h| h.strip_suffix(id))
        .is_some_and(|h| h.ends_with(EXPLAIN_PREFIX))
}

/// Applies severities, drops findings of rules that are off, points principle findings
/// at their documentation, and sorts by offset then rule.
fn finalize(findings: &mut Vec<Finding>, settings: &Settings) {
    findings.retain_mut(|f| match find_rule(f.rule) {
        Some(rule) => match settings.severity_of(rule) {
            Some(sev) => {
                f.severity = sev;
                if rule.principle() != "plan"
                    && !f
                        .help
                        .as_deref()
                        .is_some_and(|h| ends_with_explain(h, rule.id))
                {
                    let mut help = match f.help.take() {
                        Some(mut h) => {
                            h.push_str("; ");
                            h
                        }
                        None => String::new(),
                    };
                    help.push_str(EXPLAIN_PREFIX);
                    help.push_str(rule.id);
                    help.push('`');
                    f.help = Some(help);
                }
                true
            }
            None => false,
        },
        None => true,
    });
    findings.sort_by(|a, b| {
        (a.span.offset, a.rule, a.span.len).cmp(&(b.span.offset, b.rule, b.span.len))
    });
    findings.dedup();
}

/// For the rule modules' unit tests: `(line, rule, message)` of the findings whose id
/// starts with `prefix`, linting `yaml` with the default settings.
#[cfg(test)]
pub fn findings_with_prefix(yaml: &str, prefix: &str) -> Vec<(usize, &'static str, String)> {
    let report = lint(
        SourceFile::new("t.plan.yaml", yaml.to_string()),
        &Settings::default(),
    );
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
    fn explain_suffix_is_recognised() {
        let id = "large-customers/acv-floor";
        assert!(ends_with_explain(
            "sell more; see `planlint explain large-customers/acv-floor`",
            id
        ));
        assert!(ends_with_explain(
            "see `planlint explain large-customers/acv-floor`",
            id
        ));
        assert!(!ends_with_explain(
            "see `planlint explain large-customers/ltv-floor`",
            id
        ));
        assert!(!ends_with_explain("large-customers/acv-floor`", id));
    }

    #[test]
    fn differs_respects_tolerance() {
        assert!(!differs(105.0, 100.0, 0.05));
        assert!(differs(105.1, 100.0, 0.05));
        assert!(differs(1.0, 0.0, 0.05));
    }
}
