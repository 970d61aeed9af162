//! `customer-success/`: principle 8, customer success means understanding the customer,
//! not shipping features. Every enterprise service company needs its own customer success
//! team, apart from after-sales support, that measures the customer's outcomes and is large
//! enough to know every account.

use crate::i18n::Message;
use crate::lint::{Check, Context, Rule};
use crate::lint::{Finding, Fix, Notation, Round, Severity};
use crate::model::{CustomerSuccess, Field, Place};

pub const NO_TEAM: Rule = Rule {
    id: "customer-success/no-team",
    severity: Severity::Error,
    summary: "no customer success team of its own, separate from support",
    check: Some(Check::Fn(no_team)),
    inputs: &["customer_success.team"],
    thresholds: &[],
};

pub const NO_OUTCOME_METRICS: Rule = Rule {
    id: "customer-success/no-outcome-metrics",
    severity: Severity::Warning,
    summary: "customer success measures no customer outcomes",
    check: Some(Check::Fn(no_outcome_metrics)),
    inputs: &["customer_success.outcome_metrics"],
    thresholds: &[],
};

pub const UNDER_COVERED: Rule = Rule {
    id: "customer-success/under-covered",
    severity: Severity::Warning,
    summary: "headcount x accounts_per_csm is below the first projection year's customers",
    check: Some(Check::Fn(under_covered)),
    inputs: &[
        "customer_success.headcount",
        "customer_success.accounts_per_csm",
        "projections[*].customers",
    ],
    thresholds: &[],
};

pub static RULES: &[&Rule] = &[&NO_TEAM, &NO_OUTCOME_METRICS, &UNDER_COVERED];

fn customer_success<'a>(cx: &'a Context) -> Option<&'a CustomerSuccess> {
    cx.plan.customer_success.get().map(|v| &v.value)
}

/// A `no-team` finding; `cause` (what is false or missing) selects the wording in the
/// message files.
fn no_team_finding(place: impl Into<Place>, cause: &'static str) -> Finding {
    let with = |id: &'static str| Message::new(id).text("cause", cause);
    Finding::new(
        &NO_TEAM,
        place,
        with("customer-success-no-team"),
        with("customer-success-no-team.label"),
    )
    .help(Message::new("customer-success-no-team.help"))
}

fn no_team(cx: &Context, out: &mut Vec<Finding>) {
    let section = cx.plan.place_of(&cx.plan.customer_success);
    let cs = match &cx.plan.customer_success {
        Field::Present(cs) => &cs.value,
        Field::Invalid => return,
        Field::Missing => {
            out.push(no_team_finding(section, "no-section"));
            return;
        }
    };
    let causes = [
        (&cs.team, "team-false", "team-missing"),
        (
            &cs.separate_from_support,
            "separate-false",
            "separate-missing",
        ),
    ];
    for (field, when_false, when_missing) in causes {
        out.push(match field {
            Field::Present(v) if !v.value => no_team_finding(v, when_false),
            Field::Missing => no_team_finding(section.clone(), when_missing),
            _ => continue,
        });
    }
}

fn no_outcome_metrics(cx: &Context, out: &mut Vec<Finding>) {
    // What is missing selects the wording in the message files.
    let (place, cause) = match &cx.plan.customer_success {
        Field::Invalid => return,
        Field::Missing => (cx.plan.place_of(&cx.plan.customer_success), "no-section"),
        Field::Present(cs) => match &cs.value.outcome_metrics {
            Field::Invalid => return,
            Field::Missing => (cx.plan.place_of(&cx.plan.customer_success), "missing"),
            Field::Present(list) => {
                if list.value.iter().any(|m| !m.value.trim().is_empty()) {
                    return;
                }
                (list.into(), "empty")
            }
        },
    };
    let with = |id: &'static str| Message::new(id).text("cause", cause);
    out.push(
        Finding::new(
            &NO_OUTCOME_METRICS,
            place,
            with("customer-success-no-outcome-metrics"),
            with("customer-success-no-outcome-metrics.label"),
        )
        .help(Message::new("customer-success-no-outcome-metrics.help")),
    );
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
    // The first year's name, and the CSMs needed, when they can be said.
    let year = first.value.year.value().map(|y| y.to_string());
    let needed = (per_csm.value > 0).then(|| customers.value.div_ceil(per_csm.value));
    // The accounts each of the CSMs planned would have to cover.
    let more = (headcount.value > 0).then(|| customers.value.div_ceil(headcount.value));
    let with = |id: &'static str| {
        Message::new(id)
            .count("headcount", headcount.value)
            .count("per_csm", per_csm.value)
            .count("capacity", capacity)
            .count("customers", customers.value)
            .count("short", customers.value - capacity)
            .text("year", year.clone().unwrap_or_default())
            .text("year_known", if year.is_some() { "yes" } else { "no" })
            .count("needed", needed.unwrap_or(0))
            .text("per_csm_zero", if needed.is_some() { "no" } else { "yes" })
            .count("more", more.unwrap_or(0))
            .text("more_known", if more.is_some() { "yes" } else { "no" })
    };
    let finding = Finding::new(
        &UNDER_COVERED,
        per_csm,
        with("customer-success-under-covered"),
        with("customer-success-under-covered.label"),
    )
    .label(headcount, with("customer-success-under-covered-headcount"))
    .label(customers, with("customer-success-under-covered-customers"))
    .help(with("customer-success-under-covered.help"));
    let set = |place, n: u64| Fix::change().set(place, n as f64, Notation::Number, Round::Up);
    out.push(
        finding
            .fix(needed.map(|n| set(headcount, n)))
            .alternative(more.map(|n| set(per_csm, n))),
    );
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
