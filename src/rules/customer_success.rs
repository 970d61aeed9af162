//! `customer-success/`: principle 8, customer success means understanding the customer,
//! not shipping features. Every enterprise service company needs its own customer success
//! team, apart from after-sales support, that measures the customer's outcomes and is large
//! enough to know every account.

use crate::engine::{Context, Rule};
use crate::finding::{Finding, Severity};
use crate::model::{CustomerSuccess, Field};

pub const NO_TEAM: Rule = Rule {
    id: "customer-success/no-team",
    severity: Severity::Error,
    summary: "no customer success team of its own, separate from support",
    check: Some(no_team),
    inputs: &["customer_success.team"],
    thresholds: &[],
};

pub const NO_OUTCOME_METRICS: Rule = Rule {
    id: "customer-success/no-outcome-metrics",
    severity: Severity::Warning,
    summary: "customer success measures no customer outcomes",
    check: Some(no_outcome_metrics),
    inputs: &["customer_success.outcome_metrics"],
    thresholds: &[],
};

pub const UNDER_COVERED: Rule = Rule {
    id: "customer-success/under-covered",
    severity: Severity::Warning,
    summary: "headcount x accounts_per_csm is below the first projection year's customers",
    check: Some(under_covered),
    inputs: &[
        "customer_success.headcount",
        "customer_success.accounts_per_csm",
        "projections[*].customers",
    ],
    thresholds: &[],
};

pub static RULES: &[&Rule] = &[&NO_TEAM, &NO_OUTCOME_METRICS, &UNDER_COVERED];

const TEAM_HELP: &str = "set up a customer success team of its own (`team: true`, `separate_from_support: true`) that learns each customer's business and helps it get the most value, not only after-sales support or deployment";

fn customer_success<'a>(cx: &'a Context) -> Option<&'a CustomerSuccess> {
    cx.plan.customer_success.get().map(|v| &v.value)
}

fn no_team(cx: &Context, out: &mut Vec<Finding>) {
    let cs = match &cx.plan.customer_success {
        Field::Present(cs) => &cs.value,
        Field::Invalid => return,
        Field::Missing => {
            out.push(
                Finding::new(
                    &NO_TEAM,
                    cx.plan.place_of(&cx.plan.customer_success),
                    "the plan has no `customer_success` section: no customer success team is planned",
                    "no `customer_success` section",
                )
                .help(TEAM_HELP),
            );
            return;
        }
    };
    let section = cx.plan.place_of(&cx.plan.customer_success);
    let causes = [
        (
            &cs.team,
            "the plan has no customer success team (`team: false`)",
            "`customer_success` does not say there is a team (`team` is missing)",
            "`team` missing",
        ),
        (
            &cs.separate_from_support,
            "customer success is not separate from support (`separate_from_support: false`): it becomes after-sales work",
            "`customer_success` does not say the team is separate from support (`separate_from_support` is missing)",
            "`separate_from_support` missing",
        ),
    ];
    for (field, when_false, when_missing, missing_label) in causes {
        let finding = match field {
            Field::Present(v) if !v.value => Finding::new(&NO_TEAM, v, when_false, "false"),
            Field::Missing => Finding::new(&NO_TEAM, &section, when_missing, missing_label),
            _ => continue,
        };
        out.push(finding.help(TEAM_HELP));
    }
}

fn no_outcome_metrics(cx: &Context, out: &mut Vec<Finding>) {
    const HELP: &str = "list the customer outcomes the team is measured on, e.g. `outcome_metrics: [customer write-off rate, planner hours saved]`: customer success is the customer's results, not features shipped";
    let (place, message, label) = match &cx.plan.customer_success {
        Field::Invalid => return,
        Field::Missing => (
            cx.plan.place_of(&cx.plan.customer_success),
            "the plan has no `customer_success` section, so no customer outcome is measured",
            "no `customer_success` section",
        ),
        Field::Present(cs) => match &cs.value.outcome_metrics {
            Field::Invalid => return,
            Field::Missing => (
                cx.plan.place_of(&cx.plan.customer_success),
                "`customer_success` lists no `outcome_metrics`: no customer outcome is measured",
                "no `outcome_metrics`",
            ),
            Field::Present(list) => {
                if list.value.iter().any(|m| !m.value.trim().is_empty()) {
                    return;
                }
                (
                    list.into(),
                    "`outcome_metrics` is empty: no customer outcome is measured",
                    "empty",
                )
            }
        },
    };
    out.push(Finding::new(&NO_OUTCOME_METRICS, place, message, label).help(HELP));
}

fn under_covered(cx: &Context, out: &mut Vec<Finding>) {
    let Some(cs) = customer_success(cx) else {
        return;
    };
    let (Some(headcount), Some(per_csm)) = (cs.headcount.get(), cs.accounts_per_csm.get()) else {
        return;
    };
    let Some(first) = cx.plan.projections.get().and_then(|p| p.value.first()) else {
        return;
    };
    let Some(customers) = first.value.customers.get() else {
        return;
    };
    let capacity = headcount.value.saturating_mul(per_csm.value);
    if capacity >= customers.value {
        return;
    }
    let year = first.value.year.value().map_or_else(
        || "the first projection year".to_string(),
        |y| format!("{y}, the first projection year"),
    );
    let needed = if per_csm.value > 0 {
        format!(
            "at least {} CSMs at {} accounts each",
            customers.value.div_ceil(per_csm.value),
            per_csm.value
        )
    } else {
        "a number of accounts per CSM above zero".to_string()
    };
    out.push(
        Finding::new(
            &UNDER_COVERED,
            per_csm,
            format!(
                "{} CSMs × {} accounts each cover {} accounts, fewer than the {} customers of {year}",
                headcount.value,
                per_csm.value,
                capacity,
                customers.value
            ),
            format!("{} accounts per CSM", per_csm.value),
        )
        .label(headcount, format!("{} CSMs", headcount.value))
        .label(customers, format!("{} customers", customers.value))
        .help(format!(
            "plan {needed}, or show how each CSM can cover more accounts, so every customer has a CSM who knows its business ({} short)",
            plural(customers.value - capacity, "account")
        )),
    );
}

/// `1 account`, `3 accounts`.
fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    /// `(line, rule, message)` of this principle's findings.
    fn findings(yaml: &str) -> Vec<(usize, &'static str, String)> {
        crate::engine::findings_with_prefix(yaml, "customer-success/")
    }

    const GOOD: &str = "customer_success:\n  team: true\n  separate_from_support: true\n  outcome_metrics: [write-off rate]\n";

    #[test]
    fn invalid_values_are_not_missing() {
        let got = findings(
            "customer_success:\n  team: maybe\n  separate_from_support: 1\n  outcome_metrics: many\n",
        );
        assert!(got.is_empty(), "{got:?}");
        assert!(findings("customer_success: [team]\n").is_empty());
    }

    #[test]
    fn blank_outcome_metrics_are_empty() {
        let got = findings(
            "customer_success:\n  team: true\n  separate_from_support: true\n  outcome_metrics: [\"\"]\n",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0, got[0].1),
            (4, "customer-success/no-outcome-metrics")
        );
    }

    #[test]
    fn coverage_uses_the_first_projection_entry_only() {
        let yaml = format!(
            "{GOOD}  headcount: 2\n  accounts_per_csm: 10\nprojections:\n  - {{ year: 2026, customers: 20 }}\n  - {{ year: 2027, customers: 500 }}\n"
        );
        assert!(findings(&yaml).is_empty());
        let no_customers = format!(
            "{GOOD}  headcount: 2\n  accounts_per_csm: 10\nprojections:\n  - {{ year: 2026 }}\n  - {{ year: 2027, customers: 500 }}\n"
        );
        assert!(findings(&no_customers).is_empty());
    }

    #[test]
    fn zero_accounts_per_csm_covers_nobody() {
        let yaml = format!(
            "{GOOD}  headcount: 3\n  accounts_per_csm: 0\nprojections:\n  - {{ customers: 1 }}\n"
        );
        let got = findings(&yaml);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (6, "customer-success/under-covered"));
        assert!(
            got[0].2.ends_with("the first projection year"),
            "{}",
            got[0].2
        );
    }
}
