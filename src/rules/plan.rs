//! `plan/`: the format itself. Most of these are reported by the loader while it reads
//! the plan (`crate::load`) or the engine reports while parsing it; they are declared here,
//! with the findings they make, so that they can be listed,
//! explained, configured and suppressed like every other rule.

use crate::i18n::{Arg, Message};
use crate::lint::{Check, Context, Finding, Rule, Severity};
use crate::model::Place;
use crate::needs::{Lookup, Presence};
use crate::source::Span;
use crate::yaml::SyntaxProblem;

pub const SYNTAX: Rule = Rule {
    id: "plan/syntax",
    severity: Severity::Error,
    summary: "the file is not valid YAML",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const INVALID_VALUE: Rule = Rule {
    id: "plan/invalid-value",
    severity: Severity::Error,
    summary: "a value has the wrong type, an unknown enum word, an unparseable amount or a reversed range",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const UNKNOWN_KEY: Rule = Rule {
    id: "plan/unknown-key",
    // An error: a misspelt key hides its value from every rule that would read it.
    severity: Severity::Error,
    summary: "a key the plan format does not define",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const DUPLICATE_KEY: Rule = Rule {
    id: "plan/duplicate-key",
    severity: Severity::Error,
    summary: "a key appears twice in one mapping",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const UNUSED_SUPPRESSION: Rule = Rule {
    id: "plan/unused-suppression",
    severity: Severity::Warning,
    summary: "a suppression comment that suppressed nothing",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const NO_FX_RATE: Rule = Rule {
    id: "plan/no-fx-rate",
    severity: Severity::Error,
    summary: "the plan's currency differs from the thresholds' and no exchange rate is configured",
    check: Some(Check::Fn(no_fx_rate)),
    inputs: &[],
    thresholds: &[],
};

pub const LIMIT: Rule = Rule {
    id: "plan/limit",
    severity: Severity::Error,
    summary: "the file exceeds a safety limit (size, nesting depth, nodes or alias expansion)",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const MISSING_INPUT: Rule = Rule {
    id: "plan/missing-input",
    severity: Severity::Error,
    summary: "a principle cannot be fully checked: values its rules need are missing",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const MISSING_CURRENCY: Rule = Rule {
    id: "plan/missing-currency",
    severity: Severity::Error,
    summary: "the plan names no currency and its amounts do not agree on one",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const INFERRED_CURRENCY: Rule = Rule {
    id: "plan/inferred-currency",
    severity: Severity::Info,
    summary: "the plan names no currency; the one its amounts name is used",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub const RULE_ERROR: Rule = Rule {
    id: "plan/rule-error",
    severity: Severity::Error,
    summary: "a rule pack's expression failed on this plan",
    check: None,
    inputs: &[],
    thresholds: &[],
};

pub static RULES: &[&Rule] = &[
    &SYNTAX,
    &INVALID_VALUE,
    &UNKNOWN_KEY,
    &DUPLICATE_KEY,
    &UNUSED_SUPPRESSION,
    &NO_FX_RATE,
    &LIMIT,
    &MISSING_INPUT,
    &MISSING_CURRENCY,
    &INFERRED_CURRENCY,
    &RULE_ERROR,
];

/// A pack rule (`rule`) whose expression failed on this plan at `place`: the other
/// rules still run, and the finding says what failed.
pub fn rule_error_finding(place: impl Into<Place>, rule: &str, error: &str) -> Finding {
    let args = |m: Message| {
        m.text("rule", crate::text::escape_line(rule).into_owned())
            .text("error", crate::text::escape_line(error).into_owned())
    };
    Finding::new(
        &RULE_ERROR,
        place,
        args(Message::new("plan-rule-error")),
        Message::new("plan-rule-error.label"),
    )
    .help(args(Message::new("plan-rule-error.help")))
}

fn no_fx_rate(cx: &Context, out: &mut Vec<Finding>) {
    let plan_currency = cx.currency();
    let threshold_currency = cx.thresholds.currency.as_str();
    // An unknown currency is `plan/missing-currency`'s to report.
    if plan_currency.is_empty()
        || plan_currency == threshold_currency
        || cx.fx.0.contains_key(plan_currency)
    {
        return;
    }
    let place = match cx.plan.currency.get() {
        Some(v) => v.into(),
        None => cx.plan.document.clone(),
    };
    out.push(
        Finding::new(
            &NO_FX_RATE,
            place,
            Message::new("plan-no-fx-rate")
                .text("plan_currency", plan_currency)
                .text("threshold_currency", threshold_currency),
            Message::new("plan-no-fx-rate.label").text("plan_currency", plan_currency),
        )
        .help(fx_help(plan_currency, threshold_currency)),
    );
}

/// How to give the money rules thresholds in the plan's currency: a preset in that
/// currency first, when there is one, else a rate. One line: TOML is quoted inline.
fn fx_help(plan_currency: &str, threshold_currency: &str) -> Message {
    let preset = crate::thresholds::Preset::ALL
        .iter()
        .find(|p| p.thresholds().currency == plan_currency);
    let help = match preset {
        Some(p) => Message::new("plan-no-fx-rate-preset").text("preset", p.name()),
        None => Message::new("plan-no-fx-rate.help"),
    };
    help.text("plan_currency", plan_currency)
        .text("threshold_currency", threshold_currency)
}

/// The finding for a file that is not valid YAML; `tab` when a tab precedes the error on
/// its line (the help then says to indent with spaces).
pub fn syntax_finding(span: Span, problem: &SyntaxProblem, tab: bool) -> Finding {
    Finding::new(
        &SYNTAX,
        Place {
            span,
            path: String::new(),
        },
        problem.message("plan-syntax"),
        problem.message("plan-syntax.label"),
    )
    .help(Message::new("plan-syntax.help").text("tab", if tab { "yes" } else { "no" }))
}

/// The finding for a file with no YAML document in it.
pub fn empty_file_finding() -> Finding {
    Finding::new(
        &INVALID_VALUE,
        Place::default(),
        Message::new("plan-empty-file"),
        Message::new("plan-empty-file.label"),
    )
    .help(Message::new("plan-empty-file.help"))
}

/// One `plan/missing-input` finding for a principle: the rules that did not run and the
/// paths they lack, at the deepest section of the first path that the plan has, else at
/// its first key.
pub fn missing_input_finding(
    lookup: &Lookup,
    principle: &str,
    rules: &[&'static Rule],
    total: usize,
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
    let shown = collapse_absent_sections(paths, lookup);
    let message = Message::new("plan-missing-input")
        .text("principle", principle)
        .count("paths", shown.len())
        .text("ran", if rules.len() == total { "none" } else { "some" })
        .count("total", total)
        .count("skipped", rules.len())
        .text("names", names.join(", "));
    Finding::new(
        &MISSING_INPUT,
        Place { span, path },
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
        let name = if top != p && lookup.presence(top) == Presence::Missing {
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
        &LIMIT,
        Place {
            span,
            path: String::new(),
        },
        with("plan-limit"),
        with("plan-limit.label"),
    )
    .help(with("plan-limit.help"))
}
